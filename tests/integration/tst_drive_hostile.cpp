// SPDX-License-Identifier: GPL-3.0-or-later
// Listings and retries against servers no real Drive would be (issue 16 #9, "Also seen" 829,000 entries; issue
// 15 #10): a scripted HTTP server in this process answers files.list with a page token that repeats, one that
// doubles every page, or a page of far more entries than Drive ever sends; and a port nobody listens on stands
// for an unreachable server, for TreeWalker/ApiCall in process and for the real CLI.
#include "drive/driveclient.h"
#include "drive/treewalker.h"
#include "net/endpoints.h"
#include "net/requestcounters.h"
#include "net/tokenprovider.h"
#include "transfer/waitstatus.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace
{
/// HTTP/1.1 with keep-alive on 127.0.0.1: every GET is answered by `answer(target)` (status line, headers and
/// body in one), and every request target is remembered.
class ScriptedDrive
{
public:
    using Answer = std::function<QByteArray(const QUrl &target)>;

    explicit ScriptedDrive(Answer answer)
        : m_answer(std::move(answer))
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server,
            [this]
            {
                while (QTcpSocket *socket = m_server.nextPendingConnection())
                {
                    auto buffer = std::make_shared<QByteArray>();
                    QObject::connect(socket, &QIODevice::readyRead, socket,
                        [this, socket, buffer]
                        {
                            *buffer += socket->readAll();
                            qsizetype end;
                            while ((end = buffer->indexOf("\r\n\r\n")) >= 0)
                            {
                                const QByteArray head = buffer->left(end);
                                buffer->remove(0, end + 4);
                                const QByteArray line = head.left(head.indexOf("\r\n"));
                                const QByteArray target = line.split(' ').value(1);
                                targets.append(target);
                                socket->write(m_answer(QUrl::fromEncoded(target)));
                            }
                        });
                }
            });
    }

    QUrl base() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }

    /// Requests whose target names `folderId` in its query.
    qsizetype requestsFor(const QString &folderId) const
    {
        return std::count_if(targets.cbegin(), targets.cend(),
            [&folderId](const QByteArray &t)
            { return QUrlQuery(QUrl::fromEncoded(t)).queryItemValue(u"q"_s, QUrl::FullyDecoded).contains(folderId); });
    }

    static QByteArray json(const QByteArray &body, const QByteArray &status = "200 OK")
    {
        return "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

    QList<QByteArray> targets;

private:
    QTcpServer m_server;
    Answer m_answer;
};

QByteArray fileEntry(const QString &id)
{
    return u"{\"id\":\"%1\",\"name\":\"%1.txt\",\"mimeType\":\"text/plain\",\"size\":\"1\"}"_s.arg(id).toUtf8();
}

/// files.list pages per folder: "good" has one file and ends; "loop" sends the same token on every page;
/// "grow" doubles its token every page; "huge" sends 1,500 entries in one page (Drive sends 1,000 at most).
QByteArray hostileDrive(const QUrl &target)
{
    const QUrlQuery query(target);
    const QString q = query.queryItemValue(u"q"_s, QUrl::FullyDecoded);
    const QString token = query.queryItemValue(u"pageToken"_s, QUrl::FullyDecoded);
    QByteArray body;
    if (q.contains(u"'good'"_s))
        body = "{\"files\":[" + fileEntry(u"good1"_s) + "]}";
    else if (q.contains(u"'loop'"_s))
        body = "{\"nextPageToken\":\"again\",\"files\":[" + fileEntry(u"loop%1"_s.arg(token.size())) + "]}";
    else if (q.contains(u"'grow'"_s))
    {
        const QByteArray next = token.isEmpty() ? QByteArray(64, 'g') : token.toLatin1() + token.toLatin1();
        body = "{\"nextPageToken\":\"" + next + "\",\"files\":[]}";
    }
    else if (q.contains(u"'huge'"_s))
    {
        QByteArrayList entries;
        for (int i = 0; i < 1500; ++i)
            entries.append(fileEntry(u"h%1"_s.arg(i)));
        body = "{\"files\":[" + entries.join(',') + "]}";
    }
    else
        return ScriptedDrive::json("{\"error\":{\"code\":404,\"message\":\"no such folder\"}}", "404 Not Found");
    return ScriptedDrive::json(body);
}

/// A loopback port with nobody listening: connections are refused at once.
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

struct Walk
{
    QStringList files;
    QMap<QString, QString> failed; ///< path -> reason
    bool finished = false;
};
} // namespace

class TestDriveHostile final : public QObject
{
    Q_OBJECT

private slots:
    void hostileListingFailsItsFolderOnly_data();
    void hostileListingFailsItsFolderOnly();
    void unreachableServerSaysWhatItRetriesAndGivesUp();
    void cliSaysAtOnceWhatItRetriesAndStopsAtTheRetryTimeout();

private:
    QNetworkAccessManager m_nam;
    Net::StaticTokenProvider m_tokens { "hostile-test-token", u"test"_s };
};

void TestDriveHostile::hostileListingFailsItsFolderOnly_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("maxRequests");
    // Issue 16 #9: the same token forever looped and grew memory ~4.6 MB/s.
    QTest::newRow("repeating token") << u"loop"_s << u"pagingLoop"_s << 2;
    // Issue 16 #9: a token doubling every page grew the request URL to 33 MB. 64 << 7 = 8192 is the last
    // one followed.
    QTest::newRow("doubling token") << u"grow"_s << u"pageTokenTooLong"_s << 9;
    // Issue 16 "Also seen": 829,000 entries in one page (under the 64 MiB cap) took 3.6 GB once parsed.
    QTest::newRow("oversized page") << u"huge"_s << u"pageTooLarge"_s << 1;
}

void TestDriveHostile::hostileListingFailsItsFolderOnly()
{
    QFETCH(QString, folder);
    QFETCH(QString, reason);
    QFETCH(int, maxRequests);
    ScriptedDrive server(&hostileDrive);
    Drive::DriveClient client(&m_nam, &m_tokens, nullptr, Net::Endpoints::sandbox(server.base()));
    Drive::TreeWalker walker(&client);
    Walk walk;
    connect(&walker, &Drive::TreeWalker::fileFound, this,
        [&walk](const QStringList &, const QStringList &, const Drive::DriveFile &f) { walk.files.append(f.id); });
    connect(&walker, &Drive::TreeWalker::itemFailed, this,
        [&walk](const Drive::DriveRef &, const QString &path, const Net::Error &e)
        { walk.failed.insert(path, e.reason); });
    connect(&walker, &Drive::TreeWalker::finished, this, [&walk] { walk.finished = true; });
    walker.addFolder({ folder }, { folder });
    walker.addFolder({ u"Good"_s }, { u"good"_s });

    QTRY_VERIFY_WITH_TIMEOUT(walk.finished, 20000);
    QCOMPARE(walk.failed.value(folder), reason);
    QCOMPARE(walk.failed.size(), 1);
    // The run goes on: the other folder is listed whole, and nothing of the failed one is taken.
    QCOMPARE(walk.files, QStringList { u"good1"_s });
    QVERIFY2(server.requestsFor(u"'"_s + folder + u"'"_s) <= maxRequests,
        qPrintable(QString::number(server.requestsFor(u"'"_s + folder + u"'"_s))));
    qsizetype longest = 0;
    for (const QByteArray &t : std::as_const(server.targets))
        longest = std::max(longest, t.size());
    QVERIFY2(longest < 16 * 1024, qPrintable(QString::number(longest)));
}

void TestDriveHostile::unreachableServerSaysWhatItRetriesAndGivesUp()
{
    // Issue 15 #10: what is retried and why is known while the retry waits, and the retry timeout ends it.
    const quint16 port = closedPort();
    Net::RequestCounters counters;
    Drive::DriveClient client(
        &m_nam, &m_tokens, nullptr, Net::Endpoints::sandbox(QUrl(u"http://127.0.0.1:%1"_s.arg(port))));
    client.setCounters(&counters);
    Net::BackoffPolicy policy;
    policy.initial = 400ms;
    policy.max = 400ms;
    policy.jitter = 0ms;
    policy.maxTries = 1000;
    policy.retryTimeout = 2s;
    client.setBackoffPolicy(policy);

    Drive::FileJob *job = client.getFile(u"someFileId"_s);
    std::optional<Net::Error> result;
    connect(
        job, &Drive::FileJob::finished, this, [&result](const Net::Error &e, const Drive::DriveFile &) { result = e; });

    std::optional<Transfer::Wait> wait;
    QTRY_VERIFY_WITH_TIMEOUT((wait = Transfer::currentWait(nullptr, counters)).has_value() || result, 10000);
    QVERIFY2(wait.has_value(), "no retry was noted before the call ended");
    QCOMPARE(wait->kind, Transfer::Wait::Kind::Retry);
    QCOMPARE(wait->what, u"127.0.0.1:%1"_s.arg(port));
    QCOMPARE(wait->error.reason, u"connectionRefused"_s);
    QVERIFY(wait->triesDone >= 1);
    QCOMPARE(wait->maxTries, 1000);
    const QString text = Transfer::waitText(*wait);
    QVERIFY2(text.startsWith(u"retrying 127.0.0.1:%1: the server refused the connection (try "_s.arg(port)),
        qPrintable(text));
    QVERIFY2(text.contains(u" of 1000 failed, next in "_s), qPrintable(text));

    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QCOMPARE(result->reason, u"connectionRefused"_s);
    // 2 s of 400 ms pauses: 5 retries after the first try, not the 999 the tries would allow.
    QCOMPARE(counters.requests.load(), qint64(6));
    QVERIFY(!Transfer::currentWait(nullptr, counters)); // a finished call waits for nothing
}

void TestDriveHostile::cliSaysAtOnceWhatItRetriesAndStopsAtTheRetryTimeout()
{
    // Issue 15 #10: the CLI printed "0/0 files" every 5 s for ~98 s, then the reason.
    QVERIFY2(!qEnvironmentVariable("DI_CLI").isEmpty(), "DI_CLI is not set (run through ctest)");
    const quint16 port = closedPort();
    QTemporaryDir work;
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DRIVE_INGEST_ACCESS_TOKEN"_s, u"hostile-test-token"_s);
    cli.setProcessEnvironment(env);
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(qEnvironmentVariable("DI_CLI"),
        { u"ingest"_s, u"1AbCdEfGhIjKlMnOpQrStUvWxYz012345"_s, u"--to"_s, work.filePath(u"out"_s), u"--sandbox"_s,
            u"http://127.0.0.1:%1"_s.arg(port), u"--retry-timeout"_s, u"3s"_s });
    QVERIFY(cli.waitForStarted());
    // Said at once, not after the tries are used up.
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += cli.readAll()).contains("retrying 127.0.0.1:"), 30000);
    const QByteArray said
        = "retrying 127.0.0.1:" + QByteArray::number(port) + ": the server refused the connection (try ";
    QVERIFY2(out.contains(said), out.constData());
    QVERIFY2(out.contains(" of 8 failed, next in "), out.constData());
    // Bounded: 3 s of pauses, then the reason and a failing exit (the default would try 8 times, ~95 s).
    QVERIFY2(cli.waitForFinished(60000), "the CLI kept retrying past its --retry-timeout");
    out += cli.readAll();
    QVERIFY2(cli.exitCode() != 0, out.constData());
    QVERIFY2(!out.contains("try 4 of 8 failed"), out.constData()); // 1 + 2 s, then the 1 s left: 3 tries failed
    QVERIFY2(out.contains("refused"), out.constData());
}

QTEST_GUILESS_MAIN(TestDriveHostile)
#include "tst_drive_hostile.moc"
