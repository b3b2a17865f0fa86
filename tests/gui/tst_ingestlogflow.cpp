// SPDX-License-Identifier: GPL-3.0-or-later
// The app's ingest log (issue 13): the two settings with their checks, the report's panel (log outcome, load
// snippet, copy button), and IngestLogFlow writing a finished run's rows into the real sandbox's table through the
// chosen workspace — or saying why not — while the run itself stays as it ended.
#include "appsettings.h"
#include "databrickstarget.h"
#include "databricksworkspaces.h"
#include "destinationpicker.h"
#include "fakerunner.h"
#include "ingestlogflow.h"
#include "ingestlogpanel.h"
#include "queuemodel.h"
#include "sandboxprocess.h"
#include "settingsdialog.h"
#include "sourceitem.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestIngestLogFlow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void settingsKeepTheLogTarget();
    void panelCopiesTheSnippet();
    void logWrittenAfterARun();
    void wrongWarehouseIsSaid();

private:
    SandboxProcess m_sandbox;
    QString m_warehouse;
};

namespace
{
struct Harness
{
    QTemporaryDir dir;
    QSettings qsettings {dir.filePath(u"settings.ini"_s), QSettings::IniFormat};
    AppSettings settings {&qsettings};
    QNetworkAccessManager nam;
    DatabricksWorkspaces workspaces {&nam, nullptr, nullptr};
    DatabricksTarget databricks {&workspaces, &settings};
    QueueModel queue;
    DestinationPicker destination {&settings};
    FakeRunner runner;
    RunFlow flow {{&runner, &settings, &queue, &destination, &databricks}};
    IngestLogPanel panel;
    IngestLogFlow logFlow {{&runner, &flow, &settings, &destination, &databricks, &nam, &panel}};
    AccountSession session;

    explicit Harness(const QUrl &sandbox)
    {
        session.accountName = u"sandbox"_s;
        session.staticToken = "not-used";
        session.endpoints = Net::Endpoints::sandbox(sandbox);
        session.isSandbox = true;
        databricks.setSession(session);
        databricks.choose(Auth::DatabricksCredentials::normaliseHost(sandbox.toString()));
    }
    /// Starts a (fake) run into `volume` and ends it with a report of two files.
    Transfer::Report run(const QString &volume)
    {
        SourceItem item;
        item.ref.id = u"1AbCdEfGhIjKlMnOpQrStUvWxYz012345"_s;
        item.ref.kind = Drive::DriveRef::Kind::File;
        item.name = u"a.csv"_s;
        queue.addPending({item});
        destination.setChoice({AppSettings::DestinationKind::Volume, volume});
        flow.start(session);
        [&] { QTRY_COMPARE(runner.starts.size(), 1); }();
        Transfer::Report report;
        report.destination = volume;
        report.startedAt = QDateTime::currentDateTimeUtc();
        report.finishedAt = report.startedAt.addSecs(3);
        for (int i = 0; i < 2; ++i)
        {
            Transfer::FileStatus file;
            file.driveId = u"id%1"_s.arg(i);
            file.drivePath = u"Folder/f%1.csv"_s.arg(i);
            file.destinationPath = u"volume:"_s + volume + u"/Folder/f%1.csv"_s.arg(i);
            file.state = Transfer::FileState::Done;
            file.bytesDone = 10 + i;
            file.hash = u"sha256:ab%1"_s.arg(i);
            report.files.append(file);
        }
        emit runner.finished(report);
        return report;
    }
};
} // namespace

void TestIngestLogFlow::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    const auto warehouses = m_sandbox.get(u"/api/2.0/sql/warehouses"_s, {{"Authorization", "Bearer dapi-sandbox-token"}});
    m_warehouse = warehouses.json().value(u"warehouses"_s).toArray().first().toObject().value(u"id"_s).toString();
    QVERIFY(!m_warehouse.isEmpty());
}

void TestIngestLogFlow::settingsKeepTheLogTarget()
{
    QTemporaryDir dir;
    QSettings qsettings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    AppSettings settings(&qsettings);
    SettingsDialog dialog(&settings);
    auto *table = dialog.findChild<QLineEdit *>(u"logTable"_s);
    auto *warehouse = dialog.findChild<QLineEdit *>(u"warehouse"_s);
    auto *problem = dialog.findChild<QLabel *>(u"logProblem"_s);
    QVERIFY(table && warehouse && problem);
    dialog.show();

    // Not a three-part name: said in the dialog, nothing kept.
    table->setText(u"schema.table"_s);
    warehouse->setText(u"w1"_s);
    dialog.accept();
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(u"CATALOG.SCHEMA.TABLE"_s));
    QVERIFY(!settings.ingestLog().isSet());
    // A table without a warehouse: the same.
    table->setText(u"c.s.t"_s);
    warehouse->clear();
    dialog.accept();
    QVERIFY(problem->isVisible());
    QVERIFY(!settings.ingestLog().isSet());

    table->setText(u" c.s.t "_s);
    warehouse->setText(u"w1"_s);
    dialog.accept();
    QVERIFY(!problem->isVisible());
    QCOMPARE(settings.ingestLog().table, u"c.s.t"_s);
    QCOMPARE(settings.ingestLog().warehouseId, u"w1"_s);
    SettingsDialog again(&settings);
    QCOMPARE(again.findChild<QLineEdit *>(u"logTable"_s)->text(), u"c.s.t"_s);
    QCOMPARE(again.findChild<QLineEdit *>(u"warehouse"_s)->text(), u"w1"_s);
}

void TestIngestLogFlow::panelCopiesTheSnippet()
{
    IngestLogPanel panel;
    panel.show();
    QVERIFY(!panel.copyButton()->isVisible());
    panel.setSnippet(Transfer::LoadSnippet::forRun(u"/Volumes/c/s/v/run"_s, {}));
    QVERIFY(panel.copyButton()->isVisible());
    QVERIFY(panel.snippetText().contains(u"COPY INTO `c`.`s`.`v_files`"_s));
    QVERIFY(panel.snippetText().contains(u"read_files('/Volumes/c/s/v/run'"_s));
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(panel.copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), panel.snippetText());
    panel.clear();
    QVERIFY(!panel.copyButton()->isVisible());
}

void TestIngestLogFlow::logWrittenAfterARun()
{
    QVERIFY(m_sandbox.reset());
    Harness h(m_sandbox.baseUrl());
    h.settings.setIngestLog({u"c.s.gui"_s, m_warehouse});
    h.panel.show();
    QSignalSpy logged(&h.logFlow, &IngestLogFlow::logFinished);
    const Transfer::Report report = h.run(u"/Volumes/main/default/landing/gui"_s);
    QTRY_COMPARE_WITH_TIMEOUT(logged.count(), 1, 20000);
    const auto outcome = logged.first().first().value<Transfer::IngestLogOutcome>();
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(h.panel.logText(), u"Ingest log: 2 rows written to c.s.gui"_s);
    const QJsonObject table = m_sandbox.get(u"/_sandbox/sql?table=c.s.gui"_s).json();
    const QJsonArray rows = table.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 2);
    const qsizetype driveId = table.value(u"columns"_s).toArray().toVariantList().indexOf(u"drive_id"_s);
    QCOMPARE(rows.at(1).toArray().at(driveId).toString(), report.files.at(1).driveId);
    // The load snippet for the Volume folder, with its copy button.
    QVERIFY(h.panel.snippetText().contains(u"FROM '/Volumes/main/default/landing/gui'"_s));
    QVERIFY(h.panel.copyButton()->isVisible());
    // The run was not re-run or changed by the log.
    QCOMPARE(h.runner.starts.size(), 1);
    QVERIFY(!h.flow.isRunning());
}

void TestIngestLogFlow::wrongWarehouseIsSaid()
{
    QVERIFY(m_sandbox.reset());
    Harness h(m_sandbox.baseUrl());
    h.settings.setIngestLog({u"c.s.gui"_s, u"0000000000000000"_s});
    QSignalSpy logged(&h.logFlow, &IngestLogFlow::logFinished);
    h.run(u"/Volumes/main/default/landing/gui"_s);
    QTRY_COMPARE_WITH_TIMEOUT(logged.count(), 1, 20000);
    QVERIFY(h.panel.logText().startsWith(u"Ingest log failed: "_s));
    QVERIFY(h.panel.logText().contains(u"0000000000000000"_s));
    QCOMPARE(m_sandbox.get(u"/_sandbox/sql?table=c.s.gui"_s).status, 404);
    QVERIFY(h.panel.snippetText().contains(u"COPY INTO"_s)); // the files landed all the same
}

QTEST_MAIN(TestIngestLogFlow)
#include "tst_ingestlogflow.moc"
