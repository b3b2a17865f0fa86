// SPDX-License-Identifier: GPL-3.0-or-later
#include "faults.h"

#include <algorithm>
#include <chrono>

namespace sandbox
{

namespace
{
std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

template <typename T> bool readNumber(const nlohmann::json &j, const char *key, T &out, std::string *error)
{
    if (!j.contains(key))
        return true;
    const nlohmann::json &v = j.at(key);
    if (!v.is_number() || v.get<double>() < 0)
    {
        if (error)
            *error = std::string("\"") + key + "\" must be a non-negative number";
        return false;
    }
    out = v.get<T>();
    return true;
}
} // namespace

FileFaults FileFaults::fromJson(const nlohmann::json &j)
{
    return fromJson(j, FileFaults {});
}

FileFaults FileFaults::fromJson(const nlohmann::json &j, const FileFaults &base)
{
    FileFaults f = base;
    if (!j.is_object())
        return f;
    f.resetAfterBytes = j.value("reset_after_bytes", f.resetAfterBytes);
    f.resetTimes = j.value("reset_times", f.resetTimes);
    f.stallAfterBytes = j.value("stall_after_bytes", f.stallAfterBytes);
    f.stallMs = j.value("stall_ms", f.stallMs);
    f.stallTimes = j.value("stall_times", f.stallTimes);
    f.wrongMd5 = j.value("wrong_md5", f.wrongMd5);
    f.downloadQuotaExceeded = j.value("download_quota_exceeded", f.downloadQuotaExceeded);
    f.abusive = j.value("abusive", f.abusive);
    f.insufficientPermissions = j.value("insufficient_permissions", f.insufficientPermissions);
    f.errorTimes = j.value("error_times", f.errorTimes);
    f.errorStatus = j.value("error_status", f.errorStatus);
    return f;
}

nlohmann::json FileFaults::toJson() const
{
    nlohmann::json j = nlohmann::json::object();
    if (resetAfterBytes)
    {
        j["reset_after_bytes"] = resetAfterBytes;
        j["reset_times"] = resetTimes;
    }
    if (stallAfterBytes)
    {
        j["stall_after_bytes"] = stallAfterBytes;
        j["stall_ms"] = stallMs;
        j["stall_times"] = stallTimes;
    }
    if (wrongMd5)
        j["wrong_md5"] = true;
    if (downloadQuotaExceeded)
        j["download_quota_exceeded"] = true;
    if (abusive)
        j["abusive"] = true;
    if (insufficientPermissions)
        j["insufficient_permissions"] = true;
    if (errorTimes)
    {
        j["error_times"] = errorTimes;
        j["error_status"] = errorStatus;
    }
    return j;
}

bool FileFaults::any() const
{
    return resetAfterBytes || stallAfterBytes || wrongMd5 || downloadQuotaExceeded || abusive || errorTimes
        || insufficientPermissions;
}

Faults::Faults(std::uint64_t seed)
    : m_seed(seed)
    , m_rng(seed ^ 0x5eedfa17ULL)
{
}

void Faults::setDefaults(const GlobalFaults &g)
{
    std::lock_guard lock(m_mutex);
    m_defaults = g;
    m_global = g;
    m_tokens = g.quotaBurst > 0 ? g.quotaBurst : std::max(1.0, g.quotaQps);
    m_lastRefillNs = nowNs();
}

GlobalFaults Faults::global() const
{
    std::lock_guard lock(m_mutex);
    return m_global;
}

bool Faults::apply(const nlohmann::json &j, std::string *error)
{
    if (!j.is_object())
    {
        if (error)
            *error = "the body must be a JSON object";
        return false;
    }
    GlobalFaults g = global();
    if (!readNumber(j, "latency_ms", g.latencyMs, error) || !readNumber(j, "bandwidth_bps", g.bandwidthBps, error)
        || !readNumber(j, "quota_qps", g.quotaQps, error) || !readNumber(j, "quota_burst", g.quotaBurst, error)
        || !readNumber(j, "quota_status", g.quotaStatus, error) || !readNumber(j, "retry_after_s", g.retryAfterS, error)
        || !readNumber(j, "error_rate", g.errorRate, error) || !readNumber(j, "error_status", g.errorStatus, error)
        || !readNumber(j, "reset_after_bytes", g.resetAfterBytes, error)
        || !readNumber(j, "stall_after_bytes", g.stallAfterBytes, error) || !readNumber(j, "stall_ms", g.stallMs, error)
        || !readNumber(j, "token_lifetime_s", g.tokenLifetimeS, error)
        || !readNumber(j, "grouped_list_empty_times", g.groupedListEmptyTimes, error))
        return false;
    if (g.quotaStatus != 403 && g.quotaStatus != 429)
    {
        if (error)
            *error = "\"quota_status\" must be 403 or 429";
        return false;
    }
    if (g.errorStatus != 500 && g.errorStatus != 503)
    {
        if (error)
            *error = "\"error_status\" must be 500 or 503";
        return false;
    }
    if (g.errorRate < 0 || g.errorRate > 1)
    {
        if (error)
            *error = "\"error_rate\" must be within 0..1";
        return false;
    }
    if (j.contains("files") && !j.at("files").is_object())
    {
        if (error)
            *error = "\"files\" must be an object of file id -> faults";
        return false;
    }
    std::lock_guard lock(m_mutex);
    const bool quotaChanged = g.quotaQps != m_global.quotaQps || g.quotaBurst != m_global.quotaBurst;
    m_global = g;
    if (quotaChanged)
    {
        m_tokens = g.quotaBurst > 0 ? g.quotaBurst : std::max(1.0, g.quotaQps);
        m_lastRefillNs = nowNs();
    }
    if (j.contains("files"))
    {
        for (const auto &[id, f] : j.at("files").items())
        {
            auto it = m_fileRuntime.find(id);
            const FileFaults base = it != m_fileRuntime.end() ? it->second
                : m_fileDefaults.count(id)                    ? m_fileDefaults.at(id)
                                                              : FileFaults {};
            m_fileRuntime[id] = FileFaults::fromJson(f, base);
            m_mediaCount.erase(id); // the counted faults start over
        }
    }
    return true;
}

void Faults::reset()
{
    std::lock_guard lock(m_mutex);
    m_global = m_defaults;
    m_fileRuntime.clear();
    m_mediaCount.clear();
    m_rng.seed(m_seed ^ 0x5eedfa17ULL);
    m_tokens = m_global.quotaBurst > 0 ? m_global.quotaBurst : std::max(1.0, m_global.quotaQps);
    m_lastRefillNs = nowNs();
}

bool Faults::shouldThrottle()
{
    std::lock_guard lock(m_mutex);
    if (m_global.quotaQps <= 0)
        return false;
    const double burst = m_global.quotaBurst > 0 ? m_global.quotaBurst : std::max(1.0, m_global.quotaQps);
    const std::int64_t now = nowNs();
    m_tokens = std::min(burst, m_tokens + double(now - m_lastRefillNs) * 1e-9 * m_global.quotaQps);
    m_lastRefillNs = now;
    if (m_tokens >= 1.0)
    {
        m_tokens -= 1.0;
        return false;
    }
    return true;
}

bool Faults::shouldFail()
{
    std::lock_guard lock(m_mutex);
    if (m_global.errorRate <= 0)
        return false;
    std::uniform_real_distribution<double> dist(0.0, 1.0);
    return dist(m_rng) < m_global.errorRate;
}

bool Faults::takeGroupedListBug()
{
    std::lock_guard lock(m_mutex);
    if (m_global.groupedListEmptyTimes <= 0)
        return false;
    --m_global.groupedListEmptyTimes;
    return true;
}

void Faults::setFileDefaults(const std::string &fileId, const FileFaults &f)
{
    std::lock_guard lock(m_mutex);
    m_fileDefaults[fileId] = f;
}

FileFaults Faults::fileFaults(const std::string &fileId) const
{
    std::lock_guard lock(m_mutex);
    if (auto it = m_fileRuntime.find(fileId); it != m_fileRuntime.end())
        return it->second;
    if (auto it = m_fileDefaults.find(fileId); it != m_fileDefaults.end())
        return it->second;
    return {};
}

Faults::MediaPlan Faults::planMedia(const std::string &fileId)
{
    const FileFaults f = fileFaults(fileId);
    std::lock_guard lock(m_mutex);
    MediaPlan plan;
    plan.resetAfterBytes = m_global.resetAfterBytes;
    plan.stallAfterBytes = m_global.stallAfterBytes;
    plan.stallMs = m_global.stallAfterBytes ? m_global.stallMs : 0;
    const int n = m_mediaCount[fileId]++; // responses served before this one
    if (f.errorTimes > 0 && n < f.errorTimes)
    {
        plan.errorStatus = f.errorStatus;
        return plan;
    }
    const int afterErrors = n - std::max(0, f.errorTimes);
    if (f.resetAfterBytes && afterErrors < f.resetTimes)
        plan.resetAfterBytes = f.resetAfterBytes;
    if (f.stallAfterBytes && afterErrors < f.stallTimes)
    {
        plan.stallAfterBytes = f.stallAfterBytes;
        plan.stallMs = f.stallMs;
    }
    return plan;
}

} // namespace sandbox
