// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QNetworkAccessManager;
class QStackedWidget;
class QSystemTrayIcon;
class QTabWidget;
class QTableView;
class QTreeView;
class QueueModel;
class SandboxLauncher;

namespace Auth
{
class Accounts;
class TokenStore;
} // namespace Auth

/// Wires the pieces together; owns no transfer logic (RunController does the work, QueueModel and Dashboard adapt).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// Makes the browser's page source for a signed-in account (DriveClient adapter, or a test fake).
    using BrowserFactory = std::function<BrowserSource *(const AccountSession &session, QObject *parent)>;
    /// Starts the Google sign-in; calls back with a session or an error text.
    using GoogleSignIn = std::function<void(QWidget *window, std::function<void(const AccountSession &, const QString &)>)>;

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

    void setSession(const AccountSession &session);
    /// Every account the Accounts menu offers: the kept Google accounts, then this session's others
    /// (service-account keys, the sandbox).
    [[nodiscard]] QStringList accountNames() const;
    /// Shows the named account: its kept sign-in is read from the store and the browser reloads for it.
    void switchAccount(const QString &name);
    /// At start: the account shown last (or the first kept one), when it can be read back.
    void restoreAccount();
    /// Makes a session of a service-account key (kept for this session only) and shows it.
    bool useServiceAccountKey(const QString &path, QString *error);
    [[nodiscard]] DatabricksWorkspaces *databricksWorkspaces() const { return m_workspaces; }
    /// The Databricks check before a run is under way.
    [[nodiscard]] bool isCheckingDestination() const { return m_checking; }
    [[nodiscard]] const AccountSession &session() const { return m_session; }
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
    [[nodiscard]] SandboxLauncher *sandboxLauncher() const { return m_sandbox; }
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool isPaused() const { return m_paused; }

public slots:
    void startRun();
    void pauseAll();
    void resumeAll();
    void cancelAll();
    void pasteLinks();
    void showSettings();
    /// Pushes the live-changeable settings (files in flight, bandwidth cap) to a run in flight.
    void applyLiveSettings();
    void trySandbox();
    void signInWithGoogle();
    /// Signs out of the shown account (revoke, keychain, account list) and shows the next one, if any.
    void signOut();
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
    void checkDatabricks(const DestinationChoice &destination);
    void launchRun(const DatabricksWorkspace &databricks);
    void onSnapshot(const Transfer::Snapshot &snapshot);
    void onFinished(const Transfer::Report &report);
    void onAuthRequired(const QString &account, const QString &reason);
    void onRunFailed(const Net::Error &error);
    void forSelectedFiles(const std::function<void(quint64)> &action);
    void moveSelected(int delta);
    void updateActions();
    void updateTitle(const Transfer::Snapshot *snapshot);
    void notify(const QString &title, const QString &message);

    Services m_services;
    AccountSession m_session;
    QList<AccountSession> m_sessionOnly; ///< accounts not kept in the store: service-account keys, the sandbox
    QNetworkAccessManager *m_nam = nullptr;
    DatabricksWorkspaces *m_workspaces = nullptr;
    DatabricksTarget *m_databricks = nullptr;
    QueueModel *m_queue = nullptr;
    BrowserModel *m_browser = nullptr;
    QPointer<BrowserSource> m_browserSource;
    SandboxLauncher *m_sandbox = nullptr;

    QStackedWidget *m_pages = nullptr;
    FirstRunPage *m_firstRun = nullptr;
    BrowserPanel *m_browserPanel = nullptr;
    QTableView *m_queueView = nullptr;
    QTabWidget *m_tabs = nullptr;
    Dashboard *m_dashboard = nullptr;
    DestinationPicker *m_destination = nullptr;
    QLabel *m_accountLabel = nullptr;
    QLabel *m_limitLabel = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
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
    QAction *m_signOut = nullptr;

    bool m_running = false;
    bool m_paused = false;
    bool m_checking = false;
};
