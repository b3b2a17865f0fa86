// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/error.h"

#include <QRandomGenerator>
#include <chrono>
#include <optional>

namespace Net
{
/// DESIGN.md "Defaults": 1, 2, 4, 8, 16, 32 s + up to 1 s jitter; 8 tries; Retry-After wins.
struct BackoffPolicy
{
    std::chrono::milliseconds initial { 1000 };
    std::chrono::milliseconds max { 32000 };
    std::chrono::milliseconds jitter { 1000 };
    int maxTries = 8; ///< tries in all, the first one included
    /// A server may ask for a very long pause; beyond this we retry anyway (the next answer says more).
    std::chrono::milliseconds retryAfterCap { std::chrono::minutes(5) };
};

/// Truncated exponential backoff with jitter for ONE logical request. Only Transient and Throttled errors are
/// retried here; the single Auth retry after a token refresh is the caller's business.
class Backoff
{
public:
    explicit Backoff(BackoffPolicy policy = {});
    Backoff(BackoffPolicy policy, quint32 seed);

    /// Call after a failed try. The pause before the next try, or nullopt when `error` is not retryable or
    /// the tries are used up.
    [[nodiscard]] std::optional<std::chrono::milliseconds> nextDelay(const Error &error);
    /// Retries granted so far.
    [[nodiscard]] int attempts() const;
    [[nodiscard]] const BackoffPolicy &policy() const;
    void reset();

    [[nodiscard]] static bool isRetryable(const Error &error);

private:
    BackoffPolicy m_policy;
    QRandomGenerator m_random;
    int m_attempts = 0;
};

} // namespace Net
