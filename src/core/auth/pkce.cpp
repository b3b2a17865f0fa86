// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace Auth
{
namespace
{
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

Pkce Pkce::generate()
{
    Pkce pkce;
    pkce.m_verifier = randomToken(32);
    pkce.m_challenge = challengeFor(pkce.m_verifier);
    pkce.m_state = randomToken(24);
    return pkce;
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(base64url);
}

bool Pkce::isValidVerifier(const QByteArray &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (const char c : verifier)
    {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~';
        if (!ok)
            return false;
    }
    return true;
}

QByteArray Pkce::randomToken(int randomBytes)
{
    QByteArray bytes(randomBytes, Qt::Uninitialized);
    // QRandomGenerator::system() reads the operating system's CSPRNG.
    auto *generator = QRandomGenerator::system();
    for (char &byte : bytes)
        byte = static_cast<char>(generator->bounded(256));
    return bytes.toBase64(base64url);
}

bool Pkce::equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace Auth
