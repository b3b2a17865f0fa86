// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/databrickscredentials.h"

#include "auth/databrickscli.h"
#include "auth/tokenrenewal.h"
#include "auth/tokenrequest.h"
#include "net/errorclassifier.h"
#include "net/network.h"
#include "util/logging.h"
#include "util/redactor.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace Auth
{
QString DatabricksCredentials::normaliseHost(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    const bool schemeGiven = trimmed.contains(u"://"_s);
    if (!schemeGiven)
        trimmed.prepend(u"https://"_s);
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    const QHostAddress address(url.host());
    const bool loopback = url.host() == u"localhost"_s || (!address.isNull() && address.isLoopback());
    // Every workspace host has dots (<name>.cloud.databricks.com, adb-….azuredatabricks.net…): a bare word
    // without a scheme is a typo or a misplaced argument, not a host.
    if (!schemeGiven && !url.host().contains(u'.') && !loopback)
        return {};
    if (scheme != u"https"_s && !(scheme == u"http"_s && loopback))
        return {};
    QUrl normal;
    normal.setScheme(scheme);
    normal.setHost(url.host().toLower());
    normal.setPort(url.port());
    // Dropping the path on purpose: a trailing '/' or a pasted "/?o=123#…" breaks every API URL built on it.
    return normal.toString(QUrl::FullyEncoded);
}

QString DatabricksCredentials::storeKey(const QString &host)
{
    return u"databricks/"_s + host;
}

QString DatabricksCredentials::kindName(Kind kind)
{
    switch (kind)
    {
    case Kind::PersonalAccessToken:
        break;
    case Kind::OAuthM2M:
        return u"oauth-m2m"_s;
    case Kind::OAuthU2M:
        return u"oauth-u2m"_s;
    case Kind::DatabricksCli:
        return u"databricks-cli"_s;
    }
    return u"pat"_s;
}

QByteArray DatabricksCredentials::toSecretBlob() const
{
    QJsonObject object {
        { u"kind"_s, kindName(kind) },
        { u"secret"_s, QString::fromUtf8(secret) },
    };
    if (kind == Kind::OAuthM2M || kind == Kind::OAuthU2M)
        object.insert(u"client_id"_s, clientId);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<DatabricksCredentials> DatabricksCredentials::fromSecretBlob(const QString &host, const QByteArray &blob)
{
    const QJsonObject object = QJsonDocument::fromJson(blob).object();
    DatabricksCredentials credentials;
    credentials.host = host;
    const QString kind = object.value(u"kind"_s).toString();
    credentials.kind = kind == kindName(Kind::OAuthM2M) ? Kind::OAuthM2M
        : kind == kindName(Kind::OAuthU2M)               ? Kind::OAuthU2M
                                                         : Kind::PersonalAccessToken;
    credentials.clientId = object.value(u"client_id"_s).toString();
    credentials.secret = object.value(u"secret"_s).toString().toUtf8();
    const bool needsClient = credentials.kind == Kind::OAuthM2M || credentials.kind == Kind::OAuthU2M;
    if (credentials.secret.isEmpty() || (needsClient && credentials.clientId.isEmpty()))
        return std::nullopt;
    Util::registerSecret(credentials.secret);
    return credentials;
}

namespace
{
/// checkDatabricksCredentials()'s reading of the answer to GET /api/2.0/preview/scim/v2/Me.
DatabricksCheck readMe(QNetworkReply *reply, const QString &host, bool servicePrincipal)
{
    using Outcome = DatabricksCheck::Outcome;
    const QByteArray body = reply->isOpen() ? reply->read(64 * 1024) : QByteArray();
    const Net::Error error = Net::classifyReply(reply, Net::Service::Databricks, body);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString detail = error.message.isEmpty() ? error.reason : error.message;
    const QJsonObject me = QJsonDocument::fromJson(body).object();
    if (!error.isError() && status == 200 && me.contains(u"userName"_s))
        return {Outcome::Accepted, {}, me.value(u"userName"_s).toString()};
    if (status == 401 || status == 403)
        return {Outcome::Refused,
                servicePrincipal ? DatabricksTokenProvider::tr("%1 refused the service principal's token (%2).").arg(host, detail)
                                 : DatabricksTokenProvider::tr("%1 refused the personal access token (%2).").arg(host, detail),
                {}};
    if (reply->error() == QNetworkReply::HostNotFoundError)
        return {Outcome::BadHost, DatabricksTokenProvider::tr("No workspace at %1: the host name does not resolve.").arg(host), {}};
    if (status == 0 || status == 429 || status >= 500)
        return {Outcome::Unavailable, DatabricksTokenProvider::tr("%1 could not check the credentials now: %2").arg(host, detail), {}};
    // A 200 that is not a user, a 404, an HTML page: something else lives at that address.
    return {Outcome::BadHost,
            DatabricksTokenProvider::tr("%1 does not answer like a Databricks workspace (HTTP %2).").arg(host).arg(status), {}};
}
} // namespace

void checkDatabricksCredentials(QNetworkAccessManager *nam, const DatabricksCredentials &credentials, QObject *context,
    std::function<void(const DatabricksCheck &)> done)
{
    // Everything for one check hangs off `holder` (a child of nobody: it outlives a dying context's children
    // only until the answer is in), and `done` runs once, while `context` lives.
    auto *holder = new QObject;
    auto finish = [holder, guard = QPointer<QObject>(context), done = std::move(done), once = std::make_shared<bool>(false)](
                      const DatabricksCheck &check) {
        holder->deleteLater();
        if (*once)
            return;
        *once = true;
        if (guard)
            done(check);
    };
    const QString host = credentials.host;
    if (host.isEmpty() || DatabricksCredentials::normaliseHost(host) != host)
    {
        QTimer::singleShot(0, holder, [finish, host] {
            finish({DatabricksCheck::Outcome::BadHost,
                    DatabricksTokenProvider::tr("\"%1\" is not a Databricks workspace URL (https://<workspace host>).").arg(host), {}});
        });
        return;
    }
    const bool servicePrincipal = credentials.kind == DatabricksCredentials::Kind::OAuthM2M;
    auto *tokens = new DatabricksTokenProvider(nam, credentials, holder);
    const auto askWho = [nam, tokens, holder, host, servicePrincipal, finish] {
        QNetworkRequest request = Net::makeRequest(QUrl(host + u"/api/2.0/preview/scim/v2/Me"_s), tokens->accessToken());
        request.setTransferTimeout(30'000);
        QNetworkReply *reply = nam->get(request);
        reply->setParent(holder);
        Net::guardRedirects(reply);
        QObject::connect(reply, &QNetworkReply::finished, holder,
                         [reply, host, servicePrincipal, finish] { finish(readMe(reply, host, servicePrincipal)); });
    };
    if (credentials.kind == DatabricksCredentials::Kind::PersonalAccessToken)
    {
        QTimer::singleShot(0, holder, askWho);
        return;
    }
    // The token first (the pair, the browser sign-in's refresh token, the Databricks CLI): a bad one is
    // refused by the token endpoint (or the CLI) before the workspace is asked.
    QObject::connect(tokens, &Net::TokenProvider::refreshed, holder, askWho, Qt::SingleShotConnection);
    QObject::connect(tokens, &Net::TokenProvider::refreshFailed, holder, [finish](const QString &reason) {
        finish({DatabricksCheck::Outcome::Refused, reason, {}});
    });
}

DatabricksTokenProvider::DatabricksTokenProvider(
    QNetworkAccessManager *nam, const DatabricksCredentials &credentials, QObject *parent)
    : Net::TokenProvider(parent)
    , m_nam(nam)
    , m_credentials(credentials)
    , m_renewal(new TokenRenewal([this] { return sendGrant(); }, this))
{
    Util::registerSecret(m_credentials.secret);
    connect(m_renewal, &TokenRenewal::renewDue, this, &DatabricksTokenProvider::refresh);
    if (m_credentials.kind == DatabricksCredentials::Kind::DatabricksCli)
        startCli();
    else if (m_credentials.kind == DatabricksCredentials::Kind::PersonalAccessToken)
        m_accessToken = m_credentials.secret;
    else
        QTimer::singleShot(0, this, &DatabricksTokenProvider::refresh);
}

// Kind::DatabricksCli: the Databricks CLI hands out the token; it renews it itself ahead of expiry.
void DatabricksTokenProvider::startCli()
{
    m_cli = new DatabricksCliToken(m_credentials, this);
    connect(m_cli, &DatabricksCliToken::finished, this, [this](const DatabricksCliToken::Token &token) {
        m_accessToken = token.accessToken;
        emit refreshed();
    });
    connect(m_cli, &DatabricksCliToken::failed, this, [this](const QString &reason) {
        qCWarning(lcAuth).noquote() << reason;
        emit refreshFailed(reason);
    });
    m_cli->start();
}

// The request in flight is aborted by m_renewal, without calling back.
DatabricksTokenProvider::~DatabricksTokenProvider() = default;

QByteArray DatabricksTokenProvider::accessToken() const
{
    return m_accessToken;
}

QString DatabricksTokenProvider::accountName() const
{
    return m_credentials.host;
}

void DatabricksTokenProvider::refresh()
{
    if (m_cli)
    {
        m_cli->start(); // coalesced with the run in flight
        return;
    }
    if (m_credentials.kind == DatabricksCredentials::Kind::PersonalAccessToken)
    {
        QTimer::singleShot(0, this,
            [this]
            {
                emit refreshFailed(
                    tr("Databricks refused the personal access token for %1 (expired or revoked). Create a "
                       "new token and save it (app: Accounts → Databricks workspaces; command line: "
                       "drive-ingest-cli databricks-login --host %1).")
                        .arg(m_credentials.host));
            });
        return;
    }
    m_renewal->request(); // coalesced with the request in flight
}

QNetworkReply *DatabricksTokenProvider::sendGrant()
{
    if (m_credentials.kind == DatabricksCredentials::Kind::OAuthU2M)
        return sendRefreshGrant();
    const QUrl url(m_credentials.host + u"/oidc/v1/token"_s);
    const QByteArray form = encodeForm({ { "grant_type"_ba, "client_credentials"_ba }, { "scope"_ba, "all-apis"_ba } });
    const QByteArray basic = m_credentials.clientId.toUtf8() + ':' + m_credentials.secret;
    Util::registerSecret(basic.toBase64());
    return postTokenRequest(m_nam, url, form, basic, this,
        [this](const TokenReply &reply)
        {
            if (reply.ok)
            {
                m_accessToken = reply.response.accessToken;
                m_renewal->succeeded(std::chrono::seconds(reply.response.expiresIn));
                emit refreshed();
                return;
            }
            if (m_renewal->retryLater(reply.isTransient()))
                return;
            const QString message = describeTokenError(reply, TokenGrant::ClientCredentials, m_credentials.host);
            qCWarning(lcAuth).noquote() << message;
            emit refreshFailed(message);
        });
}

} // namespace Auth
