// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI's parsing, help, exit codes for usage/auth/destination errors, report shape and progress text,
// run in-process on QBuffers (no sandbox, no network).
#include "tst_cli_support.h"

#include "commands.h"
#include "auth/accounts.h"
#include "destinations/destinationspec.h"
#include "exitcode.h"
#include "exportmap.h"
#include "ingestcommand.h"
#include "progressdisplay.h"
#include "runoutcome.h"
#include "transfer/conflictdecision.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>


using namespace Qt::StringLiterals;

namespace
{
const QString alreadyThere {Transfer::ConflictDecision::alreadyThere};
} // namespace

using namespace CliTest;

class TestCliCommands final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config; ///< XDG_CONFIG_HOME: the account list of these runs, not the user's

    /// IngestCommand::plan() in-process: the plan, or nullopt with `*code` and `*errors` set.
    static std::optional<Cli::IngestCommand::Plan> planOf(const QStringList &args, int *code, QString *errors)
    {
        QString outText;
        QTextStream out(&outText);
        QTextStream err(errors);
        Cli::IngestCommand command(Cli::Streams {&out, &err, nullptr});
        auto plan = command.plan(QStringList {u"ingest"_s} + args, code);
        err.flush();
        return plan;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    }

    void init()
    {
        qunsetenv("DRIVE_INGEST_ACCESS_TOKEN");
    }

    void mainHelpListsCommandsAndExitCodes()
    {
        const Run run = runCli({u"--help"_s});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(u"ingest"_s));
        QVERIFY(run.out.contains(u"Exit codes"_s));
        for (const QString &code : {u"  0 "_s, u"  1 "_s, u"  2 "_s, u"  3 "_s, u"  4 "_s, u"  130 "_s})
        {
            QVERIFY2(run.out.contains(code), qPrintable(code));
        }
    }

    void versionAndErrors()
    {
        Run run = runCli({u"--version"_s});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QStringLiteral(DI_VERSION)));

        run = runCli({});
        QCOMPARE(run.code, int(Cli::ExitUsage));
        QVERIFY(run.err.contains(u"Usage"_s));

        run = runCli({u"frobnicate"_s});
        QCOMPARE(run.code, int(Cli::ExitUsage));
        QVERIFY(run.err.contains(u"unknown command"_s));
    }

    void ingestHelp()
    {
        for (const QStringList &args : {QStringList {u"ingest"_s, u"--help"_s}, QStringList {u"help"_s, u"ingest"_s}})
        {
            const Run run = runCli(args);
            QCOMPARE(run.code, 0);
            for (const QString &word : {u"--to"_s, u"--parallel"_s, u"--streams"_s, u"--qps"_s, u"--export"_s,
                                        u"--on-conflict"_s, u"--dry-run"_s, u"--report"_s, u"--quiet"_s,
                                        u"--sandbox"_s, u"--access-token-file"_s, u"--bandwidth"_s, u"--account"_s,
                                        u"--service-account"_s, u"--subject"_s, u"SOURCE..."_s, u"130"_s})
            {
                QVERIFY2(run.out.contains(word), qPrintable(word));
            }
        }
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString to = u"--to"_s;
        const QString dir = QDir::tempPath() + u"/di-cli-never-created"_s;
        QTest::newRow("no source") << QStringList {u"ingest"_s, to, dir} << u"SOURCE"_s;
        QTest::newRow("no dest") << QStringList {u"ingest"_s, fileId} << u"--to"_s;
        QTest::newRow("bad source") << QStringList {u"ingest"_s, u"not a link!"_s, to, dir} << u"not a Drive id"_s;
        QTest::newRow("published doc") << QStringList {u"ingest"_s, u"https://docs.google.com/document/d/e/2PACX-1vQabcdefghijklmnop/pub"_s, to, dir}
                                       << u"not a Drive id"_s;
        QTest::newRow("volume") << QStringList {u"ingest"_s, fileId, to, u"volume:/Volumes/main/raw/landing/x"_s}
                                << u"not yet supported|--databricks-host"_s;
        QTest::newRow("dbfs") << QStringList {u"ingest"_s, fileId, to, u"dbfs:/tmp/in"_s} << u"not yet supported|--databricks-host"_s;
        QTest::newRow("bad volume") << QStringList {u"ingest"_s, fileId, to, u"volume:/tmp/x"_s} << u"/Volumes/<catalog>"_s;
        QTest::newRow("unknown scheme") << QStringList {u"ingest"_s, fileId, to, u"s3://bucket/x"_s} << u"unknown destination scheme"_s;
        QTest::newRow("parallel 0") << QStringList {u"ingest"_s, fileId, to, dir, u"--parallel"_s, u"0"_s} << u"--parallel"_s;
        QTest::newRow("parallel word") << QStringList {u"ingest"_s, fileId, to, dir, u"--parallel"_s, u"many"_s} << u"--parallel"_s;
        QTest::newRow("streams 99") << QStringList {u"ingest"_s, fileId, to, dir, u"--streams"_s, u"99"_s} << u"--streams"_s;
        QTest::newRow("qps -1") << QStringList {u"ingest"_s, fileId, to, dir, u"--qps"_s, u"-1"_s} << u"--qps"_s;
        QTest::newRow("conflict") << QStringList {u"ingest"_s, fileId, to, dir, u"--on-conflict"_s, u"maybe"_s} << u"--on-conflict"_s;
        QTest::newRow("export kind") << QStringList {u"ingest"_s, fileId, to, dir, u"--export"_s, u"videos=mp4"_s} << u"unknown Google file kind"_s;
        QTest::newRow("export format") << QStringList {u"ingest"_s, fileId, to, dir, u"--export"_s, u"docs=xlsx"_s} << u"cannot export"_s;
        QTest::newRow("bandwidth") << QStringList {u"ingest"_s, fileId, to, dir, u"--bandwidth"_s, u"fast"_s} << u"--bandwidth"_s;
        QTest::newRow("sandbox url") << QStringList {u"ingest"_s, fileId, to, dir, u"--sandbox"_s, u"ftp://x"_s} << u"--sandbox"_s;
        QTest::newRow("token as argument") << QStringList {u"ingest"_s, fileId, to, dir, u"--access-token"_s, u"ya29.secret"_s}
                                           << u"Unknown option"_s;
        QTest::newRow("two token sources") << QStringList {u"ingest"_s, fileId, to, dir, u"--account"_s, u"a"_s,
                                                           u"--access-token-file"_s, u"/nonexistent"_s}
                                           << u"only one of"_s;
        QTest::newRow("subject alone") << QStringList {u"ingest"_s, fileId, to, dir, u"--subject"_s, u"u@example.com"_s}
                                       << u"--service-account"_s;
        QTest::newRow("unreadable token file") << QStringList {u"ingest"_s, fileId, to, dir, u"--access-token-file"_s,
                                                               u"/nonexistent/token"_s}
                                               << u"--access-token-file"_s;
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = runCli(args);
        QCOMPARE(run.code, int(Cli::ExitUsage));
        // Messages are matched loosely: a row may accept either of two wordings (Databricks destinations
        // turn "not yet supported" into "needs --databricks-host").
        bool found = false;
        for (const QString &alternative : message.split(u'|'))
        {
            found = found || run.err.contains(alternative, Qt::CaseInsensitive);
        }
        QVERIFY2(found, qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(QDir::tempPath() + u"/di-cli-never-created"_s));
    }

    void noTokenIsAnAuthError()
    {
        QTemporaryDir dir;
        const Run run = runCli({u"ingest"_s, fileId, u"--to"_s, dir.path()});
        QCOMPARE(run.code, int(Cli::ExitAuth));
        QVERIFY(run.err.contains(u"DRIVE_INGEST_ACCESS_TOKEN"_s));

        QFile empty(dir.filePath(u"empty-token"_s));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        const Run run2 = runCli({u"ingest"_s, fileId, u"--to"_s, dir.path(), u"--access-token-file"_s, empty.fileName()});
        QCOMPARE(run2.code, int(Cli::ExitAuth));
    }

    void unusableDestinationIsADestinationError()
    {
        QTemporaryDir dir;
        QFile plain(dir.filePath(u"plain-file"_s));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write("x");
        plain.close();
        qputenv("DRIVE_INGEST_ACCESS_TOKEN", "test-token-not-used-0123456789");
        // A regular file in the way: mkpath fails even for root (chmod would not stop root).
        Run run = runCli({u"ingest"_s, fileId, u"--to"_s, plain.fileName() + u"/sub"_s});
        QCOMPARE(run.code, int(Cli::ExitDestination));
        // In the words the app shows for the same folder (one rule in core: DestinationSpec::localFolderProblem),
        // and the same for a dry run, before any network traffic.
        const QString problem = Dest::DestinationSpec::parse(plain.fileName() + u"/sub"_s, nullptr)->localFolderProblem();
        QVERIFY(problem.contains(u"cannot be created"_s));
        QVERIFY2(run.err.contains(problem), qPrintable(run.err));
        run = runCli({u"ingest"_s, fileId, u"--to"_s, plain.fileName() + u"/sub"_s, u"--dry-run"_s});
        QCOMPARE(run.code, int(Cli::ExitDestination));
        QVERIFY2(run.err.contains(problem), qPrintable(run.err));
        // The destination is always a folder: naming an existing file is a usage error, found before the run
        // (issue 15 finding 9; README exit codes).
        run = runCli({u"ingest"_s, fileId, u"--to"_s, plain.fileName()});
        QCOMPARE(run.code, int(Cli::ExitUsage));
        QVERIFY(run.err.contains(u"not a folder"_s));
    }

    void planCarriesEveryOption()
    {
        QString outText;
        QString errText;
        QTextStream out(&outText);
        QTextStream err(&errText);
        Cli::IngestCommand command(Cli::Streams {&out, &err, nullptr});
        int code = -1;
        const auto plan = command.plan({u"ingest"_s, u"https://drive.google.com/file/d/"_s + fileId + u"/view?usp=sharing"_s,
                                        fileId, u"https://drive.google.com/drive/folders/1FolderIdFolderIdFolderId?resourcekey=0-key"_s,
                                        u"--to"_s, u"rel/dir"_s, u"--parallel"_s, u"7"_s, u"--streams"_s, u"2"_s,
                                        u"--qps"_s, u"2.5"_s, u"--export"_s, u"docs=pdf,sheets=csv,application/vnd.google-apps.drawing=image/png"_s,
                                        u"--on-conflict"_s, u"keep-both"_s, u"--dry-run"_s, u"--report"_s, u"r.json"_s,
                                        u"--quiet"_s, u"--sandbox"_s, u"http://127.0.0.1:9"_s, u"--bandwidth"_s, u"20M/s"_s},
                                       &code);
        QVERIFY2(plan, qPrintable(errText));
        QCOMPARE(plan->sources.size(), 2); // the link and the bare id are the same file
        QCOMPARE(plan->sources.at(0).id, fileId);
        QCOMPARE(plan->sources.at(1).resourceKey, u"0-key"_s);
        QCOMPARE(plan->destination.kind, Dest::DestinationSpec::Kind::Local);
        QCOMPARE(plan->destination.path, QDir::current().absoluteFilePath(u"rel/dir"_s));
        QCOMPARE(plan->options.parallel, 7);
        QCOMPARE(plan->options.streams, 2);
        QCOMPARE(plan->options.requestsPerSecond, 2.5);
        QCOMPARE(plan->options.conflict, Dest::ConflictPolicy::KeepBoth);
        QVERIFY(plan->options.dryRun);
        QVERIFY(plan->options.bandwidthLimit >= 20'000'000);
        QVERIFY(plan->quiet);
        QVERIFY(plan->sandbox);
        QCOMPARE(plan->reportPath, QDir::current().absoluteFilePath(u"r.json"_s));
        QCOMPARE(plan->options.exportFormats.value(u"application/vnd.google-apps.document"_s), u"application/pdf"_s);
        QCOMPARE(plan->options.exportFormats.value(u"application/vnd.google-apps.spreadsheet"_s), u"text/csv"_s);
        QCOMPARE(plan->options.exportFormats.value(u"application/vnd.google-apps.drawing"_s), u"image/png"_s);
        // Defaults stay for kinds the map does not name.
        QVERIFY(plan->options.exportFormats.value(u"application/vnd.google-apps.presentation"_s).contains(u"presentationml"_s));
        QCOMPARE(plan->endpoints.driveApi.toString(), u"http://127.0.0.1:9/drive/v3/"_s);
    }

    void exportMap()
    {
        QString error;
        auto map = Cli::parseExportMap(u"docs=pdf, Sheets=CSV,slides=pptx,drawings=png,script=json"_s, &error);
        QVERIFY2(map, qPrintable(error));
        QCOMPARE(map->size(), 5);
        QCOMPARE(map->value(u"application/vnd.google-apps.presentation"_s),
                 u"application/vnd.openxmlformats-officedocument.presentationml.presentation"_s);
        QCOMPARE(map->value(u"application/vnd.google-apps.drawing"_s), u"image/png"_s);
        QCOMPARE(map->value(u"application/vnd.google-apps.script"_s), u"application/vnd.google-apps.script+json"_s);
        QVERIFY(!Cli::parseExportMap(u"docs"_s, &error));
        QVERIFY(!Cli::parseExportMap(u"docs="_s, &error));
        QVERIFY(!Cli::parseExportMap(u","_s, &error));
        QVERIFY(!Cli::parseExportMap(u"drawings=docx"_s, &error));
    }

    void reportShapeAndAtomicWrite()
    {
        Transfer::Report report;
        report.destination = u"/dest"_s;
        report.startedAt = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        report.finishedAt = report.startedAt.addSecs(10);
        report.totals.bytesDone = 3000;
        report.totals.requestsTotal = 12;
        report.totals.throttledTotal = 1;
        report.files = {file(1, u"a.bin"_s, Transfer::FileState::Done, 1000),
                        file(2, u"b.bin"_s, Transfer::FileState::Done, 2000),
                        file(3, u"c.bin"_s, Transfer::FileState::Failed, 0, u"checksum mismatch"_s),
                        file(4, u"d.bin"_s, Transfer::FileState::Parked, 0, u"download quota exceeded"_s),
                        file(5, u"e.bin"_s, Transfer::FileState::Skipped, 10, u"already there"_s)};
        report.files[0].exportMimeType = u"application/pdf"_s;

        QTemporaryDir dir;
        const QString path = dir.filePath(u"sub/report.json"_s);
        QString error;
        QVERIFY2(Cli::RunOutcome::writeReport(path, report, Cli::RunOutcome().classify(report), &error), qPrintable(error));
        QCOMPARE(QDir(dir.filePath(u"sub"_s)).entryList(QDir::Files | QDir::Hidden), QStringList {u"report.json"_s});
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(json.value(u"version"_s).toInt(), 1);
        QCOMPARE(json.value(u"exitCode"_s).toInt(), 1);
        QCOMPARE(json.value(u"outcome"_s).toString(), u"files-failed"_s);
        QCOMPARE(json.value(u"destination"_s).toString(), u"/dest"_s);
        const QJsonObject totals = json.value(u"totals"_s).toObject();
        QCOMPARE(totals.value(u"files"_s).toInt(), 5);
        QCOMPARE(totals.value(u"done"_s).toInt(), 2);
        QCOMPARE(totals.value(u"failed"_s).toInt(), 1);
        QCOMPARE(totals.value(u"parked"_s).toInt(), 1);
        QCOMPARE(totals.value(u"skipped"_s).toInt(), 1);
        QCOMPARE(totals.value(u"bytes"_s).toInteger(), 3000);
        QCOMPARE(totals.value(u"seconds"_s).toDouble(), 10.0);
        QCOMPARE(totals.value(u"throttled"_s).toInt(), 1);
        const QJsonArray files = json.value(u"files"_s).toArray();
        QCOMPARE(files.size(), 5);
        const QJsonObject first = files.at(0).toObject();
        for (const QString &key : {u"driveId"_s, u"drivePath"_s, u"destinationPath"_s, u"bytes"_s, u"hash"_s,
                                   u"status"_s, u"reason"_s, u"retries"_s, u"seconds"_s})
        {
            QVERIFY2(first.contains(key), qPrintable(key));
        }
        QCOMPARE(first.value(u"status"_s).toString(), u"done"_s);
        QCOMPARE(first.value(u"exportMimeType"_s).toString(), u"application/pdf"_s);
        QCOMPARE(files.at(2).toObject().value(u"status"_s).toString(), u"failed"_s);
        QCOMPARE(files.at(2).toObject().value(u"reason"_s).toString(), u"checksum mismatch"_s);
        QCOMPARE(files.at(2).toObject().value(u"errorClass"_s).toString(), Net::errorClassName(Net::ErrorClass::Permanent));
        QCOMPARE(files.at(3).toObject().value(u"status"_s).toString(), u"parked"_s);
    }

    void summaryNamesReasons()
    {
        Transfer::Report report;
        report.startedAt = QDateTime::currentDateTimeUtc();
        report.finishedAt = report.startedAt.addSecs(4);
        report.totals.bytesDone = 4 << 20;
        report.files = {file(1, u"Folder/a.bin"_s, Transfer::FileState::Done, 4 << 20),
                        file(2, u"Folder/bad.bin"_s, Transfer::FileState::Failed, 0, u"checksum mismatch"_s),
                        file(3, u"Folder/quota.bin"_s, Transfer::FileState::Parked, 0, u"download quota exceeded"_s)};
        const QString text = Cli::ProgressDisplay::summary(report);
        QVERIFY2(text.contains(u"3 files"_s), qPrintable(text));
        QVERIFY(text.contains(u"1 done"_s));
        QVERIFY(text.contains(u"1 failed"_s));
        QVERIFY(text.contains(u"1 parked"_s));
        QVERIFY(text.contains(u"Folder/bad.bin — checksum mismatch"_s));
        QVERIFY(text.contains(u"Folder/quota.bin — download quota exceeded"_s));

        // Files skipped because they are already there are counted, not listed.
        Transfer::FileStatus same = file(4, u"Folder/same.bin"_s, Transfer::FileState::Skipped, 10);
        same.lastError.reason = alreadyThere; // the code the conflict decision gives the skip
        report.files << same << file(5, u"Folder/form"_s, Transfer::FileState::Skipped, 0, u"cannot be exported"_s);
        const QString withSkips = Cli::ProgressDisplay::summary(report);
        QVERIFY2(withSkips.contains(u"1 already at the destination"_s), qPrintable(withSkips));
        QVERIFY(!withSkips.contains(u"Folder/same.bin"_s));
        QVERIFY(withSkips.contains(u"Folder/form — cannot be exported"_s));

        // Issue 16 item 6: only what was compared is claimed. A Volume gives no hash; an export has nothing to compare.
        Transfer::FileStatus noHash = file(6, u"Folder/volume.bin"_s, Transfer::FileState::Skipped, 10);
        noHash.hash.clear();
        noHash.lastError.reason = alreadyThere;
        Transfer::FileStatus exported = file(7, u"Folder/doc"_s, Transfer::FileState::Skipped, 10);
        exported.exportMimeType = u"application/pdf"_s;
        exported.lastError.reason = alreadyThere;
        report.files << noHash << exported;
        const QString mixed = Cli::ProgressDisplay::summary(report);
        QVERIFY2(mixed.contains(u"1 already at the destination (same size and md5)."_s), qPrintable(mixed));
        QVERIFY2(mixed.contains(u"1 already at the destination (same size; the destination gives no hash to compare)."_s),
                 qPrintable(mixed));
        QVERIFY2(mixed.contains(u"1 already at the destination (an export: nothing to compare)."_s), qPrintable(mixed));
        QVERIFY2(!mixed.contains(u"same size and hash"_s), qPrintable(mixed));
    }

    void reportSaysWhatSkipCompared()
    {
        Transfer::Report report;
        report.startedAt = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        report.finishedAt = report.startedAt.addSecs(1);
        Transfer::FileStatus local = file(1, u"a.bin"_s, Transfer::FileState::Skipped, 10);
        local.hash = u"sha256:ab"_s;
        local.lastError.reason = alreadyThere;
        Transfer::FileStatus volume = file(2, u"b.bin"_s, Transfer::FileState::Skipped, 10);
        volume.hash.clear();
        volume.lastError.reason = alreadyThere;
        report.files = {local, volume};
        QTemporaryDir dir;
        const QString path = dir.filePath(u"report.json"_s);
        QString error;
        QVERIFY2(Cli::RunOutcome::writeReport(path, report, Cli::RunOutcome().classify(report), &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray files = QJsonDocument::fromJson(f.readAll()).object().value(u"files"_s).toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0).toObject().value(u"reason"_s).toString(), u"already at the destination (same size and sha256)"_s);
        QCOMPARE(files.at(1).toObject().value(u"reason"_s).toString(),
                 u"already at the destination (same size; the destination gives no hash to compare)"_s);
        QCOMPARE(files.at(1).toObject().value(u"reasonCode"_s).toString(), u"alreadyThere"_s);
    }

    void plainLinesEveryInterval()
    {
        QString text;
        QTextStream out(&text);
        Cli::ProgressDisplay display(out, Cli::ProgressDisplay::Mode::Plain);
        Transfer::Snapshot s;
        s.filesTotal = 10;
        for (qint64 ms = 0; ms <= 12000; ms += 1000)
        {
            s.elapsedMs = ms;
            display.update(s);
        }
        out.flush();
        QCOMPARE(text.count(u'\n'), 3); // at 0, 5 and 10 s
        QVERIFY(!text.contains(u"\x1b"_s));
    }

    void databricksPathsAreNeverLocal()
    {
        // Issue 15 finding 6: what a Databricks user types is a Volume, never a new local /Volumes folder.
        const bool hadVolumes = QFileInfo::exists(u"/Volumes"_s);
        const bool hadDbfs = QFileInfo::exists(u"/dbfs"_s);
        for (const QString &to : {u"/Volumes/main/default/landing/x"_s, u"/dbfs/tmp/landing"_s, u"/Volumes/disk/in"_s})
        {
            const Run run = runCli({u"ingest"_s, fileId, u"--to"_s, to});
            QCOMPARE(run.code, int(Cli::ExitUsage));
            QVERIFY2(run.err.contains(u"local:"_s + to), qPrintable(run.err)); // says how to mean a local folder
        }
        QCOMPARE(QFileInfo::exists(u"/Volumes"_s), hadVolumes);
        QCOMPARE(QFileInfo::exists(u"/dbfs"_s), hadDbfs);
        const Run noHost = runCli({u"ingest"_s, fileId, u"--to"_s, u"/Volumes/main/default/landing/x"_s});
        QVERIFY2(noHost.err.contains(u"--databricks-host"_s), qPrintable(noHost.err));

        // With a workspace, each spelling names the same Volume (dbfs:/Volumes/… is `databricks fs cp`'s).
        for (const QString &to : {u"/Volumes/main/default/landing/x"_s, u"dbfs:/Volumes/main/default/landing/x"_s,
                                  u"volume:/Volumes/main/default/landing/x"_s, u"/dbfs/Volumes/main/default/landing/x"_s})
        {
            int code = -1;
            QString errors;
            const auto plan = planOf({fileId, u"--to"_s, to, u"--sandbox"_s, u"http://127.0.0.1:9"_s}, &code, &errors);
            QVERIFY2(plan, qPrintable(errors));
            QCOMPARE(plan->destination.kind, Dest::DestinationSpec::Kind::Volume);
            QCOMPARE(plan->destination.path, u"/Volumes/main/default/landing/x"_s);
        }
        int code = -1;
        QString errors;
        auto plan = planOf({fileId, u"--to"_s, u"/dbfs/tmp/in"_s, u"--sandbox"_s, u"http://127.0.0.1:9"_s}, &code, &errors);
        QVERIFY2(plan, qPrintable(errors));
        QCOMPARE(plan->destination.kind, Dest::DestinationSpec::Kind::Dbfs);
        QCOMPARE(plan->destination.path, u"/tmp/in"_s);
        // The explicit opt-in for a local folder there.
        plan = planOf({fileId, u"--to"_s, u"local:/Volumes/main/default/landing/x"_s}, &code, &errors);
        QVERIFY2(plan, qPrintable(errors));
        QCOMPARE(plan->destination.kind, Dest::DestinationSpec::Kind::Local);
        QCOMPARE(plan->destination.path, u"/Volumes/main/default/landing/x"_s);
    }

    void checkedBeforeTheFirstByte()
    {
        // Issue 15 finding 9: an unwritable --report, a file as --to and an export Drive refuses are usage
        // errors from plan(), before the run starts.
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"name.txt"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString out = dir.filePath(u"out"_s);
        int code = -1;
        QString errors;
        QVERIFY(!planOf({fileId, u"--to"_s, out, u"--report"_s, blocker.fileName() + u"/sub/report.json"_s}, &code, &errors));
        QCOMPARE(code, int(Cli::ExitUsage));
        QVERIFY2(errors.contains(u"--report"_s) && errors.contains(u"not a folder"_s), qPrintable(errors));
        errors.clear();
        QVERIFY(!planOf({fileId, u"--to"_s, out, u"--report"_s, u"/proc/report.json"_s}, &code, &errors));
        QCOMPARE(code, int(Cli::ExitUsage));
        QVERIFY2(errors.contains(u"--report"_s), qPrintable(errors));
        QVERIFY(!QFileInfo::exists(out));
        // A report in a folder that does not exist yet is fine: the writer creates it.
        QVERIFY(planOf({fileId, u"--to"_s, out, u"--report"_s, dir.filePath(u"reports/new/r.json"_s)}, &code, &errors));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"reports"_s)));

        // --to is always a folder: an existing file is refused, a new name becomes a folder.
        errors.clear();
        QVERIFY(!planOf({fileId, u"--to"_s, blocker.fileName()}, &code, &errors));
        QCOMPARE(code, int(Cli::ExitUsage));
        QVERIFY2(errors.contains(u"not a folder"_s), qPrintable(errors));
        const auto plan = planOf({fileId, u"--to"_s, dir.filePath(u"out/new.txt"_s)}, &code, &errors);
        QVERIFY(plan);
        QCOMPARE(plan->destination.path, dir.filePath(u"out/new.txt"_s));

        // Exports: checked against what Drive exports each kind to.
        errors.clear();
        QVERIFY(!planOf({fileId, u"--to"_s, out, u"--export"_s, u"sheets=application/vnd.oasis.opendocument.spreadsheet"_s},
                        &code, &errors));
        QCOMPARE(code, int(Cli::ExitUsage));
        QVERIFY2(errors.contains(u"ods"_s) && errors.contains(u"xlsx"_s), qPrintable(errors)); // lists what is offered
        const auto ods = planOf({fileId, u"--to"_s, out, u"--export"_s, u"sheets=ods,slides=odp,docs=application/pdf"_s},
                                &code, &errors);
        QVERIFY2(ods, qPrintable(errors));
        QCOMPARE(ods->options.exportFormats.value(u"application/vnd.google-apps.spreadsheet"_s),
                 u"application/x-vnd.oasis.opendocument.spreadsheet"_s);
        QCOMPARE(ods->options.exportFormats.value(u"application/vnd.google-apps.document"_s), u"application/pdf"_s);
        QString error;
        QVERIFY(!Cli::parseExportMap(u"sheets=odt"_s, &error));
        QVERIFY(!Cli::parseExportMap(u"application/vnd.google-apps.form=pdf"_s, &error));
        QVERIFY2(error.contains(u"cannot export"_s), qPrintable(error));
    }

    void conflictPolicies()
    {
        // Issue 15 finding 7: the default never touches what is there; "update" is its own policy.
        int code = -1;
        QString errors;
        const QString dir = QDir::tempPath() + u"/di-cli-never-created"_s;
        QCOMPARE(planOf({fileId, u"--to"_s, dir}, &code, &errors)->options.conflict, Dest::ConflictPolicy::Skip);
        QCOMPARE(planOf({fileId, u"--to"_s, dir, u"--on-conflict"_s, u"update"_s}, &code, &errors)->options.conflict,
                 Dest::ConflictPolicy::Update);
        QCOMPARE(planOf({fileId, u"--to"_s, dir, u"--on-conflict"_s, u"skip"_s}, &code, &errors)->options.conflict,
                 Dest::ConflictPolicy::Skip);
        const Run help = runCli({u"ingest"_s, u"--help"_s});
        QVERIFY(help.out.contains(u"skip|update|overwrite|keep-both"_s));
        QVERIFY(help.out.contains(u"never touch"_s));
    }

    void theOnlyGoogleAccountIsUsed()
    {
        // Issue 15 finding 16: no --account and one Google account signed in (here, at the sandbox): use it.
        const Net::Endpoints sandbox = Net::Endpoints::sandbox(QUrl(u"http://127.0.0.1:9"_s));
        Auth::Accounts accounts;
        accounts.save({Auth::Account::Kind::Google, u"solo@example.com"_s, u"client"_s, sandbox.oauthToken.toString(), {}});
        accounts.save({Auth::Account::Kind::Databricks, u"https://adb-1.azuredatabricks.net"_s, {}, u"pat"_s, {}});
        const auto cleanup = qScopeGuard([&accounts] {
            accounts.remove(Auth::Account::Kind::Google, u"solo@example.com"_s);
            accounts.remove(Auth::Account::Kind::Google, u"other@example.com"_s);
            accounts.remove(Auth::Account::Kind::Databricks, u"https://adb-1.azuredatabricks.net"_s);
        });
        QVERIFY(QFileInfo::exists(m_config.filePath(u"drive-ingest/drive-ingest.conf"_s))); // not the user's settings

        QStringList asked;
        const Cli::TokenFactoryResolver resolver = [&asked](const Cli::TokenSource &source, QString *error) {
            asked << source.account;
            *error = u"test resolver: no token here"_s;
            return Transfer::EngineHost::TokenFactory {};
        };
        QTemporaryDir dir;
        const auto ingest = [&](const QStringList &extra, QString *errors) {
            QString outText;
            QTextStream out(&outText);
            QTextStream err(errors);
            Cli::IngestCommand command(Cli::Streams {&out, &err, nullptr}, resolver);
            const int code = command.execute(QStringList {u"ingest"_s, fileId, u"--to"_s, dir.path()} + extra);
            err.flush();
            return code;
        };
        QString errors;
        QCOMPARE(ingest({u"--sandbox"_s, u"http://127.0.0.1:9"_s}, &errors), int(Cli::ExitAuth)); // the resolver says no
        QCOMPARE(asked, QStringList {u"solo@example.com"_s});
        QVERIFY2(errors.contains(u"using account solo@example.com"_s), qPrintable(errors));
        QVERIFY(!errors.contains(u"no access token"_s));

        // Signed in at the sandbox, so not used against Google: the usual advice instead.
        asked.clear();
        errors.clear();
        QCOMPARE(ingest({}, &errors), int(Cli::ExitAuth));
        QVERIFY(asked.isEmpty());
        QVERIFY2(errors.contains(u"no access token"_s), qPrintable(errors));

        // Two Google accounts: the user chooses.
        accounts.save({Auth::Account::Kind::Google, u"other@example.com"_s, u"client"_s, sandbox.oauthToken.toString(), {}});
        errors.clear();
        QCOMPARE(ingest({u"--sandbox"_s, u"http://127.0.0.1:9"_s}, &errors), int(Cli::ExitAuth));
        QVERIFY(asked.isEmpty());
        QVERIFY2(errors.contains(u"2 Google accounts"_s) && errors.contains(u"--account"_s), qPrintable(errors));
    }

    void logoutCountsGoogleAccountsOnly()
    {
        // Issue 15 finding 16: one Google account plus Databricks workspaces is not "several accounts".
        Auth::Accounts accounts;
        accounts.save({Auth::Account::Kind::Databricks, u"https://adb-2.azuredatabricks.net"_s, {}, u"pat"_s, {}});
        const auto cleanup = qScopeGuard([&accounts] {
            accounts.remove(Auth::Account::Kind::Google, u"a@example.com"_s);
            accounts.remove(Auth::Account::Kind::Google, u"b@example.com"_s);
            accounts.remove(Auth::Account::Kind::Databricks, u"https://adb-2.azuredatabricks.net"_s);
        });
        Run run = runCli({u"logout"_s, u"--sandbox"_s, u"http://127.0.0.1:9"_s});
        QCOMPARE(run.code, int(Cli::ExitUsage));
        QVERIFY2(run.err.contains(u"no Google account"_s) && run.err.contains(u"https://adb-2.azuredatabricks.net"_s),
                 qPrintable(run.err));
        accounts.save({Auth::Account::Kind::Google, u"a@example.com"_s, u"client"_s, {}, {}});
        accounts.save({Auth::Account::Kind::Google, u"b@example.com"_s, u"client"_s, {}, {}});
        run = runCli({u"logout"_s, u"--sandbox"_s, u"http://127.0.0.1:9"_s});
        QCOMPARE(run.code, int(Cli::ExitUsage));
        QVERIFY2(run.err.contains(u"2 Google accounts"_s) && run.err.contains(u"a@example.com"_s), qPrintable(run.err));
        QVERIFY(!run.err.contains(u"several accounts"_s));
    }

    void liveBlockRedrawsInPlace()
    {
        QString text;
        QTextStream out(&text);
        Cli::ProgressDisplay display(out, Cli::ProgressDisplay::Mode::Live, 80);
        Transfer::Snapshot s;
        s.filesTotal = 3;
        s.filesActive = 1;
        s.rate = 1 << 20;
        s.etaSeconds = 12;
        Transfer::FileStatus active = file(7, u"Some/long/folder/name/movie.bin"_s, Transfer::FileState::Transferring);
        active.bytesDone = 50;
        active.bytesTotal = 100;
        active.rate = 1 << 20;
        s.files = {active};
        display.update(s);
        const QStringList lines = display.liveLines(s);
        QVERIFY(lines.size() >= 4);
        QVERIFY(lines.last().contains(u"movie.bin"_s));
        QVERIFY(lines.last().contains(u"50%"_s));
        display.update(s);
        out.flush();
        // The second frame moves the cursor back over the first one.
        QVERIFY(text.contains(u"\x1b[%1F"_s.arg(lines.size())));
        for (const QString &line : text.split(u'\n'))
        {
            QVERIFY(line.size() < 80 + 16); // escape codes aside, lines never wrap
        }
        // A finished file leaves the block.
        active.state = Transfer::FileState::Done;
        s.files = {active};
        display.update(s);
        QVERIFY(!display.liveLines(s).join(u'\n').contains(u"movie.bin"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_cli_commands.moc"
