// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by tst_bodystream and tst_filetransfer_states: answers for the scripted server (scriptedserver.h) and an
// in-memory random-access sink whose backpressure the test controls.

#include "destinations/destination.h"
#include "scriptedserver.h"

#include <QByteArray>
#include <QCryptographicHash>

namespace BodyTest
{
using namespace Qt::StringLiterals;

using ScriptedHttp::ScriptedServer;
using ScriptedHttp::SeenRequest;

/// A head without a length, `body`, then the connection closes (a body that ends early reads as complete).
inline void answerUnframed(QTcpSocket *socket, int status, const QByteArrayList &headers, const QByteArray &body)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nConnection: close\r\n";
    for (const QByteArray &h : headers)
        head += h + "\r\n";
    socket->write(head + "\r\n" + body);
    socket->disconnectFromHost();
}
/// Promises `declared` bytes, sends `body`, then drops the connection: a reset mid-body.
inline void answerThenReset(QTcpSocket *socket, qint64 declared, const QByteArray &body)
{
    socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(declared) + "\r\n\r\n" + body);
    socket->flush();
    socket->abort();
}
/// 206 with the right Content-Range for the request's Range over `file`.
inline void answerRange(QTcpSocket *socket, const SeenRequest &request, const QByteArray &file)
{
    const auto [from, last] = request.range();
    const qint64 to = last < 0 ? file.size() - 1 : last;
    ScriptedServer::answer(socket, 206,
        { "Content-Range: bytes " + QByteArray::number(from) + '-' + QByteArray::number(to) + '/'
            + QByteArray::number(file.size()) },
        file.mid(from, to - from + 1));
}
/// Drive's JSON error with one reason.
inline void answerJsonError(QTcpSocket *socket, int status, const QByteArray &reason)
{
    ScriptedServer::answer(socket, status, { "Content-Type: application/json" },
        R"({"error":{"code":)" + QByteArray::number(status) + R"(,"message":"m","errors":[{"domain":"usageLimits","reason":")"
            + reason + R"(","message":"m"}]}})");
}

/// Random access into memory. `room` bytes are taken until release() (which emits readyForMore); -1: no limit.
class MemorySink final : public Dest::Sink
{
public:
    QByteArray bytes;
    qint64 room = -1;
    bool failWrites = false;
    Net::Error commitError; ///< finish() fails with it when set
    int finishes = 0;
    int *readBacks = nullptr; ///< counts readBack() calls when set

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
        if (readBacks)
            ++*readBacks;
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
