// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appsettings.h"
#include "auth/accounts.h"
#include "auth/tokenstore.h"
#include "browsermodel.h"
#include "browserpanel.h"
#include "dashboard.h"
#include "databricksdialog.h"
#include "databrickstarget.h"
#include "databricksworkspaces.h"
#include "destinationpicker.h"
#include "firstrunpage.h"
#include "formatting.h"
#include "googlesignin.h"
#include "icons.h"
#include "queuemodel.h"
#include "queuetable.h"
#include "sandboxlauncher.h"
#include "settingsdialog.h"
#include "signinhelp.h"

#include "auth/serviceaccount.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialog>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
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
#include <QSystemTrayIcon>
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
    , m_sandbox(new SandboxLauncher(this))
{
    m_nam = m_services.nam ? m_services.nam : new QNetworkAccessManager(this);
    m_workspaces = new DatabricksWorkspaces(m_nam, m_services.tokenStore, m_services.accounts, this);
    m_databricks = new DatabricksTarget(m_workspaces, m_services.settings, this);
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
    buildMenus();

    m_accountLabel = new QLabel(this);
    m_limitLabel = new QLabel(this);
    statusBar()->addWidget(m_accountLabel);
    statusBar()->addPermanentWidget(m_limitLabel);

    if (QSystemTrayIcon::isSystemTrayAvailable())
    {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Drive Ingest"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }

    connect(m_firstRun, &FirstRunPage::trySandbox, this, &MainWindow::trySandbox);
    connect(m_firstRun, &FirstRunPage::signInWithGoogle, this, &MainWindow::signInWithGoogle);
    connect(m_sandbox, &SandboxLauncher::ready, this, &MainWindow::setSession);
    connect(m_sandbox, &SandboxLauncher::failed, this, [this](const QString &message) {
        m_firstRun->setBusy(false, message);
        QMessageBox::warning(this, tr("Sandbox"), message);
    });
    connect(m_queue, &QueueModel::pendingAdded, this, [this](const QList<SourceItem> &items) {
        if (!m_running)
            return updateActions();
        // A run is in flight: hand the new sources to the engine right away; its snapshots list the files.
        QList<Drive::DriveRef> refs;
        for (const SourceItem &item : items)
            refs.append(item.ref);
        m_queue->addToRun(m_queue->takePending());
        m_services.runner->addSources(refs);
    });
    connect(m_browser, &BrowserModel::loadFailed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Drive listing failed: %1").arg(message), 10000); });

    RunController *runner = m_services.runner;
    connect(runner, &RunController::snapshot, this, &MainWindow::onSnapshot);
    connect(runner, &RunController::finished, this, &MainWindow::onFinished);
    connect(runner, &RunController::authRequired, this, &MainWindow::onAuthRequired);
    connect(runner, &RunController::runFailed, this, &MainWindow::onRunFailed);

    resize(defaultWindowSize(this));
    // The browser gets under a third, the queue (paths, states, reasons) the rest.
    if (auto *splitter = qobject_cast<QSplitter *>(m_pages->widget(1)))
        splitter->setSizes({width() * 30 / 100, width() * 70 / 100});
    updateTitle(nullptr);
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
    m_signOut = make(tr("Sign &out"), QStyle::SP_DialogCloseButton, &MainWindow::signOut);

    RunController *runner = m_services.runner;
    connect(m_pauseFile, &QAction::triggered, this, [this, runner] { forSelectedFiles([runner](quint64 k) { runner->pauseFile(k); }); });
    connect(m_resumeFile, &QAction::triggered, this, [this, runner] { forSelectedFiles([runner](quint64 k) { runner->resumeFile(k); }); });
    connect(m_cancelFile, &QAction::triggered, this, [this, runner] { forSelectedFiles([runner](quint64 k) { runner->cancelFile(k); }); });
    connect(m_retryFile, &QAction::triggered, this, [this, runner] { forSelectedFiles([runner](quint64 k) { runner->retryFile(k); }); });
    connect(m_moveUp, &QAction::triggered, this, [this] { moveSelected(-1); });
    connect(m_moveDown, &QAction::triggered, this, [this] { moveSelected(+1); });
    connect(m_removeFile, &QAction::triggered, this, [this] {
        QList<int> rows;
        for (const QModelIndex &i : m_queueView->selectionModel()->selectedRows())
            if (i.data(QueueModel::PendingRole).toBool())
                rows.append(i.row());
        std::sort(rows.begin(), rows.end(), std::greater<>());
        for (int r : rows)
            m_queue->removeRows(r, 1);
        updateActions();
    });
    connect(m_addSelected, &QAction::triggered, this, [this] { addSources(m_browser->sourceItems(m_browserPanel->selectedItems())); });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    file->addAction(tr("Save &report…"), m_dashboard, &Dashboard::saveReport);
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
    queueLayout->addWidget(m_queueView);
    m_tabs->addTab(queuePage, tr("Queue"));
    m_dashboard = new Dashboard(m_tabs);
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    rightLayout->addWidget(m_tabs, 1);

    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    return splitter;
}

void MainWindow::setSession(const AccountSession &session)
{
    m_session = session;
    m_firstRun->setBusy(false);
    m_databricks->setSession(session);
    if (m_browserSource)
        m_browserSource->deleteLater();
    m_browserSource = (session.isValid() && m_services.browserFactory) ? m_services.browserFactory(session, this) : nullptr;
    m_browser->setSource(m_browserSource);
    if (session.isValid())
    {
        const bool kept = m_services.accounts && m_services.accounts->find(Auth::Account::Kind::Google, session.accountName);
        auto same = [&session](const AccountSession &s) { return s.accountName == session.accountName; };
        m_sessionOnly.erase(std::remove_if(m_sessionOnly.begin(), m_sessionOnly.end(), same), m_sessionOnly.end());
        if (!kept)
            m_sessionOnly.append(session);
        else
            m_services.settings->setCurrentAccount(session.accountName);
    }
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
    m_accountsMenu->clear();
    auto *group = new QActionGroup(m_accountsMenu);
    const QStringList names = accountNames();
    for (const QString &name : names)
    {
        QAction *account = m_accountsMenu->addAction(name);
        account->setCheckable(true);
        account->setChecked(name == m_session.accountName);
        group->addAction(account);
        // Queued: switching rebuilds this menu, which must not delete the action while it is triggering.
        connect(account, &QAction::triggered, this, [this, name] { switchAccount(name); }, Qt::QueuedConnection);
    }
    if (names.isEmpty())
        m_accountsMenu->addAction(tr("No accounts yet"))->setEnabled(false);
    m_accountsMenu->addSeparator();
    m_accountsMenu->addAction(tr("Sign in with &Google…"), this, &MainWindow::signInWithGoogle);
    m_accountsMenu->addAction(tr("Use a service-account &key…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a service-account key (JSON)"), QString(),
                                                          tr("Service-account key (*.json);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !useServiceAccountKey(path, &error))
            QMessageBox::warning(this, tr("Service account"), error);
    });
    m_accountsMenu->addAction(tr("Use the &sandbox"), this, &MainWindow::trySandbox);
    m_accountsMenu->addAction(m_signOut);
    m_accountsMenu->addSeparator();
    m_accountsMenu->addAction(tr("&Databricks workspaces…"), this, &MainWindow::showDatabricksWorkspaces);
}

QStringList MainWindow::accountNames() const
{
    QStringList names;
    if (m_services.accounts)
        for (const Auth::Account &account : m_services.accounts->list())
            if (account.kind == Auth::Account::Kind::Google)
                names.append(account.name);
    for (const AccountSession &session : m_sessionOnly)
        if (!names.contains(session.accountName))
            names.append(session.accountName);
    if (m_session.isValid() && !names.contains(m_session.accountName))
        names.append(m_session.accountName);
    return names;
}

void MainWindow::switchAccount(const QString &name)
{
    if (name == m_session.accountName)
        return;
    if (m_running || m_checking)
    {
        statusBar()->showMessage(tr("Finish or cancel the run before switching accounts."), 5000);
        return;
    }
    for (const AccountSession &session : std::as_const(m_sessionOnly))
        if (session.accountName == name)
            return setSession(session);
    const std::optional<Auth::Account> account = m_services.accounts
        ? m_services.accounts->find(Auth::Account::Kind::Google, name) : std::nullopt;
    if (!account || !m_services.tokenStore)
        return;
    statusBar()->showMessage(tr("Switching to %1…").arg(name));
    ::GoogleSignIn::sessionFor(*account, m_services.tokenStore, this, [this](const AccountSession &session, const QString &error) {
        statusBar()->clearMessage();
        if (session.isValid())
            setSession(session);
        else
            QMessageBox::warning(this, tr("Accounts"), error);
    });
}

void MainWindow::restoreAccount()
{
    if (!m_services.accounts || !m_services.tokenStore)
        return;
    std::optional<Auth::Account> chosen = m_services.accounts->find(Auth::Account::Kind::Google, m_services.settings->currentAccount());
    for (const Auth::Account &account : m_services.accounts->list())
        if (!chosen && account.kind == Auth::Account::Kind::Google)
            chosen = account;
    if (!chosen)
        return;
    ::GoogleSignIn::sessionFor(*chosen, m_services.tokenStore, this, [this](const AccountSession &session, const QString &) {
        // Quietly: a sign-in that cannot be read back leaves the first-run page, which offers a new one.
        if (session.isValid() && !m_session.isValid())
            setSession(session);
    });
}

bool MainWindow::useServiceAccountKey(const QString &path, QString *error)
{
    const std::optional<Auth::ServiceAccountKey> key = Auth::ServiceAccountKey::fromFile(path, error);
    if (!key)
        return false;
    AccountSession session;
    session.accountName = u"service:"_s + key->clientEmail;
    // A key added while trying the sandbox is meant for it (the sandbox trusts its demo service account).
    session.endpoints = m_session.isSandbox ? m_session.endpoints : Net::Endpoints::google();
    const Net::Endpoints endpoints = session.endpoints;
    const Auth::ServiceAccountKey k = *key;
    session.tokenFactory = [endpoints, k](QNetworkAccessManager *nam, QObject *parent) -> Net::TokenProvider * {
        return new Auth::ServiceAccountTokenProvider(nam, endpoints, k, QString(), parent);
    };
    setSession(session);
    return true;
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

void MainWindow::startRun()
{
    if (m_running || m_checking || !m_session.isValid())
        return;
    if (!m_queue->hasWork())
    {
        statusBar()->showMessage(tr("Add files or folders to the queue first."), 5000);
        return;
    }
    if (!m_destination->validate())
        return;
    const DestinationChoice destination = m_destination->choice();
    if (destination.isDatabricks())
        return checkDatabricks(destination);
    launchRun({});
}

void MainWindow::checkDatabricks(const DestinationChoice &destination)
{
    m_checking = true;
    updateActions();
    m_destination->showProblem(tr("Checking the Databricks workspace…"));
    m_databricks->resolve(destination, this, [this](const std::optional<DatabricksWorkspace> &workspace, const QString &problem) {
        m_checking = false;
        m_destination->showProblem(problem);
        if (workspace)
            return launchRun(*workspace);
        updateActions();
    });
}

void MainWindow::launchRun(const DatabricksWorkspace &databricks)
{
    m_destination->remember();
    RunPlan plan;
    plan.account = m_session;
    plan.destination = m_destination->choice();
    plan.databricks = databricks;
    plan.options = m_services.settings->runOptions();
    for (const SourceItem &item : m_queue->takeForRun())
        plan.sources.append(item.ref);
    m_dashboard->reset();
    m_running = true;
    m_paused = false;
    updateActions();
    m_services.runner->start(plan);
}

void MainWindow::pauseAll()
{
    if (!m_running)
        return;
    m_services.runner->pause();
    m_paused = true;
    updateActions();
}

void MainWindow::resumeAll()
{
    if (!m_running)
        return;
    m_services.runner->resume();
    m_paused = false;
    updateActions();
}

void MainWindow::cancelAll()
{
    if (!m_running)
        return;
    m_services.runner->cancel();
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

void MainWindow::applyLiveSettings()
{
    if (!m_running)
        return;
    m_services.runner->setParallel(m_services.settings->parallel());
    m_services.runner->setBandwidthLimit(m_services.settings->bandwidthLimit());
}

void MainWindow::trySandbox()
{
    m_firstRun->setBusy(true, tr("Starting the sandbox…"));
    m_sandbox->start();
}

void MainWindow::signInWithGoogle()
{
    if (!m_services.googleSignIn)
    {
        QMessageBox::information(this, tr("Sign in with Google"), tr("Google sign-in is not available in this build."));
        return;
    }
    m_firstRun->setBusy(true, tr("Waiting for the browser sign-in…"));
    m_services.googleSignIn(this, [this](const AccountSession &session, const QString &error) {
        m_firstRun->setBusy(false, error);
        if (session.isValid())
            setSession(session);
        else if (!error.isEmpty())
            QMessageBox::warning(this, tr("Sign in with Google"), error);
    });
}

void MainWindow::signOut()
{
    const AccountSession leaving = m_session;
    if (!leaving.isValid())
        return;
    if (m_running)
        cancelAll();
    if (leaving.isSandbox)
        m_sandbox->stop();
    auto same = [&leaving](const AccountSession &s) { return s.accountName == leaving.accountName; };
    m_sessionOnly.erase(std::remove_if(m_sessionOnly.begin(), m_sessionOnly.end(), same), m_sessionOnly.end());
    const std::optional<Auth::Account> account = m_services.accounts
        ? m_services.accounts->find(Auth::Account::Kind::Google, leaving.accountName) : std::nullopt;
    if (account && m_services.tokenStore)
    {
        // Revoke at Google, delete from the keychain, drop from the list shared with the CLI.
        auto *job = new Auth::SignOutJob(m_nam, m_services.tokenStore, m_services.accounts,
                                         ::GoogleSignIn::endpointsFor(*account), *account, this);
        connect(job, &Auth::SignOutJob::finished, this, [this](bool, const QString &message) {
            statusBar()->showMessage(message, 10000);
        });
        job->start();
    }
    setSession({});
    QStringList others = accountNames();
    others.removeAll(leaving.accountName);
    if (!others.isEmpty())
        switchAccount(others.constFirst());
}

void MainWindow::onSnapshot(const Transfer::Snapshot &snapshot)
{
    m_queue->applySnapshot(snapshot);
    m_dashboard->applySnapshot(snapshot);
    m_paused = snapshot.paused;
    m_limitLabel->setText(snapshot.running ? m_dashboard->limitingText() : QString());
    updateTitle(&snapshot);
    updateActions();
}

void MainWindow::onFinished(const Transfer::Report &report)
{
    m_running = false;
    m_paused = false;
    m_queue->applySnapshot(report.totals);
    m_dashboard->showReport(report);
    m_limitLabel->clear();
    updateTitle(nullptr);
    updateActions();
    const Transfer::Snapshot &t = report.totals;
    notify(tr("Ingest finished"), tr("%1 files done, %2 skipped, %3 failed, %4 to retry later.")
                                      .arg(t.filesDone)
                                      .arg(t.filesSkipped)
                                      .arg(t.filesFailed)
                                      .arg(t.filesParked));
}

void MainWindow::onAuthRequired(const QString &account, const QString &reason)
{
    notify(tr("Sign-in needed"), tr("%1: %2").arg(account, reason));
    statusBar()->showMessage(tr("Sign in again to continue: %1").arg(reason));
}

void MainWindow::onRunFailed(const Net::Error &error)
{
    m_running = false;
    m_paused = false;
    updateActions();
    updateTitle(nullptr);
    notify(tr("Ingest stopped"), error.message);
    QMessageBox::warning(this, tr("Ingest stopped"), error.message.isEmpty() ? error.reason : error.message);
}

void MainWindow::forSelectedFiles(const std::function<void(quint64)> &action)
{
    for (const QModelIndex &index : m_queueView->selectionModel()->selectedRows())
    {
        const quint64 key = index.data(QueueModel::KeyRole).value<quint64>();
        if (key != 0)
            action(key);
    }
}

void MainWindow::moveSelected(int delta)
{
    const QModelIndexList rows = m_queueView->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const int row = rows.first().row();
    const int target = delta < 0 ? row - 1 : row + 2;
    if (m_queue->moveRows({}, row, 1, {}, target))
        m_queueView->selectRow(delta < 0 ? row - 1 : row + 1);
}

void MainWindow::updateActions()
{
    const bool signedIn = m_session.isValid();
    m_start->setEnabled(signedIn && !m_running && !m_checking && m_queue->hasWork());
    m_clearFinished->setEnabled(m_queue->finishedCount() > 0);
    m_pause->setEnabled(m_running && !m_paused);
    m_resume->setEnabled(m_running && m_paused);
    m_cancel->setEnabled(m_running);
    m_signOut->setEnabled(signedIn);
    bool anyFile = false;
    bool anyPending = false;
    int selected = 0;
    if (m_queueView && m_queueView->selectionModel())
    {
        for (const QModelIndex &i : m_queueView->selectionModel()->selectedRows())
        {
            ++selected;
            if (i.data(QueueModel::PendingRole).toBool())
                anyPending = true;
            else
                anyFile = true;
        }
    }
    for (QAction *a : {m_pauseFile, m_resumeFile, m_cancelFile, m_retryFile})
        a->setEnabled(m_running && anyFile);
    m_removeFile->setEnabled(anyPending);
    m_moveUp->setEnabled(selected == 1);
    m_moveDown->setEnabled(selected == 1);
}

void MainWindow::updateTitle(const Transfer::Snapshot *s)
{
    if (!s || !s->running)
    {
        setWindowTitle(tr("Drive Ingest"));
        return;
    }
    int percent = 0;
    if (s->bytesTotal > 0)
        percent = int(100.0 * double(s->bytesDone) / double(s->bytesTotal));
    else if (s->filesTotal > 0)
        percent = 100 * (s->filesDone + s->filesSkipped) / s->filesTotal;
    if (s->paused)
        setWindowTitle(tr("%1% paused – Drive Ingest").arg(percent));
    else if (s->rate > 0)
        setWindowTitle(tr("%1% at %2 – Drive Ingest").arg(percent).arg(Format::rate(s->rate)));
    else // no rate to tell (starting, waiting to retry): no "at –"
        setWindowTitle(tr("%1% – Drive Ingest").arg(percent));
}

void MainWindow::notify(const QString &title, const QString &message)
{
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, message, QSystemTrayIcon::Information, 10000);
    else
        statusBar()->showMessage(title + u": "_s + message, 10000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_running)
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
    m_sandbox->stop();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_session.isValid() && SourceItems::canDecode(event->mimeData()))
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
        updateTitle(nullptr);
}
