// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appsettings.h"
#include "auth/accounts.h"
#include "auth/tokenstore.h"
#include "browsermodel.h"
#include "dashboard.h"
#include "databricksdialog.h"
#include "databricksworkspaces.h"
#include "destinationpicker.h"
#include "firstrunpage.h"
#include "formatting.h"
#include "googlesignin.h"
#include "icons.h"
#include "pathdelegate.h"
#include "progressdelegate.h"
#include "queuemodel.h"
#include "sandboxlauncher.h"
#include "settingsdialog.h"

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
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace
{
/// The local name filter: instant, over what is loaded. The top-level entries always stay, and so do the
/// search results (Drive matched them; its "contains" is by word prefix, which a substring filter may not).
class BrowserFilter final : public QSortFilterProxyModel
{
    Q_DISABLE_COPY_MOVE(BrowserFilter)

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!parent.isValid() || parent.data(BrowserModel::IsSearchRole).toBool())
            return true;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

/// The first window: most of the screen (the queue's paths and every column header need room), within bounds.
QSize defaultWindowSize(const QWidget *window)
{
    const QScreen *screen = window->screen();
    const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1280, 800);
    const int width = std::min(std::max(available.width() * 95 / 100, 1100), 1680);
    const int height = std::min(std::max(available.height() * 95 / 100, 720), 1050);
    return QSize(std::min(width, available.width()), std::min(height, available.height()));
}

constexpr int SearchDelayMs = 400; // after the last key stroke: one Drive query per pause, not per letter
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
        m_queue->takePending();
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
    // The browser gets about a third, the queue the rest.
    if (auto *splitter = qobject_cast<QSplitter *>(m_pages->widget(1)))
        splitter->setSizes({width() * 36 / 100, width() * 64 / 100});
    updateTitle(nullptr);
    updateActions();
}

MainWindow::~MainWindow() = default;

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
    connect(m_addSelected, &QAction::triggered, this, [this] {
        QModelIndexList rows;
        for (const QModelIndex &i : m_browserView->selectionModel()->selectedRows())
            rows.append(m_browserFilter->mapToSource(i));
        addSources(m_browser->sourceItems(rows));
    });
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

    QMenu *help = menuBar()->addMenu(tr("&Help"));
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
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(left);
    m_search->setObjectName(u"driveSearch"_s);
    m_search->setPlaceholderText(tr("Search in Drive…"));
    m_search->setToolTip(tr("Filters the loaded items at once, and asks Drive for every name that contains the text."));
    m_search->setClearButtonEnabled(true);
    leftLayout->addWidget(m_search);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::searchDrive);
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::searchDrive);
    m_browserFilter = new BrowserFilter(this);
    m_browserFilter->setSourceModel(m_browser);
    m_browserFilter->setRecursiveFilteringEnabled(true);
    m_browserFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_browserFilter->setFilterKeyColumn(BrowserModel::NameColumn);
    connect(m_search, &QLineEdit::textChanged, m_browserFilter, &QSortFilterProxyModel::setFilterFixedString);
    m_browserView = new QTreeView(left);
    m_browserView->setObjectName(u"browserView"_s);
    m_browserView->setModel(m_browserFilter);
    m_browserView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_browserView->setDragEnabled(true);
    m_browserView->setDragDropMode(QAbstractItemView::DragOnly);
    m_browserView->setUniformRowHeights(true);
    m_browserView->setTextElideMode(Qt::ElideMiddle);
    {
        // The name takes what the short columns leave; the type column shows an export format or a mime
        // type, elided (its tooltip has all of it).
        QHeaderView *header = m_browserView->header();
        const QFontMetrics fm = m_browserView->fontMetrics();
        header->setStretchLastSection(false);
        header->setSectionResizeMode(QHeaderView::Interactive);
        header->setSectionResizeMode(BrowserModel::NameColumn, QHeaderView::Stretch);
        header->setSectionResizeMode(BrowserModel::SizeColumn, QHeaderView::ResizeToContents);
        header->setSectionResizeMode(BrowserModel::ModifiedColumn, QHeaderView::ResizeToContents);
        header->resizeSection(BrowserModel::TypeColumn,
                              std::max(fm.horizontalAdvance(u"Word (.docx)"_s),
                                       header->fontMetrics().horizontalAdvance(m_browser->headerData(BrowserModel::TypeColumn, Qt::Horizontal).toString()))
                                  + 2 * fm.horizontalAdvance(u'x'));
        header->setMinimumSectionSize(fm.horizontalAdvance(u'x') * 4);
    }
    m_browserView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_browserView->addAction(m_addSelected);
    connect(m_browserView, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!index.data(BrowserModel::IsFolderRole).toBool())
            addSources(m_browser->sourceItems({m_browserFilter->mapToSource(index)}));
    });
    leftLayout->addWidget(m_browserView);
    auto *addButtonBar = new QToolBar(left);
    addButtonBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addButtonBar->addAction(m_addSelected);
    leftLayout->addWidget(addButtonBar);

    // Right: destination, run controls, queue and dashboard.
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_destination = new DestinationPicker(m_services.settings, right);
    rightLayout->addWidget(m_destination);
    auto *bar = new QToolBar(right);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction *a : {m_start, m_pause, m_resume, m_cancel, m_paste})
        bar->addAction(a);
    rightLayout->addWidget(bar);

    m_tabs = new QTabWidget(right);
    m_queueView = new QTableView(m_tabs);
    m_queueView->setObjectName(u"queueView"_s);
    m_queueView->setModel(m_queue);
    m_queueView->setItemDelegateForColumn(QueueModel::ProgressColumn, new ProgressDelegate(m_queueView));
    m_queueView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queueView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_queueView->setDragDropMode(QAbstractItemView::DragDrop);
    m_queueView->setDragEnabled(true);
    m_queueView->setAcceptDrops(true);
    m_queueView->setDropIndicatorShown(true);
    m_queueView->setDefaultDropAction(Qt::CopyAction);
    m_queueView->verticalHeader()->hide();
    m_queueView->verticalHeader()->setDefaultSectionSize(m_queueView->fontMetrics().height() + 8);
    m_queueView->setWordWrap(false);
    m_queueView->setTextElideMode(Qt::ElideRight); // the reason reads from its start; paths: PathDelegate
    {
        // Widths from the font and the (translated) titles, so 200 % scale and longer translations still
        // fit; the name takes the rest and elides on the left.
        QHeaderView *header = m_queueView->horizontalHeader();
        const QFontMetrics fm = m_queueView->fontMetrics();
        const QFontMetrics titles = header->fontMetrics();
        const int pad = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + fm.horizontalAdvance(u'x');
        const auto fit = [&](int column, int contentWidth) {
            const int title = titles.horizontalAdvance(m_queue->headerData(column, Qt::Horizontal).toString());
            header->resizeSection(column, std::max(contentWidth, title) + pad);
        };
        header->setStretchLastSection(false);
        header->setSectionResizeMode(QHeaderView::Interactive);
        header->setSectionResizeMode(QueueModel::NameColumn, QHeaderView::Stretch);
        fit(QueueModel::SizeColumn, fm.horizontalAdvance(u"0000.0 MB"_s));
        fit(QueueModel::ProgressColumn, fm.horizontalAdvance(u"0000.0 MB"_s) + fm.horizontalAdvance(u'x'));
        int stateWidth = 0;
        for (int state = int(Transfer::FileState::Queued); state <= int(Transfer::FileState::Parked); ++state)
            stateWidth = std::max(stateWidth, fm.horizontalAdvance(Format::stateText(Transfer::FileState(state))));
        fit(QueueModel::StateColumn, stateWidth);
        fit(QueueModel::RateColumn, fm.horizontalAdvance(u"000.0 MB/s"_s));
        fit(QueueModel::EtaColumn, fm.horizontalAdvance(Format::duration(3599)));
        fit(QueueModel::RetriesColumn, fm.horizontalAdvance(u"00"_s));
        fit(QueueModel::ReasonColumn, fm.horizontalAdvance(u'x') * 10);
        m_queueView->setItemDelegateForColumn(QueueModel::NameColumn, new PathDelegate(m_queueView));
    }
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
        m_browserView->expand(m_browserFilter->index(0, 0));
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
    connect(dialog, &DatabricksDialog::workspaceChosen, this, [this](const QString &host) {
        m_services.settings->setDatabricksWorkspace(host);
        m_destination->showProblem({});
    });
    dialog->open();
}

void MainWindow::searchDrive()
{
    m_searchTimer->stop();
    const QString text = m_search->text().trimmed();
    if (text.size() < 2 || !m_session.isValid())
    {
        if (m_browser->searchIndex().isValid())
            m_browser->setSearch({});
        return;
    }
    // The corpus where the user is: the root (or shared drive) of the selected item, My Drive by default.
    const QModelIndex current = m_browserFilter->mapToSource(m_browserView->currentIndex());
    BrowserSource::Search search = m_browser->scopeOf(current);
    search.text = text;
    m_browser->setSearch(search);
    const QModelIndex results = m_browserFilter->mapFromSource(m_browser->searchIndex());
    m_browserView->expand(results);
    m_browserView->scrollTo(results, QAbstractItemView::PositionAtTop);
    if (m_browser->canFetchMore(m_browser->searchIndex()))
        m_browser->fetchMore(m_browser->searchIndex());
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
    if (m_queue->pendingCount() == 0)
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
    const auto fail = [this](const QString &problem) {
        m_checking = false;
        m_destination->showProblem(problem);
        updateActions();
    };
    const auto verify = [this, destination, fail](const Auth::DatabricksCredentials &credentials) {
        m_workspaces->check(credentials, destination, this, [this, credentials, fail](const QString &problem) {
            if (!problem.isEmpty())
                return fail(problem);
            m_checking = false;
            m_destination->showProblem({});
            launchRun(DatabricksWorkspace {credentials});
        });
    };
    const QString host = m_services.settings->databricksWorkspace();
    bool kept = false;
    for (const Auth::Account &account : m_workspaces->list())
        kept = kept || account.name == host;
    if (kept)
    {
        m_workspaces->load(host, this, [verify, fail](const std::optional<Auth::DatabricksCredentials> &credentials, const QString &error) {
            if (credentials)
                verify(*credentials);
            else
                fail(error);
        });
    }
    else if (m_session.isSandbox)
    {
        // The sandbox also plays the Databricks workspace, and its token is valid there too.
        Auth::DatabricksCredentials sandbox;
        sandbox.host = Auth::DatabricksCredentials::normaliseHost(m_session.endpoints.databricksHost.toString());
        sandbox.secret = m_session.staticToken;
        verify(sandbox);
    }
    else
    {
        fail(tr("Choose a Databricks workspace under Accounts → Databricks workspaces."));
    }
}

void MainWindow::launchRun(const DatabricksWorkspace &databricks)
{
    m_destination->remember();
    RunPlan plan;
    plan.account = m_session;
    plan.destination = m_destination->choice();
    plan.databricks = databricks;
    plan.options = m_services.settings->runOptions();
    m_queue->clearRun();
    for (const SourceItem &item : m_queue->takePending())
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
    notify(tr("Ingest finished"), tr("%1 files done, %2 skipped, %3 failed.")
                                      .arg(t.filesDone)
                                      .arg(t.filesSkipped)
                                      .arg(t.filesFailed + t.filesParked));
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
    m_start->setEnabled(signedIn && !m_running && !m_checking && m_queue->pendingCount() > 0);
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
    setWindowTitle(s->paused ? tr("%1% paused – Drive Ingest").arg(percent)
                             : tr("%1% at %2 – Drive Ingest").arg(percent).arg(Format::rate(s->rate)));
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
