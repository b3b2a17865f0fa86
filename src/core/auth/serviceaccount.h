// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/tokenprovider.h"
#include "auth/tokenrequest.h"
#include "net/endpoints.h"

#include <QDateTime>
#include <QPointer>
#include <QString>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Auth
{
class TokenRenewal;

/// A Google service-account key file (the JSON the Cloud console downloads), checked on load.
struct ServiceAccountKey
{
    QString clientEmail;
    QString privateKeyId;
    QByteArray privateKeyPem; ///< PKCS#8 PEM; registered as a secret on load
    QString tokenUri; ///< the JWT audience; Google's token URL when the file has none
    QString projectId;

    /// Parses and validates (type, fields, an RSA private key that OpenSSL can read). Human error otherwise.
    [[nodiscard]] static std::optional<ServiceAccountKey> fromJson(const QByteArray &json, QString *errorMessage);
    [[nodiscard]] static std::optional<ServiceAccountKey> fromFile(const QString &path, QString *errorMessage);
};

/// An RS256-signed JWT (RFC 7523) asking for `scope`, valid for one hour from `issuedAt`; `subject`
/// (domain-wide delegation) only when not empty. Empty with `errorMessage` when signing fails.
[[nodiscard]] QByteArray createServiceAccountJwt(const ServiceAccountKey &key, const QString &scope,
    const QString &subject, const QDateTime &issuedAt, QString *errorMessage = nullptr);

/**
 * Access tokens for a service account: sign a JWT, trade it for a token at the token endpoint
 * (jwt-bearer grant), and sign a new one ahead of expiry. There is no refresh token.
 */
class ServiceAccountTokenProvider final : public Net::TokenProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceAccountTokenProvider)

public:
    /// Starts fetching a token at once (queued).
    ServiceAccountTokenProvider(QNetworkAccessManager *nam, const Net::Endpoints &endpoints,
        const ServiceAccountKey &key, const QString &subject = {}, QObject *parent = nullptr);
    ~ServiceAccountTokenProvider() override;

    [[nodiscard]] QByteArray accessToken() const override;
    void refresh() override;
    /// "service:<client email>" or "service:<client email> as <subject>".
    [[nodiscard]] QString accountName() const override;

    void setScope(const QString &scope);

private:
    QNetworkReply *sendGrant();

    QNetworkAccessManager *m_nam = nullptr;
    Net::Endpoints m_endpoints;
    ServiceAccountKey m_key;
    QString m_subject;
    QString m_scope;
    QByteArray m_accessToken;
    TokenRenewal *m_renewal = nullptr; ///< one request in flight, retries, renewal ahead of expiry
};

} // namespace Auth
