// SPDX-License-Identifier: GPL-3.0-or-later
// The token endpoint of TokenAuthority: authorization_code (+ PKCE), refresh_token and the JWT-bearer grant.
#include "jwt.h"
#include "oauth_p.h"

#include <optional>

namespace sandbox
{

using namespace oauthutil;

void TokenAuthority::Impl::tokenEndpoint(const httplib::Request &req, httplib::Response &res)
{
    std::lock_guard lock(mutex);
    if (tokenErrorTimes > 0)
    {
        --tokenErrorTimes;
        fail("injected");
        sendOAuthError(res, tokenErrorStatus, tokenErrorStatus == 429 ? "rate_limit_exceeded" : "internal_failure",
            "Injected failure.");
        return;
    }
    const std::string grant = req.get_param_value("grant_type");
    if (grant == "urn:ietf:params:oauth:grant-type:jwt-bearer")
    {
        jwtGrant(req, res);
        return;
    }
    if (grant != "authorization_code" && grant != "refresh_token")
    {
        fail("unsupported_grant_type");
        sendOAuthError(res, 400, "unsupported_grant_type", "Invalid grant_type: " + grant);
        return;
    }
    std::string clientId = req.get_param_value("client_id");
    std::string secret = req.get_param_value("client_secret");
    bool hasSecret = req.has_param("client_secret");
    std::string basicUser;
    std::string basicPassword;
    if (basicAuth(req, &basicUser, &basicPassword))
    {
        clientId = basicUser;
        secret = basicPassword;
        hasSecret = true;
    }
    if (clientId.empty())
    {
        fail("invalid_request");
        sendOAuthError(res, 400, "invalid_request", "Could not determine client ID from request.");
        return;
    }
    const auto client = clients.find(clientId);
    if (client == clients.end())
    {
        fail("invalid_client");
        sendOAuthError(res, 401, "invalid_client", "The OAuth client was not found.");
        return;
    }
    if (!hasSecret)
    {
        fail("invalid_request");
        sendOAuthError(res, 400, "invalid_request", "client_secret is missing.");
        return;
    }
    if (secret != client->second)
    {
        fail("invalid_client");
        sendOAuthError(res, 401, "invalid_client", "Unauthorized");
        return;
    }
    if (grant == "authorization_code")
        authorizationCodeGrant(req, res, clientId);
    else
        refreshGrant(req, res, clientId);
}

void TokenAuthority::Impl::authorizationCodeGrant(
    const httplib::Request &req, httplib::Response &res, const std::string &clientId)
{
    const auto it = codes.find(req.get_param_value("code"));
    if (it == codes.end() || it->second.used || Clock::now() >= it->second.expires || it->second.clientId != clientId)
    {
        fail(it != codes.end() && it->second.used ? "code_reused" : "invalid_code");
        sendOAuthError(res, 400, "invalid_grant", "Bad Request");
        return;
    }
    Code &code = it->second;
    if (req.get_param_value("redirect_uri") != code.redirectUri)
    {
        fail("redirect_uri_mismatch");
        sendOAuthError(res, 400, "invalid_grant", "Bad Request");
        return;
    }
    if (!code.challenge.empty())
    {
        const std::string verifier = req.get_param_value("code_verifier");
        if (verifier.empty())
        {
            fail("missing_code_verifier");
            sendOAuthError(res, 400, "invalid_grant", "Missing code verifier.");
            return;
        }
        if (!verifierMatches(verifier, code.challenge, code.method))
        {
            fail("invalid_code_verifier");
            sendOAuthError(res, 400, "invalid_grant", "Invalid code verifier.");
            return;
        }
    }
    code.used = true;
    nlohmann::json body;
    std::string refresh;
    if (code.accessType != "online")
    {
        refresh = "1//0" + jwt::randomUrlSafe(72);
        refreshTokens[refresh] = Refresh { clientId, code.scope, false };
        body["refresh_token"] = refresh;
    }
    body["access_token"] = issueAccess(refresh, code.scope, false);
    body["expires_in"] = expiresIn(false);
    body["scope"] = code.scope;
    body["token_type"] = "Bearer";
    sendJson(res, 200, body);
}

void TokenAuthority::Impl::refreshGrant(
    const httplib::Request &req, httplib::Response &res, const std::string &clientId)
{
    const std::string refresh = req.get_param_value("refresh_token");
    const auto it = refreshTokens.find(refresh);
    if (it == refreshTokens.end() || it->second.revoked || it->second.clientId != clientId)
    {
        fail(it != refreshTokens.end() && it->second.revoked ? "refresh_revoked" : "invalid_refresh_token");
        sendOAuthError(res, 400, "invalid_grant", "Token has been expired or revoked.");
        return;
    }
    ++refreshed;
    // Google keeps the refresh token: the reply carries none.
    sendJson(res, 200,
        { { "access_token", issueAccess(refresh, it->second.scope, false) }, { "expires_in", expiresIn(false) },
            { "scope", it->second.scope }, { "token_type", "Bearer" } });
}

void TokenAuthority::Impl::jwtGrant(const httplib::Request &req, httplib::Response &res)
{
    const auto parsed = jwt::parse(req.get_param_value("assertion"));
    if (!parsed)
    {
        fail("jwt_malformed");
        sendOAuthError(res, 400, "invalid_grant", "Invalid JWT Signature.");
        return;
    }
    const auto str = [](const nlohmann::json &j, const char *key)
    { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string(); };
    const std::string iss = str(parsed->claims, "iss");
    const auto sa = serviceAccounts.find(iss);
    if (sa == serviceAccounts.end())
    {
        fail("jwt_unknown_account");
        sendOAuthError(res, 400, "invalid_grant", "Invalid grant: account not found");
        return;
    }
    const std::string kid = str(parsed->header, "kid");
    if (str(parsed->header, "alg") != "RS256" || (!kid.empty() && kid != sa->second.keyId)
        || !jwt::verifyRs256(sa->second.publicKeyPem, parsed->signingInput, parsed->signature))
    {
        fail("jwt_signature");
        sendOAuthError(res, 400, "invalid_grant", "Invalid JWT Signature.");
        return;
    }
    const std::string aud = str(parsed->claims, "aud");
    const std::string ownTokenUrl = base(req) + "/token";
    if (aud != kGoogleTokenUrl && aud != ownTokenUrl && aud != "https://www.googleapis.com/oauth2/v4/token")
    {
        fail("jwt_audience");
        sendOAuthError(res, 400, "invalid_grant", "Invalid JWT: Failed audience check.");
        return;
    }
    const auto num = [](const nlohmann::json &j, const char *key) -> std::optional<std::int64_t>
    {
        if (j.contains(key) && j[key].is_number())
            return j[key].get<std::int64_t>();
        return std::nullopt;
    };
    const auto iat = num(parsed->claims, "iat");
    const auto exp = num(parsed->claims, "exp");
    const std::int64_t now = unixNow();
    if (!iat || !exp || *exp <= *iat || *exp - *iat > 3600 || *iat > now + kJwtSkewS || *exp < now - kJwtSkewS)
    {
        fail("jwt_timeframe");
        sendOAuthError(res, 400, "invalid_grant",
            "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. "
            "Check your iat and exp values in the JWT claim.");
        return;
    }
    const std::string scope = str(parsed->claims, "scope");
    if (scope.empty())
    {
        fail("jwt_scope");
        sendOAuthError(res, 400, "invalid_scope", "Invalid OAuth scope or ID token audience provided.");
        return;
    }
    ++jwtGrants;
    sendJson(res, 200,
        { { "access_token", issueAccess({}, scope, false) }, { "expires_in", expiresIn(false) },
            { "token_type", "Bearer" } });
}

} // namespace sandbox
