// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow wiring against a fake RunController (no engine, no sandbox): what the window sends to the
// engine and how it shows what comes back.
#include "appsettings.h"
#include "dashboard.h"
#include "destinationpicker.h"
#include "mainwindow.h"
#include "queuemodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace
{
class FakeRunner final : public RunController
{
public:
    QList<RunPlan> starts;
    QList<QList<Drive::DriveRef>> added;
    QStringList calls;

    void start(const RunPlan &plan) override { starts.append(plan); }
    void addSources(const QList<Drive::DriveRef> &sources) override { added.append(sources); }
    void pause() override { calls << u"pause"_s; }
    void resume() override { calls << u"resume"_s; }
    void cancel() override { calls << u"cancel"_s; }
    void pauseFile(quint64 key) override { calls << u"pauseFile %1"_s.arg(key); }
    void resumeFile(quint64 key) override { calls << u"resumeFile %1"_s.arg(key); }
    void cancelFile(quint64 key) override { calls << u"cancelFile %1"_s.arg(key); }
    void retryFile(quint64 key) override { calls << u"retryFile %1"_s.arg(key); }
    void setParallel(int files) override { calls << u"parallel %1"_s.arg(files); }
    void setBandwidthLimit(qint64 bytesPerSecond) override { calls << u"bandwidth %1"_s.arg(bytesPerSecond); }

    using RunController::finished;
    using RunController::snapshot;
};

Transfer::FileStatus file(quint64 key, const QString &path, Transfer::FileState state)
{
    Transfer::FileStatus f;
    f.key = key;
    f.drivePath = path;
    f.state = state;
    f.bytesTotal = 100;
    f.bytesDone = state == Transfer::FileState::Done ? 100 : 40;
    return f;
}

QAction *action(QWidget *window, const QString &text)
{
    for (QAction *a : window->findChildren<QAction *>())
        if (a->text().remove(u'&') == text)
            return a;
    return nullptr;
}
} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void runFlowThroughTheController();
};

void TestMainWindow::runFlowThroughTheController()
{
    QTemporaryDir dir;
    QSettings qsettings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    AppSettings settings(&qsettings);
    FakeRunner runner;
    MainWindow::Services services;
    services.settings = &settings;
    services.runner = &runner;
    MainWindow window(services);
    QAbstractItemModelTester tester(window.queueModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    AccountSession session;
    session.accountName = u"tester"_s;
    session.staticToken = "not-a-real-token";
    window.setSession(session);

    // Paste two share links from the clipboard.
    QApplication::clipboard()->setText(u"https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz012345/view\n"
                                       "https://drive.google.com/drive/folders/1FoLdErAbCdEfGhIjKlMnOpQrStUv"_s);
    window.pasteLinks();
    QCOMPARE(window.queueModel()->pendingCount(), 2);

    // A destination that cannot work stops the start; a good one is remembered.
    window.destinationPicker()->setChoice({AppSettings::DestinationKind::Volume, u"/not/a/volume"_s});
    window.startRun();
    QVERIFY(runner.starts.isEmpty());
    window.destinationPicker()->setChoice({AppSettings::DestinationKind::LocalFolder, dir.filePath(u"out"_s)});
    window.startRun();
    QCOMPARE(runner.starts.size(), 1);
    QCOMPARE(runner.starts.first().sources.size(), 2);
    QCOMPARE(runner.starts.first().options.parallel, settings.parallel());
    QCOMPARE(settings.destinationPath(), dir.filePath(u"out"_s));
    QVERIFY(window.isRunning());
    QCOMPARE(window.queueModel()->pendingCount(), 0);

    // Snapshots fill the queue and the dashboard, and the title shows progress.
    Transfer::Snapshot s;
    s.running = true;
    s.elapsedMs = 1000;
    s.filesTotal = 2;
    s.bytesTotal = 200;
    s.bytesDone = 140;
    s.rate = 2e6;
    s.limitingFactor = u"network"_s;
    s.files = {file(11, u"a.bin"_s, Transfer::FileState::Transferring), file(12, u"b.bin"_s, Transfer::FileState::Done)};
    emit runner.snapshot(s);
    QCOMPARE(window.queueModel()->rowCount(), 2);
    QVERIFY(window.windowTitle().startsWith(u"70%"_s));
    QCOMPARE(window.dashboard()->chart() != nullptr, true);
    QVERIFY(window.dashboard()->limitingText().contains(u"network"_s));

    // Per-file controls act on the selected rows' engine keys.
    window.queueView()->selectRow(0);
    action(&window, u"Pause file"_s)->trigger();
    action(&window, u"Cancel file"_s)->trigger();
    QCOMPARE(runner.calls, (QStringList {u"pauseFile 11"_s, u"cancelFile 11"_s}));

    // A link dropped during the run goes to the engine at once.
    QMimeData link;
    link.setText(u"https://docs.google.com/document/d/1DocIdAbCdEfGhIjKlMnOpQrStUvWx/edit"_s);
    QVERIFY(window.queueModel()->dropMimeData(&link, Qt::CopyAction, -1, -1, {}));
    QCOMPARE(runner.added.size(), 1);
    QCOMPARE(runner.added.first().first().kind, Drive::DriveRef::Kind::Document);
    QCOMPARE(window.queueModel()->pendingCount(), 0);

    window.pauseAll();
    window.resumeAll();
    QVERIFY(runner.calls.endsWith(u"resume"_s));

    // The end: a report, the run is over.
    Transfer::Report report;
    report.totals = s;
    report.totals.running = false;
    report.totals.finished = true;
    report.files = s.files;
    emit runner.finished(report);
    QVERIFY(!window.isRunning());
    QVERIFY(window.dashboard()->hasReport());
    QCOMPARE(window.windowTitle(), u"Drive Ingest"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
