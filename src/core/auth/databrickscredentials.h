// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/tokenprovider.h"

#include <QByteArray>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Auth
{
class TokenRenewal;
class DatabricksCliToken;

/// What signs us in to one Databricks workspace. Only `kind`, `host` and `clientId` may be shown or saved
/// in settings; `secret` (a PAT or a service principal's OAuth secret) lives in the TokenStore only.
struct DatabricksCredentials
{
    enum class Kind
    {
        PersonalAccessToken,
        OAuthM2M, ///< service principal: client id + secret → /oidc/v1/token
        OAuthU2M, ///< a user signed in through the browser (issue 13): `secret` is the refresh token, `clientId` the app's
        DatabricksCli, ///< `databricks auth token --profile <profile>` gives the token (issue 13); nothing secret kept
    };
    Kind kind = Kind::PersonalAccessToken;
    QString host; ///< normalised: "https://adb-1.2.azuredatabricks.net" (no path, no trailing '/')
    QString clientId; ///< OAuthM2M only
    QByteArray secret;
    QString profile; ///< DatabricksCli: the ~/.databrickscfg profile the databricks CLI is asked for

    /// "https://Host.Example/"  → "https://host.example"; "host.example" → "https://host.example";
    /// http is kept only for loopback (the sandbox). Empty when `text` is not a usable host: no scheme and no
    /// dot ("notaurl" is a typo, not a workspace), another scheme, user info.
    [[nodiscard]] static QString normaliseHost(const QString &text);
    /// The TokenStore key: "databricks/<host>".
    [[nodiscard]] static QString storeKey(const QString &host);
    /// "pat", "oauth-m2m", "oauth-u2m", "databricks-cli": the blob's "kind" and the account list's detail.
    [[nodiscard]] static QString kindName(Kind kind);
    /// The TokenStore value: {"kind":kindName(),"client_id":… (OAuth kinds),"secret":…} (JSON, compact).
    [[nodiscard]] QByteArray toSecretBlob() const;
    [[nodiscard]] static std::optional<DatabricksCredentials> fromSecretBlob(
        const QString &host, const QByteArray &blob);
};

/// What checkDatabricksCredentials() found.
struct DatabricksCheck
{
    enum class Outcome
    {
        Accepted,    ///< the workspace knows the caller: keep the credentials
        BadHost,     ///< not an https URL (http on loopback only), or no Databricks workspace answers there
        Refused,     ///< the workspace (or its token endpoint) refused the token or the client id and secret
        Unavailable, ///< no answer that settles it (connection refused, timeout, 5xx): try again later
    };
    Outcome outcome = Outcome::Unavailable;
    QString message;  ///< human text: why not (empty when Accepted)
    QString userName; ///< who the workspace says the caller is (Accepted)
};

/// The check before credentials are kept, shared by `drive-ingest-cli databricks-login` and the app's
/// Databricks workspaces: `credentials.host` must be what normaliseHost() gives (https; http on loopback only),
/// a token must be had (a service principal's pair is exchanged at {host}/oidc/v1/token), and the workspace
/// must accept it: `GET {host}/api/2.0/preview/scim/v2/Me` (the caller's identity, what `databricks
/// current-user me` asks), one try, 30 s at most. `done` runs once on `context`'s thread, never after
/// `context` died.
void checkDatabricksCredentials(QNetworkAccessManager *nam, const DatabricksCredentials &credentials,
    QObject *context, std::function<void(const DatabricksCheck &)> done);

/**
 * The bearer token for one Databricks workspace. A PAT is handed out as is and cannot be refreshed
 * (refresh() fails with "run databricks-login again"). OAuth M2M fetches a token from {host}/oidc/v1/token
 * with HTTP Basic client_id:secret and scope all-apis, renews it ahead of expiry and on refresh(). A browser
 * sign-in (OAuth U2M) trades its refresh token there (grant_type=refresh_token), the same way.
 * DatabricksCli runs `databricks auth token` (DatabricksCliToken) at the start, ahead of expiry and on refresh().
 */
class DatabricksTokenProvider final : public Net::TokenProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabricksTokenProvider)

public:
    DatabricksTokenProvider(
        QNetworkAccessManager *nam, const DatabricksCredentials &credentials, QObject *parent = nullptr);
    ~DatabricksTokenProvider() override;

    [[nodiscard]] QByteArray accessToken() const override;
    void refresh() override;
    [[nodiscard]] QString accountName() const override; ///< the host

private:
    QNetworkReply *sendGrant();
    QNetworkReply *sendRefreshGrant(); ///< Kind::OAuthU2M (databricksu2m.cpp)
    void startCli();

    QNetworkAccessManager *m_nam = nullptr;
    DatabricksCredentials m_credentials;
    QByteArray m_accessToken;
    TokenRenewal *m_renewal = nullptr; ///< one request in flight, retries, renewal ahead of expiry
    DatabricksCliToken *m_cli = nullptr; ///< Kind::DatabricksCli only
};

} // namespace Auth
