// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/filetransfer.h"

#include "transfer/conflictdecision.h"

#include "net/tokenprovider.h"
#include "drive/driveclient.h"
#include "net/backoff.h"
#include "net/bandwidthlimiter.h"
#include "net/errorclassifier.h"
#include "net/network.h"
#include "net/pacer.h"
#include "net/requestcounters.h"
#include "transfer/bodycheck.h"
#include "transfer/rangedfetch.h"
#include "util/hasher.h"
#include "util/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Transfer
{
namespace
{
constexpr qint64 BlockSize = 256 * 1024; // one read from the reply; the sink gets it in one write

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
    , m_backoff(std::make_unique<Net::Backoff>(options.backoffPolicy(), QRandomGenerator::global()->generate()))
{
    m_stallTimer.setSingleShot(true);
    m_stallTimer.setInterval(m_options.stallTimeoutMs);
    connect(&m_stallTimer, &QTimer::timeout, this, &FileTransfer::onStall);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &FileTransfer::requestBody);
    if (m_ctx.limiter)
    {
        connect(m_ctx.limiter, &Net::BandwidthLimiter::budgetAvailable, this, [this] {
            if (!m_bandwidthWait)
                return;
            m_bandwidthWait = false;
            drain();
        });
    }
}

FileTransfer::~FileTransfer()
{
    delete m_ranged; // before the sink it writes into
    m_ranged = nullptr;
    dropReply();
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
    return m_retries + (m_ranged ? m_ranged->retries() : 0);
}

bool FileTransfer::useRanges() const
{
    return !m_noRanges && m_job.exportMimeType.isEmpty() && m_options.streams > 1 && m_job.file.size > m_options.rangedThreshold
        && m_sink && m_sink->supportsRandomAccess();
}

void FileTransfer::onRangedFinished(const Net::Error &error)
{
    if (m_finished)
        return;
    if (!error.isError())
    {
        m_received = m_job.file.size;
        m_replyDone = true;
        maybeVerify();
        return;
    }
    m_lastError = error;
    qCInfo(lcTransfer) << m_job.file.id << "ranged fetch:" << Net::errorClassName(error.errorClass) << error.reason;
    if (error.reason == u"rangeNotSupported"_s)
    {
        m_noRanges = true;
        restartFromZero();
        return;
    }
    if (error.errorClass == Net::ErrorClass::Auth && refreshTokenOnce([this] { restartFromZero(); }))
        return;
    if (error.errorClass == Net::ErrorClass::Auth)
        emit authFailed(error.message);
    finishWith(error.errorClass == Net::ErrorClass::Quota ? FileState::Parked : FileState::Failed, error);
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

void FileTransfer::start()
{
    setState(FileState::Transferring);
    const Dest::ConflictPolicy policy = m_options.conflict;
    if (!ConflictDecision::needsProbe(policy, m_options.dryRun))
    {
        openSinkAndFetch(policy);
        return;
    }
    QPointer<FileTransfer> self(this);
    m_ctx.destination->probe(m_job.relativePath, [self, policy](std::optional<Dest::Existing> existing, const Net::Error &error) {
        if (!self || self->m_finished)
            return;
        if (error.isError())
        {
            self->finishWith(FileState::Failed, error);
            return;
        }
        const ConflictDecision decision
            = ConflictDecision::decide(policy, self->m_job.file, !self->m_job.exportMimeType.isEmpty(), existing);
        if (decision.same)
        {
            self->m_hash = !existing->sha256.isEmpty() && self->useSha256() ? u"sha256:"_s + existing->sha256
                                                                             : (existing->md5.isEmpty() ? QString() : u"md5:"_s + existing->md5);
        }
        if (self->m_options.dryRun)
        {
            self->finishWith(FileState::Skipped, decision.dryRunNote());
            return;
        }
        if (decision.action == ConflictDecision::Action::Skip)
        {
            self->finishWith(FileState::Skipped, decision.skipNote());
            return;
        }
        // Nothing or something to replace is there: the new file replaces it once verified.
        self->openSinkAndFetch(ConflictDecision::sinkPolicy(policy));
    });
}

void FileTransfer::openSinkAndFetch(Dest::ConflictPolicy policy)
{
    if (m_ranged)
    {
        m_retries += m_ranged->retries();
        delete m_ranged;
        m_ranged = nullptr;
    }
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
    m_sink = m_ctx.destination->openSink(target, policy);
    m_sink->setParent(this);
    connect(m_sink, &Dest::Sink::readyForMore, this, [this] {
        m_sinkBlocked = false;
        drain();
    });
    connect(m_sink, &Dest::Sink::failed, this, [this](const Net::Error &error) {
        if (m_finished)
            return;
        dropReply();
        delete m_ranged;
        m_ranged = nullptr;
        // A stream sink (Volume PUT, DBFS blocks) broken by a transient error cannot take the rest: the
        // file starts again from resumeOffset() (0) in a fresh sink after the usual backoff.
        const bool restartable = !m_sink->supportsRandomAccess() && m_sink->resumeOffset() == 0
            && (error.errorClass == Net::ErrorClass::Transient || error.errorClass == Net::ErrorClass::Throttled);
        m_sink->deleteLater();
        m_sink = nullptr;
        if (restartable)
        {
            m_lastError = error;
            if (const auto delay = m_backoff->nextDelay(error))
            {
                ++m_retries;
                if (m_ctx.counters)
                    ++m_ctx.counters->retries;
                QTimer::singleShot(*delay, this, [this] {
                    if (!m_finished)
                        restartFromZero();
                });
                return;
            }
        }
        // A Local failure (disk full) makes the Engine stop the run; anything else fails this file only.
        finishWith(FileState::Failed, error);
    });
    connect(m_sink, &Dest::Sink::committed, this, [this](const QString &finalLocation) {
        if (m_finished)
            return;
        m_finished = true;
        m_sink->deleteLater();
        m_sink = nullptr;
        setState(FileState::Done);
        emit finished(FileState::Done, {}, m_hash, finalLocation);
    });
    m_hasher = std::make_unique<Util::StreamHasher>(useSha256() ? Util::StreamHasher::Sha256 : Util::StreamHasher::Md5);
    m_received = 0;
    m_written = 0;
    m_pendingPos = 0;
    m_pendingLen = 0;
    m_replyDone = false;
    m_waitingForCommit = false;
    if (useRanges())
    {
        m_ranged = new RangedFetch(m_ctx, m_job.file, m_sink, m_hasher.get(), m_options, this);
        connect(m_ranged, &RangedFetch::finished, this, &FileTransfer::onRangedFinished);
        if (!m_paused)
            m_ranged->start(); // else resume() starts the parts
        return;
    }
    requestBody();
}

bool FileTransfer::refreshTokenOnce(std::function<void()> then)
{
    // One refresh per file: a second refusal right after a fresh token means the account itself is refused.
    if (m_refreshedToken || !m_ctx.token)
        return false;
    m_refreshedToken = true;
    ++m_retries;
    auto *guard = new QObject(this);
    connect(m_ctx.token, &Net::TokenProvider::refreshed, guard, [guard, then = std::move(then)] {
        guard->deleteLater();
        then();
    });
    connect(m_ctx.token, &Net::TokenProvider::refreshFailed, guard, [this, guard](const QString &reason) {
        guard->deleteLater();
        Net::Error e = m_lastError;
        e.message = reason;
        emit authFailed(reason);
        finishWith(FileState::Failed, e);
    });
    m_ctx.token->refresh();
    return true;
}

void FileTransfer::restartFromZero()
{
    // The sink may hold bytes past what the new body will have (exports vary in size): start it afresh.
    openSinkAndFetch(ConflictDecision::sinkPolicy(m_options.conflict));
}

QNetworkRequest FileTransfer::buildRequest() const
{
    QNetworkRequest request;
    if (!m_job.exportMimeType.isEmpty())
    {
        request = m_useExportLink ? m_ctx.drive->exportLinkRequest(m_job.file, m_job.exportMimeType)
                                  : m_ctx.drive->exportRequest(m_job.file, m_job.exportMimeType);
    }
    else
    {
        request = m_ctx.drive->mediaRequest(m_job.file, m_received, -1);
    }
    // Built at send time, so a refreshed token is used; the Drive client alone decides whether the URL may
    // carry it (an exportLinks URL on another host never does).
    // Throughput is per TCP connection (google-drive-api.md §8): no HTTP/2 multiplexing for bodies.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return request;
}

void FileTransfer::requestBody()
{
    if (m_finished || m_paused)
        return;
    if (m_ctx.pacer)
    {
        m_ctx.pacer->acquire(this, [this] { sendRequest(); });
        return;
    }
    sendRequest();
}

void FileTransfer::sendRequest()
{
    if (m_finished || m_paused || m_reply)
        return;
    m_requestedFrom = m_received;
    m_statusChecked = false;
    m_replyDone = false;
    m_stalled = false;
    m_httpStatus = 0;
    m_errorBody.clear();
    const QNetworkRequest request = buildRequest();
    if (!Net::isServerUrlAllowed(m_ctx.drive->endpoints().driveApi, request.url()))
    {
        // An exportLinks URL is the server's word: file:, data:, ftp: or plain http off loopback are never opened.
        const QString where = request.url().toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
        finishWith(FileState::Failed,
                   {Net::ErrorClass::Permanent, 0, u"unsafeUrl"_s,
                    tr("Refused to open the server's link %1: only https (or http on loopback) is followed").arg(where)});
        return;
    }
    m_expected = bodyExpectation();
    if (m_ctx.counters)
        ++m_ctx.counters->requests;
    m_reply = m_ctx.nam->get(request);
    Net::guardRedirects(m_reply);
    m_reply->setReadBufferSize(m_options.readBufferSize);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &FileTransfer::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &FileTransfer::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &FileTransfer::onReplyFinished);
    m_stallTimer.start();
    setState(FileState::Transferring);
}

void FileTransfer::dropReply()
{
    m_stallTimer.stop();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

BodyExpectation FileTransfer::bodyExpectation() const
{
    if (!m_job.exportMimeType.isEmpty())
    {
        // Exports have no size: the export endpoint's documented limit, or the run's cap for exportLinks.
        if (m_useExportLink)
            return {0, m_options.maxExportBytes, tr("the export cap of %1 bytes").arg(m_options.maxExportBytes)};
        return {0, ExportEndpointLimit, tr("the export endpoint's 10 MB limit")};
    }
    if (m_job.file.size < 0)
        return {m_received, -1, {}};
    return {m_received, m_job.file.size - m_received, tr("the %1 bytes Drive declared").arg(m_job.file.size)};
}

void FileTransfer::failBody(const Net::Error &error)
{
    qCWarning(lcTransfer) << m_job.file.id << error.reason << error.message;
    dropReply();
    handleError(error);
}

void FileTransfer::onMetaData()
{
    if (m_statusChecked || !m_reply)
        return;
    const int status = finalStatus(m_reply);
    if (status == 0)
        return;
    m_statusChecked = true;
    m_httpStatus = status;
    if (m_httpStatus == 200 && m_requestedFrom > 0)
    {
        // The server ignored the Range: the whole body comes again, so the file starts again.
        qCInfo(lcTransfer) << "server ignored Range, restarting" << m_job.file.id;
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        m_stallTimer.stop();
        restartFromZero();
        return;
    }
    if (const Net::Error error = checkBodyHead(m_reply, m_expected); error.isError())
        failBody(error);
}

void FileTransfer::onReadyRead()
{
    if (!m_reply)
        return;
    m_stallTimer.start();
    if (!m_statusChecked)
        onMetaData();
    if (!m_reply)
        return;
    if (m_httpStatus < 200 || m_httpStatus >= 300)
    {
        // An error body is small JSON: keep it (capped) for the classifier.
        m_errorBody += m_reply->read(64 * 1024 - m_errorBody.size());
        if (m_errorBody.size() >= 64 * 1024)
            m_reply->readAll();
        return;
    }
    drain();
}

void FileTransfer::drain()
{
    if (!m_sink || m_finished)
        return;
    if (m_buffer.isEmpty())
        m_buffer.resize(BlockSize);
    for (;;)
    {
        if (m_pendingPos >= m_pendingLen)
        {
            if (!m_reply || m_httpStatus < 200 || m_httpStatus >= 300)
                break;
            const qint64 got = m_received - m_requestedFrom;
            const qint64 available = std::min<qint64>(m_buffer.size(), m_reply->bytesAvailable());
            const qint64 granted = readAllowance(bodyReadCap(m_expected, got, available));
            if (granted <= 0)
                break;
            const qint64 n = m_reply->read(m_buffer.data(), granted);
            if (m_ctx.limiter && n < granted)
                m_ctx.limiter->giveBack(granted - std::max<qint64>(0, n));
            if (n <= 0)
                break;
            if (const Net::Error error = bodyOverrun(m_expected, got + n); error.isError())
            {
                failBody(error); // neither hashed nor written
                return;
            }
            // Under a cap the reply's buffer sits full and readyRead stays quiet: reads are progress too.
            if (!m_reply->isFinished())
                m_stallTimer.start();
            m_hasher->addData(m_buffer.constData(), n);
            m_received += n;
            m_pendingPos = 0;
            m_pendingLen = n;
        }
        const qint64 left = m_pendingLen - m_pendingPos;
        const qint64 taken = m_sink->write(m_written, m_buffer.constData() + m_pendingPos, left);
        if (taken < 0)
            return; // failed() follows
        m_written += taken;
        m_pendingPos += taken;
        if (taken < left)
        {
            // Backpressure: stop reading; Qt's read buffer fills to its bound and TCP slows Drive down.
            m_sinkBlocked = true;
            if (m_ctx.sinkStalls)
                ++*m_ctx.sinkStalls;
            return;
        }
    }
    maybeVerify();
}

qint64 FileTransfer::readAllowance(qint64 wanted)
{
    if (wanted <= 0)
        return 0;
    if (!m_ctx.limiter)
        return wanted;
    const qint64 granted = m_ctx.limiter->allowance(wanted);
    // Holding the read back leaves the bytes in the reply's bounded buffer; TCP then slows Drive down.
    m_bandwidthWait = granted <= 0;
    return granted;
}

void FileTransfer::onStall()
{
    if (!m_reply)
        return;
    qCInfo(lcTransfer) << "no bytes for" << m_options.stallTimeoutMs << "ms, dropping the request for" << m_job.file.id;
    m_stalled = true;
    m_reply->abort(); // finished() follows with OperationCanceledError, read as a stall
}

void FileTransfer::onReplyFinished()
{
    if (!m_reply)
        return;
    m_stallTimer.stop();
    QNetworkReply *reply = m_reply;
    if (!m_statusChecked)
        onMetaData();
    if (!m_reply)
        return;
    if (m_httpStatus < 200 || m_httpStatus >= 300 || reply->error() != QNetworkReply::NoError)
    {
        Net::Error error;
        if (m_stalled)
        {
            error = {Net::ErrorClass::Transient, 0, u"stalled"_s,
                     tr("No data for %1 s").arg(m_options.stallTimeoutMs / 1000.0)};
        }
        else
        {
            if (m_httpStatus < 200 || m_httpStatus >= 300)
                m_errorBody += reply->readAll();
            // classifyReply: a redirect the guard refused is "redirectRefused" (the file fails), not "cancelled".
            error = Net::classifyReply(reply, Net::Service::Drive, m_errorBody);
            if (!error.isError())
                error = {Net::ErrorClass::Transient, m_httpStatus, u"badResponse"_s, tr("Unexpected response")};
        }
        // Bytes read before the break are good: they stay (and are written) and the next request starts after them.
        if (m_httpStatus >= 200 && m_httpStatus < 300 && reply->isOpen())
            drain();
        m_reply = nullptr;
        reply->disconnect(this);
        reply->deleteLater();
        if (m_pausing)
        {
            m_pausing = false;
            return;
        }
        handleError(error);
        return;
    }
    if (m_ctx.pacer)
        m_ctx.pacer->onSuccess();
    m_replyDone = true;
    drain();
}

void FileTransfer::maybeVerify()
{
    if (!m_replyDone || m_finished || m_waitingForCommit)
        return;
    if (m_reply && m_reply->bytesAvailable() > 0)
        return;
    if (m_pendingPos < m_pendingLen)
        return;
    if (m_reply)
    {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->deleteLater();
    }
    const qint64 expected = bytesTotal();
    if (expected >= 0 && m_received < expected)
    {
        // The body ended early without a transport error (no Content-Length, or a proxy cut it): the bytes
        // so far are good, so this is a broken connection to resume with Range, not a bad file.
        m_replyDone = false;
        handleError({Net::ErrorClass::Transient, m_httpStatus, u"truncated"_s,
                     tr("The body ended after %1 of %2 bytes").arg(m_received).arg(expected)});
        return;
    }
    setState(FileState::Verifying);
    if (m_job.exportMimeType.isEmpty())
    {
        const QString want = useSha256() ? m_job.file.sha256Checksum.toLower() : m_job.file.md5Checksum.toLower();
        const QString got = QString::fromLatin1(useSha256() ? m_hasher->sha256Hex() : m_hasher->md5Hex());
        const bool sizeOk = expected < 0 || expected == m_received;
        const bool hashOk = want.isEmpty() || want == got;
        if (!sizeOk || !hashOk)
        {
            ++m_checksumTries;
            const Net::Error error = sizeOk ? checksumError(want, got)
                                            : Net::Error {Net::ErrorClass::Permanent, 0, u"sizeMismatch"_s,
                                                          tr("size mismatch: Drive says %1 bytes, received %2").arg(expected).arg(m_received)};
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
        m_hash = u"md5:"_s + QString::fromLatin1(m_hasher->md5Hex());
    }
    m_waitingForCommit = true;
    m_sink->finish(); // committed() or failed() follows
}

void FileTransfer::handleError(const Net::Error &error)
{
    m_lastError = error;
    qCInfo(lcTransfer) << m_job.file.id << Net::errorClassName(error.errorClass) << error.reason << error.message;
    switch (error.errorClass)
    {
    case Net::ErrorClass::None:
    case Net::ErrorClass::Cancelled:
        finishWith(FileState::Cancelled, error);
        return;
    case Net::ErrorClass::Throttled:
        if (m_ctx.counters)
            ++m_ctx.counters->throttled;
        if (m_ctx.pacer)
            m_ctx.pacer->onThrottled(error.retryAfter.count() >= 0 ? error.retryAfter : 0ms);
        [[fallthrough]];
    case Net::ErrorClass::Transient:
        if (const auto delay = m_backoff->nextDelay(error))
        {
            ++m_retries;
            if (m_ctx.counters)
                ++m_ctx.counters->retries;
            retryAfter(*delay);
            return;
        }
        finishWith(FileState::Failed, error);
        return;
    case Net::ErrorClass::Auth:
        if (refreshTokenOnce([this] { requestBody(); }))
            return;
        emit authFailed(error.message);
        finishWith(FileState::Failed, error);
        return;
    case Net::ErrorClass::Quota:
        finishWith(FileState::Parked, error);
        return;
    case Net::ErrorClass::Permanent:
        if (error.reason == u"exportSizeLimitExceeded"_s && !m_useExportLink && !m_job.exportMimeType.isEmpty()
            && m_job.file.exportLinks.contains(m_job.exportMimeType))
        {
            // Over the 10 MB export limit: the exportLinks URL has no such cap.
            m_useExportLink = true;
            restartFromZero();
            return;
        }
        finishWith(FileState::Failed, error);
        return;
    case Net::ErrorClass::Local:
        finishWith(FileState::Failed, error);
        return;
    }
}

void FileTransfer::retryAfter(std::chrono::milliseconds delay)
{
    if (!m_job.exportMimeType.isEmpty())
    {
        // Exports have no Range: the body starts again, in a fresh sink.
        m_retryTimer.disconnect(this);
        connect(&m_retryTimer, &QTimer::timeout, this, &FileTransfer::restartFromZero);
    }
    m_retryTimer.start(delay);
}

void FileTransfer::pause()
{
    if (m_finished || m_paused)
        return;
    m_paused = true;
    m_retryTimer.stop();
    if (m_ranged)
        m_ranged->pause();
    if (m_reply)
    {
        // Bytes already read stay; resume() asks for the rest with Range.
        drain();
        // A finished body the cap had not let us read to its end: the rest is asked for again.
        if (m_replyDone && m_reply && m_reply->bytesAvailable() > 0)
            m_replyDone = false;
        dropReply();
    }
    setState(FileState::Paused);
}

void FileTransfer::resume()
{
    if (m_finished || !m_paused)
        return;
    m_paused = false;
    setState(FileState::Transferring);
    if (!m_sink)
    {
        start();
        return;
    }
    if (m_replyDone)
    {
        maybeVerify();
        return;
    }
    if (m_ranged)
    {
        m_ranged->resume();
        return;
    }
    if (!m_job.exportMimeType.isEmpty())
        restartFromZero();
    else
        requestBody();
}

void FileTransfer::cancel()
{
    if (m_finished)
        return;
    finishWith(FileState::Cancelled, {Net::ErrorClass::Cancelled, 0, u"cancelled"_s, tr("Cancelled")});
}

void FileTransfer::finishWith(FileState state, const Net::Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_retryTimer.stop();
    dropReply();
    if (m_ranged)
    {
        m_retries += m_ranged->retries();
        delete m_ranged;
        m_ranged = nullptr;
    }
    if (m_sink)
    {
        m_sink->abort();
        m_sink->deleteLater();
        m_sink = nullptr;
    }
    if (error.isError())
        m_lastError = error;
    setState(state);
    // Queued: the Engine may delete this object in its slot, and we may be deep inside a reply's signal.
    QTimer::singleShot(0, this, [this, state, error] { emit finished(state, error, m_hash, {}); });
}

} // namespace Transfer
