// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow wiring against a fake RunController (no engine, no sandbox): what the window sends to the
// engine and how it shows what comes back.
#include "appsettings.h"
#include "fakerunner.h"
#include "browsermodel.h"
#include "browsersource.h"
#include "dashboard.h"
#include "destinationpicker.h"
#include "formatting.h"
#include "googlesignin.h"
#include "mainwindow.h"
#include "queuemodel.h"
#include "signinhelp.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QToolBar>
#include <QTreeView>
#include <QMimeData>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace
{
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
    void titleSaysNoRateWhenThereIsNone();
    void unfinishedFilesStayForTheNextRun();
    void savedReportSaysWhatStoppedTheRun();
    void queueColumnsFitTheirText();
    void browserKeepsExpansionWhileFiltering();
    void missingParentFoldersAreCreated();
    void destinationKindKeepsItsOwnText();
    void destinationProblemDoesNotMoveTheToolbar();
    void databricksRunNeedsAChosenWorkspace();
    void signInExplainsTheClientFile();
    void helpShowsTheSignInSteps();
};

namespace
{
/// A window over a fake runner with its own settings file, signed in (a fake session; no network).
struct Harness
{
    QTemporaryDir dir;
    QSettings qsettings {dir.filePath(u"settings.ini"_s), QSettings::IniFormat};
    AppSettings settings {&qsettings};
    FakeRunner runner;
    std::unique_ptr<MainWindow> window;

    explicit Harness(const MainWindow::BrowserFactory &browser = {}, bool sandbox = false)
    {
        MainWindow::Services services;
        services.settings = &settings;
        services.runner = &runner;
        services.browserFactory = browser;
        window = std::make_unique<MainWindow>(services);
        window->show();
        AccountSession session;
        session.accountName = sandbox ? u"sandbox"_s : u"tester"_s;
        session.staticToken = "not-a-real-token";
        session.isSandbox = sandbox;
        if (sandbox)
            session.endpoints.databricksHost = QUrl(u"http://127.0.0.1:9"_s); // nothing listens there
        window->setSession(session);
    }
    void queue(const QString &id, const QString &name, Drive::DriveRef::Kind kind = Drive::DriveRef::Kind::File)
    {
        SourceItem item;
        item.ref.id = id;
        item.ref.kind = kind;
        item.name = name;
        window->addSources({item});
    }
};

/// Answers every listing a moment later from a fixed tree (folder id -> children); "" is My Drive.
class TreeSource final : public BrowserSource
{
public:
    QHash<QString, QList<Drive::DriveFile>> tree;

    void listPage(quint64 ticket, Root root, const QString &folderId, const QString &) override
    {
        const QList<Drive::DriveFile> files = root == Root::MyDrive ? tree.value(folderId) : QList<Drive::DriveFile>();
        QTimer::singleShot(0, this, [this, ticket, files] { emit pageReady(ticket, files, QString()); });
    }
};

Drive::DriveFile driveFile(const QString &id, const QString &name, bool folder)
{
    Drive::DriveFile f;
    f.id = id;
    f.name = name;
    f.mimeType = folder ? QString::fromLatin1(Drive::FolderMime) : u"application/octet-stream"_s;
    f.size = folder ? -1 : 10;
    return f;
}

QToolBar *toolBarOf(QWidget *window, QAction *action)
{
    for (QToolBar *bar : window->findChildren<QToolBar *>())
        if (bar->actions().contains(action))
            return bar;
    return nullptr;
}
} // namespace

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
    s.limitedBy = Transfer::LimitedBy::Network;
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

void TestMainWindow::titleSaysNoRateWhenThereIsNone()
{
    // Issue 15 #20: the title read "19% at – –" while nothing moved.
    Harness h;
    h.queue(u"1AbCdEfGhIjKlMnOpQrStUvWxYz012345"_s, u"a.bin"_s);
    h.window->destinationPicker()->setChoice({AppSettings::DestinationKind::LocalFolder, h.dir.filePath(u"out"_s)});
    h.window->startRun();
    QVERIFY(h.window->isRunning());
    Transfer::Snapshot s;
    s.running = true;
    s.bytesTotal = 100;
    s.bytesDone = 19;
    s.rate = 0;
    emit h.runner.snapshot(s);
    QCOMPARE(h.window->windowTitle(), u"19% – Drive Ingest"_s);
    s.rate = 3 << 20;
    emit h.runner.snapshot(s);
    QCOMPARE(h.window->windowTitle(), u"19% at 3.0 MiB/s – Drive Ingest"_s);
}

void TestMainWindow::unfinishedFilesStayForTheNextRun()
{
    // Issue 15 #21: a new run cleared the queue, so "retry later" files could not be retried. Now unfinished
    // files stay, "Clear finished" removes the rest, and Start takes the sources they came from again.
    Harness h;
    h.queue(u"folderDemo"_s, u"Demo"_s, Drive::DriveRef::Kind::Folder);
    h.queue(u"fileSolo"_s, u"solo.bin"_s);
    h.queue(u"folderOther"_s, u"Other"_s, Drive::DriveRef::Kind::Folder);
    h.window->destinationPicker()->setChoice({AppSettings::DestinationKind::LocalFolder, h.dir.filePath(u"out"_s)});
    h.window->startRun();
    QCOMPARE(h.runner.starts.size(), 1);
    QCOMPARE(h.runner.starts.first().sources.size(), 3);
    Transfer::Report report;
    report.files = {file(1, u"Demo/a.bin"_s, Transfer::FileState::Done), file(2, u"Demo/sub/b.bin"_s, Transfer::FileState::Parked),
                    file(3, u"solo.bin"_s, Transfer::FileState::Failed), file(4, u"Other/c.bin"_s, Transfer::FileState::Done)};
    report.files[0].driveId = u"fa"_s;
    report.files[1].driveId = u"fb"_s;
    report.files[2].driveId = u"fileSolo"_s;
    report.files[3].driveId = u"fc"_s;
    report.totals.files = report.files.toList();
    report.totals.finished = true;
    emit h.runner.finished(report);
    QCOMPARE(h.window->queueModel()->rowCount(), 4);

    QAction *clear = action(h.window.get(), u"Clear finished"_s);
    QVERIFY(clear);
    QVERIFY(clear->isEnabled());
    clear->trigger();
    QCOMPARE(h.window->queueModel()->rowCount(), 2);
    QCOMPARE(h.window->queueModel()->unfinishedCount(), 2);
    QVERIFY(!clear->isEnabled());
    QAction *start = action(h.window.get(), u"Start"_s);
    QVERIFY(start->isEnabled()); // nothing pending, but something to retry

    h.window->startRun();
    QCOMPARE(h.runner.starts.size(), 2);
    QStringList ids;
    for (const Drive::DriveRef &ref : h.runner.starts.at(1).sources)
        ids << ref.id;
    QCOMPARE(ids, (QStringList {u"folderDemo"_s, u"fileSolo"_s}));
    QCOMPARE(h.window->queueModel()->rowCount(), 0); // the new run's snapshots list its files
}

void TestMainWindow::savedReportSaysWhatStoppedTheRun()
{
    // Issue 10 item 5: the app's saved report decides the outcome as the CLI does, from the report AND what
    // ended the run early (a refused sign-in, a failed destination, the user's cancel), not from the report alone.
    Harness h;
    h.queue(u"fileSolo"_s, u"solo.bin"_s);
    h.window->destinationPicker()->setChoice({AppSettings::DestinationKind::LocalFolder, h.dir.filePath(u"out"_s)});
    Transfer::Report report;
    report.files = {file(1, u"solo.bin"_s, Transfer::FileState::Cancelled)};
    report.files[0].driveId = u"fileSolo"_s;
    report.totals.files = report.files.toList();
    report.totals.finished = true;
    const auto outcomeOf = [&h](const QString &name) {
        const QString path = h.dir.filePath(name);
        const QString error = h.window->dashboard()->saveReportTo(path);
        if (!error.isEmpty())
            return error;
        QFile saved(path);
        if (!saved.open(QIODevice::ReadOnly))
            return u"unreadable"_s;
        return QJsonDocument::fromJson(saved.readAll()).object().value(u"outcome"_s).toString();
    };

    h.window->startRun();
    emit h.runner.authRequired(u"you@example.com"_s, u"the token was refused"_s);
    emit h.runner.finished(report);
    QCOMPARE(outcomeOf(u"auth.json"_s), u"auth-failed"_s);

    h.window->startRun(); // a new run forgets the last one's stops
    h.window->cancelAll();
    QCOMPARE(h.runner.calls.last(), u"cancel"_s);
    emit h.runner.finished(report);
    QCOMPARE(outcomeOf(u"cancel.json"_s), u"interrupted"_s);

    h.window->startRun();
    QTimer closeWarning; // the window warns in a modal box: close it as a user would
    closeWarning.setInterval(20);
    connect(&closeWarning, &QTimer::timeout, this, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->close();
    });
    closeWarning.start();
    emit h.runner.runFailed({Net::ErrorClass::Local, 0, u"diskFull"_s, u"No space left on the device"_s});
    closeWarning.stop();
    emit h.runner.finished(report);
    QCOMPARE(outcomeOf(u"disk.json"_s), u"destination-failed"_s);

    h.window->startRun();
    report.files[0].state = Transfer::FileState::Done;
    report.totals.files = report.files.toList();
    emit h.runner.finished(report);
    QCOMPARE(outcomeOf(u"done.json"_s), u"completed"_s);
}

void TestMainWindow::queueColumnsFitTheirText()
{
    // Issue 15 #22: "Waiting to…", "Google fil…", "expor… docx" at the default size.
    Harness h;
    h.queue(u"fileSolo"_s, u"Some folder/with a long name/and a file.bin"_s);
    QTableView *queue = h.window->queueView();
    const QFontMetrics fm = queue->fontMetrics();
    const QModelIndex state = h.window->queueModel()->index(0, QueueModel::StateColumn);
    QCOMPARE(state.data().toString(), u"Waiting to start"_s);
    QVERIFY(queue->columnWidth(QueueModel::StateColumn) > fm.horizontalAdvance(u"Waiting to start"_s));
    for (int state = int(Transfer::FileState::Queued); state <= int(Transfer::FileState::Parked); ++state)
        QVERIFY(queue->columnWidth(QueueModel::StateColumn) > fm.horizontalAdvance(Format::stateText(Transfer::FileState(state))));
    QVERIFY(queue->columnWidth(QueueModel::RateColumn) > fm.horizontalAdvance(Format::rate(999.9 * 1024 * 1024)));
    // Every cell's tooltip has the whole text.
    for (int column = 0; column < QueueModel::ColumnCount; ++column)
    {
        const QModelIndex cell = h.window->queueModel()->index(0, column);
        if (!cell.data().toString().isEmpty())
            QCOMPARE(cell.data(Qt::ToolTipRole).toString(), cell.data().toString());
    }
    Transfer::Snapshot s;
    s.files = {file(7, u"Folder/x.gdoc"_s, Transfer::FileState::Failed)};
    s.files[0].lastError = Net::Error {Net::ErrorClass::Permanent, 403, u"exportSizeLimitExceeded"_s,
                                       u"Google file too large to export in this format"_s, {}};
    h.window->queueModel()->applySnapshot(s);
    const QModelIndex failed = h.window->queueModel()->index(1, QueueModel::StateColumn);
    QVERIFY(failed.data(Qt::ToolTipRole).toString().contains(u"too large to export"_s));
    QCOMPARE(h.window->queueModel()->index(1, QueueModel::ReasonColumn).data(Qt::ToolTipRole).toString(),
             u"Google file too large to export in this format"_s);
    // The browser's Type column fits "exported as docx".
    const QFontMetrics browserFm = h.window->browserView()->fontMetrics();
    const QString docx = Format::exportLabel(u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s);
    QVERIFY2(h.window->browserView()->columnWidth(BrowserModel::TypeColumn) > browserFm.horizontalAdvance(docx), qPrintable(docx));
}

void TestMainWindow::browserKeepsExpansionWhileFiltering()
{
    // Issue 15 #24: typing in the search box collapsed the tree.
    TreeSource *source = nullptr;
    Harness h([&source](const AccountSession &, QObject *parent) -> BrowserSource * {
        source = new TreeSource;
        source->setParent(parent);
        source->tree.insert(QString(), {driveFile(u"alpha"_s, u"Alpha"_s, true), driveFile(u"beta"_s, u"Beta"_s, true)});
        source->tree.insert(u"alpha"_s, {driveFile(u"a1"_s, u"a1.txt"_s, false), driveFile(u"a2"_s, u"a2.txt"_s, false)});
        source->tree.insert(u"beta"_s, {driveFile(u"b1"_s, u"b.txt"_s, false)});
        return source;
    });
    QVERIFY(source);
    QTreeView *view = h.window->browserView();
    QAbstractItemModel *shown = view->model();
    const QModelIndex myDrive = shown->index(0, 0);
    QTRY_COMPARE(shown->rowCount(myDrive), 2);
    const auto alpha = [&] {
        for (int row = 0; row < shown->rowCount(myDrive); ++row)
            if (shown->index(row, 0, myDrive).data().toString() == u"Alpha"_s)
                return shown->index(row, 0, myDrive);
        return QModelIndex();
    };
    view->expand(alpha());
    QTRY_COMPARE(shown->rowCount(alpha()), 2);
    QVERIFY(view->isExpanded(alpha()));

    QTest::keyClicks(h.window->searchField(), u"a1"_s);
    QVERIFY(alpha().isValid());
    QVERIFY(view->isExpanded(alpha()));
    QCOMPARE(shown->rowCount(alpha()), 1);
    // A filter that hides the folder, then none: it comes back as the user left it.
    h.window->searchField()->setText(u"b"_s);
    QVERIFY(!alpha().isValid());
    h.window->searchField()->clear();
    QVERIFY(alpha().isValid());
    QVERIFY(view->isExpanded(myDrive));
    QVERIFY(view->isExpanded(alpha()));
    QCOMPARE(shown->rowCount(alpha()), 2);
    // What the user closes stays closed.
    view->collapse(alpha());
    h.window->searchField()->setText(u"b"_s);
    h.window->searchField()->clear();
    QVERIFY(!view->isExpanded(alpha()));
}

void TestMainWindow::missingParentFoldersAreCreated()
{
    // Issue 15 #24: the app refused a destination whose parent is missing; the CLI (and the engine) make it.
    Harness h;
    h.queue(u"fileSolo"_s, u"solo.bin"_s);
    const QString deep = h.dir.filePath(u"not/there/yet/out"_s);
    h.window->destinationPicker()->setChoice({AppSettings::DestinationKind::LocalFolder, deep});
    h.window->startRun();
    QVERIFY2(h.window->destinationPicker()->problem().isEmpty(), qPrintable(h.window->destinationPicker()->problem()));
    QCOMPARE(h.runner.starts.size(), 1);
    QCOMPARE(h.runner.starts.first().destination.path, deep);
}

void TestMainWindow::destinationKindKeepsItsOwnText()
{
    // Issue 15 #19: choosing "Databricks Volume" kept the local path in the field.
    Harness h;
    DestinationPicker *picker = h.window->destinationPicker();
    const QString local = h.dir.filePath(u"out"_s);
    picker->setChoice({AppSettings::DestinationKind::LocalFolder, local});
    auto *kind = picker->findChild<QComboBox *>(u"destinationKind"_s);
    auto *hint = picker->findChild<QLabel *>(u"destinationHint"_s);
    QVERIFY(kind && hint);
    QVERIFY(hint->isVisible());
    kind->setCurrentIndex(kind->findData(int(AppSettings::DestinationKind::Volume)));
    QCOMPARE(picker->choice().kind, AppSettings::DestinationKind::Volume);
    QCOMPARE(picker->choice().path, QString());
    // The format is said at once, before any Start.
    QVERIFY2(hint->isVisible() && hint->text().contains(u"/Volumes/catalog/schema/volume"_s), qPrintable(hint->text()));
    picker->setChoice({AppSettings::DestinationKind::Volume, u"/Volumes/main/default/landing"_s});
    kind->setCurrentIndex(kind->findData(int(AppSettings::DestinationKind::LocalFolder)));
    QCOMPARE(picker->choice().path, local);
    kind->setCurrentIndex(kind->findData(int(AppSettings::DestinationKind::Volume)));
    QCOMPARE(picker->choice().path, u"/Volumes/main/default/landing"_s);
}

void TestMainWindow::destinationProblemDoesNotMoveTheToolbar()
{
    // Issue 15 #19: the problem line appeared after Start and pushed the toolbar down, under the mouse.
    Harness h;
    h.queue(u"fileSolo"_s, u"solo.bin"_s);
    QVERIFY(QTest::qWaitForWindowExposed(h.window.get()));
    QToolBar *bar = toolBarOf(h.window.get(), action(h.window.get(), u"Start"_s));
    QVERIFY(bar);
    const int before = bar->mapTo(h.window.get(), QPoint(0, 0)).y();
    h.window->destinationPicker()->setChoice({AppSettings::DestinationKind::Volume, u"/not/a/volume"_s});
    h.window->startRun();
    QVERIFY(h.runner.starts.isEmpty());
    QVERIFY(!h.window->destinationPicker()->problem().isEmpty());
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(bar->mapTo(h.window.get(), QPoint(0, 0)).y(), before);
}

void TestMainWindow::databricksRunNeedsAChosenWorkspace()
{
    // Issue 15 #19: with no workspace chosen, a Volume run of the sandbox went to the sandbox's workspace
    // without a word. Now the workspace is shown next to the destination and must be chosen.
    Harness h({}, true);
    h.queue(u"fileSolo"_s, u"solo.bin"_s);
    DestinationPicker *picker = h.window->destinationPicker();
    picker->setChoice({AppSettings::DestinationKind::Volume, u"/Volumes/main/default/landing/x"_s});
    auto *workspace = picker->findChild<QComboBox *>(u"databricksWorkspace"_s);
    QVERIFY(workspace);
    QVERIFY(workspace->isVisible());
    h.window->startRun();
    QVERIFY(!h.window->isCheckingDestination());
    QVERIFY(h.runner.starts.isEmpty());
    QVERIFY2(picker->problem().contains(u"workspace"_s), qPrintable(picker->problem()));

    // The sandbox's workspace is offered; once chosen, it is shown and the check runs against it.
    int sandbox = -1;
    for (int i = 0; i < workspace->count(); ++i)
        if (workspace->itemText(i).contains(u"Sandbox"_s))
            sandbox = i;
    QVERIFY(sandbox >= 0);
    workspace->setCurrentIndex(sandbox);
    emit workspace->activated(sandbox);
    QCOMPARE(h.settings.databricksWorkspace(), u"http://127.0.0.1:9"_s);
    QVERIFY(workspace->currentText().contains(u"127.0.0.1:9"_s));
    if (const QString grabs = qEnvironmentVariable("DI_GUI_GRAB_DIR"); !grabs.isEmpty())
        h.window->grab().save(grabs + u"/volume-workspace.png"_s); // to look at, not compared
    h.window->startRun();
    QVERIFY(h.window->isCheckingDestination());
    // A local folder needs no workspace: the field goes away.
    picker->setChoice({AppSettings::DestinationKind::LocalFolder, h.dir.filePath(u"out"_s)});
    QVERIFY(!workspace->isVisible());
}

void TestMainWindow::signInExplainsTheClientFile()
{
    // Issue 15 #15: "Sign in with Google" opened a bare file picker. Now a dialog says what the file is and
    // how to make it first; cancelling it asks for no file.
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
    QTemporaryDir dir;
    QSettings qsettings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    AppSettings settings(&qsettings);
    QNetworkAccessManager nam;
    GoogleSignIn::Options options;
    options.nam = &nam;
    options.settings = &settings;
    QWidget parent;
    parent.show();
    QStringList seen;
    QString text;
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, this, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        seen << QString::fromLatin1(modal->metaObject()->className()) + u':' + modal->objectName();
        if (auto *box = qobject_cast<QMessageBox *>(modal))
        {
            text = box->text() + box->informativeText();
            box->button(QMessageBox::Cancel)->click();
        }
        else if (auto *dialog = qobject_cast<QDialog *>(modal))
        {
            dialog->reject();
        }
    });
    poll.start();
    bool called = false;
    AccountSession session;
    GoogleSignIn::make(options)(&parent, [&](const AccountSession &s, const QString &) {
        called = true;
        session = s;
    });
    QTRY_VERIFY(called);
    QVERIFY(!session.isValid());
    QCOMPARE(seen, (QStringList {u"QMessageBox:clientFileHelp"_s}));
    QVERIFY2(text.contains(u"client_secret"_s) && text.contains(u"Desktop app"_s), qPrintable(text));
    QVERIFY(text.contains(u"https://console.cloud.google.com/"_s));
    QVERIFY(text.contains(SignInHelp::readmeUrl().toString()));
}

void TestMainWindow::helpShowsTheSignInSteps()
{
    Harness h;
    QAction *steps = action(h.window.get(), u"Setting up Google sign-in…"_s);
    QVERIFY(steps);
    steps->trigger();
    auto *box = h.window->findChild<QMessageBox *>(u"signInSteps"_s);
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->informativeText().contains(u"Desktop app"_s));
    QVERIFY(box->informativeText().contains(u"drive.readonly"_s));
    box->close();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
