// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A scripted HTTP/1.1 server on 127.0.0.1 inside the test process: it records every request head and answers as
// the test says, including what no real server does (bodies longer than declared, resets mid-body, heads
// with nothing after them). Shared by tst_engine_hostile and the body-download unit tests.

#include <QMap>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace ScriptedHttp
{
using namespace Qt::StringLiterals;

struct SeenRequest
{
    QByteArray method;
    QByteArray target; ///< path and query as sent
    QMap<QByteArray, QByteArray> headers; ///< names lower-cased
    [[nodiscard]] QString path() const { return QUrl::fromEncoded(target).path(); }
    [[nodiscard]] QUrlQuery query() const { return QUrlQuery(QUrl::fromEncoded(target)); }
    /// "bytes=a-b" → {a, b}; {0, -1} without a Range, b -1 for an open one ("bytes=a-")
    [[nodiscard]] QPair<qint64, qint64> range() const
    {
        const QByteArray range = headers.value("range");
        if (range.isEmpty())
            return { 0, -1 };
        const qsizetype dash = range.indexOf('-');
        const QByteArray last = range.mid(dash + 1);
        return { range.mid(6, dash - 6).toLongLong(), last.isEmpty() ? -1 : last.toLongLong() };
    }
};

/// An HTTP/1.1 server on 127.0.0.1 that records every request head and lets the test answer it.
class ScriptedServer final : public QObject
{
public:
    using Handler = std::function<void(const SeenRequest &, QTcpSocket *)>;

    ScriptedServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this,
            [this]
            {
                while (QTcpSocket *socket = m_server.nextPendingConnection())
                {
                    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                    connect(socket, &QIODevice::readyRead, socket, [this, socket] { pull(socket); });
                }
            });
    }
    [[nodiscard]] QUrl base() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    [[nodiscard]] QString url(const QString &pathAndQuery) const { return base().toString() + pathAndQuery; }

    Handler handler = [](const SeenRequest &, QTcpSocket *socket) { answer(socket, 404, {}, "{}"); };
    QList<SeenRequest> seen;

    /// A whole answer; the connection closes after it.
    static void answer(QTcpSocket *socket, int status, const QByteArrayList &headers, const QByteArray &body)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status)
            + " X\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
        for (const QByteArray &h : headers)
            head += h + "\r\n";
        socket->write(head + "\r\n" + body);
        socket->disconnectFromHost();
    }

    /// A head, then `body`, then (with `extra` > 0) that many more bytes as chunks while the client reads:
    /// chunked unless `head` says Content-Length. Stops when the client goes away.
    static void stream(QTcpSocket *socket, const QByteArray &head, const QByteArray &body, qint64 extra)
    {
        const bool chunked = !head.contains("Content-Length");
        const auto frame = [chunked](const QByteArray &data)
        { return chunked ? QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n" : data; };
        socket->write(head + (chunked ? "Transfer-Encoding: chunked\r\n" : "") + "\r\n");
        if (!body.isEmpty())
            socket->write(frame(body));
        socket->setProperty("left", extra);
        const auto topUp = [socket, frame]
        {
            qint64 left = socket->property("left").toLongLong();
            while (left > 0 && socket->bytesToWrite() < (1 << 20))
            {
                const qint64 n = std::min<qint64>(left, 64 * 1024);
                socket->write(frame(QByteArray(n, 'x')));
                left -= n;
            }
            socket->setProperty("left", left);
        };
        connect(socket, &QIODevice::bytesWritten, socket, topUp);
        topUp();
    }

private:
    void pull(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        for (qsizetype end = buffer.indexOf("\r\n\r\n"); end >= 0; end = buffer.indexOf("\r\n\r\n"))
        {
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            buffer.remove(0, end + 4);
            SeenRequest request;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i)
            {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    request.headers.insert(
                        lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
            }
            seen.append(request);
            handler(request, socket);
        }
        socket->setProperty("buffer", buffer);
    }

    QTcpServer m_server;
};

} // namespace ScriptedHttp
