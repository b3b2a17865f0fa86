// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/oauthflow.h"

#include "auth/loopbacklistener.h"
#include "util/redactor.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Auth
{
OAuthClient OAuthClient::sandbox()
{
    return { u"sandbox-client.apps.googleusercontent.com"_s, "sandbox-secret"_ba };
}

std::optional<OAuthClient> OAuthClient::fromFile(const QString &path, QString *errorMessage)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
    {
        if (errorMessage)
            *errorMessage = QObject::tr("Cannot read the client secret file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray data = file.read(1 << 20);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject())
    {
        QJsonObject object = document.object();
        if (object.contains(u"installed"_s))
            object = object.value(u"installed"_s).toObject();
        else if (object.contains(u"web"_s))
            object = object.value(u"web"_s).toObject();
        OAuthClient client { object.value(u"client_id"_s).toString(),
            object.value(u"client_secret"_s).toString().toUtf8() };
        if (client.clientSecret.isEmpty())
        {
            if (errorMessage)
                *errorMessage = QObject::tr("The file %1 has no client_secret: download the JSON of a \"Desktop "
                                            "app\" OAuth client from the Google Cloud console.")
                                    .arg(path);
            return std::nullopt;
        }
        Util::registerSecret(client.clientSecret);
        return client;
    }
    // Not JSON: the secret alone on the first line.
    OAuthClient client;
    client.clientSecret = data.left(data.indexOf('\n') < 0 ? data.size() : data.indexOf('\n')).trimmed();
    if (client.clientSecret.isEmpty())
    {
        if (errorMessage)
            *errorMessage = QObject::tr("The client secret file %1 is empty.").arg(path);
        return std::nullopt;
    }
    Util::registerSecret(client.clientSecret);
    return client;
}

AuthorizationCodeFlow::AuthorizationCodeFlow(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_listener(new LoopbackListener(this))
{
    connect(m_listener, &LoopbackListener::codeReceived, this, &AuthorizationCodeFlow::onCode);
    connect(m_listener, &LoopbackListener::failed, this,
        [this](LoopbackListener::Failure, const QString &message) { fail(message); });
    connect(m_listener, &LoopbackListener::requestRejected, this, &AuthorizationCodeFlow::warning);
}

AuthorizationCodeFlow::~AuthorizationCodeFlow()
{
    if (m_reply)
    {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void AuthorizationCodeFlow::setFixedPort(quint16 port)
{
    m_ports = {port};
}

void AuthorizationCodeFlow::setPortRange(quint16 first, quint16 last)
{
    m_ports.clear();
    for (quint32 port = first; port <= last; ++port)
        m_ports.append(static_cast<quint16>(port));
}

void AuthorizationCodeFlow::setTimeout(std::chrono::milliseconds timeout)
{
    m_listener->setTimeout(timeout);
}

bool AuthorizationCodeFlow::start()
{
    m_error = startProblem();
    if (!m_error.isEmpty())
        return false;
    m_pkce = Pkce::generate();
    m_listener->setExpectedState(m_pkce.state());
    bool listening = false;
    for (const quint16 port : std::as_const(m_ports))
    {
        listening = m_listener->listen(port);
        if (listening)
            break;
    }
    if (!listening)
    {
        m_error = m_listener->errorString();
        return false;
    }
    m_finished = false;
    emit authorizationUrlReady(authorizationUrlFor(redirectUri(), m_pkce.challenge(), m_pkce.state()));
    return true;
}

void AuthorizationCodeFlow::abort()
{
    m_listener->close();
    if (m_reply)
        m_reply->abort();
    fail(tr("The sign-in was cancelled."));
}

QString AuthorizationCodeFlow::errorString() const
{
    return m_error;
}

QUrl AuthorizationCodeFlow::redirectUri() const
{
    return redirectUriFor(m_listener->port());
}

QUrl AuthorizationCodeFlow::redirectUriFor(quint16) const
{
    return m_listener->redirectUri();
}

void AuthorizationCodeFlow::onCode(const QByteArray &code)
{
    Util::registerSecret(code);
    m_reply = exchange(code, m_pkce.verifier(), redirectUri(),
        [this](const TokenReply &reply)
        {
            if (m_finished)
                return;
            if (const QString problem = describe(reply); !problem.isEmpty())
            {
                fail(problem);
                return;
            }
            m_finished = true;
            emit succeeded(reply.response);
        });
}

void AuthorizationCodeFlow::fail(const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_listener->close();
    m_error = message;
    emit failed(message);
}

GoogleOAuthFlow::GoogleOAuthFlow(
    QNetworkAccessManager *nam, const Net::Endpoints &endpoints, const OAuthClient &client, QObject *parent)
    : AuthorizationCodeFlow(nam, parent)
    , m_endpoints(endpoints)
    , m_client(client)
    , m_scope(QString::fromLatin1(driveReadOnlyScope))
{
}

GoogleOAuthFlow::~GoogleOAuthFlow() = default;

void GoogleOAuthFlow::setLoginHint(const QString &emailOrName)
{
    m_loginHint = emailOrName;
}

void GoogleOAuthFlow::setScope(const QString &scope)
{
    m_scope = scope;
}

QString GoogleOAuthFlow::startProblem() const
{
    if (m_client.isValid())
        return {};
    return tr("No OAuth client id: create a \"Desktop app\" OAuth client in the Google Cloud console and "
              "pass its id (see README, \"Sign in to Google\").");
}

QUrl GoogleOAuthFlow::authorizationUrlFor(const QUrl &redirectUri, const QByteArray &challenge, const QByteArray &state) const
{
    return authorizationUrl(m_endpoints, m_client, redirectUri, challenge, state, m_scope, m_loginHint);
}

QNetworkReply *GoogleOAuthFlow::exchange(const QByteArray &code, const QByteArray &verifier, const QUrl &redirectUri,
    std::function<void(const TokenReply &)> done)
{
    return exchangeCode(nam(), m_endpoints, m_client, code, verifier, redirectUri, this, std::move(done));
}

QString GoogleOAuthFlow::describe(const TokenReply &reply) const
{
    if (!reply.ok)
        return describeTokenError(
            reply, TokenGrant::AuthorizationCode, m_loginHint.isEmpty() ? tr("this sign-in") : m_loginHint);
    if (reply.response.refreshToken.isEmpty())
        return tr("Google granted access but sent no refresh token, so the sign-in could "
                  "not be kept. Remove Drive Ingest's access at "
                  "https://myaccount.google.com/permissions and sign in again.");
    return {};
}

QUrl GoogleOAuthFlow::authorizationUrl(const Net::Endpoints &endpoints, const OAuthClient &client,
    const QUrl &redirectUri, const QByteArray &challenge, const QByteArray &state, const QString &scope,
    const QString &loginHint)
{
    QUrl url = endpoints.oauthAuthorize;
    QList<QPair<QByteArray, QByteArray>> fields {
        { "client_id"_ba, client.clientId.toUtf8() },
        { "redirect_uri"_ba, redirectUri.toEncoded() },
        { "response_type"_ba, "code"_ba },
        { "scope"_ba, scope.toUtf8() },
        { "state"_ba, state },
        { "code_challenge"_ba, challenge },
        { "code_challenge_method"_ba, "S256"_ba },
        // Offline access + forced consent: Google only returns a refresh token on a consent screen.
        { "access_type"_ba, "offline"_ba },
        { "prompt"_ba, "consent"_ba },
    };
    if (!loginHint.isEmpty())
        fields.append({ "login_hint"_ba, loginHint.toUtf8() });
    // Encoded by hand: QUrlQuery would leave the redirect URI's ':' and '/' and the scope's spaces ambiguous.
    url.setQuery(QString::fromLatin1(encodeForm(fields)), QUrl::StrictMode);
    return url;
}

QNetworkReply *GoogleOAuthFlow::exchangeCode(QNetworkAccessManager *nam, const Net::Endpoints &endpoints,
    const OAuthClient &client, const QByteArray &code, const QByteArray &verifier, const QUrl &redirectUri,
    QObject *context, std::function<void(const TokenReply &)> done)
{
    Util::registerSecret(code);
    const QByteArray form = encodeForm({
        { "grant_type"_ba, "authorization_code"_ba },
        { "code"_ba, code },
        { "client_id"_ba, client.clientId.toUtf8() },
        { "client_secret"_ba, client.clientSecret },
        { "redirect_uri"_ba, redirectUri.toEncoded() },
        { "code_verifier"_ba, verifier },
    });
    return postTokenRequest(nam, endpoints.oauthToken, form, {}, context, std::move(done));
}

} // namespace Auth
