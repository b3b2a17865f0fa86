// SPDX-License-Identifier: GPL-3.0-or-later
// Auth::AccountService: a kept account read back into a token provider, a new sign-in kept, and Drive asked
// whose sign-in it is: one service for the CLI and the app (issue 10 item 6). A MemoryTokenStore and a
// scripted loopback server; no sandbox.
#include "auth/accountservice.h"
#include "auth/googletokenprovider.h"
#include "auth/memorytokenstore.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace
{
Auth::Account google(const QString &name, const QString &tokenEndpoint = u"https://oauth2.googleapis.com/token"_s)
{
    return {Auth::Account::Kind::Google, name, u"client-1.apps.googleusercontent.com"_s, tokenEndpoint, {}};
}

/// Waits for `done` of an asynchronous service call; the answer must come, and once.
template<typename Answer>
std::optional<Answer> answerOf(const std::function<void(QObject *, std::function<void(const Answer &)>)> &start)
{
    QObject context;
    std::optional<Answer> answer;
    int calls = 0;
    start(&context, [&](const Answer &a) {
        answer = a;
        ++calls;
    });
    if (!QTest::qWaitFor([&] { return calls > 0; }, 5000))
        return std::nullopt;
    QTest::qWait(10);
    return calls == 1 ? answer : std::nullopt;
}

using Loaded = std::pair<std::optional<Auth::GoogleSignIn>, QString>;
using LoadedDatabricks = std::pair<std::optional<Auth::DatabricksCredentials>, QString>;

/// An account list in a temporary INI file, a memory store and the service over both.
struct Kept
{
    QTemporaryDir dir;
    QSettings settings {dir.filePath(u"accounts.ini"_s), QSettings::IniFormat};
    Auth::Accounts accounts {&settings};
    Auth::MemoryTokenStore store;
    Auth::AccountService service {&store, &accounts};
};

std::optional<Loaded> loadGoogle(const Auth::AccountService &service, const Auth::Account &account)
{
    return answerOf<Loaded>([&](QObject *context, auto done) {
        service.loadGoogle(account, context, [done](const auto &signIn, const QString &error) { done({signIn, error}); });
    });
}

/// loadWorkspace() with `builtIn`, or loadDatabricks() when `builtIn` is absent.
std::optional<LoadedDatabricks> loadDatabricks(const Auth::AccountService &service, const QString &host,
                                               const std::optional<std::optional<Auth::DatabricksCredentials>> &builtIn = {})
{
    return answerOf<LoadedDatabricks>([&](QObject *context, auto done) {
        const auto answer = [done](const auto &credentials, const QString &error) { done({credentials, error}); };
        if (builtIn)
            service.loadWorkspace(host, *builtIn, context, answer);
        else
            service.loadDatabricks(host, context, answer);
    });
}

/// One HTTP exchange on loopback: answers `status` with `body`, keeps the request it got.
class OneReplyServer final : public QTcpServer
{
public:
    OneReplyServer(QByteArray status, QByteArray body)
        : m_status(std::move(status))
        , m_body(std::move(body))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                request += socket->readAll();
                if (!request.contains("\r\n\r\n"))
                    return;
                socket->write("HTTP/1.1 " + m_status + "\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: "
                              + QByteArray::number(m_body.size()) + "\r\nConnection: close\r\n\r\n" + m_body);
                socket->disconnectFromHost();
            });
        });
        listen(QHostAddress::LocalHost);
    }
    [[nodiscard]] QUrl base() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(serverPort())); }

    QByteArray request;

private:
    QByteArray m_status;
    QByteArray m_body;
};
} // namespace

class TestAccountService final : public QObject
{
    Q_OBJECT

private slots:
    void loadsAKeptGoogleAccount()
    {
        Auth::MemoryTokenStore store;
        const Auth::Account account = google(u"alice@example.com"_s);
        store.write(account.storeKey(), Auth::GoogleSecret {"1//refresh-alice", "secret-alice"}.toBlob(), this, [](const auto &) {});
        QTRY_VERIFY(store.contains(account.storeKey()));

        const Auth::AccountService service(&store);
        const auto loaded = loadGoogle(service, account);
        QVERIFY(loaded);
        QVERIFY2(loaded->first, qPrintable(loaded->second));
        QCOMPARE(loaded->first->name, u"alice@example.com"_s);
        QCOMPARE(loaded->first->client.clientId, u"client-1.apps.googleusercontent.com"_s);
        QCOMPARE(loaded->first->client.clientSecret, "secret-alice"_ba);
        QCOMPARE(loaded->first->refreshToken, "1//refresh-alice"_ba);

        // Into a token provider for that account (as the engine's thread would build it).
        const Auth::TokenFactory factory = loaded->first->tokenFactory(Net::Endpoints::google());
        QNetworkAccessManager nam;
        QObject parent;
        Net::TokenProvider *provider = factory(&nam, &parent);
        QVERIFY(qobject_cast<Auth::GoogleTokenProvider *>(provider));
        QCOMPARE(provider->parent(), &parent);
        QCOMPARE(provider->accountName(), u"alice@example.com"_s);
        // An access token already had (a sign-in that just happened) is used before any refresh.
        Auth::TokenResponse first;
        first.accessToken = "ya29.first";
        first.expiresIn = 3600;
        QCOMPARE(loaded->first->tokenFactory(Net::Endpoints::google(), first)(&nam, &parent)->accessToken(), "ya29.first"_ba);
    }

    void missingOrUnreadableSignIn()
    {
        Auth::MemoryTokenStore store;
        const Auth::AccountService service(&store);
        const auto load = [&](const Auth::Account &account) { return loadGoogle(service, account); };
        const auto missing = load(google(u"bob"_s));
        QVERIFY(missing && !missing->first);
        QVERIFY2(missing->second.contains(u"\"bob\" is missing from the "_s + store.description()), qPrintable(missing->second));

        store.write(google(u"carol"_s).storeKey(), "not json", this, [](const auto &) {});
        QTRY_VERIFY(store.contains(google(u"carol"_s).storeKey()));
        const auto unreadable = load(google(u"carol"_s));
        QVERIFY(unreadable && !unreadable->first);
        QVERIFY2(unreadable->second.contains(u"unreadable"_s), qPrintable(unreadable->second));

        const Auth::AccountService none(nullptr);
        const auto noStore = loadGoogle(none, google(u"bob"_s));
        QVERIFY(noStore && !noStore->first && !noStore->second.isEmpty());
    }

    void keepsANewSignInAndReadsItBack()
    {
        Kept fixture;
        Auth::Accounts &accounts = fixture.accounts;
        Auth::MemoryTokenStore &store = fixture.store;
        const Auth::AccountService &service = fixture.service;
        const Net::Endpoints sandbox = Net::Endpoints::sandbox(QUrl(u"http://127.0.0.1:8765"_s));
        const Auth::GoogleSignIn signIn {u"dave@example.com"_s, {u"client-2"_s, "secret-2"}, "1//refresh-dave"};
        const auto kept = answerOf<bool>([&](QObject *context, auto done) {
            service.keepGoogle(signIn, sandbox, context, [done](bool ok, const QString &) { done(ok); });
        });
        QVERIFY(kept && *kept);
        const std::optional<Auth::Account> account = accounts.find(Auth::Account::Kind::Google, u"dave@example.com"_s);
        QVERIFY(account);
        QCOMPARE(account->clientId, u"client-2"_s);
        QCOMPARE(account->detail, sandbox.oauthToken.toString());
        QVERIFY(!fixture.settings.allKeys().join(u' ').contains(u"refresh"_s)); // the secret is in the store only
        QCOMPARE(Auth::GoogleSecret::fromBlob(store.value(account->storeKey()))->refreshToken, "1//refresh-dave"_ba);
        // Signed in at the sandbox: read back, it talks to the sandbox again.
        QCOMPARE(Auth::AccountService::endpointsFor(*account).driveApi, sandbox.driveApi);
        QCOMPARE(Auth::AccountService::endpointsFor(google(u"x"_s)).driveApi, Net::Endpoints::google().driveApi);
        const auto loaded = loadGoogle(service, *account);
        QVERIFY(loaded && loaded->first);
        QCOMPARE(loaded->first->refreshToken, "1//refresh-dave"_ba);
        QCOMPARE(loaded->first->client.clientSecret, "secret-2"_ba);
    }

    void loadsKeptDatabricksCredentials()
    {
        Auth::MemoryTokenStore store;
        Auth::DatabricksCredentials credentials;
        credentials.kind = Auth::DatabricksCredentials::Kind::OAuthM2M;
        credentials.host = u"https://dbc-1.cloud.databricks.com"_s;
        credentials.clientId = u"sp-1"_s;
        credentials.secret = "sp-secret"_ba;
        store.write(Auth::DatabricksCredentials::storeKey(credentials.host), credentials.toSecretBlob(), this, [](const auto &) {});
        QTRY_VERIFY(store.contains(Auth::DatabricksCredentials::storeKey(credentials.host)));
        const Auth::AccountService service(&store);
        const auto load = [&](const QString &host) { return loadDatabricks(service, host); };
        const auto loaded = load(credentials.host);
        QVERIFY(loaded && loaded->first);
        QCOMPARE(loaded->first->kind, Auth::DatabricksCredentials::Kind::OAuthM2M);
        QCOMPARE(loaded->first->clientId, u"sp-1"_s);
        QCOMPARE(loaded->first->secret, "sp-secret"_ba);
        const auto missing = load(u"https://dbc-2.cloud.databricks.com"_s);
        QVERIFY(missing && !missing->first);
        QVERIFY2(missing->second.contains(u"No Databricks credentials for https://dbc-2.cloud.databricks.com"_s), qPrintable(missing->second));
    }

    void workspaceRuleKeptFirstThenBuiltIn()
    {
        // The one rule both faces use for a run's workspace: what was kept for it, else the built-in (sandbox)
        // credentials, else why there are none.
        Kept fixture;
        Auth::Accounts &accounts = fixture.accounts;
        Auth::MemoryTokenStore &store = fixture.store;
        const Auth::AccountService &service = fixture.service;
        const QString host = u"http://127.0.0.1:8765"_s;
        Auth::DatabricksCredentials builtIn;
        builtIn.host = host;
        builtIn.secret = "dapi-sandbox-token";
        const auto load = [&](const std::optional<Auth::DatabricksCredentials> &fallback) {
            return loadDatabricks(service, host, fallback);
        };
        const auto sandbox = load(builtIn);
        QVERIFY(sandbox && sandbox->first);
        QCOMPARE(sandbox->first->secret, "dapi-sandbox-token"_ba);
        const auto none = load(std::nullopt);
        QVERIFY(none && !none->first && none->second.contains(u"No Databricks credentials"_s));

        Auth::DatabricksCredentials kept;
        kept.host = host;
        kept.secret = "dapi-kept";
        store.write(Auth::DatabricksCredentials::storeKey(host), kept.toSecretBlob(), this, [](const auto &) {});
        QTRY_VERIFY(store.contains(Auth::DatabricksCredentials::storeKey(host)));
        QVERIFY(load(builtIn)->first); // in the store but not in the account list: not kept, the built-in ones
        QCOMPARE(load(builtIn)->first->secret, "dapi-sandbox-token"_ba);
        accounts.save({Auth::Account::Kind::Databricks, host, {}, u"pat"_s, {}});
        const auto keptFirst = load(builtIn);
        QVERIFY(keptFirst && keptFirst->first);
        QCOMPARE(keptFirst->first->secret, "dapi-kept"_ba);
    }

    void fetchEmailAsksDriveWithTheToken()
    {
        OneReplyServer drive("200 OK", R"({"user":{"emailAddress":"erin@example.com"}})");
        Net::Endpoints endpoints = Net::Endpoints::sandbox(drive.base());
        QNetworkAccessManager nam;
        const auto email = answerOf<QString>([&](QObject *context, auto done) {
            Auth::AccountService::fetchEmail(&nam, endpoints, "ya29.erin", context, done);
        });
        QCOMPARE(email, u"erin@example.com"_s);
        QVERIFY2(drive.request.startsWith("GET /drive/v3/about?fields=user(emailAddress) "), drive.request.constData());
        QVERIFY(drive.request.contains("\r\nAuthorization: Bearer ya29.erin\r\n"));

        OneReplyServer refusing("401 Unauthorized", R"({"error":{"code":401}})");
        const auto none = answerOf<QString>([&](QObject *context, auto done) {
            Auth::AccountService::fetchEmail(&nam, Net::Endpoints::sandbox(refusing.base()), "ya29.bad", context, done);
        });
        QVERIFY(none && none->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAccountService)
#include "tst_accountservice.moc"
