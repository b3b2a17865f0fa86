// SPDX-License-Identifier: GPL-3.0-or-later
// Net::StreamReply, a large body's GET on a socket of its own (issue 14), against a scripted server in this
// process: the request it writes, chunked bodies, the read buffer bounding what waits in memory, error statuses
// with their bodies, a coded body, a cut connection, redirects (counted, and never off-origin unasked) and
// abort(). BodyStream's cases run on it too (tst_bodystream's second pass).
#include "net/network.h"
#include "net/streamreply.h"
#include "scriptedserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using ScriptedHttp::ScriptedServer;
using ScriptedHttp::SeenRequest;

namespace
{
/// One reply under test with its finished() counted.
struct Get
{
    std::unique_ptr<Net::StreamReply> reply;
    std::unique_ptr<QSignalSpy> finished;

    explicit Get(const QNetworkRequest &request)
        : reply(std::make_unique<Net::StreamReply>(request, QNetworkProxy(QNetworkProxy::NoProxy)))
        , finished(std::make_unique<QSignalSpy>(reply.get(), &QNetworkReply::finished))
    {
    }
    /// Reads everything until finished() (and a while longer: a second finished() would show).
    QByteArray readToEnd()
    {
        QByteArray all;
        [[maybe_unused]] const bool ended = QTest::qWaitFor([&] {
            all += reply->readAll();
            return finished->count() > 0;
        }, 20000);
        all += reply->readAll();
        QTest::qWait(30);
        return all;
    }
};
} // namespace

class TestStreamReply final : public QObject
{
    Q_OBJECT

private slots:
    void sendsAGetWithTheCallersHeadersAndNoCoding()
    {
        ScriptedServer server;
        server.handler = [](const SeenRequest &, QTcpSocket *socket) { ScriptedServer::answer(socket, 206, {"Content-Range: bytes 5-9/100"}, "56789"); };
        QNetworkRequest request = Net::makeRequest(QUrl(server.url(u"/drive/v3/files/a%20b?alt=media"_s)), "the-bearer", Net::Http2::Off);
        request.setRawHeader("Range", "bytes=5-9");
        Get get(request);
        QCOMPARE(get.readToEnd(), QByteArray("56789"));
        QCOMPARE(get.finished->count(), 1);
        QCOMPARE(get.reply->error(), QNetworkReply::NoError);
        QCOMPARE(get.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 206);
        QCOMPARE(get.reply->rawHeader("Content-Range"), QByteArray("bytes 5-9/100"));
        const SeenRequest seen = server.seen.value(0);
        QCOMPARE(seen.method, QByteArray("GET"));
        QCOMPARE(seen.target, QByteArray("/drive/v3/files/a%20b?alt=media"));
        QCOMPARE(seen.headers.value("range"), QByteArray("bytes=5-9"));
        QCOMPARE(seen.headers.value("authorization"), QByteArray("Bearer the-bearer"));
        QCOMPARE(seen.headers.value("connection"), QByteArray("close"));
        QVERIFY(seen.headers.value("user-agent").startsWith("drive-ingest/"));
        QVERIFY(!seen.headers.contains("accept-encoding")); // the bytes as stored, hashed as they come
    }

    void chunkedBodyIsDecoded()
    {
        ScriptedServer server;
        server.handler = [](const SeenRequest &, QTcpSocket *socket) {
            ScriptedServer::stream(socket, "HTTP/1.1 200 OK\r\n", "head-", 300 * 1024);
            socket->write("0\r\n\r\n");
        };
        Get get(QNetworkRequest(QUrl(server.url(u"/f"_s))));
        const QByteArray body = get.readToEnd();
        QCOMPARE(get.reply->error(), QNetworkReply::NoError);
        QCOMPARE(body, "head-" + QByteArray(300 * 1024, 'x'));
    }

    void readBufferBoundsWhatWaits()
    {
        // 8 MiB offered, nothing read: at most the read buffer waits in the reply; TCP holds the rest back.
        constexpr qint64 size = 8 << 20;
        constexpr qint64 bound = 256 << 10;
        ScriptedServer server;
        server.handler = [](const SeenRequest &, QTcpSocket *socket) {
            ScriptedServer::stream(socket, "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(size) + "\r\n", {}, size);
        };
        Get get(QNetworkRequest(QUrl(server.url(u"/big"_s))));
        get.reply->setReadBufferSize(bound);
        QVERIFY(QTest::qWaitFor([&] { return get.reply->bytesAvailable() > 0; }, 10000));
        QTest::qWait(300);
        QVERIFY2(get.reply->bytesAvailable() <= bound, QByteArray::number(get.reply->bytesAvailable()));
        QCOMPARE(get.finished->count(), 0);
        qint64 total = 0;
        bool allX = true;
        QVERIFY(QTest::qWaitFor([&] {
            const QByteArray chunk = get.reply->readChunk(64 << 10);
            allX = allX && chunk.count('x') == chunk.size();
            total += chunk.size();
            return get.finished->count() > 0 && get.reply->bytesAvailable() == 0;
        }, 30000));
        QCOMPARE(total, size);
        QVERIFY(allX);
        QCOMPARE(get.reply->error(), QNetworkReply::NoError);
    }

    void errorStatusKeepsItsBody()
    {
        ScriptedServer server;
        const QByteArray json = R"({"error":{"code":404,"message":"File not found"}})";
        server.handler = [&](const SeenRequest &, QTcpSocket *socket) { ScriptedServer::answer(socket, 404, {"Content-Type: application/json"}, json); };
        Get get(QNetworkRequest(QUrl(server.url(u"/f"_s))));
        QCOMPARE(get.readToEnd(), json);
        QCOMPARE(get.finished->count(), 1);
        QCOMPARE(get.reply->error(), QNetworkReply::ContentNotFoundError); // as QNAM says it
        QCOMPARE(get.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    }

    void codedBodyFails()
    {
        ScriptedServer server;
        server.handler = [](const SeenRequest &, QTcpSocket *socket) { ScriptedServer::answer(socket, 200, {"Content-Encoding: gzip"}, "\x1f\x8b..."); };
        Get get(QNetworkRequest(QUrl(server.url(u"/f"_s))));
        QVERIFY(get.readToEnd().isEmpty());
        QCOMPARE(get.finished->count(), 1);
        QCOMPARE(get.reply->error(), QNetworkReply::ProtocolFailure);
        QVERIFY(get.reply->errorString().contains(u"gzip"_s));
    }

    void cutConnectionIsAnErrorAfterItsBytes()
    {
        ScriptedServer server;
        server.handler = [](const SeenRequest &, QTcpSocket *socket) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + QByteArray(300, 'a'));
            socket->disconnectFromHost();
        };
        Get get(QNetworkRequest(QUrl(server.url(u"/f"_s))));
        QCOMPARE(get.readToEnd(), QByteArray(300, 'a'));
        QCOMPARE(get.finished->count(), 1);
        QCOMPARE(get.reply->error(), QNetworkReply::RemoteHostClosedError);
    }

    void redirectsAreCountedAndKeptOnOrigin()
    {
        // No one verifies these redirects (no UserVerifiedRedirectPolicy): followed on the same origin, at most
        // maximumRedirectsAllowed() times; never to another origin.
        ScriptedServer server;
        ScriptedServer elsewhere;
        server.handler = [&](const SeenRequest &r, QTcpSocket *socket) {
            const QString to = r.path() == u"/away"_s ? elsewhere.url(u"/x"_s) : server.url(u"/loop"_s);
            ScriptedServer::answer(socket, 302, {"Location: " + to.toUtf8()}, {});
        };
        QNetworkRequest looping(QUrl(server.url(u"/loop"_s)));
        looping.setMaximumRedirectsAllowed(3);
        Get loop(looping);
        loop.readToEnd();
        QCOMPARE(loop.finished->count(), 1);
        QCOMPARE(loop.reply->error(), QNetworkReply::TooManyRedirectsError);
        QCOMPARE(server.seen.size(), 4);

        Get away(QNetworkRequest(QUrl(server.url(u"/away"_s))));
        away.readToEnd();
        QCOMPARE(away.finished->count(), 1);
        QCOMPARE(away.reply->error(), QNetworkReply::InsecureRedirectError);
        QCOMPARE(elsewhere.seen.size(), 0);
    }

    void abortEndsItOnce()
    {
        ScriptedServer server;
        server.handler = [](const SeenRequest &, QTcpSocket *socket) { socket->write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234"); };
        Get get(QNetworkRequest(QUrl(server.url(u"/f"_s))));
        QVERIFY(QTest::qWaitFor([&] { return get.reply->bytesAvailable() == 5; }, 10000));
        get.reply->abort();
        get.reply->abort();
        QTest::qWait(50);
        QCOMPARE(get.finished->count(), 1);
        QCOMPARE(get.reply->error(), QNetworkReply::OperationCanceledError);
    }
};

QTEST_GUILESS_MAIN(TestStreamReply)
#include "tst_net_streamreply.moc"
