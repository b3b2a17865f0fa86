// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 11 end to end: the real CLI process, the real sandbox over loopback and a real SQLite journal in a
// temporary XDG_STATE_HOME. A rerun fetches nothing done before; jobs, jobs show, jobs forget; verify finds
// a deleted and a changed file (acceptance 6); the journal's faults (acceptance 5): corrupt, locked,
// read-only state folder.
#include "filetree.h"
#include "sandboxprocess.h"

#include "journal/lockfile.h"
#include "journal/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray token = "journal-test-static-token-7c1d"_ba;

const char manifest[] = R"json({
  "demo_root": "Journal Demo",
  "my_drive": [
    {"name": "Journal Demo", "children": [
      {"name": "Binary", "children": [
        {"name": "empty.bin", "size": 0},
        {"name": "64KiB.bin", "size": 65536},
        {"name": "odd-1000003.bin", "size": 1000003},
        {"name": "3MiB.bin", "size": 3145728}
      ]},
      {"name": "Docs", "children": [
        {"name": "Project plan", "mimeType": "application/vnd.google-apps.document", "export_size": 48000}
      ]},
      {"name": "Deep", "children": [
        {"name": "level1", "children": [{"name": "deep.txt", "size": 777, "mimeType": "text/plain"}]}
      ]},
      {"name": "readme.txt", "size": 512, "mimeType": "text/plain"}
    ]}
  ]
})json";

struct CliResult
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject report;
};

/// The files below `dir` (hidden ones too) but for our own receipts under _drive_ingest/.
} // namespace

class TestJournalCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_rootId;
    QString m_state; ///< XDG_STATE_HOME of the current test function
    int m_case = 0;

    QString journalPath() const { return m_state + u"/drive-ingest/journal.sqlite"_s; }

    QStringList ingestArgs(const QString &dest, const QStringList &extra = {}) const
    {
        return QStringList {u"ingest"_s, m_rootId, u"--to"_s, dest, u"--sandbox"_s, m_sandbox->baseUrl().toString()}
            + extra;
    }

    CliResult runCli(const QStringList &args, const QString &asUser = {})
    {
        CliResult result;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DRIVE_INGEST_ACCESS_TOKEN"_s, QString::fromLatin1(token));
        env.insert(u"XDG_STATE_HOME"_s, m_state);
        process.setProcessEnvironment(env);
        if (asUser.isEmpty())
            process.start(qEnvironmentVariable("DI_CLI"), args);
        else
            process.start(QStandardPaths::findExecutable(u"setpriv"_s),
                          QStringList {u"--reuid="_s + asUser, u"--regid="_s + asUser, u"--clear-groups"_s,
                                       qEnvironmentVariable("DI_CLI")}
                              + args);
        if (!process.waitForFinished(90000))
        {
            process.kill();
            process.waitForFinished();
            qWarning("the CLI did not finish in time");
        }
        result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        const qsizetype reportAt = args.indexOf(u"--report"_s);
        if (reportAt >= 0)
        {
            QFile file(args.value(reportAt + 1));
            if (file.open(QIODevice::ReadOnly))
                result.report = QJsonDocument::fromJson(file.readAll()).object();
        }
        return result;
    }

    /// Requests the sandbox answered on a route since the last reset, all statuses.
    int routeCount(const QString &route)
    {
        const QJsonObject byStatus = m_sandbox->stats().value(u"by_route"_s).toObject().value(route).toObject();
        int count = 0;
        for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
            count += it.value().toInt();
        return count;
    }
    int bodyRequests() { return routeCount(u"drive.files.media"_s) + routeCount(u"drive.files.export"_s); }

    static QSet<QString> reasonCodes(const QJsonObject &report)
    {
        QSet<QString> codes;
        for (const QJsonValue &value : report.value(u"files"_s).toArray())
            codes.insert(value.toObject().value(u"reasonCode"_s).toString());
        return codes;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        QVERIFY2(!qEnvironmentVariable("DI_CLI").isEmpty(), "DI_CLI is not set (run through ctest)");
        const QString manifestPath = m_work.filePath(u"manifest.json"_s);
        QFile file(manifestPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(manifest);
        file.close();
        m_sandbox = std::make_unique<SandboxProcess>(
            QStringList {u"--static-token"_s, QString::fromLatin1(token), u"--quiet"_s, u"--manifest"_s, manifestPath});
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_rootId = m_sandbox->readyInfo().value(u"demo_root_id"_s).toString();
        QVERIFY(!m_rootId.isEmpty());
    }

    void init()
    {
        // A fresh state folder per test function: nothing here touches ~/.local/state.
        m_state = m_work.filePath(u"state-%1"_s.arg(++m_case));
        QVERIFY(QDir().mkpath(m_state));
        QVERIFY(m_sandbox->reset());
    }

    void rerunFetchesNothingDoneBefore()
    {
        const QString dest = m_work.filePath(u"rerun"_s);
        // Receipts a killed run was writing beside the journal: the next run on this journal clears them.
        const QString stale = journalPath() + u".receipts-Ab12Cd"_s;
        QVERIFY(QDir().mkpath(QFileInfo(journalPath()).absolutePath()));
        {
            QFile planted(stale);
            QVERIFY(planted.open(QIODevice::WriteOnly));
            planted.write("{\"status\":\"done\"}\n");
        }
        CliResult run = runCli(ingestArgs(dest, {u"--quiet"_s}));
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY(!QFileInfo::exists(stale));
        QVERIFY(bodyRequests() >= 7);
        QVERIFY(QFileInfo::exists(journalPath()));
        // The run's receipts, one JSON line a file, beside the files.
        QStringList receipts = QDir(dest + u"/_drive_ingest/runs"_s).entryList({u"*.jsonl"_s}, QDir::Files);
        QCOMPARE(receipts.size(), 1);
        QFile receiptFile(dest + u"/_drive_ingest/runs/"_s + receipts.first());
        QVERIFY(receiptFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = receiptFile.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 7);
        // Built beside the journal a line at a time, then copied: nothing of it stays there.
        const QString receiptsPattern = QFileInfo(journalPath()).fileName() + u".receipts-*"_s;
        QCOMPARE(QFileInfo(journalPath()).dir().entryList({receiptsPattern}, QDir::Files | QDir::Hidden), QStringList());
        for (const QByteArray &line : lines)
        {
            const QJsonObject receipt = QJsonDocument::fromJson(line).object();
            QCOMPARE(receipt.value(u"status"_s).toString(), u"done"_s);
            QVERIFY(!receipt.value(u"driveId"_s).toString().isEmpty());
            QVERIFY(!receipt.value(u"revision"_s).toString().isEmpty());
            const QString hash = receipt.value(u"hash"_s).toString();
            QVERIFY2(hash.startsWith(u"md5:"_s) || hash.startsWith(u"sha256:"_s), line.constData());
            QVERIFY(!receipt.value(u"toolVersion"_s).toString().isEmpty());
            QVERIFY(!receipt.value(u"startedAt"_s).toString().isEmpty());
        }

        // The same command again: Drive's changes feed says nothing changed (issue 12), nothing is listed,
        // fetched nor probed.
        QVERIFY(m_sandbox->reset());
        const QString reportPath = m_work.filePath(u"rerun.json"_s);
        run = runCli(ingestArgs(dest, {u"--report"_s, reportPath}));
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(bodyRequests(), 0);
        QCOMPARE(routeCount(u"drive.files.list"_s), 0);
        QCOMPARE(run.report.value(u"files"_s).toArray().size(), 0);
        QVERIFY2(run.err.contains("0 new, 0 changed, 0 removed since"), run.err.constData());
        // A listing of the job (no tokens kept, as after a refused one) skips every file as done in an earlier run.
        {
            Journal::Store store;
            QVERIFY(store.open(journalPath()).ok());
            for (const Journal::JobRow &job : store.jobs())
                QVERIFY(store.setCursors(job.id, {}).ok());
        }
        QVERIFY(m_sandbox->reset());
        run = runCli(ingestArgs(dest, {u"--report"_s, reportPath}));
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(bodyRequests(), 0);
        const QJsonArray files = run.report.value(u"files"_s).toArray();
        QCOMPARE(files.size(), 7);
        QCOMPARE(reasonCodes(run.report), QSet<QString> {u"doneEarlier"_s});
        for (const QJsonValue &value : files)
            QCOMPARE(value.toObject().value(u"reason"_s).toString(), u"done in an earlier run"_s);
        QVERIFY2(run.out.contains("done in an earlier run"), run.out.constData());
        receipts = QDir(dest + u"/_drive_ingest/runs"_s).entryList({u"*.jsonl"_s}, QDir::Files);
        QCOMPARE(receipts.size(), 1); // a run that touched no file adds none

        // --verify: the destination is probed (same bytes there: "alreadyThere"), still nothing fetched.
        run = runCli(ingestArgs(dest, {u"--verify"_s, u"--report"_s, reportPath}));
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(bodyRequests(), 0);
        QCOMPARE(reasonCodes(run.report), QSet<QString> {u"alreadyThere"_s});

        // --no-journal: as before journals, and the journal is left alone (still four runs).
        QFile::remove(dest + u"/Journal Demo/readme.txt"_s);
        run = runCli(ingestArgs(dest, {u"--no-journal"_s, u"--report"_s, reportPath}));
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(routeCount(u"drive.files.media"_s), 1); // the deleted file comes back, probed as before
        QVERIFY(reasonCodes(run.report).contains(u"alreadyThere"_s));
        run = runCli({u"jobs"_s, u"show"_s, u"no-such-job"_s});
        QCOMPARE(run.code, 2);
        run = runCli({u"jobs"_s});
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY2(run.out.contains("(4 runs)") || run.out.contains("(4 run(s))"), run.out.constData());
    }

    void jobsShowAndForget()
    {
        const QString dest = m_work.filePath(u"jobs"_s);
        CliResult run = runCli(ingestArgs(dest, {u"--quiet"_s, u"--job"_s, u"nightly"_s}));
        QVERIFY2(run.code == 0, run.err.constData());
        run = runCli(ingestArgs(dest, {u"--quiet"_s}));
        QVERIFY2(run.code == 0, run.err.constData());

        run = runCli({u"jobs"_s});
        QVERIFY2(run.code == 0, run.err.constData());
        const QString listed = QString::fromUtf8(run.out);
        QVERIFY2(listed.startsWith(u"nightly  key "_s), qPrintable(listed));
        QVERIFY2(listed.contains(u"sources: "_s + m_rootId), qPrintable(listed));
        QVERIFY2(listed.contains(u"destination: "_s + QDir(dest).absolutePath()), qPrintable(listed));
        QVERIFY2(listed.contains(u"completed (2 run"_s), qPrintable(listed));
        QVERIFY2(listed.contains(u"files: 7 done, 0 failed, 0 pending"_s), qPrintable(listed));
        QVERIFY2(listed.contains(u"4.1 MiB landed"_s) || listed.contains(u"MiB landed"_s), qPrintable(listed));

        run = runCli({u"jobs"_s, u"show"_s, u"nightly"_s});
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY2(run.out.contains("run 1: started") && run.out.contains("7 file(s) touched, 7 done"), run.out.constData());
        QVERIFY2(run.out.contains("run 2: started") && run.out.contains("0 file(s) touched"), run.out.constData());

        run = runCli({u"jobs"_s, u"forget"_s, u"nightly"_s});
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY2(run.out.contains("Forgot job nightly"), run.out.constData());
        run = runCli({u"jobs"_s});
        QVERIFY2(run.out.contains("No jobs yet."), run.out.constData());
        QCOMPARE(TestTree::landedFiles(dest).size(), 7); // nothing at the destination changed

        // Forgotten: the next run knows nothing and looks at the destination again (the files are there).
        QVERIFY(m_sandbox->reset());
        const QString reportPath = m_work.filePath(u"forgotten.json"_s);
        run = runCli(ingestArgs(dest, {u"--report"_s, reportPath}));
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(reasonCodes(run.report), QSet<QString> {u"alreadyThere"_s});
    }

    void verifyFindsMissingAndChangedFiles()
    {
        const QString dest = m_work.filePath(u"verify"_s);
        CliResult run = runCli(ingestArgs(dest, {u"--quiet"_s, u"--job"_s, u"audit"_s}));
        QVERIFY2(run.code == 0, run.err.constData());
        run = runCli({u"verify"_s, u"audit"_s});
        QVERIFY2(run.code == 0, run.out.constData());
        QVERIFY2(run.out.contains("7 file(s) checked: 0 missing, 0 changed"), run.out.constData());

        QVERIFY(QFile::remove(dest + u"/Journal Demo/Binary/64KiB.bin"_s));
        QFile changed(dest + u"/Journal Demo/Deep/level1/deep.txt"_s);
        QVERIFY(changed.open(QIODevice::WriteOnly | QIODevice::Truncate));
        changed.write(QByteArray(777, 'x')); // the same size, other bytes: only the hash tells
        changed.close();

        QFile extra(dest + u"/Journal Demo/Binary/extra.bin"_s);
        QVERIFY(extra.open(QIODevice::WriteOnly));
        extra.close();
        run = runCli({u"verify"_s, u"audit"_s});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.contains("extra: Journal Demo/Binary/extra.bin"), run.out.constData());
        QVERIFY2(run.out.contains("missing: Journal Demo/Binary/64KiB.bin"), run.out.constData());
        QVERIFY2(run.out.contains("changed: Journal Demo/Deep/level1/deep.txt"), run.out.constData());
        QVERIFY2(run.out.contains("1 missing, 1 changed, 1 extra"), run.out.constData());
    }

    void corruptJournalIsMovedAside()
    {
        QVERIFY(QDir().mkpath(QFileInfo(journalPath()).path()));
        QFile garbage(journalPath());
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, '\x5a') + "this is not an SQLite database");
        garbage.close();

        const QString dest = m_work.filePath(u"corrupt"_s);
        const CliResult run = runCli(ingestArgs(dest, {u"--quiet"_s}));
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY2(run.err.contains("was damaged") && run.err.contains("moved to"), run.err.constData());
        const QStringList aside = QDir(QFileInfo(journalPath()).path()).entryList({u"journal.sqlite.corrupt-*"_s});
        QCOMPARE(aside.size(), 1);
        QCOMPARE(TestTree::landedFiles(dest).size(), 7); // the run went on
        const CliResult jobs = runCli({u"jobs"_s});
        QVERIFY2(jobs.out.contains("files: 7 done"), jobs.out.constData()); // with a new journal
    }

    void lockedJournalRefusesBeforeAnyByte()
    {
        QVERIFY(QDir().mkpath(QFileInfo(journalPath()).path()));
        Journal::LockFile lock(journalPath() + u".lock"_s);
        qint64 holder = 0;
        QString error;
        QCOMPARE(lock.tryLock(&holder, &error), Journal::LockFile::Result::Locked);

        const QString dest = m_work.filePath(u"locked"_s);
        const CliResult run = runCli(ingestArgs(dest, {u"--quiet"_s}));
        QCOMPARE(run.code, 5);
        QVERIFY2(run.err.contains("in use by another drive-ingest process"), run.err.constData());
        QVERIFY2(run.err.contains(QByteArray::number(qint64(::getpid()))), run.err.constData());
        QCOMPARE(bodyRequests(), 0);
        QCOMPARE(TestTree::landedFiles(dest).size(), 0);

        // --no-journal runs regardless; the lock released, the journal is used again.
        CliResult free = runCli(ingestArgs(dest, {u"--quiet"_s, u"--no-journal"_s}));
        QVERIFY2(free.code == 0, free.err.constData());
        lock.unlock();
        free = runCli(ingestArgs(dest, {u"--quiet"_s}));
        QVERIFY2(free.code == 0, free.err.constData());
    }

    void readOnlyStateFolderRefusesBeforeAnyByte()
    {
        const QString folder = QFileInfo(journalPath()).path();
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                                  | QFileDevice::ExeOther));
        const QString dest = m_work.filePath(u"readonly"_s);
        QString asUser;
        if (::geteuid() == 0)
        {
            // Root writes into any folder: the CLI runs as nobody (the work folder opened up for it).
            if (QStandardPaths::findExecutable(u"setpriv"_s).isEmpty())
                QSKIP("running as root without setpriv: a read-only folder is writable for root here");
            asUser = u"65534"_s;
            QFile::setPermissions(m_work.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                     | QFileDevice::ReadOther | QFileDevice::ExeOther);
            QFile::setPermissions(m_state, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                               | QFileDevice::ReadOther | QFileDevice::ExeOther);
            QVERIFY(QDir().mkpath(dest));
            QVERIFY(QFile::setPermissions(dest, QFileDevice::Permissions(0x7777)));
        }
        const CliResult run = runCli(ingestArgs(dest, {u"--quiet"_s}), asUser);
        QVERIFY2(run.code == 5, run.err.constData());
        QVERIFY2(run.err.contains("Cannot keep the journal in"), run.err.constData());
        QCOMPARE(bodyRequests(), 0);
        QCOMPARE(TestTree::landedFiles(dest).size(), 0);
        QVERIFY(!QFileInfo::exists(journalPath()));
    }

    void receiptsThatCannotLandAreSaid()
    {
        // `_drive_ingest` taken by a file of the user's: the files land, their receipts cannot, and the run says so.
        const QString dest = m_work.filePath(u"receipts-blocked"_s);
        QVERIFY(QDir().mkpath(dest));
        {
            QFile taken(dest + u"/_drive_ingest"_s);
            QVERIFY(taken.open(QIODevice::WriteOnly));
            taken.write("mine\n");
        }
        const CliResult run = runCli(ingestArgs(dest, {u"--quiet"_s}));
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY2(run.err.contains("receipts were not written to _drive_ingest/runs/"), run.err.constData());
        QStringList landed = TestTree::landedFiles(dest);
        QVERIFY(landed.removeOne(u"_drive_ingest"_s)); // the user's file, left as it was
        QCOMPARE(landed.size(), 7);
        QFile taken(dest + u"/_drive_ingest"_s);
        QVERIFY(taken.open(QIODevice::ReadOnly));
        QCOMPARE(taken.readAll(), QByteArray("mine\n"));
    }

    void fullStateFolder()
    {
        // A full folder needs a small file system (no tmpfs here without root mounts); RLIMIT_FSIZE (prlimit)
        // ends the process with SIGXFSZ at the limit rather than failing a write, and would cut the
        // destination's writes too: neither is the "disk full" a user meets.
        QSKIP("no reliable full state folder without mounting a small file system");
    }
};

QTEST_GUILESS_MAIN(TestJournalCli)
#include "tst_journal_cli.moc"
