// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by tst_bodystream and tst_filetransfer_states: a scripted HTTP/1.1 server on 127.0.0.1 in the test's
// own process (it does what the test says, hostile answers included) and an in-memory random-access sink
// whose backpressure the test controls.

#include "destinations/destination.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QMap>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

namespace BodyTest
{
using namespace Qt::StringLiterals;

struct SeenRequest
{
    QByteArray target; ///< path and query as sent
    QMap<QByteArray, QByteArray> headers; ///< names lower-cased
    /// "bytes=a-b" → a (0 without a Range)
    [[nodiscard]] qint64 rangeFrom() const
    {
        const QByteArray range = headers.value("range");
        return range.isEmpty() ? 0 : range.mid(6, range.indexOf('-') - 6).toLongLong();
    }
    /// "bytes=a-b" → b (-1 when open or absent)
    [[nodiscard]] qint64 rangeTo() const
    {
        const QByteArray range = headers.value("range");
        const QByteArray to = range.mid(range.indexOf('-') + 1);
        return range.isEmpty() || to.isEmpty() ? -1 : to.toLongLong();
    }
};

class ScriptedServer final : public QObject
{
public:
    using Handler = std::function<void(const SeenRequest &, QTcpSocket *)>;

    ScriptedServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
            {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QIODevice::readyRead, socket, [this, socket] { pull(socket); });
            }
        });
    }
    [[nodiscard]] QUrl url(const QString &path = u"/"_s) const
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
    }

    Handler handler = [](const SeenRequest &, QTcpSocket *socket) { answer(socket, 404, {}, "{}"); };
    QList<SeenRequest> seen;

    /// A whole answer with Content-Length; the connection closes after it.
    static void answer(QTcpSocket *socket, int status, const QByteArrayList &headers, const QByteArray &body)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
        for (const QByteArray &h : headers)
            head += h + "\r\n";
        socket->write(head + "\r\n" + body);
        socket->disconnectFromHost();
    }
    /// A head without a length, `body`, then the connection closes (a body that ends early reads as complete).
    static void answerUnframed(QTcpSocket *socket, int status, const QByteArrayList &headers, const QByteArray &body)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nConnection: close\r\n";
        for (const QByteArray &h : headers)
            head += h + "\r\n";
        socket->write(head + "\r\n" + body);
        socket->disconnectFromHost();
    }
    /// Promises `declared` bytes, sends `body`, then drops the connection: a reset mid-body.
    static void answerThenReset(QTcpSocket *socket, qint64 declared, const QByteArray &body)
    {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(declared) + "\r\n\r\n" + body);
        socket->flush();
        socket->abort();
    }
    /// 206 with the right Content-Range for the request's Range over `file`.
    static void answerRange(QTcpSocket *socket, const SeenRequest &request, const QByteArray &file)
    {
        const qint64 from = request.rangeFrom();
        const qint64 to = request.rangeTo() < 0 ? file.size() - 1 : request.rangeTo();
        answer(socket, 206,
            { "Content-Range: bytes " + QByteArray::number(from) + '-' + QByteArray::number(to) + '/'
                + QByteArray::number(file.size()) },
            file.mid(from, to - from + 1));
    }
    static void answerJsonError(QTcpSocket *socket, int status, const QByteArray &reason)
    {
        answer(socket, status, { "Content-Type: application/json" },
            R"({"error":{"code":)" + QByteArray::number(status) + R"(,"message":"m","errors":[{"domain":"usageLimits","reason":")"
                + reason + R"(","message":"m"}]}})");
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
            request.target = lines.value(0).trimmed().split(' ').value(1);
            for (qsizetype i = 1; i < lines.size(); ++i)
            {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
            }
            seen.append(request);
            handler(request, socket);
        }
        socket->setProperty("buffer", buffer);
    }

    QTcpServer m_server;
};

/// Random access into memory. `room` bytes are taken until release() (which emits readyForMore); -1: no limit.
class MemorySink final : public Dest::Sink
{
public:
    QByteArray bytes;
    qint64 room = -1;
    bool failWrites = false;
    Net::Error commitError; ///< finish() fails with it when set
    int finishes = 0;

    bool supportsRandomAccess() const override { return true; }
    qint64 write(qint64 offset, const char *data, qint64 length) override
    {
        if (failWrites)
        {
            emit failed({ Net::ErrorClass::Local, 0, u"diskFull"_s, u"disk full"_s });
            return -1;
        }
        const qint64 n = room < 0 ? length : std::min(room, length);
        if (room >= 0)
            room -= n;
        if (bytes.size() < offset + n)
            bytes.resize(offset + n);
        std::copy(data, data + n, bytes.data() + offset);
        return n;
    }
    void finish() override
    {
        ++finishes;
        if (commitError.isError())
            emit failed(commitError);
        else
            emit committed(u"memory"_s);
    }
    void abort() override { }
    qint64 readBack(qint64 offset, char *data, qint64 length) override
    {
        const qint64 n = std::min<qint64>(length, bytes.size() - offset);
        std::copy(bytes.constData() + offset, bytes.constData() + offset + n, data);
        return n;
    }
    void release(qint64 more = -1)
    {
        room = more;
        emit readyForMore();
    }
};

inline QByteArray pattern(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char((i * 31 + i / 251) & 0xff);
    return bytes;
}

inline QString md5Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex());
}

} // namespace BodyTest
