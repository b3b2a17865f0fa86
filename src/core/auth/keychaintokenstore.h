// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/tokenstore.h"

namespace Auth
{
/**
 * Secrets in the OS keychain through QtKeychain (Secret Service/gnome-keyring or KWallet on Linux, the
 * Keychain on macOS, the Credential Manager on Windows). Never falls back to a plaintext file: when no
 * keychain is reachable the call fails with a message that says so.
 */
class KeychainTokenStore final : public TokenStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainTokenStore)

public:
    /// `service` groups our entries in the keychain ("drive-ingest"; tests may use their own).
    explicit KeychainTokenStore(const QString &service = QStringLiteral("drive-ingest"), QObject *parent = nullptr);
    ~KeychainTokenStore() override;

    void write(const QString &key, const QByteArray &secret, QObject *context, Callback done) override;
    void read(const QString &key, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;
    [[nodiscard]] QString description() const override;

private:
    QString m_service;
};

/**
 * Checks that `store` can keep a secret now, before anything is asked of the user (a browser sign-in):
 * writes a throw-away entry and deletes it again. `done` gets Ok, or Failed with the store's reason
 * (for the OS keychain: which service to start and unlock).
 */
void probeTokenStore(TokenStore *store, QObject *context, TokenStore::Callback done);

} // namespace Auth
