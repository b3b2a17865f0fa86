// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internals of Content shared by content.cpp (items, bytes, hashes, exports) and content_load.cpp (the demo
// tree, manifests and --root folders) and content_mutate.cpp (mutations, change logs). Not part of the sandbox's interface.

#include "content.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>

namespace sandbox::content_detail
{

constexpr std::uint64_t KiB = 1024;
constexpr std::uint64_t MiB = 1024 * KiB;

inline std::string guessMime(const std::string &name)
{
    static const std::map<std::string, std::string> byExt = {
        { "txt", "text/plain" },
        { "csv", "text/csv" },
        { "json", "application/json" },
        { "pdf", "application/pdf" },
        { "png", "image/png" },
        { "jpg", "image/jpeg" },
        { "jpeg", "image/jpeg" },
        { "zip", "application/zip" },
        { "gz", "application/gzip" },
        { "parquet", "application/vnd.apache.parquet" },
        { "html", "text/html" },
        { "md", "text/markdown" },
    };
    const auto dot = name.rfind('.');
    if (dot != std::string::npos)
    {
        std::string ext = name.substr(dot + 1);
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (auto it = byExt.find(ext); it != byExt.end())
            return it->second;
    }
    return "application/octet-stream";
}

inline bool isGoogleMime(const std::string &m)
{
    return m.rfind("application/vnd.google-apps.", 0) == 0 && m != kFolderMime && m != kShortcutMime;
}

inline std::uint64_t mix64(std::uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

inline std::uint64_t hashString(std::uint64_t seed, const std::string &s)
{
    // FNV-1a, then mixed with the seed: stable across platforms and runs.
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s)
    {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return mix64(h ^ mix64(seed));
}

inline std::string rfc3339(std::uint64_t secondsSince2024, unsigned ms)
{
    // 2024-01-01T00:00:00Z = 1704067200
    const std::time_t t = std::time_t(1704067200 + secondsSince2024);
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03uZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
        tm.tm_hour, tm.tm_min, tm.tm_sec, ms % 1000);
    return buf;
}

} // namespace sandbox::content_detail
