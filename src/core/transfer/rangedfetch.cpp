// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/rangedfetch.h"

#include "destinations/destination.h"
#include "drive/driveclient.h"
#include "net/retrypolicy.h"
#include "transfer/bodystream.h"
#include "transfer/hashcheckpoints.h"
#include "util/hasher.h"
#include "util/logging.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
constexpr qint64 HashChunk = 1 << 20;
constexpr qint64 HashPerTurn = 2 << 20; // then let the event loop breathe: replies keep flowing
constexpr qint64 MinChunk = 1 << 20;
constexpr qint64 MaxChunks = 256;
} // namespace

RangedFetch::RangedFetch(const TransferContext &context, const Drive::DriveFile &file, Dest::Sink *sink,
                         Util::StreamHasher *hasher, const RunOptions &options, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_file(file)
    , m_sink(sink)
    , m_hasher(hasher)
    , m_options(options)
{
    // N streams work through a queue of chunks in file order rather than N equal quarters: the written
    // prefix then grows steadily, so hashing keeps up with the network instead of reading back three
    // quarters of the file after the last byte arrived.
    m_streams = int(std::max<qint64>(1, options.streams));
    qint64 chunk = (file.size + qint64(m_streams) * 4 - 1) / (qint64(m_streams) * 4);
    chunk = std::max<qint64>({chunk, MinChunk, (file.size + MaxChunks - 1) / MaxChunks});
    const int n = int((file.size + chunk - 1) / chunk);
    const qint64 partSize = chunk;
    for (int i = 0; i < n; ++i)
    {
        auto part = std::make_unique<Part>();
        part->index = i;
        part->start = qint64(i) * partSize;
        part->end = std::min(file.size, part->start + partSize) - 1;
        part->retry = std::make_unique<Net::RetryPolicy>(options.backoffPolicy(), QRandomGenerator::global()->generate());
        part->retry->setPacer(m_ctx.pacer);
        part->retry->setCounters(m_ctx.counters);
        part->retryTimer.setSingleShot(true);
        Part *p = part.get();
        connect(&part->retryTimer, &QTimer::timeout, this, [this, p] { request(*p); });
        m_parts.push_back(std::move(part));
    }
}

RangedFetch::~RangedFetch()
{
    for (auto &part : m_parts)
        dropStream(*part);
}

qint64 RangedFetch::received() const
{
    qint64 sum = 0;
    for (const auto &part : m_parts)
        sum += part->written;
    return sum;
}

void RangedFetch::start()
{
    fill();
}

void RangedFetch::fill()
{
    if (m_finished || m_paused)
        return;
    int inFlight = 0;
    for (const auto &part : m_parts)
        inFlight += part->started && !part->done ? 1 : 0;
    for (auto &part : m_parts)
    {
        if (inFlight >= m_streams)
            break;
        if (part->started)
            continue;
        part->started = true;
        ++inFlight;
        request(*part);
    }
}

void RangedFetch::request(Part &part)
{
    if (m_finished || m_paused || part.done || part.stream)
        return;
    BodyStream::Spec spec;
    Part *p = &part;
    const qint64 from = part.start + part.written;
    // The Drive client puts the current token on it (only its own host gets one).
    spec.makeRequest = [this, from, p] { return m_ctx.drive->mediaRequest(m_file, from, p->end); };
    spec.origin = m_ctx.drive->endpoints().driveApi;
    spec.from = from;
    spec.length = part.length() - part.written;
    spec.cap = spec.length;
    spec.capText = tr("the %1 bytes of the range asked for").arg(spec.length);
    spec.ranged = true;
    // The file's memory bound is shared by its streams: N parts together buffer what one stream would.
    spec.readBufferSize = std::max<qint64>(64 * 1024, m_options.readBufferSize / m_streams);
    spec.stallTimeoutMs = m_options.stallTimeoutMs;
    part.stream = new BodyStream(m_ctx, m_sink, std::move(spec), this);
    connect(part.stream, &BodyStream::wrote, this, [this, p](qint64 bytes) {
        p->written += bytes;
        advanceHash();
    });
    connect(part.stream, &BodyStream::finished, this, [this, p](const Net::Error &error) { onPartFinished(*p, error); });
    part.stream->start();
}

void RangedFetch::onPartFinished(Part &part, const Net::Error &error)
{
    dropStream(part);
    if (m_finished || (m_paused && error.errorClass == Net::ErrorClass::Cancelled))
        return;
    if (!error.isError())
    {
        part.done = true;
        fill(); // this stream moves on to the next chunk
        checkDone();
        return;
    }
    // A part resumes on its own after a Transient or Throttled break; anything else is the file's to decide.
    if (const Net::Decision decision = part.retry->decide(error); decision.reaction == Net::Reaction::Retry)
    {
        ++m_retries;
        qCInfo(lcTransfer) << "part" << part.index << "of" << m_file.id << error.reason << "- resuming at"
                           << part.start + part.written;
        part.retryTimer.start(decision.delay);
        return;
    }
    qCWarning(lcTransfer) << "part" << part.index << "of" << m_file.id << error.reason << error.message;
    fail(error);
}

void RangedFetch::dropStream(Part &part)
{
    part.retryTimer.stop();
    if (!part.stream)
        return;
    BodyStream *stream = part.stream;
    part.stream = nullptr;
    stream->disconnect(this);
    stream->deleteLater(); // we may be inside its finished()
}

void RangedFetch::fail(const Net::Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    for (auto &part : m_parts)
        dropStream(*part);
    emit finished(error);
}

void RangedFetch::advanceHash()
{
    if (m_hashScheduled || m_finished)
        return;
    // The contiguous prefix: everything up to the first part that is not complete, plus what it has.
    qint64 prefix = 0;
    for (const auto &part : m_parts)
    {
        prefix = part->start + part->written;
        if (part->written < part->length())
            break;
    }
    if (prefix <= m_hashed)
    {
        checkDone();
        return;
    }
    if (m_hashBuffer.isEmpty())
        m_hashBuffer.resize(HashChunk);
    qint64 budget = HashPerTurn;
    while (m_hashed < prefix && budget > 0)
    {
        const qint64 want = std::min<qint64>({HashChunk, prefix - m_hashed, budget});
        const qint64 got = m_sink->readBack(m_hashed, m_hashBuffer.data(), want);
        if (got <= 0)
        {
            fail({Net::ErrorClass::Local, 0, u"readBackFailed"_s, tr("Cannot read back what was written")});
            return;
        }
        if (m_checkpoints)
            m_checkpoints->feed(m_hasher, m_hashBuffer.constData(), got);
        else
            m_hasher->addData(m_hashBuffer.constData(), got);
        m_hashed += got;
        budget -= got;
    }
    if (m_hashed < prefix)
    {
        m_hashScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_hashScheduled = false;
            advanceHash();
        });
        return;
    }
    checkDone();
}

void RangedFetch::checkDone()
{
    if (m_finished)
        return;
    for (const auto &part : m_parts)
    {
        if (!part->done)
            return;
    }
    if (m_hashed < m_file.size)
    {
        advanceHash();
        return;
    }
    m_finished = true;
    emit finished({});
}

void RangedFetch::pause()
{
    if (m_finished)
        return;
    m_paused = true;
    for (auto &part : m_parts)
    {
        // What the cap and the sink let through now is written; resume() asks for the rest of each part.
        if (part->stream)
            part->stream->stop();
        dropStream(*part);
    }
}

void RangedFetch::resume()
{
    if (m_finished)
        return;
    m_paused = false;
    for (auto &part : m_parts)
    {
        if (part->started && !part->done && !part->stream)
            request(*part);
    }
    fill();
    checkDone();
}

void RangedFetch::abort()
{
    if (m_finished)
        return;
    m_finished = true;
    for (auto &part : m_parts)
        dropStream(*part);
}

} // namespace Transfer
