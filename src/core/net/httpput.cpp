// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/httpput.h"

#include "net/network.h"
#include "net/rawsocket.h"
#include "util/logging.h"

#include <QNetworkProxyFactory>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <cerrno>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace Net
{

QByteArray HttpPut::Result::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
    {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpPut::HttpPut(const QUrl &url, qint64 contentLength, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_contentLength(contentLength)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpPut::onTimeout);
}

HttpPut::~HttpPut()
{
    if (m_socket)
    {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void HttpPut::setRawHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
}

std::optional<QNetworkProxy> HttpPut::tunnelProxyFor(const QUrl &url)
{
    // The same question QNAM asks for a request (QNetworkProxyQuery::UrlRequest); the application proxy and
    // a set factory (system configuration) both answer it.
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url, QNetworkProxyQuery::UrlRequest));
    if (proxies.isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    for (const QNetworkProxy &proxy : proxies)
    {
        switch (proxy.type())
        {
        case QNetworkProxy::NoProxy:
        case QNetworkProxy::DefaultProxy:
            return QNetworkProxy(QNetworkProxy::NoProxy);
        case QNetworkProxy::Socks5Proxy:
        case QNetworkProxy::HttpProxy: // CONNECT tunnel, which QTcpSocket does itself
            return proxy;
        case QNetworkProxy::HttpCachingProxy:
        case QNetworkProxy::FtpCachingProxy:
            break; // a socket cannot go through these; maybe the next entry
        }
    }
    return std::nullopt;
}

qint64 HttpPut::queued() const
{
    if (!m_socket)
        return 0;
    qint64 n = m_socket->bytesToWrite();
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        n += ssl->encryptedBytesToWrite();
    return n;
}

qint64 HttpPut::bodySent() const
{
    // What was queued minus what still waits (sendDirect() reports no bytesWritten()); while the head still
    // waits, queued() counts it too.
    return std::max<qint64>(0, m_bodyQueued - queued());
}

void HttpPut::start()
{
    if (m_socket || m_finished)
        return;
    const bool tls = m_url.scheme() == u"https"_s;
    if (!tls && m_url.scheme() != u"http"_s)
    {
        QMetaObject::invokeMethod(this, [this] { finishWith(QNetworkReply::ProtocolUnknownError, u"not an http(s) URL"_s); },
                                  Qt::QueuedConnection);
        return;
    }
    const std::optional<QNetworkProxy> proxy = m_proxy ? m_proxy : tunnelProxyFor(m_url);
    if (!proxy)
    {
        QMetaObject::invokeMethod(this, [this] { finishWith(QNetworkReply::UnknownProxyError, u"only a caching proxy is configured"_s); },
                                  Qt::QueuedConnection);
        return;
    }
    m_socket = newSocket(m_url, *proxy, this, [this] { onConnected(); }, &m_result.detail);
    auto *ssl = qobject_cast<QSslSocket *>(m_socket);
    // Plain http straight to the server: the body may skip the socket's buffer (write()).
    m_direct = !ssl && proxy->type() == QNetworkProxy::NoProxy;
    connect(m_socket, &QAbstractSocket::bytesWritten, this, &HttpPut::onBytesWritten);
    connect(m_socket, &QIODevice::readyRead, this, &HttpPut::onReadyRead);
    connect(m_socket, &QAbstractSocket::disconnected, this, &HttpPut::onDisconnected);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &HttpPut::onSocketError);
    if (ssl)
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, [this](qint64) { onBytesWritten(); });
    m_timer.start(m_connectTimeoutMs);
    connectSocket(m_socket, m_url);
}

void HttpPut::onConnected()
{
    if (m_finished || m_headerSent)
        return;
    QByteArray head;
    head.reserve(512);
    head += "PUT " + requestTarget(m_url) + " HTTP/1.1\r\nHost: " + hostHeader(m_url) + "\r\nUser-Agent: " + Net::userAgent() + "\r\n";
    for (const auto &[name, value] : m_headers)
        head += name + ": " + value + "\r\n";
    // One file per connection: the server may close after answering, and nothing waits for reuse.
    head += "Content-Length: " + QByteArray::number(m_contentLength) + "\r\nConnection: close\r\n\r\n";
    m_headerSize = head.size();
    m_socket->write(head);
    m_headerSent = true;
    armProgressTimer();
    m_blocked = false;
    emit readyForBody();
}

qint64 HttpPut::write(const char *data, qint64 length)
{
    if (m_finished || !m_socket)
        return -1;
    if (!m_headerSent)
    {
        m_blocked = true;
        return 0;
    }
    const qint64 room = m_maxQueued - queued();
    const qint64 take = std::min({length, room, m_contentLength - m_bodyQueued});
    if (take <= 0)
    {
        m_blocked = true;
        return 0;
    }
    const qint64 sent = sendDirect(data, take);
    const qint64 rest = sent < take ? m_socket->write(data + sent, take - sent) : 0;
    const qint64 n = rest < 0 ? (sent > 0 ? sent : -1) : sent + rest;
    if (n < 0)
    {
        // The socket is closed: its error signal says why (queued to the event loop).
        m_blocked = true;
        return 0;
    }
    m_bodyQueued += n;
    if (n < length)
    {
        m_blocked = true;
        // The kernel may have taken all of it (sendDirect): no bytesWritten() will say there is room again.
        if (queued() <= m_maxQueued / 2)
            QMetaObject::invokeMethod(this, &HttpPut::onBytesWritten, Qt::QueuedConnection);
    }
    armProgressTimer();
    return n;
}

qint64 HttpPut::sendDirect(const char *data, qint64 length)
{
    // Only while nothing waits in Qt's buffer (the order of the bytes on the wire stays), and only over a
    // plain connection of our own: the kernel copies the caller's bytes itself, QTcpSocket would first copy
    // them into its buffer. A slow server keeps that buffer full, and then this saves little.
    if (!m_direct || m_socket->state() != QAbstractSocket::ConnectedState || m_socket->bytesToWrite() > 0)
        return 0;
    const qintptr fd = m_socket->socketDescriptor();
    if (fd < 0)
        return 0;
    qint64 sent = 0;
    while (sent < length)
    {
        const ssize_t n = ::send(int(fd), data + sent, size_t(length - sent), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
        {
            sent += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        break; // EAGAIN: the rest goes through the socket's buffer; an error: QTcpSocket finds and reports it
    }
    return sent;
}

void HttpPut::onBytesWritten()
{
    if (m_finished)
        return;
    armProgressTimer();
    if (m_blocked && m_headerSent && queued() <= m_maxQueued / 2 && m_bodyQueued < m_contentLength)
    {
        m_blocked = false;
        emit readyForBody();
    }
}

void HttpPut::armProgressTimer()
{
    if (m_finished || !m_headerSent)
        return;
    // Nothing queued and body incomplete: we wait for the caller (Drive), which has its own stall watch.
    if (queued() > 0)
        m_timer.start(m_progressTimeoutMs);
    else if (m_bodyQueued >= m_contentLength)
        m_timer.start(m_responseTimeoutMs);
    else
        m_timer.stop();
}

void HttpPut::onReadyRead()
{
    if (m_finished)
        return;
    const QByteArray chunk = m_socket->readAll();
    switch (m_parser.feed(chunk))
    {
    case HttpResponseParser::State::Done:
        finishWithResponse();
        return;
    case HttpResponseParser::State::Failed:
        finishWith(QNetworkReply::ProtocolFailure, m_parser.errorString());
        return;
    case HttpResponseParser::State::NeedMore:
        if (m_headerSent)
            m_timer.start(m_progressTimeoutMs); // a response is coming in: it must keep coming
        return;
    }
}

void HttpPut::onDisconnected()
{
    if (m_finished)
        return;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished)
        return;
    if (m_parser.closed() == HttpResponseParser::State::Done)
        finishWithResponse();
    else
        finishWith(QNetworkReply::RemoteHostClosedError, m_parser.errorString());
}

void HttpPut::onSocketError()
{
    if (m_finished)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    // An early answer (401, 413, 503…) may sit in the buffer while the write side broke: it wins.
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError)
    {
        onDisconnected();
        return;
    }
    QString detail = m_socket->errorString();
    if (error == QAbstractSocket::SslHandshakeFailedError && !m_result.detail.isEmpty())
        detail += u" ("_s + m_result.detail + u')';
    finishWith(networkErrorOf(error), detail);
}

void HttpPut::onTimeout()
{
    if (m_finished)
        return;
    finishWith(QNetworkReply::TimeoutError,
               m_headerSent ? u"no progress for %1 ms"_s.arg(m_timer.interval())
                            : u"no connection within %1 ms"_s.arg(m_connectTimeoutMs));
}

void HttpPut::finishWithResponse()
{
    if (m_finished)
        return;
    m_result.status = m_parser.status();
    m_result.headers = m_parser.headers();
    m_result.body = m_parser.body();
    m_result.networkError = QNetworkReply::NoError;
    m_finished = true;
    m_timer.stop();
    // Connection: close. Whatever is still queued (an early answer) is dropped with the connection.
    m_socket->disconnect(this);
    m_socket->abort();
    emit finished();
}

void HttpPut::finishWith(QNetworkReply::NetworkError error, const QString &detail)
{
    if (m_finished)
        return;
    m_result.networkError = error;
    m_result.detail = detail;
    m_result.status = 0;
    m_finished = true;
    m_timer.stop();
    if (m_socket)
    {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    qCDebug(lcNet) << "PUT" << m_url.host() << "ended without a response:" << int(error) << detail;
    emit finished();
}

void HttpPut::abort()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (m_socket)
    {
        m_socket->disconnect(this);
        m_socket->abort(); // RST: the server drops the unfinished body
    }
}

} // namespace Net
