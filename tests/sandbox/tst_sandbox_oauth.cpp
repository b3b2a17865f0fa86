// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's Google OAuth endpoints (code + PKCE, refresh, expiry, revoke, JWT bearer) and Databricks OIDC,
// over real loopback HTTP.
#include "sandboxprocess.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace Qt::StringLiterals;

namespace
{

const QString kClientId = u"sandbox-client.apps.googleusercontent.com"_s;
const QString kClientSecret = u"sandbox-secret"_s;
const QString kRedirect = u"http://127.0.0.1:53682/callback"_s;
const QList<QPair<QByteArray, QByteArray>> kForm { { "Content-Type", "application/x-www-form-urlencoded" } };

QByteArray form(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[key, value] : fields)
    {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString challengeOf(const QString &verifier)
{
    return QString::fromLatin1(b64url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)));
}

QList<QPair<QByteArray, QByteArray>> bearer(const QString &token)
{
    return { { "Authorization", "Bearer " + token.toLatin1() } };
}

struct DemoKey
{
    QString email;
    QString keyId;
    QByteArray pem;
};

/// The demo service account from the key file a sandbox wrote at start.
DemoKey demoKey(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    return { o.value(u"client_email"_s).toString(), o.value(u"private_key_id"_s).toString(),
        o.value(u"private_key"_s).toString().toLatin1() };
}

/// RS256 signature of `input` with a PEM private key (empty on failure).
QByteArray signRs256(const QByteArray &pem, const QByteArray &input)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return {};
    size_t len = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
    if (EVP_DigestSign(ctx.get(), nullptr, &len, data, size_t(input.size())) != 1)
        return {};
    QByteArray sig(qsizetype(len), '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, data, size_t(input.size())) != 1)
        return {};
    sig.resize(qsizetype(len));
    return sig;
}

QByteArray makeJwt(const DemoKey &key, const QJsonObject &claims, const QByteArray &pem)
{
    const QJsonObject header { { u"alg"_s, u"RS256"_s }, { u"typ"_s, u"JWT"_s }, { u"kid"_s, key.keyId } };
    const QByteArray input = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return input + '.' + b64url(signRs256(pem, input));
}

QJsonObject jwtClaims(const DemoKey &key, qint64 iat, qint64 exp)
{
    return { { u"iss"_s, key.email }, { u"scope"_s, u"https://www.googleapis.com/auth/drive.readonly"_s },
        { u"aud"_s, u"https://oauth2.googleapis.com/token"_s }, { u"iat"_s, iat }, { u"exp"_s, exp } };
}

} // namespace

class TestSandboxOAuth final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void codeWithPkceRoundTrip();
    void tokenEndpointRejectsBadExchanges();
    void authEndpointErrors();
    void revokeKillsRefreshAndDerivedTokens();
    void jwtBearerGrant();
    void demoServiceAccountKeyIsFreshPerStart();
    void tokenExpiryGivesDriveAuthError();
    void databricksOidcClientCredentials();
    void tokenEndpointFaults();
    void manifestRegistersClientsKeysAndTokens();
    void statsCountTokens();

private:
    /// Follows the auth endpoint's 302 as a browser would and returns the code (empty on failure).
    QString authorize(const QString &verifier, const QString &extra = {}, SandboxProcess *sandbox = nullptr);
    SandboxProcess::Reply exchange(const QString &code, const QString &verifier, const QString &redirect = kRedirect,
        SandboxProcess *sandbox = nullptr);
    int driveStatus(const QString &token, SandboxProcess *sandbox = nullptr);

    SandboxProcess m_sandbox;
};

void TestSandboxOAuth::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
}

QString TestSandboxOAuth::authorize(const QString &verifier, const QString &extra, SandboxProcess *sandbox)
{
    SandboxProcess &sb = sandbox ? *sandbox : m_sandbox;
    QUrlQuery q;
    q.addQueryItem(u"client_id"_s, kClientId);
    q.addQueryItem(u"redirect_uri"_s, kRedirect);
    q.addQueryItem(u"response_type"_s, u"code"_s);
    q.addQueryItem(u"scope"_s, u"https://www.googleapis.com/auth/drive.readonly"_s);
    q.addQueryItem(u"state"_s, u"st-42"_s);
    q.addQueryItem(u"code_challenge"_s, challengeOf(verifier));
    q.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    q.addQueryItem(u"access_type"_s, u"offline"_s);
    const auto reply = sb.get(u"/o/oauth2/v2/auth?"_s + q.toString(QUrl::FullyEncoded) + extra);
    if (reply.status != 302)
        return {};
    const QUrl location(QString::fromUtf8(reply.header("Location")));
    if (!location.toString().startsWith(kRedirect))
        return {};
    const QUrlQuery back(location);
    if (back.queryItemValue(u"state"_s) != u"st-42"_s)
        return {};
    return back.queryItemValue(u"code"_s, QUrl::FullyDecoded);
}

SandboxProcess::Reply TestSandboxOAuth::exchange(
    const QString &code, const QString &verifier, const QString &redirect, SandboxProcess *sandbox)
{
    SandboxProcess &sb = sandbox ? *sandbox : m_sandbox;
    return sb.request("POST", u"/token"_s,
        form({ { u"grant_type"_s, u"authorization_code"_s }, { u"code"_s, code }, { u"client_id"_s, kClientId },
            { u"client_secret"_s, kClientSecret }, { u"redirect_uri"_s, redirect }, { u"code_verifier"_s, verifier } }),
        kForm);
}

int TestSandboxOAuth::driveStatus(const QString &token, SandboxProcess *sandbox)
{
    SandboxProcess &sb = sandbox ? *sandbox : m_sandbox;
    return sb.get(u"/drive/v3/files?pageSize=1&fields=files(id)"_s, bearer(token)).status;
}

void TestSandboxOAuth::codeWithPkceRoundTrip()
{
    const QString verifier = QString::fromLatin1(b64url(QByteArray(48, 'v')));
    const QString code = authorize(verifier);
    QVERIFY(!code.isEmpty());
    QVERIFY2(code.startsWith(u"4/0A"_s), "codes look like Google's and contain a slash");

    const auto reply = exchange(code, verifier);
    QCOMPARE(reply.status, 200);
    const QJsonObject tok = reply.json();
    const QString access = tok.value(u"access_token"_s).toString();
    const QString refresh = tok.value(u"refresh_token"_s).toString();
    QVERIFY(access.startsWith(u"ya29."_s));
    QVERIFY(refresh.startsWith(u"1//"_s));
    QCOMPARE(tok.value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(tok.value(u"expires_in"_s).toInt(), 3599); // a one-hour token, as Google reports it
    QCOMPARE(tok.value(u"scope"_s).toString(), u"https://www.googleapis.com/auth/drive.readonly"_s);
    QCOMPARE(driveStatus(access), 200);

    // Refresh: a new access token, and no new refresh token in the reply.
    const auto refreshed = m_sandbox.request("POST", u"/token"_s,
        form({ { u"grant_type"_s, u"refresh_token"_s }, { u"refresh_token"_s, refresh }, { u"client_id"_s, kClientId },
            { u"client_secret"_s, kClientSecret } }),
        kForm);
    QCOMPARE(refreshed.status, 200);
    const QString access2 = refreshed.json().value(u"access_token"_s).toString();
    QVERIFY(!access2.isEmpty() && access2 != access);
    QVERIFY(!refreshed.json().contains(u"refresh_token"_s));
    QCOMPARE(driveStatus(access2), 200);

    // A made-up token is refused with Drive's authError.
    const auto bogus = m_sandbox.get(u"/drive/v3/files?pageSize=1"_s, bearer(u"ya29.not-a-token"_s));
    QCOMPARE(bogus.status, 401);
}

void TestSandboxOAuth::tokenEndpointRejectsBadExchanges()
{
    const QString verifier = QString::fromLatin1(b64url(QByteArray(40, 'w')));
    const QString code = authorize(verifier);
    QVERIFY(!code.isEmpty());

    const auto wrongVerifier = exchange(code, QString::fromLatin1(b64url(QByteArray(40, 'x'))));
    QCOMPARE(wrongVerifier.status, 400);
    QCOMPARE(wrongVerifier.json().value(u"error"_s).toString(), u"invalid_grant"_s);

    const auto wrongRedirect = exchange(code, verifier, u"http://127.0.0.1:1/other"_s);
    QCOMPARE(wrongRedirect.status, 400);
    QCOMPARE(wrongRedirect.json().value(u"error"_s).toString(), u"invalid_grant"_s);

    QCOMPARE(exchange(code, verifier).status, 200);
    const auto reused = exchange(code, verifier);
    QCOMPARE(reused.status, 400);
    QCOMPARE(reused.json().value(u"error"_s).toString(), u"invalid_grant"_s);

    // The code must arrive decoded exactly once: a double-encoded slash is a different code.
    const QString code2 = authorize(verifier);
    QString doubled = code2;
    doubled.replace(u"/"_s, u"%2F"_s);
    QCOMPARE(exchange(doubled, verifier).status, 400);

    const auto badClient = m_sandbox.request("POST", u"/token"_s,
        form({ { u"grant_type"_s, u"authorization_code"_s }, { u"code"_s, code2 },
            { u"client_id"_s, u"nobody.apps.googleusercontent.com"_s }, { u"client_secret"_s, u"x"_s },
            { u"redirect_uri"_s, kRedirect }, { u"code_verifier"_s, verifier } }),
        kForm);
    QCOMPARE(badClient.status, 401);
    QCOMPARE(badClient.json().value(u"error"_s).toString(), u"invalid_client"_s);

    const auto badGrant = m_sandbox.request("POST", u"/token"_s, form({ { u"grant_type"_s, u"password"_s } }), kForm);
    QCOMPARE(badGrant.status, 400);
    QCOMPARE(badGrant.json().value(u"error"_s).toString(), u"unsupported_grant_type"_s);
}

void TestSandboxOAuth::authEndpointErrors()
{
    // Consent denied: back to the redirect with error and state.
    const QString verifier = QString::fromLatin1(b64url(QByteArray(40, 'd')));
    QVERIFY(authorize(verifier, u"&login_hint=deny%40example.com"_s).isEmpty());
    QUrlQuery q;
    q.addQueryItem(u"client_id"_s, kClientId);
    q.addQueryItem(u"redirect_uri"_s, kRedirect);
    q.addQueryItem(u"response_type"_s, u"code"_s);
    q.addQueryItem(u"scope"_s, u"openid"_s);
    q.addQueryItem(u"state"_s, u"s1"_s);
    q.addQueryItem(u"login_hint"_s, u"deny@example.com"_s);
    const auto denied = m_sandbox.get(u"/o/oauth2/v2/auth?"_s + q.toString(QUrl::FullyEncoded));
    QCOMPARE(denied.status, 302);
    const QUrlQuery back(QUrl(QString::fromUtf8(denied.header("Location"))));
    QCOMPARE(back.queryItemValue(u"error"_s), u"access_denied"_s);
    QCOMPARE(back.queryItemValue(u"state"_s), u"s1"_s);
    QVERIFY(!back.hasQueryItem(u"code"_s));

    // The same through a fault.
    QVERIFY(m_sandbox.setFaults(QJsonObject { { u"oauth"_s, QJsonObject { { u"deny"_s, true } } } }));
    QVERIFY(authorize(verifier).isEmpty());
    QVERIFY(m_sandbox.setFaults(QJsonObject { { u"oauth"_s, QJsonObject { { u"deny"_s, false } } } }));
    QVERIFY(!authorize(verifier).isEmpty());

    // Missing parameters and non-loopback redirects get an error page, not a redirect.
    QCOMPARE(m_sandbox.get(u"/o/oauth2/v2/auth?client_id="_s + kClientId).status, 400);
    QUrlQuery remote = q;
    remote.removeQueryItem(u"redirect_uri"_s);
    remote.addQueryItem(u"redirect_uri"_s, u"https://evil.example/cb"_s);
    QCOMPARE(m_sandbox.get(u"/o/oauth2/v2/auth?"_s + remote.toString(QUrl::FullyEncoded)).status, 400);
}

void TestSandboxOAuth::revokeKillsRefreshAndDerivedTokens()
{
    const QString verifier = QString::fromLatin1(b64url(QByteArray(40, 'r')));
    const auto tok = exchange(authorize(verifier), verifier).json();
    const QString access = tok.value(u"access_token"_s).toString();
    const QString refresh = tok.value(u"refresh_token"_s).toString();
    QCOMPARE(driveStatus(access), 200);

    QCOMPARE(m_sandbox.request("POST", u"/revoke"_s, form({ { u"token"_s, refresh } }), kForm).status, 200);
    QCOMPARE(driveStatus(access), 401);
    const auto refreshed = m_sandbox.request("POST", u"/token"_s,
        form({ { u"grant_type"_s, u"refresh_token"_s }, { u"refresh_token"_s, refresh }, { u"client_id"_s, kClientId },
            { u"client_secret"_s, kClientSecret } }),
        kForm);
    QCOMPARE(refreshed.status, 400);
    QCOMPARE(refreshed.json().value(u"error"_s).toString(), u"invalid_grant"_s);
    QCOMPARE(refreshed.json().value(u"error_description"_s).toString(), u"Token has been expired or revoked."_s);

    // Revoking twice, or something never issued: invalid_token. The query form works too.
    const auto again
        = m_sandbox.request("POST", u"/revoke?token="_s + QString::fromLatin1(QUrl::toPercentEncoding(refresh)));
    QCOMPARE(again.status, 400);
    QCOMPARE(again.json().value(u"error"_s).toString(), u"invalid_token"_s);
}

void TestSandboxOAuth::jwtBearerGrant()
{
    const DemoKey key = demoKey(m_sandbox.serviceAccountKeyFile());
    QVERIFY2(!key.pem.isEmpty(), "the sandbox's demo service-account key file");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto grant = [this](const QByteArray &assertion)
    {
        return m_sandbox.request("POST", u"/token"_s,
            form({ { u"grant_type"_s, u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s },
                { u"assertion"_s, QString::fromLatin1(assertion) } }),
            kForm);
    };

    const auto ok = grant(makeJwt(key, jwtClaims(key, now, now + 3600), key.pem));
    QCOMPARE(ok.status, 200);
    QVERIFY(!ok.json().contains(u"refresh_token"_s));
    QCOMPARE(driveStatus(ok.json().value(u"access_token"_s).toString()), 200);

    // A signature that belongs to other claims: Google's signature message.
    const QByteArray good = makeJwt(key, jwtClaims(key, now, now + 3600), key.pem);
    const QByteArray other = makeJwt(key, jwtClaims(key, now, now + 1800), key.pem);
    const QByteArray forged = good.left(good.lastIndexOf('.')) + other.mid(other.lastIndexOf('.'));
    const auto badSig = grant(forged);
    QCOMPARE(badSig.status, 400);
    QCOMPARE(badSig.json().value(u"error"_s).toString(), u"invalid_grant"_s);
    QCOMPARE(badSig.json().value(u"error_description"_s).toString(), u"Invalid JWT Signature."_s);

    // A client clock two hours ahead, and a lifetime over an hour: the short-lived token message.
    for (const auto &[iat, exp] : { std::pair { now + 7200, now + 7200 + 3600 }, std::pair { now, now + 7200 } })
    {
        const auto skewed = grant(makeJwt(key, jwtClaims(key, iat, exp), key.pem));
        QCOMPARE(skewed.status, 400);
        QCOMPARE(skewed.json().value(u"error"_s).toString(), u"invalid_grant"_s);
        QVERIFY(
            skewed.json()
                .value(u"error_description"_s)
                .toString()
                .startsWith(
                    u"Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe"_s));
    }

    // The sandbox's own token URL is an accepted audience as well.
    QJsonObject ownAud = jwtClaims(key, now, now + 600);
    ownAud[u"aud"_s] = QString(m_sandbox.baseUrl().toString() + u"/token"_s);
    QCOMPARE(grant(makeJwt(key, ownAud, key.pem)).status, 200);
}

void TestSandboxOAuth::demoServiceAccountKeyIsFreshPerStart()
{
    const QString path = m_sandbox.serviceAccountKeyFile();
    QVERIFY(!path.isEmpty());
    QVERIFY2(path.startsWith(m_sandbox.dataDir() + u'/'), qPrintable(path));
    // Owner read/write only: it holds a private key.
    QCOMPARE(QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser),
        QFile::ReadOwner | QFile::WriteOwner);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject file = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(file.value(u"type"_s).toString(), u"service_account"_s);
    QCOMPARE(file.value(u"client_email"_s).toString(), u"sandbox-demo@drive-ingest-sandbox.iam.gserviceaccount.com"_s);
    QCOMPARE(file.value(u"token_uri"_s).toString(), m_sandbox.baseUrl().toString() + u"/token"_s);
    QCOMPARE(file.value(u"private_key_id"_s).toString().size(), 40);
    QVERIFY(file.value(u"private_key"_s).toString().startsWith(u"-----BEGIN PRIVATE KEY-----\n"_s));
    for (const QString &field : { u"project_id"_s, u"client_id"_s })
        QVERIFY2(!file.value(field).toString().isEmpty(), qPrintable(field));

    // Another start makes another key; each sandbox trusts its own key only.
    auto other = std::make_unique<SandboxProcess>();
    QVERIFY2(other->start(), qPrintable(other->errorString()));
    const QString otherPath = other->serviceAccountKeyFile();
    const DemoKey mine = demoKey(path);
    const DemoKey theirs = demoKey(otherPath);
    QVERIFY(!theirs.pem.isEmpty());
    QVERIFY(theirs.pem != mine.pem);
    QVERIFY(theirs.keyId != mine.keyId);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto grant = [](SandboxProcess &sandbox, const DemoKey &key, qint64 iat)
    {
        DemoKey unnamed = key;
        unnamed.keyId.clear(); // no kid: only the signature decides
        return sandbox.request("POST", u"/token"_s,
            form({ { u"grant_type"_s, u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s },
                { u"assertion"_s,
                    QString::fromLatin1(makeJwt(unnamed, jwtClaims(unnamed, iat, iat + 600), unnamed.pem)) } }),
            kForm);
    };
    QCOMPARE(grant(*other, theirs, now).status, 200);
    const auto refused = grant(m_sandbox, theirs, now);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json().value(u"error_description"_s).toString(), u"Invalid JWT Signature."_s);
    QCOMPARE(grant(m_sandbox, mine, now).status, 200);

    // A stopped sandbox leaves no key behind.
    QVERIFY(QFile::exists(otherPath));
    other->stop();
    QVERIFY(!QFile::exists(otherPath));
}

void TestSandboxOAuth::tokenExpiryGivesDriveAuthError()
{
    SandboxProcess shortLived({ u"--token-lifetime"_s, u"1"_s });
    QVERIFY2(shortLived.start(), qPrintable(shortLived.errorString()));
    const QString verifier = QString::fromLatin1(b64url(QByteArray(40, 'e')));
    const auto tok = exchange(authorize(verifier, {}, &shortLived), verifier, kRedirect, &shortLived).json();
    QCOMPARE(tok.value(u"expires_in"_s).toInt(), 1);
    const QString access = tok.value(u"access_token"_s).toString();

    QTRY_COMPARE_WITH_TIMEOUT(driveStatus(access, &shortLived), 401, 5000);
    const auto expired = shortLived.get(u"/drive/v3/files?pageSize=1"_s, bearer(access));
    QCOMPARE(expired.status, 401);
    const QJsonObject error = expired.json().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toInt(), 401);
    QCOMPARE(error.value(u"errors"_s).toArray().at(0).toObject().value(u"reason"_s).toString(), u"authError"_s);
    QVERIFY(expired.header("WWW-Authenticate").contains("invalid_token"));

    // Refreshing gives a working token again.
    const auto refreshed = shortLived.request("POST", u"/token"_s,
        form(
            { { u"grant_type"_s, u"refresh_token"_s }, { u"refresh_token"_s, tok.value(u"refresh_token"_s).toString() },
                { u"client_id"_s, kClientId }, { u"client_secret"_s, kClientSecret } }),
        kForm);
    QCOMPARE(refreshed.status, 200);
    QVERIFY(refreshed.json().value(u"access_token"_s).toString() != access);

    // Databricks M2M tokens expire too, and then get Databricks' 403.
    const auto m2m = shortLived.request("POST", u"/oidc/v1/token"_s, "grant_type=client_credentials&scope=all-apis",
        { { "Content-Type", "application/x-www-form-urlencoded" },
            { "Authorization", "Basic " + QByteArray("sandbox-sp:sandbox-sp-secret").toBase64() } });
    QCOMPARE(m2m.status, 200);
    const QString dbxToken = m2m.json().value(u"access_token"_s).toString();
    QTRY_COMPARE_WITH_TIMEOUT(shortLived.get(u"/api/2.0/dbfs/list?path=/"_s, bearer(dbxToken)).status, 403, 5000);
}

void TestSandboxOAuth::databricksOidcClientCredentials()
{
    const auto discovery = m_sandbox.get(u"/oidc/.well-known/oauth-authorization-server"_s);
    QCOMPARE(discovery.status, 200);
    const QString tokenEndpoint = discovery.json().value(u"token_endpoint"_s).toString();
    QCOMPARE(tokenEndpoint, m_sandbox.baseUrl().toString() + u"/oidc/v1/token"_s);

    const QList<QPair<QByteArray, QByteArray>> basic { { "Content-Type", "application/x-www-form-urlencoded" },
        { "Authorization", "Basic " + QByteArray("sandbox-sp:sandbox-sp-secret").toBase64() } };
    const auto reply
        = m_sandbox.request("POST", u"/oidc/v1/token"_s, "grant_type=client_credentials&scope=all-apis", basic);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(reply.json().value(u"scope"_s).toString(), u"all-apis"_s);
    QVERIFY(reply.json().value(u"expires_in"_s).toInt() > 0);
    const QString token = reply.json().value(u"access_token"_s).toString();
    QCOMPARE(m_sandbox.get(u"/api/2.0/dbfs/list?path=/"_s, bearer(token)).status, 200);
    // A Databricks token is no Google token.
    QCOMPARE(driveStatus(token), 401);

    const auto wrong = m_sandbox.request("POST", u"/oidc/v1/token"_s, "grant_type=client_credentials",
        { { "Content-Type", "application/x-www-form-urlencoded" },
            { "Authorization", "Basic " + QByteArray("sandbox-sp:nope").toBase64() } });
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.json().value(u"error"_s).toString(), u"invalid_client"_s);
}

void TestSandboxOAuth::tokenEndpointFaults()
{
    QVERIFY(m_sandbox.setFaults(QJsonObject {
        { u"oauth"_s, QJsonObject { { u"token_error_times"_s, 2 }, { u"token_error_status"_s, 503 } } } }));
    const QString verifier = QString::fromLatin1(b64url(QByteArray(40, 'f')));
    const QString code = authorize(verifier);
    QCOMPARE(exchange(code, verifier).status, 503);
    QCOMPARE(exchange(code, verifier).status, 503);
    // The code survives failures that were not its fault.
    QCOMPARE(exchange(code, verifier).status, 200);
}

void TestSandboxOAuth::manifestRegistersClientsKeysAndTokens()
{
    // A fresh service-account key pair, registered through the manifest with its public half only.
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> pkey(
        EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)), &EVP_PKEY_free);
    QVERIFY(pkey);
    const auto pemOf = [&pkey](bool privateKey)
    {
        std::unique_ptr<BIO, decltype(&BIO_free)> mem(BIO_new(BIO_s_mem()), &BIO_free);
        if (privateKey)
            PEM_write_bio_PrivateKey(mem.get(), pkey.get(), nullptr, nullptr, 0, nullptr, nullptr);
        else
            PEM_write_bio_PUBKEY(mem.get(), pkey.get());
        char *data = nullptr;
        const long len = BIO_ctrl(mem.get(), BIO_CTRL_INFO, 0, &data);
        return QByteArray(data, qsizetype(len));
    };
    const DemoKey key { u"robot@example-project.iam.gserviceaccount.com"_s, u"k1"_s, pemOf(true) };

    const QJsonObject manifest { { u"my_drive"_s,
                                     QJsonArray { QJsonObject { { u"name"_s, u"one.txt"_s }, { u"size"_s, 10 } } } },
        { u"oauth"_s,
            QJsonObject { { u"clients"_s,
                              QJsonArray { QJsonObject { { u"client_id"_s, u"mine.apps.googleusercontent.com"_s },
                                  { u"client_secret"_s, u"mine-secret"_s } } } },
                { u"service_accounts"_s,
                    QJsonArray { QJsonObject { { u"client_email"_s, key.email }, { u"private_key_id"_s, key.keyId },
                        { u"public_key_pem"_s, QString::fromLatin1(pemOf(false)) } } } },
                { u"service_principals"_s,
                    QJsonArray {
                        QJsonObject { { u"client_id"_s, u"sp-2"_s }, { u"client_secret"_s, u"sp-2-secret"_s } } } } } },
        { u"databricks"_s,
            QJsonObject { { u"volumes"_s, QJsonArray { u"/Volumes/cat/sch/vol"_s } },
                { u"tokens"_s, QJsonArray { u"dapi-second"_s } } } } };
    QTemporaryDir dir;
    QFile file(dir.filePath(u"manifest.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(manifest).toJson());
    file.close();
    SandboxProcess custom({ u"--manifest"_s, file.fileName() });
    QVERIFY2(custom.start(), qPrintable(custom.errorString()));

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto jwt = custom.request("POST", u"/token"_s,
        form({ { u"grant_type"_s, u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s },
            { u"assertion"_s, QString::fromLatin1(makeJwt(key, jwtClaims(key, now, now + 600), key.pem)) } }),
        kForm);
    QCOMPARE(jwt.status, 200);
    QCOMPARE(driveStatus(jwt.json().value(u"access_token"_s).toString(), &custom), 200);

    const auto refresh = custom.request("POST", u"/token"_s,
        form({ { u"grant_type"_s, u"refresh_token"_s }, { u"refresh_token"_s, u"1//unknown"_s },
            { u"client_id"_s, u"mine.apps.googleusercontent.com"_s }, { u"client_secret"_s, u"mine-secret"_s } }),
        kForm);
    // The client is known (no invalid_client); only the grant is bad.
    QCOMPARE(refresh.status, 400);
    QCOMPARE(refresh.json().value(u"error"_s).toString(), u"invalid_grant"_s);

    const QList<QPair<QByteArray, QByteArray>> second { { "Authorization", "Bearer dapi-second" } };
    QCOMPARE(custom.request("PUT", u"/api/2.0/fs/files/Volumes/cat/sch/vol/x.txt"_s, "x", second).status, 204);
    QCOMPARE(custom.get(u"/api/2.0/fs/files/Volumes/main/default/landing/x.txt"_s, second).status, 404);
    const auto m2m = custom.request(
        "POST", u"/oidc/v1/token"_s, "grant_type=client_credentials&client_id=sp-2&client_secret=sp-2-secret", kForm);
    QCOMPARE(m2m.status, 200);
}

void TestSandboxOAuth::statsCountTokens()
{
    const QJsonObject tokens = m_sandbox.stats().value(u"tokens"_s).toObject();
    QVERIFY(tokens.value(u"issued"_s).toInt() >= 5);
    QVERIFY(tokens.value(u"refreshed"_s).toInt() >= 1);
    QVERIFY(tokens.value(u"revoked"_s).toInt() >= 1);
    QVERIFY(tokens.value(u"jwt_grants"_s).toInt() >= 2);
    QVERIFY(tokens.value(u"auth_codes"_s).toInt() >= 4);
    const QJsonObject failures = tokens.value(u"failures"_s).toObject();
    QVERIFY(failures.value(u"invalid_code_verifier"_s).toInt() >= 1);
    QVERIFY(failures.value(u"jwt_signature"_s).toInt() >= 1);
    QVERIFY(failures.value(u"jwt_timeframe"_s).toInt() >= 2);
}

QTEST_GUILESS_MAIN(TestSandboxOAuth)
#include "tst_sandbox_oauth.moc"
