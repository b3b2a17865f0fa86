// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15 (the first hour as a user) and issue 16 item 12, end to end: the real CLI process against the
// real sandbox. `ls` (folders, -R, shared drives, Shared with me, My Drive), My Drive as an ingest SOURCE,
// every row of the README's exit-code table, the engine log kept off the terminal unless asked for, signal
// words, and server-supplied names with terminal escapes printed escaped.
#include "filetree.h"
#include "sandboxprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray token = "cli-newcomer-static-token-7d1e"_ba;

// A small tree with everything the checks need: a folder loop, planted faults, a name full of terminal
// escapes (ESC ] title BEL, ESC [2J clear screen, CR), a shared drive and an item shared with me.
const char manifest[] = R"json({
  "demo_root": "Demo",
  "my_drive": [
    {"name": "Demo", "children": [
      {"name": "Sub", "children": [{"name": "inner.bin", "size": 2048}]},
      {"name": "ok.txt", "size": 300, "mimeType": "text/plain"},
      {"name": "slow.bin", "size": 6291456},
      {"name": "Faulty", "children": [
        {"name": "wrong-md5.bin", "size": 7000, "faults": {"wrong_md5": true}},
        {"name": "evil\u001b]0;pwned\u0007\u001b[2J\rname.bin", "size": 700, "faults": {"wrong_md5": true}}
      ]},
      {"name": "Loop to Demo", "target": "Demo"}
    ]},
    {"name": "top.txt", "size": 10, "mimeType": "text/plain"}
  ],
  "shared_with_me": [{"name": "Shared thing.pdf", "size": 2500, "mimeType": "application/pdf"}],
  "shared_drives": [{"name": "Team Drive", "children": [{"name": "team.csv", "size": 300, "mimeType": "text/csv"}]}]
})json";

const QString evilShown = u"evil\\x1b]0;pwned\\x07\\x1b[2J\\rname.bin"_s;

struct CliResult
{
    int code = -1;
    QString out;
    QString err;
};

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text)
    {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n') || u == 0x7f || (u >= 0x80 && u < 0xa0))
            return true;
    }
    return false;
}

} // namespace

class TestCliNewcomer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QHash<QString, QString> m_ids; ///< sandbox path -> id
    QSet<int> m_codesSeen;         ///< exit codes this test saw, checked against the README's table

    QStringList sandboxArgs() const
    {
        return {u"--sandbox"_s, m_sandbox->baseUrl().toString()};
    }

    CliResult runCli(const QStringList &args, const QByteArray &accessToken = token)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"QT_LOGGING_RULES"_s);
        env.insert(u"DRIVE_INGEST_ACCESS_TOKEN"_s, QString::fromLatin1(accessToken));
        process.setProcessEnvironment(env);
        process.start(qEnvironmentVariable("DI_CLI"), args);
        if (!process.waitForFinished(90000))
        {
            process.kill();
            process.waitForFinished();
        }
        CliResult result;
        result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        m_codesSeen.insert(result.code);
        return result;
    }

    CliResult ingest(const QStringList &sources, const QString &dest, const QStringList &extra = {},
                     const QByteArray &accessToken = token)
    {
        return runCli(QStringList {u"ingest"_s} + sources + QStringList {u"--to"_s, dest} + sandboxArgs() + extra, accessToken);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        QVERIFY2(!qEnvironmentVariable("DI_CLI").isEmpty(), "DI_CLI is not set (run through ctest)");
        QFile file(m_work.filePath(u"manifest.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(manifest);
        file.close();
        m_sandbox = std::make_unique<SandboxProcess>(
            QStringList {u"--static-token"_s, QString::fromLatin1(token), u"--quiet"_s, u"--manifest"_s, file.fileName()});
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        const SandboxProcess::Reply tree = m_sandbox->get(u"/_sandbox/tree"_s);
        QCOMPARE(tree.status, 200);
        for (const QJsonValue &value : tree.json().value(u"items"_s).toArray())
            m_ids.insert(value.toObject().value(u"path"_s).toString(), value.toObject().value(u"id"_s).toString());
        QVERIFY(!m_ids.value(u"Demo/ok.txt"_s).isEmpty());
    }

    // Item 2: ls shows type, size, modified, id and name; -R walks like ingest; shared drives and Shared
    // with me are reachable; My Drive is the default.
    void lsShowsWhatIsThere()
    {
        CliResult run = runCli(QStringList {u"ls"_s} + sandboxArgs());
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(m_ids.value(u"Demo"_s) + u"  Demo\n"_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"top.txt"_s));
        QVERIFY(run.out.startsWith(u"TYPE"_s));

        run = runCli(QStringList {u"ls"_s, m_ids.value(u"Demo"_s)} + sandboxArgs());
        QCOMPARE(run.code, 0);
        QRegularExpression subLine(u"^folder +- +\\S+ \\S+ +"_s + m_ids.value(u"Demo/Sub"_s) + u" +Sub$"_s,
                                   QRegularExpression::MultilineOption);
        QVERIFY2(subLine.match(run.out).hasMatch(), qPrintable(run.out));
        QRegularExpression okLine(u"^file +300 B +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +"_s + m_ids.value(u"Demo/ok.txt"_s)
                                      + u" +ok.txt$"_s,
                                  QRegularExpression::MultilineOption);
        QVERIFY2(okLine.match(run.out).hasMatch(), qPrintable(run.out));
        QVERIFY(!run.out.contains(u"inner.bin"_s)); // not recursive

        run = runCli(QStringList {u"ls"_s, m_ids.value(u"Demo"_s), u"-R"_s} + sandboxArgs());
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(u"\nDemo/Sub:\n"_s) && run.out.contains(u"inner.bin"_s), qPrintable(run.out));
        // The loop is cut and said in words; the escape-laden name is shown escaped.
        QVERIFY2(run.err.contains(u"a folder inside itself"_s), qPrintable(run.err));
        QVERIFY2(run.out.contains(evilShown) && !hasControlCharacters(run.out), qPrintable(run.out));

        run = runCli(QStringList {u"ls"_s, u"shared-drives"_s, u"-R"_s} + sandboxArgs());
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(u"Team Drive"_s) && run.out.contains(u"team.csv"_s), qPrintable(run.out));
        run = runCli(QStringList {u"ls"_s, u"shared-with-me"_s} + sandboxArgs());
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(u"Shared thing.pdf"_s), qPrintable(run.out));

        run = runCli(QStringList {u"ls"_s, u"1NoSuchItemNoSuchItemNoSuchItem00"_s} + sandboxArgs());
        QCOMPARE(run.code, 1);
        QVERIFY(!run.err.isEmpty());
        QCOMPARE(runCli(QStringList {u"ls"_s} + sandboxArgs(), "wrong-token-0123456789"_ba).code, 3);
    }

    // Item 2: the whole of My Drive as a SOURCE, in each of its spellings.
    void myDriveIsASource()
    {
        for (const QString &source : {u"root"_s, u"https://drive.google.com/drive/u/0/my-drive"_s})
        {
            const QString dest = m_work.filePath(u"mydrive-%1"_s.arg(qHash(source)));
            const QString report = dest + u".json"_s;
            const CliResult run = ingest({source}, dest, {u"--report"_s, report});
            QCOMPARE(run.code, 1); // the planted faults
            QFile file(report);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QStringList done;
            for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).object().value(u"files"_s).toArray())
            {
                if (value.toObject().value(u"status"_s).toString() == u"done"_s)
                    done << value.toObject().value(u"drivePath"_s).toString();
            }
            QVERIFY2(done.filter(u"top.txt"_s).size() == 1 && done.filter(u"Demo/Sub/inner.bin"_s).size() == 1,
                     qPrintable(done.join(u", "_s)));
        }
    }

    // Items 11 and 16.12: the engine's log stays off the terminal; -v and --log-file give it. What is
    // printed about a name full of escapes shows them escaped.
    void logOnlyWhenAskedAndEscapesEscaped()
    {
        const QString faulty = m_ids.value(u"Demo/Faulty"_s);
        CliResult run = ingest({faulty}, m_work.filePath(u"log-default"_s));
        QCOMPARE(run.code, 1);
        QVERIFY2(!run.err.contains(u"driveingest."_s), qPrintable(run.err));
        QVERIFY2(run.out.contains(evilShown), qPrintable(run.out));
        QVERIFY2(!hasControlCharacters(run.out + run.err), qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(u"on purpose"_s), qPrintable(run.out)); // item 3: the demo's faults named

        run = ingest({faulty}, m_work.filePath(u"log-quiet"_s), {u"--quiet"_s});
        QCOMPARE(run.code, 1);
        QVERIFY2(!run.err.contains(u"driveingest."_s), qPrintable(run.err));

        run = ingest({faulty}, m_work.filePath(u"log-verbose"_s), {u"-v"_s});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"driveingest."_s), qPrintable(run.err));
        QVERIFY(!hasControlCharacters(run.err));

        const QString logFile = m_work.filePath(u"run.log"_s);
        run = ingest({faulty}, m_work.filePath(u"log-file"_s), {u"--log-file"_s, logFile});
        QCOMPARE(run.code, 1);
        QVERIFY(!run.err.contains(u"driveingest."_s));
        QFile log(logFile);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString logged = QString::fromUtf8(log.readAll());
        QVERIFY2(logged.contains(u"debug driveingest."_s), qPrintable(logged.left(2000)));
        QVERIFY(!logged.contains(QString::fromLatin1(token)));
        QVERIFY(!hasControlCharacters(logged));
    }

    // Item 12: every row of the README's exit-code table, as the CLI gives it.
    void everyExitCodeRow()
    {
        const QString okId = m_ids.value(u"Demo/ok.txt"_s);
        // 0: every file done.
        QCOMPARE(ingest({okId}, m_work.filePath(u"code0"_s)).code, 0);
        // 1: a file failed; and a SOURCE that does not exist (its id filled in the report: item 13).
        QCOMPARE(ingest({m_ids.value(u"Demo/Faulty/wrong-md5.bin"_s)}, m_work.filePath(u"code1"_s)).code, 1);
        const QString missing = u"1MissingItemMissingItemMissing000"_s;
        const QString report = m_work.filePath(u"code1-missing.json"_s);
        CliResult run = ingest({missing}, m_work.filePath(u"code1-missing"_s), {u"--report"_s, report});
        QCOMPARE(run.code, 1);
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray files = QJsonDocument::fromJson(file.readAll()).object().value(u"files"_s).toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).toObject().value(u"driveId"_s).toString(), missing);
        // 2: a bad option, a SOURCE that is not an id or link, a DEST of unknown form or an existing file.
        QCOMPARE(ingest({okId}, m_work.filePath(u"code2"_s), {u"--parallel"_s, u"0"_s}).code, 2);
        QCOMPARE(ingest({u"not a link!"_s}, m_work.filePath(u"code2"_s)).code, 2);
        QCOMPARE(ingest({okId}, u"s3://bucket/x"_s).code, 2);
        QVERIFY(!QFileInfo::exists(m_work.filePath(u"code2"_s)));
        // 3: the token is refused.
        QCOMPARE(ingest({okId}, m_work.filePath(u"code3"_s), {}, "not-the-right-token-0123"_ba).code, 3);
        QFile blocker(m_work.filePath(u"a-file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QCOMPARE(ingest({okId}, blocker.fileName()).code, 2);
        // 4: DEST cannot be created (a file in the way below it).
        QCOMPARE(ingest({okId}, blocker.fileName() + u"/below"_s).code, 4);
        // 5: the journal cannot be kept (its folder is a file), before anything is fetched.
        QCOMPARE(ingest({okId}, m_work.filePath(u"code5"_s), {u"--journal"_s, blocker.fileName() + u"/j.sqlite"_s}).code, 5);
        // 130: a signal (SIGTERM, said as such; and what a new run does).
        run = terminated(SIGTERM);
        QCOMPARE(run.code, 130);
        QVERIFY2(run.err.contains(u"SIGTERM"_s) && !run.err.contains(u"Ctrl-C"_s), qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Stopped by SIGTERM"_s) && run.out.contains(u"same command again"_s), qPrintable(run.out));
        QVERIFY(terminated(SIGINT).err.contains(u"Ctrl-C"_s));

        // The README's table has exactly the codes seen here.
        QFile readme(qEnvironmentVariable("DI_SOURCE_DIR") + u"/README.md"_s);
        QVERIFY(readme.open(QIODevice::ReadOnly));
        QSet<int> documented;
        const QRegularExpression row(u"^\\| (\\d+) \\|"_s, QRegularExpression::MultilineOption);
        for (auto it = row.globalMatch(QString::fromUtf8(readme.readAll())); it.hasNext();)
            documented.insert(it.next().captured(1).toInt());
        QCOMPARE(documented, (QSet<int> {0, 1, 2, 3, 4, 5, 130}));
        QVERIFY2(m_codesSeen.contains(documented), "a row of the README's table was not exercised");
    }

private:
    CliResult terminated(int signalNumber)
    {
        const QString dest = m_work.filePath(u"signalled-%1"_s.arg(signalNumber));
        if (!m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, 1'000'000}}))
            return {};
        const auto unthrottle = qScopeGuard([this] { m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, 0}}); });
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DRIVE_INGEST_ACCESS_TOKEN"_s, QString::fromLatin1(token));
        process.setProcessEnvironment(env);
        process.start(qEnvironmentVariable("DI_CLI"), QStringList {u"ingest"_s, m_ids.value(u"Demo/slow.bin"_s),
                                                                   m_ids.value(u"Demo/ok.txt"_s), u"--to"_s, dest}
                                                           + sandboxArgs());
        QElapsedTimer waited;
        waited.start();
        bool writing = false;
        while (!writing && waited.elapsed() < 30000 && process.state() != QProcess::NotRunning)
        {
            writing = !TestTree::filesUnder(dest).filter(u".partial"_s).isEmpty();
            QTest::qWait(50);
        }
        ::kill(pid_t(process.processId()), signalNumber);
        process.waitForFinished(60000);
        CliResult result;
        result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        m_codesSeen.insert(result.code);
        return result;
    }
};

QTEST_GUILESS_MAIN(TestCliNewcomer)
#include "tst_cli_newcomer.moc"
