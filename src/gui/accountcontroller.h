// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runcontroller.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

class AppSettings;
class QAction;
class QMenu;
class QNetworkAccessManager;
class QWidget;
class SandboxLauncher;

namespace Auth
{
class Accounts;
class TokenStore;
} // namespace Auth

/**
 * Which Google account the window shows, and every way to change it: the kept accounts (shared with
 * drive-ingest-cli), this session's others (service-account keys, the sandbox), a new Google sign-in, the
 * sandbox launcher, signing out. The window owns it and wires its signals to what it shows; nothing here
 * touches the window's widgets.
 */
class AccountController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountController)

public:
    /// Starts the Google sign-in; calls back with a session or an error text.
    using GoogleSignIn = std::function<void(QWidget *window, std::function<void(const AccountSession &, const QString &)>)>;

    struct Services
    {
        AppSettings *settings = nullptr;
        GoogleSignIn googleSignIn;
        /// Sign-out (revoke at Google).
        QNetworkAccessManager *nam = nullptr;
        /// Where kept sign-ins live and the account list shared with the CLI; without them sign-ins last this
        /// session only.
        Auth::TokenStore *tokenStore = nullptr;
        Auth::Accounts *accounts = nullptr;
        /// True while a run (or its check) is under way: the shown account does not change then.
        std::function<bool()> runInFlight;
    };

    /// `window` parents the dialogs (the Google sign-in, the key file) and this controller.
    AccountController(const Services &services, QWidget *window);
    ~AccountController() override;

    [[nodiscard]] const AccountSession &session() const { return m_session; }
    /// Shows `session` (invalid: none) and keeps it in this session's list unless it is a kept account.
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
    /// Clears `menu` and lists every account (the shown one checked), then the ways to add one and sign out.
    void fillMenu(QMenu *menu);

    [[nodiscard]] SandboxLauncher *sandbox() const { return m_sandbox; }
    /// Enabled while an account is shown.
    [[nodiscard]] QAction *signOutAction() const { return m_signOut; }

public slots:
    void trySandbox();
    void signInWithGoogle();
    /// Asks for a service-account key file and shows its account.
    void chooseServiceAccountKey();
    /// Signs out of the shown account (revoke, keychain, account list) and shows the next one, if any.
    void signOut();

signals:
    /// The shown account changed (invalid: none).
    void sessionChanged(const AccountSession &session);
    /// A sign-in or the sandbox is being waited for (`busy`), or that ended, with `message` if it failed.
    void busyChanged(bool busy, const QString &message);
    /// A passing status line; 0 ms keeps it until the next.
    void statusMessage(const QString &message, int timeoutMs);
    void warning(const QString &title, const QString &message);
    void information(const QString &title, const QString &message);
    /// Before the shown account is signed out of: a run on it is to be cancelled.
    void signingOut();

private:
    [[nodiscard]] bool isKept(const QString &name) const;
    void forgetSessionOnly(const QString &name);

    Services m_services;
    QWidget *m_window;
    AccountSession m_session;
    QList<AccountSession> m_sessionOnly; ///< accounts not kept in the store: service-account keys, the sandbox
    SandboxLauncher *m_sandbox;
    QAction *m_signOut;
};
