// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/// Throwaway RSA keys for tests, made at run time: no private key lives in the repository.
namespace TestKeys
{
/// A new RSA 2048 private key as PKCS#8 PEM ("BEGIN PRIVATE KEY", as Google's key files have it); its public half
/// (SubjectPublicKeyInfo PEM) in `*publicKeyPem` when asked for. Empty on failure.
[[nodiscard]] QByteArray rsaPrivateKeyPem(QByteArray *publicKeyPem = nullptr);

/// A service-account key file in Google's format around `privateKeyPem`.
[[nodiscard]] QByteArray serviceAccountJson(const QByteArray &privateKeyPem, const QString &clientEmail,
                                            const QString &keyId, const QString &tokenUri);

/// `json` with its "private_key" replaced by `privateKeyPem` (same account, another key).
[[nodiscard]] QByteArray withPrivateKey(const QByteArray &json, const QByteArray &privateKeyPem);
} // namespace TestKeys
