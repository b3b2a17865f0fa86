// SPDX-License-Identifier: GPL-3.0-or-later
// The browser sign-in's pure parts (issue 13): the TokenStore value of Kind::OAuthU2M and the consent-page
// address the workspace is asked for (databricks-wave2.md §1 "U2M protocol").
#include "auth/databrickscredentials.h"
#include "auth/databricksu2m.h"
#include "auth/pkce.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

class TestDatabricksU2M final : public QObject
{
    Q_OBJECT

private slots:
    void blobKeepsKindAndApp()
    {
        Auth::DatabricksCredentials signedIn;
        signedIn.kind = Auth::DatabricksCredentials::Kind::OAuthU2M;
        signedIn.host = u"https://dbc-1.cloud.databricks.com"_s;
        signedIn.clientId = u"my-app"_s;
        signedIn.secret = "refresh-token-1"_ba;
        const QByteArray blob = signedIn.toSecretBlob();
        QCOMPARE(QJsonDocument::fromJson(blob).object().value(u"kind"_s).toString(), u"oauth-u2m"_s);
        const auto back = Auth::DatabricksCredentials::fromSecretBlob(signedIn.host, blob);
        QVERIFY(back);
        QCOMPARE(back->kind, Auth::DatabricksCredentials::Kind::OAuthU2M);
        QCOMPARE(back->clientId, u"my-app"_s);
        QCOMPARE(back->secret, "refresh-token-1"_ba);
        // A browser sign-in without its app cannot be refreshed: unreadable, not a PAT.
        QVERIFY(!Auth::DatabricksCredentials::fromSecretBlob(
            signedIn.host, R"({"kind":"oauth-u2m","secret":"refresh-token-1"})"_ba));
        QCOMPARE(Auth::DatabricksCredentials::kindName(Auth::DatabricksCredentials::Kind::PersonalAccessToken), u"pat"_s);
        QCOMPARE(Auth::DatabricksCredentials::kindName(Auth::DatabricksCredentials::Kind::OAuthM2M), u"oauth-m2m"_s);
    }

    void consentAddressIsTheSdks()
    {
        const QByteArray verifier = Auth::Pkce::randomToken(64);
        const QUrl url = Auth::DatabricksOAuthFlow::authorizationUrl(u"https://dbc-1.cloud.databricks.com"_s,
            QString::fromLatin1(Auth::databricksDefaultClientId), QUrl(u"http://localhost:8020"_s),
            Auth::Pkce::challengeFor(verifier), "state-1"_ba);
        QCOMPARE(url.adjusted(QUrl::RemoveQuery).toString(), u"https://dbc-1.cloud.databricks.com/oidc/v1/authorize"_s);
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(u"client_id"_s), u"databricks-cli"_s);
        QCOMPARE(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded), u"http://localhost:8020"_s);
        QCOMPARE(query.queryItemValue(u"response_type"_s), u"code"_s);
        QCOMPARE(query.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"offline_access all-apis"_s);
        QCOMPARE(query.queryItemValue(u"state"_s), u"state-1"_s);
        QCOMPARE(query.queryItemValue(u"code_challenge"_s).toLatin1(), Auth::Pkce::challengeFor(verifier));
        QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
    }

    void flowRefusesAHostThatIsNoWorkspace()
    {
        Auth::DatabricksSignIn signIn(nullptr, u"notaurl"_s, {});
        QVERIFY(!signIn.start());
        QVERIFY2(signIn.errorString().contains(u"notaurl"_s), qPrintable(signIn.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestDatabricksU2M)
#include "tst_databricksu2m.moc"
