// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/rawsocket.h"

#include <QNetworkProxy>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTcpSocket>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Net
{
QNetworkReply::NetworkError networkErrorOf(QAbstractSocket::SocketError error)
{
    switch (error)
    {
    case QAbstractSocket::ConnectionRefusedError:
        return QNetworkReply::ConnectionRefusedError;
    case QAbstractSocket::RemoteHostClosedError:
        return QNetworkReply::RemoteHostClosedError;
    case QAbstractSocket::HostNotFoundError:
        return QNetworkReply::HostNotFoundError;
    case QAbstractSocket::SocketTimeoutError:
        return QNetworkReply::TimeoutError;
    case QAbstractSocket::NetworkError:
    case QAbstractSocket::TemporaryError:
        return QNetworkReply::TemporaryNetworkFailureError;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return QNetworkReply::SslHandshakeFailedError;
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case QAbstractSocket::ProxyConnectionRefusedError:
        return QNetworkReply::ProxyConnectionRefusedError;
    case QAbstractSocket::ProxyConnectionClosedError:
        return QNetworkReply::ProxyConnectionClosedError;
    case QAbstractSocket::ProxyConnectionTimeoutError:
        return QNetworkReply::ProxyTimeoutError;
    case QAbstractSocket::ProxyNotFoundError:
        return QNetworkReply::ProxyNotFoundError;
    case QAbstractSocket::ProxyProtocolError:
        return QNetworkReply::UnknownProxyError;
    default:
        return QNetworkReply::UnknownNetworkError;
    }
}

QTcpSocket *newSocket(const QUrl &url, const QNetworkProxy &proxy, QObject *owner, const std::function<void()> &up,
                      QString *sslErrors)
{
    QSslSocket *ssl = url.scheme() == u"https"_s ? new QSslSocket(owner) : nullptr;
    QTcpSocket *socket = ssl ? ssl : new QTcpSocket(owner);
    socket->setProxy(proxy);
    if (ssl)
    {
        ssl->setSslConfiguration(QSslConfiguration::defaultConfiguration());
        QObject::connect(ssl, &QSslSocket::encrypted, owner, up);
        QObject::connect(ssl, &QSslSocket::sslErrors, owner, [sslErrors](const QList<QSslError> &errors) {
            QStringList texts;
            for (const QSslError &e : errors)
                texts.append(e.errorString());
            *sslErrors = texts.join(u"; "_s);
        });
    }
    else
    {
        QObject::connect(socket, &QAbstractSocket::connected, owner, up);
    }
    return socket;
}

void connectSocket(QTcpSocket *socket, const QUrl &url)
{
    const bool tls = url.scheme() == u"https"_s;
    const quint16 port = quint16(url.port(tls ? 443 : 80));
    if (auto *ssl = qobject_cast<QSslSocket *>(socket); ssl && tls)
        ssl->connectToHostEncrypted(url.host(), port);
    else
        socket->connectToHost(url.host(), port);
}

QByteArray requestTarget(const QUrl &url)
{
    QByteArray target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (target.isEmpty() || !target.startsWith('/'))
        target.prepend('/');
    return target;
}

QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());
    return host;
}

} // namespace Net
