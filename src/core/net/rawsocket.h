// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractSocket>
#include <QNetworkReply>

#include <functional>

class QNetworkProxy;
class QTcpSocket;
class QUrl;

namespace Net
{
/// What HttpPut and StreamReply share: an HTTP/1.1 connection of our own on the caller's thread.

/// A socket's failure in QNetworkReply terms, so Net::classify*() read it as they read a QNAM reply's.
[[nodiscard]] QNetworkReply::NetworkError networkErrorOf(QAbstractSocket::SocketError error);

/// A new socket, child of `owner`, for `url` (http or https) through `proxy` (NoProxy or a tunnel:
/// HttpPut::tunnelProxyFor). https: a QSslSocket with QSslConfiguration::defaultConfiguration() (system CAs plus
/// what Net::configureTls added) whose errors are never ignored; their texts go to `*sslErrors` and the
/// handshake fails with SslHandshakeFailedError. `up` runs once the connection (and TLS) is up. The caller
/// wires its other signals, then calls connectSocket().
[[nodiscard]] QTcpSocket *newSocket(const QUrl &url, const QNetworkProxy &proxy, QObject *owner,
                                    const std::function<void()> &up, QString *sslErrors);
void connectSocket(QTcpSocket *socket, const QUrl &url);

/// "/path?query" of `url` as the request line wants it, and the Host header's value.
[[nodiscard]] QByteArray requestTarget(const QUrl &url);
[[nodiscard]] QByteArray hostHeader(const QUrl &url);

} // namespace Net
