// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>
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

    Clock m_clock;
    TokenBucket m_bucket;
    double m_rate;
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
