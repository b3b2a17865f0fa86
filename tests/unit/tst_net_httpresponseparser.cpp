// SPDX-License-Identifier: GPL-3.0-or-later
// Net::HttpResponseParser: one HTTP/1.1 response fed in arbitrary pieces — every split point gives the same
// result; chunked bodies, 1xx, bodies delimited by the close; malformed, oversized and truncated input fails
// with a reason instead of growing or hanging.
#include "net/httpresponseparser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Net::HttpResponseParser;
using State = HttpResponseParser::State;

namespace
{
/// Feeds `wire` split at `at` (and, when `byteWise`, one byte at a time), then closed() if `close`.
HttpResponseParser parse(const QByteArray &wire, qsizetype at = -1, bool byteWise = false, bool close = false,
                         const HttpResponseParser::Limits &limits = {})
{
    HttpResponseParser p(limits);
    if (byteWise)
    {
        for (const char c : wire)
            p.feed(&c, 1);
    }
    else if (at >= 0)
    {
        p.feed(wire.left(at));
        p.feed(wire.mid(at));
    }
    else
    {
        p.feed(wire);
    }
    if (close)
        p.closed();
    return p;
}
} // namespace

class TestNetHttpResponseParser final : public QObject
{
    Q_OBJECT

private slots:
    void noContent()
    {
        const HttpResponseParser p = parse("HTTP/1.1 204 No Content\r\nServer: x\r\n\r\n");
        QCOMPARE(p.state(), State::Done);
        QCOMPARE(p.status(), 204);
        QCOMPARE(p.reasonPhrase(), "No Content"_ba);
        QCOMPARE(p.header("server"_ba), "x"_ba);
        QVERIFY(p.body().isEmpty());
    }

    void everySplitPoint_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::newRow("content-length")
            << "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 7\r\nContent-Length: 48\r\nContent-Type: application/json\r\n\r\n"
               "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"m\":\"x\"}"_ba
            << 503 << "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"m\":\"x\"}"_ba << "7"_ba;
        QTest::newRow("chunked")
            << "HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1A\r\n, world of chunked bodies!\r\n0\r\nX-Trailer: t\r\n\r\n"_ba
            << 403 << "hello, world of chunked bodies!"_ba << QByteArray();
        QTest::newRow("100 continue first")
            << "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\nRetry-After: 1\r\n\r\nok"_ba << 200
            << "ok"_ba << "1"_ba;
        QTest::newRow("bare LF")
            << "HTTP/1.1 404 Not Found\nContent-Length: 3\n\nnop"_ba << 404 << "nop"_ba << QByteArray();
    }

    void everySplitPoint()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        for (qsizetype at = 0; at <= wire.size(); ++at)
        {
            const HttpResponseParser p = parse(wire, at);
            QVERIFY2(p.isDone(), qPrintable(u"split at %1: %2"_s.arg(at).arg(p.errorString())));
            QCOMPARE(p.status(), status);
            QCOMPARE(p.body(), body);
            QCOMPARE(p.header("Retry-After"_ba), retryAfter);
            QCOMPARE(p.extraBytes(), 0);
        }
        const HttpResponseParser bytes = parse(wire, -1, true);
        QVERIFY(bytes.isDone());
        QCOMPARE(bytes.body(), body);
    }

    void bodyUntilClose()
    {
        HttpResponseParser p = parse("HTTP/1.0 500 Oops\r\n\r\n<pre>INTERNAL_ERROR</pre>"_ba);
        QCOMPARE(p.state(), State::NeedMore);
        QCOMPARE(p.closed(), State::Done);
        QCOMPARE(p.status(), 500);
        QCOMPARE(p.body(), "<pre>INTERNAL_ERROR</pre>"_ba);
    }

    void bytesAfterTheResponseAreCounted()
    {
        const HttpResponseParser p = parse("HTTP/1.1 204 No Content\r\n\r\nJUNK"_ba);
        QVERIFY(p.isDone());
        QCOMPARE(p.extraBytes(), 4);
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("close");
        QTest::addColumn<QString>("why");
        QTest::newRow("not http") << "HTTX/1.1 200 OK\r\n\r\n"_ba << false << u"status line"_s;
        QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\n", 12) << false << u"status line"_s;
        QTest::newRow("bad code") << "HTTP/1.1 2x0 OK\r\n\r\n"_ba << false << u"status code"_s;
        QTest::newRow("code 700") << "HTTP/1.1 700 Odd\r\n\r\n"_ba << false << u"status code"_s;
        QTest::newRow("http/2 line") << "HTTP/2 200\r\n\r\n"_ba << false << u"status line"_s;
        QTest::newRow("no colon") << "HTTP/1.1 200 OK\r\nNoColonHere\r\n\r\n"_ba << false << u"no name"_s;
        QTest::newRow("folded") << "HTTP/1.1 200 OK\r\nA: b\r\n  c\r\n\r\n"_ba << false << u"Folded"_s;
        QTest::newRow("space in name") << "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n"_ba << false << u"header name"_s;
        QTest::newRow("conflicting length")
            << "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc"_ba << false << u"Content-Length"_s;
        QTest::newRow("negative length") << "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"_ba << false << u"Content-Length"_s;
        QTest::newRow("length truncated") << "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"_ba << true << u"7 bytes before"_s;
        QTest::newRow("closed in headers") << "HTTP/1.1 200 OK\r\nA: b\r\n"_ba << true << u"middle"_s;
        QTest::newRow("closed before anything") << QByteArray() << true << u"before any response"_s;
        QTest::newRow("bad chunk size") << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"_ba << false
                                        << u"chunk size"_s;
        QTest::newRow("signed chunk size") << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n"_ba << false
                                           << u"chunk size"_s;
        QTest::newRow("chunk overrun") << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n"_ba << false
                                       << u"longer than its size"_s;
        QTest::newRow("chunked truncated") << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"_ba << true
                                           << u"middle"_s;
        QTest::newRow("gzip coding") << "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"_ba << false << u"transfer coding"_s;
        QTest::newRow("switching") << "HTTP/1.1 101 Switching Protocols\r\n\r\n"_ba << false << u"switched"_s;
    }

    void failures()
    {
        QFETCH(QByteArray, wire);
        QFETCH(bool, close);
        QFETCH(QString, why);
        for (qsizetype at = 0; at <= wire.size(); ++at)
        {
            const HttpResponseParser p = parse(wire, at, false, close);
            QVERIFY2(p.hasFailed(), qPrintable(u"split at %1: state %2"_s.arg(at).arg(int(p.state()))));
            QVERIFY2(p.errorString().contains(why), qPrintable(p.errorString()));
        }
    }

    void headerFlood()
    {
        QByteArray many = "HTTP/1.1 200 OK\r\n"_ba;
        for (int i = 0; i < 101; ++i)
            many += "X-H" + QByteArray::number(i) + ": v\r\n";
        HttpResponseParser p = parse(many);
        QVERIFY(p.hasFailed());
        QVERIFY(p.errorString().contains(u"headers exceed"_s));

        // One endless line fails once it passes the line limit, not when it ends.
        HttpResponseParser line;
        line.feed("HTTP/1.1 200 OK\r\nX-Long: "_ba);
        const QByteArray filler(1024, 'a');
        int fed = 0;
        while (line.state() == State::NeedMore && fed < 100)
        {
            line.feed(filler);
            ++fed;
        }
        QVERIFY(line.hasFailed());
        QVERIFY(fed <= 9);
        QVERIFY(line.errorString().contains(u"longer than"_s));

        // Many header lines, each short, over the byte budget.
        HttpResponseParser::Limits limits;
        limits.maxHeaderBytes = 1000;
        QByteArray wide = "HTTP/1.1 200 OK\r\n"_ba;
        for (int i = 0; i < 20; ++i)
            wide += "X-W" + QByteArray::number(i) + ": " + QByteArray(80, 'w') + "\r\n";
        QVERIFY(parse(wide, -1, false, false, limits).hasFailed());

        // Trailers count too.
        QByteArray trailers = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"_ba;
        for (int i = 0; i < 20; ++i)
            trailers += "T" + QByteArray::number(i) + ": " + QByteArray(80, 't') + "\r\n";
        QVERIFY(parse(trailers, -1, false, false, limits).hasFailed());
    }

    void oversizedBodies()
    {
        HttpResponseParser::Limits limits;
        limits.maxBody = 16;
        QVERIFY(parse("HTTP/1.1 200 OK\r\nContent-Length: 17\r\n\r\n"_ba, -1, false, false, limits).hasFailed());
        QVERIFY(parse("HTTP/1.1 200 OK\r\nContent-Length: 16\r\n\r\n0123456789abcdef"_ba, -1, false, false, limits).isDone());
        QVERIFY(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n1\r\n"_ba, -1, false,
                      false, limits)
                    .hasFailed());
        QVERIFY(parse("HTTP/1.1 200 OK\r\n\r\n"_ba + QByteArray(17, 'x'), -1, false, false, limits).hasFailed());
        QVERIFY(parse("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n"_ba).hasFailed());
    }

    void noBodyStatuses()
    {
        // 204/304 end at the blank line even when a Content-Length is (wrongly) sent.
        const HttpResponseParser p = parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n"_ba);
        QVERIFY(p.isDone());
        QCOMPARE(p.status(), 304);
    }
};

QTEST_GUILESS_MAIN(TestNetHttpResponseParser)
#include "tst_net_httpresponseparser.moc"
