// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/databrickscredentials.h"

#include "auth/tokenrenewal.h"
#include "auth/tokenrequest.h"
#include "util/logging.h"
#include "util/redactor.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Auth
{
QString DatabricksCredentials::normaliseHost(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!trimmed.contains(u"://"_s))
        trimmed.prepend(u"https://"_s);
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    const QHostAddress address(url.host());
    const bool loopback = url.host() == u"localhost"_s || (!address.isNull() && address.isLoopback());
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

QByteArray DatabricksCredentials::toSecretBlob() const
{
    QJsonObject object {
        { u"kind"_s, kind == Kind::OAuthM2M ? u"oauth-m2m"_s : u"pat"_s },
        { u"secret"_s, QString::fromUtf8(secret) },
    };
    if (kind == Kind::OAuthM2M)
        object.insert(u"client_id"_s, clientId);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<DatabricksCredentials> DatabricksCredentials::fromSecretBlob(const QString &host, const QByteArray &blob)
{
    const QJsonObject object = QJsonDocument::fromJson(blob).object();
    DatabricksCredentials credentials;
    credentials.host = host;
    credentials.kind
        = object.value(u"kind"_s).toString() == u"oauth-m2m"_s ? Kind::OAuthM2M : Kind::PersonalAccessToken;
    credentials.clientId = object.value(u"client_id"_s).toString();
    credentials.secret = object.value(u"secret"_s).toString().toUtf8();
    if (credentials.secret.isEmpty() || (credentials.kind == Kind::OAuthM2M && credentials.clientId.isEmpty()))
        return std::nullopt;
    Util::registerSecret(credentials.secret);
    return credentials;
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
    if (m_credentials.kind == DatabricksCredentials::Kind::PersonalAccessToken)
        m_accessToken = m_credentials.secret;
    else
        QTimer::singleShot(0, this, &DatabricksTokenProvider::refresh);
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
