// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QObject;

namespace Auth
{
/// A successful token-endpoint answer (RFC 6749 §5.1).
struct TokenResponse
{
    QByteArray accessToken;
    QByteArray refreshToken; ///< only on code exchange (Google keeps the old one on refresh)
    qint64 expiresIn = 0; ///< seconds; 0 when the server did not say
    QString scope;
    QString tokenType;
};

/// Which request failed: decides the human wording of the error.
enum class TokenGrant
{
    AuthorizationCode,
    RefreshToken,
    JwtBearer,
    ClientCredentials,
    Revoke,
};

/// The outcome of one token-endpoint POST.
struct TokenReply
{
    bool ok = false;
    TokenResponse response;
    int httpStatus = 0; ///< 0: no HTTP answer (network error)
    QString error; ///< RFC 6749 §5.2 "error" ("invalid_grant", …), or empty
    QString errorDescription; ///< the server's error_description (never contains a secret)
    QString networkError; ///< QNetworkReply's text when there was no HTTP answer

    /// Worth retrying later: no answer, 5xx, 429.
    [[nodiscard]] bool isTransient() const;
    /// The credential itself is dead (invalid_grant): only a new sign-in helps.
    [[nodiscard]] bool needsNewSignIn() const;
};

/// Encodes a form body (application/x-www-form-urlencoded) with every reserved byte percent-encoded, so
/// '+' and '/' in codes and tokens arrive unchanged (QUrlQuery leaves '+', which a server reads as a space).
[[nodiscard]] QByteArray encodeForm(const QList<QPair<QByteArray, QByteArray>> &fields);

/// Parses a token-endpoint body. Google, Databricks and the sandbox all answer flat JSON errors.
[[nodiscard]] TokenReply parseTokenReply(int httpStatus, const QByteArray &body);

/// Human text for a failed request, safe to show and log. `who` names the account or host.
[[nodiscard]] QString describeTokenError(const TokenReply &reply, TokenGrant grant, const QString &who);

/**
 * POSTs `form` to a token endpoint and calls `done` once on `context`'s thread (never when `context` is
 * gone). `basicAuth` ("id:secret"), when set, goes into an Authorization: Basic header (Databricks M2M).
 * Returns the reply so the caller can abort it; it deletes itself.
 */
QNetworkReply *postTokenRequest(QNetworkAccessManager *nam, const QUrl &url, const QByteArray &form,
    const QByteArray &basicAuth, QObject *context, std::function<void(const TokenReply &)> done);

} // namespace Auth

Q_DECLARE_METATYPE(Auth::TokenResponse)
