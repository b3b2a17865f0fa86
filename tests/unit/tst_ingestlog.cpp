// SPDX-License-Identifier: GPL-3.0-or-later
// The ingest log's statements (batching under the API's 256-parameter cap, one row a file, NULLs, hash split),
// the table-name check, the SQL statements client's request and answer parsing, and the load snippet.
#include "destinations/databricksclient.h"
#include "destinations/sqlstatements.h"
#include "transfer/ingestlog.h"
#include "transfer/loadsnippet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using Transfer::FileState;
using Transfer::FileStatus;
using Transfer::IngestLog;

namespace
{
Transfer::Report reportOf(int files)
{
    Transfer::Report report;
    report.startedAt = QDateTime(QDate(2026, 12, 3), QTime(6, 0, 0, 123), Qt::UTC);
    report.finishedAt = report.startedAt.addSecs(90);
    for (int i = 0; i < files; ++i)
    {
        FileStatus file;
        file.key = quint64(i);
        file.driveId = u"id%1"_s.arg(i);
        file.drivePath = u"Root/file %1.csv"_s.arg(i);
        file.destinationPath = u"volume:/Volumes/c/s/v/Root/file %1.csv"_s.arg(i);
        file.state = FileState::Done;
        file.bytesDone = 1000 + i;
        file.hash = i % 2 ? u"md5:abc%1"_s.arg(i) : u"sha256:def%1"_s.arg(i);
        file.seconds = 0.5;
        report.files.append(file);
    }
    return report;
}

/// The markers a statement's text uses, without the colon.
QSet<QString> markersOf(const QString &text)
{
    QSet<QString> names;
    static const QRegularExpression marker(u":([A-Za-z_][A-Za-z0-9_]*)"_s);
    for (const auto &match : marker.globalMatch(text))
        names.insert(match.captured(1));
    return names;
}

const Dest::SqlParameter *parameter(const IngestLog::Statement &statement, const QString &name)
{
    for (const Dest::SqlParameter &p : statement.parameters)
        if (p.name == name)
            return &p;
    return nullptr;
}
} // namespace

class TestIngestLog final : public QObject
{
    Q_OBJECT

private slots:
    void batchesRespectTheParameterCap_data();
    void batchesRespectTheParameterCap();
    void rowValues();
    void createStatement();
    void tableNames_data();
    void tableNames();
    void outcomeText();
    void requestBody();
    void parseAnswers();
    void snippetForAVolume();
    void snippetFormats();
    void snippetOnlyForVolumes();
};

void TestIngestLog::batchesRespectTheParameterCap_data()
{
    QTest::addColumn<int>("files");
    QTest::addColumn<int>("maxParams");
    QTest::addColumn<int>("statements");
    // 6 shared parameters (table, run id, job, two times, version) + 11 per file: 22 rows fit in 256.
    QTest::newRow("none") << 0 << 256 << 0;
    QTest::newRow("one") << 1 << 256 << 1;
    QTest::newRow("exactly one full statement") << 22 << 256 << 1;
    QTest::newRow("one more") << 23 << 256 << 2;
    QTest::newRow("many") << 100 << 256 << 5;
    QTest::newRow("a tighter cap") << 10 << 30 << 5; // (30 - 6) / 11 = 2 rows a statement
}

void TestIngestLog::batchesRespectTheParameterCap()
{
    QFETCH(int, files);
    QFETCH(int, maxParams);
    QFETCH(int, statements);
    const Transfer::Report report = reportOf(files);
    const QList<IngestLog::Statement> inserts =
        IngestLog::inserts(u"c.s.t"_s, report, Transfer::IngestLogRun::make(u"job"_s), maxParams);
    QCOMPARE(inserts.size(), statements);
    int rows = 0;
    QStringList driveIds;
    for (const IngestLog::Statement &statement : inserts)
    {
        QVERIFY(statement.parameters.size() <= maxParams);
        QVERIFY(statement.rows > 0);
        rows += statement.rows;
        // Every marker the text uses has exactly one parameter, and no parameter is unused.
        QSet<QString> names;
        for (const Dest::SqlParameter &p : statement.parameters)
        {
            QVERIFY2(!names.contains(p.name), qPrintable(p.name));
            names.insert(p.name);
        }
        QCOMPARE(markersOf(statement.text), names);
        QVERIFY(statement.text.startsWith(u"INSERT INTO IDENTIFIER(:tbl) (run_id, job, drive_id"_s));
        QCOMPARE(statement.text.count(u"), ("_s) + 1, statement.rows);
        for (int r = 0; r < statement.rows; ++r)
            driveIds << *parameter(statement, u"r%1_0"_s.arg(r))->value;
    }
    QCOMPARE(rows, files);
    // One row a file, in the report's order.
    QStringList expected;
    for (const FileStatus &file : report.files)
        expected << file.driveId;
    QCOMPARE(driveIds, expected);
}

void TestIngestLog::rowValues()
{
    Transfer::Report report = reportOf(2);
    report.files[1].hash.clear();
    report.files[1].state = FileState::Failed;
    report.files[1].lastError = {Net::ErrorClass::Permanent, 404, u"notFound"_s, u"File not found: id1."_s};
    const Transfer::IngestLogRun run {u"run-1"_s, u"a -> b"_s, u"9.9"_s};
    const IngestLog::Statement statement = IngestLog::inserts(u"c.s.t"_s, report, run).first();
    const auto value = [&statement](const QString &name) { return parameter(statement, name)->value; };
    const auto type = [&statement](const QString &name) { return parameter(statement, name)->type; };
    QCOMPARE(value(u"tbl"_s), u"c.s.t"_s);
    QCOMPARE(value(u"run_id"_s), u"run-1"_s);
    QCOMPARE(value(u"job"_s), u"a -> b"_s);
    QCOMPARE(value(u"tool_version"_s), u"9.9"_s);
    QCOMPARE(value(u"run_started_at"_s), u"2026-12-03T06:00:00.123Z"_s);
    QCOMPARE(type(u"run_started_at"_s), u"TIMESTAMP"_s);
    QCOMPARE(value(u"run_finished_at"_s), u"2026-12-03T06:01:30.123Z"_s);
    // Per-file columns: drive_id, drive_path, revision, destination_path, bytes, md5, sha256, status, reason,
    // reason_code, seconds.
    QCOMPARE(value(u"r0_1"_s), u"Root/file 0.csv"_s);
    QCOMPARE(value(u"r0_2"_s), std::nullopt); // revision: not in the report
    QCOMPARE(value(u"r0_4"_s), u"1000"_s);
    QCOMPARE(type(u"r0_4"_s), u"BIGINT"_s);
    QCOMPARE(value(u"r0_5"_s), std::nullopt); // "sha256:def0": no md5
    QCOMPARE(value(u"r0_6"_s), u"def0"_s);
    QCOMPARE(value(u"r0_7"_s), u"done"_s);
    QCOMPARE(value(u"r0_8"_s), std::nullopt); // no reason: NULL, not ""
    QCOMPARE(value(u"r0_10"_s), u"0.5"_s);
    QCOMPARE(type(u"r0_10"_s), u"DOUBLE"_s);
    QCOMPARE(value(u"r1_5"_s), std::nullopt);
    QCOMPARE(value(u"r1_6"_s), std::nullopt);
    QCOMPARE(value(u"r1_7"_s), u"failed"_s);
    QCOMPARE(value(u"r1_8"_s), u"File not found: id1."_s);
    QCOMPARE(value(u"r1_9"_s), u"notFound"_s);
}

void TestIngestLog::createStatement()
{
    const IngestLog::Statement create = IngestLog::create(u"`my cat`.s.t"_s);
    QCOMPARE(create.parameters.size(), 1);
    QCOMPARE(create.parameters.first().value, u"`my cat`.s.t"_s);
    QVERIFY(create.text.startsWith(u"CREATE TABLE IF NOT EXISTS IDENTIFIER(:tbl) (run_id STRING, job STRING"_s));
    QVERIFY(create.text.endsWith(u"tool_version STRING) USING DELTA"_s));
    for (const QString &column : IngestLog::columns())
        QVERIFY2(create.text.contains(column + u' '), qPrintable(column));
    QCOMPARE(IngestLog::columns().size(), 16);
}

void TestIngestLog::tableNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::newRow("three parts") << u"main.default.ingest_log"_s << true;
    QTest::newRow("quoted part") << u"`my-cat`.s.t"_s << true;
    QTest::newRow("two parts") << u"s.t"_s << false;
    QTest::newRow("four parts") << u"a.b.c.d"_s << false;
    QTest::newRow("empty part") << u"a..c"_s << false;
    QTest::newRow("space") << u"a.b.c d"_s << false;
    QTest::newRow("injection") << u"a.b.c; DROP TABLE x"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestIngestLog::tableNames()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QCOMPARE(Transfer::IngestLogTarget::tableProblem(name).isEmpty(), ok);
}

void TestIngestLog::outcomeText()
{
    Transfer::IngestLogOutcome outcome {u"c.s.t"_s, 7, 7, {}};
    QCOMPARE(outcome.text(), u"Ingest log: 7 rows written to c.s.t"_s);
    outcome = {u"c.s.t"_s, 0, 7, u"Warehouse x does not exist."_s};
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.text(), u"Ingest log failed: Warehouse x does not exist. (0 of 7 rows written to c.s.t)"_s);
}

void TestIngestLog::requestBody()
{
    QNetworkAccessManager nam;
    Dest::DatabricksClient client(&nam, nullptr, QUrl(u"https://example.cloud.databricks.com"_s));
    Dest::SqlStatements statements(&client, u"wh1"_s);
    statements.setWaitTimeout(u"0s"_s);
    const QJsonObject body = QJsonDocument::fromJson(
        statements.requestBody(u"SELECT :a"_s, {{u"a"_s, u"1"_s, u"INT"_s}, {u"b"_s, std::nullopt, u"STRING"_s}})).object();
    QCOMPARE(body.value(u"warehouse_id"_s).toString(), u"wh1"_s);
    QCOMPARE(body.value(u"statement"_s).toString(), u"SELECT :a"_s);
    QCOMPARE(body.value(u"wait_timeout"_s).toString(), u"0s"_s);
    const QJsonArray params = body.value(u"parameters"_s).toArray();
    QCOMPARE(params.at(0).toObject(), (QJsonObject {{u"name"_s, u"a"_s}, {u"value"_s, u"1"_s}, {u"type"_s, u"INT"_s}}));
    QVERIFY(!params.at(1).toObject().contains(u"value"_s)); // NULL: no value
}

void TestIngestLog::parseAnswers()
{
    Dest::SqlResult ok = Dest::SqlStatements::parseAnswer(
        R"({"statement_id":"s1","status":{"state":"SUCCEEDED"},"manifest":{"schema":{"columns":[{"name":"n"}]}},
            "result":{"data_array":[["1"],["2"]]}})");
    QCOMPARE(ok.state, u"SUCCEEDED"_s);
    QVERIFY(!ok.error.isError());
    QCOMPARE(ok.columns, QStringList {u"n"_s});
    QCOMPARE(ok.rows.size(), 2);
    const Dest::SqlResult pending = Dest::SqlStatements::parseAnswer(R"({"statement_id":"s2","status":{"state":"PENDING"}})");
    QVERIFY(!Dest::SqlStatements::isFinal(pending.state));
    QVERIFY(!pending.error.isError());
    const Dest::SqlResult failed = Dest::SqlStatements::parseAnswer(
        R"({"statement_id":"s3","status":{"state":"FAILED","sql_state":"42601",
            "error":{"error_code":"BAD_REQUEST","message":"[PARSE_SYNTAX_ERROR] near x"}}})");
    QCOMPARE(failed.error.errorClass, Net::ErrorClass::Permanent);
    QCOMPARE(failed.error.message, u"[PARSE_SYNTAX_ERROR] near x"_s);
    QCOMPARE(failed.sqlState, u"42601"_s);
    const Dest::SqlResult cancelled = Dest::SqlStatements::parseAnswer(R"({"status":{"state":"CANCELED"}})");
    QVERIFY(cancelled.error.isError());
    QVERIFY(Dest::SqlStatements::parseAnswer("not json").state.isEmpty());
}

void TestIngestLog::snippetForAVolume()
{
    QList<FileStatus> files = reportOf(3).files.toList();
    files[2].destinationPath = u"volume:/Volumes/c/s/v/Root/report.docx"_s;
    const auto snippet = Transfer::LoadSnippet::forRun(u"/Volumes/Main/sales/landing/it's/"_s, files);
    QVERIFY(snippet);
    QCOMPARE(snippet->folder, u"/Volumes/Main/sales/landing/it's"_s);
    QCOMPARE(snippet->table, u"`Main`.`sales`.`landing_files`"_s);
    QCOMPARE(snippet->format, u"BINARYFILE"_s); // mixed extensions
    QCOMPARE(snippet->copyInto, u"CREATE TABLE IF NOT EXISTS `Main`.`sales`.`landing_files`;\n"
                                "COPY INTO `Main`.`sales`.`landing_files`\n"
                                "FROM '/Volumes/Main/sales/landing/it''s'\n"
                                "FILEFORMAT = BINARYFILE\n"
                                "COPY_OPTIONS ('mergeSchema' = 'true');"_s);
    QCOMPARE(snippet->readFiles, u"SELECT path, modificationTime, length\n"
                                 "FROM read_files('/Volumes/Main/sales/landing/it''s', format => 'binaryFile');"_s);
    QVERIFY(snippet->text().contains(snippet->copyInto));
    QVERIFY(snippet->text().contains(snippet->readFiles));
}

void TestIngestLog::snippetFormats()
{
    // Every landed file a CSV: CSV with a header; failed files do not count.
    QList<FileStatus> files = reportOf(3).files.toList();
    files[1].destinationPath = u"volume:/Volumes/c/s/v/Root/broken.bin"_s;
    files[1].state = FileState::Failed;
    auto snippet = Transfer::LoadSnippet::forRun(u"dbfs:/Volumes/c/s/v"_s, files);
    QVERIFY(snippet);
    QCOMPARE(snippet->format, u"CSV"_s);
    QVERIFY(snippet->copyInto.contains(u"FORMAT_OPTIONS ('header' = 'true'"_s));
    QVERIFY(snippet->readFiles.contains(u"format => 'csv', header => true"_s));
    for (FileStatus &file : files)
        file.destinationPath.replace(u".csv"_s, u".JSON"_s);
    snippet = Transfer::LoadSnippet::forRun(u"/Volumes/c/s/v"_s, files);
    QCOMPARE(snippet->format, u"JSON"_s);
    QCOMPARE(snippet->readFiles, u"SELECT *\nFROM read_files('/Volumes/c/s/v', format => 'json');"_s);
    QCOMPARE(Transfer::LoadSnippet::identifier(u"a`b"_s), u"`a``b`"_s);
    QCOMPARE(Transfer::LoadSnippet::literal(u"a'b\\c"_s), u"'a''b\\\\c'"_s);
}

void TestIngestLog::snippetOnlyForVolumes()
{
    const QList<FileStatus> files = reportOf(1).files.toList();
    QVERIFY(!Transfer::LoadSnippet::forRun(u"/home/me/out"_s, files));
    QVERIFY(!Transfer::LoadSnippet::forRun(u"dbfs:/tmp/x"_s, files));
    QVERIFY(!Transfer::LoadSnippet::forRun(u"/Volumes/c/s"_s, files)); // no volume
    QVERIFY(!Transfer::LoadSnippet::forRun(u"/Volumes/c/s/v/../../x"_s, files));
    QVERIFY(Transfer::LoadSnippet::forRun(u"/Volumes/c/s/v"_s, files));
    QCOMPARE(Transfer::LoadSnippet::forRun(u"volume:/Volumes/c/s/v/x"_s, files)->folder, u"/Volumes/c/s/v/x"_s);
}

QTEST_GUILESS_MAIN(TestIngestLog)
#include "tst_ingestlog.moc"
