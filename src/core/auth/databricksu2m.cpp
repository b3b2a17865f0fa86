// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/databricksu2m.h"

#include "auth/tokenrenewal.h"
#include "auth/tokenrequest.h"
#include "util/logging.h"
#include "util/redactor.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace Auth
{
namespace
{
QUrl tokenEndpoint(const QString &host)
{
    return QUrl(host + u"/oidc/v1/token"_s);
}

/// A refused Databricks token request in words; `signInAgain` says how to get a new sign-in.
QString describeWorkspaceError(const TokenReply &reply, TokenGrant grant, const QString &host, const QString &clientId)
{
    const QString detail
        = reply.errorDescription.isEmpty() ? reply.error : u"%1: %2"_s.arg(reply.error, reply.errorDescription);
    if (reply.error == u"invalid_client"_s || reply.error == u"unauthorized_client"_s)
        return DatabricksSignIn::tr("%1 does not accept the OAuth app \"%2\" (%3). Use an app connection registered "
                                    "for this workspace: --client-id ID (app: the client id asked at sign-in).")
            .arg(host, clientId, detail);
    if (grant == TokenGrant::AuthorizationCode && reply.error == u"invalid_grant"_s)
        return DatabricksSignIn::tr("%1 rejected the sign-in answer (%2): the code was already used or expired, or "
                                    "the PKCE verifier or redirect address did not match. Sign in again.")
            .arg(host, detail);
    if (grant == TokenGrant::RefreshToken && reply.needsNewSignIn())
        return DatabricksSignIn::tr("The browser sign-in to %1 is no longer valid (%2). Sign in again (app: Accounts "
                                    "→ Databricks workspaces → Sign in to Databricks; command line: drive-ingest-cli "
                                    "databricks-login --host %1 --browser).")
            .arg(host, detail);
    return describeTokenError(reply, grant, host);
}
} // namespace

DatabricksOAuthFlow::DatabricksOAuthFlow(
    QNetworkAccessManager *nam, const QString &host, const QString &clientId, QObject *parent)
    : AuthorizationCodeFlow(nam, parent)
    , m_host(host)
    , m_clientId(clientId.isEmpty() ? QString::fromLatin1(databricksDefaultClientId) : clientId)
{
    setPortRange(databricksFirstPort, databricksLastPort);
}

DatabricksOAuthFlow::~DatabricksOAuthFlow() = default;

QString DatabricksOAuthFlow::startProblem() const
{
    if (!m_host.isEmpty() && DatabricksCredentials::normaliseHost(m_host) == m_host)
        return {};
    return tr("\"%1\" is not a Databricks workspace URL (https://<workspace host>).").arg(m_host);
}

QUrl DatabricksOAuthFlow::redirectUriFor(quint16 port) const
{
    // What the SDKs register and send: localhost, the port, no path (databricks-wave2.md §1).
    return QUrl(u"http://localhost:%1"_s.arg(port));
}

QUrl DatabricksOAuthFlow::authorizationUrl(const QString &host, const QString &clientId, const QUrl &redirectUri,
    const QByteArray &challenge, const QByteArray &state)
{
    QUrl url(host + u"/oidc/v1/authorize"_s);
    // Encoded by hand, as GoogleOAuthFlow::authorizationUrl(): the redirect URI and the scope's space stay exact.
    url.setQuery(QString::fromLatin1(encodeForm({
                     { "client_id"_ba, clientId.toUtf8() },
                     { "redirect_uri"_ba, redirectUri.toEncoded() },
                     { "response_type"_ba, "code"_ba },
                     { "scope"_ba, QByteArray(databricksU2MScope) },
                     { "state"_ba, state },
                     { "code_challenge"_ba, challenge },
                     { "code_challenge_method"_ba, "S256"_ba },
                 })),
        QUrl::StrictMode);
    return url;
}

QUrl DatabricksOAuthFlow::authorizationUrlFor(
    const QUrl &redirectUri, const QByteArray &challenge, const QByteArray &state) const
{
    return authorizationUrl(m_host, m_clientId, redirectUri, challenge, state);
}

QNetworkReply *DatabricksOAuthFlow::exchange(const QByteArray &code, const QByteArray &verifier,
    const QUrl &redirectUri, std::function<void(const TokenReply &)> done)
{
    // A public client: client_id in the form, no secret (the SDKs' AuthStyleInParams).
    const QByteArray form = encodeForm({
        { "grant_type"_ba, "authorization_code"_ba },
        { "code"_ba, code },
        { "client_id"_ba, m_clientId.toUtf8() },
        { "redirect_uri"_ba, redirectUri.toEncoded() },
        { "code_verifier"_ba, verifier },
    });
    return postTokenRequest(nam(), tokenEndpoint(m_host), form, {}, this, std::move(done));
}

QString DatabricksOAuthFlow::describe(const TokenReply &reply) const
{
    if (!reply.ok)
        return describeWorkspaceError(reply, TokenGrant::AuthorizationCode, m_host, m_clientId);
    if (reply.response.refreshToken.isEmpty())
        return tr("%1 granted access but sent no refresh token (the OAuth app \"%2\" may have refresh tokens "
                  "disabled), so the sign-in could not be kept.")
            .arg(m_host, m_clientId);
    return {};
}

DatabricksSignIn::DatabricksSignIn(
    QNetworkAccessManager *nam, const QString &hostText, const QString &clientId, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_hostText(hostText)
    , m_flow(new DatabricksOAuthFlow(nam, DatabricksCredentials::normaliseHost(hostText), clientId, this))
{
    connect(m_flow, &AuthorizationCodeFlow::authorizationUrlReady, this, &DatabricksSignIn::authorizationUrlReady);
    connect(m_flow, &AuthorizationCodeFlow::warning, this, &DatabricksSignIn::warning);
    connect(m_flow, &AuthorizationCodeFlow::succeeded, this, &DatabricksSignIn::onTokens);
    connect(m_flow, &AuthorizationCodeFlow::failed, this, [this](const QString &message) { finish(message); });
}

DatabricksSignIn::~DatabricksSignIn() = default;

bool DatabricksSignIn::start()
{
    if (m_flow->host().isEmpty())
    {
        m_error = tr("\"%1\" is not a Databricks workspace URL (https://<workspace host>).").arg(m_hostText);
        return false;
    }
    if (!m_flow->start())
    {
        m_error = m_flow->errorString();
        return false;
    }
    return true;
}

void DatabricksSignIn::abort()
{
    m_flow->abort(); // fails the flow, which finishes this
    finish(tr("The sign-in was cancelled."));
}

void DatabricksSignIn::onTokens(const TokenResponse &tokens)
{
    DatabricksCredentials credentials;
    credentials.kind = DatabricksCredentials::Kind::OAuthU2M;
    credentials.host = m_flow->host();
    credentials.clientId = m_flow->clientId();
    credentials.secret = tokens.refreshToken;
    // Who signed in, with the access token just had: the check databricks-login makes for a token.
    DatabricksCredentials bearer;
    bearer.kind = DatabricksCredentials::Kind::PersonalAccessToken;
    bearer.host = credentials.host;
    bearer.secret = tokens.accessToken;
    checkDatabricksCredentials(m_nam, bearer, this, [this, credentials](const DatabricksCheck &check) {
        if (check.outcome != DatabricksCheck::Outcome::Accepted)
            return finish(check.message);
        finish({}, credentials, check.userName);
    });
}

void DatabricksSignIn::finish(const QString &error, const DatabricksCredentials &credentials, const QString &userName)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (error.isEmpty())
        emit succeeded(credentials, userName);
    else
        emit failed(error);
}

// DatabricksTokenProvider's grant for Kind::OAuthU2M (declared in databrickscredentials.h): the kept refresh
// token at {host}/oidc/v1/token, client_id in the form as at sign-in.
QNetworkReply *DatabricksTokenProvider::sendRefreshGrant()
{
    const QByteArray form = encodeForm({
        { "grant_type"_ba, "refresh_token"_ba },
        { "refresh_token"_ba, m_credentials.secret },
        { "client_id"_ba, m_credentials.clientId.toUtf8() },
    });
    return postTokenRequest(m_nam, tokenEndpoint(m_credentials.host), form, {}, this,
        [this](const TokenReply &reply)
        {
            if (reply.ok)
            {
                m_accessToken = reply.response.accessToken;
                // A workspace with single-use refresh tokens sends the next one: used for this provider's next
                // refresh (not written back to the TokenStore).
                if (!reply.response.refreshToken.isEmpty())
                    m_credentials.secret = reply.response.refreshToken;
                m_renewal->succeeded(std::chrono::seconds(reply.response.expiresIn));
                emit refreshed();
                return;
            }
            if (m_renewal->retryLater(reply.isTransient()))
                return;
            const QString message = describeWorkspaceError(
                reply, TokenGrant::RefreshToken, m_credentials.host, m_credentials.clientId);
            qCWarning(lcAuth).noquote() << message;
            emit refreshFailed(message);
        });
}

} // namespace Auth
