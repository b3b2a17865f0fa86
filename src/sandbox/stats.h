// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

namespace sandbox
{

/// What the sandbox saw: requests by route and status, bytes, connections, uploads, a bounded log.
/// Thread-safe: every member may be called from any server worker thread.
class Stats
{
public:
    Stats() = default;
    Stats(const Stats &) = delete;
    Stats &operator=(const Stats &) = delete;

    /// One finished request. `route` is a stable name such as "drive.files.list" or "dbx.files.put".
    /// `frontProtocol`: the client's protocol as a TLS front before the sandbox names it in the request's
    /// X-Front-Protocol header (a test aid, not a Google behaviour); counted per route when not empty.
    void record(const std::string &method, const std::string &route, const std::string &path, int status,
        std::uint64_t bytesIn, std::uint64_t bytesOut, const std::string &range = {},
        const std::string &frontProtocol = {});
    /// Body bytes as they stream (counted in bytes_out/bytes_in; record() does not add them again).
    void addBytesOut(std::uint64_t n);
    void addBytesIn(std::uint64_t n);
    void recordUpload(const std::string &path, std::uint64_t size, const std::string &md5Hex);
    void removeUpload(const std::string &path);
    void countThrottled();
    /// Connection gauge, maintained by the server; peak_connections is its high-water mark.
    void connectionOpened();
    void connectionClosed();
    /// Names the request being handled on this thread (e.g. "dbx.files.put"). The server records every
    /// request itself when its response is written, so services only name their requests; a request left
    /// unnamed is recorded as "other". Streamed bytes given to addBytesOut/addBytesIn on the same thread
    /// are attributed to that request's log entry too.
    static void nameCurrentRequest(const std::string &route);
    /// Used by the server's logger: the current thread's request name and streamed byte counts, then cleared.
    struct CurrentRequest
    {
        std::string route;
        std::uint64_t bytesIn = 0;
        std::uint64_t bytesOut = 0;
    };
    static CurrentRequest takeCurrentRequest();
    /// An extra top-level key in toJson() (h2: "tokens"), computed on demand.
    void setSection(const std::string &name, std::function<nlohmann::json()> provider);

    [[nodiscard]] nlohmann::json toJson() const;
    /// Clears counters, uploads and the log (sections are providers, they reset themselves).
    void reset();

private:
    struct LogEntry
    {
        std::string method;
        std::string route;
        std::string path;
        int status = 0;
        std::string range;
        std::uint64_t bytesOut = 0;
        std::uint64_t bytesIn = 0;
    };
    struct Upload
    {
        std::uint64_t size = 0;
        std::string md5;
    };

    mutable std::mutex m_mutex;
    std::uint64_t m_requestsTotal = 0;
    std::map<std::string, std::map<int, std::uint64_t>> m_byRoute;
    std::map<std::string, std::map<std::string, std::uint64_t>> m_frontProtocols; ///< route -> protocol -> n
    std::atomic<std::uint64_t> m_bytesOut { 0 };
    std::atomic<std::uint64_t> m_bytesIn { 0 };
    std::atomic<std::int64_t> m_connections { 0 };
    std::atomic<std::int64_t> m_peakConnections { 0 };
    std::atomic<std::uint64_t> m_throttled { 0 };
    std::map<std::string, Upload> m_uploads;
    std::map<std::string, std::function<nlohmann::json()>> m_sections;
    std::deque<LogEntry> m_log;
};

} // namespace sandbox
