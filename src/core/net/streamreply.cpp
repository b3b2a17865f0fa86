// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/streamreply.h"

#include "net/network.h"
#include "net/rawsocket.h"
#include "util/logging.h"

#include <QNetworkAccessManager>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Net
{
namespace
{
/// An error status in the terms QNetworkAccessManager uses (its httpErrorFromStatusCode), so a body that came
/// this way classifies as one that came through Qt.
QNetworkReply::NetworkError statusError(int status)
{
    switch (status)
    {
    case 400:
    case 418:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 407:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        return status > 500 ? QNetworkReply::UnknownServerError : QNetworkReply::UnknownContentError;
    }
}

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/// Request headers that are the connection's business, not the caller's.
bool isOurHeader(const QByteArray &name)
{
    for (const char *own : {"Host", "Connection", "Content-Length", "Accept-Encoding", "Transfer-Encoding", "TE"})
    {
        if (name.compare(own, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
} // namespace

StreamReply::StreamReply(const QNetworkRequest &request, const QNetworkProxy &proxy, QObject *parent)
    : QNetworkReply(parent)
    , m_proxy(proxy)
{
    setRequest(request);
    setUrl(request.url());
    setOperation(QNetworkAccessManager::GetOperation);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    // Like QNAM: the caller connects its slots after get() returned, and nothing is emitted before that.
    QMetaObject::invokeMethod(this, &StreamReply::send, Qt::QueuedConnection);
}

StreamReply::~StreamReply()
{
    dropSocket();
}

void StreamReply::send()
{
    if (m_done)
        return;
    const QUrl target = url();
    if (target.scheme() != u"http"_s && target.scheme() != u"https"_s)
    {
        fail(ProtocolUnknownError, u"Not an http(s) URL"_s);
        return;
    }
    m_parser = HttpResponseParser();
    m_parser.setBodyReceiver([this](const char *data, qint64 length) { onBody(data, length); });
    m_headSeen = false;
    m_peerClosed = false;
    m_sslErrors.clear();
    m_socket = newSocket(target, m_proxy, this, [this] { onConnected(); }, &m_sslErrors);
    if (m_readBufferSize > 0)
        m_socket->setReadBufferSize(m_readBufferSize);
    // Read once the socket is done with what arrived: a QSslSocket emits readyRead for every 4 KiB it decrypts,
    // inside one loop over what came (Qt 6.4), and reading on each signal made 4 KiB pieces, each written,
    // hashed on this thread (too small to hand off) and counted on its own: 262,144 a GiB.
    connect(m_socket, &QIODevice::readyRead, this, &StreamReply::scheduleRead);
    connect(m_socket, &QAbstractSocket::disconnected, this, &StreamReply::onSocketGone);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError)
        {
            onSocketGone();
            return;
        }
        QString text = m_socket->errorString();
        if (error == QAbstractSocket::SslHandshakeFailedError && !m_sslErrors.isEmpty())
            text += u" ("_s + m_sslErrors + u')';
        fail(networkErrorOf(error), text);
    });
    connectSocket(m_socket, target);
}

void StreamReply::onConnected()
{
    if (m_done || !m_socket)
        return;
    const QUrl target = url();
    const QNetworkRequest asked = request();
    QByteArray head;
    head.reserve(512);
    head += "GET " + requestTarget(target) + " HTTP/1.1\r\nHost: " + hostHeader(target) + "\r\n";
    if (!asked.hasRawHeader("User-Agent"))
        head += "User-Agent: " + Net::userAgent() + "\r\n";
    for (const QByteArray &name : asked.rawHeaderList())
    {
        if (!isOurHeader(name))
            head += name + ": " + asked.rawHeader(name) + "\r\n";
    }
    // One body per connection, and the bytes as stored: no coding to undo before they are hashed.
    head += "Connection: close\r\n\r\n";
    m_socket->write(head);
}

void StreamReply::scheduleRead()
{
    if (m_readQueued || m_done)
        return;
    m_readQueued = true;
    QMetaObject::invokeMethod(this, &StreamReply::readSocket, Qt::QueuedConnection);
}

void StreamReply::readSocket()
{
    m_readQueued = false;
    qint64 grown = 0;
    while (!m_done && !m_redirecting && m_socket && m_socket->bytesAvailable() > 0)
    {
        const qint64 room = m_readBufferSize > 0 ? m_readBufferSize - m_buffered : m_socket->bytesAvailable();
        if (room <= 0)
            break; // readData() makes room and calls again
        const qint64 before = m_buffered;
        m_feeding = readBlock(std::min(room, m_socket->bytesAvailable()));
        const HttpResponseParser::State state = m_parser.feed(m_feeding);
        m_feeding.clear();
        if (!m_headSeen && m_parser.hasHead())
            onHead();
        grown += m_buffered - before;
        if (state == HttpResponseParser::State::Failed)
        {
            if (grown > 0)
                emit readyRead(); // the good bytes before the break are the reader's
            fail(ProtocolFailure, m_parser.errorString());
            return;
        }
        if (state == HttpResponseParser::State::Done)
            break;
    }
    if (m_done || m_redirecting)
        return;
    if (grown > 0)
        emit readyRead();
    if (m_done)
        return;
    if (m_parser.isDone())
    {
        complete();
        return;
    }
    if (m_peerClosed && m_socket && m_socket->bytesAvailable() == 0)
    {
        // The connection ended: a body delimited by the close is whole, anything else is cut short.
        if (m_parser.closed() == HttpResponseParser::State::Done)
        {
            if (!m_headSeen && m_parser.hasHead())
                onHead();
            complete();
        }
        else
        {
            fail(RemoteHostClosedError, m_parser.errorString());
        }
    }
}

void StreamReply::onBody(const char *data, qint64 length)
{
    if (!m_headSeen)
        onHead(); // the head ended inside this socket read
    if (m_redirecting || m_done)
        return;
    if (data == m_feeding.constData() && length == m_feeding.size())
        m_body.append(m_feeding); // shared, no copy
    else
        m_body.append(QByteArray(data, length));
    m_buffered += length;
}

void StreamReply::onHead()
{
    m_headSeen = true;
    const int status = m_parser.status();
    for (const QByteArray &name : rawHeaderList())
        setRawHeader(name, QByteArray()); // a redirect's headers are not the answer's
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
    setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, m_parser.reasonPhrase());
    for (const auto &[name, value] : m_parser.headers())
    {
        // Repeated fields are one, comma-joined, as QNAM has them.
        const QByteArray before = rawHeader(name);
        setRawHeader(name, before.isEmpty() ? value : before + ", " + value);
    }
    const QByteArray location = m_parser.header("Location");
    if (isRedirectStatus(status) && !location.isEmpty())
    {
        const QUrl target = url().resolved(QUrl::fromEncoded(location));
        m_redirecting = true;
        dropSocket();
        if (++m_redirects > request().maximumRedirectsAllowed())
        {
            fail(TooManyRedirectsError, u"More than %1 redirects"_s.arg(request().maximumRedirectsAllowed()));
            return;
        }
        if (!target.isValid())
        {
            fail(ProtocolFailure, u"The redirect's Location is not a URL"_s);
            return;
        }
        const QVariant policy = request().attribute(QNetworkRequest::RedirectPolicyAttribute);
        if (policy.isValid() && policy.toInt() == QNetworkRequest::UserVerifiedRedirectPolicy)
        {
            // The caller decides (Net::guardRedirects): redirectAllowed() follows, abort() refuses.
            connect(this, &QNetworkReply::redirectAllowed, this,
                [this, target] { QMetaObject::invokeMethod(this, [this, target] { follow(target); }, Qt::QueuedConnection); },
                Qt::SingleShotConnection);
            emit redirected(target);
            return;
        }
        // No one to ask: only where our own rules let the request's headers go (Net::isRedirectAllowed).
        if (!isRedirectAllowed(url(), target))
        {
            fail(InsecureRedirectError, u"Refused a redirect to %1"_s.arg(target.host()));
            return;
        }
        emit redirected(target);
        QMetaObject::invokeMethod(this, [this, target] { follow(target); }, Qt::QueuedConnection);
        return;
    }
    if (!m_parser.header("Content-Encoding").isEmpty()
        && m_parser.header("Content-Encoding").compare("identity", Qt::CaseInsensitive) != 0)
    {
        fail(ProtocolFailure, u"The server sent a coded body (Content-Encoding %1) that was not asked for"_s
                                  .arg(QString::fromLatin1(m_parser.header("Content-Encoding").left(40))));
        return;
    }
    emit metaDataChanged();
}

void StreamReply::follow(const QUrl &target)
{
    if (m_done)
        return;
    m_redirecting = false;
    setUrl(target);
    send();
}

void StreamReply::onSocketGone()
{
    if (m_done)
        return;
    m_peerClosed = true;
    readSocket();
}

void StreamReply::complete()
{
    if (m_done)
        return;
    m_done = true;
    dropSocket();
    const int status = m_parser.status();
    if (status >= 400)
    {
        const NetworkError error = statusError(status);
        setError(error, u"Server replied: %1"_s.arg(QString::fromLatin1(m_parser.reasonPhrase())));
        setFinished(true);
        emit errorOccurred(error);
    }
    else
    {
        setFinished(true);
    }
    emit finished();
}

void StreamReply::fail(NetworkError error, const QString &text)
{
    if (m_done)
        return;
    m_done = true;
    dropSocket();
    qCDebug(lcNet) << "body GET" << url().host() << "failed:" << int(error) << text;
    setError(error, text);
    setFinished(true);
    emit errorOccurred(error);
    emit finished();
}

void StreamReply::abort()
{
    if (m_done)
        return;
    fail(OperationCanceledError, u"Operation canceled"_s);
}

void StreamReply::dropSocket()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void StreamReply::setReadBufferSize(qint64 size)
{
    QNetworkReply::setReadBufferSize(size);
    m_readBufferSize = std::max<qint64>(0, size);
    if (m_socket)
        m_socket->setReadBufferSize(m_readBufferSize);
}

qint64 StreamReply::bytesAvailable() const
{
    return m_buffered + QNetworkReply::bytesAvailable();
}

QByteArray StreamReply::take(qint64 maxSize)
{
    if (maxSize <= 0 || m_body.isEmpty())
        return {};
    QByteArray piece;
    if (m_firstTaken == 0 && m_body.first().size() <= maxSize)
    {
        piece = m_body.takeFirst(); // a whole socket read: shared, no copy
    }
    else
    {
        const QByteArray &first = m_body.first();
        const qint64 n = std::min<qint64>(maxSize, first.size() - m_firstTaken);
        piece = first.mid(m_firstTaken, n);
        m_firstTaken += n;
        if (m_firstTaken == first.size())
        {
            m_body.removeFirst();
            m_firstTaken = 0;
        }
    }
    m_buffered -= piece.size();
    return piece;
}

QByteArray StreamReply::readBlock(qint64 length)
{
    if (!qobject_cast<QSslSocket *>(m_socket))
        return m_socket->read(length); // Qt's own block, without a copy, when it is all there is
    // A QSslSocket keeps what it decrypted in 16 KiB blocks, so a larger read is a copy either way: into a buffer
    // of ours no one holds any more. A new one each time had its pages faulted in and zeroed again (the engine's
    // thread allocates from an arena that gives freed tops back): 0.1-0.2 s of system time a GiB.
    auto spare = std::find_if(m_spares.begin(), m_spares.end(), [length](const QByteArray &buffer) {
        return buffer.isDetached() && buffer.capacity() >= length;
    });
    if (spare == m_spares.end())
    {
        spare = m_spares.begin() + m_nextSpare;
        m_nextSpare = (m_nextSpare + 1) % int(m_spares.size());
        *spare = QByteArray(); // whoever still holds the old one keeps it
        spare->reserve(std::max(length, m_readBufferSize));
    }
    spare->resize(length);
    const qint64 read = m_socket->read(spare->data(), length);
    spare->resize(std::max<qint64>(0, read));
    return *spare;
}

void StreamReply::madeRoom()
{
    if (m_socket && m_socket->bytesAvailable() > 0)
        scheduleRead(); // room again for what the socket holds
}

QByteArray StreamReply::readChunk(qint64 maxSize)
{
    QByteArray chunk = take(maxSize);
    if (!chunk.isEmpty())
        madeRoom();
    return chunk;
}

qint64 StreamReply::readData(char *data, qint64 maxSize)
{
    qint64 copied = 0;
    while (copied < maxSize)
    {
        const QByteArray piece = take(maxSize - copied);
        if (piece.isEmpty())
            break;
        std::memcpy(data + copied, piece.constData(), size_t(piece.size()));
        copied += piece.size();
    }
    if (copied > 0)
        madeRoom();
    if (copied == 0 && m_done)
        return -1; // the end
    return copied;
}

} // namespace Net
