// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/pacer.h"

#include "net/backoff.h"

#include <QCoreApplication>
#include <QThread>
#include <algorithm>
#include <cmath>

namespace Net
{
// ---- TokenBucket ---------------------------------------------------------------------------------------------

TokenBucket::TokenBucket(double ratePerSec, int burst, qint64 nowMs)
    : m_rate(std::max(ratePerSec, 0.001))
    , m_burst(std::max(burst, 1))
    , m_tokens(m_burst)
    , m_lastMs(nowMs)
{
}

void TokenBucket::refill(qint64 nowMs)
{
    if (nowMs > m_lastMs)
    {
        m_tokens = std::min<double>(m_burst, m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
        m_lastMs = nowMs;
    }
}

qint64 TokenBucket::msUntilToken(qint64 nowMs)
{
    refill(nowMs);
    if (m_tokens >= 1.0)
        return 0;
    return std::max<qint64>(1, qint64(std::ceil((1.0 - m_tokens) * 1000.0 / m_rate)));
}

bool TokenBucket::tryTake(qint64 nowMs)
{
    refill(nowMs);
    // A hair of tolerance: ms rounding must not make a due token wait one more tick.
    if (m_tokens < 1.0 - 1e-9)
        return false;
    m_tokens = std::max(0.0, m_tokens - 1.0);
    return true;
}

void TokenBucket::setRate(double ratePerSec, qint64 nowMs)
{
    refill(nowMs);
    m_rate = std::max(ratePerSec, 0.001);
}

void TokenBucket::setBurst(int burst, qint64 nowMs)
{
    refill(nowMs);
    m_burst = std::max(burst, 1);
    m_tokens = std::min<double>(m_tokens, m_burst);
}

void TokenBucket::drain(qint64 nowMs)
{
    refill(nowMs);
    m_tokens = std::min(m_tokens, 0.0);
}

double TokenBucket::rate() const
{
    return m_rate;
}

int TokenBucket::burst() const
{
    return m_burst;
}

double TokenBucket::tokens(qint64 nowMs)
{
    refill(nowMs);
    return m_tokens;
}

// ---- Pacer ---------------------------------------------------------------------------------------------------

Pacer::Pacer(double ratePerSec, int burst, QObject *parent)
    : QObject(parent)
    , m_clock(&monotonicMs)
    , m_bucket(ratePerSec, burst, monotonicMs())
    , m_rate(std::max(ratePerSec, 0.001))
    , m_effectiveRate(m_rate)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &Pacer::pump);
}

qint64 Pacer::now() const
{
    return m_clock();
}

void Pacer::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_bucket = TokenBucket(m_effectiveRate, m_bucket.burst(), now());
    m_holdUntilMs = 0;
}

void Pacer::acquire(QObject *context, std::function<void()> go)
{
    if (QThread::currentThread() != thread())
    {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [this, guard, go = std::move(go)]() mutable
            {
                if (guard)
                    acquire(guard, std::move(go));
            },
            Qt::QueuedConnection);
        return;
    }
    m_waiters.append(Waiter { QPointer<QObject>(context), std::move(go) });
    pump();
}

void Pacer::pump()
{
    while (!m_waiters.isEmpty())
    {
        if (!m_waiters.first().context)
        {
            m_waiters.removeFirst(); // its requester is gone: it must not hold up the queue
            continue;
        }
        const qint64 t = now();
        if (t < m_holdUntilMs)
        {
            m_timer->start(int(std::min<qint64>(m_holdUntilMs - t, 60'000)));
            return;
        }
        if (!m_bucket.tryTake(t))
        {
            m_lastBoundMs = t;
            m_timer->start(int(std::min<qint64>(m_bucket.msUntilToken(t), 60'000)));
            return;
        }
        Waiter w = m_waiters.takeFirst();
        ++m_granted;
        // Always queued: the caller never sees `go` run inside acquire(), whatever thread it is on.
        QMetaObject::invokeMethod(w.context.data(), std::move(w.go), Qt::QueuedConnection);
    }
    m_timer->stop();
}

void Pacer::onThrottled(std::chrono::milliseconds retryAfter)
{
    if (QThread::currentThread() != thread())
    {
        QMetaObject::invokeMethod(
            this, [this, retryAfter] { onThrottled(retryAfter); }, Qt::QueuedConnection);
        return;
    }
    ++m_throttleEvents;
    const qint64 t = now();
    const std::chrono::milliseconds asked = retryAfter;
    // A server may not stop the whole run for longer than the backoff cap (a hostile one asked for 31 years).
    retryAfter = std::min(retryAfter, MaxServerWait);
    m_lastThrottleMs = std::max(t, t + std::max<qint64>(0, retryAfter.count()));
    // Answers to requests already in flight report the same wall: halve once per wave, not once per answer.
    if (m_granted != m_grantedAtLastThrottle)
    {
        m_grantedAtLastThrottle = m_granted;
        if (adaptive())
        {
            // What the server let through is the best estimate of its quota; the pace itself may have run
            // far ahead of it while probing.
            const double accepted = acceptedLastSecond(t);
            m_wall = accepted >= 5.0 ? std::min(m_effectiveRate, accepted) : m_effectiveRate;
            applyEffectiveRate(std::max(m_minimumRate, m_wall * 0.85));
        }
        else
        {
            applyEffectiveRate(std::max(m_minimumRate, m_effectiveRate / 2.0));
        }
    }
    m_bucket.drain(t);
    if (retryAfter.count() > 0 && t + retryAfter.count() > m_holdUntilMs)
    {
        m_holdUntilMs = t + retryAfter.count();
        m_holdAsked = asked;
    }
    pump();
}

void Pacer::onSuccess()
{
    if (QThread::currentThread() != thread())
    {
        QMetaObject::invokeMethod(
            this, [this] { onSuccess(); }, Qt::QueuedConnection);
        return;
    }
    const qint64 t = now();
    if (adaptive())
    {
        m_successTimes.push_back(t);
        raise(t);
        return;
    }
    if (m_effectiveRate >= m_rate)
        return;
    // Answers to requests sent before the wall was hit say nothing about the new rate: wait a moment.
    if (t < m_lastThrottleMs + RecoveryQuietMs)
        return;
    // Additive increase: about 100 successes from the floor back to the configured rate.
    applyEffectiveRate(std::min(m_rate, m_effectiveRate + m_rate / 100.0));
}

void Pacer::raise(qint64 t)
{
    if (t < m_lastThrottleMs + RecoveryQuietMs || !paceBinds(t) || m_effectiveRate >= m_ceiling)
        return;
    double next = 0;
    if (m_wall <= 0)
    {
        next = m_effectiveRate * 1.05; // probing: +5 % a success
    }
    else
    {
        // Near the wall: +5 % of the wall a second, spread over the successes of that second.
        next = m_effectiveRate + 0.05 * m_wall / std::max(1.0, m_effectiveRate);
        if (next > m_wall * 1.25)
            m_wall = 0; // well past the old wall without a throttle: the quota grew, probe fast again
    }
    applyEffectiveRate(std::min(m_ceiling, next));
}

bool Pacer::paceBinds(qint64 t)
{
    // Requests waited for a token within the last moment, or are waiting now.
    return !m_waiters.isEmpty() || t - m_lastBoundMs <= 250;
}

double Pacer::acceptedLastSecond(qint64 t)
{
    while (!m_successTimes.empty() && m_successTimes.front() <= t - 1000)
        m_successTimes.pop_front();
    return double(m_successTimes.size());
}

void Pacer::setCeiling(double ratePerSec)
{
    m_ceiling = ratePerSec;
    if (!adaptive())
    {
        m_successTimes.clear();
        m_wall = 0;
        if (m_effectiveRate > m_rate)
            applyEffectiveRate(m_rate);
    }
}

PaceState Pacer::state() const
{
    const qint64 t = now();
    if (t < m_holdUntilMs)
        return PaceState::Holding;
    if (!adaptive())
        return PaceState::Fixed;
    if (m_effectiveRate >= m_ceiling)
        return PaceState::Ceiling;
    if (m_wall > 0)
        return PaceState::NearQuota;
    return m_waiters.isEmpty() && t - m_lastBoundMs > 1000 ? PaceState::Idle : PaceState::Probing;
}

QString paceStateText(PaceState state)
{
    switch (state)
    {
    case PaceState::Fixed:
        return QCoreApplication::translate("Net", "fixed pace");
    case PaceState::Idle:
        return QCoreApplication::translate("Net", "requests come slower than the pace");
    case PaceState::Probing:
        return QCoreApplication::translate("Net", "raising the pace: Drive has not throttled");
    case PaceState::NearQuota:
        return QCoreApplication::translate("Net", "just under Drive's quota");
    case PaceState::Holding:
        return QCoreApplication::translate("Net", "Drive asked to wait");
    case PaceState::Ceiling:
        return QCoreApplication::translate("Net", "at the ceiling (--qps-max)");
    }
    return {};
}

void Pacer::applyEffectiveRate(double rate)
{
    if (rate == m_effectiveRate)
        return;
    m_effectiveRate = rate;
    m_bucket.setRate(rate, now());
    emit effectiveRateChanged(rate);
}

void Pacer::setRate(double ratePerSec)
{
    m_rate = std::max(ratePerSec, 0.001);
    m_minimumRate = std::min(m_minimumRate, m_rate);
    applyEffectiveRate(m_rate);
    pump();
}

void Pacer::setBurst(int burst)
{
    m_bucket.setBurst(burst, now());
}

double Pacer::rate() const
{
    return m_rate;
}

double Pacer::effectiveRate() const
{
    return m_effectiveRate;
}

int Pacer::burst() const
{
    return m_bucket.burst();
}

void Pacer::setMinimumRate(double ratePerSec)
{
    m_minimumRate = std::max(0.001, ratePerSec);
}

qint64 Pacer::granted() const
{
    return m_granted;
}

qint64 Pacer::throttleEvents() const
{
    return m_throttleEvents;
}

int Pacer::waiting() const
{
    return int(m_waiters.size());
}

bool Pacer::isHolding() const
{
    return now() < m_holdUntilMs;
}

qint64 Pacer::holdRemainingMs() const
{
    return std::max<qint64>(0, m_holdUntilMs - now());
}

std::chrono::milliseconds Pacer::holdAsked() const
{
    return isHolding() ? m_holdAsked : std::chrono::milliseconds(-1);
}

} // namespace Net
