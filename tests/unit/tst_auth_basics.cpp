// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/accounts.h"
#include "auth/databrickscredentials.h"
#include "auth/keychaintokenstore.h"
#include "auth/memorytokenstore.h"
#include "auth/oauthflow.h"
#include "auth/tokenrequest.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using Auth::TokenStore;

namespace
{
/// A keychain that is not there (no Secret Service in the session): every call fails.
class UnreachableStore final : public TokenStore
{
public:
    void write(const QString &, const QByteArray &, QObject *context, Callback done) override { fail(context, done); }
    void read(const QString &, QObject *context, Callback done) override { fail(context, done); }
    void remove(const QString &, QObject *context, Callback done) override { fail(context, done); }
    [[nodiscard]] QString description() const override { return u"unreachable"_s; }
    int calls = 0;

private:
    void fail(QObject *context, const Callback &done)
    {
        ++calls;
        QTimer::singleShot(0, context, [done] {
            TokenStore::Result r;
            r.errorString = u"start gnome-keyring or KWallet"_s;
            done(r);
        });
    }
};
} // namespace

class TestAuthBasics final : public QObject
{
    Q_OBJECT

private slots:
    void memoryStoreRoundTrip()
    {
        Auth::MemoryTokenStore store;
        QList<TokenStore::Result> results;
        const auto collect = [&results](const TokenStore::Result &r) { results.append(r); };
        store.write(u"google/alice"_s, "secret-value-1"_ba, this, collect);
        QVERIFY(results.isEmpty()); // always asynchronous
        QTRY_COMPARE(results.size(), 1);
        QVERIFY(results.at(0).ok());
        store.read(u"google/alice"_s, this, collect);
        store.read(u"google/bob"_s, this, collect);
        QTRY_COMPARE(results.size(), 3);
        QCOMPARE(results.at(1).data, "secret-value-1"_ba);
        QCOMPARE(results.at(2).status, TokenStore::Result::Status::NotFound);
        store.remove(u"google/alice"_s, this, collect);
        store.remove(u"google/alice"_s, this, collect);
        QTRY_COMPARE(results.size(), 5);
        QVERIFY(results.at(3).ok());
        QCOMPARE(results.at(4).status, TokenStore::Result::Status::NotFound);
        QVERIFY(!store.contains(u"google/alice"_s));
    }

    void storeCallbackSkippedWhenContextGone()
    {
        Auth::MemoryTokenStore store;
        bool called = false;
        auto *context = new QObject;
        store.read(u"k"_s, context, [&called](const TokenStore::Result &) { called = true; });
        delete context;
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void accountsInSettingsHoldNoSecret()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"drive-ingest.conf"_s);
        {
            QSettings settings(path, QSettings::IniFormat);
            Auth::Accounts accounts(&settings);
            QVERIFY(accounts.list().isEmpty());
            accounts.save({ Auth::Account::Kind::Google, u"alice@example.com"_s, u"client-1"_s, {}, {} });
            accounts.save({ Auth::Account::Kind::Google, u"bob"_s, u"client-2"_s, {}, {} });
            accounts.save({ Auth::Account::Kind::Databricks, u"https://h.example"_s, {}, u"pat"_s, {} });
            accounts.save({ Auth::Account::Kind::Google, u"bob"_s, u"client-3"_s, {}, {} }); // replaces
            QCOMPARE(accounts.list().size(), 3);
            QCOMPARE(accounts.find(Auth::Account::Kind::Google, u"bob"_s)->clientId, u"client-3"_s);
            QVERIFY(!accounts.find(Auth::Account::Kind::Databricks, u"bob"_s));
            QCOMPARE(accounts.find(Auth::Account::Kind::Google, u"bob"_s)->storeKey(), u"google/bob"_s);
            QCOMPARE(accounts.find(Auth::Account::Kind::Databricks, u"https://h.example"_s)->storeKey(),
                u"databricks/https://h.example"_s);
            QVERIFY(accounts.remove(Auth::Account::Kind::Google, u"alice@example.com"_s));
            QVERIFY(!accounts.remove(Auth::Account::Kind::Google, u"alice@example.com"_s));
        }
        QSettings reread(path, QSettings::IniFormat);
        Auth::Accounts accounts(&reread);
        QCOMPARE(accounts.list().size(), 2);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains("client-3"));
        QVERIFY(!content.contains("secret"));
        QVERIFY(!content.contains("token"));
    }

    void onlyGoogleAccount()
    {
        // Issue 15 finding 16: with one Google account signed in it is the one meant; Databricks workspaces
        // never make it "several", and an account signed in at another token endpoint does not count there.
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"a.conf"_s), QSettings::IniFormat);
        Auth::Accounts accounts(&settings);
        const QString google = u"https://oauth2.googleapis.com/token"_s;
        const QString sandbox = u"http://127.0.0.1:8080/token"_s;
        QString why;
        int count = -1;
        QVERIFY(!accounts.onlyGoogle({}, &why, &count));
        QCOMPARE(count, 0);
        QVERIFY2(why.contains(u"no Google account"_s), qPrintable(why));
        accounts.save({ Auth::Account::Kind::Databricks, u"https://h.example"_s, {}, u"pat"_s, {} });
        QVERIFY(!accounts.onlyGoogle({}, &why));
        QVERIFY2(why.contains(u"https://h.example"_s), qPrintable(why)); // says how to name the workspace
        accounts.save({ Auth::Account::Kind::Google, u"solo@example.com"_s, u"client"_s, google, {} });
        QCOMPARE(accounts.onlyGoogle({}, &why, &count)->name, u"solo@example.com"_s);
        QCOMPARE(count, 1);
        QCOMPARE(accounts.onlyGoogle(google, &why)->name, u"solo@example.com"_s);
        QVERIFY(!accounts.onlyGoogle(sandbox, &why, &count)); // its refresh token is not for the sandbox
        QCOMPARE(count, 0);
        accounts.save({ Auth::Account::Kind::Google, u"other@example.com"_s, u"client"_s, google, {} });
        QVERIFY(!accounts.onlyGoogle(google, &why, &count));
        QCOMPARE(count, 2);
        QVERIFY2(why.contains(u"2 Google accounts"_s) && why.contains(u"other@example.com"_s) && why.contains(u"--account"_s),
            qPrintable(why));
    }

    void probeTokenStore()
    {
        // Issue 15 finding 17: a write and a delete before the browser opens; nothing stays behind.
        Auth::MemoryTokenStore store;
        std::optional<TokenStore::Result> result;
        Auth::probeTokenStore(&store, this, [&result](const TokenStore::Result &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QVERIFY(store.keys().isEmpty());

        UnreachableStore unreachable;
        result.reset();
        Auth::probeTokenStore(&unreachable, this, [&result](const TokenStore::Result &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->status, TokenStore::Result::Status::Failed);
        QCOMPARE(result->errorString, u"start gnome-keyring or KWallet"_s);
        QCOMPARE(unreachable.calls, 1); // the failed write is the answer: no delete after it
    }

    void googleSecretBlob()
    {
        const Auth::GoogleSecret secret { "1//refresh-token-value"_ba, "client-secret-value"_ba };
        const auto back = Auth::GoogleSecret::fromBlob(secret.toBlob());
        QVERIFY(back);
        QCOMPARE(back->refreshToken, secret.refreshToken);
        QCOMPARE(back->clientSecret, secret.clientSecret);
        QVERIFY(!Auth::GoogleSecret::fromBlob("{}"_ba));
        QVERIFY(!Auth::GoogleSecret::fromBlob("garbage"_ba));
    }

    void databricksHost_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"https://dbc-a1b2.cloud.databricks.com"_s
                               << u"https://dbc-a1b2.cloud.databricks.com"_s;
        QTest::newRow("trailing slash") << u"https://dbc-a1b2.cloud.databricks.com/"_s
                                        << u"https://dbc-a1b2.cloud.databricks.com"_s;
        QTest::newRow("no scheme") << u"adb-1.2.azuredatabricks.net"_s << u"https://adb-1.2.azuredatabricks.net"_s;
        QTest::newRow("case and path") << u" HTTPS://ADB-1.2.AzureDatabricks.net/?o=123#job/1 "_s
                                       << u"https://adb-1.2.azuredatabricks.net"_s;
        QTest::newRow("sandbox http") << u"http://127.0.0.1:8765/"_s << u"http://127.0.0.1:8765"_s;
        QTest::newRow("remote http") << u"http://example.com"_s << QString();
        // Issue 15 item 18: a bare word is a typo, not a workspace; loopback stays usable without a scheme.
        QTest::newRow("bare word") << u"notaurl"_s << QString();
        QTest::newRow("other scheme") << u"ftp://adb-1.2.azuredatabricks.net"_s << QString();
        QTest::newRow("localhost") << u"localhost:8765"_s << u"https://localhost:8765"_s;
        QTest::newRow("credentials") << u"https://user:pw@example.com"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void databricksHost()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(Auth::DatabricksCredentials::normaliseHost(input), expected);
    }

    void databricksBlob()
    {
        Auth::DatabricksCredentials m2m { Auth::DatabricksCredentials::Kind::OAuthM2M, u"https://h"_s, u"sp-id"_s,
            "sp-secret-value"_ba, {} };
        const auto back = Auth::DatabricksCredentials::fromSecretBlob(u"https://h"_s, m2m.toSecretBlob());
        QVERIFY(back);
        QCOMPARE(back->kind, Auth::DatabricksCredentials::Kind::OAuthM2M);
        QCOMPARE(back->clientId, u"sp-id"_s);
        QCOMPARE(back->secret, "sp-secret-value"_ba);
        Auth::DatabricksCredentials pat { Auth::DatabricksCredentials::Kind::PersonalAccessToken, u"https://h"_s, {},
            "dapi-123456789"_ba, {} };
        QCOMPARE(Auth::DatabricksCredentials::fromSecretBlob(u"https://h"_s, pat.toSecretBlob())->kind,
            Auth::DatabricksCredentials::Kind::PersonalAccessToken);
        QCOMPARE(Auth::DatabricksCredentials::storeKey(u"https://h"_s), u"databricks/https://h"_s);
    }

    void formEncoding()
    {
        const QByteArray body = Auth::encodeForm({ { "code"_ba, "4/0Ab+c d&e=f"_ba }, { "x"_ba, "~._-"_ba } });
        QCOMPARE(body, "code=4%2F0Ab%2Bc%20d%26e%3Df&x=~._-"_ba);
    }

    void tokenReplyParsing()
    {
        const auto ok = Auth::parseTokenReply(
            200, R"({"access_token":"ya29.abc","expires_in":3599,"refresh_token":"1-r","token_type":"Bearer"})"_ba);
        QVERIFY(ok.ok);
        QCOMPARE(ok.response.accessToken, "ya29.abc"_ba);
        QCOMPARE(ok.response.refreshToken, "1-r"_ba);
        QCOMPARE(ok.response.expiresIn, 3599);
        const auto bad = Auth::parseTokenReply(
            400, R"({"error":"invalid_grant","error_description":"Token has been expired or revoked."})"_ba);
        QVERIFY(!bad.ok);
        QVERIFY(bad.needsNewSignIn());
        QVERIFY(!bad.isTransient());
        QCOMPARE(bad.errorDescription, u"Token has been expired or revoked."_s);
        QVERIFY(Auth::parseTokenReply(503, "oops"_ba).isTransient());
        QVERIFY(!Auth::parseTokenReply(200, "{}"_ba).ok);
        const auto dbx = Auth::parseTokenReply(401, R"({"error_code":401,"message":"Credential was not sent"})"_ba);
        QCOMPARE(dbx.error, u"401"_s);
    }

    void humanMessages()
    {
        const auto revoked = Auth::parseTokenReply(
            400, R"({"error":"invalid_grant","error_description":"Token has been expired or revoked."})"_ba);
        const QString refresh = Auth::describeTokenError(revoked, Auth::TokenGrant::RefreshToken, u"alice"_s);
        QVERIFY2(refresh.contains(u"sign in again"_s, Qt::CaseInsensitive), qPrintable(refresh));
        QVERIFY2(refresh.contains(u"7 days"_s) && refresh.contains(u"Testing"_s), qPrintable(refresh));
        QVERIFY(refresh.contains(u"alice"_s));
        const QString code = Auth::describeTokenError(revoked, Auth::TokenGrant::AuthorizationCode, u"x"_s);
        QVERIFY2(code.contains(u"PKCE"_s), qPrintable(code));
        const auto signature = Auth::parseTokenReply(
            400, R"({"error":"invalid_grant","error_description":"Invalid JWT Signature."})"_ba);
        QVERIFY(Auth::describeTokenError(signature, Auth::TokenGrant::JwtBearer, u"sa"_s).contains(u"new key"_s));
        const auto skew = Auth::parseTokenReply(400,
            R"({"error":"invalid_grant","error_description":"Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim."})"_ba);
        QVERIFY(Auth::describeTokenError(skew, Auth::TokenGrant::JwtBearer, u"sa"_s).contains(u"clock"_s));
        const auto client = Auth::parseTokenReply(401, R"({"error":"invalid_client"})"_ba);
        QVERIFY(Auth::describeTokenError(client, Auth::TokenGrant::RefreshToken, u"a"_s).contains(u"client"_s));
    }

    void authorizationUrl()
    {
        const Net::Endpoints endpoints { QUrl(u"https://accounts.google.com/o/oauth2/v2/auth"_s), {}, {}, {}, {}, {} };
        const QUrl url = Auth::GoogleOAuthFlow::authorizationUrl(
            Net::Endpoints {
                QUrl(), QUrl(u"https://accounts.google.com/o/oauth2/v2/auth"_s), QUrl(), QUrl(), QUrl(), {} },
            { u"id.apps.googleusercontent.com"_s, "s"_ba }, QUrl(u"http://127.0.0.1:4321/"_s), "challenge"_ba,
            "state"_ba, QString::fromLatin1(Auth::driveReadOnlyScope), u"alice@example.com"_s);
        Q_UNUSED(endpoints)
        QCOMPARE(url.host(), u"accounts.google.com"_s);
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(u"client_id"_s), u"id.apps.googleusercontent.com"_s);
        QCOMPARE(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded), u"http://127.0.0.1:4321/"_s);
        QCOMPARE(query.queryItemValue(u"response_type"_s), u"code"_s);
        QCOMPARE(
            query.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"https://www.googleapis.com/auth/drive.readonly"_s);
        QCOMPARE(query.queryItemValue(u"code_challenge"_s), u"challenge"_s);
        QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
        QCOMPARE(query.queryItemValue(u"access_type"_s), u"offline"_s);
        QCOMPARE(query.queryItemValue(u"prompt"_s), u"consent"_s);
        QCOMPARE(query.queryItemValue(u"state"_s), u"state"_s);
        QCOMPARE(query.queryItemValue(u"login_hint"_s, QUrl::FullyDecoded), u"alice@example.com"_s);
    }

    void clientSecretFile()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(u"client.json"_s);
        QFile file(json);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"installed":{"client_id":"abc.apps.googleusercontent.com","client_secret":"GOCSPX-xyz123456"}})");
        file.close();
        QString error;
        auto client = Auth::OAuthClient::fromFile(json, &error);
        QVERIFY2(client, qPrintable(error));
        QCOMPARE(client->clientId, u"abc.apps.googleusercontent.com"_s);
        QCOMPARE(client->clientSecret, "GOCSPX-xyz123456"_ba);
        const QString plain = dir.filePath(u"secret.txt"_s);
        QFile plainFile(plain);
        QVERIFY(plainFile.open(QIODevice::WriteOnly));
        plainFile.write("GOCSPX-plain-secret\n");
        plainFile.close();
        client = Auth::OAuthClient::fromFile(plain, &error);
        QVERIFY(client);
        QCOMPARE(client->clientSecret, "GOCSPX-plain-secret"_ba);
        QVERIFY(!Auth::OAuthClient::fromFile(dir.filePath(u"missing"_s), &error));
    }
};

QTEST_GUILESS_MAIN(TestAuthBasics)
#include "tst_auth_basics.moc"
