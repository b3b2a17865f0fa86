// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/rangedfetch.h"

#include "destinations/destination.h"
#include "drive/driveclient.h"
#include "net/backoff.h"
#include "net/bandwidthlimiter.h"
#include "net/errorclassifier.h"
#include "net/network.h"
#include "net/pacer.h"
#include "net/requestcounters.h"
#include "transfer/bodycheck.h"
#include "util/hasher.h"
#include "util/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Transfer
{
namespace
{
constexpr qint64 BlockSize = 256 * 1024;
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
        part->backoff = std::make_unique<Net::Backoff>(options.backoffPolicy(), QRandomGenerator::global()->generate());
        part->stallTimer.setSingleShot(true);
        part->stallTimer.setInterval(options.stallTimeoutMs);
        part->retryTimer.setSingleShot(true);
        Part *p = part.get();
        connect(&part->stallTimer, &QTimer::timeout, this, [this, p] {
            if (!p->reply)
                return;
            qCInfo(lcTransfer) << "part" << p->index << "stalled for" << m_file.id;
            p->stalled = true;
            p->reply->abort();
        });
        connect(&part->retryTimer, &QTimer::timeout, this, [this, p] { request(*p); });
        m_parts.push_back(std::move(part));
    }
    connect(m_sink, &Dest::Sink::readyForMore, this, [this] {
        for (auto &part : m_parts)
            drainPart(*part);
    });
    if (m_ctx.limiter)
    {
        connect(m_ctx.limiter, &Net::BandwidthLimiter::budgetAvailable, this, [this] {
            for (auto &part : m_parts)
            {
                if (!part->bandwidthWait)
                    continue;
                part->bandwidthWait = false;
                drainPart(*part);
            }
        });
    }
}

RangedFetch::~RangedFetch()
{
    for (auto &part : m_parts)
        dropReply(*part);
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
    if (m_finished || m_paused || part.done || part.reply)
        return;
    if (m_ctx.pacer)
    {
        Part *p = &part;
        m_ctx.pacer->acquire(this, [this, p] { send(*p); });
        return;
    }
    send(part);
}

void RangedFetch::send(Part &part)
{
    if (m_finished || m_paused || part.done || part.reply)
        return;
    // The Drive client puts the current token on it (only its own host gets one).
    QNetworkRequest request = m_ctx.drive->mediaRequest(m_file, part.start + part.written, part.end);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // One connection pool per stream index: QNAM allows 6 connections per host, and N files × M parts
    // must not queue behind each other.
    QNetworkAccessManager *nam = m_ctx.partNams.isEmpty() ? m_ctx.nam : m_ctx.partNams.at(part.index % m_ctx.partNams.size());
    if (m_ctx.counters)
        ++m_ctx.counters->requests;
    part.statusOk = false;
    part.headChecked = false;
    part.expected = {part.start + part.written, part.length() - part.written,
                     tr("the %1 bytes of the range asked for").arg(part.length() - part.written)};
    part.stalled = false;
    part.finishDeferred = false;
    part.pendingPos = part.pendingLen = 0; // unwritten bytes are asked for again: the Range starts before them
    part.reply = nam->get(request);
    // The file's memory bound is shared by its streams: N parts together buffer what one stream would.
    part.reply->setReadBufferSize(std::max<qint64>(64 * 1024, m_options.readBufferSize / m_streams));
    Net::guardRedirects(part.reply);
    Part *p = &part;
    connect(part.reply, &QNetworkReply::metaDataChanged, this, [this, p] { onHead(*p); });
    connect(part.reply, &QNetworkReply::readyRead, this, [this, p] { onReadyRead(*p); });
    connect(part.reply, &QNetworkReply::finished, this, [this, p] { onFinished(*p); });
    part.stallTimer.start();
}

void RangedFetch::onHead(Part &part)
{
    if (!part.reply || part.headChecked)
        return;
    const int status = finalStatus(part.reply);
    if (status == 0)
        return;
    part.headChecked = true;
    if (const Net::Error error = checkBodyHead(part.reply, part.expected); error.isError())
    {
        qCWarning(lcTransfer) << "part" << part.index << "of" << m_file.id << error.reason << error.message;
        fail(error);
        return;
    }
    // Anything but 206 is an error body, or a server ignoring Range: settled in onFinished().
    part.statusOk = status == 206;
}

void RangedFetch::onReadyRead(Part &part)
{
    if (!part.reply)
        return;
    part.stallTimer.start();
    onHead(part);
    if (part.statusOk)
        drainPart(part);
}

void RangedFetch::drainPart(Part &part)
{
    if (m_finished)
        return;
    if (part.buffer.isEmpty())
        part.buffer.resize(BlockSize);
    bool wrote = false;
    for (;;)
    {
        if (part.pendingPos >= part.pendingLen)
        {
            if (!part.reply || !part.statusOk || !part.reply->isOpen())
                break;
            // One byte past the range is read, never written: a part longer than its range fails the file.
            const qint64 got = part.start + part.written - part.expected.from;
            const qint64 available = std::min<qint64>(part.buffer.size(), part.reply->bytesAvailable());
            const qint64 wanted = bodyReadCap(part.expected, got, available);
            if (wanted <= 0)
                break;
            qint64 granted = wanted;
            if (m_ctx.limiter)
            {
                // Holding the read back leaves the bytes in the reply's bounded buffer; TCP slows Drive down.
                granted = m_ctx.limiter->allowance(wanted);
                part.bandwidthWait = granted <= 0;
                if (granted <= 0)
                    break;
            }
            const qint64 n = part.reply->read(part.buffer.data(), granted);
            if (m_ctx.limiter && n < granted)
                m_ctx.limiter->giveBack(granted - std::max<qint64>(0, n));
            if (n <= 0)
                break;
            if (const Net::Error error = bodyOverrun(part.expected, got + n); error.isError())
            {
                qCWarning(lcTransfer) << "part" << part.index << "of" << m_file.id << error.message;
                fail(error);
                return;
            }
            // Under a cap the reply's buffer sits full and readyRead stays quiet: reads are progress too.
            if (!part.reply->isFinished())
                part.stallTimer.start();
            part.pendingPos = 0;
            part.pendingLen = n;
        }
        const qint64 left = part.pendingLen - part.pendingPos;
        const qint64 taken = m_sink->write(part.start + part.written, part.buffer.constData() + part.pendingPos, left);
        if (taken < 0)
            return; // the sink's failed() reaches the FileTransfer
        part.written += taken;
        part.pendingPos += taken;
        wrote = wrote || taken > 0;
        if (taken < left)
        {
            if (m_ctx.sinkStalls)
                ++*m_ctx.sinkStalls;
            break;
        }
    }
    if (!part.done && part.written >= part.length())
    {
        part.done = true;
        part.buffer = QByteArray(); // memory stays bounded by the streams in flight, not by the chunk count
        fill(); // this stream moves on to the next chunk
    }
    if (wrote)
        advanceHash();
    // The reply ended while the cap held its last bytes back: settle it now that they are read.
    if (part.finishDeferred && part.reply && part.reply->bytesAvailable() <= 0 && part.pendingPos >= part.pendingLen)
    {
        part.finishDeferred = false;
        onFinished(part);
    }
}

void RangedFetch::onFinished(Part &part)
{
    if (!part.reply)
        return;
    part.stallTimer.stop();
    QNetworkReply *reply = part.reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (part.statusOk && reply->isOpen())
        drainPart(part);
    if (!part.reply)
        return; // drainPart settled it
    if (part.statusOk && status == 206 && !part.stalled && reply->error() == QNetworkReply::NoError
        && reply->bytesAvailable() > 0 && part.written < part.length())
    {
        // A whole body the cap has not let us read yet: keep the reply until drainPart has it all.
        part.finishDeferred = true;
        return;
    }
    part.finishDeferred = false;
    Net::Error error;
    if (part.stalled)
    {
        error = {Net::ErrorClass::Transient, 0, u"stalled"_s, tr("No data for %1 s").arg(m_options.stallTimeoutMs / 1000.0)};
    }
    else if (status == 200)
    {
        // The server sent the whole file for a part: ranges are not honoured here.
        error = {Net::ErrorClass::Permanent, 200, u"rangeNotSupported"_s, tr("The server ignored the Range header")};
    }
    else if (status != 206 || reply->error() != QNetworkReply::NoError)
    {
        const QByteArray body = part.statusOk ? QByteArray() : reply->readAll();
        // classifyReply: a redirect the guard refused is "redirectRefused" (the file fails), not "cancelled".
        error = Net::classifyReply(reply, Net::Service::Drive, body);
        if (!error.isError())
            error = {Net::ErrorClass::Transient, status, u"badResponse"_s, tr("Unexpected response")};
    }
    else if (part.written + (part.pendingLen - part.pendingPos) < part.length())
    {
        error = {Net::ErrorClass::Transient, status, u"truncated"_s, tr("A part ended early")};
    }
    part.reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    if (m_paused && error.errorClass == Net::ErrorClass::Cancelled)
        return;
    if (!error.isError())
    {
        if (m_ctx.pacer)
            m_ctx.pacer->onSuccess();
        // Done once the sink took the last bytes (drainPart), possibly after readyForMore.
        checkDone();
        return;
    }
    if (error.errorClass == Net::ErrorClass::Throttled)
    {
        if (m_ctx.counters)
            ++m_ctx.counters->throttled;
        if (m_ctx.pacer)
            m_ctx.pacer->onThrottled(error.retryAfter.count() >= 0 ? error.retryAfter : 0ms);
    }
    if (error.errorClass == Net::ErrorClass::Transient || error.errorClass == Net::ErrorClass::Throttled)
    {
        if (const auto delay = part.backoff->nextDelay(error))
        {
            ++m_retries;
            if (m_ctx.counters)
                ++m_ctx.counters->retries;
            qCInfo(lcTransfer) << "part" << part.index << "of" << m_file.id << error.reason << "- resuming at"
                               << part.start + part.written;
            part.retryTimer.start(*delay);
            return;
        }
    }
    fail(error);
}

void RangedFetch::dropReply(Part &part)
{
    part.stallTimer.stop();
    part.retryTimer.stop();
    part.finishDeferred = false;
    if (!part.reply)
        return;
    QNetworkReply *reply = part.reply;
    part.reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void RangedFetch::fail(const Net::Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    for (auto &part : m_parts)
        dropReply(*part);
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
        if (part->reply && part->statusOk && part->reply->isOpen())
            drainPart(*part);
        dropReply(*part);
    }
}

void RangedFetch::resume()
{
    if (m_finished)
        return;
    m_paused = false;
    for (auto &part : m_parts)
    {
        if (part->started && !part->done && !part->reply)
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
        dropReply(*part);
}

} // namespace Transfer
