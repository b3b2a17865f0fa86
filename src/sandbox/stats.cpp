// SPDX-License-Identifier: GPL-3.0-or-later
#include "stats.h"

namespace sandbox
{

namespace
{
constexpr std::size_t kLogLimit = 5000;

// httplib handles one request start to finish (handler, body, logger) on one thread.
thread_local Stats::CurrentRequest t_current;
} // namespace

void Stats::nameCurrentRequest(const std::string &route)
{
    t_current.route = route;
}

Stats::CurrentRequest Stats::takeCurrentRequest()
{
    CurrentRequest c = std::move(t_current);
    t_current = {};
    return c;
}

void Stats::record(const std::string &method, const std::string &route, const std::string &path, int status,
    std::uint64_t bytesIn, std::uint64_t bytesOut, const std::string &range, const std::string &frontProtocol)
{
    std::lock_guard lock(m_mutex);
    ++m_requestsTotal;
    ++m_byRoute[route][status];
    if (!frontProtocol.empty())
        ++m_frontProtocols[route][frontProtocol];
    m_log.push_back(LogEntry { method, route, path, status, range, bytesOut, bytesIn });
    while (m_log.size() > kLogLimit)
        m_log.pop_front();
}

void Stats::addBytesOut(std::uint64_t n)
{
    m_bytesOut += n;
    t_current.bytesOut += n;
}

void Stats::addBytesIn(std::uint64_t n)
{
    m_bytesIn += n;
    t_current.bytesIn += n;
}

void Stats::recordUpload(const std::string &path, std::uint64_t size, const std::string &md5Hex)
{
    std::lock_guard lock(m_mutex);
    m_uploads[path] = Upload { size, md5Hex };
}

void Stats::removeUpload(const std::string &path)
{
    std::lock_guard lock(m_mutex);
    m_uploads.erase(path);
}

void Stats::countThrottled()
{
    ++m_throttled;
}

void Stats::connectionOpened()
{
    const std::int64_t now = ++m_connections;
    std::int64_t peak = m_peakConnections.load();
    while (now > peak && !m_peakConnections.compare_exchange_weak(peak, now))
    {
    }
}

void Stats::connectionClosed()
{
    --m_connections;
}

void Stats::setSection(const std::string &name, std::function<nlohmann::json()> provider)
{
    std::lock_guard lock(m_mutex);
    m_sections[name] = std::move(provider);
}

nlohmann::json Stats::toJson() const
{
    nlohmann::json j;
    std::map<std::string, std::function<nlohmann::json()>> sections;
    {
        std::lock_guard lock(m_mutex);
        j["requests_total"] = m_requestsTotal;
        nlohmann::json byRoute = nlohmann::json::object();
        for (const auto &[route, statuses] : m_byRoute)
        {
            nlohmann::json s = nlohmann::json::object();
            for (const auto &[status, n] : statuses)
                s[std::to_string(status)] = n;
            byRoute[route] = s;
        }
        j["by_route"] = byRoute;
        j["front_protocols"] = m_frontProtocols;
        nlohmann::json uploads = nlohmann::json::object();
        for (const auto &[path, u] : m_uploads)
            uploads[path] = { { "size", u.size }, { "md5", u.md5 } };
        j["uploads"] = uploads;
        nlohmann::json log = nlohmann::json::array();
        for (const LogEntry &e : m_log)
        {
            log.push_back({ { "method", e.method }, { "route", e.route }, { "path", e.path }, { "status", e.status },
                { "range", e.range }, { "bytes_out", e.bytesOut }, { "bytes_in", e.bytesIn } });
        }
        j["log"] = std::move(log);
        sections = m_sections;
    }
    j["bytes_out"] = m_bytesOut.load();
    j["bytes_in"] = m_bytesIn.load();
    j["peak_connections"] = m_peakConnections.load();
    j["connections"] = m_connections.load();
    j["throttled"] = m_throttled.load();
    // Providers may take their own locks: call them outside ours.
    for (const auto &[name, provider] : sections)
        j[name] = provider ? provider() : nlohmann::json();
    if (!j.contains("tokens"))
        j["tokens"] = nlohmann::json::object();
    return j;
}

void Stats::reset()
{
    std::lock_guard lock(m_mutex);
    m_requestsTotal = 0;
    m_byRoute.clear();
    m_frontProtocols.clear();
    m_uploads.clear();
    m_log.clear();
    m_bytesOut = 0;
    m_bytesIn = 0;
    m_throttled = 0;
    // Connections open right now (the reset request's own among them) stay the new baseline.
    m_peakConnections = m_connections.load();
}

} // namespace sandbox
