// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appsettings.h"
#include "browsermodel.h"
#include "browserpanel.h"
#include "catalogpicker.h"
#include "dashboard.h"
#include "databricksdialog.h"
#include "databrickstarget.h"
#include "databricksworkspaces.h"
#include "destinationpicker.h"
#include "firstrunpage.h"
#include "formatting.h"
#include "historycontroller.h"
#include "icons.h"
#include "ingestlogflow.h"
#include "notifier.h"
#include "queuefilterbar.h"
#include "queuemodel.h"
#include "queuetable.h"
#include "sandboxlauncher.h"
#include "settingsdialog.h"
#include "signinhelp.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialog>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace
{
/// The first window: most of the screen (the queue's paths and every column header need room), within bounds.
QSize defaultWindowSize(const QWidget *window)
{
    const QScreen *screen = window->screen();
    const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1280, 800);
    const int width = std::min(std::max(available.width() * 95 / 100, 1100), 1680);
    const int height = std::min(std::max(available.height() * 95 / 100, 720), 1050);
    return QSize(std::min(width, available.width()), std::min(height, available.height()));
}
} // namespace

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_queue(new QueueModel(this))
    , m_browser(new BrowserModel(this))
{
    m_nam = m_services.nam ? m_services.nam : new QNetworkAccessManager(this);
    m_workspaces = new DatabricksWorkspaces(m_nam, m_services.tokenStore, m_services.accounts, this);
    m_databricks = new DatabricksTarget(m_workspaces, m_services.settings, this);
    m_accounts = new AccountController({m_services.settings, m_services.googleSignIn, m_nam, m_services.tokenStore,
                                        m_services.accounts, [this] { return isRunning() || isCheckingDestination(); }},
                                       this);
    setObjectName(u"mainWindow"_s);
    setWindowIcon(Icons::get(u"drive-ingest"_s));
    setAcceptDrops(true);
    m_browser->setExportFormats(m_services.settings->exportFormats());

    buildActions();
    m_pages = new QStackedWidget(this);
    m_firstRun = new FirstRunPage(m_pages);
    m_pages->addWidget(m_firstRun);
    m_pages->addWidget(buildWorkspace());
    setCentralWidget(m_pages);
    m_run = new RunFlow({m_services.runner, m_services.settings, m_queue, m_destination, m_databricks}, this);
    new IngestLogFlow({m_services.runner, m_run, m_services.settings, m_destination, m_databricks, m_nam, m_dashboard->logPanel()}, this);
    m_history = new HistoryController({this, m_accounts, m_run}, this);
    buildMenus();

    m_accountLabel = new QLabel(this);
    m_limitLabel = new QLabel(this);
    statusBar()->addWidget(m_accountLabel);
    statusBar()->addPermanentWidget(m_limitLabel);
    m_notifier = new Notifier(this);

    connect(m_firstRun, &FirstRunPage::trySandbox, m_accounts, &AccountController::trySandbox);
    connect(m_firstRun, &FirstRunPage::signInWithGoogle, m_accounts, &AccountController::signInWithGoogle);
    connect(m_accounts, &AccountController::busyChanged, m_firstRun, &FirstRunPage::setBusy);
    connect(m_accounts, &AccountController::sessionChanged, this, &MainWindow::showSession);
    connect(m_accounts, &AccountController::signingOut, m_run, &RunFlow::cancel);
    connect(m_accounts, &AccountController::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_accounts, &AccountController::warning, this,
            [this](const QString &title, const QString &message) { QMessageBox::warning(this, title, message); });
    connect(m_accounts, &AccountController::information, this,
            [this](const QString &title, const QString &message) { QMessageBox::information(this, title, message); });

    connect(m_queue, &QueueModel::pendingAdded, this, [this](const QList<SourceItem> &items) {
        if (!m_run->addToRun(items))
            updateActions();
    });
    connect(m_browser, &BrowserModel::loadFailed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Drive listing failed: %1").arg(message), 10000); });

    connect(m_run, &RunFlow::changed, this, &MainWindow::updateActions);
    connect(m_run, &RunFlow::launching, m_dashboard, &Dashboard::reset);
    connect(m_run, &RunFlow::launching, this, [this] { m_stops = {}; });
    connect(m_run, &RunFlow::message, this, [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    RunController *runner = m_services.runner;
    connect(runner, &RunController::snapshot, this, &MainWindow::onSnapshot);
    connect(runner, &RunController::finished, this, &MainWindow::onFinished);
    connect(runner, &RunController::authRequired, this, &MainWindow::onAuthRequired);
    connect(runner, &RunController::runFailed, this, &MainWindow::onRunFailed);

    resize(defaultWindowSize(this));
    // The browser gets under a third, the queue (paths, states, reasons) the rest.
    if (auto *splitter = qobject_cast<QSplitter *>(m_pages->widget(1)))
        splitter->setSizes({width() * 30 / 100, width() * 70 / 100});
    setWindowTitle(Format::windowTitle(nullptr));
    updateActions();
}

MainWindow::~MainWindow() = default;

QTreeView *MainWindow::browserView() const
{
    return m_browserPanel->view();
}

QLineEdit *MainWindow::searchField() const
{
    return m_browserPanel->searchField();
}

void MainWindow::buildActions()
{
    auto make = [this](const QString &text, QStyle::StandardPixmap icon, void (MainWindow::*slot)()) {
        auto *action = new QAction(style()->standardIcon(icon), text, this);
        if (slot)
            connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_start = make(tr("&Start"), QStyle::SP_MediaPlay, &MainWindow::startRun);
    m_pause = make(tr("&Pause all"), QStyle::SP_MediaPause, &MainWindow::pauseAll);
    m_resume = make(tr("&Resume all"), QStyle::SP_MediaSeekForward, &MainWindow::resumeAll);
    m_cancel = make(tr("&Cancel all"), QStyle::SP_MediaStop, &MainWindow::cancelAll);
    m_paste = make(tr("Paste &links"), QStyle::SP_DialogOpenButton, &MainWindow::pasteLinks);
    m_paste->setShortcut(QKeySequence::Paste);
    m_pauseFile = make(tr("Pause file"), QStyle::SP_MediaPause, nullptr);
    m_resumeFile = make(tr("Resume file"), QStyle::SP_MediaPlay, nullptr);
    m_cancelFile = make(tr("Cancel file"), QStyle::SP_DialogCancelButton, nullptr);
    m_retryFile = make(tr("Retry file"), QStyle::SP_BrowserReload, nullptr);
    m_removeFile = make(tr("Remove from queue"), QStyle::SP_TrashIcon, nullptr);
    m_moveUp = make(tr("Move up"), QStyle::SP_ArrowUp, nullptr);
    m_moveDown = make(tr("Move down"), QStyle::SP_ArrowDown, nullptr);
    m_addSelected = make(tr("Add to queue"), QStyle::SP_ArrowRight, nullptr);
    m_clearFinished = make(tr("Clear finished"), QStyle::SP_DialogResetButton, nullptr);
    m_clearFinished->setToolTip(tr("Removes the files done or skipped; failed, cancelled and “retry later” files stay "
                                   "and are tried again by the next Start."));
    connect(m_clearFinished, &QAction::triggered, this, [this] {
        m_queue->clearFinished();
        updateActions();
    });
    connect(m_pauseFile, &QAction::triggered, this, [this] { forSelectedFiles(&RunController::pauseFile); });
    connect(m_resumeFile, &QAction::triggered, this, [this] { forSelectedFiles(&RunController::resumeFile); });
    connect(m_cancelFile, &QAction::triggered, this, [this] { forSelectedFiles(&RunController::cancelFile); });
    connect(m_retryFile, &QAction::triggered, this, [this] { forSelectedFiles(&RunController::retryFile); });
    connect(m_moveUp, &QAction::triggered, this, [this] { m_queueView->moveSelected(-1); });
    connect(m_moveDown, &QAction::triggered, this, [this] { m_queueView->moveSelected(+1); });
    connect(m_removeFile, &QAction::triggered, this, [this] {
        m_queueView->removeSelectedPending();
        updateActions();
    });
    connect(m_addSelected, &QAction::triggered, this, [this] { addSources(m_browser->sourceItems(m_browserPanel->selectedItems())); });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    file->addAction(tr("Save &report…"), m_dashboard, &Dashboard::saveReport);
    file->addAction(tr("&History…"), m_history, &HistoryController::showHistory);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_accountsMenu = menuBar()->addMenu(tr("&Accounts"));
    // Rebuilt each time it opens: the CLI may have added or removed accounts meanwhile.
    connect(m_accountsMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildAccountsMenu);
    rebuildAccountsMenu();

    QMenu *queue = menuBar()->addMenu(tr("&Queue"));
    for (QAction *a : {m_start, m_pause, m_resume, m_cancel})
        queue->addAction(a);
    queue->addSeparator();
    queue->addAction(m_paste);
    queue->addSeparator();
    for (QAction *a : {m_pauseFile, m_resumeFile, m_cancelFile, m_retryFile, m_removeFile, m_moveUp, m_moveDown})
        queue->addAction(a);
    queue->addSeparator();
    queue->addAction(m_clearFinished);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Setting up &Google sign-in…"), this, [this] { SignInHelp::showSteps(this); });
    help->addAction(tr("&About Drive Ingest"), this, [this] {
        QMessageBox::about(this, tr("About Drive Ingest"),
                           tr("Drive Ingest %1\nStreams Google Drive files into Databricks or a local folder.\n"
                              "License: GPL-3.0-or-later")
                               .arg(QStringLiteral(DI_VERSION)));
    });
}

QWidget *MainWindow::buildWorkspace()
{
    auto *splitter = new QSplitter(Qt::Horizontal);

    // Left: the Drive browser.
    m_browserPanel = new BrowserPanel(m_browser, m_addSelected, splitter);
    connect(m_browserPanel, &BrowserPanel::fileActivated, this,
            [this](const QModelIndex &item) { addSources(m_browser->sourceItems({item})); });

    // Right: destination, run controls, queue and dashboard.
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_destination = new DestinationPicker(m_services.settings, right);
    rightLayout->addWidget(m_destination);
    // The workspace a Databricks run writes to is shown and chosen next to the destination.
    const auto showWorkspaces = [this] { m_destination->setWorkspaces(m_databricks->options(), m_databricks->chosen()); };
    connect(m_databricks, &DatabricksTarget::changed, m_destination, showWorkspaces);
    connect(m_destination, &DestinationPicker::workspaceChosen, m_databricks, &DatabricksTarget::choose);
    connect(m_destination, &DestinationPicker::catalogRequested, this, [this] { CatalogPicker::openFor(m_databricks, m_nam, m_destination); });
    showWorkspaces();
    auto *bar = new QToolBar(right);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction *a : {m_start, m_pause, m_resume, m_cancel, m_paste})
        bar->addAction(a);
    rightLayout->addWidget(bar);

    m_tabs = new QTabWidget(right);
    m_queueView = new QueueTable(m_queue, m_tabs);
    m_queueView->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction *a : {m_pauseFile, m_resumeFile, m_cancelFile, m_retryFile, m_removeFile, m_moveUp, m_moveDown})
        m_queueView->addAction(a);
    connect(m_queueView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    auto *queuePage = new QWidget(m_tabs);
    auto *queueLayout = new QVBoxLayout(queuePage);
    auto *fileBar = new QToolBar(queuePage);
    fileBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    for (QAction *a : {m_pauseFile, m_resumeFile, m_cancelFile, m_retryFile, m_removeFile, m_moveUp, m_moveDown})
        fileBar->addAction(a);
    fileBar->addSeparator();
    auto *clearFinished = new QToolButton(fileBar);
    clearFinished->setDefaultAction(m_clearFinished);
    clearFinished->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    fileBar->addWidget(clearFinished);
    queueLayout->addWidget(fileBar);
    queueLayout->addWidget(new QueueFilterBar(m_queue, queuePage));
    queueLayout->addWidget(m_queueView);
    m_tabs->addTab(queuePage, tr("Queue"));
    m_dashboard = new Dashboard(m_tabs);
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    rightLayout->addWidget(m_tabs, 1);

    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    return splitter;
}

void MainWindow::showSession(const AccountSession &session)
{
    m_databricks->setSession(session);
    if (m_browserSource)
        m_browserSource->deleteLater();
    m_browserSource = (session.isValid() && m_services.browserFactory) ? m_services.browserFactory(session, this) : nullptr;
    m_browser->setSource(m_browserSource);
    m_pages->setCurrentIndex(session.isValid() ? 1 : 0);
    m_accountLabel->setText(session.isValid() ? tr("Signed in: %1").arg(session.accountName) : QString());
    if (session.isValid() && m_destination->choice().path.isEmpty() && session.isSandbox)
    {
        // A newcomer trying the sandbox gets a ready destination in the home folder.
        m_destination->setChoice({AppSettings::DestinationKind::LocalFolder,
                                  QDir::homePath() + u"/Drive Ingest sandbox"_s});
    }
    // Show the roots' first level right away.
    if (session.isValid())
        m_browserPanel->showFirstRoot();
    updateActions();
}

void MainWindow::rebuildAccountsMenu()
{
    m_accounts->fillMenu(m_accountsMenu);
    m_accountsMenu->addSeparator();
    m_accountsMenu->addAction(tr("&Databricks workspaces…"), this, &MainWindow::showDatabricksWorkspaces);
}

void MainWindow::showDatabricksWorkspaces()
{
    auto *dialog = new DatabricksDialog(m_workspaces, m_services.settings->databricksWorkspace(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DatabricksDialog::workspaceChosen, m_databricks, &DatabricksTarget::choose);
    dialog->open();
}

void MainWindow::searchDrive()
{
    m_browserPanel->searchDrive();
}

void MainWindow::addSources(const QList<SourceItem> &items)
{
    if (items.isEmpty())
        return;
    m_queue->addPending(items);
    m_tabs->setCurrentIndex(0);
}

void MainWindow::pasteLinks()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    const QList<SourceItem> items = SourceItems::fromMimeData(mime);
    if (items.isEmpty())
        statusBar()->showMessage(tr("The clipboard holds no Google Drive link."), 5000);
    addSources(items);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_services.settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_browser->setExportFormats(m_services.settings->exportFormats());
    applyLiveSettings();
}

void MainWindow::onSnapshot(const Transfer::Snapshot &snapshot)
{
    m_queue->applySnapshot(snapshot);
    m_dashboard->applySnapshot(snapshot);
    m_limitLabel->setText(snapshot.running ? m_dashboard->limitingText() : QString());
    setWindowTitle(Format::windowTitle(&snapshot));
    updateActions();
}

void MainWindow::onFinished(const Transfer::Report &report)
{
    m_queue->applySnapshot(report.totals);
    m_dashboard->showReport(report, m_stops);
    m_limitLabel->clear();
    setWindowTitle(Format::windowTitle(nullptr));
    updateActions();
    const Transfer::Snapshot &t = report.totals;
    m_notifier->notify(tr("Ingest finished"), tr("%1 files done, %2 skipped, %3 failed, %4 to retry later.")
                                                  .arg(t.filesDone)
                                                  .arg(t.filesSkipped)
                                                  .arg(t.filesFailed)
                                                  .arg(t.filesParked)
                                                  + (m_run->lastNotice().isEmpty() ? QString() : u' ' + m_run->lastNotice()));
}

void MainWindow::cancelAll()
{
    m_stops.interruption = tr("cancelled in the app");
    m_run->cancel();
}

void MainWindow::onAuthRequired(const QString &account, const QString &reason)
{
    m_stops.authFailure = tr("%1: %2").arg(account, reason);
    m_notifier->notify(tr("Sign-in needed"), tr("%1: %2").arg(account, reason));
    statusBar()->showMessage(tr("Sign in again to continue: %1").arg(reason));
}

void MainWindow::onRunFailed(const Net::Error &error)
{
    m_stops.localFailure = error;
    updateActions();
    setWindowTitle(Format::windowTitle(nullptr));
    m_notifier->notify(tr("Ingest stopped"), error.message);
    QMessageBox::warning(this, tr("Ingest stopped"), error.message.isEmpty() ? error.reason : error.message);
}

void MainWindow::forSelectedFiles(void (RunController::*action)(quint64))
{
    for (const quint64 key : m_queueView->selectedKeys())
        (m_services.runner->*action)(key);
}

void MainWindow::updateActions()
{
    const bool signedIn = session().isValid();
    const bool running = m_run->isRunning();
    m_start->setEnabled(signedIn && !running && !m_run->isChecking() && m_queue->hasWork());
    m_clearFinished->setEnabled(m_queue->finishedCount() > 0);
    m_pause->setEnabled(running && !m_run->isPaused());
    m_resume->setEnabled(running && m_run->isPaused());
    m_cancel->setEnabled(running);
    const QueueTable::Selection selected = m_queueView->selection();
    for (QAction *a : {m_pauseFile, m_resumeFile, m_cancelFile, m_retryFile})
        a->setEnabled(running && selected.anyFile);
    m_removeFile->setEnabled(selected.anyPending);
    m_moveUp->setEnabled(selected.rows == 1);
    m_moveDown->setEnabled(selected.rows == 1);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isRunning())
    {
        QMessageBox box(QMessageBox::Question, tr("Quit Drive Ingest"), tr("A run is in progress. Cancel it and quit?"),
                        QMessageBox::NoButton, this);
        QPushButton *quit = box.addButton(tr("Cancel the run and quit"), QMessageBox::DestructiveRole);
        box.setDefaultButton(box.addButton(tr("Keep running"), QMessageBox::RejectRole));
        box.exec();
        if (box.clickedButton() != quit)
        {
            event->ignore();
            return;
        }
        m_services.runner->cancel();
    }
    sandboxLauncher()->stop();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (session().isValid() && SourceItems::canDecode(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<SourceItem> items = SourceItems::fromMimeData(event->mimeData());
    if (items.isEmpty())
    {
        event->ignore();
        return;
    }
    addSources(items);
    event->acceptProposedAction();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        setWindowTitle(Format::windowTitle(nullptr));
}
