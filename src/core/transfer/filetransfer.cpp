// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/filetransfer.h"

#include "transfer/conflictdecision.h"

#include "net/tokenprovider.h"
#include "drive/driveclient.h"
#include "net/retrypolicy.h"
#include "net/pacer.h"
#include "net/requestcounters.h"
#include "transfer/bodystream.h"
#include "transfer/rangedfetch.h"
#include "util/hasher.h"
#include "util/logging.h"

#include <QMetaMethod>
#include <QPointer>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Transfer
{
namespace
{
Net::Error checksumError(const QString &expected, const QString &actual)
{
    Net::Error error;
    error.errorClass = Net::ErrorClass::Permanent;
    error.reason = u"checksumMismatch"_s;
    error.message = QObject::tr("checksum mismatch: Drive says %1, received %2").arg(expected, actual);
    return error;
}

} // namespace

FileTransfer::FileTransfer(const TransferContext &context, const TransferJob &job, const RunOptions &options,
                           QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_job(job)
    , m_options(options)
    , m_retry(options.backoffPolicy(), QRandomGenerator::global()->generate())
    , m_sinkRetry(options.backoffPolicy(), QRandomGenerator::global()->generate())
{
    m_retry.setPacer(m_ctx.pacer);
    m_retry.setCounters(m_ctx.counters);
    m_retry.setCanRefreshToken(m_ctx.token != nullptr);
    // A sink's own throttle is the destination's, not Drive's: it neither slows the Drive pacer nor counts as
    // a Drive throttle (its retries are counted below).
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &FileTransfer::fetchAgain);
}

FileTransfer::~FileTransfer()
{
    dropFetch(); // before the sink they write into
    delete m_stream;
    delete m_ranged;
    if (m_sink)
    {
        m_sink->abort();
        delete m_sink;
    }
}

qint64 FileTransfer::bytesDone() const
{
    return m_ranged ? m_ranged->received() : m_received;
}

int FileTransfer::retries() const
{
    return m_retries + m_retry.retries() + (m_retry.refreshedToken() ? 1 : 0) + (m_ranged ? m_ranged->retries() : 0);
}

bool FileTransfer::useRanges() const
{
    return !m_noRanges && m_job.exportMimeType.isEmpty() && m_options.streams != 1 && m_job.file.size > m_options.rangedThreshold
        && m_sink && m_sink->supportsRandomAccess();
}

bool FileTransfer::keepsCheckpoints() const
{
    static const QMetaMethod durableSignal = QMetaMethod::fromSignal(&FileTransfer::durable);
    return isSignalConnected(durableSignal);
}

bool FileTransfer::useSha256() const
{
    // SHA-256 runs at ~1.8 GB/s with SHA-NI against ~0.8 GB/s for MD5 (DESIGN.md): use it when Drive has it.
    return !m_job.file.sha256Checksum.isEmpty();
}

void FileTransfer::setState(FileState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void FileTransfer::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

void FileTransfer::start()
{
    if (m_phase != Phase::Idle && m_phase != Phase::Paused)
        return;
    setState(FileState::Transferring);
    const Dest::ConflictPolicy policy = m_job.conflict.value_or(m_options.conflict);
    if (!ConflictDecision::needsProbe(policy, m_options.dryRun))
    {
        openSinkAndFetch(policy);
        return;
    }
    setPhase(Phase::Probing);
    QPointer<FileTransfer> self(this);
    m_ctx.destination->probe(m_job.relativePath, [self, policy](std::optional<Dest::Existing> existing, const Net::Error &error) {
        if (!self || self->m_phase == Phase::Finished)
            return;
        if (error.isError())
            self->finishWith(FileState::Failed, error);
        else
            self->onProbed(policy, existing);
    });
}

void FileTransfer::onProbed(Dest::ConflictPolicy policy, const std::optional<Dest::Existing> &existing)
{
    const ConflictDecision decision = ConflictDecision::decide(policy, m_job.file, !m_job.exportMimeType.isEmpty(), existing);
    if (decision.same)
    {
        m_hash = !existing->sha256.isEmpty() && useSha256() ? u"sha256:"_s + existing->sha256
                                                             : (existing->md5.isEmpty() ? QString() : u"md5:"_s + existing->md5);
    }
    if (m_options.dryRun)
    {
        finishWith(FileState::Skipped, decision.dryRunNote());
        return;
    }
    if (decision.action == ConflictDecision::Action::Skip)
    {
        finishWith(FileState::Skipped, decision.skipNote());
        return;
    }
    // Nothing or something to replace is there: the new file replaces it once verified.
    openSinkAndFetch(ConflictDecision::sinkPolicy(policy));
}

void FileTransfer::openSinkAndFetch(Dest::ConflictPolicy policy)
{
    dropFetch();
    if (m_sink)
    {
        m_sink->abort();
        m_sink->deleteLater();
        m_sink = nullptr;
    }
    m_options.conflict = policy;
    Dest::Target target;
    target.relativePath = m_job.relativePath;
    target.expectedSize = bytesTotal();
    if (m_job.exportMimeType.isEmpty())
    {
        target.md5 = m_job.file.md5Checksum.toLower();
        target.sha256 = m_job.file.sha256Checksum.toLower();
    }
    target.driveId = m_job.file.id;
    target.revision = m_job.file.isGoogleApp() ? (m_job.file.version >= 0 ? QString::number(m_job.file.version) : QString())
                                               : m_job.file.headRevisionId;
    target.resume = {m_job.resume.offset, m_job.resume.sinkState};
    m_sink = m_ctx.destination->openSink(target, policy);
    m_sink->setParent(this);
    connectSink();
    m_hashLine = std::make_unique<HashLine>(useSha256() ? Util::StreamHasher::Sha256 : Util::StreamHasher::Md5);
    m_hashLine->setCheckpointInterval(keepsCheckpoints() ? m_sink->checkpointInterval() : 0);
    m_received = 0;
    m_bearerUsed.clear();
    // An earlier run's durable bytes (issue 11): Drive is asked from the sink's start, the hash goes on
    // from its saved state. Any later restart starts from 0.
    const TransferJob::Continuation earlier = std::exchange(m_job.resume, {});
    const qint64 from = earlier.offset > 0 ? m_sink->startOffset() : 0;
    if (from > 0)
    {
        if (from != earlier.offset || !m_hashLine->restoreState(earlier.hashState))
        {
            m_sink->abort(); // no hash to go on with: from the start
            m_sink->deleteLater();
            m_sink = nullptr;
            openSinkAndFetch(policy);
            return;
        }
        m_received = from;
        m_noRanges = true; // the rest in one stream from the durable prefix
    }
    if (m_phase == Phase::Paused)
    {
        m_pausedIn = Phase::Fetching; // resume() starts the body
        return;
    }
    setPhase(Phase::Fetching);
    if (useRanges())
    {
        m_ranged = new RangedFetch(m_ctx, m_job.file, m_sink, m_hashLine.get(), m_options, this);
        connect(m_ranged, &RangedFetch::finished, this, &FileTransfer::onRangedFinished);
        m_ranged->start();
        return;
    }
    startStream();
}

void FileTransfer::connectSink()
{
    connect(m_sink, &Dest::Sink::failed, this, &FileTransfer::onSinkFailed);
    // Only when someone keeps checkpoints (the engine's journal): a sink nobody listens to for durable() makes no
    // durable checkpoints (no fdatasync) and does not keep its partial when stopped.
    if (keepsCheckpoints())
        connect(m_sink, &Dest::Sink::durable, this, [this](qint64 offset, const QByteArray &state) {
            emit durable(offset, state, m_hashLine ? m_hashLine->takeCheckpoint(offset) : QByteArray());
        });
    connect(m_sink, &Dest::Sink::committed, this, [this](const QString &finalLocation) {
        if (m_phase == Phase::Finished)
            return;
        setPhase(Phase::Finished);
        m_sink->deleteLater();
        m_sink = nullptr;
        setState(FileState::Done);
        emit finished(FileState::Done, {}, m_hash, finalLocation);
    });
}

void FileTransfer::onSinkFailed(const Net::Error &error)
{
    if (m_phase == Phase::Finished)
        return;
    dropFetch();
    // A stream sink (Volume PUT, DBFS blocks) broken by a transient error cannot take the rest: the
    // file starts again from resumeOffset() (0) in a fresh sink after the usual backoff.
    const bool restartable = !m_sink->supportsRandomAccess() && m_sink->resumeOffset() == 0
        && (error.errorClass == Net::ErrorClass::Transient || error.errorClass == Net::ErrorClass::Throttled);
    m_sink->deleteLater();
    m_sink = nullptr;
    if (restartable)
    {
        m_lastError = error;
        if (const Net::Decision decision = m_sinkRetry.decide(error); decision.reaction == Net::Reaction::Retry)
        {
            ++m_retries;
            if (m_ctx.counters)
                ++m_ctx.counters->retries;
            retryAfter(decision.delay); // no sink: fetchAgain() opens a fresh one
            return;
        }
    }
    // A Local failure (disk full) makes the Engine stop the run; anything else fails this file only.
    finishWith(FileState::Failed, error);
}

void FileTransfer::dropFetch()
{
    m_retryTimer.stop();
    if (m_stream)
    {
        m_stream->disconnect(this);
        m_stream->deleteLater(); // we may be inside its finished()
        m_stream = nullptr;
    }
    if (m_ranged)
    {
        m_retries += m_ranged->retries();
        m_ranged->disconnect(this);
        m_ranged->abort();
        m_ranged->deleteLater();
        m_ranged = nullptr;
    }
}

void FileTransfer::restartFromZero()
{
    // The sink may hold bytes past what the new body will have (exports vary in size): start it afresh.
    openSinkAndFetch(ConflictDecision::sinkPolicy(m_options.conflict));
}

void FileTransfer::fetchAgain()
{
    if (m_phase == Phase::Finished || m_phase == Phase::Paused)
        return;
    // Exports have no Range, a ranged fetch that ended is over, a failed sink is gone: the body starts again.
    if (!m_sink || !m_job.exportMimeType.isEmpty() || useRanges())
    {
        restartFromZero();
        return;
    }
    setPhase(Phase::Fetching);
    startStream();
}

QNetworkRequest FileTransfer::buildRequest(qint64 from) const
{
    QNetworkRequest request;
    if (!m_job.exportMimeType.isEmpty())
    {
        request = m_useExportLink ? m_ctx.drive->exportLinkRequest(m_job.file, m_job.exportMimeType)
                                  : m_ctx.drive->exportRequest(m_job.file, m_job.exportMimeType);
    }
    else
    {
        request = m_ctx.drive->mediaRequest(m_job.file, from, -1);
    }
    // Built at send time, so a refreshed token is used; the Drive client alone decides whether the URL may
    // carry it (an exportLinks URL on another host never does), and the protocol: media over HTTP/1.1
    // (throughput is per TCP connection, google-drive-api.md §8: no HTTP/2 multiplexing for large bodies),
    // files.export answers (10 MiB at most) over HTTP/2 like the API calls; exportLinks (larger) as media.
    return request;
}

BodyExpectation FileTransfer::bodyExpectation(qint64 from) const
{
    if (!m_job.exportMimeType.isEmpty())
    {
        // Exports have no size: the export endpoint's documented limit, or the run's cap for exportLinks.
        if (m_useExportLink)
            return {0, m_options.maxExportBytes, tr("the export cap of %1 bytes").arg(m_options.maxExportBytes)};
        return {0, ExportEndpointLimit, tr("the export endpoint's 10 MB limit")};
    }
    if (m_job.file.size < 0)
        return {from, -1, {}};
    return {from, m_job.file.size - from, tr("the %1 bytes Drive declared").arg(m_job.file.size)};
}

void FileTransfer::startStream()
{
    const qint64 from = m_received;
    const BodyExpectation expected = bodyExpectation(from);
    BodyStream::Spec spec;
    m_bearerUsed.clear();
    spec.makeRequest = [this, from] {
        QNetworkRequest request = buildRequest(from);
        m_bearerUsed = request.rawHeader("Authorization").mid(7); // "Bearer "
        return request;
    };
    spec.origin = m_ctx.drive->endpoints().driveApi;
    spec.from = from;
    spec.length = bytesTotal() >= 0 ? bytesTotal() - from : -1;
    spec.cap = expected.cap;
    spec.capText = expected.capText;
    spec.ranged = from > 0; // mediaRequest() asks for a Range from a resume point on
    spec.readBufferSize = m_options.readBufferSize;
    spec.stallTimeoutMs = m_options.stallTimeoutMs;
    spec.hash = m_hashLine.get();
    m_stream = new BodyStream(m_ctx, m_sink, std::move(spec), this);
    connect(m_stream, &BodyStream::wrote, this, [this](qint64 bytes) { m_received += bytes; });
    connect(m_stream, &BodyStream::finished, this, &FileTransfer::onStreamFinished);
    m_stream->start();
    setState(FileState::Transferring);
}

void FileTransfer::onStreamFinished(const Net::Error &error)
{
    dropFetch();
    if (m_phase != Phase::Fetching)
        return; // stopped by pause()
    if (error.isError())
        react(error);
    else
        verify();
}

void FileTransfer::onRangedFinished(const Net::Error &error)
{
    if (m_phase == Phase::Finished)
        return;
    if (error.isError())
    {
        dropFetch();
        qCInfo(lcTransfer) << m_job.file.id << "ranged fetch:" << Net::errorClassName(error.errorClass) << error.reason;
        // Its parts had their retries: a Transient or Throttled error that ends it is final.
        if (error.errorClass == Net::ErrorClass::Transient || error.errorClass == Net::ErrorClass::Throttled)
            finishWith(FileState::Failed, error);
        else
            react(error);
        return;
    }
    m_received = m_job.file.size;
    verify();
}

void FileTransfer::verify()
{
    setState(FileState::Verifying);
    const qint64 expected = bytesTotal();
    const qint64 received = bytesDone();
    dropFetch();
    if (m_job.exportMimeType.isEmpty())
    {
        const QString want = useSha256() ? m_job.file.sha256Checksum.toLower() : m_job.file.md5Checksum.toLower();
        const QString got = QString::fromLatin1(useSha256() ? m_hashLine->sha256Hex() : m_hashLine->md5Hex());
        const bool sizeOk = expected < 0 || expected == received;
        const bool hashOk = want.isEmpty() || want == got;
        if (!sizeOk || !hashOk)
        {
            ++m_checksumTries;
            const Net::Error error = sizeOk ? checksumError(want, got)
                                            : Net::Error {Net::ErrorClass::Permanent, 0, u"sizeMismatch"_s,
                                                          tr("size mismatch: Drive says %1 bytes, received %2").arg(expected).arg(received)};
            m_lastError = error;
            qCWarning(lcTransfer) << m_job.file.id << error.message;
            if (m_checksumTries >= m_options.maxChecksumTries)
            {
                finishWith(FileState::Failed, error);
                return;
            }
            ++m_retries;
            restartFromZero();
            return;
        }
        m_hash = (useSha256() ? u"sha256:"_s : u"md5:"_s) + got;
    }
    else
    {
        // Exports have no hash in Drive: record what landed.
        m_hash = u"md5:"_s + QString::fromLatin1(m_hashLine->md5Hex());
    }
    setPhase(Phase::Committing);
    m_sink->finish(); // committed() or failed() follows
}

void FileTransfer::react(const Net::Error &error)
{
    m_lastError = error;
    qCInfo(lcTransfer) << m_job.file.id << Net::errorClassName(error.errorClass) << error.reason << error.message;
    if (error.reason == u"rangeNotSupported"_s)
    {
        // The server ignored a Range: the whole body came again, so the file starts again, in one stream.
        m_noRanges = true;
        restartFromZero();
        return;
    }
    if (error.reason == u"exportSizeLimitExceeded"_s && !m_useExportLink && !m_job.exportMimeType.isEmpty()
        && m_job.file.exportLinks.contains(m_job.exportMimeType))
    {
        // Over the 10 MB export limit: the exportLinks URL has no such cap.
        m_useExportLink = true;
        restartFromZero();
        return;
    }
    const Net::Decision decision = m_retry.decide(error);
    switch (decision.reaction)
    {
    case Net::Reaction::Retry:
        retryAfter(decision.delay);
        return;
    case Net::Reaction::RefreshToken:
        refreshToken();
        return;
    case Net::Reaction::Park:
        finishWith(FileState::Parked, error);
        return;
    case Net::Reaction::Cancel:
        finishWith(FileState::Cancelled, error);
        return;
    case Net::Reaction::Fail:
    case Net::Reaction::StopRun: // Local: the Engine stops the run on the error's class
        if (error.errorClass == Net::ErrorClass::Auth)
            emit authFailed(error.message);
        finishWith(FileState::Failed, error);
        return;
    }
}

void FileTransfer::retryAfter(std::chrono::milliseconds delay)
{
    if (m_phase == Phase::Paused)
    {
        m_pausedIn = Phase::RetryWait; // resume() fetches again
        return;
    }
    setPhase(Phase::RetryWait);
    m_retryTimer.start(delay);
}

void FileTransfer::refreshToken()
{
    setPhase(Phase::Refreshing);
    // The bearer the refused request carried: when another request refreshed meanwhile, no new refresh.
    const QByteArray used = m_bearerUsed.isEmpty() ? m_ctx.token->accessToken() : m_bearerUsed;
    Net::refreshToken(m_ctx.token, used, this, [this](bool ok, const QString &reason) {
        if (m_phase == Phase::Finished)
            return;
        if (!ok)
        {
            Net::Error e = m_lastError;
            e.message = reason;
            emit authFailed(reason);
            finishWith(FileState::Failed, e);
            return;
        }
        if (m_phase == Phase::Paused)
            m_pausedIn = Phase::Fetching;
        else if (m_phase == Phase::Refreshing)
            fetchAgain();
    }, m_ctx.counters);
}

void FileTransfer::pause()
{
    switch (m_phase)
    {
    case Phase::Idle:
    case Phase::Probing:
    case Phase::Fetching:
    case Phase::RetryWait:
    case Phase::Refreshing:
        break;
    case Phase::Committing:
        setState(FileState::Paused); // every byte is there: the commit goes on
        return;
    case Phase::Paused:
    case Phase::Finished:
        return;
    }
    m_pausedIn = m_phase;
    setPhase(Phase::Paused);
    m_retryTimer.stop();
    if (m_ranged)
        m_ranged->pause();
    if (m_stream)
        m_stream->stop(); // what the cap and the sink let through now is kept; resume() asks for the rest
    setState(FileState::Paused);
}

void FileTransfer::resume()
{
    if (m_phase == Phase::Committing && m_state == FileState::Paused)
    {
        setState(FileState::Verifying);
        return;
    }
    if (m_phase != Phase::Paused)
        return;
    setState(FileState::Transferring);
    if (m_pausedIn == Phase::Idle)
    {
        setPhase(Phase::Idle);
        start();
        return;
    }
    if (m_pausedIn == Phase::Probing || m_pausedIn == Phase::Refreshing)
    {
        setPhase(m_pausedIn); // the probe's or the refresh's answer goes on from there
        return;
    }
    setPhase(Phase::Fetching);
    if (m_ranged)
        m_ranged->resume();
    else
        fetchAgain();
}

void FileTransfer::cancel()
{
    if (m_phase == Phase::Finished)
        return;
    finishWith(FileState::Cancelled, {Net::ErrorClass::Cancelled, 0, u"cancelled"_s, tr("Cancelled")});
}

void FileTransfer::suspend()
{
    if (m_phase == Phase::Finished)
        return;
    stopAll(&Dest::Sink::suspend);
    setState(FileState::Cancelled);
}

void FileTransfer::stopAll(void (Dest::Sink::*stopSink)())
{
    setPhase(Phase::Finished);
    dropFetch();
    if (m_sink)
    {
        (m_sink->*stopSink)();
        m_sink->deleteLater();
        m_sink = nullptr;
    }
}

void FileTransfer::finishWith(FileState state, const Net::Error &error)
{
    if (m_phase == Phase::Finished)
        return;
    stopAll(&Dest::Sink::abort);
    if (error.isError())
        m_lastError = error;
    setState(state);
    // Queued: the Engine may delete this object in its slot, and we may be deep inside a reply's signal.
    QTimer::singleShot(0, this, [this, state, error] { emit finished(state, error, m_hash, {}); });
}

} // namespace Transfer
