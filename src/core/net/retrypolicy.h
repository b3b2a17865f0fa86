// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/backoff.h"
#include "net/error.h"

#include <QByteArray>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>

class QObject;

namespace Net
{
class Pacer;
class TokenProvider;
struct RequestCounters;

/// What one logical request (an API call, one file's body, one upload) does after a failed attempt.
enum class Reaction
{
    Retry,        ///< try again after Decision::delay
    RefreshToken, ///< refresh the bearer once (refreshToken() below), then try again at once
    Park,         ///< the file waits for a later run (Quota)
    Fail,         ///< this request (file) fails; the run goes on
    StopRun,      ///< the destination itself is unusable (Local)
    Cancel,       ///< aborted by the user or the engine
};

struct Decision
{
    Reaction reaction = Reaction::Fail;
    std::chrono::milliseconds delay {0}; ///< the pause before the next try (Retry only)

    friend bool operator==(const Decision &, const Decision &) = default;
};

/// The ONE reaction to an error class of DESIGN.md "Errors and retries", shared by Net::ApiCall, the body
/// download job and the Databricks sinks. One instance per logical request (or per file: one budget):
///
///   Transient ──────────────────────────▶ Retry after the backoff's pause, until tries or the retry timeout
///   Throttled ── slow the shared pacer ──▶   run out ──▶ Fail
///   Auth ── first time, a token exists ──▶ RefreshToken;   again ──▶ Fail
///   Quota ───────────────────────────────▶ Park
///   Permanent ───────────────────────────▶ Fail
///   Local ───────────────────────────────▶ StopRun
///   Cancelled ───────────────────────────▶ Cancel
///
/// decide() has the side effects every caller used to repeat: it counts throttles and retries in the shared
/// RequestCounters and tells the pacer about a throttle (refreshToken() counts the refreshes it really asks for).
/// A Fail decision for a Transient or Throttled error (Backoff::isRetryable()) means the tries or the retry
/// timeout ran out.
class RetryPolicy
{
public:
    explicit RetryPolicy(BackoffPolicy backoff = {});
    RetryPolicy(BackoffPolicy backoff, quint32 seed); ///< deterministic jitter, for tests

    void setPacer(Pacer *pacer);                  ///< Throttled slows it (Pacer::onThrottled)
    void setCounters(RequestCounters *counters);  ///< throttled / retries
    void setCanRefreshToken(bool canRefresh);     ///< false: Auth fails at once (no token provider)

    /// After a failed attempt: what to do next. Uses up a try (Retry) or the one refresh (RefreshToken).
    [[nodiscard]] Decision decide(const Error &error);

    [[nodiscard]] int retries() const;            ///< Retry decisions so far
    [[nodiscard]] bool refreshedToken() const;    ///< the one RefreshToken was given
    [[nodiscard]] const BackoffPolicy &backoffPolicy() const;
    /// Forget the tries used (not the refresh): a fresh start of the same request, e.g. after progress.
    void resetTries();

private:
    Backoff m_backoff;
    QPointer<Pacer> m_pacer;
    RequestCounters *m_counters = nullptr;
    int m_retries = 0;
    bool m_canRefresh = true;
    bool m_refreshed = false;
};

/// Refreshes `tokens` for a request that was refused with `bearerUsed`, then calls `done(ok, reason)` once, on
/// `context`'s thread (never synchronously). When another request already refreshed the token meanwhile (the
/// provider's token differs from `bearerUsed`), `done(true, {})` follows without a new refresh. Coalesced:
/// while one refresh of `tokens` is under way, later callers wait for its answer instead of asking again
/// (many requests refused at once → one refresh). `counters->authRefreshes` counts the refreshes asked for.
/// Without a provider, `done(false, …)`. Nothing is called when `context` is destroyed first. `tokens` and
/// `context` live on the same thread.
void refreshToken(TokenProvider *tokens, const QByteArray &bearerUsed, QObject *context,
    std::function<void(bool ok, const QString &reason)> done, RequestCounters *counters = nullptr);

} // namespace Net
