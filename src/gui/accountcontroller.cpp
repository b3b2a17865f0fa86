// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountcontroller.h"

#include "appsettings.h"
#include "auth/accounts.h"
#include "auth/serviceaccount.h"
#include "auth/tokenstore.h"
#include "googlesignin.h"
#include "sandboxlauncher.h"

#include <QCoreApplication>
#include <QAction>
#include <QActionGroup>
#include <QFileDialog>
#include <QMenu>
#include <QStyle>
#include <QWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

// The words here were the window's: they keep its translation context ("MainWindow"), where the translations are.

AccountController::AccountController(const Services &services, QWidget *window)
    : QObject(window)
    , m_services(services)
    , m_window(window)
    , m_sandbox(new SandboxLauncher(this))
    , m_signOut(new QAction(window->style()->standardIcon(QStyle::SP_DialogCloseButton),
                            QCoreApplication::translate("MainWindow", "Sign &out"), this))
{
    m_signOut->setEnabled(false);
    connect(m_signOut, &QAction::triggered, this, &AccountController::signOut);
    connect(m_sandbox, &SandboxLauncher::ready, this, &AccountController::setSession);
    connect(m_sandbox, &SandboxLauncher::failed, this, [this](const QString &message) {
        emit busyChanged(false, message);
        emit warning(QCoreApplication::translate("MainWindow", "Sandbox"), message);
    });
}

AccountController::~AccountController() = default;

bool AccountController::isKept(const QString &name) const
{
    return m_services.accounts && m_services.accounts->find(Auth::Account::Kind::Google, name);
}

void AccountController::forgetSessionOnly(const QString &name)
{
    auto same = [&name](const AccountSession &s) { return s.accountName == name; };
    m_sessionOnly.erase(std::remove_if(m_sessionOnly.begin(), m_sessionOnly.end(), same), m_sessionOnly.end());
}

void AccountController::setSession(const AccountSession &session)
{
    // A copy first: `session` may be one of m_sessionOnly (switchAccount), which forgetSessionOnly() moves.
    m_session = session;
    if (m_session.isValid())
    {
        forgetSessionOnly(m_session.accountName);
        if (!isKept(m_session.accountName))
            m_sessionOnly.append(m_session);
        else
            m_services.settings->setCurrentAccount(m_session.accountName);
    }
    m_signOut->setEnabled(m_session.isValid());
    emit busyChanged(false, QString());
    emit sessionChanged(m_session);
}

QStringList AccountController::accountNames() const
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

void AccountController::fillMenu(QMenu *menu)
{
    menu->clear();
    auto *group = new QActionGroup(menu);
    const QStringList names = accountNames();
    for (const QString &name : names)
    {
        QAction *account = menu->addAction(name);
        account->setCheckable(true);
        account->setChecked(name == m_session.accountName);
        group->addAction(account);
        // Queued: switching rebuilds the menu, which must not delete the action while it is triggering.
        connect(account, &QAction::triggered, this, [this, name] { switchAccount(name); }, Qt::QueuedConnection);
    }
    if (names.isEmpty())
        menu->addAction(QCoreApplication::translate("MainWindow", "No accounts yet"))->setEnabled(false);
    menu->addSeparator();
    menu->addAction(QCoreApplication::translate("MainWindow", "Sign in with &Google…"), this,
                    &AccountController::signInWithGoogle);
    menu->addAction(QCoreApplication::translate("MainWindow", "Use a service-account &key…"), this,
                    &AccountController::chooseServiceAccountKey);
    menu->addAction(QCoreApplication::translate("MainWindow", "Use the &sandbox"), this, &AccountController::trySandbox);
    menu->addAction(m_signOut);
}

void AccountController::switchAccount(const QString &name)
{
    if (name == m_session.accountName)
        return;
    if (m_services.runInFlight && m_services.runInFlight())
    {
        emit statusMessage(QCoreApplication::translate("MainWindow", "Finish or cancel the run before switching accounts."),
                           5000);
        return;
    }
    for (const AccountSession &session : std::as_const(m_sessionOnly))
        if (session.accountName == name)
            return setSession(session);
    const std::optional<Auth::Account> account = m_services.accounts
        ? m_services.accounts->find(Auth::Account::Kind::Google, name) : std::nullopt;
    if (!account || !m_services.tokenStore)
        return;
    emit statusMessage(QCoreApplication::translate("MainWindow", "Switching to %1…").arg(name), 0);
    ::GoogleSignIn::sessionFor(*account, m_services.tokenStore, this, [this](const AccountSession &session, const QString &error) {
        emit statusMessage(QString(), 0);
        if (session.isValid())
            setSession(session);
        else
            emit warning(QCoreApplication::translate("MainWindow", "Accounts"), error);
    });
}

void AccountController::restoreAccount()
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

bool AccountController::useServiceAccountKey(const QString &path, QString *error)
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

void AccountController::chooseServiceAccountKey()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, QCoreApplication::translate("MainWindow", "Choose a service-account key (JSON)"), QString(),
        QCoreApplication::translate("MainWindow", "Service-account key (*.json);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !useServiceAccountKey(path, &error))
        emit warning(QCoreApplication::translate("MainWindow", "Service account"), error);
}

void AccountController::trySandbox()
{
    emit busyChanged(true, QCoreApplication::translate("MainWindow", "Starting the sandbox…"));
    m_sandbox->start();
}

void AccountController::signInWithGoogle()
{
    if (!m_services.googleSignIn)
    {
        emit information(QCoreApplication::translate("MainWindow", "Sign in with Google"),
                         QCoreApplication::translate("MainWindow", "Google sign-in is not available in this build."));
        return;
    }
    emit busyChanged(true, QCoreApplication::translate("MainWindow", "Waiting for the browser sign-in…"));
    m_services.googleSignIn(m_window, [this](const AccountSession &session, const QString &error) {
        emit busyChanged(false, error);
        if (session.isValid())
            setSession(session);
        else if (!error.isEmpty())
            emit warning(QCoreApplication::translate("MainWindow", "Sign in with Google"), error);
    });
}

void AccountController::signOut()
{
    const AccountSession leaving = m_session;
    if (!leaving.isValid())
        return;
    emit signingOut();
    if (leaving.isSandbox)
        m_sandbox->stop();
    forgetSessionOnly(leaving.accountName);
    const std::optional<Auth::Account> account = m_services.accounts
        ? m_services.accounts->find(Auth::Account::Kind::Google, leaving.accountName) : std::nullopt;
    if (account && m_services.tokenStore)
    {
        // Revoke at Google, delete from the keychain, drop from the list shared with the CLI.
        auto *job = new Auth::SignOutJob(m_services.nam, m_services.tokenStore, m_services.accounts,
                                         ::GoogleSignIn::endpointsFor(*account), *account, this);
        connect(job, &Auth::SignOutJob::finished, this, [this](bool, const QString &message) {
            emit statusMessage(message, 10000);
        });
        job->start();
    }
    setSession({});
    QStringList others = accountNames();
    others.removeAll(leaving.accountName);
    if (!others.isEmpty())
        switchAccount(others.constFirst());
}
