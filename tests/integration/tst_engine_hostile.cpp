// SPDX-License-Identifier: GPL-3.0-or-later
// The real engine against a scripted Drive (a QTcpServer in this process) that does what no real Drive does:
// bodies longer than declared, parts longer than their range, headers over Qt's limits, redirects and
// exportLinks to other hosts or to file:. A second scripted server stands for "elsewhere" and records
// what reached it (issue 16, items 3, 4, 5 and 7).
#include "tst_engine_support.h"
#include "scriptedserver.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace EngineTest;

namespace
{
using ScriptedHttp::ScriptedServer;
using ScriptedHttp::SeenRequest;

/// Drive's files.get for the files the test declares, anything else to `content`.
class ScriptedDrive
{
public:
    ScriptedDrive()
    {
        server.handler = [this](const SeenRequest &request, QTcpSocket *socket)
        {
            const QString path = request.path();
            const QString prefix = u"/drive/v3/files/"_s;
            const QString id = path.mid(prefix.size());
            if (path.startsWith(prefix) && !id.contains(u'/') && request.query().queryItemValue(u"alt"_s) != u"media"_s)
            {
                if (!files.contains(id))
                    return ScriptedServer::answer(
                        socket, 404, {}, R"({"error":{"code":404,"message":"File not found."}})");
                return ScriptedServer::answer(socket, 200, { "Content-Type: application/json" },
                    QJsonDocument(files.value(id)).toJson(QJsonDocument::Compact));
            }
            content(request, socket);
        };
    }

    void addBlob(const QString &id, const QByteArray &bytes)
    {
        files.insert(id,
            QJsonObject { { u"kind"_s, u"drive#file"_s }, { u"id"_s, id }, { u"name"_s, QString(id + u".bin"_s) },
                { u"mimeType"_s, u"application/octet-stream"_s }, { u"size"_s, QString::number(bytes.size()) },
                { u"md5Checksum"_s,
                    QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex()) },
                { u"capabilities"_s, QJsonObject { { u"canDownload"_s, true } } } });
    }
    /// A Google Doc over the export endpoint's limit, with one exportLinks URL for docx.
    void addDocOverExportLimit(const QString &id, const QString &docxLink)
    {
        files.insert(id,
            QJsonObject { { u"kind"_s, u"drive#file"_s }, { u"id"_s, id }, { u"name"_s, id },
                { u"mimeType"_s, u"application/vnd.google-apps.document"_s },
                { u"capabilities"_s, QJsonObject { { u"canDownload"_s, true } } },
                { u"exportLinks"_s, QJsonObject { { Docx, docxLink } } } });
    }
    static void answerExportTooLarge(QTcpSocket *socket)
    {
        ScriptedServer::answer(socket, 403, { "Content-Type: application/json" },
            R"({"error":{"code":403,"message":"This file is too large to be exported.","errors":[{"domain":"global","reason":"exportSizeLimitExceeded","message":"This file is too large to be exported."}]}})");
    }
    [[nodiscard]] QList<SeenRequest> requests(const QString &pathPart) const
    {
        QList<SeenRequest> out;
        for (const SeenRequest &r : server.seen)
        {
            if (QString::fromLatin1(r.target).contains(pathPart))
                out.append(r);
        }
        return out;
    }

    static inline const QString Docx = u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s;
    ScriptedServer server;
    QMap<QString, QJsonObject> files;
    ScriptedServer::Handler content
        = [](const SeenRequest &, QTcpSocket *socket) { ScriptedServer::answer(socket, 404, {}, "{}"); };
};

QByteArray pattern(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char((i * 31 + i / 251) & 0xff);
    return bytes;
}

const QByteArray Bearer = "Bearer " + Token;

/// "Failed bodyTooLong", "Done", or why there is no such outcome: one comparison per test.
QString outcome(const RunResult &r, const QString &id)
{
    if (!r.finished)
        return u"run not finished"_s;
    const Transfer::FileStatus *f = recordFor(r.report, id);
    if (!f)
        return u"no record"_s;
    return f->state == Transfer::FileState::Done  ? u"Done"_s
        : f->state == Transfer::FileState::Failed ? u"Failed "_s + f->lastError.reason
                                                  : u"state %1 %2"_s.arg(int(f->state)).arg(f->lastError.reason);
}

/// "Content-Range: bytes first-last/total"
QByteArray contentRange(qint64 first, qint64 last, qint64 total)
{
    return "Content-Range: bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
        + QByteArray::number(total);
}
} // namespace

class TestEngineHostile final : public QObject
{
    Q_OBJECT

private slots:
    void bodyLongerThanDeclared_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("endless chunked body") << QByteArray("HTTP/1.1 200 OK\r\n");
        QTest::newRow("huge Content-Length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n");
    }
    void bodyLongerThanDeclared()
    {
        // Drive declares 10 bytes; the body goes on (64 MiB here, "endless" to a client that keeps reading).
        QFETCH(QByteArray, head);
        ScriptedDrive drive;
        const QByteArray ten = "0123456789";
        drive.addBlob(u"1Long"_s, ten);
        drive.content
            = [&](const SeenRequest &, QTcpSocket *socket) { ScriptedServer::stream(socket, head, ten, 64 << 20); };
        QTemporaryDir dir;
        const RunResult r = runIngest(drive.server.base(), { ref(u"1Long"_s) }, dir.path(), fastOptions());
        QCOMPARE(outcome(r, u"1Long"_s), u"Failed bodyTooLong"_s);
        const Transfer::FileStatus *f = recordFor(r.report, u"1Long"_s);
        QVERIFY2(f->lastError.message.contains(u"10 bytes"_s), qPrintable(f->lastError.message));
        QCOMPARE(drive.requests(u"alt=media"_s).size(), 1); // a lying body is not asked for again
        QVERIFY(filesUnder(dir.path()).isEmpty());
    }

    void rangedPartLongerThanItsRange_data()
    {
        QTest::addColumn<bool>("contentLength");
        QTest::newRow("chunked, past the range") << false;
        QTest::newRow("Content-Length past the range") << true;
    }
    void rangedPartLongerThanItsRange()
    {
        // Every part's answer says the right Content-Range and brings the right bytes, then 100 KiB more.
        QFETCH(bool, contentLength);
        ScriptedDrive drive;
        const QByteArray bytes = pattern(4 << 20);
        drive.addBlob(u"1Big"_s, bytes);
        drive.content = [&](const SeenRequest &request, QTcpSocket *socket)
        {
            const auto [first, last] = request.range();
            QByteArray head = "HTTP/1.1 206 Partial Content\r\n" + contentRange(first, last, bytes.size()) + "\r\n";
            if (contentLength)
                head += "Content-Length: " + QByteArray::number(last - first + 1 + 100 * 1024) + "\r\n";
            ScriptedServer::stream(socket, head, bytes.mid(first, last - first + 1), 100 * 1024);
        };
        QTemporaryDir dir;
        Transfer::RunOptions options = fastOptions();
        options.rangedThreshold = 1 << 20;
        options.streams = 4;
        const RunResult r = runIngest(drive.server.base(), { ref(u"1Big"_s) }, dir.path(), options);
        QVERIFY(drive.requests(u"alt=media"_s).value(0).headers.contains("range")); // really the ranged path
        QCOMPARE(outcome(r, u"1Big"_s), u"Failed bodyTooLong"_s);
        QVERIFY(filesUnder(dir.path()).isEmpty());
    }

    void headersOverQtLimits_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::newRow("a 1 MB header line") << QByteArray("X-Big: " + QByteArray(1 << 20, 'a') + "\r\n");
        QByteArray many;
        for (int i = 0; i < 100000; ++i)
            many += "X-H" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("100,000 headers") << many;
    }
    void headersOverQtLimits()
    {
        // Qt drops every header over its limits and reads the body until the connection ends, which this
        // server never does: without a check each try waited for the 60 s stall timeout.
        QFETCH(QByteArray, headers);
        ScriptedDrive drive;
        const QByteArray ten = "0123456789";
        drive.addBlob(u"1Heads"_s, ten);
        drive.content = [&](const SeenRequest &, QTcpSocket *socket)
        {
            socket->write("HTTP/1.1 200 OK\r\n" + headers + "Content-Length: 10\r\n\r\n" + ten); // and stays open
        };
        QTemporaryDir dir;
        Transfer::RunOptions options = fastOptions();
        QCOMPARE(options.stallTimeoutMs, 60000); // the run must end long before one stall timeout
        const RunResult r
            = runIngest(drive.server.base(), { ref(u"1Heads"_s) }, dir.path(), options, TokenKind::Static, 40000);
        QCOMPARE(outcome(r, u"1Heads"_s), u"Failed badHeaders"_s);
        QVERIFY(filesUnder(dir.path()).isEmpty());
    }

    void redirectElsewhereFailsTheFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("offLoopback");
        QTest::newRow("single stream") << u"single"_s << false;
        QTest::newRow("ranged part") << u"ranged"_s << false;
        QTest::newRow("exportLinks on Drive's host") << u"export"_s << false;
        // A target refused even before (plain http off loopback) made the file "cancelled" and the run a success.
        QTest::newRow("single stream, http off loopback") << u"single"_s << true;
    }
    void redirectElsewhereFailsTheFile()
    {
        // Drive answers the body request with a redirect to another local server (another port is another
        // host): not followed, so nothing reaches it (no bearer), and the file fails with the reason.
        QFETCH(QString, kind);
        QFETCH(bool, offLoopback);
        ScriptedServer elsewhere;
        elsewhere.handler
            = [](const SeenRequest &, QTcpSocket *socket) { ScriptedServer::answer(socket, 200, {}, "0123456789"); };
        ScriptedDrive drive;
        const QString id = u"1Moved"_s;
        if (kind == u"export"_s)
            drive.addDocOverExportLimit(id, drive.server.url(u"/feeds/download/documents/export/Export?id=1Moved"_s));
        else
            drive.addBlob(id, kind == u"ranged"_s ? pattern(2 << 20) : QByteArray("0123456789"));
        drive.content = [&](const SeenRequest &request, QTcpSocket *socket)
        {
            if (request.path().endsWith(u"/export"_s))
                return ScriptedDrive::answerExportTooLarge(socket);
            const QByteArray location
                = offLoopback ? "http://elsewhere.invalid/stolen" : elsewhere.url(u"/stolen"_s).toLatin1();
            ScriptedServer::answer(socket, 302, { "Location: " + location }, {});
        };
        QTemporaryDir dir;
        Transfer::RunOptions options = fastOptions();
        options.rangedThreshold = 1 << 20;
        const RunResult r = runIngest(drive.server.base(), { ref(id) }, dir.path(), options);
        QCOMPARE(outcome(r, id), u"Failed redirectRefused"_s);
        QCOMPARE(r.report.totals.filesFailed, 1);
        QCOMPARE(r.report.totals.filesCancelled, 0);
        // Drive's own host had the bearer (the test can see one); the other server got no request at all.
        QVERIFY(!drive.server.seen.isEmpty());
        QCOMPARE(drive.server.seen.constLast().headers.value("authorization"), Bearer);
        QCOMPARE(elsewhere.seen.size(), 0);
        QVERIFY(filesUnder(dir.path()).isEmpty());
    }

    void redirectOnDrivesHostIsFollowed_data()
    {
        QTest::addColumn<bool>("ranged");
        QTest::newRow("single stream") << false;
        QTest::newRow("ranged parts") << true;
    }
    void redirectOnDrivesHostIsFollowed()
    {
        // A redirect that stays on the host the bearer is for is followed, bearer and Range included, and
        // the body comes with the last hop (the redirect's own head is not the body's status).
        QFETCH(bool, ranged);
        ScriptedDrive drive;
        const QByteArray bytes = pattern(ranged ? 2 << 20 : 100000);
        drive.addBlob(u"1Hop"_s, bytes);
        drive.content = [&](const SeenRequest &request, QTcpSocket *socket)
        {
            if (request.path() != u"/moved"_s)
                return ScriptedServer::answer(socket, 307, { "Location: /moved?id=1Hop" }, {});
            if (!request.headers.contains("range"))
                return ScriptedServer::answer(socket, 200, {}, bytes);
            const auto [first, last] = request.range();
            ScriptedServer::answer(
                socket, 206, { contentRange(first, last, bytes.size()) }, bytes.mid(first, last - first + 1));
        };
        QTemporaryDir dir;
        Transfer::RunOptions options = fastOptions();
        options.rangedThreshold = 1 << 20;
        if (ranged)
            options.streams = 2; // the file's one chunk is cut in two for the second stream: two ranged GETs
        const RunResult r = runIngest(drive.server.base(), { ref(u"1Hop"_s) }, dir.path(), options);
        QCOMPARE(outcome(r, u"1Hop"_s), u"Done"_s);
        const Transfer::FileStatus *f = recordFor(r.report, u"1Hop"_s);
        QCOMPARE(md5Of(f->destinationPath), QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex()));
        const QList<SeenRequest> hops = drive.requests(u"/moved"_s);
        QCOMPARE(hops.size(), ranged ? 2 : 1);
        for (const SeenRequest &hop : hops)
        {
            QCOMPARE(hop.headers.value("authorization"), Bearer);
            QCOMPARE(hop.headers.contains("range"), ranged);
        }
    }

    void exportLinkElsewhereGetsNoBearer()
    {
        // The Drive client withholds the token from an exportLinks host that is not Drive's; the download
        // must not put it back. The other host is asked without any Authorization header.
        ScriptedServer elsewhere;
        elsewhere.handler
            = [](const SeenRequest &, QTcpSocket *socket) { ScriptedServer::answer(socket, 200, {}, "exported"); };
        ScriptedDrive drive;
        drive.addDocOverExportLimit(u"1Doc"_s, elsewhere.url(u"/export?id=1Doc"_s));
        drive.content = [](const SeenRequest &, QTcpSocket *socket) { ScriptedDrive::answerExportTooLarge(socket); };
        QTemporaryDir dir;
        const RunResult r = runIngest(drive.server.base(), { ref(u"1Doc"_s) }, dir.path(), fastOptions());
        QCOMPARE(drive.requests(u"/export"_s).value(0).headers.value("authorization"), Bearer);
        QCOMPARE(elsewhere.seen.size(), 1);
        QCOMPARE(elsewhere.seen.at(0).path(), u"/export"_s);
        QVERIFY2(!elsewhere.seen.at(0).headers.contains("authorization"),
            elsewhere.seen.at(0).headers.value("authorization").constData());
        QCOMPARE(outcome(r, u"1Doc"_s), u"Done"_s);
    }

    void exportLinkToFileSchemeIsNotOpened()
    {
        // An exportLinks URL pointing at a local file: never opened, the file fails, nothing is committed.
        QTemporaryDir secrets;
        const QString secret = secrets.filePath(u"secret.txt"_s);
        {
            QFile f(secret);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("local secret, must not be copied");
        }
        ScriptedDrive drive;
        drive.addDocOverExportLimit(u"1Doc"_s, QUrl::fromLocalFile(secret).toString());
        drive.content = [](const SeenRequest &, QTcpSocket *socket) { ScriptedDrive::answerExportTooLarge(socket); };
        QTemporaryDir dir;
        const RunResult r = runIngest(drive.server.base(), { ref(u"1Doc"_s) }, dir.path(), fastOptions());
        QCOMPARE(outcome(r, u"1Doc"_s), u"Failed unsafeUrl"_s);
        const Transfer::FileStatus *f = recordFor(r.report, u"1Doc"_s);
        QVERIFY2(f->lastError.message.contains(u"file:"_s), qPrintable(f->lastError.message));
        QCOMPARE(drive.requests(u"/export"_s).size(), 1);
        QVERIFY(filesUnder(dir.path()).isEmpty()); // nothing read, nothing committed
    }
};

QTEST_GUILESS_MAIN(TestEngineHostile)
#include "tst_engine_hostile.moc"
