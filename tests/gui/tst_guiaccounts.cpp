// SPDX-License-Identifier: GPL-3.0-or-later
// The window's accounts against the real sandbox, with the in-memory token store and a private account list:
// Databricks workspaces (added in the dialog, kept in the store in the CLI's format, used and checked before a
// run, removed), several Google accounts side by side (signed in through the real OAuth flow, switched,
// signed out of one), and the Drive search.
#include "accountsmenu.h"
#include "appsettings.h"
#include "auth/accounts.h"
#include "auth/databrickscredentials.h"
#include "auth/memorytokenstore.h"
#include "browsermodel.h"
#include "databricksdialog.h"
#include "databricksworkspaces.h"
#include "destinationpicker.h"
#include "drivebrowsersource.h"
#include "enginerunner.h"
#include "googlesignin.h"
#include "mainwindow.h"
#include "queuemodel.h"
#include "sandboxlauncher.h"
#include "transfer/enginehost.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

class TestGuiAccounts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void databricksWorkspaces();
    void googleAccountsSideBySide();
    void driveSearch();

private:
    struct Fixture
    {
        QTemporaryDir dir;
        std::unique_ptr<QSettings> qsettings;
        std::unique_ptr<QSettings> accountSettings;
        std::unique_ptr<AppSettings> settings;
        std::unique_ptr<Auth::Accounts> accounts;
        Auth::MemoryTokenStore store;
        QNetworkAccessManager nam;
        Transfer::EngineHost host;
        std::unique_ptr<EngineRunner> runner;
        std::unique_ptr<MainWindow> window;
    };
    void makeWindow(const MainWindow::GoogleSignIn &signIn = {});
    void signInToSandbox();
    QModelIndex waitForChild(const QModelIndex &parent, const QString &name);
    /// The sandbox's /_sandbox/stats "tokens" section (grants, refreshes, revokes).
    QJsonObject tokenStats(const QUrl &base);

    std::unique_ptr<Fixture> m_f;
};

void TestGuiAccounts::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DI_SANDBOX"))
        QSKIP("DI_SANDBOX is not set (run through ctest)");
}

void TestGuiAccounts::init()
{
    m_f = std::make_unique<Fixture>();
    m_f->qsettings = std::make_unique<QSettings>(m_f->dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_f->accountSettings = std::make_unique<QSettings>(m_f->dir.filePath(u"accounts.ini"_s), QSettings::IniFormat);
    m_f->settings = std::make_unique<AppSettings>(m_f->qsettings.get());
    m_f->accounts = std::make_unique<Auth::Accounts>(m_f->accountSettings.get());
    m_f->runner = std::make_unique<EngineRunner>(&m_f->host);
}

void TestGuiAccounts::cleanup()
{
    if (m_f && m_f->window)
        m_f->window->sandboxLauncher()->stop();
    m_f.reset();
}

void TestGuiAccounts::makeWindow(const MainWindow::GoogleSignIn &signIn)
{
    MainWindow::Services services;
    services.settings = m_f->settings.get();
    services.runner = m_f->runner.get();
    services.nam = &m_f->nam;
    services.tokenStore = &m_f->store;
    services.accounts = m_f->accounts.get();
    services.googleSignIn = signIn;
    QNetworkAccessManager *nam = &m_f->nam;
    services.browserFactory = [nam](const AccountSession &session, QObject *parent) -> BrowserSource * {
        return new DriveBrowserSource(nam, session, parent);
    };
    m_f->window = std::make_unique<MainWindow>(services);
    m_f->window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_f->window.get()));
}

void TestGuiAccounts::signInToSandbox()
{
    m_f->window->trySandbox();
    QTRY_VERIFY_WITH_TIMEOUT(m_f->window->session().isValid(), 20000);
    QVERIFY(m_f->window->session().isSandbox);
}

QModelIndex TestGuiAccounts::waitForChild(const QModelIndex &parent, const QString &name)
{
    BrowserModel *model = m_f->window->browserModel();
    QModelIndex found;
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT((model->canFetchMore(parent) && (model->fetchMore(parent), false))
                                     || (found = model->findChild(parent, name)).isValid(),
                                 15000);
    }();
    return found;
}

QJsonObject TestGuiAccounts::tokenStats(const QUrl &base)
{
    QNetworkReply *reply = m_f->nam.get(QNetworkRequest(base.resolved(QUrl(u"/_sandbox/stats"_s))));
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object().value(u"tokens"_s).toObject();
}

void TestGuiAccounts::databricksWorkspaces()
{
    makeWindow();
    signInToSandbox();
    MainWindow *window = m_f->window.get();
    const QString sandboxHost = Auth::DatabricksCredentials::normaliseHost(window->session().endpoints.databricksHost.toString());
    QVERIFY(!sandboxHost.isEmpty());

    // A workspace kept by `drive-ingest-cli databricks-login` (same list, same store key and value) shows up.
    Auth::DatabricksCredentials cli;
    cli.host = u"https://dbc-cli.cloud.databricks.com"_s;
    cli.secret = "dapi-from-the-cli";
    m_f->store.write(Auth::DatabricksCredentials::storeKey(cli.host), cli.toSecretBlob(), this, [](const auto &) {});
    m_f->accounts->save({Auth::Account::Kind::Databricks, cli.host, {}, u"pat"_s, QDateTime::currentDateTimeUtc()});
    QTRY_VERIFY(m_f->store.contains(Auth::DatabricksCredentials::storeKey(cli.host)));

    window->showDatabricksWorkspaces();
    auto *dialog = window->findChild<DatabricksDialog *>();
    QVERIFY(dialog);
    auto *list = dialog->findChild<QListWidget *>(u"workspaces"_s);
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains(cli.host));

    // A service principal: the secret field hides what is typed; a wrong pair is refused before anything is kept.
    auto *host = dialog->findChild<QLineEdit *>(u"host"_s);
    auto *clientId = dialog->findChild<QLineEdit *>(u"clientId"_s);
    auto *secret = dialog->findChild<QLineEdit *>(u"secret"_s);
    auto *add = dialog->findChild<QPushButton *>(u"addButton"_s);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    dialog->findChild<QRadioButton *>(u"m2mKind"_s)->setChecked(true);
    QVERIFY(clientId->isEnabled());
    host->setText(sandboxHost);
    clientId->setText(u"sandbox-sp"_s);
    secret->setText(u"not-the-secret"_s);
    add->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
    QVERIFY(!dialog->statusText().isEmpty());
    QVERIFY(!m_f->store.contains(Auth::DatabricksCredentials::storeKey(sandboxHost)));
    QCOMPARE(list->count(), 1);

    secret->setText(u"sandbox-sp-secret"_s);
    add->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
    QCOMPARE(list->count(), 2);
    QVERIFY(secret->text().isEmpty());
    // Kept as the CLI keeps it: the account (no secret) in the list, the pair in the store.
    const std::optional<Auth::Account> kept = m_f->accounts->find(Auth::Account::Kind::Databricks, sandboxHost);
    QVERIFY(kept);
    QCOMPARE(kept->detail, u"oauth-m2m"_s);
    QCOMPARE(kept->clientId, u"sandbox-sp"_s);
    const auto stored = Auth::DatabricksCredentials::fromSecretBlob(sandboxHost, m_f->store.value(Auth::DatabricksCredentials::storeKey(sandboxHost)));
    QVERIFY(stored);
    QCOMPARE(stored->kind, Auth::DatabricksCredentials::Kind::OAuthM2M);
    QCOMPARE(stored->secret, "sandbox-sp-secret"_ba);
    // The first workspace added is the one runs use.
    QCOMPARE(m_f->settings->databricksWorkspace(), sandboxHost);
    if (const QString grabs = qEnvironmentVariable("DI_GUI_GRAB_DIR"); !grabs.isEmpty())
        dialog->grab().save(grabs + u"/databricks-workspaces.png"_s); // to look at, not compared
    dialog->close();

    // A run into a Volume: the check fetches a token for the service principal, then the file lands.
    const QModelIndex demo = waitForChild(window->browserModel()->index(0, 0), u"Drive Ingest Demo"_s);
    const QModelIndex binary = waitForChild(demo, u"Binary"_s);
    const QModelIndex small = waitForChild(binary, u"64KiB.bin"_s);
    QVERIFY(small.isValid());
    window->addSources(window->browserModel()->sourceItems({small}));
    window->destinationPicker()->setChoice({AppSettings::DestinationKind::Volume, u"/Volumes/main/default/landing/gui"_s});
    QSignalSpy finished(m_f->runner.get(), &RunController::finished);
    window->startRun();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    const auto report = finished.first().first().value<Transfer::Report>();
    QCOMPARE(report.files.size(), 1);
    QCOMPARE(report.files.first().state, Transfer::FileState::Done);

    // Credentials the workspace refuses stop the start at the check, with the reason under the destination.
    window->showDatabricksWorkspaces();
    dialog = window->findChild<DatabricksDialog *>();
    QVERIFY(dialog);
    list = dialog->findChild<QListWidget *>(u"workspaces"_s);
    // A personal access token the sandbox does not know is refused by the dialog, as by databricks-login
    // (the same core check): the service principal's entry stays.
    dialog->findChild<QLineEdit *>(u"host"_s)->setText(sandboxHost);
    dialog->findChild<QRadioButton *>(u"patKind"_s)->setChecked(true);
    dialog->findChild<QLineEdit *>(u"secret"_s)->setText(u"dapi-not-known-here"_s);
    dialog->findChild<QPushButton *>(u"addButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
    QVERIFY2(dialog->statusText().contains(u"refused"_s), qPrintable(dialog->statusText()));
    QCOMPARE(m_f->accounts->find(Auth::Account::Kind::Databricks, sandboxHost)->detail, u"oauth-m2m"_s);
    // (the sandbox's entry replaced behind the app's back, as a token revoked after it was kept)
    Auth::DatabricksCredentials revoked;
    revoked.host = sandboxHost;
    revoked.secret = "dapi-not-known-here";
    m_f->store.write(Auth::DatabricksCredentials::storeKey(sandboxHost), revoked.toSecretBlob(), this, [](const auto &) {});
    m_f->accounts->save({Auth::Account::Kind::Databricks, sandboxHost, {}, u"pat"_s, QDateTime::currentDateTimeUtc()});
    QTRY_VERIFY(m_f->store.value(Auth::DatabricksCredentials::storeKey(sandboxHost)).contains("dapi-not-known-here"));
    QCOMPARE(m_f->accounts->find(Auth::Account::Kind::Databricks, sandboxHost)->detail, u"pat"_s);
    window->addSources(window->browserModel()->sourceItems({small}));
    const int starts = finished.size();
    window->startRun();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isCheckingDestination(), 15000);
    QVERIFY(!window->isRunning());
    QCOMPARE(finished.size(), starts);
    QVERIFY2(window->destinationPicker()->problem().contains(u"refused"_s), qPrintable(window->destinationPicker()->problem()));

    // Remove: the store entry and the list entry go; runs no longer have a workspace.
    for (int row = 0; row < list->count(); ++row)
        if (list->item(row)->data(Qt::UserRole).toString() == sandboxHost)
            list->setCurrentRow(row);
    QCOMPARE(dialog->selectedHost(), sandboxHost);
    dialog->findChild<QPushButton *>(u"removeButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_f->accounts->find(Auth::Account::Kind::Databricks, sandboxHost), 15000);
    QTRY_VERIFY(!m_f->store.contains(Auth::DatabricksCredentials::storeKey(sandboxHost)));
    QCOMPARE(list->count(), 1);
    QVERIFY(m_f->settings->databricksWorkspace().isEmpty());
    dialog->close();

    // Nothing secret in the app's settings or the account list.
    m_f->qsettings->sync();
    m_f->accountSettings->sync();
    for (const QString &name : {u"settings.ini"_s, u"accounts.ini"_s})
    {
        QFile file(m_f->dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        for (const QByteArray &secretValue : {"sandbox-sp-secret"_ba, "dapi-not-known-here"_ba, "dapi-from-the-cli"_ba})
            QVERIFY2(!text.contains(secretValue), name.toUtf8().constData());
    }
}

void TestGuiAccounts::googleAccountsSideBySide()
{
    // The test plays the browser: it follows the consent URL, the sandbox answers on the loopback redirect.
    QNetworkAccessManager browser;
    GoogleSignIn::Options options;
    options.nam = &m_f->nam;
    options.settings = m_f->settings.get();
    options.store = &m_f->store;
    options.accounts = m_f->accounts.get();
    options.client = Auth::OAuthClient::sandbox();
    options.openUrl = [&browser](const QUrl &url) {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = browser.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    };
    // The endpoints are the sandbox's, known once it runs: the sign-in is made then.
    MainWindow::GoogleSignIn signIn;
    auto *optionsRef = &options;
    makeWindow([optionsRef, &signIn](QWidget *w, std::function<void(const AccountSession &, const QString &)> done) {
        if (!signIn)
            signIn = GoogleSignIn::make(*optionsRef);
        signIn(w, done);
    });
    signInToSandbox();
    MainWindow *window = m_f->window.get();
    options.endpoints = window->session().endpoints;
    const QString sandboxName = window->session().accountName;

    // First sign-in, then kept under another name (as `drive-ingest-cli login --account first@example.com` would).
    window->signInWithGoogle();
    const QString email = u"sandbox.user@example.com"_s;
    QTRY_COMPARE_WITH_TIMEOUT(window->session().accountName, email, 20000);
    QVERIFY(m_f->accounts->find(Auth::Account::Kind::Google, email));
    const QString first = u"first@example.com"_s;
    {
        Auth::Account account = *m_f->accounts->find(Auth::Account::Kind::Google, email);
        const QByteArray blob = m_f->store.value(account.storeKey());
        QVERIFY(!blob.isEmpty());
        m_f->store.remove(account.storeKey(), this, [](const auto &) {});
        m_f->accounts->remove(Auth::Account::Kind::Google, email);
        account.name = first;
        m_f->store.write(account.storeKey(), blob, this, [](const auto &) {});
        m_f->accounts->save(account);
        QTRY_VERIFY(m_f->store.contains(account.storeKey()));
    }
    // Second sign-in: a second account beside the first, each with its own refresh token.
    window->signInWithGoogle();
    QTRY_VERIFY_WITH_TIMEOUT(m_f->accounts->find(Auth::Account::Kind::Google, email).has_value(), 20000);
    QTRY_COMPARE(window->session().accountName, email);
    QVERIFY(m_f->store.value(u"google/"_s + email) != m_f->store.value(u"google/"_s + first));

    // The Accounts menu lists them all (and the sandbox of this session), the shown one checked.
    QMenu *menu = nullptr;
    for (QAction *a : window->menuBar()->actions())
        if (a->menu() && a->text().remove(u'&') == u"Accounts"_s)
            menu = a->menu();
    QVERIFY(menu);
    emit menu->aboutToShow();
    QString checked;
    const QStringList listed = listedAccounts(menu, &checked);
    QVERIFY2(listed.contains(first) && listed.contains(email) && listed.contains(sandboxName), qPrintable(listed.join(u", "_s)));
    QCOMPARE(checked, email);

    // Switch: the browser reloads for the chosen account, through its own kept sign-in.
    for (QAction *a : menu->actions())
        if (a->text() == first)
            a->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window->session().accountName, first, 10000);
    QVERIFY(!window->session().isSandbox);
    QVERIFY(waitForChild(window->browserModel()->index(0, 0), u"Drive Ingest Demo"_s).isValid());
    QCOMPARE(m_f->settings->currentAccount(), first);

    // Sign out of it: revoked at the sandbox, gone from the store and the list; the window shows another account.
    const QUrl sandboxBase = window->session().endpoints.oauthToken;
    const int revokedBefore = tokenStats(sandboxBase).value(u"revoked"_s).toInt();
    window->signOut();
    QTRY_VERIFY_WITH_TIMEOUT(!m_f->accounts->find(Auth::Account::Kind::Google, first), 15000);
    QCOMPARE(tokenStats(sandboxBase).value(u"revoked"_s).toInt(), revokedBefore + 1);
    QVERIFY(!m_f->store.contains(u"google/"_s + first));
    QVERIFY(m_f->store.contains(u"google/"_s + email));
    QTRY_VERIFY_WITH_TIMEOUT(window->session().isValid() && window->session().accountName != first, 10000);
    QVERIFY(!window->accountNames().contains(first));

    // A service-account key added in the app is listed for the session (the sandbox's demo one, while the
    // sandbox is the shown account, is meant for the sandbox).
    window->switchAccount(sandboxName);
    QTRY_VERIFY(window->session().isSandbox);
    QString error;
    QVERIFY2(window->useServiceAccountKey(window->sandboxLauncher()->serviceAccountKeyFile(), &error), qPrintable(error));
    QVERIFY(window->session().accountName.startsWith(u"service:"_s));
    QVERIFY(window->accountNames().contains(window->session().accountName));
    QVERIFY(waitForChild(window->browserModel()->index(0, 0), u"Drive Ingest Demo"_s).isValid());
}

void TestGuiAccounts::driveSearch()
{
    makeWindow();
    signInToSandbox();
    MainWindow *window = m_f->window.get();
    BrowserModel *browser = window->browserModel();
    QAbstractItemModelTester tester(browser, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(window->browserView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Typing asks Drive once typing pauses; the results come back as "Search: …", beyond what was loaded.
    QTest::keyClicks(window->searchField(), u"MiB"_s);
    QTRY_VERIFY_WITH_TIMEOUT(browser->searchIndex().isValid(), 5000);
    const QModelIndex results = browser->searchIndex();
    QTRY_VERIFY_WITH_TIMEOUT(browser->findChild(results, u"10MiB.bin"_s).isValid(), 15000);
    QVERIFY(browser->findChild(results, u"1MiB.bin"_s).isValid());
    QVERIFY(!browser->findChild(results, u"1KiB.bin"_s).isValid());
    // The top-level entries and the results stay visible under the local filter.
    QAbstractItemModel *shown = window->browserView()->model();
    QVERIFY(shown->rowCount() >= 4);
    const QModelIndex shownResults = shown->index(shown->rowCount() - 1, 0);
    QVERIFY(shownResults.data(BrowserModel::IsSearchRole).toBool());
    QCOMPARE(shown->rowCount(shownResults), browser->rowCount(results));
    // A result goes to the queue like any browsed item.
    const QList<SourceItem> items = browser->sourceItems({browser->findChild(results, u"10MiB.bin"_s)});
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().ref.kind, Drive::DriveRef::Kind::File);
    window->addSources(items);
    QCOMPARE(window->queueModel()->pendingCount(), 1);

    // Scoped to where the user is: My Drive does not see the shared drive's files, "Shared drives" does.
    window->searchField()->setText(u"team"_s);
    window->searchDrive();
    QTRY_VERIFY_WITH_TIMEOUT(browser->rowCount(browser->searchIndex()) == 0 && !browser->canFetchMore(browser->searchIndex())
                                 && !browser->searchIndex().data(BrowserModel::LoadingRole).toBool(),
                             15000);
    const QModelIndex sharedDrives = shown->index(2, 0);
    QCOMPARE(sharedDrives.data().toString(), u"Shared drives"_s);
    window->browserView()->setCurrentIndex(sharedDrives);
    window->searchDrive();
    QTRY_VERIFY_WITH_TIMEOUT(browser->findChild(browser->searchIndex(), u"team-data.bin"_s).isValid(), 15000);
    QVERIFY(browser->findChild(browser->searchIndex(), u"team-report.csv"_s).isValid());

    // Clearing the box removes the results.
    window->searchField()->clear();
    window->searchDrive();
    QVERIFY(!browser->searchIndex().isValid());
    QCOMPARE(browser->rowCount(), 3);
}

QTEST_MAIN(TestGuiAccounts)
#include "tst_guiaccounts.moc"
