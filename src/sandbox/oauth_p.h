// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internals of TokenAuthority, shared by oauth.cpp (identities, checks, auth/revoke/OIDC endpoints) and
// oauth_grants.cpp (the token endpoint's grants). Not part of the sandbox's interface.

#include "jwt.h"
#include "oauth.h"

#include <chrono>
#include <cstdint>
#include <httplib.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

namespace sandbox
{

class Stats;

namespace oauthutil
{

using Clock = std::chrono::steady_clock;

inline constexpr const char *kGoogleTokenUrl = "https://oauth2.googleapis.com/token";
inline constexpr int kDatabricksLifetimeS = 3600;
// JWT iat/exp may be this far off our clock before Google calls the token unreasonable.
inline constexpr std::int64_t kJwtSkewS = 300;

std::string percentEncode(const std::string &s);
std::int64_t unixNow();
void sendJson(httplib::Response &res, int status, const nlohmann::json &body);
void sendOAuthError(httplib::Response &res, int status, const std::string &error, const std::string &description);
void sendErrorPage(httplib::Response &res, int status, const std::string &error, const std::string &detail);
std::string bearerOf(const httplib::Request &req, bool *otherScheme);
bool basicAuth(const httplib::Request &req, std::string *user, std::string *password);
bool isLoopbackRedirect(const std::string &uri);
bool validVerifier(const std::string &v);
/// RFC 7636 §4.6: `verifier` is well formed and transforms (S256 or plain) to `challenge`.
bool verifierMatches(const std::string &verifier, const std::string &challenge, const std::string &method);

} // namespace oauthutil

using oauthutil::Clock;

struct TokenAuthority::Impl
{
    struct ServiceAccount
    {
        std::string keyId;
        std::string publicKeyPem;
    };
    struct Code
    {
        std::string clientId;
        std::string redirectUri;
        std::string challenge;
        std::string method;
        std::string scope;
        std::string accessType;
        Clock::time_point expires;
        bool used = false;
        bool workspace = false; ///< issued by the workspace's /oidc/v1/authorize (databricks_oidc.cpp)
    };
    struct Refresh
    {
        std::string clientId;
        std::string scope;
        bool revoked = false;
        bool workspace = false; ///< a Databricks U2M refresh token (databricks_oidc.cpp)
    };
    struct Access
    {
        Clock::time_point expires;
        std::string refresh; ///< the refresh token it came from, if any
        std::string scope;
        bool databricks = false;
        bool revoked = false;
    };

    explicit Impl(Stats &s)
        : stats(s)
    {
    }

    Stats &stats;
    mutable std::mutex mutex;
    std::map<std::string, std::string> clients;
    std::map<std::string, ServiceAccount> serviceAccounts;
    std::map<std::string, std::string> principals;
    std::set<std::string> workspaceClients; ///< public clients of the workspace's U2M sign-in (no secret)
    std::set<std::string> pats;
    std::string staticToken;
    std::string baseUrl;
    int lifetime = 3600;
    bool lifetimeSet = false;

    std::map<std::string, Code> codes;
    std::map<std::string, Refresh> refreshTokens;
    std::map<std::string, Access> accessTokens;

    std::uint64_t issued = 0;
    std::uint64_t refreshed = 0;
    std::uint64_t revoked = 0;
    std::uint64_t jwtGrants = 0;
    std::uint64_t authCodes = 0;
    std::uint64_t oidcIssued = 0;
    std::map<std::string, std::uint64_t> failures;

    bool denyAll = false;
    int tokenErrorTimes = 0;
    int tokenErrorStatus = 503;

    std::string base(const httplib::Request &req) const
    {
        if (!baseUrl.empty())
            return baseUrl;
        return "http://" + req.get_header_value("Host");
    }

    // Callers hold the mutex.
    std::string issueAccess(const std::string &refresh, const std::string &scope, bool databricks)
    {
        const std::string token = databricks ? "dsapi" + jwt::toHex(jwt::randomUrlSafe(16)).substr(0, 32)
                                             : "ya29.a0" + jwt::randomUrlSafe(96);
        int seconds = lifetime;
        if (databricks && !lifetimeSet)
            seconds = oauthutil::kDatabricksLifetimeS;
        accessTokens[token]
            = Access { Clock::now() + std::chrono::seconds(seconds), refresh, scope, databricks, false };
        ++issued;
        return token;
    }

    int expiresIn(bool databricks) const
    {
        if (databricks)
            return lifetimeSet ? lifetime : oauthutil::kDatabricksLifetimeS;
        // Google reports the whole seconds left when it answers: 3599 for its one-hour tokens.
        return lifetime >= 120 ? lifetime - 1 : lifetime;
    }

    void fail(const std::string &reason) { ++failures[reason]; }

    void revokeRefresh(const std::string &refresh)
    {
        auto it = refreshTokens.find(refresh);
        if (it == refreshTokens.end())
            return;
        it->second.revoked = true;
        for (auto &[token, access] : accessTokens)
            if (access.refresh == refresh)
                access.revoked = true;
    }

    void tokenEndpoint(const httplib::Request &req, httplib::Response &res);
    void authorizationCodeGrant(const httplib::Request &req, httplib::Response &res, const std::string &clientId);
    void refreshGrant(const httplib::Request &req, httplib::Response &res, const std::string &clientId);
    void jwtGrant(const httplib::Request &req, httplib::Response &res);
    void authEndpoint(const httplib::Request &req, httplib::Response &res);
    void revokeEndpoint(const httplib::Request &req, httplib::Response &res);
    void oidcToken(const httplib::Request &req, httplib::Response &res);
    // The workspace's U2M sign-in (databricks_oidc.cpp).
    void workspaceAuthorize(const httplib::Request &req, httplib::Response &res);
    void workspaceCodeGrant(const httplib::Request &req, httplib::Response &res);
    void workspaceRefreshGrant(const httplib::Request &req, httplib::Response &res);
    /// The token request's registered public client; else 401 invalid_client written. Callers hold the mutex.
    std::optional<std::string> workspaceClient(const httplib::Request &req, httplib::Response &res);
    Check check(const httplib::Request &req, bool databricks);
};

} // namespace sandbox
