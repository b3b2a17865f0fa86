// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faults.h"
#include "stats.h"

#include <cstdint>
#include <functional>
#include <httplib.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace sandbox
{

class Content;
struct Item;

/// Google's error body: {"error":{"code","message","errors":[{message,domain,reason,location?,locationType?}],
/// "status","details":[ErrorInfo]}}.
struct GoogleError
{
    GoogleError(int code, std::string message, std::string reason, std::string domain = "global",
        std::string location = {}, std::string locationType = {}, std::string infoReason = {});
    int code = 400;
    std::string message;
    std::string reason;
    std::string domain = "global";
    std::string location;
    std::string locationType;
    std::string infoReason; ///< ErrorInfo reason (e.g. ACCESS_TOKEN_EXPIRED); empty: no details
};

/// The HTTP side shared by every service: one httplib server (plain or TLS) on 127.0.0.1, a counting
/// thread pool, latency for every route, streamed bodies with bandwidth caps / resets / stalls,
/// stats for every request, and the /_sandbox control routes.
class Server
{
public:
    struct Options
    {
        int port = 0;
        bool tls = false;
        std::string certFile;
        std::string keyFile;
        int threads = 32;
        bool quiet = false;
    };
    /// How Drive requests are authenticated: 0 valid, 1 missing, 2 invalid, 3 expired.
    enum class AuthCheck
    {
        Valid,
        Missing,
        Invalid,
        Expired,
    };

    Server(Content &content, Stats &stats, Faults &faults, Options options);
    ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    [[nodiscard]] httplib::Server &http() { return *m_http; }
    [[nodiscard]] Content &content() { return m_content; }
    [[nodiscard]] Stats &stats() { return m_stats; }
    [[nodiscard]] Faults &faults() { return m_faults; }

    bool bind(std::string *error);
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] std::string baseUrl() const;
    void run(); ///< blocks until stop()
    void stop();

    /// Hooks for the OAuth and Databricks services (set before run()).
    std::function<AuthCheck(const httplib::Request &)> googleAuth;
    std::function<void()> onReset;
    std::function<bool(const nlohmann::json &, std::string *)> onFaults; ///< whole /_sandbox/faults body

    static void sendJson(httplib::Response &res, int status, const nlohmann::json &body);
    static void sendGoogleError(httplib::Response &res, const GoogleError &e);
    static std::string statusText(int code);

    /// A streamed body: `read(offset, out, len)` fills the buffer. `length` < 0: unknown (chunked).
    /// Applies the global bandwidth cap and the plan's reset/stall.
    using Reader = std::function<std::size_t(std::uint64_t offset, char *out, std::size_t len)>;
    void streamBody(httplib::Response &res, std::int64_t length, const std::string &contentType, Reader read,
        const Faults::MediaPlan &plan);

private:
    void registerControlRoutes();
    /// The global knobs as POST/GET /_sandbox/faults report them.
    [[nodiscard]] nlohmann::json settingsJson() const;
    /// One item as /_sandbox/tree and /_sandbox/mutate show it (the caller holds the content's read lock or a copy).
    nlohmann::json itemJson(const Item &item, bool withHashes);
    void log(const httplib::Request &req, const httplib::Response &res);

    Content &m_content;
    Stats &m_stats;
    Faults &m_faults;
    Options m_options;
    std::unique_ptr<httplib::Server> m_http;
    int m_port = 0;
    socket_t m_listenSocket = -1; ///< set by the socket options callback
};

} // namespace sandbox
