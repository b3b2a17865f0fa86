// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/endpoints.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QSettings;

namespace Auth
{
class TokenStore;

/// One signed-in identity, as listed to users. Holds no secret: those are in the TokenStore under storeKey().
struct Account
{
    enum class Kind
    {
        Google,
        Databricks,
    };
    Kind kind = Kind::Google;
    QString name; ///< Google: the --account name (often the e-mail); Databricks: the normalised host
    QString clientId; ///< Google: the OAuth client id; Databricks M2M: the service principal's id
    QString detail; ///< Databricks: "pat" or "oauth-m2m"; Google: the token endpoint used at sign-in
    QDateTime added;

    [[nodiscard]] QString storeKey() const; ///< "google/<name>" or "databricks/<host>"
    [[nodiscard]] static QString kindName(Kind kind); ///< "google", "databricks"
};

/// The refresh token and client secret of a Google account, as one TokenStore value (compact JSON).
struct GoogleSecret
{
    QByteArray refreshToken;
    QByteArray clientSecret;

    [[nodiscard]] QByteArray toBlob() const;
    [[nodiscard]] static std::optional<GoogleSecret> fromBlob(const QByteArray &blob); ///< registers the secrets
};

/**
 * The account list, kept in QSettings (organisation and application "drive-ingest"), group "accounts".
 * Only names, kinds, client ids and hosts are written there, never a secret.
 */
class Accounts
{
public:
    /// Uses `settings` when given (tests: an INI file in a temporary directory), else the app's QSettings.
    explicit Accounts(QSettings *settings = nullptr);
    ~Accounts();
    Q_DISABLE_COPY_MOVE(Accounts)

    [[nodiscard]] QList<Account> list() const;
    [[nodiscard]] std::optional<Account> find(Account::Kind kind, const QString &name) const;
    /// The Google account meant when none is named: the only one (only those signed in at `tokenEndpoint`
    /// count when it is given: a refresh token goes only where it was issued). nullopt with a human `*why`
    /// when there is none or more than one, and how many there are in `*count`; Databricks workspaces never count.
    [[nodiscard]] std::optional<Account> onlyGoogle(const QString &tokenEndpoint, QString *why, int *count = nullptr) const;
    /// Adds or replaces (same kind and name).
    void save(const Account &account);
    bool remove(Account::Kind kind, const QString &name);

private:
    void writeAll(const QList<Account> &accounts);

    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings = nullptr;
};

/**
 * Sign-out of one account: revoke the refresh token at the revoke endpoint (Google), delete the TokenStore
 * entry, drop the account from the list. A failed revoke (no network, already revoked) does not keep the
 * secret: the local entry is deleted anyway and the message says so. Finishes once, then deletes itself.
 */
class SignOutJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignOutJob)

public:
    SignOutJob(QNetworkAccessManager *nam, TokenStore *store, Accounts *accounts, const Net::Endpoints &endpoints,
        const Account &account, QObject *parent = nullptr);
    ~SignOutJob() override;

    void start();

signals:
    /// `ok`: the secret is gone locally (and revoked remotely where that applies). `message`: human summary.
    void finished(bool ok, const QString &message);

private:
    void revoke(const QByteArray &token);
    void removeLocal(const QString &revokeNote);
    void finish(bool ok, const QString &message);

    QNetworkAccessManager *m_nam = nullptr;
    TokenStore *m_store = nullptr;
    Accounts *m_accounts = nullptr;
    Net::Endpoints m_endpoints;
    Account m_account;
};

} // namespace Auth
