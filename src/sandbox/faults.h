// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>

namespace sandbox
{

/// Per-file misbehaviour (manifest "faults" object or /_sandbox/faults "files").
struct FileFaults
{
    std::uint64_t resetAfterBytes = 0; ///< 0: off
    int resetTimes = 1; ///< only the first N media responses break
    std::uint64_t stallAfterBytes = 0; ///< 0: off
    int stallMs = 0;
    int stallTimes = 1;
    bool wrongMd5 = false; ///< metadata md5/sha256 lie
    bool downloadQuotaExceeded = false;
    bool abusive = false;
    bool insufficientPermissions = false; ///< media/export: 403 insufficientFilePermissions (metadata still readable)
    int errorTimes = 0; ///< the first N media requests fail with errorStatus
    int errorStatus = 503;

    static FileFaults fromJson(const nlohmann::json &j);
    /// `j` overlaid on `base` (keys absent keep base's value).
    static FileFaults fromJson(const nlohmann::json &j, const FileFaults &base);
    [[nodiscard]] nlohmann::json toJson() const;
    [[nodiscard]] bool any() const;
};

/// Global per-request knobs (flags or POST /_sandbox/faults). Thread-safe.
struct GlobalFaults
{
    int latencyMs = 0;
    std::uint64_t bandwidthBps = 0; ///< per connection; 0: unlimited
    double quotaQps = 0; ///< 0: no quota
    double quotaBurst = 0; ///< 0: = max(1, qps)
    int quotaStatus = 403; ///< 403 userRateLimitExceeded or 429 RESOURCE_EXHAUSTED
    int retryAfterS = 1;
    double errorRate = 0; ///< probability of errorStatus per Drive request
    int errorStatus = 503;
    std::uint64_t resetAfterBytes = 0; ///< every media body, 0: off
    std::uint64_t stallAfterBytes = 0;
    int stallMs = 0;
    int tokenLifetimeS = 3600;
    /// Drive's grouped-listing bug (google-drive-api.md §2, issuetracker 149522397; rclone's
    /// --drive-fast-list-bug-fix): the next N files.list queries that OR several `'ID' in parents` terms answer
    /// one empty, final page although children exist. 0: off.
    int groupedListEmptyTimes = 0;
};

class Faults
{
public:
    explicit Faults(std::uint64_t seed = 0);
    Faults(const Faults &) = delete;
    Faults &operator=(const Faults &) = delete;

    /// The startup values (from flags); reset() returns to them.
    void setDefaults(const GlobalFaults &g);
    [[nodiscard]] GlobalFaults global() const;
    /// Applies a /_sandbox/faults body (known keys only; "files" merged per file id). False + message if invalid.
    bool apply(const nlohmann::json &j, std::string *error);
    void reset();

    /// Request quota: true when this request is over the token bucket and must be refused.
    /// Counts into the caller's response (the caller calls Stats::countThrottled()).
    bool shouldThrottle();
    /// Seeded draw against error_rate: true when this request should fail with global().errorStatus.
    bool shouldFail();
    /// Consumes one of groupedListEmptyTimes: true when this grouped listing must answer an empty last page.
    bool takeGroupedListBug();

    /// Per-file faults: manifest defaults overlaid with runtime ones.
    void setFileDefaults(const std::string &fileId, const FileFaults &f);
    [[nodiscard]] FileFaults fileFaults(const std::string &fileId) const;
    /// Consumes one "time" of a counted fault for this media response; returns what applies to it.
    struct MediaPlan
    {
        int errorStatus = 0; ///< non-zero: answer with this error instead of the body
        std::uint64_t resetAfterBytes = 0; ///< 0: no reset
        std::uint64_t stallAfterBytes = 0;
        int stallMs = 0;
    };
    MediaPlan planMedia(const std::string &fileId);

private:
    mutable std::mutex m_mutex;
    std::uint64_t m_seed;
    std::mt19937_64 m_rng;
    GlobalFaults m_defaults;
    GlobalFaults m_global;
    std::map<std::string, FileFaults> m_fileDefaults;
    std::map<std::string, FileFaults> m_fileRuntime;
    std::map<std::string, int> m_mediaCount; ///< media responses served per file (for *_times)
    double m_tokens = 0;
    std::int64_t m_lastRefillNs = 0;
};

} // namespace sandbox
