// SPDX-License-Identifier: GPL-3.0-or-later
#include "server.h"

#include "content.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include <sys/socket.h>

namespace sandbox
{

namespace
{
constexpr std::size_t kChunk = 256 * 1024;

/// httplib runs one task per accepted connection: counting tasks counts connections.
class CountingPool final : public httplib::TaskQueue
{
public:
    CountingPool(std::size_t threads, Stats &stats)
        : m_pool(threads)
        , m_stats(stats)
    {
    }

    void enqueue(std::function<void()> fn) override
    {
        m_stats.connectionOpened();
        m_pool.enqueue(
            [this, fn = std::move(fn)]()
            {
                fn();
                m_stats.connectionClosed();
            });
    }

    void shutdown() override { m_pool.shutdown(); }

private:
    httplib::ThreadPool m_pool;
    Stats &m_stats;
};

bool isControlPath(const std::string &path)
{
    return path.rfind("/_sandbox/", 0) == 0;
}

std::string classify(const httplib::Request &req)
{
    const std::string &p = req.path;
    if (p.rfind("/drive/", 0) == 0)
        return "drive.other";
    if (p.rfind("/api/", 0) == 0)
        return "dbx.other";
    if (p.rfind("/o/oauth2", 0) == 0 || p == "/token" || p == "/revoke")
        return "oauth.other";
    return "other";
}

struct StreamState
{
    std::uint64_t sent = 0;
    bool stalled = false;
    std::chrono::steady_clock::time_point start;
    bool started = false;
};
} // namespace

GoogleError::GoogleError(int code, std::string message, std::string reason, std::string domain, std::string location,
    std::string locationType, std::string infoReason)
    : code(code)
    , message(std::move(message))
    , reason(std::move(reason))
    , domain(std::move(domain))
    , location(std::move(location))
    , locationType(std::move(locationType))
    , infoReason(std::move(infoReason))
{
}

Server::Server(Content &content, Stats &stats, Faults &faults, Options options)
    : m_content(content)
    , m_stats(stats)
    , m_faults(faults)
    , m_options(std::move(options))
{
    if (m_options.tls)
        m_http = std::make_unique<httplib::SSLServer>(m_options.certFile.c_str(), m_options.keyFile.c_str());
    else
        m_http = std::make_unique<httplib::Server>();
    // httplib's default sets SO_REUSEPORT: a second sandbox on the same port would bind too and the kernel
    // would split the connections between the two. SO_REUSEADDR alone still allows a quick restart (TIME_WAIT)
    // but makes a port in use an error.
    m_http->set_socket_options(
        [this](socket_t sock)
        {
            int yes = 1;
            ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
            m_listenSocket = sock; // only the listening socket gets these options
        });

    const std::size_t threads = std::size_t(std::max(1, m_options.threads));
    m_http->new_task_queue = [this, threads]() -> httplib::TaskQueue * { return new CountingPool(threads, m_stats); };
    // Clients keep connections for many requests (engine pools, benchmarks); a slow consumer that applies
    // backpressure must not be cut off after httplib's default 5 s.
    m_http->set_keep_alive_max_count(100000);
    m_http->set_keep_alive_timeout(10);
    m_http->set_read_timeout(60);
    m_http->set_write_timeout(120);
    m_http->set_tcp_nodelay(true);

    m_http->set_pre_routing_handler(
        [this](const httplib::Request &req, httplib::Response &)
        {
            if (!isControlPath(req.path))
            {
                const int ms = m_faults.global().latencyMs;
                if (ms > 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
            }
            return httplib::Server::HandlerResponse::Unhandled;
        });
    m_http->set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request &req, httplib::Response &res)
        {
            if (!res.body.empty() || res.content_provider_)
                return httplib::Server::HandlerResponse::Unhandled;
            // httplib's own refusals (bad request line, oversized headers, bad Range, unknown route).
            const std::string reason = res.status == 404 ? "notFound"
                : res.status == 416                      ? "requestedRangeNotSatisfiable"
                                                         : "badRequest";
            const std::string message = res.status == 404 ? "Not Found: " + req.path.substr(0, 200)
                                                          : "Bad Request (HTTP " + std::to_string(res.status) + ")";
            sendGoogleError(res, GoogleError { res.status, message, reason });
            return httplib::Server::HandlerResponse::Handled;
        }));
    m_http->set_exception_handler(
        [](const httplib::Request &, httplib::Response &res, std::exception_ptr ep)
        {
            std::string what = "unknown error";
            try
            {
                if (ep)
                    std::rethrow_exception(ep);
            }
            catch (const std::exception &e)
            {
                what = e.what();
            }
            catch (...)
            {
            }
            res.content_provider_ = nullptr;
            sendGoogleError(res, GoogleError(500, "Internal Error: " + what, "internalError"));
        });
    m_http->set_logger([this](const httplib::Request &req, const httplib::Response &res) { log(req, res); });
    registerControlRoutes();
}

Server::~Server() = default;

void Server::log(const httplib::Request &req, const httplib::Response &res)
{
    if (isControlPath(req.path))
    {
        Stats::takeCurrentRequest(); // the control routes stay out of the figures
        return;
    }
    // Bodies set in one piece are counted here; streamed ones were counted chunk by chunk (same thread).
    const std::uint64_t bodyOut = req.method == "HEAD" ? 0 : res.body.size();
    if (bodyOut)
        m_stats.addBytesOut(bodyOut);
    if (!req.body.empty())
        m_stats.addBytesIn(req.body.size());
    const Stats::CurrentRequest cur = Stats::takeCurrentRequest();
    m_stats.record(req.method, cur.route.empty() ? classify(req) : cur.route, req.path, res.status, cur.bytesIn,
        cur.bytesOut, req.get_header_value("Range"), req.get_header_value("X-Front-Protocol"));
    if (!m_options.quiet)
        std::fprintf(stderr, "%s %s -> %d\n", req.method.c_str(), req.path.c_str(), res.status);
}

bool Server::bind(std::string *error)
{
    if (!m_http->is_valid())
    {
        *error = "the HTTP server could not be set up (TLS certificate?)";
        return false;
    }
    if (m_options.port == 0)
    {
        m_port = m_http->bind_to_any_port("127.0.0.1");
        if (m_port <= 0)
        {
            *error = "cannot bind 127.0.0.1";
            return false;
        }
    }
    else
    {
        if (!m_http->bind_to_port("127.0.0.1", m_options.port))
        {
            *error = "cannot listen on 127.0.0.1:" + std::to_string(m_options.port)
                + " (is the port in use? another sandbox, or choose another with --port)";
            return false;
        }
        m_port = m_options.port;
    }
    // Debian's libcpp-httplib is built with a listen backlog of 5: 16 connections opened at once (aria2c -x16, a
    // file's ranged streams) overflowed it, the kernel dropped their SYNs and those clients connected 1 s later
    // (TcpExtListenOverflows grew; aria2c took 1.06 s or 2.07 s for the same 256 MiB). Google's front ends take
    // them all; listen() again on the bound socket raises the backlog (the kernel caps it at somaxconn).
    if (m_listenSocket >= 0)
        ::listen(m_listenSocket, SOMAXCONN);
    return true;
}

std::string Server::baseUrl() const
{
    return std::string(m_options.tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(m_port);
}

void Server::run()
{
    m_http->listen_after_bind();
}

void Server::stop()
{
    m_http->stop();
}

std::string Server::statusText(int code)
{
    switch (code)
    {
    case 400:
        return "INVALID_ARGUMENT";
    case 401:
        return "UNAUTHENTICATED";
    case 403:
        return "PERMISSION_DENIED";
    case 404:
        return "NOT_FOUND";
    case 409:
        return "ABORTED";
    case 413:
        return "FAILED_PRECONDITION";
    case 414:
        return "INVALID_ARGUMENT";
    case 416:
        return "OUT_OF_RANGE";
    case 429:
        return "RESOURCE_EXHAUSTED";
    case 500:
        return "INTERNAL";
    case 501:
        return "UNIMPLEMENTED";
    case 503:
        return "UNAVAILABLE";
    default:
        return code >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
    }
}

void Server::sendJson(httplib::Response &res, int status, const nlohmann::json &body)
{
    res.status = status;
    // Google pretty-prints; replacement keeps invalid UTF-8 in names from throwing.
    res.set_content(
        body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", "application/json; charset=UTF-8");
}

void Server::sendGoogleError(httplib::Response &res, const GoogleError &e)
{
    nlohmann::json item = { { "message", e.message }, { "domain", e.domain }, { "reason", e.reason } };
    if (!e.location.empty())
    {
        item["location"] = e.location;
        item["locationType"] = e.locationType.empty() ? "parameter" : e.locationType;
    }
    nlohmann::json err = { { "code", e.code }, { "message", e.message }, { "errors", nlohmann::json::array({ item }) },
        { "status", statusText(e.code) } };
    if (!e.infoReason.empty())
    {
        err["details"] = nlohmann::json::array(
            { { { "@type", "type.googleapis.com/google.rpc.ErrorInfo" }, { "reason", e.infoReason },
                { "domain", "googleapis.com" }, { "metadata", { { "service", "drive.googleapis.com" } } } } });
    }
    sendJson(res, e.code, { { "error", err } });
}

void Server::streamBody(httplib::Response &res, std::int64_t length, const std::string &contentType, Reader read,
    const Faults::MediaPlan &plan)
{
    auto state = std::make_shared<StreamState>();
    const std::uint64_t bps = m_faults.global().bandwidthBps;
    Stats *stats = &m_stats;
    auto provide = [state, bps, plan, read = std::move(read), stats](
                       std::uint64_t offset, std::uint64_t remaining, httplib::DataSink &sink) -> bool
    {
        thread_local std::vector<char> buffer(kChunk);
        if (!state->started)
        {
            state->started = true;
            state->start = std::chrono::steady_clock::now();
        }
        std::uint64_t chunk = std::min<std::uint64_t>(remaining, kChunk);
        if (bps)
            chunk = std::min<std::uint64_t>(chunk, std::max<std::uint64_t>(1024, bps / 50));
        if (plan.resetAfterBytes)
        {
            if (state->sent >= plan.resetAfterBytes)
                return false; // httplib closes the socket mid-body: the client sees a short read
            chunk = std::min(chunk, plan.resetAfterBytes - state->sent);
        }
        if (plan.stallAfterBytes && !state->stalled)
        {
            if (state->sent >= plan.stallAfterBytes)
            {
                state->stalled = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(plan.stallMs));
                // The stall does not count against the bandwidth budget.
                state->start += std::chrono::milliseconds(plan.stallMs);
            }
            else
                chunk = std::min(chunk, plan.stallAfterBytes - state->sent);
        }
        const std::size_t n = read(offset, buffer.data(), std::size_t(chunk));
        if (n == 0)
        {
            if (remaining == std::uint64_t(-1))
            {
                sink.done();
                return true;
            }
            return false;
        }
        if (!sink.write(buffer.data(), n))
            return false;
        state->sent += n;
        stats->addBytesOut(n);
        if (bps)
        {
            const auto due
                = state->start + std::chrono::nanoseconds(std::uint64_t(double(state->sent) * 1e9 / double(bps)));
            std::this_thread::sleep_until(due);
        }
        return true;
    };
    if (length >= 0)
    {
        res.set_content_provider(std::size_t(length), contentType,
            [provide](std::size_t offset, std::size_t len, httplib::DataSink &sink)
            { return provide(offset, len, sink); });
    }
    else
    {
        res.set_chunked_content_provider(contentType,
            [provide](std::size_t offset, httplib::DataSink &sink)
            { return provide(offset, std::uint64_t(-1), sink); });
    }
}

nlohmann::json Server::settingsJson() const
{
    const GlobalFaults g = m_faults.global();
    return { { "ok", true }, { "latency_ms", g.latencyMs }, { "bandwidth_bps", g.bandwidthBps },
        { "quota_qps", g.quotaQps }, { "quota_burst", g.quotaBurst }, { "quota_status", g.quotaStatus },
        { "retry_after_s", g.retryAfterS }, { "error_rate", g.errorRate }, { "error_status", g.errorStatus },
        { "reset_after_bytes", g.resetAfterBytes }, { "stall_after_bytes", g.stallAfterBytes },
        { "stall_ms", g.stallMs }, { "token_lifetime_s", g.tokenLifetimeS } };
}

nlohmann::json Server::itemJson(const Item &item, bool withHashes)
{
    nlohmann::json j = { { "id", item.id }, { "name", item.name }, { "path", item.path },
        { "mimeType", item.mimeType }, { "trashed", item.trashed }, { "driveId", item.driveId },
        { "sharedWithMe", item.sharedWithMe }, { "shortcutTargetId", item.shortcutTargetId },
        { "resourceKey", item.resourceKey }, { "version", item.version },
        { "parents", item.parent.empty() ? nlohmann::json::array() : nlohmann::json::array({ item.parent }) },
        { "faults", m_faults.fileFaults(item.id).toJson() } };
    if (item.kind == Item::Kind::Root)
        j["kind"] = "root";
    else if (item.kind == Item::Kind::DriveRoot)
        j["kind"] = "drive";
    if (item.gone)
        j["removed"] = item.goneReason;
    if (item.kind == Item::Kind::Blob)
    {
        j["size"] = item.size;
        if (withHashes)
        {
            const Hashes h = m_content.hashes(item);
            j["md5"] = h.md5;
            j["sha256"] = h.sha256;
        }
    }
    else if (item.kind == Item::Kind::Google)
    {
        nlohmann::json ex = nlohmann::json::object();
        for (const ExportFormat &f : Content::exportFormats(item.mimeType))
            ex[f.mimeType] = Content::exportSize(item, f.extension);
        j["exportSizes"] = ex;
    }
    return j;
}

void Server::registerControlRoutes()
{
    m_http->Post("/_sandbox/mutate",
        [this](const httplib::Request &req, httplib::Response &res)
        {
            const nlohmann::json ops = nlohmann::json::parse(req.body, nullptr, false);
            std::vector<Item> states;
            std::string error;
            if (ops.is_discarded() || !m_content.mutate(ops, &states, &error))
            {
                sendJson(res, 400, { { "error", ops.is_discarded() ? "the body must be JSON" : error } });
                return;
            }
            nlohmann::json items = nlohmann::json::array();
            for (const Item &item : states)
                items.push_back(itemJson(item, true));
            sendJson(res, 200, { { "items", items } });
        });
    m_http->Get("/_sandbox/stats",
        [this](const httplib::Request &, httplib::Response &res) { sendJson(res, 200, m_stats.toJson()); });
    m_http->Post("/_sandbox/reset",
        [this](const httplib::Request &, httplib::Response &res)
        {
            m_stats.reset();
            m_faults.reset();
            if (onReset)
                onReset();
            sendJson(res, 200, { { "ok", true } });
        });
    m_http->Post("/_sandbox/faults",
        [this](const httplib::Request &req, httplib::Response &res)
        {
            const nlohmann::json j = nlohmann::json::parse(req.body, nullptr, false);
            std::string error;
            if (j.is_discarded() || !j.is_object())
            {
                sendJson(res, 400, { { "error", "the body must be a JSON object" } });
                return;
            }
            if (!m_faults.apply(j, &error) || (onFaults && !onFaults(j, &error)))
            {
                sendJson(res, 400, { { "error", error } });
                return;
            }
            nlohmann::json files = nlohmann::json::object();
            if (j.contains("files"))
                for (const auto &[id, f] : j.at("files").items())
                    files[id] = m_faults.fileFaults(id).toJson();
            nlohmann::json body = settingsJson();
            body["files"] = files;
            sendJson(res, 200, body);
        });
    m_http->Get("/_sandbox/faults",
        [this](const httplib::Request &, httplib::Response &res)
        {
            nlohmann::json body = settingsJson();
            nlohmann::json files = nlohmann::json::object();
            const auto lock = m_content.readLock();
            for (const auto &it : m_content.items())
            {
                const FileFaults f = m_faults.fileFaults(it->id);
                if (f.any())
                    files[it->id] = f.toJson();
            }
            body["files"] = files;
            sendJson(res, 200, body);
        });
    m_http->Get("/_sandbox/tree",
        [this](const httplib::Request &req, httplib::Response &res)
        {
            const bool withHashes = req.get_param_value("hashes") != "false";
            nlohmann::json items = nlohmann::json::array();
            const auto lock = m_content.readLock();
            for (const auto &it : m_content.items())
                if (!it->gone)
                    items.push_back(itemJson(*it, withHashes));
            sendJson(res, 200,
                { { "demo_root_id", m_content.demoRootId() }, { "root_id", m_content.rootId() }, { "items", items } });
        });
}

} // namespace sandbox
