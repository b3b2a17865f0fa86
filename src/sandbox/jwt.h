// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

// Small OpenSSL helpers for the OAuth and Databricks parts of the sandbox: base64 flavours, random opaque
// tokens, digests and RS256 JWT verification.
namespace sandbox::jwt
{

std::string base64Encode(std::string_view data);
std::string base64UrlEncode(std::string_view data); ///< no padding
/// Strict standard base64 (padding optional, no whitespace); nullopt on any invalid character.
std::optional<std::string> base64Decode(std::string_view text);
std::optional<std::string> base64UrlDecode(std::string_view text);

/// `bytes` random bytes as base64url (no padding), from the OS CSPRNG.
std::string randomUrlSafe(std::size_t bytes);
std::string sha256Raw(std::string_view data);
std::string toHex(std::string_view raw);

struct Parsed
{
    nlohmann::json header;
    nlohmann::json claims;
    std::string signingInput; ///< "<b64 header>.<b64 claims>"
    std::string signature; ///< raw bytes
};
/// Splits and decodes a compact JWS; nullopt when it is not three base64url parts with JSON objects.
std::optional<Parsed> parse(const std::string &token);
/// RSASSA-PKCS1-v1_5 with SHA-256 against a PEM "PUBLIC KEY" (SubjectPublicKeyInfo).
bool verifyRs256(const std::string &publicKeyPem, const std::string &signingInput, const std::string &signature);

} // namespace sandbox::jwt
