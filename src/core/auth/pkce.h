// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Auth
{
/// PKCE (RFC 7636) values for one authorization request, plus the anti-CSRF `state`.
/// Only S256 is offered: `plain` gives no protection when the authorization request leaks.
class Pkce
{
public:
    /// A fresh verifier (32 random bytes, base64url without padding: 43 characters), its challenge and a state.
    [[nodiscard]] static Pkce generate();
    /// base64url(SHA-256(verifier)) without padding.
    [[nodiscard]] static QByteArray challengeFor(const QByteArray &verifier);
    /// 43–128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.1).
    [[nodiscard]] static bool isValidVerifier(const QByteArray &verifier);
    /// `randomBytes` random bytes, base64url without padding.
    [[nodiscard]] static QByteArray randomToken(int randomBytes);
    /// Constant-time comparison, so a wrong `state` cannot be guessed byte by byte from response timing.
    [[nodiscard]] static bool equalConstantTime(const QByteArray &a, const QByteArray &b);

    [[nodiscard]] QByteArray verifier() const { return m_verifier; }
    [[nodiscard]] QByteArray challenge() const { return m_challenge; }
    [[nodiscard]] QByteArray state() const { return m_state; }

private:
    QByteArray m_verifier;
    QByteArray m_challenge;
    QByteArray m_state;
};

} // namespace Auth
