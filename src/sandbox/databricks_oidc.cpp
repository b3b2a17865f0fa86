// SPDX-License-Identifier: GPL-3.0-or-later
// The Databricks workspace's browser sign-in (OAuth U2M): GET /oidc/v1/authorize and the authorization_code and
// refresh_token grants of POST /oidc/v1/token (the client_credentials grant stays in oauth.cpp). Reference:
// ../../shared/reference/databricks-wave2.md §1 "U2M protocol (workspace)" and "Implications … loopback emulator":
// a public client (`databricks-cli`, no secret, client_id in the form body), a loopback redirect, PKCE S256 only,
// scopes `offline_access all-apis`, refresh at the same endpoint, "Refresh token is invalid" for a bad one.
// The code store, the loopback-redirect rule and the PKCE check are the Google emulation's (oauth_p.h).
#include "jwt.h"
#include "oauth_p.h"
#include "stats.h"

#include <optional>

namespace sandbox
{

using namespace oauthutil;

namespace
{
constexpr int kWorkspaceCodeLifetimeS = 300; // [inferred]: the reference gives no lifetime for the code

bool hasScope(const std::string &scopes, const std::string &wanted)
{
    std::size_t start = 0;
    while (start <= scopes.size())
    {
        const std::size_t end = std::min(scopes.find(' ', start), scopes.size());
        if (scopes.compare(start, end - start, wanted) == 0 && end - start == wanted.size())
            return true;
        start = end + 1;
    }
    return false;
}

/// The client id of a token request: the form's (AuthStyleInParams, what the SDKs send), or HTTP Basic's user.
std::string requestClient(const httplib::Request &req)
{
    std::string user;
    std::string password;
    if (basicAuth(req, &user, &password))
        return user;
    return req.get_param_value("client_id");
}
} // namespace

std::optional<std::string> TokenAuthority::Impl::workspaceClient(const httplib::Request &req, httplib::Response &res)
{
    std::string clientId = requestClient(req);
    if (workspaceClients.count(clientId))
        return clientId;
    fail("workspace_invalid_client");
    sendOAuthError(res, 401, "invalid_client", "Client authentication failed");
    return std::nullopt;
}

void TokenAuthority::addWorkspaceClient(const std::string &clientId)
{
    std::lock_guard lock(m_d->mutex);
    if (!clientId.empty())
        m_d->workspaceClients.insert(clientId);
}

void TokenAuthority::registerWorkspaceSignIn(httplib::Server &server)
{
    Impl *d = m_d.get();
    server.Get("/oidc/v1/authorize",
        [d](const httplib::Request &req, httplib::Response &res)
        {
            Stats::nameCurrentRequest("dbx.oidc.authorize");
            d->workspaceAuthorize(req, res);
        });
}

void TokenAuthority::Impl::workspaceAuthorize(const httplib::Request &req, httplib::Response &res)
{
    const auto param = [&req](const char *name) { return req.get_param_value(name); };
    std::lock_guard lock(mutex);
    // Who is asking and where the answer goes are checked first: neither is trusted to receive an error redirect.
    if (!workspaceClients.count(param("client_id")))
    {
        fail("workspace_invalid_client");
        sendErrorPage(res, 400, "invalid_client", "The OAuth application " + param("client_id") + " is not registered.");
        return;
    }
    const std::string redirect = param("redirect_uri");
    if (!isLoopbackRedirect(redirect))
    {
        fail("workspace_redirect_uri");
        sendErrorPage(res, 400, "invalid_request", "redirect_uri must be a loopback address (http://localhost:PORT).");
        return;
    }
    const std::string sep = redirect.find('?') == std::string::npos ? "?" : "&";
    const std::string state = req.has_param("state") ? "&state=" + percentEncode(param("state")) : std::string();
    const auto refuse = [&](const std::string &reason, const std::string &error, const std::string &description)
    {
        fail(reason);
        res.set_redirect(
            redirect + sep + "error=" + error + "&error_description=" + percentEncode(description) + state, 302);
    };
    if (param("response_type") != "code")
        return refuse("workspace_response_type", "unsupported_response_type", "response_type must be code");
    // PKCE S256 is what every SDK sends; a request without it (or with `plain`) is refused.
    if (param("code_challenge").empty() || param("code_challenge_method") != "S256")
        return refuse("workspace_pkce_missing", "invalid_request", "code_challenge with code_challenge_method=S256 is required");
    if (denyAll)
        return refuse("access_denied", "access_denied", "The user denied the request");
    const std::string code = "dcode" + jwt::randomUrlSafe(40);
    Code entry { param("client_id"), redirect, param("code_challenge"), "S256", param("scope"), {},
        Clock::now() + std::chrono::seconds(kWorkspaceCodeLifetimeS), false, true };
    codes[code] = entry;
    ++authCodes;
    res.set_redirect(redirect + sep + "code=" + percentEncode(code) + state, 302);
}

void TokenAuthority::Impl::workspaceCodeGrant(const httplib::Request &req, httplib::Response &res)
{
    std::lock_guard lock(mutex);
    const std::optional<std::string> client = workspaceClient(req, res);
    if (!client)
        return;
    const std::string &clientId = *client;
    const auto it = codes.find(req.get_param_value("code"));
    if (it == codes.end() || !it->second.workspace || it->second.used || Clock::now() >= it->second.expires
        || it->second.clientId != clientId)
    {
        fail(it != codes.end() && it->second.used ? "workspace_code_reused" : "workspace_invalid_code");
        sendOAuthError(res, 400, "invalid_grant", "Authorization code is invalid");
        return;
    }
    Code &code = it->second;
    if (req.get_param_value("redirect_uri") != code.redirectUri)
    {
        fail("workspace_redirect_uri_mismatch");
        sendOAuthError(res, 400, "invalid_grant", "redirect_uri does not match the authorization request");
        return;
    }
    const std::string verifier = req.get_param_value("code_verifier");
    if (verifier.empty())
    {
        fail("workspace_missing_code_verifier");
        sendOAuthError(res, 400, "invalid_request", "code_verifier is required");
        return;
    }
    if (!verifierMatches(verifier, code.challenge, code.method))
    {
        fail("workspace_invalid_code_verifier");
        sendOAuthError(res, 400, "invalid_grant", "PKCE verification failed");
        return;
    }
    code.used = true;
    nlohmann::json body;
    std::string refresh;
    // A refresh token only for `offline_access` (the SDKs prepend it unless refresh tokens are disabled).
    if (hasScope(code.scope, "offline_access"))
    {
        refresh = "doau-" + jwt::randomUrlSafe(48);
        refreshTokens[refresh] = Refresh { clientId, code.scope, false, true };
        body["refresh_token"] = refresh;
    }
    ++oidcIssued;
    body["access_token"] = issueAccess(refresh, code.scope, true);
    body["token_type"] = "Bearer";
    body["expires_in"] = expiresIn(true);
    body["scope"] = code.scope;
    sendJson(res, 200, body);
}

void TokenAuthority::Impl::workspaceRefreshGrant(const httplib::Request &req, httplib::Response &res)
{
    std::lock_guard lock(mutex);
    const std::optional<std::string> client = workspaceClient(req, res);
    if (!client)
        return;
    const std::string &clientId = *client;
    const auto it = refreshTokens.find(req.get_param_value("refresh_token"));
    if (it == refreshTokens.end() || !it->second.workspace || it->second.revoked || it->second.clientId != clientId)
    {
        fail("workspace_invalid_refresh_token");
        sendOAuthError(res, 400, "invalid_grant", "Refresh token is invalid");
        return;
    }
    ++refreshed;
    // The refresh token stays valid (multi-use, [inferred]): the answer carries none, as Google's.
    sendJson(res, 200,
        { { "access_token", issueAccess(it->first, it->second.scope, true) }, { "token_type", "Bearer" },
            { "expires_in", expiresIn(true) }, { "scope", it->second.scope } });
}

} // namespace sandbox
