// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

// The demo service account, made fresh at every start so that no private key lives in the repository.
namespace sandbox
{

inline constexpr const char *kDemoServiceAccountEmail = "sandbox-demo@drive-ingest-sandbox.iam.gserviceaccount.com";
inline constexpr const char *kDemoServiceAccountProject = "drive-ingest-sandbox";

struct ServiceAccountKeyPair
{
    std::string keyId;         ///< 40 hex digits, like Google's private_key_id
    std::string privateKeyPem; ///< PKCS#8 "PRIVATE KEY"
    std::string publicKeyPem;  ///< SubjectPublicKeyInfo "PUBLIC KEY": what the token endpoint trusts
};

/// A new RSA 2048 key pair (OpenSSL EVP). False with a message on failure.
bool generateServiceAccountKey(ServiceAccountKeyPair *out, std::string *error);

/// Writes `key` as a key file in Google's format (type, project_id, private_key_id, private_key, client_email,
/// client_id, auth_uri, token_uri, …) to `path`, readable by the owner only (0600). False with a message on failure.
bool writeServiceAccountKeyFile(const std::string &path, const ServiceAccountKeyPair &key,
    const std::string &clientEmail, const std::string &tokenUri, std::string *error);

} // namespace sandbox
