// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace httplib
{
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace sandbox
{

class Stats;

/// Google OAuth 2.0 (installed-app code + PKCE, refresh, JWT bearer, revoke) and the Databricks OIDC endpoints
/// (client credentials; the user's browser sign-in in databricks_oidc.cpp), plus the bearer-token checks every
/// other route uses. Thread-safe.
///
/// Manifest "oauth" section (all keys optional):
/// ```json
/// { "clients": [{"client_id": "…", "client_secret": "…"}],
///   "service_accounts": [{"client_email": "…", "private_key_id": "…", "public_key_pem": "-----BEGIN PUBLIC KEY…"}],
///   "service_principals": [{"client_id": "…", "client_secret": "…"}],   // Databricks OIDC M2M
///   "databricks_tokens": ["dapi…"],                                      // extra PATs
///   "workspace_clients": ["my-app"],          // Databricks U2M public clients besides databricks-cli
///   "token_lifetime_s": 3600 }
/// ```
/// Built in: client `sandbox-client.apps.googleusercontent.com` / `sandbox-secret`; service principal `sandbox-sp` /
/// `sandbox-sp-secret`; PAT `dapi-sandbox-token`. The demo service account
/// `sandbox-demo@drive-ingest-sandbox.iam.gserviceaccount.com` is not built in: main.cpp generates its key pair at
/// every start, writes the key file into the data dir and trusts the public half with addServiceAccount().
/// JWT audiences accepted: https://oauth2.googleapis.com/token and <sandbox base URL>/token.
class TokenAuthority
{
public:
    enum class Check
    {
        Valid,
        Missing,
        Invalid,
        Expired
    };

    TokenAuthority(Stats &stats, const nlohmann::json &oauthConfig /* manifest "oauth" section or {} */);
    ~TokenAuthority();
    TokenAuthority(const TokenAuthority &) = delete;
    TokenAuthority &operator=(const TokenAuthority &) = delete;

    /// `Authorization: Bearer …` of a Drive request (Google access tokens and the static token).
    Check checkGoogle(const httplib::Request &req);
    /// PATs, OIDC M2M tokens and the static token.
    Check checkDatabricks(const httplib::Request &req);
    /// Writes Drive's 401 for a failed checkGoogle(): `required`/CREDENTIALS_MISSING for Missing,
    /// `authError`/ACCESS_TOKEN_EXPIRED (+ WWW-Authenticate) otherwise. Optional helper for the Drive routes.
    static void writeGoogleAuthError(Check check, httplib::Response &res);

    /// /o/oauth2/v2/auth (+ /o/oauth2/auth), /token (+ /o/oauth2/token), /revoke,
    /// /oidc/.well-known/oauth-authorization-server, /oidc/v1/token.
    void registerRoutes(httplib::Server &server);
    /// The Databricks workspace's browser sign-in (U2M, databricks_oidc.cpp): GET /oidc/v1/authorize. Its
    /// authorization_code and refresh_token grants are served by /oidc/v1/token (registerRoutes()).
    void registerWorkspaceSignIn(httplib::Server &server);
    /// A public client the workspace's /oidc/v1/authorize accepts (built in: `databricks-cli`).
    void addWorkspaceClient(const std::string &clientId);

    /// How long access tokens issued from now on stay valid (default 3600; Google tokens then report
    /// expires_in 3599 as Google does, short test lifetimes are reported exactly). Also M2M tokens once set.
    void setTokenLifetime(int seconds);
    void setStaticToken(const std::string &token); ///< valid for every service, never expires
    void addDatabricksToken(const std::string &pat); ///< an extra PAT (manifest "databricks.tokens")
    void addServicePrincipal(const std::string &clientId, const std::string &secret);
    /// Trusts `publicKeyPem` (SubjectPublicKeyInfo) for JWT-bearer grants of `clientEmail`; a JWT's `kid`, when
    /// present, must equal `keyId`.
    void addServiceAccount(const std::string &clientEmail, const std::string &keyId, const std::string &publicKeyPem);
    /// Used in the OIDC discovery document; default derived from the request's Host header (http).
    void setBaseUrl(const std::string &baseUrl);
    /// The "oauth" object of POST /_sandbox/faults: {"deny": bool (auth endpoint answers access_denied),
    /// "token_error_times": N, "token_error_status": 503 (the first N token-endpoint calls fail)}.
    void applyFaults(const nlohmann::json &faults);
    /// Forgets issued codes and tokens (static token and registered clients stay) and faults.
    void reset();

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

} // namespace sandbox
