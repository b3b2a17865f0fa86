// SPDX-License-Identifier: GPL-3.0-or-later
// `drive-ingest-cli ingest … --log-table CATALOG.SCHEMA.TABLE --warehouse ID` against the real sandbox (issue 13,
// acceptance 5): the sandbox's table holds exactly one row per file, equal field by field to the run's JSON report;
// a wrong warehouse leaves the run done (exit 0) and the summary says the log failed; a second run appends; the
// options are checked before any traffic; a Volume run prints the load snippet.
#include "sandboxprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray token = "logtable-test-static-token-7c1d"_ba;

/// A demo-like tree: blobs, exports, a form that cannot be exported (skipped), a parked file, and a folder of 25
/// small files so the rows take more than one INSERT (22 rows a statement under the 256-parameter cap).
QByteArray manifest()
{
    QJsonArray many;
    for (int i = 0; i < 25; ++i)
        many.append(QJsonObject {{u"name"_s, u"part-%1.bin"_s.arg(i, 2, 10, QChar(u'0'))}, {u"size"_s, 100 + i}});
    const QJsonArray tree {QJsonObject {
        {u"name"_s, u"Drive Ingest Demo"_s},
        {u"children"_s,
         QJsonArray {
             QJsonObject {{u"name"_s, u"Binary"_s},
                          {u"children"_s, QJsonArray {QJsonObject {{u"name"_s, u"1KiB.bin"_s}, {u"size"_s, 1024}},
                                                      QJsonObject {{u"name"_s, u"empty.bin"_s}, {u"size"_s, 0}},
                                                      QJsonObject {{u"name"_s, u"data.csv"_s}, {u"size"_s, 20000},
                                                                   {u"mimeType"_s, u"text/csv"_s}}}}},
             QJsonObject {{u"name"_s, u"Docs"_s},
                          {u"children"_s,
                           QJsonArray {QJsonObject {{u"name"_s, u"Project plan"_s},
                                                    {u"mimeType"_s, u"application/vnd.google-apps.document"_s},
                                                    {u"export_size"_s, 48000}},
                                       QJsonObject {{u"name"_s, u"Feedback form"_s},
                                                    {u"mimeType"_s, u"application/vnd.google-apps.form"_s}}}}},
             QJsonObject {{u"name"_s, u"Faulty"_s},
                          {u"children"_s, QJsonArray {QJsonObject {{u"name"_s, u"quota-exceeded.bin"_s}, {u"size"_s, 6000},
                                                                   {u"faults"_s, QJsonObject {{u"download_quota_exceeded"_s, true}}}}}}},
             QJsonObject {{u"name"_s, u"Many"_s}, {u"children"_s, many}},
             QJsonObject {{u"name"_s, u"readme.txt"_s}, {u"size"_s, 512}, {u"mimeType"_s, u"text/plain"_s}},
         }},
    }};
    return QJsonDocument(QJsonObject {{u"demo_root"_s, u"Drive Ingest Demo"_s}, {u"my_drive"_s, tree}}).toJson();
}

struct CliResult
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject report;
};
} // namespace

class TestCliLogTable final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void logRowsEqualTheReport();
    void wrongWarehouseStillDone();
    void secondRunAppends();
    void optionsCheckedFirst();

private:
    CliResult runCli(const QStringList &args);
    QStringList ingestArgs(const QString &source, const QString &dest, const QStringList &extra) const;
    QJsonObject dump(const QString &table);
    int routeCount(const QString &route);

    QTemporaryDir m_work;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QHash<QString, QString> m_idByPath;
    QString m_warehouse;
};

void TestCliLogTable::initTestCase()
{
    QVERIFY(m_work.isValid());
    const QString manifestPath = m_work.filePath(u"manifest.json"_s);
    QFile file(manifestPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(manifest());
    file.close();
    m_sandbox = std::make_unique<SandboxProcess>(
        QStringList {u"--static-token"_s, QString::fromLatin1(token), u"--quiet"_s, u"--manifest"_s, manifestPath});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    for (const QJsonValue &item : m_sandbox->get(u"/_sandbox/tree"_s).json().value(u"items"_s).toArray())
        m_idByPath.insert(item.toObject().value(u"path"_s).toString(), item.toObject().value(u"id"_s).toString());
    QVERIFY(m_idByPath.contains(u"Drive Ingest Demo/Binary"_s));
}

void TestCliLogTable::init()
{
    QVERIFY(m_sandbox->reset());
    const auto warehouses = m_sandbox->get(u"/api/2.0/sql/warehouses"_s, {{"Authorization", "Bearer dapi-sandbox-token"}});
    QCOMPARE(warehouses.status, 200);
    m_warehouse = warehouses.json().value(u"warehouses"_s).toArray().first().toObject().value(u"id"_s).toString();
}

CliResult TestCliLogTable::runCli(const QStringList &args)
{
    CliResult result;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DRIVE_INGEST_ACCESS_TOKEN"_s, QString::fromLatin1(token));
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("DI_CLI"), args);
    if (!process.waitForFinished(90000))
    {
        process.kill();
        process.waitForFinished();
    }
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    const qsizetype reportAt = args.indexOf(u"--report"_s);
    if (reportAt >= 0)
    {
        QFile report(args.value(reportAt + 1));
        if (report.open(QIODevice::ReadOnly))
            result.report = QJsonDocument::fromJson(report.readAll()).object();
    }
    return result;
}

QStringList TestCliLogTable::ingestArgs(const QString &source, const QString &dest, const QStringList &extra) const
{
    return QStringList {u"ingest"_s, m_idByPath.value(source), u"--to"_s, dest, u"--sandbox"_s,
                        m_sandbox->baseUrl().toString()}
        + extra;
}

QJsonObject TestCliLogTable::dump(const QString &table)
{
    const auto reply = m_sandbox->get(u"/_sandbox/sql?table="_s + table);
    return reply.status == 200 ? reply.json() : QJsonObject {};
}

int TestCliLogTable::routeCount(const QString &route)
{
    int n = 0;
    const QJsonObject statuses = m_sandbox->stats().value(u"by_route"_s).toObject().value(route).toObject();
    for (const QJsonValue &count : statuses)
        n += count.toInt();
    return n;
}

void TestCliLogTable::logRowsEqualTheReport()
{
    // A slow warehouse: every statement answers PENDING, then RUNNING twice, so the client must poll each.
    QVERIFY(m_sandbox->setFaults({{u"sql"_s, QJsonObject {{u"pending_polls"_s, 1}, {u"running_polls"_s, 2}}}}));
    const QString reportPath = m_work.filePath(u"run.json"_s);
    const CliResult run = runCli(ingestArgs(u"Drive Ingest Demo"_s, u"/Volumes/main/default/landing/logrun"_s,
                                            {u"--log-table"_s, u"c.s.t"_s, u"--warehouse"_s, m_warehouse, u"--report"_s,
                                             reportPath}));
    QVERIFY2(run.code == 1, run.err.constData()); // the parked file; the log does not change it
    const QJsonArray files = run.report.value(u"files"_s).toArray();
    QVERIFY(files.size() > 22);
    QVERIFY2(run.out.contains(u"Ingest log: %1 rows written to c.s.t"_s.arg(files.size()).toUtf8()), run.out.constData());

    const QJsonObject table = dump(u"c.s.t"_s);
    QStringList columns;
    for (const QJsonValue &c : table.value(u"columns"_s).toArray())
        columns << c.toString();
    const QJsonArray rows = table.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), files.size());
    const auto cell = [&columns](const QJsonArray &row, const QString &name) { return row.at(columns.indexOf(name)); };
    const auto textOrNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    QSet<QString> runIds;
    QSet<QString> statuses;
    for (qsizetype i = 0; i < files.size(); ++i)
    {
        const QJsonObject file = files.at(i).toObject();
        const QJsonArray row = rows.at(i).toArray(); // the report's order
        const QString what = file.value(u"drivePath"_s).toString();
        QCOMPARE(cell(row, u"drive_id"_s), textOrNull(file.value(u"driveId"_s).toString()));
        QCOMPARE(cell(row, u"drive_path"_s).toString(), what);
        QCOMPARE(cell(row, u"destination_path"_s), textOrNull(file.value(u"destinationPath"_s).toString()));
        QCOMPARE(cell(row, u"bytes"_s).toInteger(), file.value(u"bytes"_s).toInteger());
        QCOMPARE(cell(row, u"status"_s).toString(), file.value(u"status"_s).toString());
        QCOMPARE(cell(row, u"reason"_s), textOrNull(file.value(u"reason"_s).toString()));
        QCOMPARE(cell(row, u"reason_code"_s), textOrNull(file.value(u"reasonCode"_s).toString()));
        QVERIFY2(qAbs(cell(row, u"seconds"_s).toDouble() - file.value(u"seconds"_s).toDouble()) < 1e-9, qPrintable(what));
        const QString hash = file.value(u"hash"_s).toString();
        QCOMPARE(cell(row, u"md5"_s), hash.startsWith(u"md5:"_s) ? QJsonValue(hash.mid(4)) : QJsonValue());
        QCOMPARE(cell(row, u"sha256"_s), hash.startsWith(u"sha256:"_s) ? QJsonValue(hash.mid(7)) : QJsonValue());
        QCOMPARE(cell(row, u"revision"_s), QJsonValue());
        QCOMPARE(cell(row, u"run_started_at"_s).toString(), run.report.value(u"startedAt"_s).toString());
        QCOMPARE(cell(row, u"run_finished_at"_s).toString(), run.report.value(u"finishedAt"_s).toString());
        QCOMPARE(cell(row, u"tool_version"_s).toString(), run.report.value(u"toolVersion"_s).toString());
        QVERIFY(cell(row, u"job"_s).toString().contains(m_idByPath.value(u"Drive Ingest Demo"_s)));
        runIds.insert(cell(row, u"run_id"_s).toString());
        statuses.insert(file.value(u"status"_s).toString());
    }
    QCOMPARE(runIds.size(), 1);
    QVERIFY(!runIds.begin()->isEmpty());
    QVERIFY(statuses.contains(u"done"_s) && statuses.contains(u"parked"_s) && statuses.contains(u"skipped"_s));
    // CREATE + two INSERTs (22 rows a statement), each polled to its end: PENDING, RUNNING twice, SUCCEEDED.
    QCOMPARE(routeCount(u"dbx.sql.execute"_s), 1 + int((files.size() + 21) / 22));
    QCOMPARE(routeCount(u"dbx.sql.get"_s), 4 * routeCount(u"dbx.sql.execute"_s));

    // The load snippet for the landed folder.
    QVERIFY(run.out.contains("COPY INTO `main`.`default`.`landing_files`"));
    QVERIFY(run.out.contains("FROM '/Volumes/main/default/landing/logrun'"));
    QVERIFY(run.out.contains("read_files('/Volumes/main/default/landing/logrun', format => 'binaryFile')"));
}

void TestCliLogTable::wrongWarehouseStillDone()
{
    const QString reportPath = m_work.filePath(u"wrong.json"_s);
    const CliResult run = runCli(ingestArgs(u"Drive Ingest Demo/Binary"_s, u"/Volumes/main/default/landing/wrong"_s,
                                            {u"--log-table"_s, u"c.s.t"_s, u"--warehouse"_s, u"0000000000000000"_s,
                                             u"--report"_s, reportPath}));
    QVERIFY2(run.code == 0, run.err.constData());
    QCOMPARE(run.report.value(u"outcome"_s).toString(), u"completed"_s);
    QCOMPARE(run.report.value(u"totals"_s).toObject().value(u"done"_s).toInt(), 3);
    QVERIFY2(run.out.contains("Ingest log failed: ") && run.out.contains("0000000000000000 does not exist"),
             run.out.constData());
    QVERIFY(run.out.contains("(0 of 3 rows written to c.s.t)"));
    QVERIFY(!run.out.contains("Ingest log: "));
    QVERIFY(dump(u"c.s.t"_s).isEmpty()); // nothing was created
    // Quiet: the failure still shows (on stderr), the exit code is still the run's.
    const CliResult quiet = runCli(ingestArgs(u"Drive Ingest Demo/Binary"_s, u"/Volumes/main/default/landing/wrong"_s,
                                              {u"--log-table"_s, u"c.s.t"_s, u"--warehouse"_s, u"0000000000000000"_s,
                                               u"--quiet"_s}));
    QCOMPARE(quiet.code, 0);
    QVERIFY(quiet.out.isEmpty());
    QVERIFY(quiet.err.contains("Ingest log failed: "));
}

void TestCliLogTable::secondRunAppends()
{
    const QStringList args = ingestArgs(u"Drive Ingest Demo/Binary"_s, u"/Volumes/main/default/landing/twice"_s,
                                        {u"--log-table"_s, u"`main`.logs.ingest_log"_s, u"--warehouse"_s, m_warehouse});
    QCOMPARE(runCli(args).code, 0);
    // --verify: a plain rerun reads Drive's changes only (issue 12) and touches no file; this one lists the tree
    // again and checks every file at the destination.
    const CliResult again = runCli(args + QStringList {u"--verify"_s});
    QCOMPARE(again.code, 0);
    QVERIFY(again.out.contains("Ingest log: 3 rows written to `main`.logs.ingest_log"));
    const QJsonObject table = dump(u"main.logs.ingest_log"_s);
    const QJsonArray rows = table.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 6);
    const qsizetype runId = table.value(u"columns"_s).toArray().toVariantList().indexOf(u"run_id"_s);
    const qsizetype status = table.value(u"columns"_s).toArray().toVariantList().indexOf(u"status"_s);
    QSet<QString> runs;
    for (const QJsonValue &row : rows)
        runs.insert(row.toArray().at(runId).toString());
    QCOMPARE(runs.size(), 2);
    // The second run found every file in place: its rows say so.
    for (qsizetype i = 3; i < 6; ++i)
        QCOMPARE(rows.at(i).toArray().at(status).toString(), u"skipped"_s);
}

void TestCliLogTable::optionsCheckedFirst()
{
    const int before = m_sandbox->stats().value(u"requests_total"_s).toInt();
    const QString volume = u"/Volumes/main/default/landing/never"_s;
    CliResult run = runCli(ingestArgs(u"Drive Ingest Demo/Binary"_s, volume, {u"--log-table"_s, u"s.t"_s, u"--warehouse"_s, u"w"_s}));
    QCOMPARE(run.code, 2);
    QVERIFY(run.err.contains("CATALOG.SCHEMA.TABLE"));
    run = runCli(ingestArgs(u"Drive Ingest Demo/Binary"_s, volume, {u"--log-table"_s, u"c.s.t; DROP TABLE x"_s, u"--warehouse"_s, u"w"_s}));
    QCOMPARE(run.code, 2);
    run = runCli(ingestArgs(u"Drive Ingest Demo/Binary"_s, volume, {u"--log-table"_s, u"c.s.t"_s}));
    QCOMPARE(run.code, 2);
    QVERIFY(run.err.contains("--warehouse"));
    run = runCli(ingestArgs(u"Drive Ingest Demo/Binary"_s, volume, {u"--warehouse"_s, u"w"_s}));
    QCOMPARE(run.code, 2);
    run = runCli(ingestArgs(u"Drive Ingest Demo/Binary"_s, m_work.filePath(u"local"_s),
                            {u"--log-table"_s, u"c.s.t"_s, u"--warehouse"_s, u"w"_s}));
    QCOMPARE(run.code, 2);
    QVERIFY(run.err.contains("Volume or DBFS"));
    QVERIFY(!QDir(m_work.filePath(u"local"_s)).exists());
    // Nothing reached the sandbox (its control routes are not counted).
    QCOMPARE(m_sandbox->stats().value(u"requests_total"_s).toInt(), before);
}

QTEST_GUILESS_MAIN(TestCliLogTable)
#include "tst_cli_logtable.moc"
