// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/pkce.h"
#include "auth/tokenrequest.h"
#include "net/endpoints.h"

#include <QObject>
#include <QList>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Auth
{
class LoopbackListener;

/// The Drive scope we ask for: read-only access to every file the user can see.
inline constexpr char driveReadOnlyScope[] = "https://www.googleapis.com/auth/drive.readonly";

/// An OAuth client of type "Desktop app", created by the user in their own Google Cloud project.
/// The secret of an installed app is not confidential (RFC 8252 §8.5) but is still kept out of settings.
struct OAuthClient
{
    QString clientId;
    QByteArray clientSecret;

    [[nodiscard]] bool isValid() const { return !clientId.isEmpty(); }
    /// The sandbox's built-in client (sandbox-client.apps.googleusercontent.com / sandbox-secret).
    [[nodiscard]] static OAuthClient sandbox();
    /// Reads the "client_secret_….json" file the Google Cloud console downloads ({"installed":{…}}), or a
    /// file holding only the secret on its first line.
    [[nodiscard]] static std::optional<OAuthClient> fromFile(const QString &path, QString *errorMessage);
};

/**
 * The OAuth 2.0 authorization-code flow of a native app (RFC 8252) with PKCE S256, on QTcpServer + QNAM: the
 * steps every provider shares. A provider (Google below, a Databricks workspace in databricksu2m.h) says what the
 * consent-page address is, how the code is exchanged, and what a good answer must hold.
 *
 * Why not QtNetworkAuth 6.4 (toolchain.md §5): it has no PKCE (setPkceMethod came in 6.8), it sends a code
 * containing '/' double-encoded (every real Google code starts with "4/"), it reports token-endpoint errors
 * nowhere (no signal, status stuck), and its reply handler listens on all interfaces by default. Working
 * around all four costs more than the ~300 lines here, which we can test and reason about.
 *
 *   start() ─▶ LoopbackListener on 127.0.0.1:port ─▶ authorizationUrlReady(url)   (face opens a browser)
 *                  │ redirect ?code&state (state checked)
 *                  ▼
 *             POST token endpoint (code, verifier, redirect_uri) ─▶ succeeded(TokenResponse) | failed(text)
 *
 * One flow object = one sign-in attempt; it finishes exactly once (succeeded or failed).
 */
class AuthorizationCodeFlow : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationCodeFlow)

public:
    ~AuthorizationCodeFlow() override;

    void setFixedPort(quint16 port); ///< default: a random free port (see setPortRange())
    void setTimeout(std::chrono::milliseconds timeout); ///< waiting for the browser; default 5 min

    /// Starts listening and emits authorizationUrlReady(). False (nothing emitted) when the listener
    /// cannot start; errorString() says why ("port N is already in use").
    [[nodiscard]] bool start();
    void abort();
    [[nodiscard]] QString errorString() const;
    /// The redirect_uri sent to the provider (valid once listening).
    [[nodiscard]] QUrl redirectUri() const;

signals:
    void authorizationUrlReady(const QUrl &url);
    /// A request hit the listener and was ignored (wrong state…): the flow keeps waiting.
    void warning(const QString &message);
    /// Holds an access token and (offline access) a refresh token; both already registered as secrets.
    void succeeded(const Auth::TokenResponse &tokens);
    void failed(const QString &message);

protected:
    AuthorizationCodeFlow(QNetworkAccessManager *nam, QObject *parent);

    /// Ports tried in turn until one is free (default: {0}, a random free port).
    void setPortRange(quint16 first, quint16 last);
    [[nodiscard]] QNetworkAccessManager *nam() const { return m_nam; }
    /// Empty when the flow can start, else why not (human text).
    [[nodiscard]] virtual QString startProblem() const { return {}; }
    /// The redirect_uri for the listener on `port` (default: LoopbackListener::redirectUri()).
    [[nodiscard]] virtual QUrl redirectUriFor(quint16 port) const;
    [[nodiscard]] virtual QUrl authorizationUrlFor(
        const QUrl &redirectUri, const QByteArray &challenge, const QByteArray &state) const = 0;
    virtual QNetworkReply *exchange(const QByteArray &code, const QByteArray &verifier, const QUrl &redirectUri,
        std::function<void(const TokenReply &)> done) = 0;
    /// A failed exchange in words; or, for a good answer, why it is not enough (empty: it is).
    [[nodiscard]] virtual QString describe(const TokenReply &reply) const = 0;

private:
    void onCode(const QByteArray &code);
    void fail(const QString &message);

    QNetworkAccessManager *m_nam = nullptr;
    LoopbackListener *m_listener = nullptr;
    QPointer<QNetworkReply> m_reply;
    Pkce m_pkce;
    QString m_error;
    QList<quint16> m_ports {0};
    bool m_finished = false;
};

/// Google OAuth 2.0 for installed apps: the consent page and token endpoint of `endpoints`, the user's own
/// "Desktop app" client, offline access with forced consent (Google sends a refresh token only then).
class GoogleOAuthFlow final : public AuthorizationCodeFlow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GoogleOAuthFlow)

public:
    GoogleOAuthFlow(QNetworkAccessManager *nam, const Net::Endpoints &endpoints, const OAuthClient &client,
        QObject *parent = nullptr);
    ~GoogleOAuthFlow() override;

    void setLoginHint(const QString &emailOrName); ///< pre-selects the Google account
    void setScope(const QString &scope); ///< default: drive.readonly

    /// The consent-page address for these values (exposed for tests that drive each step).
    [[nodiscard]] static QUrl authorizationUrl(const Net::Endpoints &endpoints, const OAuthClient &client,
        const QUrl &redirectUri, const QByteArray &challenge, const QByteArray &state, const QString &scope,
        const QString &loginHint = {});
    /// POSTs the code exchange (grant_type=authorization_code with the PKCE verifier).
    static QNetworkReply *exchangeCode(QNetworkAccessManager *nam, const Net::Endpoints &endpoints,
        const OAuthClient &client, const QByteArray &code, const QByteArray &verifier, const QUrl &redirectUri,
        QObject *context, std::function<void(const TokenReply &)> done);

protected:
    [[nodiscard]] QString startProblem() const override;
    [[nodiscard]] QUrl authorizationUrlFor(
        const QUrl &redirectUri, const QByteArray &challenge, const QByteArray &state) const override;
    QNetworkReply *exchange(const QByteArray &code, const QByteArray &verifier, const QUrl &redirectUri,
        std::function<void(const TokenReply &)> done) override;
    [[nodiscard]] QString describe(const TokenReply &reply) const override;

private:
    Net::Endpoints m_endpoints;
    OAuthClient m_client;
    QString m_scope;
    QString m_loginHint;
};

} // namespace Auth
