// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internals of Content shared by content.cpp (items, bytes, hashes, exports) and content_load.cpp (the demo
// tree, manifests and --root folders). Not part of the sandbox's interface.

#include <cstdint>
#include <string>

namespace sandbox::content_detail
{

constexpr std::uint64_t KiB = 1024;
constexpr std::uint64_t MiB = 1024 * KiB;

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

} // namespace sandbox::content_detail
