// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/bandwidthlimiter.h"

#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <cmath>

namespace Net
{
namespace
{
constexpr qint64 TickMs = 20; ///< how often waiting transfers are woken while the budget refills
constexpr qint64 MinimumBurst = 64 * 1024; ///< below one read chunk every wake-up would be a partial read

qint64 monotonicMs()
{
    static QElapsedTimer timer = []
    {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}
} // namespace

BandwidthLimiter::BandwidthLimiter(qint64 bytesPerSecond, QObject *parent)
    : QObject(parent)
    , m_clock(&monotonicMs)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &BandwidthLimiter::onTimer);
    m_lastMs = m_clock();
    setLimit(bytesPerSecond);
}

void BandwidthLimiter::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_lastMs = m_clock();
}

qint64 BandwidthLimiter::capacity() const
{
    // A tenth of a second of budget: smooth enough for the rate window, large enough for whole reads.
    return std::max<qint64>(MinimumBurst, m_limit / 10);
}

void BandwidthLimiter::setLimit(qint64 bytesPerSecond)
{
    refill();
    const bool wasUnlimited = m_limit == 0;
    m_limit = std::max<qint64>(0, bytesPerSecond);
    // A fresh cap starts with a full burst; a changed one keeps what is saved up, within the new burst.
    m_budget = wasUnlimited ? double(capacity()) : std::min<double>(m_budget, double(capacity()));
    if (m_limit == 0 || m_budget > 0)
    {
        if (m_someoneWaits)
        {
            m_someoneWaits = false;
            emit budgetAvailable();
        }
    }
}

qint64 BandwidthLimiter::limit() const
{
    return m_limit;
}

bool BandwidthLimiter::isUnlimited() const
{
    return m_limit == 0;
}

qint64 BandwidthLimiter::waits() const
{
    return m_waits;
}

void BandwidthLimiter::refill()
{
    const qint64 now = m_clock();
    if (now > m_lastMs && m_limit > 0)
        m_budget = std::min<double>(double(capacity()), m_budget + double(now - m_lastMs) * double(m_limit) / 1000.0);
    m_lastMs = std::max(m_lastMs, now);
}

qint64 BandwidthLimiter::allowance(qint64 wanted)
{
    if (wanted <= 0)
        return 0;
    if (m_limit == 0)
        return wanted;
    refill();
    const qint64 granted = std::min<qint64>(wanted, qint64(std::floor(m_budget)));
    if (granted <= 0)
    {
        ++m_waits;
        m_someoneWaits = true;
        if (!m_timer->isActive())
            m_timer->start(int(TickMs));
        return 0;
    }
    m_budget -= double(granted);
    return granted;
}

void BandwidthLimiter::giveBack(qint64 bytes)
{
    if (bytes <= 0 || m_limit == 0)
        return;
    m_budget = std::min<double>(double(capacity()), m_budget + double(bytes));
}

void BandwidthLimiter::onTimer()
{
    refill();
    if (!m_someoneWaits)
        return;
    if (m_limit == 0 || m_budget >= 1.0)
    {
        m_someoneWaits = false;
        emit budgetAvailable();
        return;
    }
    m_timer->start(int(TickMs));
}

} // namespace Net
