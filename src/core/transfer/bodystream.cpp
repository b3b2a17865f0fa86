// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/bodystream.h"

#include "destinations/destination.h"
#include "net/bandwidthlimiter.h"
#include "net/connectionpool.h"
#include "net/errorclassifier.h"
#include "net/network.h"
#include "net/pacer.h"
#include "net/requestcounters.h"
#include "net/streamreply.h"
#include "transfer/hashline.h"
#include "util/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
// The most one read takes from the reply when no read buffer bounds it; the sink gets a read in one write.
constexpr qint64 BlockSize = 256 * 1024;
constexpr qint64 ErrorBodyLimit = 64 * 1024; // an error body is small JSON: kept (capped) for the classifier
} // namespace

BodyStream::BodyStream(const TransferContext &context, Dest::Sink *sink, Spec spec, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_sink(sink)
    , m_spec(std::move(spec))
    , m_expected {m_spec.from, m_spec.cap, m_spec.capText}
{
    m_stallTimer.setSingleShot(true);
    m_stallTimer.setInterval(m_spec.stallTimeoutMs);
    connect(&m_stallTimer, &QTimer::timeout, this, [this] {
        if (!m_reply)
            return;
        qCInfo(lcTransfer) << "no bytes for" << m_spec.stallTimeoutMs << "ms from byte" << m_spec.from << ", dropping the request";
        m_stalled = true;
        m_reply->abort(); // finished() follows with OperationCanceledError, read as a stall
    });
    if (m_sink)
        connect(m_sink, &Dest::Sink::readyForMore, this, &BodyStream::drain);
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

BodyStream::~BodyStream()
{
    dropReply();
}

void BodyStream::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    if (m_ctx.pacer)
        m_ctx.pacer->acquire(this, [this] { send(); });
    else
        QTimer::singleShot(0, this, &BodyStream::send);
}

void BodyStream::send()
{
    if (m_finished || m_reply)
        return;
    const QNetworkRequest request = m_spec.makeRequest();
    if (!Net::isServerUrlAllowed(m_spec.origin, request.url()))
    {
        // An exportLinks URL is the server's word: file:, data:, ftp: or plain http off loopback are never opened.
        const QString where = request.url().toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
        finish({Net::ErrorClass::Permanent, 0, u"unsafeUrl"_s,
                tr("Refused to open the server's link %1: only https (or http on loopback) is followed").arg(where)});
        return;
    }
    if (m_ctx.counters)
        ++m_ctx.counters->requests;
    // A connection of its own from the run's pool (N files and parts in flight must not queue behind Qt's 6
    // connections per host); a bare context (unit tests) sends on its one manager.
    // A large body there goes on a socket read on this thread (Net::StreamReply).
    m_reply = m_ctx.bodies ? m_ctx.bodies->get(request, m_spec.length) : m_ctx.nam->get(request);
    Net::guardRedirects(m_reply);
    m_reply->setReadBufferSize(m_spec.readBufferSize);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &BodyStream::checkHead);
    connect(m_reply, &QNetworkReply::readyRead, this, &BodyStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &BodyStream::onReplyFinished);
    m_stallTimer.start();
}

void BodyStream::checkHead()
{
    if (m_status != 0 || !m_reply)
        return;
    const int status = finalStatus(m_reply);
    if (status == 0)
        return;
    m_status = status;
    if (m_spec.ranged && status == 200 && !m_reply->rawHeaderList().isEmpty())
    {
        // The server sent the whole file for a Range: ranges are not honoured here (the owner starts over).
        qCInfo(lcTransfer) << "server ignored Range from byte" << m_spec.from;
        finish({Net::ErrorClass::Permanent, 200, u"rangeNotSupported"_s, tr("The server ignored the Range header")});
        return;
    }
    if (const Net::Error error = checkBodyHead(m_reply, m_expected); error.isError())
    {
        qCWarning(lcTransfer) << "body from byte" << m_spec.from << error.reason << error.message;
        finish(error);
        return;
    }
    m_statusOk = m_spec.ranged ? status == 206 : status >= 200 && status < 300;
}

void BodyStream::onReadyRead()
{
    if (!m_reply)
        return;
    m_stallTimer.start();
    checkHead();
    if (!m_reply)
        return;
    if (!m_statusOk)
    {
        m_errorBody += m_reply->read(ErrorBodyLimit - m_errorBody.size());
        if (m_errorBody.size() >= ErrorBodyLimit)
            m_reply->readAll();
        return;
    }
    drain();
}

void BodyStream::drain()
{
    if (m_finished || m_sinkFailed || !m_sink)
        return;
    // Everything the reply holds in one read(), up to its read buffer's bound: Qt hands over the block its HTTP
    // thread received without copying it when the sizes match (a copy into a buffer of ours was ~5 % of the
    // CPU of a 1 GiB local download in perf), and a StreamReply its socket reads.
    const qint64 readMax = std::max(BlockSize, m_spec.readBufferSize);
    qint64 moved = 0;
    for (;;)
    {
        if (m_pendingPos >= m_pendingLen)
        {
            if (!m_reply || !m_statusOk || !m_reply->isOpen())
                break;
            qint64 available = std::min<qint64>(readMax, m_reply->bytesAvailable());
            if (m_limit >= 0)
                available = std::min(available, m_limit - m_read);
            const qint64 granted = readAllowance(bodyReadCap(m_expected, m_read, available));
            if (granted <= 0)
                break;
            auto *own = qobject_cast<Net::StreamReply *>(m_reply.data());
            m_buffer = own ? own->readChunk(granted) : m_reply->read(granted);
            const qint64 n = m_buffer.size();
            if (m_ctx.limiter && n < granted)
                m_ctx.limiter->giveBack(granted - std::max<qint64>(0, n));
            if (n <= 0)
                break;
            if (const Net::Error error = bodyOverrun(m_expected, m_read + n); error.isError())
            {
                qCWarning(lcTransfer) << "body from byte" << m_spec.from << error.message;
                finish(error); // neither hashed nor written
                return;
            }
            // Under a cap the reply's buffer sits full and readyRead stays quiet: reads are progress too.
            if (!m_reply->isFinished())
                m_stallTimer.start();
            m_read += n;
            m_pendingPos = 0;
            m_pendingLen = n;
        }
        const qint64 left = m_pendingLen - m_pendingPos;
        const char *data = m_buffer.constData() + m_pendingPos;
        const qint64 taken = m_sink->write(m_spec.from + m_written, data, left);
        if (taken < 0)
        {
            m_sinkFailed = true; // the sink's failed() reaches the owner
            dropReply();
            return;
        }
        if (m_spec.hash && taken > 0)
            m_spec.hash->feed(m_buffer, m_pendingPos, taken);
        if (m_spec.onTaken && taken > 0)
            m_spec.onTaken(m_spec.from + m_written, m_buffer, m_pendingPos, taken);
        m_written += taken;
        m_pendingPos += taken;
        moved += taken;
        if (taken < left)
        {
            // Backpressure: stop reading; Qt's read buffer fills to its bound and TCP slows Drive down.
            if (m_ctx.sinkStalls)
                ++*m_ctx.sinkStalls;
            break;
        }
    }
    QPointer<BodyStream> self(this);
    if (moved > 0)
        emit wrote(moved);
    if (!self)
        return;
    if (m_limit >= 0 && m_written >= m_limit)
    {
        // Shortened: what this stream owes is written; the rest of the answer is another stream's.
        if (m_ctx.pacer)
            m_ctx.pacer->onSuccess();
        finish({});
        return;
    }
    if (m_replyDone)
        settle();
}

qint64 BodyStream::readAllowance(qint64 wanted)
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

void BodyStream::onReplyFinished()
{
    if (!m_reply)
        return;
    m_stallTimer.stop();
    checkHead();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    const bool ok = m_statusOk && !m_stalled && reply->error() == QNetworkReply::NoError;
    if (ok)
    {
        if (m_ctx.pacer)
            m_ctx.pacer->onSuccess();
        // Done once every byte is read (the cap may still hold some back) and taken by the sink.
        m_replyDone = true;
        drain();
        return;
    }
    Net::Error error;
    if (m_stalled)
    {
        error = {Net::ErrorClass::Transient, 0, u"stalled"_s, tr("No data for %1 s").arg(m_spec.stallTimeoutMs / 1000.0)};
    }
    else
    {
        if (!m_statusOk)
            m_errorBody += reply->readAll();
        // classifyReply: a redirect the guard refused is "redirectRefused" (the file fails), not "cancelled".
        error = Net::classifyReply(reply, Net::Service::Drive, m_errorBody);
        if (!error.isError())
            error = {Net::ErrorClass::Transient, m_status, u"badResponse"_s, tr("Unexpected response")};
    }
    // Bytes read before the break are good: what the cap and the sink let through now is kept.
    if (m_statusOk && reply->isOpen())
        drain();
    finish(error);
}

void BodyStream::settle()
{
    if (m_finished || !m_replyDone)
        return;
    if ((m_reply && m_reply->bytesAvailable() > 0) || m_pendingPos < m_pendingLen)
        return;
    if (m_spec.length >= 0 && m_written < m_spec.length)
    {
        // The body ended early without a transport error (no Content-Length, or a proxy cut it): the bytes
        // so far are good, so this is a broken connection to resume with Range, not a bad file.
        finish({Net::ErrorClass::Transient, m_status, u"truncated"_s,
                tr("The body ended after %1 of %2 bytes").arg(m_written).arg(m_spec.length)});
        return;
    }
    finish({});
}

void BodyStream::stop()
{
    if (m_finished)
        return;
    // Bytes already read stay; the next stream asks for the rest with Range.
    if (m_reply && m_statusOk && m_reply->isOpen())
        drain();
    finish({Net::ErrorClass::Cancelled, 0, u"stopped"_s, tr("Stopped")});
}

QString BodyStream::rangeCapText(qint64 length)
{
    return tr("the %1 bytes of the range asked for").arg(length);
}

bool BodyStream::shorten(qint64 length)
{
    if (m_finished || !m_spec.ranged || length <= 0 || (m_spec.length >= 0 && length >= m_spec.length) || length < m_read)
        return false;
    m_spec.length = length;
    if (!m_reply)
    {
        // Not sent yet: the Range will ask for this much, and the answer is checked against it.
        m_spec.cap = length;
        m_expected.cap = length;
        m_expected.capText = rangeCapText(length);
        return true;
    }
    // The answer carries the Range asked for (its head is checked against that): read only this much of it.
    m_limit = length;
    if (m_written >= m_limit)
        QTimer::singleShot(0, this, &BodyStream::drain); // finishes from the event loop, never inside the caller
    return true;
}

void BodyStream::finish(const Net::Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    dropReply();
    m_buffer = QByteArray(); // memory stays bounded by the streams in flight
    emit finished(error);
}

void BodyStream::dropReply()
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

} // namespace Transfer
