// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauth.h"

#include "jwt.h"
#include "oauth_p.h"
#include "stats.h"

#include <chrono>
#include <httplib.h>
#include <map>
#include <mutex>
#include <set>

namespace sandbox
{

namespace
{

constexpr const char *kDefaultClientId = "sandbox-client.apps.googleusercontent.com";
constexpr const char *kDefaultClientSecret = "sandbox-secret";
constexpr const char *kDefaultPrincipal = "sandbox-sp";
constexpr const char *kDefaultPrincipalSecret = "sandbox-sp-secret";
constexpr const char *kDefaultPat = "dapi-sandbox-token";
constexpr const char *kDefaultWorkspaceClient = "databricks-cli"; // databricks-wave2.md §1 "U2M protocol"
constexpr int kCodeLifetimeS = 600;

} // namespace

namespace oauthutil
{

std::string percentEncode(const std::string &s)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : s)
    {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_'
            || u == '.' || u == '~')
        {
            out += c;
        }
        else
        {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

std::int64_t unixNow()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void sendJson(httplib::Response &res, int status, const nlohmann::json &body)
{
    res.status = status;
    res.set_header("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    res.set_content(body.dump(2) + "\n", "application/json; charset=utf-8");
}

void sendOAuthError(httplib::Response &res, int status, const std::string &error, const std::string &description)
{
    nlohmann::json body { { "error", error } };
    if (!description.empty())
        body["error_description"] = description;
    sendJson(res, status, body);
}

void sendErrorPage(httplib::Response &res, int status, const std::string &error, const std::string &detail)
{
    res.status = status;
    res.set_content("<!DOCTYPE html><html lang=en><title>Error " + std::to_string(status) + " (" + error
            + ")</title><p><b>Access blocked: authorisation error</b><p>Error " + std::to_string(status) + ": " + error
            + "<p>" + detail + "\n",
        "text/html; charset=utf-8");
}

std::string bearerOf(const httplib::Request &req, bool *otherScheme)
{
    *otherScheme = false;
    const std::string h = req.get_header_value("Authorization");
    if (h.empty())
        return req.has_param("access_token") ? req.get_param_value("access_token") : std::string();
    if (h.size() > 7 && (h.compare(0, 7, "Bearer ") == 0 || h.compare(0, 7, "bearer ") == 0))
        return httplib::detail::trim_copy(h.substr(7));
    *otherScheme = true;
    return {};
}

/// HTTP Basic credentials, if the request carries them.
bool basicAuth(const httplib::Request &req, std::string *user, std::string *password)
{
    const std::string h = req.get_header_value("Authorization");
    if (h.size() <= 6 || (h.compare(0, 6, "Basic ") != 0 && h.compare(0, 6, "basic ") != 0))
        return false;
    const auto decoded = jwt::base64Decode(httplib::detail::trim_copy(h.substr(6)));
    if (!decoded)
        return false;
    const auto colon = decoded->find(':');
    if (colon == std::string::npos)
        return false;
    *user = httplib::detail::decode_url(decoded->substr(0, colon), true);
    *password = httplib::detail::decode_url(decoded->substr(colon + 1), true);
    return true;
}

/// RFC 8252 loopback redirect: http on 127.0.0.1, [::1] or localhost, any port, any path.
bool isLoopbackRedirect(const std::string &uri)
{
    const std::string prefix = "http://";
    if (uri.compare(0, prefix.size(), prefix) != 0)
        return false;
    std::string rest = uri.substr(prefix.size());
    const auto slash = rest.find_first_of("/?#");
    std::string authority = slash == std::string::npos ? rest : rest.substr(0, slash);
    if (authority.find('@') != std::string::npos)
        return false;
    std::string host = authority;
    std::string port;
    if (!authority.empty() && authority[0] == '[')
    {
        const auto close = authority.find(']');
        if (close == std::string::npos)
            return false;
        host = authority.substr(0, close + 1);
        if (close + 1 < authority.size())
        {
            if (authority[close + 1] != ':')
                return false;
            port = authority.substr(close + 2);
        }
    }
    else if (const auto colon = authority.find(':'); colon != std::string::npos)
    {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
    }
    for (const char c : port)
        if (c < '0' || c > '9')
            return false;
    if (port.size() > 5)
        return false;
    return host == "127.0.0.1" || host == "[::1]" || host == "localhost";
}

bool validVerifier(const std::string &v)
{
    if (v.size() < 43 || v.size() > 128)
        return false;
    for (const char c : v)
    {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~';
        if (!ok)
            return false;
    }
    return true;
}

bool verifierMatches(const std::string &verifier, const std::string &challenge, const std::string &method)
{
    const std::string expected = method == "S256" ? jwt::base64UrlEncode(jwt::sha256Raw(verifier)) : verifier;
    return validVerifier(verifier) && expected == challenge;
}

} // namespace oauthutil

using namespace oauthutil;

TokenAuthority::TokenAuthority(Stats &stats, const nlohmann::json &oauthConfig)
    : m_d(std::make_unique<Impl>(stats))
{
    m_d->clients[kDefaultClientId] = kDefaultClientSecret;
    m_d->principals[kDefaultPrincipal] = kDefaultPrincipalSecret;
    m_d->pats.insert(kDefaultPat);
    m_d->workspaceClients.insert(kDefaultWorkspaceClient);
    if (oauthConfig.is_object())
    {
        for (const auto &c : oauthConfig.value("workspace_clients", nlohmann::json::array()))
            if (c.is_string())
                m_d->workspaceClients.insert(c.get<std::string>());
        for (const auto &c : oauthConfig.value("clients", nlohmann::json::array()))
            if (c.is_object() && c.contains("client_id"))
                m_d->clients[c.value("client_id", "")] = c.value("client_secret", "");
        for (const auto &sa : oauthConfig.value("service_accounts", nlohmann::json::array()))
            if (sa.is_object() && sa.contains("client_email"))
                m_d->serviceAccounts[sa.value("client_email", "")]
                    = Impl::ServiceAccount { sa.value("private_key_id", ""), sa.value("public_key_pem", "") };
        for (const auto &sp : oauthConfig.value("service_principals", nlohmann::json::array()))
            if (sp.is_object() && sp.contains("client_id"))
                m_d->principals[sp.value("client_id", "")] = sp.value("client_secret", "");
        for (const auto &pat : oauthConfig.value("databricks_tokens", nlohmann::json::array()))
            if (pat.is_string())
                m_d->pats.insert(pat.get<std::string>());
        if (oauthConfig.contains("token_lifetime_s") && oauthConfig["token_lifetime_s"].is_number_integer())
            setTokenLifetime(oauthConfig["token_lifetime_s"].get<int>());
    }
    Impl *d = m_d.get();
    stats.setSection("tokens",
        [d]
        {
            std::lock_guard lock(d->mutex);
            nlohmann::json failures = nlohmann::json::object();
            for (const auto &[reason, n] : d->failures)
                failures[reason] = n;
            return nlohmann::json { { "issued", d->issued }, { "refreshed", d->refreshed }, { "revoked", d->revoked },
                { "jwt_grants", d->jwtGrants }, { "auth_codes", d->authCodes }, { "oidc_issued", d->oidcIssued },
                { "token_lifetime_s", d->lifetime }, { "failures", failures } };
        });
}

TokenAuthority::~TokenAuthority() = default;

void TokenAuthority::setTokenLifetime(int seconds)
{
    std::lock_guard lock(m_d->mutex);
    m_d->lifetime = seconds > 0 ? seconds : 1;
    m_d->lifetimeSet = true;
}

void TokenAuthority::setStaticToken(const std::string &token)
{
    std::lock_guard lock(m_d->mutex);
    m_d->staticToken = token;
}

void TokenAuthority::addDatabricksToken(const std::string &pat)
{
    std::lock_guard lock(m_d->mutex);
    if (!pat.empty())
        m_d->pats.insert(pat);
}

void TokenAuthority::addServicePrincipal(const std::string &clientId, const std::string &secret)
{
    std::lock_guard lock(m_d->mutex);
    m_d->principals[clientId] = secret;
}

void TokenAuthority::addServiceAccount(
    const std::string &clientEmail, const std::string &keyId, const std::string &publicKeyPem)
{
    std::lock_guard lock(m_d->mutex);
    m_d->serviceAccounts[clientEmail] = Impl::ServiceAccount { keyId, publicKeyPem };
}

void TokenAuthority::setBaseUrl(const std::string &baseUrl)
{
    std::lock_guard lock(m_d->mutex);
    m_d->baseUrl = baseUrl;
    while (!m_d->baseUrl.empty() && m_d->baseUrl.back() == '/')
        m_d->baseUrl.pop_back();
}

void TokenAuthority::applyFaults(const nlohmann::json &faults)
{
    if (!faults.is_object())
        return;
    std::lock_guard lock(m_d->mutex);
    if (faults.contains("deny") && faults["deny"].is_boolean())
        m_d->denyAll = faults["deny"].get<bool>();
    if (faults.contains("token_error_times") && faults["token_error_times"].is_number_integer())
        m_d->tokenErrorTimes = faults["token_error_times"].get<int>();
    if (faults.contains("token_error_status") && faults["token_error_status"].is_number_integer())
        m_d->tokenErrorStatus = faults["token_error_status"].get<int>();
}

void TokenAuthority::reset()
{
    std::lock_guard lock(m_d->mutex);
    m_d->codes.clear();
    m_d->refreshTokens.clear();
    m_d->accessTokens.clear();
    m_d->issued = m_d->refreshed = m_d->revoked = m_d->jwtGrants = m_d->authCodes = m_d->oidcIssued = 0;
    m_d->failures.clear();
    m_d->denyAll = false;
    m_d->tokenErrorTimes = 0;
    m_d->tokenErrorStatus = 503;
}

TokenAuthority::Check TokenAuthority::Impl::check(const httplib::Request &req, bool databricks)
{
    bool otherScheme = false;
    const std::string token = bearerOf(req, &otherScheme);
    if (token.empty())
        return otherScheme ? Check::Invalid : Check::Missing;
    std::lock_guard lock(mutex);
    if (!staticToken.empty() && token == staticToken)
        return Check::Valid;
    if (databricks && pats.count(token))
        return Check::Valid;
    const auto it = accessTokens.find(token);
    if (it == accessTokens.end() || it->second.databricks != databricks || it->second.revoked)
        return Check::Invalid;
    return Clock::now() < it->second.expires ? Check::Valid : Check::Expired;
}

TokenAuthority::Check TokenAuthority::checkGoogle(const httplib::Request &req)
{
    return m_d->check(req, false);
}

TokenAuthority::Check TokenAuthority::checkDatabricks(const httplib::Request &req)
{
    bool otherScheme = false;
    if (bearerOf(req, &otherScheme).empty() && otherScheme)
        return Check::Missing; // Databricks: a Basic header is "an unsupported type", i.e. 401
    return m_d->check(req, true);
}

void TokenAuthority::writeGoogleAuthError(Check check, httplib::Response &res)
{
    const bool missing = check == Check::Missing;
    const std::string message = missing
        ? "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or "
          "other valid authentication credential. See "
          "https://developers.google.com/identity/sign-in/web/devconsole-project."
        : "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid "
          "authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.";
    const std::string reason = missing ? "CREDENTIALS_MISSING"
        : check == Check::Expired      ? "ACCESS_TOKEN_EXPIRED"
                                       : "ACCESS_TOKEN_TYPE_UNSUPPORTED";
    const nlohmann::json body { { "error",
        { { "code", 401 }, { "message", message },
            { "errors",
                { { { "message", missing ? "Login Required." : "Invalid Credentials" }, { "domain", "global" },
                    { "reason", missing ? "required" : "authError" }, { "location", "Authorization" },
                    { "locationType", "header" } } } },
            { "status", "UNAUTHENTICATED" },
            { "details",
                { { { "@type", "type.googleapis.com/google.rpc.ErrorInfo" }, { "reason", reason },
                    { "domain", "googleapis.com" },
                    { "metadata", { { "service", "drive.googleapis.com" } } } } } } } } };
    res.status = 401;
    if (!missing)
        res.set_header("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
    res.set_content(body.dump(2) + "\n", "application/json; charset=UTF-8");
}

void TokenAuthority::registerRoutes(httplib::Server &server)
{
    Impl *d = m_d.get();
    const auto auth = [d](const httplib::Request &req, httplib::Response &res)
    {
        Stats::nameCurrentRequest("oauth.auth");
        d->authEndpoint(req, res);
    };
    server.Get("/o/oauth2/v2/auth", auth);
    server.Get("/o/oauth2/auth", auth);
    const auto token = [d](const httplib::Request &req, httplib::Response &res)
    {
        Stats::nameCurrentRequest("oauth.token");
        d->tokenEndpoint(req, res);
    };
    server.Post("/token", token);
    server.Post("/o/oauth2/token", token);
    const auto revoke = [d](const httplib::Request &req, httplib::Response &res)
    {
        Stats::nameCurrentRequest("oauth.revoke");
        d->revokeEndpoint(req, res);
    };
    server.Post("/revoke", revoke);
    server.Get("/revoke", revoke);
    server.Post("/o/oauth2/revoke", revoke);
    server.Get("/oidc/.well-known/oauth-authorization-server",
        [d](const httplib::Request &req, httplib::Response &res)
        {
            Stats::nameCurrentRequest("dbx.oidc.discovery");
            std::string base;
            {
                std::lock_guard lock(d->mutex);
                base = d->base(req);
            }
            sendJson(res, 200,
                { { "issuer", base + "/oidc" }, { "authorization_endpoint", base + "/oidc/v1/authorize" },
                    { "token_endpoint", base + "/oidc/v1/token" }, { "jwks_uri", base + "/oidc/jwks.json" },
                    { "grant_types_supported", { "client_credentials", "authorization_code", "refresh_token" } },
                    { "response_types_supported", { "code", "id_token" } },
                    { "scopes_supported", { "all-apis", "offline_access", "openid", "profile", "email" } },
                    { "code_challenge_methods_supported", { "S256" } },
                    { "token_endpoint_auth_methods_supported",
                        { "client_secret_basic", "client_secret_post", "none" } } });
        });
    server.Post("/oidc/v1/token",
        [d](const httplib::Request &req, httplib::Response &res)
        {
            Stats::nameCurrentRequest("dbx.oidc.token");
            d->oidcToken(req, res);
        });
}

void TokenAuthority::Impl::authEndpoint(const httplib::Request &req, httplib::Response &res)
{
    const auto param = [&req](const char *name) { return req.get_param_value(name); };
    std::lock_guard lock(mutex);
    for (const char *required : { "client_id", "redirect_uri", "response_type", "scope" })
    {
        if (!req.has_param(required) || param(required).empty())
        {
            fail("auth_missing_parameter");
            sendErrorPage(res, 400, "invalid_request", std::string("Missing required parameter: ") + required);
            return;
        }
    }
    if (!clients.count(param("client_id")))
    {
        fail("invalid_client");
        sendErrorPage(res, 401, "invalid_client", "The OAuth client was not found.");
        return;
    }
    const std::string redirect = param("redirect_uri");
    if (!isLoopbackRedirect(redirect))
    {
        fail("redirect_uri_mismatch");
        sendErrorPage(res, 400, "redirect_uri_mismatch",
            "You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy.");
        return;
    }
    if (param("response_type") != "code")
    {
        fail("unsupported_response_type");
        sendErrorPage(res, 400, "unsupported_response_type", "Invalid response_type: " + param("response_type"));
        return;
    }
    std::string method = param("code_challenge_method");
    const std::string challenge = param("code_challenge");
    if (!challenge.empty() && method.empty())
        method = "plain";
    if (!challenge.empty() && method != "S256" && method != "plain")
    {
        fail("invalid_code_challenge_method");
        sendErrorPage(res, 400, "invalid_request", "Invalid code_challenge_method: " + method);
        return;
    }
    const std::string sep = redirect.find('?') == std::string::npos ? "?" : "&";
    const std::string state = req.has_param("state") ? "&state=" + percentEncode(param("state")) : std::string();
    const std::string hint = param("login_hint");
    if (denyAll || hint.rfind("deny@", 0) == 0)
    {
        fail("access_denied");
        res.set_redirect(redirect + sep + "error=access_denied" + state, 302);
        return;
    }
    // Google's codes start with "4/0A" and contain '/', so clients must percent-encode them on exchange.
    const std::string code = "4/0A" + jwt::randomUrlSafe(54);
    codes[code] = Code { param("client_id"), redirect, challenge, method, param("scope"), param("access_type"),
        Clock::now() + std::chrono::seconds(kCodeLifetimeS), false };
    ++authCodes;
    res.set_redirect(
        redirect + sep + "code=" + percentEncode(code) + "&scope=" + percentEncode(param("scope")) + state, 302);
}

void TokenAuthority::Impl::revokeEndpoint(const httplib::Request &req, httplib::Response &res)
{
    const std::string token = req.get_param_value("token");
    std::lock_guard lock(mutex);
    if (const auto r = refreshTokens.find(token); r != refreshTokens.end() && !r->second.revoked)
    {
        revokeRefresh(token);
        ++revoked;
        sendJson(res, 200, nlohmann::json::object());
        return;
    }
    if (const auto a = accessTokens.find(token);
        a != accessTokens.end() && !a->second.revoked && Clock::now() < a->second.expires)
    {
        a->second.revoked = true;
        // Revoking an access token also revokes the grant (refresh token) it came from.
        if (!a->second.refresh.empty())
            revokeRefresh(a->second.refresh);
        ++revoked;
        sendJson(res, 200, nlohmann::json::object());
        return;
    }
    fail("revoke_invalid_token");
    sendOAuthError(res, 400, "invalid_token", "Token expired or revoked");
}

void TokenAuthority::Impl::oidcToken(const httplib::Request &req, httplib::Response &res)
{
    // The user's browser sign-in (U2M) shares the endpoint with the service principals' grant.
    if (req.get_param_value("grant_type") == "authorization_code")
        return workspaceCodeGrant(req, res);
    if (req.get_param_value("grant_type") == "refresh_token")
        return workspaceRefreshGrant(req, res);
    std::string clientId = req.get_param_value("client_id");
    std::string secret = req.get_param_value("client_secret");
    std::string user;
    std::string password;
    if (basicAuth(req, &user, &password))
    {
        clientId = user;
        secret = password;
    }
    std::lock_guard lock(mutex);
    const std::string grant = req.get_param_value("grant_type");
    if (grant != "client_credentials")
    {
        fail("oidc_unsupported_grant_type");
        sendOAuthError(res, 400, "unsupported_grant_type", "Unsupported grant_type: " + grant);
        return;
    }
    const auto sp = principals.find(clientId);
    if (clientId.empty() || sp == principals.end() || sp->second != secret)
    {
        fail("oidc_invalid_client");
        sendOAuthError(res, 401, "invalid_client", "Client authentication failed");
        return;
    }
    std::string scope = req.get_param_value("scope");
    if (scope.empty())
        scope = "all-apis";
    ++oidcIssued;
    sendJson(res, 200,
        { { "access_token", issueAccess({}, scope, true) }, { "token_type", "Bearer" },
            { "expires_in", expiresIn(true) }, { "scope", scope } });
}

} // namespace sandbox
