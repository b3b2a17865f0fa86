// SPDX-License-Identifier: GPL-3.0-or-later
// Net::ConnectionPool: body GETs over as many QNetworkAccessManagers as the bodies in flight need (6 each), so
// N requests in flight are N TCP connections. A loopback QTcpServer that accepts and never answers counts them.
#include "net/connectionpool.h"
#include "net/network.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

class TestNetConnectionPool final : public QObject
{
    Q_OBJECT

private:
    /// Accepts connections and keeps them open without a byte of answer: every request stays in flight.
    struct SilentServer
    {
        QTcpServer server;
        QList<QTcpSocket *> sockets;
        SilentServer()
        {
            QVERIFY(server.listen(QHostAddress::LocalHost));
            QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
                while (QTcpSocket *s = server.nextPendingConnection())
                    sockets.append(s);
            });
        }
        QUrl url(int i) const { return QUrl(u"http://127.0.0.1:%1/f%2"_s.arg(server.serverPort()).arg(i)); }
    };

    static QList<QNetworkReply *> sendMany(Net::ConnectionPool &pool, const SilentServer &server, int n, int from = 0)
    {
        QList<QNetworkReply *> replies;
        for (int i = from; i < from + n; ++i)
            replies.append(pool.get(Net::makeRequest(server.url(i), {}, Net::Http2::Off)));
        return replies;
    }

private slots:
    void sixteenRequestsAreSixteenConnections()
    {
        SilentServer server;
        QNetworkAccessManager shared;
        Net::ConnectionPool pool(&shared);
        const QList<QNetworkReply *> replies = sendMany(pool, server, 16);
        QTRY_COMPARE_WITH_TIMEOUT(server.sockets.size(), 16, 10000);
        QCOMPARE(pool.managerCount(), 3); // 6 + 6 + 4
        QCOMPARE(pool.inFlight(), 16);
        for (QNetworkReply *reply : replies)
            QVERIFY(reply->manager() != &shared);
        // Nothing more than one connection per request: no 17th appears.
        QTest::qWait(200);
        QCOMPARE(server.sockets.size(), 16);
        // One manager alone (what the engine did before) keeps 10 of them waiting in Qt.
        SilentServer single;
        QList<QNetworkReply *> queued;
        for (int i = 0; i < 16; ++i)
            queued.append(shared.get(Net::makeRequest(single.url(i), {}, Net::Http2::Off)));
        QTRY_COMPARE_WITH_TIMEOUT(single.sockets.size(), 6, 10000);
        QTest::qWait(200);
        QCOMPARE(single.sockets.size(), 6);
        qDeleteAll(queued);
        qDeleteAll(replies);
    }

    void finishedOrDeletedBodiesFreeTheirPlace()
    {
        SilentServer server;
        Net::ConnectionPool pool(nullptr);
        QList<QNetworkReply *> replies = sendMany(pool, server, 12);
        QCOMPARE(pool.inFlight(), 12);
        QCOMPARE(pool.managerCount(), 2);
        // abort() finishes a reply; deleting one that never finished frees its place too.
        for (int i = 0; i < 6; ++i)
            replies.at(i)->abort();
        QCOMPARE(pool.inFlight(), 6);
        delete replies.takeLast();
        QCOMPARE(pool.inFlight(), 5);
        // The freed places are taken again before any new manager is opened.
        replies += sendMany(pool, server, 7, 100);
        QCOMPARE(pool.inFlight(), 12);
        QCOMPARE(pool.managerCount(), 2);
        replies += sendMany(pool, server, 1, 200);
        QCOMPARE(pool.managerCount(), 3);
        qDeleteAll(replies);
        QCOMPARE(pool.inFlight(), 0);
    }

    void capIsWholeManagers()
    {
        SilentServer server;
        Net::ConnectionPool pool(nullptr, 6);
        const QList<QNetworkReply *> replies = sendMany(pool, server, 16);
        QCOMPARE(pool.managerCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(server.sockets.size(), 6, 10000);
        QTest::qWait(200);
        QCOMPARE(server.sockets.size(), 6);
        Net::ConnectionPool seven(nullptr, 7); // rounded up: two managers
        const QList<QNetworkReply *> more = sendMany(seven, server, 16, 100);
        QCOMPARE(seven.managerCount(), 2);
        qDeleteAll(replies);
        qDeleteAll(more);
    }

    // HTTP/2 over https multiplexes on one connection: such a request stays on the run's shared manager (with the
    // API calls), and does not count; one that may not use HTTP/2, or plain http, gets a pooled connection.
    void http2MayGoOnTheSharedManager()
    {
        QNetworkAccessManager shared;
        Net::ConnectionPool pool(&shared);
        const QUrl https(u"https://127.0.0.1:1/x"_s);
        QVERIFY(Net::ConnectionPool::mayUseHttp2(Net::makeRequest(https, {}, Net::Http2::Allowed)));
        QVERIFY(!Net::ConnectionPool::mayUseHttp2(Net::makeRequest(https, {}, Net::Http2::Off)));
        QVERIFY(!Net::ConnectionPool::mayUseHttp2(Net::makeRequest(QUrl(u"http://127.0.0.1:1/x"_s), {}, Net::Http2::Allowed)));
        std::unique_ptr<QNetworkReply> h2(pool.get(Net::makeRequest(https, {}, Net::Http2::Allowed)));
        QCOMPARE(h2->manager(), &shared);
        QCOMPARE(pool.managerCount(), 0);
        QCOMPARE(pool.inFlight(), 0);
        std::unique_ptr<QNetworkReply> h1(pool.get(Net::makeRequest(https, {}, Net::Http2::Off)));
        QVERIFY(h1->manager() != &shared);
        QCOMPARE(pool.managerCount(), 1);
    }

    // What a caller set on the shared manager holds for the pool's managers too.
    void managersCopyTheSharedSettings()
    {
        SilentServer server;
        QNetworkAccessManager shared;
        shared.setProxy(QNetworkProxy::NoProxy);
        shared.setTransferTimeout(12345);
        shared.setStrictTransportSecurityEnabled(true);
        shared.setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
        Net::ConnectionPool pool(&shared);
        std::unique_ptr<QNetworkReply> reply(pool.get(Net::makeRequest(server.url(0), {}, Net::Http2::Off)));
        QNetworkAccessManager *nam = reply->manager();
        QVERIFY(nam != &shared);
        QCOMPARE(nam->proxy().type(), QNetworkProxy::NoProxy);
        QCOMPARE(nam->transferTimeout(), 12345);
        QVERIFY(nam->isStrictTransportSecurityEnabled());
        QCOMPARE(nam->redirectPolicy(), QNetworkRequest::UserVerifiedRedirectPolicy);
    }
};

QTEST_GUILESS_MAIN(TestNetConnectionPool)
#include "tst_net_connectionpool.moc"
