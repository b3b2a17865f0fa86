// SPDX-License-Identifier: GPL-3.0-or-later
// Transfer::ReportFormat and Transfer::RunOutcome: the one report schema of the CLI and the app (issue 10
// item 5). JSON keys and version, the CSV's header, fields and escaping, redaction of what servers said, the
// outcome's precedence and exit codes.
#include "transfer/conflictdecision.h"
#include "transfer/reportformat.h"
#include "transfer/runoutcome.h"
#include "util/redactor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Transfer::FileState;
using Transfer::Outcome;
using Transfer::ReportFormat;
using Transfer::RunOutcome;

namespace
{
// The shape of a Google access token: redacted without being registered.
const QString googleToken = u"ya29.a0ARrdaM-secretPart_123"_s;

Transfer::FileStatus file(const QString &id, FileState state, qint64 bytes = 0)
{
    Transfer::FileStatus status;
    status.driveId = id;
    status.drivePath = u"Folder/"_s + id + u".bin"_s;
    status.destinationPath = u"/dest/Folder/"_s + id + u".bin"_s;
    status.mimeType = u"application/octet-stream"_s;
    status.state = state;
    status.bytesDone = bytes;
    status.bytesTotal = bytes;
    status.hash = u"md5:0123"_s;
    status.retries = 2;
    status.seconds = 1.5;
    return status;
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return {keys.cbegin(), keys.cend()};
}

Transfer::Report sampleReport()
{
    Transfer::Report report;
    report.destination = u"/dest"_s;
    report.startedAt = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    report.finishedAt = report.startedAt.addSecs(4);
    report.totals.bytesDone = 3000;
    report.totals.requestsTotal = 12;
    report.totals.throttledTotal = 1;
    Transfer::FileStatus done = file(u"a"_s, FileState::Done, 1000);
    Transfer::FileStatus failed = file(u"b"_s, FileState::Failed);
    failed.lastError = {Net::ErrorClass::Permanent, 403, u"cannotDownloadAbusiveFile"_s,
                        u"refused, Bearer "_s + googleToken + u" \"flagged\"\nline two"_s, {}};
    Transfer::FileStatus same = file(u"c"_s, FileState::Skipped, 10);
    same.lastError.reason = QString(Transfer::ConflictDecision::alreadyThere); // as ConflictDecision::skipNote() says
    Transfer::FileStatus trashed = file(u"d"_s, FileState::Skipped);
    trashed.lastError = {Net::ErrorClass::None, 0, u"trashed"_s, u"in the trash"_s, {}};
    Transfer::FileStatus doc = file(u"e"_s, FileState::Done, 77);
    doc.mimeType = u"application/vnd.google-apps.document"_s;
    doc.exportMimeType = u"application/pdf"_s;
    report.files = {done, failed, same, trashed, doc};
    return report;
}
} // namespace

class TestReportFormat final : public QObject
{
    Q_OBJECT

private slots:
    void jsonKeysAndVersion()
    {
        const Transfer::Report report = sampleReport();
        const QJsonObject json = ReportFormat::toJson(report, RunOutcome::of(report), u"drive-ingest-cli"_s);
        QCOMPARE(ReportFormat::version, 1);
        QCOMPARE(json.value(u"version"_s).toInt(), 1);
        QCOMPARE(keysOf(json), (QSet<QString> {u"version"_s, u"tool"_s, u"toolVersion"_s, u"destination"_s, u"startedAt"_s,
                                               u"finishedAt"_s, u"exitCode"_s, u"outcome"_s, u"totals"_s, u"files"_s}));
        QCOMPARE(json.value(u"tool"_s).toString(), u"drive-ingest-cli"_s);
        QCOMPARE(json.value(u"startedAt"_s).toString(), u"2023-11-14T22:13:20.000Z"_s);
        QCOMPARE(json.value(u"outcome"_s).toString(), u"files-failed"_s);
        QCOMPARE(json.value(u"exitCode"_s).toInt(), 1);

        const QJsonObject totals = json.value(u"totals"_s).toObject();
        QCOMPARE(keysOf(totals),
                 (QSet<QString> {u"files"_s, u"done"_s, u"skipped"_s, u"failed"_s, u"parked"_s, u"cancelled"_s, u"other"_s,
                                 u"bytes"_s, u"bytesTransferred"_s, u"bytesTotal"_s, u"seconds"_s, u"averageRate"_s,
                                 u"requests"_s, u"throttled"_s}));
        QCOMPARE(totals.value(u"files"_s).toInt(), 5);
        QCOMPARE(totals.value(u"done"_s).toInt(), 2);
        QCOMPARE(totals.value(u"skipped"_s).toInt(), 2);
        QCOMPARE(totals.value(u"failed"_s).toInt(), 1);
        QCOMPARE(totals.value(u"other"_s).toInt(), 0);
        QCOMPARE(totals.value(u"bytes"_s).toInteger(), 1077);
        QCOMPARE(totals.value(u"seconds"_s).toDouble(), 4.0);
        QCOMPARE(totals.value(u"averageRate"_s).toDouble(), 750.0);

        const QJsonArray files = json.value(u"files"_s).toArray();
        QCOMPARE(files.size(), 5);
        const QSet<QString> base {u"driveId"_s, u"drivePath"_s, u"destinationPath"_s, u"mimeType"_s, u"status"_s, u"bytes"_s,
                                  u"bytesTotal"_s, u"hash"_s, u"retries"_s, u"seconds"_s, u"reason"_s};
        // Done: no reason to give, but the key is there.
        QCOMPARE(keysOf(files.at(0).toObject()), base);
        QCOMPARE(files.at(0).toObject().value(u"reason"_s).toString(), QString());
        // Failed: the code, the class and the status as the server said them.
        const QJsonObject failed = files.at(1).toObject();
        QCOMPARE(keysOf(failed), (base + QSet<QString> {u"reasonCode"_s, u"errorClass"_s, u"httpStatus"_s}));
        QCOMPARE(failed.value(u"status"_s).toString(), u"failed"_s);
        QCOMPARE(failed.value(u"reasonCode"_s).toString(), u"cannotDownloadAbusiveFile"_s);
        QCOMPARE(failed.value(u"httpStatus"_s).toInt(), 403);
        // Skipped because the same file is there: the code says so, the words say what was compared.
        const QJsonObject same = files.at(2).toObject();
        QCOMPARE(keysOf(same), (base + QSet<QString> {u"reasonCode"_s}));
        QCOMPARE(same.value(u"reasonCode"_s).toString(), u"alreadyThere"_s);
        QCOMPARE(same.value(u"reason"_s).toString(), u"already at the destination (same size and md5)"_s);
        // Skipped while listing: the code decided there passes through.
        QCOMPARE(files.at(3).toObject().value(u"reasonCode"_s).toString(), u"trashed"_s);
        QCOMPARE(files.at(3).toObject().value(u"reason"_s).toString(), u"in the trash"_s);
        QCOMPARE(files.at(3).toObject().value(u"errorClass"_s).toString(), Net::errorClassName(Net::ErrorClass::None));
        // An export says what it was exported as.
        QCOMPARE(keysOf(files.at(4).toObject()), (base + QSet<QString> {u"exportMimeType"_s}));
    }

    void reasonCodeIsTheOneGivenAtTheSkip()
    {
        // The code is decided where the skip is decided (ConflictDecision::skipNote, the tree walker): the
        // report does not guess it from a state.
        Transfer::FileStatus skipped = file(u"a"_s, FileState::Skipped, 10);
        QCOMPARE(ReportFormat::reasonOf(skipped).code, QString());
        QCOMPARE(ReportFormat::fileToJson(skipped).value(u"reasonCode"_s), QJsonValue(QJsonValue::Undefined));
        skipped.lastError = Transfer::ConflictDecision::decide(Dest::ConflictPolicy::Skip, {}, true, Dest::Existing {}).skipNote();
        QCOMPARE(ReportFormat::reasonOf(skipped).code, u"alreadyThere"_s);
        QCOMPARE(ReportFormat::reasonOf(skipped).text, u"already at the destination (same size and md5)"_s);
        skipped.hash.clear();
        QCOMPARE(ReportFormat::reasonOf(skipped).text, u"already at the destination (same size; the destination gives no hash to compare)"_s);
    }

    void runMessageOnlyWhenStoppedEarly()
    {
        Transfer::Report report;
        QVERIFY(!ReportFormat::toJson(report, RunOutcome::of(report), u"t"_s).contains(u"message"_s));
        RunOutcome::Stops stops;
        stops.localFailure = Net::Error {Net::ErrorClass::Local, 0, u"diskFull"_s, u"No space left on device"_s, {}};
        const QJsonObject json = ReportFormat::toJson(report, RunOutcome::of(report, stops), u"t"_s);
        QCOMPARE(json.value(u"outcome"_s).toString(), u"destination-failed"_s);
        QCOMPARE(json.value(u"exitCode"_s).toInt(), 4);
        QCOMPARE(json.value(u"message"_s).toString(), u"No space left on device"_s);
    }

    void outcomePrecedence()
    {
        Transfer::Report report;
        report.files = {file(u"a"_s, FileState::Done), file(u"b"_s, FileState::Cancelled)};
        QCOMPARE(RunOutcome::of(report).outcome, Outcome::Completed);
        QCOMPARE(RunOutcome::of(report).exitCode(), 0);
        QCOMPARE(RunOutcome::of(report).problems, 0);

        report.files << file(u"c"_s, FileState::Parked) << file(u"d"_s, FileState::Failed);
        QCOMPARE(RunOutcome::of(report).outcome, Outcome::FilesFailed);
        QCOMPARE(RunOutcome::of(report).problems, 2);
        QVERIFY(RunOutcome::of(report).message.isEmpty());

        // A refused token that failed a file (not the run) is an auth failure, with the file's words.
        report.files[3].lastError = {Net::ErrorClass::Auth, 401, u"authError"_s, u"token refused: "_s + googleToken, {}};
        const RunOutcome auth = RunOutcome::of(report);
        QCOMPARE(auth.outcome, Outcome::AuthFailed);
        QCOMPARE(auth.exitCode(), 3);
        QVERIFY2(auth.message.startsWith(u"token refused"_s) && !auth.message.contains(u"secretPart"_s), qPrintable(auth.message));

        RunOutcome::Stops stops;
        stops.localFailure = Net::Error {Net::ErrorClass::Local, 0, u"diskFull"_s, {}, {}};
        QCOMPARE(RunOutcome::of(report, stops).outcome, Outcome::DestinationFailed);
        QVERIFY(!RunOutcome::of(report, stops).message.isEmpty()); // no message: the error in words
        stops.interruption = u"interrupted by SIGTERM"_s;
        QCOMPARE(RunOutcome::of(report, stops).outcome, Outcome::Interrupted);
        QCOMPARE(RunOutcome::of(report, stops).exitCode(), 130);
        QCOMPARE(RunOutcome::of(report, stops).message, u"interrupted by SIGTERM"_s);
        QCOMPARE(RunOutcome::of(report, stops).name(), u"interrupted"_s);
    }

    void outcomeNames()
    {
        QCOMPARE(Transfer::outcomeName(Outcome::Completed), u"completed"_s);
        QCOMPARE(Transfer::outcomeName(Outcome::FilesFailed), u"files-failed"_s);
        QCOMPARE(Transfer::outcomeName(Outcome::AuthFailed), u"auth-failed"_s);
        QCOMPARE(Transfer::outcomeName(Outcome::DestinationFailed), u"destination-failed"_s);
        QCOMPARE(Transfer::outcomeName(Outcome::Interrupted), u"interrupted"_s);
    }

    void csvHeaderAndEscaping()
    {
        const Transfer::Report report = sampleReport();
        const QString csv = QString::fromUtf8(ReportFormat::toCsv(report));
        const QStringList columns = ReportFormat::csvColumns();
        // The JSON record's fields, in a fixed order.
        QCOMPARE(columns, (QStringList {u"driveId"_s, u"drivePath"_s, u"destinationPath"_s, u"mimeType"_s, u"exportMimeType"_s,
                                        u"status"_s, u"bytes"_s, u"bytesTotal"_s, u"hash"_s, u"reason"_s, u"reasonCode"_s,
                                        u"errorClass"_s, u"httpStatus"_s, u"retries"_s, u"seconds"_s}));
        QVERIFY2(csv.startsWith(columns.join(u',') + u'\n'), qPrintable(csv));
        QVERIFY(csv.endsWith(u'\n'));
        // The done file: every column, empty where the record has nothing, numbers as numbers.
        QVERIFY2(csv.contains(u"\na,Folder/a.bin,/dest/Folder/a.bin,application/octet-stream,,done,1000,1000,md5:0123,,,,,2,1.5\n"_s),
                 qPrintable(csv));
        // The failed file's message holds a comma, quotes and a line break: one quoted field, quotes doubled.
        QVERIFY2(csv.contains(u",\"refused, Bearer "_s), qPrintable(csv));
        QVERIFY2(csv.contains(u" \"\"flagged\"\"\nline two\",cannotDownloadAbusiveFile,Permanent,403,2,1.5\n"_s), qPrintable(csv));
        QVERIFY2(csv.contains(u"\nd,Folder/d.bin,/dest/Folder/d.bin,application/octet-stream,,skipped,0,0,md5:0123,in the trash,trashed,"_s),
                 qPrintable(csv));
        QVERIFY(csv.contains(u",application/pdf,done,77,77,"_s));
        // A file record a line, but for the quoted line break.
        QCOMPARE(csv.count(u'\n'), 1 + report.files.size() + 1);
    }

    void tokensInMessagesAreRedacted()
    {
        const QString registered = u"opaque-registered-secret-42"_s;
        Util::registerSecret(registered.toUtf8());
        Transfer::Report report = sampleReport();
        report.files[0].state = FileState::Parked;
        report.files[0].lastError = {Net::ErrorClass::Quota, 403, u"downloadQuotaExceeded"_s, u"quota for "_s + registered, {}};
        RunOutcome::Stops stops;
        stops.authFailure = u"refused "_s + registered;
        const RunOutcome outcome = RunOutcome::of(report, stops);
        const QByteArray json = QJsonDocument(ReportFormat::toJson(report, outcome, u"t"_s)).toJson();
        const QByteArray csv = ReportFormat::toCsv(report);
        for (const QByteArray &text : {json, csv})
        {
            QVERIFY2(!text.contains("secretPart") && !text.contains(registered.toUtf8()), text.constData());
            QVERIFY(QString::fromUtf8(text).contains(QString::fromUtf16(Util::RedactedMark)));
            QVERIFY(text.contains("quota for "));
        }
        QVERIFY(json.contains("\"message\": \"refused "));
        Util::forgetSecret(registered.toUtf8());
    }

    void writesByFileSuffixAtomically()
    {
        QTemporaryDir dir;
        const Transfer::Report report = sampleReport();
        const RunOutcome outcome = RunOutcome::of(report);
        QString error;
        QVERIFY2(ReportFormat::write(dir.filePath(u"sub/r.json"_s), report, outcome, u"t"_s, &error), qPrintable(error));
        QVERIFY2(ReportFormat::write(dir.filePath(u"r.CSV"_s), report, outcome, u"t"_s, &error), qPrintable(error));
        QFile json(dir.filePath(u"sub/r.json"_s));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(json.readAll()).object(), ReportFormat::toJson(report, outcome, u"t"_s));
        QFile csv(dir.filePath(u"r.CSV"_s));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll(), ReportFormat::toCsv(report));
        // A folder in the way: false, with the path in the reason.
        QVERIFY(!ReportFormat::write(dir.filePath(u"sub"_s), report, outcome, u"t"_s, &error));
        QVERIFY2(error.contains(u"sub"_s), qPrintable(error));
    }

    void aSpilledReportIsWrittenAFileAtATime()
    {
        QTemporaryDir dir;
        // A large run's report: most files read back from disk (FileList), one kept in memory; and an empty one.
        Transfer::Report report = sampleReport();
        report.files = {};
        report.files.setSpillFolder(dir.path());
        for (quint64 key = 1; key <= 2500; ++key)
        {
            Transfer::FileStatus f = file(u"f"_s + QString::number(key), key == 7 ? FileState::Failed : FileState::Done, 10);
            f.key = key;
            if (key == 7)
                report.files.append(f);
            else
                report.files.spill(std::move(f));
        }
        QVERIFY(report.files.spilledCount() > 0);
        Transfer::Report empty = sampleReport();
        empty.files = {};
        for (const Transfer::Report &r : {report, empty})
        {
            const RunOutcome outcome = RunOutcome::of(r);
            QString error;
            QVERIFY2(ReportFormat::write(dir.filePath(u"r.json"_s), r, outcome, u"t"_s, &error), qPrintable(error));
            QVERIFY2(ReportFormat::write(dir.filePath(u"r.csv"_s), r, outcome, u"t"_s, &error), qPrintable(error));
            QFile json(dir.filePath(u"r.json"_s));
            QVERIFY(json.open(QIODevice::ReadOnly));
            QJsonParseError parse {};
            const QJsonObject written = QJsonDocument::fromJson(json.readAll(), &parse).object();
            QCOMPARE(parse.error, QJsonParseError::NoError);
            QCOMPARE(written, ReportFormat::toJson(r, outcome, u"t"_s));
            QCOMPARE(written.value(u"files"_s).toArray().size(), r.files.size());
            QFile csv(dir.filePath(u"r.csv"_s));
            QVERIFY(csv.open(QIODevice::ReadOnly));
            QCOMPARE(csv.readAll(), ReportFormat::toCsv(r));
        }
        QCOMPARE(QJsonDocument(ReportFormat::toJson(report, RunOutcome::of(report), u"t"_s))
                     .object().value(u"files"_s).toArray().at(6).toObject().value(u"status"_s).toString(),
                 u"failed"_s); // the kept file in its place
    }
};

QTEST_GUILESS_MAIN(TestReportFormat)
#include "tst_reportformat.moc"
