// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/rangedfetch.h"

#include "destinations/destination.h"
#include "drive/driveclient.h"
#include "net/retrypolicy.h"
#include "transfer/bodystream.h"
#include "transfer/hashline.h"
#include "util/cputime.h"
#include "util/logging.h"

#include <QRandomGenerator>
#include <QThread>

#include <ctime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
constexpr qint64 HashChunk = 1 << 20;
constexpr qint64 HashPerTurn = 2 << 20; // then let the event loop breathe: replies keep flowing
constexpr qint64 MinChunk = 1 << 20;    // split() cuts at whole MiB, and parts are this long at least
constexpr qint64 MinRequest = 16 << 20; // a chunk asked for brings this much at least (as aria2's --min-split-size)
// What the hash line gets through while this thread reads back what landed past its frontier: measured at the
// end of a 16-stream file on the 2-core machine (235 MiB in 180 ms); the stagger below sizes itself by it.
constexpr double HashBytesPerSecond = 1.3e9;
constexpr qint64 StaggerStep = 64 << 10; // chunks asked for at once differ by whole multiples of this
constexpr qint64 MinReadBuffer = 256 << 10;
constexpr int PlanEveryMs = 10;  // while the planner may still add streams
constexpr int RateEveryMs = 200; // after: the rate for asking ahead stays current

qint64 cpuMs(clockid_t clock)
{
    const qint64 ns = Util::cpuTimeNs(clock);
    return ns < 0 ? -1 : ns / 1000000;
}

} // namespace

RangedFetch::RangedFetch(const TransferContext &context, const Drive::DriveFile &file, Dest::Sink *sink,
                         HashLine *hash, const RunOptions &options, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_file(file)
    , m_sink(sink)
    , m_hash(hash)
    , m_options(options)
    , m_planner(options.streams, QThread::idealThreadCount())
{
    connect(&m_planTimer, &QTimer::timeout, this, &RangedFetch::plan);
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
    m_clock.start();
    m_planner.sample(0, 0);
    m_planTimer.start(m_planner.settled() ? RateEveryMs : PlanEveryMs);
    fill();
}

void RangedFetch::plan()
{
    if (m_finished || m_paused)
        return;
    const int before = m_planner.streams();
    int moving = 0; // streams past their first byte
    for (const auto &part : m_parts)
        moving += !part->done && part->stream && part->askedMs < 0 ? 1 : 0;
    // This thread takes every byte (read, write) and the hash line hashes them: their CPU time and the process's
    // tell the planner whether another stream fits. CPU time, not the time spent waiting for a core too: on a
    // machine busy with others that wait is theirs, and a slow link's thread that waits for the network must not look full (measured: at load 15
    // the wait made it look full and the slow link stayed at one stream, 18 s instead of 2).
    const StreamPlanner::Cpu cpu {cpuMs(CLOCK_THREAD_CPUTIME_ID), cpuMs(CLOCK_PROCESS_CPUTIME_ID), m_hash->cpuMs()};
    const bool changed = m_planner.sample(m_clock.elapsed(), received(), moving, cpu);
    if (changed)
        qCDebug(lcTransfer) << m_file.id << before << "->" << m_planner.streams() << "streams at" << m_clock.elapsed()
                            << "ms," << qint64(m_planner.rate()) << "bytes/s, CPU share: thread" << m_planner.threadShare()
                            << "hash" << m_planner.hashShare() << "process" << m_planner.processShare();
    if (m_planner.settled() && m_planTimer.interval() != RateEveryMs)
    {
        m_planTimer.setInterval(RateEveryMs);
        qCInfo(lcTransfer) << m_file.id << "settled at" << m_planner.streams() << "streams," << qint64(m_planner.rate())
                           << "bytes/s" << (m_planner.cpuBound() ? "(no CPU room for more)" : "");
    }
    // One stream's bytes in one first-byte time: its next chunk is asked for that early.
    if (m_firstByteMs > 0 && m_planner.rate() > 0)
        m_aheadBytes = qint64(m_planner.ratePerStream() * double(m_firstByteMs) / 1000.0);
    if (changed)
        fill();
}

qint64 RangedFetch::nextChunk(int inWave, int wave, qint64 waveLeft) const
{
    const qint64 left = m_file.size - m_asked;
    const int streams = m_planner.settled() ? m_planner.streams() : StreamPlanner::MaxStreams;
    if (m_planner.settled() && streams == 1)
        return left; // one stream has nothing to balance: the rest in one GET
    // Shrinking toward the end (the streams finish in file order, so the hash follows them and little is left
    // to read back once the last byte lands), yet MinRequest and several first-byte times long: each GET is a
    // request against Drive's quota and our pacer (at 8 MiB and less a slow link's 256 MiB took 45-55 GETs and
    // waited on the pace: 1.65 s; 17 GETs of 16 MiB: 1.10 s). The streams that run out split the longest parts
    // that are left (split()), so the end stays balanced whatever the chunks' sizes.
    qint64 chunk = std::max({waveLeft / (2 * qint64(streams)), MinRequest, 4 * m_aheadBytes});
    chunk = (chunk + MinChunk - 1) / MinChunk * MinChunk; // whole MiB; the stagger below keeps 64 KiB multiples
    const bool scarce = chunk * wave > waveLeft;
    if (scarce)
        chunk = std::max(StaggerStep, waveLeft / wave / StaggerStep * StaggerStep); // too little for all: shared
    // Chunks asked for at once (a step up of the planner) would end at once, and all but the first would then be
    // read back and hashed after the last byte: 180 ms of a 1.05 s slow-link file at 16 streams. Across a wave
    // they grow by what a stream moves while the hash gets through one chunk, so they end in file order, each
    // hashed while the next one's last bytes come (at whole multiples of StaggerStep: O_DIRECT alignment).
    if (wave > 1 && m_planner.ratePerStream() > 0)
    {
        const double step = m_planner.ratePerStream() * double(chunk) / HashBytesPerSecond;
        const qint64 grow = std::max(StaggerStep, std::min(chunk / (2 * wave), qint64(step)) / StaggerStep * StaggerStep);
        chunk += grow * (2 * qint64(inWave) - (wave - 1)) / 2;
        chunk = chunk / StaggerStep * StaggerStep;
    }
    if (inWave == wave - 1 && (scarce || left - chunk < MinRequest))
        chunk = left; // the rest to the last of the wave: no runt at the end
    return std::min(left, std::max(StaggerStep, chunk)); // never past the file's end
}

qint64 RangedFetch::readTo(const Part &part)
{
    // Bytes read but not yet taken by the sink are this part's too.
    const qint64 unwritten = part.stream ? part.stream->bytesRead() - part.stream->written() : 0;
    return part.start + part.written + unwritten;
}

RangedFetch::Part *RangedFetch::addPart(qint64 start, qint64 end, std::size_t at)
{
    auto part = std::make_unique<Part>();
    part->index = m_nextIndex++;
    part->start = start;
    part->end = end;
    part->retry = std::make_unique<Net::RetryPolicy>(m_options.backoffPolicy(), QRandomGenerator::global()->generate());
    part->retry->setPacer(m_ctx.pacer);
    part->retry->setCounters(m_ctx.counters);
    part->retryTimer.setSingleShot(true);
    Part *p = part.get();
    connect(&part->retryTimer, &QTimer::timeout, this, [this, p] { request(*p); });
    m_parts.insert(m_parts.begin() + std::ptrdiff_t(at), std::move(part));
    return p;
}

RangedFetch::Part *RangedFetch::split()
{
    // The part with the most bytes still to come gives its second half to a stream that has nothing left.
    std::size_t at = 0;
    qint64 most = 0;
    for (std::size_t i = 0; i < m_parts.size(); ++i)
    {
        const Part &part = *m_parts[i];
        const qint64 rest = part.done ? 0 : part.end + 1 - readTo(part);
        if (rest > most)
        {
            most = rest;
            at = i;
        }
    }
    if (most <= 0)
        return nullptr;
    Part &part = *m_parts[at];
    // While the new GET waits for its first byte the part's own stream moves one first-byte time of bytes;
    // what is left after that is shared, the cut at a whole MiB (a sink may write parts O_DIRECT).
    const qint64 from = readTo(part);
    const qint64 ahead = std::min(m_aheadBytes, most);
    const qint64 cut = (from + ahead + (most - ahead) / 2 + MinChunk - 1) / MinChunk * MinChunk;
    const qint64 given = part.end + 1 - cut;
    if (given < std::max(MinChunk, m_aheadBytes))
        return nullptr; // too little to be worth a request's latency
    if (part.stream && !part.stream->shorten(cut - part.stream->spec().from))
        return nullptr;
    const qint64 end = part.end;
    part.end = cut - 1;
    qCDebug(lcTransfer) << m_file.id << "part" << part.index << "gives bytes" << cut << "to" << end << "to another stream";
    return addPart(cut, end, at + 1); // parts stay in file order: the hash follows their prefix
}

void RangedFetch::fill()
{
    if (m_finished || m_paused)
        return;
    // Streams whose chunk still has more than a first-byte time of bytes to come; the planner may have fewer.
    int busy = 0;
    for (const auto &part : m_parts)
        busy += !part->done && !part->tailing ? 1 : 0;
    const int wave = m_planner.streams() - busy; // chunks asked for together (nextChunk() staggers them)
    const qint64 waveLeft = m_file.size - m_asked;
    int inWave = 0;
    while (busy < m_planner.streams())
    {
        // The file's next chunk; once every byte is asked for, half of the longest part still to come.
        Part *part = nullptr;
        if (m_asked < m_file.size)
        {
            part = addPart(m_asked, m_asked + nextChunk(inWave++, wave, waveLeft) - 1, m_parts.size());
            m_asked = part->end + 1;
        }
        else if (!(part = split()))
        {
            break;
        }
        ++busy;
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
    spec.capText = BodyStream::rangeCapText(spec.length);
    spec.ranged = true;
    // The file's memory bound is shared by its streams: N parts together buffer what one stream would, yet
    // each at least MinReadBuffer (smaller buffers fill in a few ms: at 16 streams of 64 KiB, Qt's HTTP thread
    // woke ours ~20 % more often, measured as CPU per byte; 16 × 256 KiB is 4 MiB).
    spec.readBufferSize = std::max<qint64>(MinReadBuffer, m_options.readBufferSize / m_planner.streams());
    spec.stallTimeoutMs = m_options.stallTimeoutMs;
    spec.onTaken = [this](qint64 offset, const QByteArray &buffer, qint64 pos, qint64 length) {
        // Bytes at the hash frontier are hashed as they land: a file whose bytes come in order (one stream,
        // or the stream ahead) is never read back; what lands past the frontier waits for advanceHash().
        if (offset == m_hashed && !m_finished)
            hash(buffer, pos, length);
    };
    part.askedMs = m_clock.elapsed();
    part.stream = new BodyStream(m_ctx, m_sink, std::move(spec), this);
    connect(part.stream, &BodyStream::wrote, this, [this, p](qint64 bytes) { onWrote(*p, bytes); });
    connect(part.stream, &BodyStream::finished, this, [this, p](const Net::Error &error) { onPartFinished(*p, error); });
    part.stream->start();
}

void RangedFetch::onWrote(Part &part, qint64 bytes)
{
    part.written += bytes;
    if (part.askedMs >= 0)
    {
        m_firstByteMs = m_clock.elapsed() - part.askedMs;
        part.askedMs = -1;
    }
    if (!part.tailing && m_aheadBytes > 0 && part.length() - part.written <= m_aheadBytes)
    {
        part.tailing = true;
        fill();
    }
    advanceHash();
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
    m_planTimer.stop();
    for (auto &part : m_parts)
        dropStream(*part);
    emit finished(error);
}

void RangedFetch::hash(const QByteArray &buffer, qint64 pos, qint64 length)
{
    m_hash->feed(buffer, pos, length);
    m_hashed += length;
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
    qint64 budget = HashPerTurn;
    while (m_hashed < prefix && budget > 0)
    {
        const qint64 want = std::min<qint64>({HashChunk, prefix - m_hashed, budget});
        QByteArray chunk(want, Qt::Uninitialized); // the hash keeps it until hashed
        const qint64 got = m_sink->readBack(m_hashed, chunk.data(), want);
        if (got <= 0)
        {
            fail({Net::ErrorClass::Local, 0, u"readBackFailed"_s, tr("Cannot read back what was written")});
            return;
        }
        hash(chunk, 0, got);
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
    if (m_finished || m_asked < m_file.size)
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
    m_planTimer.stop();
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
    m_planner.restartWindow();
    for (auto &part : m_parts)
    {
        if (!part->done && !part->stream)
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
    m_planTimer.stop();
    for (auto &part : m_parts)
        dropStream(*part);
}

} // namespace Transfer
