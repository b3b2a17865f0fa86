// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accountcontroller.h"
#include "transfer/runoutcome.h"
#include "queuetable.h"
#include "runcontroller.h"
#include "sourceitem.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class AppSettings;
class BrowserModel;
class BrowserPanel;
class BrowserSource;
class Dashboard;
class DatabricksTarget;
class DatabricksWorkspaces;
class DestinationPicker;
class FirstRunPage;
class HistoryController;
class Notifier;
class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QNetworkAccessManager;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTreeView;
class QueueModel;

/// Wires the pieces together: AccountController says which account is shown, RunFlow runs the queue through
/// the RunController, QueueModel and Dashboard show what comes back. No logic of its own beyond that.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// Makes the browser's page source for a signed-in account (DriveClient adapter, or a test fake).
    using BrowserFactory = std::function<BrowserSource *(const AccountSession &session, QObject *parent)>;
    /// Starts the Google sign-in; calls back with a session or an error text.
    using GoogleSignIn = AccountController::GoogleSignIn;

    struct Services
    {
        AppSettings *settings = nullptr;
        RunController *runner = nullptr;
        BrowserFactory browserFactory;
        GoogleSignIn googleSignIn;
        /// Sign-out (revoke) and the Databricks check; the window makes its own when empty.
        QNetworkAccessManager *nam = nullptr;
        /// Where kept sign-ins and Databricks credentials live (the OS keychain; tests: memory). With `accounts`
        /// (the list shared with drive-ingest-cli) the Accounts menu lists, switches and signs out of each
        /// Google account and keeps Databricks workspaces; without them sign-ins last this session only.
        Auth::TokenStore *tokenStore = nullptr;
        Auth::Accounts *accounts = nullptr;
    };

    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The account side (AccountController): the shown account, switching, signing in and out.
    [[nodiscard]] AccountController *accountController() const { return m_accounts; }
    void setSession(const AccountSession &session) { m_accounts->setSession(session); }
    [[nodiscard]] QStringList accountNames() const { return m_accounts->accountNames(); }
    void switchAccount(const QString &name) { m_accounts->switchAccount(name); }
    void restoreAccount() { m_accounts->restoreAccount(); }
    bool useServiceAccountKey(const QString &path, QString *error) { return m_accounts->useServiceAccountKey(path, error); }
    [[nodiscard]] const AccountSession &session() const { return m_accounts->session(); }
    [[nodiscard]] SandboxLauncher *sandboxLauncher() const { return m_accounts->sandbox(); }
    [[nodiscard]] DatabricksWorkspaces *databricksWorkspaces() const { return m_workspaces; }
    /// The run side (RunFlow): the checks before a start, running, paused.
    [[nodiscard]] RunFlow *runFlow() const { return m_run; }
    /// The journal's side: the start-up resume offer, File → History, Run again.
    [[nodiscard]] HistoryController *history() const { return m_history; }
    /// The Databricks check before a run is under way.
    [[nodiscard]] bool isCheckingDestination() const { return m_run->isChecking(); }
    [[nodiscard]] bool isRunning() const { return m_run->isRunning(); }
    [[nodiscard]] bool isPaused() const { return m_run->isPaused(); }
    /// Adds Drive items (browser drag, share links) to the queue, or to the run in flight.
    void addSources(const QList<SourceItem> &items);

    [[nodiscard]] AppSettings *settings() const { return m_services.settings; }
    [[nodiscard]] QueueModel *queueModel() const { return m_queue; }
    [[nodiscard]] BrowserModel *browserModel() const { return m_browser; }
    [[nodiscard]] Dashboard *dashboard() const { return m_dashboard; }
    [[nodiscard]] DestinationPicker *destinationPicker() const { return m_destination; }
    [[nodiscard]] FirstRunPage *firstRunPage() const { return m_firstRun; }
    [[nodiscard]] QTableView *queueView() const { return m_queueView; }
    [[nodiscard]] QTreeView *browserView() const;
    [[nodiscard]] QLineEdit *searchField() const;
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }

public slots:
    void startRun() { m_run->start(session()); }
    void pauseAll() { m_run->pause(); }
    void resumeAll() { m_run->resume(); }
    void cancelAll();
    void pasteLinks();
    void showSettings();
    /// Pushes the live-changeable settings (files in flight, bandwidth cap) to a run in flight.
    void applyLiveSettings() { m_run->applyLiveSettings(); }
    void trySandbox() { m_accounts->trySandbox(); }
    void signInWithGoogle() { m_accounts->signInWithGoogle(); }
    /// Signs out of the shown account (revoke, keychain, account list) and shows the next one, if any.
    void signOut() { m_accounts->signOut(); }
    /// Accounts → Databricks workspaces: list, add, remove, choose the one runs write to.
    void showDatabricksWorkspaces();
    /// Asks Drive for the search box's text in the selected item's corpus (also runs a moment after typing
    /// stops); the answer appears as "Search: …" in the browser. Fewer than 2 characters clear it.
    void searchDrive();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    QWidget *buildWorkspace();
    void rebuildAccountsMenu();
    void showSession(const AccountSession &session);
    void onSnapshot(const Transfer::Snapshot &snapshot);
    void onFinished(const Transfer::Report &report);
    void onAuthRequired(const QString &account, const QString &reason);
    void onRunFailed(const Net::Error &error);
    void forSelectedFiles(void (RunController::*action)(quint64));
    void updateActions();

    Services m_services;
    QNetworkAccessManager *m_nam = nullptr;
    AccountController *m_accounts = nullptr;
    RunFlow *m_run = nullptr;
    HistoryController *m_history = nullptr;
    Notifier *m_notifier = nullptr;
    DatabricksWorkspaces *m_workspaces = nullptr;
    DatabricksTarget *m_databricks = nullptr;
    QueueModel *m_queue = nullptr;
    BrowserModel *m_browser = nullptr;
    QPointer<BrowserSource> m_browserSource;

    QStackedWidget *m_pages = nullptr;
    FirstRunPage *m_firstRun = nullptr;
    BrowserPanel *m_browserPanel = nullptr;
    QueueTable *m_queueView = nullptr;
    QTabWidget *m_tabs = nullptr;
    Dashboard *m_dashboard = nullptr;
    Transfer::RunOutcome::Stops m_stops; ///< what ended the current run early, for its report
    DestinationPicker *m_destination = nullptr;
    QLabel *m_accountLabel = nullptr;
    QLabel *m_limitLabel = nullptr;
    QMenu *m_accountsMenu = nullptr;

    QAction *m_start = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_paste = nullptr;
    QAction *m_pauseFile = nullptr;
    QAction *m_resumeFile = nullptr;
    QAction *m_cancelFile = nullptr;
    QAction *m_retryFile = nullptr;
    QAction *m_removeFile = nullptr;
    QAction *m_moveUp = nullptr;
    QAction *m_moveDown = nullptr;
    QAction *m_addSelected = nullptr;
    QAction *m_clearFinished = nullptr;
};
