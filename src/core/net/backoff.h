// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/error.h"

#include <QRandomGenerator>
#include <chrono>
#include <optional>

namespace Net
{
/// The longest any server may make us wait (Retry-After, the shared pacer's hold): DESIGN.md "Defaults", the
/// backoff cap. A server asking for more is asked again after this; the next answer says more.
inline constexpr std::chrono::milliseconds MaxServerWait = std::chrono::minutes(5);
/// How long one request may spend waiting to retry by default: two of the longest server waits. The tries (8)
/// end it much sooner for an unreachable server (~95 s of pauses); users shorten it with --retry-timeout.
inline constexpr std::chrono::milliseconds DefaultRetryTimeout = 2 * MaxServerWait;

/// Milliseconds on a monotonic clock shared by the pacer, backoff and retry notes.
[[nodiscard]] qint64 monotonicMs();

/// DESIGN.md "Defaults": 1, 2, 4, 8, 16, 32 s + up to 1 s jitter; 8 tries; Retry-After wins.
struct BackoffPolicy
{
    std::chrono::milliseconds initial { 1000 };
    std::chrono::milliseconds max { 32000 };
    std::chrono::milliseconds jitter { 1000 };
    int maxTries = 8; ///< tries in all, the first one included
    /// A server may ask for a very long pause; beyond this we retry anyway (the next answer says more).
    std::chrono::milliseconds retryAfterCap { MaxServerWait };
    /// The pauses of one request add up to this at most, whatever tries are left: the last one is cut to fit,
    /// then the request gives up. Pauses, not wall time, so a long download with a rare error keeps its
    /// budget. 0: no retries at all.
    std::chrono::milliseconds retryTimeout { DefaultRetryTimeout };
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
    std::chrono::milliseconds m_waited { 0 };
    int m_attempts = 0;
};

} // namespace Net
