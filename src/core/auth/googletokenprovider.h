// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/oauthflow.h"
#include "net/tokenprovider.h"
#include "net/endpoints.h"

#include <QPointer>
#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Auth
{
class TokenRenewal;

/**
 * Access tokens for one signed-in Google account, made from its refresh token.
 *
 * The access token lives in memory only. It is renewed ahead of expiry (5 minutes before, or a quarter of
 * the lifetime for short-lived tokens) and when refresh() is called after a 401. Concurrent refresh()
 * calls share one token request. Transient failures (no answer, 5xx, 429) are retried a few times with
 * backoff; `invalid_grant` means the sign-in is dead: refreshFailed() with "sign in again" and the
 * 7-day "Testing" explanation.
 */
class GoogleTokenProvider final : public Net::TokenProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GoogleTokenProvider)

public:
    /// Starts fetching an access token at once (queued). `initial` may hold a still-valid access token.
    GoogleTokenProvider(QNetworkAccessManager *nam, const Net::Endpoints &endpoints, const OAuthClient &client,
        const QString &accountName, const QByteArray &refreshToken, QObject *parent = nullptr,
        const TokenResponse &initial = {});
    ~GoogleTokenProvider() override;

    [[nodiscard]] QByteArray accessToken() const override;
    void refresh() override;
    [[nodiscard]] QString accountName() const override;

    /// Token requests sent so far (for tests: coalescing).
    [[nodiscard]] int refreshRequestCount() const { return m_requests; }
    /// How long before expiry a token is renewed, for a token living `lifetime`.
    [[nodiscard]] static std::chrono::milliseconds refreshLead(std::chrono::seconds lifetime);

private:
    QNetworkReply *sendRefresh();
    void accept(const TokenResponse &response);

    QNetworkAccessManager *m_nam = nullptr;
    Net::Endpoints m_endpoints;
    OAuthClient m_client;
    QString m_account;
    QByteArray m_refreshToken;
    QByteArray m_accessToken;
    TokenRenewal *m_renewal = nullptr; ///< one request in flight, retries, renewal ahead of expiry
    int m_requests = 0;
    bool m_dead = false;
};

} // namespace Auth
