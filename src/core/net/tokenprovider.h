// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Net
{
/// Hands out the bearer token for one account (a Google account, a service account, a Databricks
/// workspace). Lives on the engine thread. The token value is never logged and never leaves memory
/// except through a TokenStore.
class TokenProvider : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// The current bearer token; empty when none is available yet.
    [[nodiscard]] virtual QByteArray accessToken() const = 0;
    /// Asks for a fresh token (after a 401, or ahead of expiry). Emits refreshed() or refreshFailed().
    virtual void refresh() = 0;
    /// Name shown to users ("alice@example.com", "sandbox", "service:ingest@proj.iam…").
    [[nodiscard]] virtual QString accountName() const = 0;

signals:
    void refreshed();
    /// The account cannot get a token any more: the user has to sign in again. `reason` is human text.
    void refreshFailed(const QString &reason);
};

/// A fixed token (from --access-token-file, DRIVE_INGEST_ACCESS_TOKEN or the sandbox's --static-token).
/// refresh() cannot produce a new token, so it fails.
class StaticTokenProvider final : public TokenProvider
{
    Q_OBJECT

public:
    StaticTokenProvider(const QByteArray &token, const QString &accountName, QObject *parent = nullptr);

    [[nodiscard]] QByteArray accessToken() const override;
    void refresh() override;
    [[nodiscard]] QString accountName() const override;

private:
    QByteArray m_token;
    QString m_accountName;
};

} // namespace Net
