// SPDX-License-Identifier: GPL-3.0-or-later
// Transfer::BodyStream, the one body GET (issue 10 item 1), against a scripted server in this process: every
// error class it can end with, finished() exactly once, the bandwidth cap holding the last bytes back (and a
// stop() right then), sink backpressure, and what never leaves the machine (unsafe URLs). Every case runs twice:
// the body on Qt's QNetworkAccessManager and on a Net::StreamReply (a large body's own socket, issue 14).
#include "tst_body_support.h"

#include "net/bandwidthlimiter.h"
#include "net/connectionpool.h"
#include "net/network.h"
#include "transfer/bodystream.h"
#include "transfer/hashline.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace BodyTest;
using Transfer::BodyStream;

Q_DECLARE_METATYPE(Net::ErrorClass)

namespace
{
/// Whether this pass sends every body on a StreamReply (the run's pool with no size threshold).
bool ownSocket = false;

/// One stream under test, its signals counted.
struct Run
{
    QNetworkAccessManager nam;
    Net::ConnectionPool pool {&nam};
    MemorySink sink;
    Transfer::TransferContext ctx;
    std::unique_ptr<BodyStream> stream;
    std::unique_ptr<QSignalSpy> finished;
    qint64 wroteTotal = 0;
    qint64 rangeLength = 0; ///< the Range asks for this many bytes when the request is built

    Run(const ScriptedServer &server, qint64 from, qint64 length, bool ranged, Transfer::HashLine *hash = nullptr,
        Net::BandwidthLimiter *limiter = nullptr, int stallMs = 10000)
    {
        ctx.nam = &nam;
        if (ownSocket)
        {
            pool.setStreamThreshold(0);
            ctx.bodies = &pool;
        }
        ctx.limiter = limiter;
        BodyStream::Spec spec;
        const QUrl url = QUrl(server.url(u"/drive/v3/files/f?alt=media"_s));
        rangeLength = length;
        spec.makeRequest = [this, url, from, ranged] {
            QNetworkRequest request = Net::makeRequest(url, "test-bearer", Net::Http2::Off);
            if (ranged)
                request.setRawHeader("Range", "bytes=" + QByteArray::number(from) + '-' + QByteArray::number(from + rangeLength - 1));
            return request;
        };
        spec.origin = QUrl(server.url(u"/drive/v3/"_s));
        spec.from = from;
        spec.length = length;
        spec.cap = length;
        spec.capText = u"the test's %1 bytes"_s.arg(length);
        spec.ranged = ranged;
        spec.stallTimeoutMs = stallMs;
        spec.hash = hash;
        stream = std::make_unique<BodyStream>(ctx, &sink, std::move(spec));
        finished = std::make_unique<QSignalSpy>(stream.get(), &BodyStream::finished);
        QObject::connect(stream.get(), &BodyStream::wrote, stream.get(), [this](qint64 n) { wroteTotal += n; });
    }
    [[nodiscard]] Net::Error error() const { return finished->value(0).value(0).value<Net::Error>(); }
    /// Waits for finished(), then a while longer: a second emission would show.
    bool waitFinished()
    {
        if (!QTest::qWaitFor([this] { return finished->count() > 0; }, 20000))
            return false;
        QTest::qWait(50);
        return true;
    }
};
} // namespace

class TestBodyStream final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<Net::Error>(); }

    void wholeBodyLandsAndIsHashed()
    {
        ScriptedServer server;
        const QByteArray file = pattern(700 * 1024);
        server.handler = [&](const SeenRequest &, QTcpSocket *socket) { ScriptedServer::answer(socket, 200, {}, file); };
        Transfer::HashLine hash(Util::StreamHasher::Md5);
        Run run(server, 0, file.size(), false, &hash);
        run.stream->start();
        QVERIFY(run.waitFinished());
        QCOMPARE(run.finished->count(), 1);
        QCOMPARE(run.error().errorClass, Net::ErrorClass::None);
        QCOMPARE(run.sink.bytes, file);
        QCOMPARE(run.stream->written(), file.size());
        QCOMPARE(run.wroteTotal, file.size());
        QCOMPARE(QString::fromLatin1(hash.md5Hex()), md5Of(file));
    }

    void rangeLandsAtItsOffset()
    {
        ScriptedServer server;
        const QByteArray file = pattern(4000);
        server.handler = [&](const SeenRequest &r, QTcpSocket *socket) { answerRange(socket, r, file); };
        Run run(server, 1000, 2000, true);
        run.stream->start();
        QVERIFY(run.waitFinished());
        QCOMPARE(run.finished->count(), 1);
        QCOMPARE(run.error().errorClass, Net::ErrorClass::None);
        QCOMPARE(server.seen.value(0).headers.value("range"), QByteArray("bytes=1000-2999"));
        QCOMPARE(run.sink.bytes.mid(1000), file.mid(1000, 2000));
    }

    void everyErrorClassEndsItOnce_data()
    {
        QTest::addColumn<int>("script");
        QTest::addColumn<bool>("ranged");
        QTest::addColumn<Net::ErrorClass>("errorClass");
        QTest::addColumn<QString>("reason");
        QTest::newRow("503: Transient") << 0 << false << Net::ErrorClass::Transient << QString();
        QTest::newRow("429: Throttled") << 1 << false << Net::ErrorClass::Throttled << QString();
        QTest::newRow("401: Auth") << 2 << false << Net::ErrorClass::Auth << QString();
        QTest::newRow("403 quota: Quota") << 3 << false << Net::ErrorClass::Quota << QString();
        QTest::newRow("404: Permanent") << 4 << false << Net::ErrorClass::Permanent << QString();
        QTest::newRow("200 to a Range") << 5 << true << Net::ErrorClass::Permanent << u"rangeNotSupported"_s;
        QTest::newRow("206 from elsewhere") << 6 << true << Net::ErrorClass::Permanent << u"badContentRange"_s;
        QTest::newRow("longer than asked") << 7 << false << Net::ErrorClass::Permanent << u"bodyTooLong"_s;
        QTest::newRow("ends early") << 8 << false << Net::ErrorClass::Transient << u"truncated"_s;
        QTest::newRow("reset mid-body") << 9 << false << Net::ErrorClass::Transient << QString();
        QTest::newRow("no byte in time") << 10 << false << Net::ErrorClass::Transient << u"stalled"_s;
    }
    void everyErrorClassEndsItOnce()
    {
        QFETCH(int, script);
        QFETCH(bool, ranged);
        QFETCH(Net::ErrorClass, errorClass);
        QFETCH(QString, reason);
        ScriptedServer server;
        const QByteArray file = pattern(1000);
        server.handler = [&](const SeenRequest &, QTcpSocket *socket) {
            switch (script)
            {
            case 0: return answerJsonError(socket, 503, "backendError");
            case 1: return answerJsonError(socket, 429, "rateLimitExceeded");
            case 2: return answerJsonError(socket, 401, "authError");
            case 3: return answerJsonError(socket, 403, "downloadQuotaExceeded");
            case 4: return answerJsonError(socket, 404, "notFound");
            case 5: return ScriptedServer::answer(socket, 200, {}, file);
            case 6: return ScriptedServer::answer(socket, 206, {"Content-Range: bytes 0-499/1000"}, file.left(500));
            case 7: return answerUnframed(socket, 200, {}, file + "more");
            case 8: return answerUnframed(socket, 200, {}, file.left(600));
            case 9: return answerThenReset(socket, file.size(), file.left(300));
            default: socket->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"); // then nothing
            }
        };
        Run run(server, ranged ? 500 : 0, ranged ? 500 : file.size(), ranged, nullptr, nullptr, 300);
        run.stream->start();
        QVERIFY(run.waitFinished());
        QCOMPARE(run.finished->count(), 1);
        QCOMPARE(run.error().errorClass, errorClass);
        if (!reason.isEmpty())
            QCOMPARE(run.error().reason, reason);
        QCOMPARE(run.stream->written(), run.wroteTotal);
        if (script == 8)
            QCOMPARE(run.stream->written(), 600); // the bytes before the break are kept
        if (script == 7)
            QVERIFY(run.sink.bytes.size() <= file.size()); // a byte past the cap is never written
        run.stream->stop(); // after the end: nothing more
        QTest::qWait(20);
        QCOMPARE(run.finished->count(), 1);
    }

    void unsafeUrlIsNeverOpened()
    {
        ScriptedServer server;
        QNetworkAccessManager nam;
        MemorySink sink;
        Transfer::TransferContext ctx;
        ctx.nam = &nam;
        BodyStream::Spec spec;
        spec.makeRequest = [] { return QNetworkRequest(QUrl(u"file:///etc/passwd"_s)); };
        spec.origin = QUrl(server.url(u"/drive/v3/"_s));
        BodyStream stream(ctx, &sink, std::move(spec));
        QSignalSpy finished(&stream, &BodyStream::finished);
        stream.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.value(0).value(0).value<Net::Error>().reason, u"unsafeUrl"_s);
        QVERIFY(sink.bytes.isEmpty());
    }

    void stopIsCancelledOnce()
    {
        ScriptedServer server;
        server.handler = [](const SeenRequest &, QTcpSocket *socket) { socket->write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234"); };
        Run run(server, 0, 10, false);
        run.stream->start();
        QVERIFY(QTest::qWaitFor([&] { return run.stream->written() == 5; }, 10000));
        run.stream->stop();
        run.stream->stop();
        QTest::qWait(50);
        QCOMPARE(run.finished->count(), 1);
        QCOMPARE(run.error().errorClass, Net::ErrorClass::Cancelled);
        QCOMPARE(run.sink.bytes, QByteArray("01234"));
    }

    void localSinkFailureSilencesIt()
    {
        // The sink's own failed() tells the owner; the stream ends without a second report.
        ScriptedServer server;
        server.handler = [](const SeenRequest &, QTcpSocket *socket) { ScriptedServer::answer(socket, 200, {}, "0123456789"); };
        Run run(server, 0, 10, false);
        QSignalSpy sinkFailed(&run.sink, &Dest::Sink::failed);
        run.sink.failWrites = true;
        run.stream->start();
        QVERIFY(sinkFailed.wait(10000));
        QTest::qWait(50);
        QCOMPARE(run.finished->count(), 0);
        QCOMPARE(run.stream->written(), 0);
    }

    void aShortenedStreamEndsWellAtItsNewEnd()
    {
        // A ranged part split while its GET runs (RangedFetch::split): the answer still carries the whole range
        // asked for; the stream takes only the bytes up to the cut, ends without an error, and drops the rest.
        ScriptedServer server;
        const QByteArray file = pattern(6 << 20);
        server.handler = [&](const SeenRequest &r, QTcpSocket *socket) { answerRange(socket, r, file); };
        Transfer::HashLine hash(Util::StreamHasher::Md5);
        Run run(server, 0, file.size(), true, &hash);
        run.sink.room = 1000; // held: the stream cannot read more than one read buffer ahead of the sink
        run.stream->start();
        QVERIFY(QTest::qWaitFor([&] { return run.stream->written() == 1000; }, 10000));
        const qint64 cut = 3 << 20;
        QVERIFY(run.stream->bytesRead() < cut);
        QVERIFY(!run.stream->shorten(file.size()));         // not shorter
        QVERIFY(!run.stream->shorten(run.stream->bytesRead() - 1)); // bytes read past it already
        QVERIFY(run.stream->shorten(cut));
        run.sink.release();
        QVERIFY(run.waitFinished());
        QCOMPARE(run.finished->count(), 1);
        QCOMPARE(run.error().errorClass, Net::ErrorClass::None);
        QCOMPARE(run.stream->written(), cut);
        QCOMPARE(run.wroteTotal, cut);
        QCOMPARE(run.sink.bytes, file.left(cut));
        QCOMPARE(QString::fromLatin1(hash.md5Hex()), md5Of(file.left(cut)));
    }

    void aStreamShortenedBeforeItsRequestAsksForLess()
    {
        ScriptedServer server;
        const QByteArray file = pattern(8000);
        server.handler = [&](const SeenRequest &r, QTcpSocket *socket) { answerRange(socket, r, file); };
        Run run(server, 1000, 6000, true);
        run.stream->start(); // the request is built from the event loop
        QVERIFY(run.stream->shorten(2500));
        run.rangeLength = 2500; // what the owner's makeRequest asks for now (RangedFetch: the part's new end)
        QVERIFY(run.waitFinished());
        QCOMPARE(run.error().errorClass, Net::ErrorClass::None);
        QCOMPARE(server.seen.value(0).headers.value("range"), QByteArray("bytes=1000-3499"));
        QCOMPARE(run.stream->written(), 2500);
        QCOMPARE(run.sink.bytes.mid(1000), file.mid(1000, 2500));
        // A whole body (no Range) cannot be cut: its answer is the whole file.
        Run whole(server, 0, file.size(), false);
        QVERIFY(!whole.stream->shorten(100));
    }

    void backpressureWaitsForTheSink()
    {
        ScriptedServer server;
        const QByteArray file = pattern(300 * 1024);
        server.handler = [&](const SeenRequest &, QTcpSocket *socket) { ScriptedServer::answer(socket, 200, {}, file); };
        Run run(server, 0, file.size(), false);
        run.sink.room = 1000;
        run.stream->start();
        QVERIFY(QTest::qWaitFor([&] { return run.stream->written() == 1000; }, 10000));
        QTest::qWait(100);
        QCOMPARE(run.finished->count(), 0); // the reply may be over; the bytes are not all in the sink yet
        run.sink.release();
        QVERIFY(run.waitFinished());
        QCOMPARE(run.finished->count(), 1);
        QCOMPARE(run.error().errorClass, Net::ErrorClass::None);
        QCOMPARE(run.sink.bytes, file);
    }

    void cappedLastBytesSettleOnceRead()
    {
        // The reply ends while the cap still holds most of it back: the stream ends only once all is read.
        ScriptedServer server;
        const QByteArray file = pattern(200 * 1024);
        server.handler = [&](const SeenRequest &, QTcpSocket *socket) { ScriptedServer::answer(socket, 200, {}, file); };
        Net::BandwidthLimiter limiter(1000);
        limiter.setClock([] { return qint64(0); }); // the budget never refills by itself
        Run run(server, 0, file.size(), false, nullptr, &limiter);
        run.stream->start();
        QVERIFY(QTest::qWaitFor([&] { return run.stream->written() > 0; }, 10000));
        QTest::qWait(200); // the whole reply is in by now
        QCOMPARE(run.finished->count(), 0);
        QVERIFY(run.stream->written() < file.size());
        limiter.setLimit(0); // lifted: budgetAvailable()
        QVERIFY(run.waitFinished());
        QCOMPARE(run.finished->count(), 1);
        QCOMPARE(run.error().errorClass, Net::ErrorClass::None);
        QCOMPARE(run.sink.bytes, file);
    }

    void stopDuringAHeldBackCappedRead()
    {
        // Paused while the cap holds the last bytes of an ended reply: Cancelled once, what was taken stays,
        // and the next stream from written() completes the file.
        ScriptedServer server;
        const QByteArray file = pattern(200 * 1024);
        server.handler = [&](const SeenRequest &r, QTcpSocket *socket) {
            if (r.headers.contains("range"))
                return answerRange(socket, r, file);
            ScriptedServer::answer(socket, 200, {}, file);
        };
        Net::BandwidthLimiter limiter(1000);
        limiter.setClock([] { return qint64(0); });
        Transfer::HashLine hash(Util::StreamHasher::Md5);
        Run first(server, 0, file.size(), false, &hash, &limiter);
        first.stream->start();
        QVERIFY(QTest::qWaitFor([&] { return first.stream->written() > 0; }, 10000));
        QTest::qWait(200);
        const qint64 kept = first.stream->written();
        QVERIFY(kept > 0 && kept < file.size());
        first.stream->stop();
        limiter.setLimit(0); // a late budgetAvailable() finds nothing to do
        QTest::qWait(50);
        QCOMPARE(first.finished->count(), 1);
        QCOMPARE(first.error().errorClass, Net::ErrorClass::Cancelled);
        QCOMPARE(first.stream->written(), kept);

        Run second(server, kept, file.size() - kept, true, &hash, &limiter);
        second.sink.bytes = first.sink.bytes;
        second.stream->start();
        QVERIFY(second.waitFinished());
        QCOMPARE(second.finished->count(), 1);
        QCOMPARE(second.error().errorClass, Net::ErrorClass::None);
        QCOMPARE(second.sink.bytes, file);
        QCOMPARE(QString::fromLatin1(hash.md5Hex()), md5Of(file));
    }

    void redirectsAreGuarded_data()
    {
        QTest::addColumn<bool>("sameOrigin");
        QTest::newRow("same origin: followed") << true;
        QTest::newRow("another port: refused") << false;
    }
    void redirectsAreGuarded()
    {
        QFETCH(bool, sameOrigin);
        ScriptedServer server;
        ScriptedServer elsewhere;
        const QByteArray file = pattern(5000);
        const auto answer = [&](const SeenRequest &r, QTcpSocket *socket) {
            if (r.path().endsWith(u"/moved"_s))
                return ScriptedServer::answer(socket, 200, {}, file);
            const QString to = (sameOrigin ? server : elsewhere).url(u"/drive/v3/files/f/moved"_s);
            ScriptedServer::answer(socket, 302, {"Location: " + to.toUtf8()}, "moved");
        };
        server.handler = answer;
        elsewhere.handler = answer;
        Run run(server, 0, file.size(), false);
        run.stream->start();
        QVERIFY(run.waitFinished());
        QCOMPARE(run.finished->count(), 1);
        if (sameOrigin)
        {
            QCOMPARE(run.error().errorClass, Net::ErrorClass::None);
            QCOMPARE(run.sink.bytes, file);
            QCOMPARE(server.seen.size(), 2);
            QCOMPARE(server.seen.value(1).headers.value("authorization"), QByteArray("Bearer test-bearer"));
        }
        else
        {
            QCOMPARE(run.error().reason, u"redirectRefused"_s);
            QVERIFY(run.sink.bytes.isEmpty());
            QCOMPARE(elsewhere.seen.size(), 0); // the bearer never went there
        }
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (const bool own : {false, true})
    {
        ownSocket = own;
        qInfo("bodies on %s", own ? "Net::StreamReply" : "QNetworkAccessManager");
        TestBodyStream test;
        failures += QTest::qExec(&test, argc, argv);
    }
    return failures;
}
#include "tst_bodystream.moc"
