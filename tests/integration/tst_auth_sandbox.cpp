// SPDX-License-Identifier: GPL-3.0-or-later
// Sign-in against the real sandbox over loopback HTTP: the test plays the browser by GETting the consent
// URL without following redirects and then GETting the Location (our loopback listener).
#include "auth/accounts.h"
#include "auth/databrickscredentials.h"
#include "auth/googletokenprovider.h"
#include "auth/loopbacklistener.h"
#include "auth/memorytokenstore.h"
#include "auth/oauthflow.h"
#include "auth/serviceaccount.h"
#include "sandboxprocess.h"
#include "testkeys.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

class TestAuthSandbox final : public QObject
{
    Q_OBJECT

private:
    /// The browser: GET the consent page (302 expected), then GET the redirect target.
    /// Returns the listener's HTTP status, 0 when something failed.
    int playBrowser(const QUrl &authorizationUrl)
    {
        QNetworkRequest consent(authorizationUrl);
        consent.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        std::unique_ptr<QNetworkReply> reply(m_nam.get(consent));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(10000))
            return 0;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 302)
        {
            qWarning() << "consent page answered" << status << reply->readAll();
            return 0;
        }
        m_lastRedirect = QUrl::fromEncoded(reply->rawHeader("Location"_ba));
        return getStatus(m_lastRedirect);
    }

    int getStatus(const QUrl &url, const QByteArray &bearer = {})
    {
        QNetworkRequest request(url);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization"_ba, "Bearer "_ba + bearer);
        std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(10000))
            return 0;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    QJsonObject tokenStats() { return m_sandbox->stats().value(u"tokens"_s).toObject(); }

    /// A full sign-in through GoogleOAuthFlow; returns the tokens (empty on failure).
    Auth::TokenResponse signIn(const QString &loginHint = {})
    {
        Auth::GoogleOAuthFlow flow(&m_nam, m_endpoints, Auth::OAuthClient::sandbox());
        flow.setLoginHint(loginHint);
        flow.setTimeout(std::chrono::seconds(20));
        QSignalSpy succeeded(&flow, &Auth::GoogleOAuthFlow::succeeded);
        QSignalSpy failed(&flow, &Auth::GoogleOAuthFlow::failed);
        QUrl url;
        connect(&flow, &Auth::GoogleOAuthFlow::authorizationUrlReady, this, [&url](const QUrl &u) { url = u; });
        if (!flow.start())
            return {};
        m_lastStatus = playBrowser(url);
        if (!QTest::qWaitFor([&] { return succeeded.size() + failed.size() > 0; }, 20000))
            return {};
        m_lastFailure = failed.isEmpty() ? QString() : failed.at(0).at(0).toString();
        if (!failed.isEmpty())
            qWarning().noquote() << "sign-in failed; sandbox token stats:"
                                 << QJsonDocument(tokenStats()).toJson(QJsonDocument::Compact);
        return succeeded.isEmpty() ? Auth::TokenResponse() : succeeded.at(0).at(0).value<Auth::TokenResponse>();
    }

    std::unique_ptr<SandboxProcess> m_sandbox;
    Net::Endpoints m_endpoints;
    QNetworkAccessManager m_nam;
    QUrl m_lastRedirect;
    int m_lastStatus = 0;
    QString m_lastFailure;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<Auth::TokenResponse>();
        if (qEnvironmentVariableIsEmpty("DI_SANDBOX"))
            QSKIP("DI_SANDBOX is not set (the sandbox is not built)");
        // Short-lived access tokens so expiry and renewal happen within the test.
        m_sandbox = std::make_unique<SandboxProcess>(QStringList { u"--token-lifetime"_s, u"2"_s });
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_endpoints = Net::Endpoints::sandbox(m_sandbox->baseUrl());
    }

    void init() { QVERIFY(m_sandbox->reset()); }

    void loginGivesWorkingTokens()
    {
        const Auth::TokenResponse tokens = signIn();
        QVERIFY2(!tokens.accessToken.isEmpty(), qPrintable(m_lastFailure));
        QCOMPARE(m_lastStatus, 200);
        QVERIFY(!tokens.refreshToken.isEmpty());
        QCOMPARE(tokens.expiresIn, 2);
        // The redirect carried a Google-like code with '/', and the exchange still worked (no double encoding).
        QVERIFY(m_lastRedirect.host() == u"127.0.0.1"_s);
        QCOMPARE(getStatus(m_endpoints.driveApi.resolved(QUrl(u"about?fields=user"_s)), tokens.accessToken), 200);
        QCOMPARE(tokenStats().value(u"auth_codes"_s).toInt(), 1);

        // Tokens go to the store, the account (no secret) to the settings.
        Auth::MemoryTokenStore store;
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"s.conf"_s), QSettings::IniFormat);
        Auth::Accounts accounts(&settings);
        const Auth::Account account { Auth::Account::Kind::Google, u"alice"_s, Auth::OAuthClient::sandbox().clientId,
            {}, QDateTime::currentDateTimeUtc() };
        bool stored = false;
        store.write(account.storeKey(),
            Auth::GoogleSecret { tokens.refreshToken, Auth::OAuthClient::sandbox().clientSecret }.toBlob(), this,
            [&stored](const Auth::TokenStore::Result &r) { stored = r.ok(); });
        accounts.save(account);
        QTRY_VERIFY(stored);
        QVERIFY(store.contains(u"google/alice"_s));
        QVERIFY(store.value(u"google/alice"_s).contains(tokens.refreshToken));
    }

    void wrongStateIsIgnoredThenGenuineRedirectWins()
    {
        Auth::GoogleOAuthFlow flow(&m_nam, m_endpoints, Auth::OAuthClient::sandbox());
        QSignalSpy succeeded(&flow, &Auth::GoogleOAuthFlow::succeeded);
        QSignalSpy warnings(&flow, &Auth::GoogleOAuthFlow::warning);
        QUrl url;
        connect(&flow, &Auth::GoogleOAuthFlow::authorizationUrlReady, this, [&url](const QUrl &u) { url = u; });
        QVERIFY(flow.start());
        // A forged redirect with a code but the wrong state: rejected with 400, the flow keeps waiting.
        QUrl forged = flow.redirectUri();
        forged.setQuery(u"code=4%2Fforged&state=not-the-state"_s);
        QCOMPARE(getStatus(forged), 400);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.at(0).at(0).toString().contains(u"state"_s));
        QCOMPARE(succeeded.size(), 0);
        QCOMPARE(playBrowser(url), 200);
        QTRY_COMPARE(succeeded.size(), 1);
        // One-shot: the listener is closed now.
        QCOMPARE(getStatus(flow.redirectUri()), 0);
    }

    void wrongPkceVerifierRejected()
    {
        Auth::LoopbackListener listener;
        const Auth::Pkce pkce = Auth::Pkce::generate();
        listener.setExpectedState(pkce.state());
        QVERIFY(listener.listen());
        QSignalSpy codes(&listener, &Auth::LoopbackListener::codeReceived);
        const QUrl url = Auth::GoogleOAuthFlow::authorizationUrl(m_endpoints, Auth::OAuthClient::sandbox(),
            listener.redirectUri(), pkce.challenge(), pkce.state(), QString::fromLatin1(Auth::driveReadOnlyScope));
        QCOMPARE(playBrowser(url), 200);
        QCOMPARE(codes.size(), 1);
        const QByteArray code = codes.at(0).at(0).toByteArray();
        QVERIFY(code.contains('/'));
        std::optional<Auth::TokenReply> reply;
        Auth::GoogleOAuthFlow::exchangeCode(&m_nam, m_endpoints, Auth::OAuthClient::sandbox(), code,
            Auth::Pkce::generate().verifier(), listener.redirectUri(), this,
            [&reply](const Auth::TokenReply &r) { reply = r; });
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 10000);
        QVERIFY(!reply->ok);
        QCOMPARE(reply->httpStatus, 400);
        QCOMPARE(reply->error, u"invalid_grant"_s);
        const QString message = Auth::describeTokenError(*reply, Auth::TokenGrant::AuthorizationCode, u"alice"_s);
        QVERIFY2(message.contains(u"PKCE"_s), qPrintable(message));
    }

    void accessDeniedIsClear()
    {
        const Auth::TokenResponse tokens = signIn(u"deny@example.com"_s);
        QVERIFY(tokens.accessToken.isEmpty());
        QVERIFY2(m_lastFailure.contains(u"denied"_s), qPrintable(m_lastFailure));
    }

    void refreshBeforeExpiryAndCoalesced()
    {
        const Auth::TokenResponse tokens = signIn();
        QVERIFY(!tokens.refreshToken.isEmpty());
        Auth::GoogleTokenProvider provider(
            &m_nam, m_endpoints, Auth::OAuthClient::sandbox(), u"alice"_s, tokens.refreshToken, nullptr, tokens);
        QSignalSpy refreshed(&provider, &Net::TokenProvider::refreshed);
        QSignalSpy failed(&provider, &Net::TokenProvider::refreshFailed);
        QCOMPARE(provider.accessToken(), tokens.accessToken);
        // Lifetime 2 s: renewed by the timer before it expires, twice within ~4 s, without anyone asking.
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 2, 10000);
        QCOMPARE(failed.size(), 0);
        QVERIFY(provider.accessToken() != tokens.accessToken);
        QCOMPARE(getStatus(m_endpoints.driveApi.resolved(QUrl(u"about?fields=user"_s)), provider.accessToken()), 200);
        // The first access token has expired by now: the sandbox refuses it.
        QCOMPARE(getStatus(m_endpoints.driveApi.resolved(QUrl(u"about?fields=user"_s)), tokens.accessToken), 401);

        // Five 401s at once → one token request.
        const int before = provider.refreshRequestCount();
        const int statsBefore = tokenStats().value(u"refreshed"_s).toInt();
        const qsizetype signalsBefore = refreshed.size();
        for (int i = 0; i < 5; ++i)
            provider.refresh();
        QTRY_VERIFY(refreshed.size() > signalsBefore);
        QCOMPARE(provider.refreshRequestCount(), before + 1);
        QVERIFY(tokenStats().value(u"refreshed"_s).toInt() >= statsBefore + 1);
    }

    void revokedRefreshTokenAsksToSignInAgain()
    {
        const Auth::TokenResponse tokens = signIn();
        QVERIFY(!tokens.refreshToken.isEmpty());
        const auto revoked
            = m_sandbox->request("POST"_ba, u"/revoke"_s, "token="_ba + tokens.refreshToken.toPercentEncoding(),
                { { "Content-Type"_ba, "application/x-www-form-urlencoded"_ba } });
        QCOMPARE(revoked.status, 200);
        Auth::GoogleTokenProvider provider(
            &m_nam, m_endpoints, Auth::OAuthClient::sandbox(), u"alice"_s, tokens.refreshToken);
        QSignalSpy failed(&provider, &Net::TokenProvider::refreshFailed);
        QVERIFY(failed.wait(10000));
        const QString reason = failed.at(0).at(0).toString();
        QVERIFY2(reason.contains(u"sign in again"_s, Qt::CaseInsensitive), qPrintable(reason));
        QVERIFY(reason.contains(u"7 days"_s));
        QVERIFY(provider.accessToken().isEmpty());
        // Dead for good: a later refresh() fails again without another token request.
        const int requests = provider.refreshRequestCount();
        provider.refresh();
        QVERIFY(failed.wait(5000));
        QCOMPARE(provider.refreshRequestCount(), requests);
    }

    void logoutRevokesAndDeletes()
    {
        const Auth::TokenResponse tokens = signIn();
        QVERIFY(!tokens.refreshToken.isEmpty());
        Auth::MemoryTokenStore store;
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"s.conf"_s), QSettings::IniFormat);
        Auth::Accounts accounts(&settings);
        const Auth::Account account { Auth::Account::Kind::Google, u"bob"_s, Auth::OAuthClient::sandbox().clientId, {},
            QDateTime::currentDateTimeUtc() };
        accounts.save(account);
        store.write(account.storeKey(),
            Auth::GoogleSecret { tokens.refreshToken, Auth::OAuthClient::sandbox().clientSecret }.toBlob(), nullptr,
            {});
        QVERIFY(store.contains(u"google/bob"_s));

        auto *job = new Auth::SignOutJob(&m_nam, &store, &accounts, m_endpoints, account);
        QSignalSpy finished(job, &Auth::SignOutJob::finished);
        job->start();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QVERIFY(!store.contains(u"google/bob"_s));
        QVERIFY(!accounts.find(Auth::Account::Kind::Google, u"bob"_s));
        QCOMPARE(tokenStats().value(u"revoked"_s).toInt(), 1);
        // The refresh token really is dead at the server.
        Auth::GoogleTokenProvider provider(
            &m_nam, m_endpoints, Auth::OAuthClient::sandbox(), u"bob"_s, tokens.refreshToken);
        QSignalSpy failed(&provider, &Net::TokenProvider::refreshFailed);
        QVERIFY(failed.wait(10000));
    }

    void serviceAccountGrant()
    {
        // The sandbox makes the demo account's key at start and trusts only that one.
        const QString path = m_sandbox->serviceAccountKeyFile();
        QVERIFY(!path.isEmpty());
        QString error;
        const auto key = Auth::ServiceAccountKey::fromFile(path, &error);
        QVERIFY2(key, qPrintable(error));
        Auth::ServiceAccountTokenProvider provider(&m_nam, m_endpoints, *key);
        QSignalSpy refreshed(&provider, &Net::TokenProvider::refreshed);
        QSignalSpy failed(&provider, &Net::TokenProvider::refreshFailed);
        QVERIFY(refreshed.wait(10000));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
        QVERIFY(provider.accountName().startsWith(u"service:"_s));
        QCOMPARE(getStatus(m_endpoints.driveApi.resolved(QUrl(u"about?fields=user"_s)), provider.accessToken()), 200);
        // Re-signed before the 2 s token expires.
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 2, 10000);
        QVERIFY(tokenStats().value(u"jwt_grants"_s).toInt() >= 2);
    }

    void serviceAccountWrongKeyIsExplained()
    {
        auto key = Auth::ServiceAccountKey::fromFile(m_sandbox->serviceAccountKeyFile(), nullptr);
        QVERIFY(key);
        // Same account, a key the server does not know: Google answers "Invalid JWT Signature."
        key->privateKeyPem = TestKeys::rsaPrivateKeyPem();
        QVERIFY(!key->privateKeyPem.isEmpty());
        Auth::ServiceAccountTokenProvider provider(&m_nam, m_endpoints, *key);
        QSignalSpy failed(&provider, &Net::TokenProvider::refreshFailed);
        QVERIFY(failed.wait(10000));
        const QString reason = failed.at(0).at(0).toString();
        QVERIFY2(reason.contains(u"signature"_s) && reason.contains(u"new key"_s), qPrintable(reason));
    }

    void databricksM2M()
    {
        Auth::DatabricksCredentials credentials { Auth::DatabricksCredentials::Kind::OAuthM2M,
            Auth::DatabricksCredentials::normaliseHost(m_sandbox->baseUrl().toString()), u"sandbox-sp"_s,
            "sandbox-sp-secret"_ba, {} };
        Auth::DatabricksTokenProvider provider(&m_nam, credentials);
        QSignalSpy refreshed(&provider, &Net::TokenProvider::refreshed);
        QSignalSpy failed(&provider, &Net::TokenProvider::refreshFailed);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(failed.isEmpty());
        QCOMPARE(getStatus(QUrl(credentials.host + u"/api/2.0/fs/directories/Volumes/main/default/landing"_s),
                     provider.accessToken()),
            200);
        QVERIFY(m_sandbox->stats().value(u"tokens"_s).toObject().value(u"oidc_issued"_s).toInt() >= 1);

        credentials.secret = "wrong-secret-value"_ba;
        Auth::DatabricksTokenProvider wrong(&m_nam, credentials);
        QSignalSpy wrongFailed(&wrong, &Net::TokenProvider::refreshFailed);
        QVERIFY(wrongFailed.wait(10000));
        QVERIFY2(wrongFailed.at(0).at(0).toString().contains(u"databricks-login"_s),
            qPrintable(wrongFailed.at(0).at(0).toString()));
    }

    void databricksPat()
    {
        const Auth::DatabricksCredentials credentials { Auth::DatabricksCredentials::Kind::PersonalAccessToken,
            Auth::DatabricksCredentials::normaliseHost(m_sandbox->baseUrl().toString()), {}, "dapi-sandbox-token"_ba, {} };
        Auth::DatabricksTokenProvider provider(&m_nam, credentials);
        QCOMPARE(provider.accessToken(), "dapi-sandbox-token"_ba);
        QCOMPARE(getStatus(QUrl(credentials.host + u"/api/2.0/fs/directories/Volumes/main/default/landing"_s),
                     provider.accessToken()),
            200);
        QSignalSpy failed(&provider, &Net::TokenProvider::refreshFailed);
        provider.refresh();
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.at(0).at(0).toString().contains(u"databricks-login"_s));
    }
};

QTEST_GUILESS_MAIN(TestAuthSandbox)
#include "tst_auth_sandbox.moc"
