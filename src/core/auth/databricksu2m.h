// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/databrickscredentials.h"
#include "auth/oauthflow.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace Auth
{
/// The OAuth app a browser sign-in uses when none is named: the public client the Databricks CLI and SDKs use
/// (databricks-wave2.md §1 "U2M protocol"). No secret. Whether third parties may use it is unconfirmed, so it is
/// configurable (`databricks-login --client-id`, an "App connection" registered in the account console).
inline constexpr char databricksDefaultClientId[] = "databricks-cli";
/// `offline_access` (a refresh token) prepended to `all-apis`, as the SDKs ask.
inline constexpr char databricksU2MScope[] = "offline_access all-apis";
/// The SDKs' loopback ports: 8020 first, then up to 8040 when taken.
inline constexpr quint16 databricksFirstPort = 8020;
inline constexpr quint16 databricksLastPort = 8040;

/**
 * A user's browser sign-in to a Databricks workspace (OAuth U2M): AuthorizationCodeFlow against
 * {host}/oidc/v1/authorize and {host}/oidc/v1/token, as the SDKs do it: a public client (client_id in the
 * form, no secret), redirect `http://localhost:<port>` with no path (the listener still binds 127.0.0.1 only),
 * ports 8020…8040 unless setFixedPort(), PKCE S256, scope "offline_access all-apis". The answer must hold a
 * refresh token, or the sign-in could not be kept.
 */
class DatabricksOAuthFlow final : public AuthorizationCodeFlow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabricksOAuthFlow)

public:
    /// `host` as DatabricksCredentials::normaliseHost() gives it; an empty `clientId` is the default one.
    DatabricksOAuthFlow(QNetworkAccessManager *nam, const QString &host, const QString &clientId,
        QObject *parent = nullptr);
    ~DatabricksOAuthFlow() override;

    [[nodiscard]] QString host() const { return m_host; }
    [[nodiscard]] QString clientId() const { return m_clientId; }
    /// The consent-page address for these values.
    [[nodiscard]] static QUrl authorizationUrl(const QString &host, const QString &clientId, const QUrl &redirectUri,
        const QByteArray &challenge, const QByteArray &state);

protected:
    [[nodiscard]] QString startProblem() const override;
    [[nodiscard]] QUrl redirectUriFor(quint16 port) const override;
    [[nodiscard]] QUrl authorizationUrlFor(
        const QUrl &redirectUri, const QByteArray &challenge, const QByteArray &state) const override;
    QNetworkReply *exchange(const QByteArray &code, const QByteArray &verifier, const QUrl &redirectUri,
        std::function<void(const TokenReply &)> done) override;
    [[nodiscard]] QString describe(const TokenReply &reply) const override;

private:
    QString m_host;
    QString m_clientId;
};

/**
 * "Sign in to Databricks", the same for the CLI (`databricks-login --browser`) and the app's workspaces dialog:
 * the browser flow, then the workspace asked who signed in (GET /api/2.0/preview/scim/v2/Me with the new access
 * token, checkDatabricksCredentials()). Gives Kind::OAuthU2M credentials (the refresh token as `secret`), for the
 * face to keep in the TokenStore (toSecretBlob(), kind "oauth-u2m") and the account list. Finishes once.
 *
 *   start() ─▶ authorizationUrlReady(url) ─▶ (browser) ─▶ code exchanged ─▶ Me ─▶ succeeded(credentials, user)
 *                                                   any step fails ─────────────▶ failed(text)
 */
class DatabricksSignIn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabricksSignIn)

public:
    /// `hostText` is normalised here; an empty `clientId` is databricksDefaultClientId.
    DatabricksSignIn(QNetworkAccessManager *nam, const QString &hostText, const QString &clientId,
        QObject *parent = nullptr);
    ~DatabricksSignIn() override;

    [[nodiscard]] DatabricksOAuthFlow *flow() const { return m_flow; } ///< ports, timeout, redirectUri()
    /// False with errorString() when the host is not a workspace URL or no loopback port is free.
    [[nodiscard]] bool start();
    void abort();
    [[nodiscard]] QString errorString() const { return m_error; }

signals:
    void authorizationUrlReady(const QUrl &url);
    void warning(const QString &message);
    void succeeded(const Auth::DatabricksCredentials &credentials, const QString &userName);
    void failed(const QString &message);

private:
    void onTokens(const TokenResponse &tokens);
    void finish(const QString &error, const DatabricksCredentials &credentials = {}, const QString &userName = {});

    QNetworkAccessManager *m_nam = nullptr;
    QString m_hostText;
    DatabricksOAuthFlow *m_flow = nullptr;
    QString m_error;
    bool m_finished = false;
};

} // namespace Auth
