// SPDX-License-Identifier: GPL-3.0-or-later
#include "jwt.h"

#include <array>
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

namespace sandbox::jwt
{

namespace
{

constexpr std::string_view kStd = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string encode(std::string_view data, std::string_view alphabet, bool pad)
{
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3)
    {
        const unsigned v = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8)
            | static_cast<unsigned char>(data[i + 2]);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    const std::size_t rest = data.size() - i;
    if (rest == 1)
    {
        const unsigned v = static_cast<unsigned char>(data[i]) << 16;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        if (pad)
            out += "==";
    }
    else if (rest == 2)
    {
        const unsigned v = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        if (pad)
            out += '=';
    }
    return out;
}

std::optional<std::string> decode(std::string_view text, std::string_view alphabet)
{
    std::array<int, 256> table {};
    table.fill(-1);
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
    // Padding is only allowed at the very end and only up to a multiple of four.
    std::size_t end = text.size();
    std::size_t padding = 0;
    while (end > 0 && text[end - 1] == '=' && padding < 2)
    {
        --end;
        ++padding;
    }
    if (padding > 0 && text.size() % 4 != 0)
        return std::nullopt;
    if (end % 4 == 1)
        return std::nullopt;
    std::string out;
    out.reserve(end / 4 * 3 + 2);
    unsigned acc = 0;
    int bits = 0;
    for (std::size_t i = 0; i < end; ++i)
    {
        const int v = table[static_cast<unsigned char>(text[i])];
        if (v < 0)
            return std::nullopt;
        acc = (acc << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8)
        {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return out;
}

} // namespace

std::string base64Encode(std::string_view data)
{
    return encode(data, kStd, true);
}

std::string base64UrlEncode(std::string_view data)
{
    return encode(data, kUrl, false);
}

std::optional<std::string> base64Decode(std::string_view text)
{
    return decode(text, kStd);
}

std::optional<std::string> base64UrlDecode(std::string_view text)
{
    return decode(text, kUrl);
}

std::string randomUrlSafe(std::size_t bytes)
{
    std::string raw(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(raw.data()), static_cast<int>(raw.size())) != 1)
    {
        // The OS CSPRNG never fails on Linux; keep a defined value anyway.
        for (std::size_t i = 0; i < raw.size(); ++i)
            raw[i] = static_cast<char>(i * 131 + 7);
    }
    return base64UrlEncode(raw);
}

std::string sha256Raw(std::string_view data)
{
    std::string out(32, '\0');
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), reinterpret_cast<unsigned char *>(out.data()), &len, EVP_sha256(), nullptr);
    out.resize(len);
    return out;
}

std::string toHex(std::string_view raw)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(raw.size() * 2);
    for (const char c : raw)
    {
        out += digits[(static_cast<unsigned char>(c) >> 4) & 15];
        out += digits[static_cast<unsigned char>(c) & 15];
    }
    return out;
}

std::optional<Parsed> parse(const std::string &token)
{
    const auto dot1 = token.find('.');
    if (dot1 == std::string::npos)
        return std::nullopt;
    const auto dot2 = token.find('.', dot1 + 1);
    if (dot2 == std::string::npos || token.find('.', dot2 + 1) != std::string::npos)
        return std::nullopt;
    const auto header = base64UrlDecode(std::string_view(token).substr(0, dot1));
    const auto claims = base64UrlDecode(std::string_view(token).substr(dot1 + 1, dot2 - dot1 - 1));
    const auto signature = base64UrlDecode(std::string_view(token).substr(dot2 + 1));
    if (!header || !claims || !signature)
        return std::nullopt;
    Parsed p;
    p.header = nlohmann::json::parse(*header, nullptr, false);
    p.claims = nlohmann::json::parse(*claims, nullptr, false);
    if (!p.header.is_object() || !p.claims.is_object())
        return std::nullopt;
    p.signingInput = token.substr(0, dot2);
    p.signature = *signature;
    return p;
}

bool verifyRs256(const std::string &publicKeyPem, const std::string &signingInput, const std::string &signature)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(publicKeyPem.data(), static_cast<int>(publicKeyPem.size())), &BIO_free);
    if (!bio)
        return false;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return false;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()), signature.size(),
               reinterpret_cast<const unsigned char *>(signingInput.data()), signingInput.size())
        == 1;
}

} // namespace sandbox::jwt
