// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's whole flow against the real sandbox process, on real widgets (offscreen):
// sign in, browse, drag from the browser onto the queue, drop a share link on the window, drop a local
// folder on the destination, run, watch progress and the chart, pause and resume, a failure with its
// reason, the report.
#include "appsettings.h"
#include "browsermodel.h"
#include "dashboard.h"
#include "destinationpicker.h"
#include "drivebrowsersource.h"
#include "enginerunner.h"
#include "firstrunpage.h"
#include "mainwindow.h"
#include "queuemodel.h"
#include "sandboxlauncher.h"
#include "throughputchart.h"
#include "transfer/enginehost.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestGuiSandbox final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wholeFlow();

private:
    QModelIndex waitForChild(BrowserModel *model, const QModelIndex &parent, const QString &name);
    static void drop(QWidget *target, QMimeData *mime);
};

void TestGuiSandbox::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DI_SANDBOX"))
        QSKIP("DI_SANDBOX is not set (run through ctest)");
}

QModelIndex TestGuiSandbox::waitForChild(BrowserModel *model, const QModelIndex &parent, const QString &name)
{
    QModelIndex found;
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT((model->canFetchMore(parent) && (model->fetchMore(parent), false))
                                     || (found = model->findChild(parent, name)).isValid(),
                                 15000);
    }();
    return found;
}

void TestGuiSandbox::drop(QWidget *target, QMimeData *mime)
{
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    QVERIFY(dropEvent.isAccepted());
}

void TestGuiSandbox::wholeFlow()
{
    QTemporaryDir dir;
    QSettings qsettings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    AppSettings settings(&qsettings);
    settings.setParallel(2);

    Transfer::EngineHost host;
    EngineRunner runner(&host);
    QNetworkAccessManager nam;
    MainWindow::Services services;
    services.settings = &settings;
    services.runner = &runner;
    services.browserFactory = [&nam](const AccountSession &session, QObject *parent) -> BrowserSource * {
        return new DriveBrowserSource(&nam, session, parent);
    };
    MainWindow window(services);
    QAbstractItemModelTester queueTester(window.queueModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester browserTester(window.browserModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Sign in: the first-run page's sandbox button. A per-connection cap keeps the run long enough to watch.
    window.sandboxLauncher()->setExtraArguments({u"--bandwidth"_s, u"3000000"_s});
    QTest::mouseClick(window.firstRunPage()->sandboxButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.session().isValid(), 20000);
    // Its token went through a file: any local user can read a process's argv (/proc/<pid>/cmdline).
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(window.sandboxLauncher()->processId()));
    if (cmdline.open(QIODevice::ReadOnly))
    {
        const QByteArray argv = cmdline.readAll();
        QVERIFY(argv.contains("--static-token-file"));
        QVERIFY(!window.session().staticToken.isEmpty());
        QVERIFY(!argv.contains(window.session().staticToken));
    }

    // Browse into the demo folder and its sub-folders.
    BrowserModel *browser = window.browserModel();
    const QModelIndex myDrive = browser->index(0, 0);
    const QModelIndex demo = waitForChild(browser, myDrive, u"Drive Ingest Demo"_s);
    QVERIFY(demo.isValid());
    const QModelIndex binary = waitForChild(browser, demo, u"Binary"_s);
    const QModelIndex faulty = waitForChild(browser, demo, u"Faulty"_s);
    const QModelIndex tenMiB = waitForChild(browser, binary, u"10MiB.bin"_s);
    const QModelIndex oddSize = waitForChild(browser, binary, u"odd-1000003.bin"_s);
    const QModelIndex abusive = waitForChild(browser, faulty, u"abusive.bin"_s);
    QVERIFY(tenMiB.isValid() && oddSize.isValid() && abusive.isValid());

    // Drag two items from the browser onto the queue.
    std::unique_ptr<QMimeData> dragged(browser->mimeData({tenMiB, abusive}));
    QVERIFY(window.queueModel()->dropMimeData(dragged.get(), Qt::CopyAction, -1, -1, {}));
    QCOMPARE(window.queueModel()->pendingCount(), 2);

    // Drop a share link (as a web browser drags it) anywhere on the window.
    QMimeData link;
    link.setUrls({QUrl(u"https://drive.google.com/file/d/"_s + oddSize.data(BrowserModel::IdRole).toString() + u"/view?usp=sharing"_s)});
    drop(&window, &link);
    QCOMPARE(window.queueModel()->pendingCount(), 3);

    // Drop a local folder on the destination field to choose it.
    const QString out = dir.filePath(u"out"_s);
    QVERIFY(QDir().mkpath(out));
    QMimeData folder;
    folder.setUrls({QUrl::fromLocalFile(out)});
    drop(window.destinationPicker(), &folder);
    QCOMPARE(window.destinationPicker()->choice().path, out);

    // Run: progress in the queue, samples in the chart.
    QSignalSpy finished(&runner, &RunController::finished);
    window.startRun();
    QVERIFY(window.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(window.queueModel()->rowCount() >= 3, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(window.dashboard()->chart()->sampleCount() >= 2, 15000);
    const int tenRow = [&] {
        for (int r = 0; r < window.queueModel()->rowCount(); ++r)
            if (window.queueModel()->index(r, 0).data().toString().endsWith(u"10MiB.bin"_s))
                return r;
        return -1;
    }();
    QVERIFY(tenRow >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(window.queueModel()->index(tenRow, 0).data(QueueModel::BytesDoneRole).toLongLong() > 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(window.windowTitle().contains(u'%'), 5000); // set by the next snapshot of the running engine

    // Pause and resume the whole run.
    window.pauseAll();
    QTRY_VERIFY_WITH_TIMEOUT(window.isPaused() && window.dashboard()->limitingText() == u"Paused"_s, 10000);
    window.resumeAll();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isPaused(), 10000);

    // The end: a failure with its reason, the report.
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    QVERIFY(!window.isRunning());
    QVERIFY(window.dashboard()->hasReport());
    const Transfer::Report report = window.dashboard()->report();
    int done = 0;
    bool failedWithReason = false;
    for (const Transfer::FileStatus &f : report.files)
    {
        if (f.state == Transfer::FileState::Done)
            ++done;
        if (f.drivePath.endsWith(u"abusive.bin"_s) && f.state == Transfer::FileState::Failed && !f.lastError.message.isEmpty())
            failedWithReason = true;
    }
    QCOMPARE(done, 2);
    QVERIFY(failedWithReason);
    bool reasonShown = false;
    for (int r = 0; r < window.queueModel()->rowCount(); ++r)
        if (!window.queueModel()->index(r, QueueModel::ReasonColumn).data().toString().isEmpty())
            reasonShown = true;
    QVERIFY(reasonShown);
    QCOMPARE(QFileInfo(out + u"/10MiB.bin"_s).size(), 10485760);
    window.signOut();
}

QTEST_MAIN(TestGuiSandbox)
#include "tst_guisandbox.moc"
