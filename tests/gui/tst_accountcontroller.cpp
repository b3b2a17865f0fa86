// SPDX-License-Identifier: GPL-3.0-or-later
// AccountController on its own (no MainWindow): the accounts it lists and switches between, kept ones read back
// from an in-memory token store and a private account list, a sign-in's outcome, signing out (of a kept account,
// of the sandbox), and the sandbox launcher (the real sandbox process, as the app starts it).
#include "accountcontroller.h"
#include "accountsmenu.h"
#include "appsettings.h"
#include "auth/accounts.h"
#include "auth/memorytokenstore.h"
#include "sandboxlauncher.h"

#include <QAction>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <memory>

using namespace Qt::StringLiterals;

class TestAccountController final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sessionsOfThisRunAreListedAndShown();
    void switchingToAKeptAccountReadsItsSignIn();
    void aMissingSignInIsSaid();
    void noSwitchWhileARunIsInFlight();
    void restoreShowsTheLastShownKeptAccount();
    void signOutOfAKeptAccountForgetsItAndShowsTheNext();
    void signInOutcomesReachTheWindow();
    void signingOutOfTheSandboxStopsIt();

private:
    struct Fixture
    {
        QTemporaryDir dir;
        QSettings qsettings {dir.filePath(u"settings.ini"_s), QSettings::IniFormat};
        QSettings accountSettings {dir.filePath(u"accounts.ini"_s), QSettings::IniFormat};
        AppSettings settings {&qsettings};
        Auth::Accounts accounts {&accountSettings};
        Auth::MemoryTokenStore store;
        QNetworkAccessManager nam;
        QWidget window;
        bool runInFlight = false;
    };
    std::unique_ptr<AccountController> make(const AccountController::GoogleSignIn &signIn = {});
    /// A Google account kept as `drive-ingest-cli login --sandbox` keeps it, signed in at a loopback port where
    /// nothing listens (so a revoke fails at once); `withSecret` false leaves its keychain entry out.
    void keep(const QString &name, bool withSecret = true);

    std::unique_ptr<Fixture> m_f;
};

namespace
{
AccountSession sessionOnly(const QString &name)
{
    AccountSession session;
    session.accountName = name;
    session.staticToken = "not-a-real-token";
    return session;
}

QAction *entry(QMenu *menu, const QString &text)
{
    for (QAction *a : menu->actions())
        if (a->text() == text)
            return a;
    return nullptr;
}
} // namespace

void TestAccountController::init()
{
    m_f = std::make_unique<Fixture>();
}

void TestAccountController::cleanup()
{
    m_f.reset();
}

std::unique_ptr<AccountController> TestAccountController::make(const AccountController::GoogleSignIn &signIn)
{
    AccountController::Services services;
    services.settings = &m_f->settings;
    services.googleSignIn = signIn;
    services.nam = &m_f->nam;
    services.tokenStore = &m_f->store;
    services.accounts = &m_f->accounts;
    Fixture *f = m_f.get();
    services.runInFlight = [f] { return f->runInFlight; };
    auto controller = std::make_unique<AccountController>(services, &m_f->window);
    controller->setParent(nullptr); // owned here, not by the window
    return controller;
}

void TestAccountController::keep(const QString &name, bool withSecret)
{
    Auth::Account account;
    account.kind = Auth::Account::Kind::Google;
    account.name = name;
    account.clientId = u"client-id"_s;
    account.detail = u"http://127.0.0.1:9/token"_s;
    m_f->accounts.save(account);
    if (!withSecret)
        return;
    m_f->store.write(account.storeKey(), Auth::GoogleSecret {"refresh-" + name.toUtf8(), "client-secret"}.toBlob(), this,
                     [](const auto &) {});
    QTRY_VERIFY(m_f->store.contains(account.storeKey()));
}

void TestAccountController::sessionsOfThisRunAreListedAndShown()
{
    const std::unique_ptr<AccountController> accounts = make();
    QSignalSpy shown(accounts.get(), &AccountController::sessionChanged);
    QVERIFY(!accounts->signOutAction()->isEnabled());

    accounts->setSession(sessionOnly(u"service:a@example.com"_s));
    accounts->setSession(sessionOnly(u"service:b@example.com"_s));
    QCOMPARE(shown.count(), 2);
    QCOMPARE(shown.last().at(0).value<AccountSession>().accountName, u"service:b@example.com"_s);
    QCOMPARE(accounts->accountNames(), QStringList({u"service:a@example.com"_s, u"service:b@example.com"_s}));
    QVERIFY(accounts->signOutAction()->isEnabled());
    // Not kept: the next start does not try to show it.
    QVERIFY(m_f->settings.currentAccount().isEmpty());

    // The menu lists both, the shown one checked; choosing the other shows it (queued: the menu is rebuilt).
    QMenu menu;
    accounts->fillMenu(&menu);
    QString checked;
    QCOMPARE(listedAccounts(&menu, &checked), accounts->accountNames());
    QCOMPARE(checked, u"service:b@example.com"_s);
    QVERIFY(menu.actions().contains(accounts->signOutAction()));
    entry(&menu, u"service:a@example.com"_s)->trigger();
    QTRY_COMPARE(shown.count(), 3);
    QCOMPARE(accounts->session().accountName, u"service:a@example.com"_s);
    accounts->fillMenu(&menu);
    QCOMPARE(listedAccounts(&menu, &checked).size(), 2);
    QCOMPARE(checked, u"service:a@example.com"_s);
    // Back and forth: neither is lost from the list (each is listed in the order last shown).
    accounts->switchAccount(u"service:b@example.com"_s);
    QCOMPARE(accounts->session().accountName, u"service:b@example.com"_s);
    QCOMPARE(accounts->accountNames(), QStringList({u"service:a@example.com"_s, u"service:b@example.com"_s}));
    accounts->switchAccount(u"service:a@example.com"_s);
    QCOMPARE(accounts->accountNames(), QStringList({u"service:b@example.com"_s, u"service:a@example.com"_s}));
}

void TestAccountController::switchingToAKeptAccountReadsItsSignIn()
{
    keep(u"kept@example.com"_s);
    const std::unique_ptr<AccountController> accounts = make();
    accounts->setSession(sessionOnly(u"service:a@example.com"_s));
    QMenu menu;
    accounts->fillMenu(&menu);
    QString checked;
    QCOMPARE(listedAccounts(&menu, &checked), QStringList({u"kept@example.com"_s, u"service:a@example.com"_s}));

    QSignalSpy shown(accounts.get(), &AccountController::sessionChanged);
    QSignalSpy status(accounts.get(), &AccountController::statusMessage);
    entry(&menu, u"kept@example.com"_s)->trigger();
    QTRY_COMPARE(shown.count(), 1);
    const AccountSession session = shown.first().at(0).value<AccountSession>();
    QCOMPARE(session.accountName, u"kept@example.com"_s);
    QVERIFY(session.tokenFactory); // a refreshing provider from the kept refresh token
    QCOMPARE(session.endpoints.oauthToken, QUrl(u"http://127.0.0.1:9/token"_s));
    QVERIFY(!status.isEmpty() && status.first().at(0).toString().contains(u"kept@example.com"_s));
    QVERIFY(status.last().at(0).toString().isEmpty()); // the "Switching to…" line is cleared
    // A kept account is the one the next start shows; it is listed once.
    QCOMPARE(m_f->settings.currentAccount(), u"kept@example.com"_s);
    QCOMPARE(accounts->accountNames(), QStringList({u"kept@example.com"_s, u"service:a@example.com"_s}));
}

void TestAccountController::aMissingSignInIsSaid()
{
    keep(u"lost@example.com"_s, false);
    const std::unique_ptr<AccountController> accounts = make();
    accounts->setSession(sessionOnly(u"service:a@example.com"_s));
    QSignalSpy shown(accounts.get(), &AccountController::sessionChanged);
    QSignalSpy warning(accounts.get(), &AccountController::warning);
    accounts->switchAccount(u"lost@example.com"_s);
    QTRY_COMPARE(warning.count(), 1);
    QVERIFY(warning.first().at(1).toString().contains(u"lost@example.com"_s));
    QCOMPARE(shown.count(), 0);
    QCOMPARE(accounts->session().accountName, u"service:a@example.com"_s);
}

void TestAccountController::noSwitchWhileARunIsInFlight()
{
    const std::unique_ptr<AccountController> accounts = make();
    accounts->setSession(sessionOnly(u"service:a@example.com"_s));
    accounts->setSession(sessionOnly(u"service:b@example.com"_s));
    QSignalSpy shown(accounts.get(), &AccountController::sessionChanged);
    QSignalSpy status(accounts.get(), &AccountController::statusMessage);

    m_f->runInFlight = true;
    accounts->switchAccount(u"service:a@example.com"_s);
    QCOMPARE(shown.count(), 0);
    QCOMPARE(accounts->session().accountName, u"service:b@example.com"_s);
    QCOMPARE(status.count(), 1);
    QVERIFY(status.first().at(0).toString().contains(u"run"_s));

    m_f->runInFlight = false;
    accounts->switchAccount(u"service:a@example.com"_s);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(accounts->session().accountName, u"service:a@example.com"_s);
}

void TestAccountController::restoreShowsTheLastShownKeptAccount()
{
    keep(u"first@example.com"_s);
    keep(u"second@example.com"_s);
    {
        // Nothing shown before: the first kept account.
        const std::unique_ptr<AccountController> accounts = make();
        accounts->restoreAccount();
        QTRY_COMPARE(accounts->session().accountName, u"first@example.com"_s);
    }
    m_f->settings.setCurrentAccount(u"second@example.com"_s);
    {
        const std::unique_ptr<AccountController> accounts = make();
        accounts->restoreAccount();
        QTRY_COMPARE(accounts->session().accountName, u"second@example.com"_s);
    }
    {
        // An account shown meanwhile (the sandbox, a new sign-in) is not replaced when the store answers.
        const std::unique_ptr<AccountController> accounts = make();
        QSignalSpy shown(accounts.get(), &AccountController::sessionChanged);
        accounts->restoreAccount();
        accounts->setSession(sessionOnly(u"service:a@example.com"_s));
        QTest::qWait(50); // the store's answer is queued; it must change nothing
        QCOMPARE(shown.count(), 1);
        QCOMPARE(accounts->session().accountName, u"service:a@example.com"_s);
    }
}

void TestAccountController::signOutOfAKeptAccountForgetsItAndShowsTheNext()
{
    keep(u"kept@example.com"_s);
    const std::unique_ptr<AccountController> accounts = make();
    accounts->setSession(sessionOnly(u"service:a@example.com"_s));
    accounts->switchAccount(u"kept@example.com"_s);
    QTRY_COMPARE(accounts->session().accountName, u"kept@example.com"_s);

    QSignalSpy shown(accounts.get(), &AccountController::sessionChanged);
    QSignalSpy signingOut(accounts.get(), &AccountController::signingOut);
    QSignalSpy status(accounts.get(), &AccountController::statusMessage);
    accounts->signOutAction()->trigger();
    QCOMPARE(signingOut.count(), 1); // the window cancels a run on it
    // Shown: none, then the next account.
    QCOMPARE(shown.count(), 2);
    QVERIFY(!shown.at(0).at(0).value<AccountSession>().isValid());
    QCOMPARE(accounts->session().accountName, u"service:a@example.com"_s);
    // The revoke cannot reach the (absent) server; the sign-in is forgotten anyway, and the message says so.
    QTRY_VERIFY(!m_f->accounts.find(Auth::Account::Kind::Google, u"kept@example.com"_s));
    QTRY_VERIFY(!m_f->store.contains(u"google/kept@example.com"_s));
    QTRY_VERIFY(!status.isEmpty());
    QCOMPARE(accounts->accountNames(), QStringList({u"service:a@example.com"_s}));

    // Out of the last one: nothing shown, nothing to sign out of.
    accounts->signOut();
    QVERIFY(!accounts->session().isValid());
    QVERIFY(accounts->accountNames().isEmpty());
    QVERIFY(!accounts->signOutAction()->isEnabled());
    QMenu menu;
    accounts->fillMenu(&menu);
    QString checked;
    QVERIFY(listedAccounts(&menu, &checked).isEmpty());
    QAction *none = entry(&menu, u"No accounts yet"_s);
    QVERIFY(none && !none->isEnabled());
    QVERIFY(menu.actions().contains(accounts->signOutAction()));
}

void TestAccountController::signInOutcomesReachTheWindow()
{
    {
        const std::unique_ptr<AccountController> accounts = make();
        QSignalSpy information(accounts.get(), &AccountController::information);
        QSignalSpy busy(accounts.get(), &AccountController::busyChanged);
        accounts->signInWithGoogle();
        QCOMPARE(information.count(), 1); // not in this build
        QCOMPARE(busy.count(), 0);
    }
    AccountSession next;
    QString error = u"The browser sign-in was refused."_s;
    const AccountController::GoogleSignIn signIn = [&next, &error](QWidget *, auto done) { done(next, error); };
    const std::unique_ptr<AccountController> accounts = make(signIn);
    QSignalSpy busy(accounts.get(), &AccountController::busyChanged);
    QSignalSpy warning(accounts.get(), &AccountController::warning);
    QSignalSpy shown(accounts.get(), &AccountController::sessionChanged);

    accounts->signInWithGoogle();
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
    QCOMPARE(busy.at(1).at(1).toString(), error);
    QCOMPARE(warning.count(), 1);
    QCOMPARE(warning.first().at(1).toString(), error);
    QCOMPARE(shown.count(), 0);

    next = sessionOnly(u"new@example.com"_s);
    error.clear();
    accounts->signInWithGoogle();
    QCOMPARE(shown.count(), 1);
    QCOMPARE(accounts->session().accountName, u"new@example.com"_s);
    QCOMPARE(warning.count(), 1);
    QCOMPARE(busy.last().at(0).toBool(), false);
}

void TestAccountController::signingOutOfTheSandboxStopsIt()
{
    if (qEnvironmentVariableIsEmpty("DI_SANDBOX"))
        QSKIP("DI_SANDBOX is not set (run through ctest)");
    const std::unique_ptr<AccountController> accounts = make();
    QSignalSpy busy(accounts.get(), &AccountController::busyChanged);
    accounts->trySandbox();
    QCOMPARE(busy.count(), 1);
    QVERIFY(busy.first().at(0).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(accounts->session().isSandbox, 20000);
    QVERIFY(accounts->sandbox()->isRunning());
    QCOMPARE(busy.last().at(0).toBool(), false);
    const AccountSession sandbox = accounts->session();

    // A service-account key added while trying the sandbox is for the sandbox.
    QString error;
    QVERIFY2(accounts->useServiceAccountKey(accounts->sandbox()->serviceAccountKeyFile(), &error), qPrintable(error));
    QVERIFY(accounts->session().accountName.startsWith(u"service:"_s));
    QCOMPARE(accounts->session().endpoints.oauthToken, sandbox.endpoints.oauthToken);
    QVERIFY(!accounts->useServiceAccountKey(m_f->dir.filePath(u"no-such-key.json"_s), &error));
    QVERIFY(!error.isEmpty());

    // Back to the sandbox and out of it: the sandbox process ends, the key's account is shown next.
    accounts->switchAccount(sandbox.accountName);
    QVERIFY(accounts->session().isSandbox);
    accounts->signOut();
    QVERIFY(!accounts->sandbox()->isRunning());
    QVERIFY(accounts->session().accountName.startsWith(u"service:"_s));
    QVERIFY(!accounts->accountNames().contains(sandbox.accountName));
}

QTEST_MAIN(TestAccountController)
#include "tst_accountcontroller.moc"
