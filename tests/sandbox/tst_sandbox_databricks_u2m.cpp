// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's workspace browser sign-in (OAuth U2M, issue 13): GET /oidc/v1/authorize and the
// authorization_code / refresh_token grants of POST /oidc/v1/token, over real loopback HTTP
// (reference: databricks-wave2.md §1 "U2M protocol"). The M2M grant on the same endpoint keeps working.
#include "sandboxprocess.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace
{
const QString kClient = u"databricks-cli"_s;
const QString kRedirect = u"http://localhost:8020"_s;
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

QString verifierOf(char fill)
{
    return QString::fromLatin1(QByteArray(64, fill).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString challengeOf(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QList<QPair<QByteArray, QByteArray>> bearer(const QString &token)
{
    return { { "Authorization", "Bearer " + token.toLatin1() } };
}
} // namespace

class TestSandboxDatabricksU2M final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void codeFlowWithRefresh();
    void exchangeChecks();
    void authorizeRefusals();
    void clientCredentialsStillServed();

private:
    struct Authorized
    {
        int status = 0;
        QUrl location; ///< where the browser is sent
        QString body;
    };
    Authorized authorize(const QList<QPair<QString, QString>> &overrides = {});
    SandboxProcess::Reply exchange(const QString &code, const QString &verifier, const QString &client = kClient,
        const QString &redirect = kRedirect);

    SandboxProcess m_sandbox;
};

void TestSandboxDatabricksU2M::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
}

TestSandboxDatabricksU2M::Authorized TestSandboxDatabricksU2M::authorize(const QList<QPair<QString, QString>> &overrides)
{
    QList<QPair<QString, QString>> fields { { u"client_id"_s, kClient }, { u"redirect_uri"_s, kRedirect },
        { u"response_type"_s, u"code"_s }, { u"scope"_s, u"offline_access all-apis"_s }, { u"state"_s, u"st-7"_s },
        { u"code_challenge"_s, challengeOf(verifierOf('a')) }, { u"code_challenge_method"_s, u"S256"_s } };
    for (const auto &[key, value] : overrides)
    {
        fields.removeIf([&key](const auto &field) { return field.first == key; });
        if (!value.isNull())
            fields.append({ key, value });
    }
    const auto reply = m_sandbox.get(u"/oidc/v1/authorize?"_s + QString::fromLatin1(form(fields)));
    return { reply.status, QUrl::fromEncoded(reply.header("Location")), QString::fromUtf8(reply.body) };
}

SandboxProcess::Reply TestSandboxDatabricksU2M::exchange(
    const QString &code, const QString &verifier, const QString &client, const QString &redirect)
{
    return m_sandbox.request("POST", u"/oidc/v1/token"_s,
        form({ { u"grant_type"_s, u"authorization_code"_s }, { u"code"_s, code }, { u"client_id"_s, client },
            { u"redirect_uri"_s, redirect }, { u"code_verifier"_s, verifier } }),
        kForm);
}

void TestSandboxDatabricksU2M::codeFlowWithRefresh()
{
    const Authorized authorized = authorize();
    QCOMPARE(authorized.status, 302);
    // Back to the loopback redirect exactly as given (no path added), the state echoed.
    QCOMPARE(authorized.location.adjusted(QUrl::RemoveQuery), QUrl(kRedirect));
    const QUrlQuery back(authorized.location);
    QCOMPARE(back.queryItemValue(u"state"_s), u"st-7"_s);
    const QString code = back.queryItemValue(u"code"_s, QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());

    const auto tokens = exchange(code, verifierOf('a'));
    QCOMPARE(tokens.status, 200);
    const QString access = tokens.json().value(u"access_token"_s).toString();
    const QString refresh = tokens.json().value(u"refresh_token"_s).toString();
    QVERIFY(!access.isEmpty());
    QVERIFY(!refresh.isEmpty());
    QCOMPARE(tokens.json().value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(tokens.json().value(u"scope"_s).toString(), u"offline_access all-apis"_s);
    // The workspace's routes take the token; Drive does not.
    QCOMPARE(m_sandbox.get(u"/api/2.0/preview/scim/v2/Me"_s, bearer(access)).status, 200);
    QCOMPARE(m_sandbox.get(u"/drive/v3/files?pageSize=1"_s, bearer(access)).status, 401);

    const double refreshedBefore = m_sandbox.stats().value(u"tokens"_s).toObject().value(u"refreshed"_s).toDouble();
    const auto again = m_sandbox.request("POST", u"/oidc/v1/token"_s,
        form({ { u"grant_type"_s, u"refresh_token"_s }, { u"refresh_token"_s, refresh }, { u"client_id"_s, kClient } }),
        kForm);
    QCOMPARE(again.status, 200);
    const QString access2 = again.json().value(u"access_token"_s).toString();
    QVERIFY(!access2.isEmpty() && access2 != access);
    QCOMPARE(m_sandbox.get(u"/api/2.0/preview/scim/v2/Me"_s, bearer(access2)).status, 200);
    QCOMPARE(m_sandbox.stats().value(u"tokens"_s).toObject().value(u"refreshed"_s).toDouble(), refreshedBefore + 1);

    // The reference's words for a bad refresh token; another client may not use this one.
    const auto bogus = m_sandbox.request("POST", u"/oidc/v1/token"_s,
        form({ { u"grant_type"_s, u"refresh_token"_s }, { u"refresh_token"_s, u"doau-made-up"_s },
            { u"client_id"_s, kClient } }),
        kForm);
    QCOMPARE(bogus.status, 400);
    QCOMPARE(bogus.json().value(u"error"_s).toString(), u"invalid_grant"_s);
    QCOMPARE(bogus.json().value(u"error_description"_s).toString(), u"Refresh token is invalid"_s);
    const auto otherClient = m_sandbox.request("POST", u"/oidc/v1/token"_s,
        form({ { u"grant_type"_s, u"refresh_token"_s }, { u"refresh_token"_s, refresh },
            { u"client_id"_s, u"someone-else"_s } }),
        kForm);
    QCOMPARE(otherClient.status, 401);

    // Without offline_access there is no refresh token.
    const Authorized online = authorize({ { u"scope"_s, u"all-apis"_s } });
    const auto onlineTokens
        = exchange(QUrlQuery(online.location).queryItemValue(u"code"_s, QUrl::FullyDecoded), verifierOf('a'));
    QCOMPARE(onlineTokens.status, 200);
    QVERIFY(!onlineTokens.json().contains(u"refresh_token"_s));
}

void TestSandboxDatabricksU2M::exchangeChecks()
{
    const QString code = QUrlQuery(authorize().location).queryItemValue(u"code"_s, QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());

    const auto wrongVerifier = exchange(code, verifierOf('b'));
    QCOMPARE(wrongVerifier.status, 400);
    QCOMPARE(wrongVerifier.json().value(u"error"_s).toString(), u"invalid_grant"_s);
    const auto noVerifier = exchange(code, QString());
    QCOMPARE(noVerifier.status, 400);
    QCOMPARE(noVerifier.json().value(u"error"_s).toString(), u"invalid_request"_s);
    QCOMPARE(exchange(code, verifierOf('a'), kClient, u"http://localhost:8021"_s).status, 400);
    QCOMPARE(exchange(code, verifierOf('a'), u"someone-else"_s).status, 401);

    QCOMPARE(exchange(code, verifierOf('a')).status, 200);
    const auto reused = exchange(code, verifierOf('a'));
    QCOMPARE(reused.status, 400);
    QCOMPARE(reused.json().value(u"error"_s).toString(), u"invalid_grant"_s);

    // A Google code is no workspace code.
    QUrlQuery google;
    google.addQueryItem(u"client_id"_s, u"sandbox-client.apps.googleusercontent.com"_s);
    google.addQueryItem(u"redirect_uri"_s, kRedirect);
    google.addQueryItem(u"response_type"_s, u"code"_s);
    google.addQueryItem(u"scope"_s, u"https://www.googleapis.com/auth/drive.readonly"_s);
    google.addQueryItem(u"code_challenge"_s, challengeOf(verifierOf('a')));
    google.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    const auto consent = m_sandbox.get(u"/o/oauth2/v2/auth?"_s + google.toString(QUrl::FullyEncoded));
    QCOMPARE(consent.status, 302);
    const QString googleCode
        = QUrlQuery(QUrl::fromEncoded(consent.header("Location"))).queryItemValue(u"code"_s, QUrl::FullyDecoded);
    QVERIFY(!googleCode.isEmpty());
    QCOMPARE(exchange(googleCode, verifierOf('a')).status, 400);
}

void TestSandboxDatabricksU2M::authorizeRefusals()
{
    // Who asks and where the answer goes: an error page, never a redirect.
    const Authorized unknownClient = authorize({ { u"client_id"_s, u"not-registered"_s } });
    QCOMPARE(unknownClient.status, 400);
    QVERIFY(unknownClient.location.isEmpty());
    QVERIFY(unknownClient.body.contains(u"invalid_client"_s));
    const Authorized remote = authorize({ { u"redirect_uri"_s, u"https://attacker.example/cb"_s } });
    QCOMPARE(remote.status, 400);
    QVERIFY(remote.location.isEmpty());

    // Anything else goes back to the app with error and state, and no code.
    for (const auto &override : QList<QPair<QString, QString>> { { u"code_challenge_method"_s, u"plain"_s },
             { u"code_challenge"_s, QString() }, { u"response_type"_s, u"token"_s } })
    {
        const Authorized refused = authorize({ override });
        QCOMPARE(refused.status, 302);
        const QUrlQuery back(refused.location);
        QVERIFY2(back.hasQueryItem(u"error"_s), qPrintable(override.first));
        QVERIFY(!back.hasQueryItem(u"code"_s));
        QCOMPARE(back.queryItemValue(u"state"_s), u"st-7"_s);
    }

    // A consent the user denies (the "oauth" fault).
    QVERIFY(m_sandbox.setFaults(QJsonObject { { u"oauth"_s, QJsonObject { { u"deny"_s, true } } } }));
    const Authorized denied = authorize();
    QCOMPARE(QUrlQuery(denied.location).queryItemValue(u"error"_s), u"access_denied"_s);
    QVERIFY(m_sandbox.reset());
}

void TestSandboxDatabricksU2M::clientCredentialsStillServed()
{
    const auto reply = m_sandbox.request("POST", u"/oidc/v1/token"_s,
        "grant_type=client_credentials&scope=all-apis",
        { { "Content-Type", "application/x-www-form-urlencoded" },
            { "Authorization", "Basic " + QByteArray("sandbox-sp:sandbox-sp-secret").toBase64() } });
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.json().contains(u"refresh_token"_s));
    const auto other = m_sandbox.request("POST", u"/oidc/v1/token"_s, "grant_type=password", kForm);
    QCOMPARE(other.status, 400);
    QCOMPARE(other.json().value(u"error"_s).toString(), u"unsupported_grant_type"_s);
}

QTEST_GUILESS_MAIN(TestSandboxDatabricksU2M)
#include "tst_sandbox_databricks_u2m.moc"
