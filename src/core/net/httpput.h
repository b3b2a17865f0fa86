// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpresponseparser.h"

#include <QByteArray>
#include <QList>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <optional>

class QTcpSocket;

namespace Net
{
/**
 * ONE streaming HTTP/1.1 PUT with a known Content-Length, written by us on a QTcpSocket (QSslSocket for
 * https) that lives on the caller's thread. Why not QNetworkAccessManager: Qt 6.4 pulls an upload body
 * 16 KiB per read with two thread hand-offs each, whatever the device offers (65,536 reads per GiB); here
 * the caller's large writes go into the socket as they are: over plain http straight to the kernel while the
 * socket's buffer is empty, else (and over TLS) with one copy into its buffer.
 *
 *   start() ─▶ connecting (proxy tunnel, TLS) ─▶ readyForBody ─write()*─▶ body sent ─▶ finished()
 *      any time: a response (also an early one), an error, a timeout ─▶ finished()   (exactly once)
 *      abort(): the connection is dropped at once (RST), no signal afterwards
 *
 * Backpressure: write() takes bytes only while fewer than maxQueued() sit in the socket's buffer; once
 * the socket drained below half of that, readyForBody() is emitted again. Nothing follows redirects: a
 * 3xx is just the answer. TLS uses QSslConfiguration::defaultConfiguration() (system CAs plus what
 * Net::configureTls added) and never ignores an error. Request headers are not logged: they carry the bearer.
 */
class HttpPut final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpPut)

public:
    /// What came back. `networkError` is NoError when a whole response was parsed; otherwise the
    /// transport's failure in QNetworkReply terms, so Net::classify*() read it the same way as a QNAM reply's.
    struct Result
    {
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        QString detail; ///< what went wrong on the transport, for logs (no secrets in it)
        int status = 0; ///< 0 when no complete response arrived
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        [[nodiscard]] QByteArray header(const QByteArray &name) const;
    };

    HttpPut(const QUrl &url, qint64 contentLength, QObject *parent = nullptr);
    ~HttpPut() override;

    /// Extra request headers (Authorization, Content-Type…). Host, Content-Length, Connection and
    /// User-Agent are ours.
    void setRawHeader(const QByteArray &name, const QByteArray &value);
    void setMaxQueued(qint64 bytes) { m_maxQueued = qMax<qint64>(1, bytes); }
    [[nodiscard]] qint64 maxQueued() const { return m_maxQueued; }
    /// TCP connect + proxy tunnel + TLS handshake (default 30 s).
    void setConnectTimeout(int ms) { m_connectTimeoutMs = ms; }
    /// Bytes queued in the socket and none leaving, or an answer that stopped coming in (default 120 s).
    void setProgressTimeout(int ms) { m_progressTimeoutMs = ms; }
    /// The whole body sent and no answer yet: the server may still be storing a large file (default 10 min).
    void setResponseTimeout(int ms) { m_responseTimeoutMs = ms; }
    void setResponseLimits(const HttpResponseParser::Limits &limits) { m_parser = HttpResponseParser(limits); }
    /// Overrides the proxy found through QNetworkProxyFactory (tests).
    void setProxy(const QNetworkProxy &proxy) { m_proxy = proxy; }

    /// The proxy QNetworkAccessManager would use for `url`, when a TCP socket can use it too (no proxy,
    /// SOCKS5 or an HTTP proxy through CONNECT). nullopt: only a caching proxy is configured, which a plain
    /// socket cannot speak; the caller should go through QNetworkAccessManager.
    [[nodiscard]] static std::optional<QNetworkProxy> tunnelProxyFor(const QUrl &url);

    void start();
    /// Takes up to `length` body bytes (fewer, 0 included, under backpressure or before the connection is
    /// up; readyForBody() follows). Never more than the Content-Length in all. -1 once finished or aborted.
    qint64 write(const char *data, qint64 length);
    /// Drops the connection at once; no finished() afterwards.
    void abort();

    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] bool isConnected() const { return m_headerSent; }
    [[nodiscard]] qint64 contentLength() const { return m_contentLength; }
    [[nodiscard]] qint64 bodyQueued() const { return m_bodyQueued; }
    /// Body bytes the socket handed to the kernel (or the TLS layer).
    [[nodiscard]] qint64 bodySent() const;
    [[nodiscard]] qint64 queued() const;
    [[nodiscard]] const Result &result() const { return m_result; }

signals:
    /// write() may take (more) bytes now.
    void readyForBody();
    /// A response, an error or a timeout: result() says which. Emitted once, never from inside write().
    void finished();

private:
    void onConnected();
    void onBytesWritten();
    /// Hands body bytes to the kernel past the socket's buffer when nothing waits in it; returns how many.
    qint64 sendDirect(const char *data, qint64 length);
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void onTimeout();
    void finishWith(QNetworkReply::NetworkError error, const QString &detail);
    void finishWithResponse();
    void armProgressTimer();

    QUrl m_url;
    qint64 m_contentLength;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    std::optional<QNetworkProxy> m_proxy;
    QTcpSocket *m_socket = nullptr;
    QTimer m_timer;
    HttpResponseParser m_parser;
    Result m_result;
    qint64 m_maxQueued = 4 * 1024 * 1024;
    int m_connectTimeoutMs = 30'000;
    int m_progressTimeoutMs = 120'000;
    int m_responseTimeoutMs = 600'000;
    qint64 m_headerSize = 0;
    qint64 m_bodyQueued = 0;
    bool m_headerSent = false;
    bool m_direct = false; ///< plain http, no proxy: sendDirect() may skip the socket's buffer
    bool m_blocked = true; ///< a write() was refused: readyForBody() owed
    bool m_finished = false;
};

} // namespace Net
