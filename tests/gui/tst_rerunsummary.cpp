// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12 in the app: a job the CLI completed is run again from File → History with the real engine; the run
// reads the changes feed, and the window's status line says what changed since the last run.
#include "historycontroller.h"
#include "journal/reader.h"
#include "journal/store.h"
#include "sandboxapp.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray token = "rerun-summary-static-token-0b7e"_ba;
}

class TestRerunSummary final : public QObject
{
    Q_OBJECT

private slots:
    void runAgainSaysWhatChanged()
    {
        if (qEnvironmentVariableIsEmpty("DI_SANDBOX") || qEnvironmentVariableIsEmpty("DI_CLI"))
            QSKIP("DI_SANDBOX or DI_CLI is not set (run through ctest)");
        QTemporaryDir work;
        auto sandbox = SandboxApp::sandboxWithManifest(
            work, R"({"demo_root": "Job", "my_drive": [{"name": "Job", "children": [{"name": "a.bin", "size": 1000},
                     {"name": "b.bin", "size": 2000}]}]})", token);
        QVERIFY(sandbox);
        QVERIFY2(sandbox->start(), qPrintable(sandbox->errorString()));
        const QString folder = sandbox->idOf(u"Job"_s);
        const QString fileB = sandbox->idOf(u"Job/b.bin"_s);
        QVERIFY(!folder.isEmpty() && !fileB.isEmpty());
        qputenv("XDG_STATE_HOME", work.filePath(u"state"_s).toLocal8Bit());
        const QString out = QDir::cleanPath(work.filePath(u"out"_s));

        // The first run, by the CLI, completed.
        QProcess cli;
        SandboxApp::startCli(cli, {u"ingest"_s, folder, u"--to"_s, out, u"--sandbox"_s, sandbox->baseUrl().toString(),
                                   u"--quiet"_s}, token);
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        // Then Drive changes: one file added, one modified.
        const QJsonArray ops {QJsonObject {{u"op"_s, u"add"_s}, {u"parent"_s, folder}, {u"name"_s, u"c.bin"_s},
                                           {u"size"_s, 300}},
                              QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, fileB}, {u"size"_s, 2100}}};
        QCOMPARE(sandbox->request("POST", u"/_sandbox/mutate"_s, QJsonDocument(ops).toJson(),
                                  {{"Content-Type", "application/json"}})
                     .status,
                 200);

        SandboxApp::Window app(work.filePath(u"settings.ini"_s), sandbox->baseUrl(), token);
        MainWindow &window = app.window();

        Journal::Reader reader;
        QVERIFY(reader.open(Journal::Store::defaultPath()).ok());
        const QList<Journal::JobRow> jobs = reader.jobRows();
        QCOMPARE(jobs.size(), 1);
        reader.close();
        QSignalSpy finished(&app.runner(), &RunController::finished);
        window.history()->runJob(jobs.first());
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY2(window.statusBar()->currentMessage().contains(u"1 new, 1 changed, 0 removed since "_s),
                     qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(QFileInfo(out + u"/Job/c.bin"_s).size(), 300);
        QCOMPARE(QFileInfo(out + u"/Job/b.bin"_s).size(), 2100);
    }
};

QTEST_MAIN(TestRerunSummary)
#include "tst_rerunsummary.moc"
