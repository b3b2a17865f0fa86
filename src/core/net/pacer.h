// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/pacestate.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <deque>
#include <functional>
#include <limits>

namespace Net
{
/// A pure token bucket on an injected millisecond clock: `burst` tokens at most, refilled at `rate` per second.
class TokenBucket
{
public:
    TokenBucket(double ratePerSec, int burst, qint64 nowMs);

    /// 0 when a token is available now, else the wait in ms until one is (never negative).
    [[nodiscard]] qint64 msUntilToken(qint64 nowMs);
    [[nodiscard]] bool tryTake(qint64 nowMs);
    void setRate(double ratePerSec, qint64 nowMs);
    void setBurst(int burst, qint64 nowMs);
    /// Throws away saved-up tokens, so the next grants follow the rate, not the burst.
    void drain(qint64 nowMs);
    [[nodiscard]] double rate() const;
    [[nodiscard]] int burst() const;
    [[nodiscard]] double tokens(qint64 nowMs);

private:
    void refill(qint64 nowMs);

    double m_rate;
    int m_burst;
    double m_tokens;
    qint64 m_lastMs;
};

/// The one request pacer of a run, shared by every Drive request (metadata and media). Requests wait their
/// turn in FIFO order; nothing ever blocks: `go` is called later, queued on the thread of `context`.
/// When the server throttles, the effective rate is halved (once per wave of throttled answers) and all
/// grants are held until Retry-After has passed; successes bring the rate back gradually (AIMD).
///
/// With a ceiling above the configured rate (setCeiling(), `--qps-max`) the pacer finds the server's quota
/// itself, as TCP finds a link's capacity (issue 14): while requests wait for tokens and nothing is
/// throttled it raises the rate fast (each success adds 5 %: from 10/s to 150/s in about two seconds); a
/// throttled wave cuts it to 85 % of what the server accepted over the last second (multiplicative decrease),
/// and from there it creeps up by 5 % of that wall per second (additive increase), so it spends its time
/// just under the quota and is throttled once every few seconds. When requests come slower than the pace
/// (Idle) nothing moves: an unused pace says nothing about the quota.
/// Against a known server quota, pace a little under its rate AND with a smaller burst: the server's bucket
/// only starts draining when the first request arrives, so equal bursts let the client lead by that delay
/// (measured: 19/s burst 20 vs a 20/s burst 20 quota hit one 429 in about one run of three; burst 10, none).
class Pacer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Pacer)

public:
    using Clock = std::function<qint64()>;

    Pacer(double ratePerSec, int burst, QObject *parent = nullptr);

    /// Queues one request. `go` runs on `context`'s thread once a token is granted; dropped if `context` dies
    /// first. May be called from any thread.
    void acquire(QObject *context, std::function<void()> go);
    /// The server said "slow down". `retryAfter` < 0 means the server gave no Retry-After; a longer one than
    /// MaxServerWait (backoff.h) holds the grants for MaxServerWait only.
    void onThrottled(std::chrono::milliseconds retryAfter);
    /// A paced request succeeded: creep back toward the configured rate.
    void onSuccess();

    void setRate(double ratePerSec);
    void setBurst(int burst);
    /// The most the pacer may raise the rate to while looking for the quota; at or below rate(): the rate is
    /// fixed (the default). Google's documented per-user quota is 12,000 requests a minute (200/s).
    void setCeiling(double ratePerSec);
    [[nodiscard]] double ceiling() const { return m_ceiling; }
    [[nodiscard]] PaceState state() const;
    [[nodiscard]] double rate() const; ///< configured
    [[nodiscard]] double effectiveRate() const; ///< after throttling
    [[nodiscard]] int burst() const;
    /// The lowest rate throttling may push to (default 0.5 req/s).
    void setMinimumRate(double ratePerSec);

    [[nodiscard]] qint64 granted() const;
    [[nodiscard]] qint64 throttleEvents() const;
    [[nodiscard]] int waiting() const; ///< requests queued now
    /// True while grants are held for a Retry-After.
    [[nodiscard]] bool isHolding() const;
    /// While holding: ms until grants resume, else 0.
    [[nodiscard]] qint64 holdRemainingMs() const;
    /// The Retry-After of the hold now running, as the server asked it (it may exceed the hold); -1 if none.
    [[nodiscard]] std::chrono::milliseconds holdAsked() const;

    /// Tests: replace the clock (ms, monotonic) and drive grants by hand with pump().
    void setClock(Clock clock);
    /// Grants whatever may be granted at the clock's now and arms the timer for the next one.
    void pump();

signals:
    /// The effective rate changed (throttling or recovery).
    void effectiveRateChanged(double ratePerSec);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void()> go;
    };

    [[nodiscard]] qint64 now() const;
    void applyEffectiveRate(double rate);

    [[nodiscard]] bool adaptive() const { return m_ceiling > m_rate; }
    [[nodiscard]] bool paceBinds(qint64 t);
    [[nodiscard]] double acceptedLastSecond(qint64 t);
    void raise(qint64 t);

    Clock m_clock;
    TokenBucket m_bucket;
    double m_rate;
    double m_ceiling = 0;
    double m_wall = 0; ///< the rate the server last throttled at (what it accepted); 0 = not yet known
    std::deque<qint64> m_successTimes; ///< the last second's successes (adaptive only)
    qint64 m_lastBoundMs = std::numeric_limits<qint64>::min() / 2; ///< when a request last waited for a token
    double m_effectiveRate;
    double m_minimumRate = 0.5;
    static constexpr qint64 RecoveryQuietMs = 1000;
    qint64 m_holdUntilMs = 0;
    std::chrono::milliseconds m_holdAsked { -1 };
    qint64 m_lastThrottleMs = std::numeric_limits<qint64>::min() / 2;
    qint64 m_granted = 0;
    qint64 m_grantedAtLastThrottle = -1;
    qint64 m_throttleEvents = 0;
    QList<Waiter> m_waiters;
    QTimer *m_timer; ///< a child, so it follows moveToThread()
};

} // namespace Net
