// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpresponseparser.h"

#include <QByteArray>
#include <QList>
#include <QNetworkProxy>
#include <QNetworkReply>

#include <array>

class QTcpSocket;

namespace Net
{
/**
 * ONE HTTP/1.1 GET of a large body on a socket of its own that lives on the caller's thread, behind the
 * QNetworkReply interface: BodyStream, the body checks and Net::classifyReply read it as they read Qt's.
 * Why (issue 14): QNetworkAccessManager reads on its HTTP thread and hands every socket read to the caller's
 * thread in a queued signal, and under a read-buffer bound every read of the caller sends one back: about
 * 9,000 of each per GiB here. Here one socket read is parsed and read by the caller in one dispatch; on TLS
 * the read waits until QSslSocket has decrypted all that arrived (it emits readyRead for every 4 KiB of it).
 *
 *   sent (queued) ─▶ connecting (tunnel proxy, TLS) ─▶ GET ─▶ head: metaDataChanged ─▶ readyRead* ─▶ finished
 *        3xx with Location: redirected(url); redirectAllowed() follows it on a new connection, abort() refuses
 *        an error status: its body is readable, then error() says it in QNAM's terms
 *        transport failure, a malformed answer, abort(): errorOccurred, finished          (finished once)
 *
 * Not done here (ConnectionPool sends such requests through QNAM): HTTP/2, caching proxies. It sends no
 * Accept-Encoding, so a coded body is not expected and fails; Connection: close, one body per connection.
 * Memory: at most readBufferSize() parsed bytes wait for the reader and the socket holds as much; beyond that
 * the socket is not read and TCP slows the server down.
 */
class StreamReply final : public QNetworkReply
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamReply)

public:
    /// Sends `request` (a GET) from the event loop, through `proxy`: NoProxy or a tunnel (HttpPut::tunnelProxyFor).
    StreamReply(const QNetworkRequest &request, const QNetworkProxy &proxy, QObject *parent = nullptr);
    ~StreamReply() override;

    void abort() override;
    void setReadBufferSize(qint64 size) override;
    [[nodiscard]] qint64 bytesAvailable() const override;
    [[nodiscard]] bool isSequential() const override { return true; }
    /// Up to `maxSize` body bytes without a copy when they are one whole socket read (read() copies).
    [[nodiscard]] QByteArray readChunk(qint64 maxSize);

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void send();
    void onConnected();
    void readSocket();
    void onBody(const char *data, qint64 length);
    void onHead();
    void follow(const QUrl &target);
    void onSocketGone();
    void complete();
    void fail(NetworkError error, const QString &text);
    void dropSocket();
    void scheduleRead();
    /// Up to `maxSize` bytes from the front of m_body: a whole socket read as it is, else a copy of a part.
    [[nodiscard]] QByteArray take(qint64 maxSize);
    void madeRoom(); ///< after a read: the socket is read again if it holds more
    /// Up to `length` bytes from the socket: Qt's block as it is (plain), or a copy into one of m_spares (TLS).
    [[nodiscard]] QByteArray readBlock(qint64 length);


    QNetworkProxy m_proxy;
    QTcpSocket *m_socket = nullptr;
    HttpResponseParser m_parser;
    QString m_sslErrors;
    QByteArray m_feeding;     ///< the socket read being parsed: body runs that are all of it are kept without a copy
    QList<QByteArray> m_body; ///< parsed body bytes the reader has not taken
    std::array<QByteArray, 4> m_spares; ///< TLS reads go into one no one else holds (readBlock())
    int m_nextSpare = 0;      ///< the one replaced when all are held
    qint64 m_firstTaken = 0;  ///< of m_body.first()
    qint64 m_buffered = 0;    ///< bytes in m_body not taken
    qint64 m_readBufferSize = 0;
    int m_redirects = 0;
    bool m_headSeen = false;
    bool m_redirecting = false;
    bool m_peerClosed = false;
    bool m_readQueued = false;
    bool m_done = false;
};

} // namespace Net
