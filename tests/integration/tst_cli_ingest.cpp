// SPDX-License-Identifier: GPL-3.0-or-later
// drive-ingest-cli end to end: the real CLI process against the real sandbox over loopback. Issue 3,
// acceptance 1, exit codes, Ctrl-C, --dry-run, the report and share-link SOURCE forms.
// Built twice: tst_cli_ingest serves a demo-like manifest without the 1 GiB file (default run, ~10 s);
// tst_cli_fulldemo (DI_CLI_FULL_DEMO, label bench) runs the same checks on the sandbox's full demo tree.
#include "filetree.h"
#include "sandboxprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray token = "cli-test-static-token-5f3a9c1e"_ba;

// The demo tree of the sandbox minus "Large" (1 GiB) and with a smaller big file, so the run stays short.
const char manifest[] = R"json({
  "demo_root": "Drive Ingest Demo",
  "my_drive": [
    {"name": "Drive Ingest Demo", "children": [
      {"name": "Binary", "children": [
        {"name": "empty.bin", "size": 0},
        {"name": "one-byte.bin", "size": 1},
        {"name": "1KiB.bin", "size": 1024},
        {"name": "64KiB.bin", "size": 65536},
        {"name": "odd-1000003.bin", "size": 1000003},
        {"name": "1MiB.bin", "size": 1048576},
        {"name": "10MiB.bin", "size": 10485760},
        {"name": "24MiB.bin", "size": 25165824},
        {"name": "notes.txt", "size": 4096, "mimeType": "text/plain"},
        {"name": "data.csv", "size": 20000, "mimeType": "text/csv"}
      ]},
      {"name": "Docs", "children": [
        {"name": "Project plan", "mimeType": "application/vnd.google-apps.document", "export_size": 48000},
        {"name": "Budget", "mimeType": "application/vnd.google-apps.spreadsheet", "export_size": 30000},
        {"name": "Kick-off deck", "mimeType": "application/vnd.google-apps.presentation", "export_size": 900000},
        {"name": "Architecture", "mimeType": "application/vnd.google-apps.drawing", "export_size": 60000},
        {"name": "Huge report", "mimeType": "application/vnd.google-apps.document", "export_size": 12582912},
        {"name": "Feedback form", "mimeType": "application/vnd.google-apps.form"}
      ]},
      {"name": "Deep", "children": [
        {"name": "level1", "children": [
          {"name": "level2", "children": [
            {"name": "deep.txt", "size": 777, "mimeType": "text/plain"}
          ]},
          {"name": "l1.bin", "size": 1111}
        ]}
      ]},
      {"name": "Odd names", "children": [
        {"name": "a/b slash.txt", "size": 100, "mimeType": "text/plain"},
        {"name": "..", "size": 101},
        {"name": ".", "size": 102},
        {"name": "../../escape.txt", "size": 103, "mimeType": "text/plain"},
        {"name": "/etc/absolute.txt", "size": 110, "mimeType": "text/plain"},
        {"name": "ctrl\u0001\u0007\ttab\nnewline.txt", "size": 104, "mimeType": "text/plain"},
        {"name": "emoji \ud83d\ude00\ud83d\udcc1.bin", "size": 107},
        {"name": "CON", "size": 108},
        {"name": "trailing dot.", "size": 109},
        {"name": "same.txt", "size": 200, "mimeType": "text/plain"},
        {"name": "same.txt", "size": 201, "mimeType": "text/plain"}
      ]},
      {"name": "Shortcuts", "children": [
        {"name": "Shortcut to 1MiB", "target": "Drive Ingest Demo/Binary/1MiB.bin"},
        {"name": "Dangling shortcut", "target_id": "1DanglingTargetDoesNotExist0000000"},
        {"name": "Shortcut to the demo root", "target": "Drive Ingest Demo"}
      ]},
      {"name": "Faulty", "children": [
        {"name": "quota-exceeded.bin", "size": 6000, "faults": {"download_quota_exceeded": true}},
        {"name": "wrong-md5.bin", "size": 7000, "faults": {"wrong_md5": true}}
      ]},
      {"name": "old-trashed.bin", "size": 1234, "trashed": true},
      {"name": "readme.txt", "size": 512, "mimeType": "text/plain"}
    ]}
  ]
})json";

/// Every file below `dir`, hidden ones included, as absolute paths.
struct CliResult
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject report;
};
} // namespace

class TestCliIngest final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QJsonObject m_tree;
    QHash<QString, QJsonObject> m_byPath; ///< sandbox path ("Drive Ingest Demo/Binary/1MiB.bin") -> item
    QHash<QString, QJsonObject> m_byId;

    QString idOf(const QString &path) const { return m_byPath.value(path).value(u"id"_s).toString(); }

    QProcessEnvironment environment(const QByteArray &accessToken) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DRIVE_INGEST_ACCESS_TOKEN"_s, QString::fromLatin1(accessToken));
        return env;
    }

    QStringList ingestArgs(const QStringList &sources, const QString &dest, const QStringList &extra = {}) const
    {
        return QStringList {u"ingest"_s} + sources
            + QStringList {u"--to"_s, dest, u"--sandbox"_s, m_sandbox->baseUrl().toString()} + extra;
    }

#ifdef DI_CLI_FULL_DEMO
    static constexpr int runTimeoutMs = 600000;
#else
    static constexpr int runTimeoutMs = 90000;
#endif

    CliResult runCli(const QStringList &args, const QByteArray &accessToken = token, int timeoutMs = runTimeoutMs)
    {
        CliResult result;
        QProcess process;
        process.setProcessEnvironment(environment(accessToken));
        process.start(qEnvironmentVariable("DI_CLI"), args);
        if (!process.waitForFinished(timeoutMs))
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
            {
                const QByteArray bytes = file.readAll();
                result.report = QJsonDocument::fromJson(bytes).object();
                // Secrets never reach a report.
                if (!accessToken.isEmpty() && bytes.contains(accessToken))
                {
                    qWarning("the token leaked into the report");
                    result.code = -2;
                }
            }
        }
        if (!accessToken.isEmpty() && (result.out.contains(accessToken) || result.err.contains(accessToken)))
        {
            qWarning("the token leaked into the output");
            result.code = -2;
        }
        return result;
    }

    static QJsonObject recordFor(const QJsonObject &report, const QString &driveId)
    {
        for (const QJsonValue &value : report.value(u"files"_s).toArray())
        {
            if (value.toObject().value(u"driveId"_s).toString() == driveId)
            {
                return value.toObject();
            }
        }
        return {};
    }

    static QList<QJsonObject> recordsWhere(const QJsonObject &report, const std::function<bool(const QJsonObject &)> &pred)
    {
        QList<QJsonObject> records;
        for (const QJsonValue &value : report.value(u"files"_s).toArray())
        {
            if (pred(value.toObject()))
            {
                records << value.toObject();
            }
        }
        return records;
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
        QStringList sandboxArgs {u"--static-token"_s, QString::fromLatin1(token), u"--quiet"_s};
#ifndef DI_CLI_FULL_DEMO
        sandboxArgs << u"--manifest"_s << manifestPath;
#endif
        m_sandbox = std::make_unique<SandboxProcess>(sandboxArgs);
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        const SandboxProcess::Reply tree = m_sandbox->get(u"/_sandbox/tree"_s);
        QCOMPARE(tree.status, 200);
        m_tree = tree.json();
        for (const QJsonValue &value : m_tree.value(u"items"_s).toArray())
        {
            m_byPath.insert(value.toObject().value(u"path"_s).toString(), value.toObject());
            m_byId.insert(value.toObject().value(u"id"_s).toString(), value.toObject());
        }
        QVERIFY(!idOf(u"Drive Ingest Demo/Binary/1MiB.bin"_s).isEmpty());
    }

    void wholeTreeLandsVerified()
    {
        const QString outer = m_work.filePath(u"outer"_s);
        const QString dest = outer + u"/dest"_s;
        QVERIFY(QDir().mkpath(dest));
        const QString reportPath = m_work.filePath(u"tree-report.json"_s);
        m_sandbox->reset();
        const CliResult run = runCli(ingestArgs({m_tree.value(u"demo_root_id"_s).toString()}, dest,
                                                {u"--report"_s, reportPath}));
        // Quota and checksum faults make it "some files failed or parked".
        QVERIFY2(run.code == 1, run.err.constData());
        QVERIFY(!run.report.isEmpty());
        QCOMPARE(run.report.value(u"exitCode"_s).toInt(), 1);
        const QString canonicalDest = QFileInfo(dest).canonicalFilePath();

        // Every binary file of the tree (not trashed, not faulty) is there with Drive's md5.
        int checked = 0;
        for (const QJsonObject &item : std::as_const(m_byPath))
        {
            const QString path = item.value(u"path"_s).toString();
            if (!item.contains(u"md5"_s) || item.value(u"trashed"_s).toBool() || path.contains(u"/Faulty/"_s)
                || !path.startsWith(u"Drive Ingest Demo/"_s) || path.contains(u"/Trashed folder/"_s))
            {
                continue;
            }
            const QJsonObject record = recordFor(run.report, item.value(u"id"_s).toString());
            QVERIFY2(!record.isEmpty(), qPrintable(u"no record for "_s + path));
            QCOMPARE(record.value(u"status"_s).toString(), u"done"_s);
            const QString landed = record.value(u"destinationPath"_s).toString();
            QVERIFY2(QFileInfo(landed).canonicalFilePath().startsWith(canonicalDest + u'/'), qPrintable(landed));
            QCOMPARE(TestTree::md5Of(landed), item.value(u"md5"_s).toString());
            ++checked;
        }
        QVERIFY(checked >= 20);

        // Google files exported (the form cannot be: a reason says so).
        for (const QString &name : {u"Project plan"_s, u"Budget"_s, u"Kick-off deck"_s, u"Architecture"_s, u"Huge report"_s})
        {
            const QJsonObject record = recordFor(run.report, idOf(u"Drive Ingest Demo/Docs/"_s + name));
            QCOMPARE(record.value(u"status"_s).toString(), u"done"_s);
            QVERIFY(!record.value(u"exportMimeType"_s).toString().isEmpty());
            QVERIFY(QFileInfo(record.value(u"destinationPath"_s).toString()).size() > 0);
        }
        const QJsonObject form = recordFor(run.report, idOf(u"Drive Ingest Demo/Docs/Feedback form"_s));
        QVERIFY(!form.value(u"reason"_s).toString().isEmpty());

        // The shortcut is followed: its target's bytes land under the shortcut's name too.
        const QString oneMiBMd5 = m_byPath.value(u"Drive Ingest Demo/Binary/1MiB.bin"_s).value(u"md5"_s).toString();
        const auto viaShortcut = recordsWhere(run.report, [](const QJsonObject &r)
                                              { return r.value(u"drivePath"_s).toString().contains(u"Shortcut to 1MiB"_s); });
        QVERIFY(!viaShortcut.isEmpty());
        QCOMPARE(viaShortcut.first().value(u"status"_s).toString(), u"done"_s);
        QCOMPARE(TestTree::md5Of(viaShortcut.first().value(u"destinationPath"_s).toString()), oneMiBMd5);
        const auto dangling = recordsWhere(run.report, [](const QJsonObject &r)
                                           { return r.value(u"drivePath"_s).toString().contains(u"Dangling"_s); });
        QVERIFY(!dangling.isEmpty());
        QVERIFY(!dangling.first().value(u"reason"_s).toString().isEmpty());

        // Same-named files both land, apart.
        const auto same = recordsWhere(run.report, [](const QJsonObject &r)
                                       { return r.value(u"drivePath"_s).toString().endsWith(u"same.txt"_s)
                                             && r.value(u"status"_s).toString() == "done"_L1; });
        QCOMPARE(same.size(), 2);
        QVERIFY(same.at(0).value(u"destinationPath"_s) != same.at(1).value(u"destinationPath"_s));

        // Faults end with reasons: quota parks, a lying checksum fails and leaves nothing.
        const QJsonObject quota = recordFor(run.report, idOf(u"Drive Ingest Demo/Faulty/quota-exceeded.bin"_s));
        QCOMPARE(quota.value(u"status"_s).toString(), u"parked"_s);
        QVERIFY(!quota.value(u"reason"_s).toString().isEmpty());
        const QJsonObject wrong = recordFor(run.report, idOf(u"Drive Ingest Demo/Faulty/wrong-md5.bin"_s));
        QCOMPARE(wrong.value(u"status"_s).toString(), u"failed"_s);
        QVERIFY(!wrong.value(u"reason"_s).toString().isEmpty());
        QVERIFY(!QFileInfo::exists(wrong.value(u"destinationPath"_s).toString()));
        for (const QJsonObject &record : recordsWhere(run.report, [](const QJsonObject &r)
                                                      { return r.value(u"status"_s).toString() != "done"_L1; }))
        {
            QVERIFY2(!record.value(u"reason"_s).toString().isEmpty(), qPrintable(record.value(u"drivePath"_s).toString()));
        }

        // Hostile names stayed inside: nothing beside dest, no partial files, nothing outside it.
        QCOMPARE(QDir(outer).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList {u"dest"_s});
        QVERIFY(!QFileInfo::exists(QDir(outer).filePath(u"escape.txt"_s)));
        for (const QString &path : TestTree::filesUnder(dest))
        {
            QVERIFY2(!path.endsWith(u".partial"_s), qPrintable(path));
            QVERIFY2(QFileInfo(path).canonicalFilePath().startsWith(canonicalDest + u'/'), qPrintable(path));
        }
        QVERIFY(run.out.contains("failed"));
        // Not a terminal: plain lines, never cursor movements.
        QVERIFY(!run.out.contains("\x1b["));
        QVERIFY(run.out.contains("files"));
    }

    void secondRunWithSkipMovesNothing()
    {
        const QString dest = m_work.filePath(u"outer/dest"_s);
        QVERIFY2(QFileInfo(dest).isDir(), "needs wholeTreeLandsVerified first");
        const QString reportPath = m_work.filePath(u"skip-report.json"_s);
        QVERIFY(m_sandbox->reset());
        const CliResult run = runCli(ingestArgs({m_tree.value(u"demo_root_id"_s).toString()}, dest,
                                                {u"--on-conflict"_s, u"skip"_s, u"--report"_s, reportPath}));
        QVERIFY2(run.code == 1, run.err.constData()); // the faulty files fail again
        // Everything that landed the first time is skipped: no content bytes for it. Only the faulty
        // files (which never landed) may be fetched again.
        const QString wrongId = idOf(u"Drive Ingest Demo/Faulty/wrong-md5.bin"_s);
        qint64 bytes = 0;
        for (const QJsonValue &value : m_sandbox->stats().value(u"log"_s).toArray())
        {
            const QJsonObject entry = value.toObject();
            const QString route = entry.value(u"route"_s).toString();
            const int status = entry.value(u"status"_s).toInt();
            if ((route.contains(u"media"_s) || route.contains(u"export"_s)) && status >= 200 && status < 300
                && !entry.value(u"path"_s).toString().contains(wrongId))
            {
                bytes += entry.value(u"bytes_out"_s).toInteger();
            }
        }
        QCOMPARE(bytes, 0);
        const auto done = recordsWhere(run.report, [](const QJsonObject &r) { return r.value(u"status"_s).toString() == "done"_L1; });
        for (const QJsonObject &record : done)
        {
            // Exports have no size or hash up front, so an engine may fetch them again; blobs never.
            QVERIFY2(!record.value(u"exportMimeType"_s).toString().isEmpty(), qPrintable(record.value(u"drivePath"_s).toString()));
        }
        QVERIFY(run.report.value(u"totals"_s).toObject().value(u"skipped"_s).toInt() >= 20);
        for (const QJsonObject &record : recordsWhere(run.report, [](const QJsonObject &r)
                                                      { return r.value(u"status"_s).toString() != "done"_L1; }))
        {
            QVERIFY2(!record.value(u"reason"_s).toString().isEmpty(), qPrintable(record.value(u"drivePath"_s).toString()));
        }
        QVERIFY(!run.out.contains("no reason given"));
    }

    void shareLinkForms()
    {
        const QString dest = m_work.filePath(u"links"_s);
        const QString reportPath = m_work.filePath(u"links-report.json"_s);
        const QString fileId = idOf(u"Drive Ingest Demo/Binary/64KiB.bin"_s);
        const QString readmeId = idOf(u"Drive Ingest Demo/readme.txt"_s);
        const QString folderId = idOf(u"Drive Ingest Demo/Deep"_s);
        const QString docId = idOf(u"Drive Ingest Demo/Docs/Budget"_s);
        const CliResult run = runCli(ingestArgs({u"https://drive.google.com/file/d/"_s + fileId + u"/view?usp=sharing"_s,
                                                 u"https://drive.google.com/open?id="_s + readmeId,
                                                 u"https://drive.google.com/drive/folders/"_s + folderId,
                                                 u"https://docs.google.com/spreadsheets/d/"_s + docId + u"/edit#gid=0"_s},
                                                dest, {u"--report"_s, reportPath, u"--quiet"_s}));
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY(run.out.isEmpty()); // --quiet
        QString deepest;
        for (auto it = m_byPath.cbegin(); it != m_byPath.cend(); ++it)
        {
            if (it.key().startsWith(u"Drive Ingest Demo/Deep/"_s) && it.key().endsWith(u"/deep.txt"_s))
            {
                deepest = it.key();
            }
        }
        QVERIFY(!deepest.isEmpty());
        for (const QString &path : {u"Drive Ingest Demo/Binary/64KiB.bin"_s, u"Drive Ingest Demo/readme.txt"_s,
                                    u"Drive Ingest Demo/Deep/level1/l1.bin"_s, deepest})
        {
            const QJsonObject record = recordFor(run.report, idOf(path));
            QCOMPARE(record.value(u"status"_s).toString(), u"done"_s);
            QCOMPARE(TestTree::md5Of(record.value(u"destinationPath"_s).toString()), m_byPath.value(path).value(u"md5"_s).toString());
        }
        QCOMPARE(recordFor(run.report, docId).value(u"status"_s).toString(), u"done"_s);
    }

    void aDoneFileIsOnDiskBeforeTheJournalSaysSo()
    {
        // "Done" in the journal must survive a power cut only with the file: the CLI's system calls, traced, show
        // the partial's bytes synced, then its rename to the final name, then its folder synced, and only then
        // the journal's next commit (the row that says done). Without a journal nothing waits (no sync at all).
        const QString strace = QStandardPaths::findExecutable(u"strace"_s);
        if (strace.isEmpty())
            QFAIL("strace is not installed (setup.sh installs it)");
        const QString dest = m_work.filePath(u"durable/dest"_s);
        const QString journal = m_work.filePath(u"durable/journal.sqlite"_s);
        const QString trace = m_work.filePath(u"durable/trace.txt"_s);
        QVERIFY(QDir().mkpath(m_work.filePath(u"durable"_s)));
        QProcess process;
        process.setProcessEnvironment(environment(token));
        process.start(strace, QStringList {u"-f"_s, u"-y"_s, u"-qq"_s, u"-e"_s, u"trace=fdatasync,fsync,rename,renameat,renameat2,pwrite64"_s,
                                           u"-o"_s, trace, qEnvironmentVariable("DI_CLI")}
                                  + ingestArgs({idOf(u"Drive Ingest Demo/Binary/data.csv"_s)}, dest, {u"--journal"_s, journal, u"--quiet"_s}));
        QVERIFY(process.waitForFinished(runTimeoutMs));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QVERIFY(QFileInfo(dest + u"/data.csv"_s).isFile());
        QFile file(trace);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        const auto find = [&lines](qsizetype from, const std::function<bool(const QByteArray &)> &match) {
            for (qsizetype i = from; i < lines.size(); ++i)
            {
                if (match(lines.at(i)))
                    return i;
            }
            return qsizetype(-1);
        };
        const QByteArray folder = QFile::encodeName(dest) + '>';
        const qsizetype synced = find(0, [](const QByteArray &l) { return l.contains("fdatasync(") && l.contains(".partial>"); });
        const qsizetype renamed = find(0, [](const QByteArray &l) { return l.contains("rename") && l.contains("\"data.csv\")"); });
        const qsizetype folderSynced = renamed < 0 ? -1 : find(renamed, [&folder](const QByteArray &l) {
            return (l.contains("fsync(") || l.contains("fdatasync(")) && l.contains(folder);
        });
        const qsizetype committed = folderSynced < 0 ? -1 : find(folderSynced, [](const QByteArray &l) {
            return l.contains("pwrite64(") && l.contains("journal.sqlite-wal>");
        });
        const QByteArray said = "data synced at line " + QByteArray::number(synced) + ", renamed at " + QByteArray::number(renamed)
            + ", folder synced at " + QByteArray::number(folderSynced) + ", journal written at " + QByteArray::number(committed);
        QVERIFY2(synced >= 0 && renamed > synced && folderSynced > renamed && committed > folderSynced, said.constData());
    }

    void dryRunWritesNothing()
    {
        const QString dest = m_work.filePath(u"dry/dest"_s);
        const QString reportPath = m_work.filePath(u"dry-report.json"_s);
        // A first run of this job: its journal does not exist yet, and a dry run does not create it.
        const QString journal = m_work.filePath(u"dry/journal.sqlite"_s);
        const CliResult run = runCli(ingestArgs({idOf(u"Drive Ingest Demo/Binary"_s)}, dest,
                                                {u"--dry-run"_s, u"--report"_s, reportPath, u"--journal"_s, journal}));
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY2(!run.err.contains("database not open"), run.err.constData());
        QVERIFY(TestTree::filesUnder(m_work.filePath(u"dry"_s)).isEmpty());
        QVERIFY(run.report.value(u"files"_s).toArray().size() >= 10);
        QVERIFY(run.out.contains("Dry run"));
    }

    void badTokenIsExit3()
    {
        const QString dest = m_work.filePath(u"badtoken"_s);
        const CliResult run = runCli(ingestArgs({idOf(u"Drive Ingest Demo/Binary/1KiB.bin"_s)}, dest),
                                     "not-the-right-token-123456"_ba);
        QCOMPARE(run.code, 3);
        QVERIFY(TestTree::filesUnder(dest).isEmpty());
    }

    void noTokenIsExit3()
    {
        const CliResult run = runCli(ingestArgs({idOf(u"Drive Ingest Demo/Binary/1KiB.bin"_s)}, m_work.filePath(u"notoken"_s)),
                                     QByteArray());
        QCOMPARE(run.code, 3);
    }

    void unwritableDestinationIsExit4()
    {
        QFile blocker(m_work.filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const CliResult run = runCli(ingestArgs({idOf(u"Drive Ingest Demo/Binary/1KiB.bin"_s)}, blocker.fileName() + u"/dest"_s));
        QCOMPARE(run.code, 4);
        QVERIFY(!run.err.isEmpty());
    }

    void usageErrorIsExit2()
    {
        CliResult run = runCli({u"ingest"_s, u"--to"_s, m_work.filePath(u"x"_s)});
        QCOMPARE(run.code, 2);
        run = runCli({u"ingest"_s, idOf(u"Drive Ingest Demo/readme.txt"_s), u"--to"_s, u"volume:/Volumes/a/b/c"_s});
        QCOMPARE(run.code, 2);
        run = runCli({u"--help"_s});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains("130"));
    }

    void diskFullIsExit4()
    {
        // A 32 KiB tmpfs (we run as root in CI): full for everyone, the run stops early with 4. (A file merely
        // bigger than the free space fails alone, issue 16 item 11: tst_engine_localnames::oneFileDoesNotStopTheRun.)
        const QString tiny = m_work.filePath(u"tiny"_s);
        QVERIFY(QDir().mkpath(tiny));
        if (QProcess::execute(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=32k"_s, u"tmpfs"_s, tiny}) != 0)
        {
            QSKIP("cannot mount a small tmpfs here (not root?)");
        }
        const auto unmount = qScopeGuard([&tiny] { QProcess::execute(u"umount"_s, {tiny}); });
        const QString reportPath = m_work.filePath(u"diskfull-report.json"_s);
        const CliResult run = runCli(ingestArgs({idOf(u"Drive Ingest Demo/Binary/10MiB.bin"_s)}, tiny,
                                                {u"--report"_s, reportPath}));
        QCOMPARE(run.code, 4);
        QVERIFY(!run.err.isEmpty());
        QCOMPARE(run.report.value(u"outcome"_s).toString(), u"destination-failed"_s);
        QVERIFY(!run.report.value(u"message"_s).toString().isEmpty());
        QVERIFY2(TestTree::filesUnder(tiny).isEmpty(), qPrintable(TestTree::filesUnder(tiny).join(u", "_s)));
    }

    void earlyFailuresStillWriteTheReport()
    {
        QFile blocker(m_work.filePath(u"blocker2"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString reportPath = m_work.filePath(u"early-report.json"_s);
        const CliResult run = runCli(ingestArgs({idOf(u"Drive Ingest Demo/Binary/1KiB.bin"_s)}, blocker.fileName() + u"/x"_s,
                                                {u"--report"_s, reportPath}));
        QCOMPARE(run.code, 4);
        QCOMPARE(run.report.value(u"exitCode"_s).toInt(), 4);
        QCOMPARE(run.report.value(u"outcome"_s).toString(), u"destination-failed"_s);
        QCOMPARE(run.report.value(u"files"_s).toArray().size(), 0);
    }

    void terminateAndDoubleInterrupt_data()
    {
        QTest::addColumn<QList<int>>("signalsToSend");
        QTest::newRow("SIGTERM") << QList<int> {SIGTERM};
        QTest::newRow("Ctrl-C twice") << QList<int> {SIGINT, SIGINT};
    }

    void terminateAndDoubleInterrupt()
    {
        QFETCH(QList<int>, signalsToSend);
        const QString dest = m_work.filePath(u"signalled-%1"_s.arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'-'));
        QVERIFY(m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, 2'000'000}}));
        const auto unthrottle = qScopeGuard([this] { m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, 0}}); });
        QProcess process;
        process.setProcessEnvironment(environment(token));
        // Without a journal an interrupted file leaves nothing (with one its durable part is kept: tst_journal_kill).
        process.start(qEnvironmentVariable("DI_CLI"),
                      ingestArgs({idOf(u"Drive Ingest Demo/Binary/10MiB.bin"_s)}, dest, {u"--no-journal"_s}));
        QVERIFY(process.waitForStarted());
        QElapsedTimer waited;
        waited.start();
        bool writing = false;
        while (!writing && waited.elapsed() < 30000 && process.state() == QProcess::Running)
        {
            for (const QString &path : TestTree::filesUnder(dest))
            {
                writing = writing || path.endsWith(u".partial"_s);
            }
            QTest::qWait(50);
        }
        QVERIFY2(writing, "no .partial file appeared");
        for (const int signalNumber : signalsToSend)
        {
            ::kill(pid_t(process.processId()), signalNumber);
        }
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        if (signalsToSend.size() == 1)
        {
            QVERIFY(TestTree::filesUnder(dest).isEmpty()); // the one file was unfinished: nothing stays
        }
    }

    void interruptCancelsCleanly()
    {
        const QString dest = m_work.filePath(u"interrupted"_s);
        const QString reportPath = m_work.filePath(u"interrupted-report.json"_s);
        // Slow the sandbox down so the run is surely mid-body when the signal arrives.
        QVERIFY(m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, 2'000'000}}));
        QProcess process;
        process.setProcessEnvironment(environment(token));
        process.start(qEnvironmentVariable("DI_CLI"),
                      ingestArgs({idOf(u"Drive Ingest Demo/Binary"_s)}, dest,
                                 {u"--report"_s, reportPath, u"--parallel"_s, u"2"_s, u"--no-journal"_s}));
        QVERIFY(process.waitForStarted());
        // Wait until a file is being written.
        QElapsedTimer waited;
        waited.start();
        bool writing = false;
        while (!writing && waited.elapsed() < 30000 && process.state() == QProcess::Running)
        {
            for (const QString &path : TestTree::filesUnder(dest))
            {
                writing = writing || path.endsWith(u".partial"_s);
            }
            QTest::qWait(50);
        }
        QVERIFY2(writing, "no .partial file appeared");
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        QVERIFY(m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, 0}}));

        // Finished files stay complete; nothing half-written is left.
        for (const QString &path : TestTree::filesUnder(dest))
        {
            QVERIFY2(!path.endsWith(u".partial"_s), qPrintable(path));
        }
        QFile reportFile(reportPath);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(reportFile.readAll()).object();
        QCOMPARE(report.value(u"exitCode"_s).toInt(), 130);
        QCOMPARE(report.value(u"outcome"_s).toString(), u"interrupted"_s);
        for (const QJsonValue &value : report.value(u"files"_s).toArray())
        {
            const QJsonObject record = value.toObject();
            const QString landed = record.value(u"destinationPath"_s).toString();
            if (record.value(u"status"_s).toString() == "done"_L1)
            {
                const QJsonObject item = m_byId.value(record.value(u"driveId"_s).toString());
                QCOMPARE(TestTree::md5Of(landed), item.value(u"md5"_s).toString());
            }
            else if (!landed.isEmpty())
            {
                QVERIFY2(!QFileInfo::exists(landed), qPrintable(landed));
            }
        }
    }

    void skipNeverTouchesAChangedFile()
    {
        // Issue 15 finding 7: the default ("skip") leaves what is at the destination alone, also when it
        // differs, and says so; "update" replaces what differs once the new file is verified.
        const QString dest = m_work.filePath(u"conflict"_s);
        const QString changedPath = u"Drive Ingest Demo/Binary/64KiB.bin"_s;
        const QString samePath = u"Drive Ingest Demo/Binary/1KiB.bin"_s;
        const QStringList ids {idOf(changedPath), idOf(samePath)};
        // What is at the destination decides here, not the journal's memory of the earlier runs (issue 11).
        const QString noJournal = u"--no-journal"_s;
        CliResult run = runCli(ingestArgs(ids, dest, {u"--quiet"_s, noJournal}));
        QVERIFY2(run.code == 0, run.err.constData());
        QFile changed(dest + u"/64KiB.bin"_s);
        QVERIFY(changed.open(QIODevice::WriteOnly | QIODevice::Truncate));
        changed.write(QByteArray(65536, 'x')); // edited at the destination: same size, other bytes
        changed.close();
        const QString edited = TestTree::md5Of(changed.fileName());

        for (const QStringList &policy : {QStringList {}, QStringList {u"--on-conflict"_s, u"skip"_s}})
        {
            const QString reportPath = m_work.filePath(u"conflict-skip.json"_s);
            run = runCli(ingestArgs(ids, dest, policy + QStringList {u"--report"_s, reportPath, noJournal}));
            QVERIFY2(run.code == 0, run.err.constData());
            QCOMPARE(TestTree::md5Of(changed.fileName()), edited); // untouched
            const QJsonObject differs = recordFor(run.report, idOf(changedPath));
            QCOMPARE(differs.value(u"status"_s).toString(), u"skipped"_s);
            QCOMPARE(differs.value(u"reasonCode"_s).toString(), u"existsDiffers"_s);
            QVERIFY(differs.value(u"reason"_s).toString().contains(u"different"_s));
            QCOMPARE(recordFor(run.report, idOf(samePath)).value(u"reasonCode"_s).toString(), u"alreadyThere"_s);
            QVERIFY2(run.out.contains("left alone"), run.out.constData()); // the summary warns
        }

        const QString reportPath = m_work.filePath(u"conflict-update.json"_s);
        run = runCli(ingestArgs(ids, dest, {u"--on-conflict"_s, u"update"_s, u"--report"_s, reportPath, noJournal}));
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(TestTree::md5Of(changed.fileName()), m_byPath.value(changedPath).value(u"md5"_s).toString());
        QCOMPARE(recordFor(run.report, idOf(changedPath)).value(u"status"_s).toString(), u"done"_s);
        QCOMPARE(recordFor(run.report, idOf(samePath)).value(u"status"_s).toString(), u"skipped"_s);
        QVERIFY(!QFileInfo::exists(dest + u"/64KiB (1).bin"_s));
    }

    void dryRunPlansEveryFile()
    {
        // Issue 15 finding 8: per file what a real run would do, sizes and totals, every file listed.
        const QString dest = m_work.filePath(u"plan"_s);
        const QString samePath = u"Drive Ingest Demo/Binary/1KiB.bin"_s;
        const QString changedPath = u"Drive Ingest Demo/Binary/64KiB.bin"_s;
        CliResult run = runCli(ingestArgs({idOf(samePath), idOf(changedPath)}, dest, {u"--quiet"_s}));
        QVERIFY2(run.code == 0, run.err.constData());
        QFile changed(dest + u"/64KiB.bin"_s);
        QVERIFY(changed.open(QIODevice::WriteOnly | QIODevice::Truncate));
        changed.write("edited");
        changed.close();
        const auto snapshot = [&dest] {
            QStringList state;
            for (const QString &path : TestTree::filesUnder(dest))
                state << path + u' ' + TestTree::md5Of(path);
            state.sort();
            return state;
        };
        const QStringList before = snapshot();

        // The same two files again (one the same, one edited), one new file and four folders: over 20 files.
        const QString reportPath = m_work.filePath(u"plan-report.json"_s);
        run = runCli(ingestArgs({idOf(samePath), idOf(changedPath), idOf(u"Drive Ingest Demo/Binary/1MiB.bin"_s),
                                 idOf(u"Drive Ingest Demo/Docs"_s), idOf(u"Drive Ingest Demo/Deep"_s),
                                 idOf(u"Drive Ingest Demo/Odd names"_s), idOf(u"Drive Ingest Demo/Faulty"_s)},
                                dest, {u"--dry-run"_s, u"--report"_s, reportPath}));
        QVERIFY2(run.code == 0, QByteArray(run.out + run.err).constData());
        QCOMPARE(snapshot(), before); // nothing written, nothing changed

        const QJsonObject same = recordFor(run.report, idOf(samePath));
        QCOMPARE(same.value(u"reasonCode"_s).toString(), u"dryRunSame"_s);
        QCOMPARE(same.value(u"bytesTotal"_s).toInteger(), 1024);
        QCOMPARE(recordFor(run.report, idOf(changedPath)).value(u"reasonCode"_s).toString(), u"dryRunKeep"_s);
        const QJsonObject fresh = recordFor(run.report, idOf(u"Drive Ingest Demo/Binary/1MiB.bin"_s));
        QCOMPARE(fresh.value(u"reasonCode"_s).toString(), u"dryRunNew"_s);
        QCOMPARE(fresh.value(u"bytesTotal"_s).toInteger(), 1048576);
        const QJsonObject doc = recordFor(run.report, idOf(u"Drive Ingest Demo/Docs/Budget"_s));
        QCOMPARE(doc.value(u"reasonCode"_s).toString(), u"dryRunNew"_s);
        QVERIFY(!doc.value(u"exportMimeType"_s).toString().isEmpty());

        // Every file has its planned action in the report and a line on stdout, past any 20.
        const QJsonArray files = run.report.value(u"files"_s).toArray();
        QVERIFY2(files.size() > 20, QByteArray::number(files.size()).constData());
        int printable = 0;
        for (const QJsonValue &value : files)
        {
            const QJsonObject record = value.toObject();
            const QString path = record.value(u"drivePath"_s).toString();
            QVERIFY2(!record.value(u"reason"_s).toString().isEmpty(), qPrintable(path));
            // Google files with no export format (the form, and on the full demo tree the Apps Script) are
            // skipped while listing, in a dry run as in a real one.
            if (record.value(u"status"_s).toString() == "skipped"_L1
                && record.value(u"reasonCode"_s).toString() != "notExportable"_L1)
                QVERIFY2(record.value(u"reasonCode"_s).toString().startsWith(u"dryRun"_s), qPrintable(path));
            bool plain = !path.isEmpty();
            for (const QChar c : path)
                plain = plain && c.unicode() >= 0x20 && c.unicode() < 0x7f;
            if (plain)
            {
                ++printable;
                QVERIFY2(run.out.contains(path.toUtf8()), qPrintable(path));
            }
        }
        QVERIFY(printable > 15);
        QVERIFY(run.out.contains("Dry run"));
        QVERIFY(run.out.contains("to write:"));
        QVERIFY(run.out.contains("1 MiB") || run.out.contains("1.0 MiB"));
        QVERIFY(run.out.contains("Google files of unknown size until exported"));
        QVERIFY(!run.out.contains("more (see --report)"));

        // The plan follows the policy.
        run = runCli(ingestArgs({idOf(changedPath)}, dest, {u"--dry-run"_s, u"--on-conflict"_s, u"update"_s, u"--report"_s, reportPath}));
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(recordFor(run.report, idOf(changedPath)).value(u"reasonCode"_s).toString(), u"dryRunReplace"_s);
        QCOMPARE(snapshot(), before);
    }

    void sheetsExportAsOds()
    {
        // Issue 15 finding 9: --export sheets=ods passes the check and now also lands (the x- mime type).
        const QString dest = m_work.filePath(u"ods"_s);
        const QString reportPath = m_work.filePath(u"ods-report.json"_s);
        const QString budget = idOf(u"Drive Ingest Demo/Docs/Budget"_s);
        const CliResult run = runCli(ingestArgs({budget}, dest, {u"--export"_s, u"sheets=ods"_s, u"--report"_s, reportPath}));
        QVERIFY2(run.code == 0, QByteArray(run.out + run.err).constData());
        const QJsonObject record = recordFor(run.report, budget);
        QCOMPARE(record.value(u"status"_s).toString(), u"done"_s);
        QVERIFY2(record.value(u"destinationPath"_s).toString().endsWith(u"/Budget.ods"_s),
                 qPrintable(record.value(u"destinationPath"_s).toString()));
        QVERIFY(QFileInfo(dest + u"/Budget.ods"_s).size() > 0);
    }
};

QTEST_GUILESS_MAIN(TestCliIngest)
#include "tst_cli_ingest.moc"
