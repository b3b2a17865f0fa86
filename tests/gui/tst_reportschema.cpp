// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 10, acceptance 5: the CLI's --report and the app's "Save report…" of the same run are one schema.
// One small demo tree on the real sandbox process, run once by the real drive-ingest-cli process and once by
// the app's runner (EngineRunner over EngineHost, the report shown on the Dashboard and saved by the code its
// "Save report…" calls); the two JSON files are compared key by key, recursively, file record by file record.
#include "appsettings.h"
#include "dashboard.h"
#include "enginerunner.h"
#include "reportwriter.h"
#include "sandboxprocess.h"
#include "transfer/enginehost.h"
#include "transfer/reportformat.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray token = "report-schema-static-token-7c21"_ba;

// Done files, an export, a form that cannot be exported, a dangling shortcut, a parked and a failed file,
// a trashed one: every kind of record the report has.
const char manifest[] = R"json({
  "demo_root": "Drive Ingest Demo",
  "my_drive": [
    {"name": "Drive Ingest Demo", "children": [
      {"name": "Binary", "children": [
        {"name": "1KiB.bin", "size": 1024},
        {"name": "odd-1000003.bin", "size": 1000003},
        {"name": "notes.txt", "size": 4096, "mimeType": "text/plain"}
      ]},
      {"name": "Docs", "children": [
        {"name": "Project plan", "mimeType": "application/vnd.google-apps.document", "export_size": 48000},
        {"name": "Feedback form", "mimeType": "application/vnd.google-apps.form"}
      ]},
      {"name": "Shortcuts", "children": [
        {"name": "Dangling shortcut", "target_id": "1DanglingTargetDoesNotExist0000000"}
      ]},
      {"name": "Faulty", "children": [
        {"name": "quota-exceeded.bin", "size": 6000, "faults": {"download_quota_exceeded": true}},
        {"name": "wrong-md5.bin", "size": 7000, "faults": {"wrong_md5": true}}
      ]},
      {"name": "old-trashed.bin", "size": 1234, "trashed": true}
    ]}
  ]
})json";

QString typeName(const QJsonValue &value)
{
    switch (value.type())
    {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"bool"_s;
    case QJsonValue::Double:
        return u"number"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"undefined"_s;
}

/// Every key below `value` with its type: "/totals/done: number", "/files[Faulty/wrong-md5.bin]/reasonCode:
/// string". Array elements are named by their drivePath (the same file in both runs), else by their index.
void flatten(const QJsonValue &value, const QString &path, QStringList *out)
{
    out->append(path + u": "_s + typeName(value));
    if (value.isObject())
    {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            flatten(it.value(), path + u'/' + it.key(), out);
    }
    else if (value.isArray())
    {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
        {
            const QString name = array.at(i).toObject().value(u"drivePath"_s).toString();
            flatten(array.at(i), path + u'[' + (name.isEmpty() ? QString::number(i) : name) + u']', out);
        }
    }
}

QStringList schemaOf(const QJsonObject &report)
{
    QStringList keys;
    flatten(report, QString(), &keys);
    keys.sort();
    return keys;
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// drivePath -> the record's field `key`.
QMap<QString, QString> fieldByPath(const QJsonObject &report, const QString &key)
{
    QMap<QString, QString> fields;
    for (const QJsonValue &record : report.value(u"files"_s).toArray())
        fields.insert(record.toObject().value(u"drivePath"_s).toString(), record.toObject().value(key).toString());
    return fields;
}
} // namespace

class TestReportSchema final : public QObject
{
    Q_OBJECT

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
        for (const QJsonValue &item : m_sandbox->get(u"/_sandbox/tree"_s).json().value(u"items"_s).toArray())
        {
            if (item.toObject().value(u"path"_s).toString() == "Drive Ingest Demo"_L1)
                m_root = item.toObject().value(u"id"_s).toString();
        }
        QVERIFY(!m_root.isEmpty());
    }

    void cliAndAppReportsAreOneSchema()
    {
        // The CLI, as a script runs it.
        const QString cliReport = m_work.filePath(u"cli.json"_s);
        QVERIFY(m_sandbox->reset());
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DRIVE_INGEST_ACCESS_TOKEN"_s, QString::fromLatin1(token));
        cli.setProcessEnvironment(env);
        cli.start(qEnvironmentVariable("DI_CLI"),
                  {u"ingest"_s, m_root, u"--to"_s, m_work.filePath(u"cli-out"_s), u"--sandbox"_s, m_sandbox->baseUrl().toString(),
                   u"--report"_s, cliReport, u"--quiet"_s});
        QVERIFY(cli.waitForFinished(90000));
        QCOMPARE(cli.exitCode(), 1); // the planted faults fail files

        // The app: its runner, its dashboard, what "Save report…" writes.
        QVERIFY(m_sandbox->reset());
        QSettings qsettings(m_work.filePath(u"settings.ini"_s), QSettings::IniFormat);
        AppSettings settings(&qsettings);
        Transfer::EngineHost host;
        EngineRunner runner(&host);
        Dashboard dashboard;
        connect(&runner, &RunController::finished, &dashboard, [&dashboard](const Transfer::Report &report) { dashboard.showReport(report); });
        RunPlan plan;
        plan.account.accountName = u"sandbox"_s;
        plan.account.endpoints = Net::Endpoints::sandbox(m_sandbox->baseUrl());
        plan.account.staticToken = token;
        plan.account.isSandbox = true;
        plan.destination.path = m_work.filePath(u"app-out"_s);
        QVERIFY(QDir().mkpath(plan.destination.path));
        plan.options = settings.runOptions();
        plan.sources = {Drive::DriveRef {m_root, {}, Drive::DriveRef::Kind::Folder}};
        QSignalSpy finished(&runner, &RunController::finished);
        runner.start(plan);
        QVERIFY(finished.wait(90000));
        QVERIFY(dashboard.hasReport());
        const QString appReport = m_work.filePath(u"app.json"_s);
        QCOMPARE(dashboard.saveReportTo(appReport), QString());

        const QJsonObject fromCli = readJson(cliReport);
        const QJsonObject fromApp = readJson(appReport);
        QVERIFY(!fromCli.isEmpty() && !fromApp.isEmpty());
        QCOMPARE(fromApp.value(u"version"_s).toInt(), Transfer::ReportFormat::version);
        QCOMPARE(fromCli.value(u"version"_s).toInt(), Transfer::ReportFormat::version);
        QCOMPARE(fromCli.value(u"tool"_s).toString(), u"drive-ingest-cli"_s);
        QCOMPARE(fromApp.value(u"tool"_s).toString(), ReportWriter::toolName());
        // Every key at every level, with its type, file by file.
        const QStringList cliSchema = schemaOf(fromCli);
        QVERIFY2(cliSchema.size() > 100, qPrintable(cliSchema.join(u'\n')));
        QCOMPARE(schemaOf(fromApp), cliSchema);
        // The same run gets the same answers: the outcome and each file's status and reason code.
        QCOMPARE(fromApp.value(u"outcome"_s).toString(), fromCli.value(u"outcome"_s).toString());
        QCOMPARE(fromApp.value(u"exitCode"_s).toInt(), cli.exitCode());
        QCOMPARE(fieldByPath(fromApp, u"status"_s), fieldByPath(fromCli, u"status"_s));
        QCOMPARE(fieldByPath(fromApp, u"reasonCode"_s), fieldByPath(fromCli, u"reasonCode"_s));
        const QMap<QString, QString> status = fieldByPath(fromCli, u"status"_s);
        QCOMPARE(status.value(u"Drive Ingest Demo/Binary/1KiB.bin"_s), u"done"_s);
        QCOMPARE(status.value(u"Drive Ingest Demo/Faulty/wrong-md5.bin"_s), u"failed"_s);
        QCOMPARE(status.value(u"Drive Ingest Demo/Faulty/quota-exceeded.bin"_s), u"parked"_s);

        // The CSV the app saves has a column for every field of every record.
        const QString appCsv = m_work.filePath(u"app.csv"_s);
        QCOMPARE(dashboard.saveReportTo(appCsv), QString());
        QFile csv(appCsv);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList columns = QString::fromUtf8(csv.readLine()).trimmed().split(u',');
        for (const QJsonValue &record : fromCli.value(u"files"_s).toArray())
        {
            for (const QString &key : record.toObject().keys())
                QVERIFY2(columns.contains(key), qPrintable(key));
        }
    }

private:
    QTemporaryDir m_work;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_root;
};

QTEST_MAIN(TestReportSchema)
#include "tst_reportschema.moc"
