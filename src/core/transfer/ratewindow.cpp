// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/ratewindow.h"

#include <algorithm>
#include <cmath>

namespace
{
constexpr qint64 MinimumSpacingMs = 100;
// Below one byte per second nothing is moving; an ETA from it would be years of noise.
constexpr double StalledRate = 1.0;
} // namespace

namespace Transfer
{

RateWindow::RateWindow(qint64 windowMs)
    : m_windowMs(std::max<qint64>(windowMs, 2 * MinimumSpacingMs))
{
}

void RateWindow::addSample(qint64 ms, qint64 totalBytes)
{
    if (!m_samples.isEmpty() && (ms < m_samples.last().ms || totalBytes < m_samples.last().bytes))
    {
        m_samples.clear();
    }
    // Merge into the newest sample when the one before it is very close: keeps ~window/100 ms entries at most.
    if (m_samples.size() >= 2 && ms - m_samples.at(m_samples.size() - 2).ms < MinimumSpacingMs)
    {
        m_samples.last() = {ms, totalBytes};
    }
    else
    {
        m_samples.append({ms, totalBytes});
    }
    // Keep one sample at or before the window's start, so the window always spans its full length.
    const qint64 start = ms - m_windowMs;
    qsizetype drop = 0;
    while (drop + 1 < m_samples.size() && m_samples.at(drop + 1).ms <= start)
    {
        ++drop;
    }
    if (drop > 0)
    {
        m_samples.remove(0, drop);
    }
}

double RateWindow::bytesPerSecond() const
{
    if (m_samples.size() < 2)
    {
        return 0.0;
    }
    const Sample &first = m_samples.first();
    const Sample &last = m_samples.last();
    const qint64 span = last.ms - first.ms;
    if (span < MinimumSpacingMs)
    {
        return 0.0;
    }
    return static_cast<double>(last.bytes - first.bytes) * 1000.0 / static_cast<double>(span);
}

std::optional<qint64> RateWindow::etaSeconds(qint64 remaining) const
{
    if (remaining < 0)
    {
        return std::nullopt;
    }
    if (remaining == 0)
    {
        return 0;
    }
    const double rate = bytesPerSecond();
    if (rate < StalledRate)
    {
        return std::nullopt;
    }
    return static_cast<qint64>(std::ceil(static_cast<double>(remaining) / rate));
}

void RateWindow::clear()
{
    m_samples.clear();
}

ThroughputHistory::Ring::Ring(int capacity, int samplesPerPoint)
    : m_points(static_cast<std::size_t>(capacity))
    , m_samplesPerPoint(samplesPerPoint)
{
}

void ThroughputHistory::Ring::append(const Point &sample)
{
    // A bucket never spans a gap (a pause): close it early when the new sample lies beyond its time span.
    if (m_pendingCount > 0 && sample.ms - m_pendingStartMs >= qint64(m_samplesPerPoint) * 1000)
    {
        push();
    }
    if (m_pendingCount == 0)
    {
        m_pendingStartMs = sample.ms;
    }
    m_pendingRateSum += sample.rate;
    ++m_pendingCount;
    m_pending.ms = sample.ms;
    m_pending.rate = m_pendingRateSum / m_pendingCount;
    m_pending.requests += sample.requests;
    m_pending.throttled = m_pending.throttled || sample.throttled;
    m_pending.samples = m_pendingCount;
    if (m_pendingCount >= m_samplesPerPoint)
    {
        push();
    }
}

void ThroughputHistory::Ring::push()
{
    m_points[static_cast<std::size_t>(m_next)] = m_pending;
    m_next = (m_next + 1) % static_cast<int>(m_points.size());
    m_size = std::min(m_size + 1, static_cast<int>(m_points.size()));
    m_pending = Point();
    m_pendingCount = 0;
    m_pendingRateSum = 0;
    m_pendingStartMs = 0;
}

QList<ThroughputHistory::Point> ThroughputHistory::Ring::points(qint64 sinceMs) const
{
    QList<Point> result;
    result.reserve(m_size + 1);
    const int capacity = static_cast<int>(m_points.size());
    for (int i = 0; i < m_size; ++i)
    {
        const Point &p = m_points[static_cast<std::size_t>((m_next - m_size + i + capacity) % capacity)];
        if (p.ms > sinceMs)
        {
            result.append(p);
        }
    }
    if (m_pendingCount > 0 && m_pending.ms > sinceMs)
    {
        result.append(m_pending);
    }
    return result;
}

void ThroughputHistory::Ring::clear()
{
    std::fill(m_points.begin(), m_points.end(), Point());
    m_next = 0;
    m_size = 0;
    m_pending = Point();
    m_pendingCount = 0;
    m_pendingRateSum = 0;
}

ThroughputHistory::ThroughputHistory()
    : m_rings{Ring(60, 1), Ring(300, 1), Ring(300, 6)}
{
}

void ThroughputHistory::append(qint64 ms, double rate, int requests, bool throttled)
{
    if (!m_empty && ms < m_lastMs)
    {
        clear(); // the clock went backwards: a new run, not a continuation
    }
    const Point sample{ms, std::isfinite(rate) ? std::max(rate, 0.0) : 0.0, std::max(requests, 0), throttled};
    for (Ring &ring : m_rings)
    {
        ring.append(sample);
    }
    m_lastMs = ms;
    m_empty = false;
}

qint64 ThroughputHistory::windowLengthMs(Window w)
{
    switch (w)
    {
    case Window::OneMinute:
        return 60 * 1000;
    case Window::FiveMinutes:
        return 5 * 60 * 1000;
    case Window::ThirtyMinutes:
        return 30 * 60 * 1000;
    }
    return 0;
}

QList<ThroughputHistory::Point> ThroughputHistory::window(Window w) const
{
    if (m_empty)
    {
        return {};
    }
    return m_rings[static_cast<std::size_t>(w)].points(m_lastMs - windowLengthMs(w));
}

double ThroughputHistory::peakRate(Window w) const
{
    double peak = 0;
    for (const Point &p : window(w))
    {
        peak = std::max(peak, p.rate);
    }
    return peak;
}

void ThroughputHistory::clear()
{
    for (Ring &ring : m_rings)
    {
        ring.clear();
    }
    m_lastMs = 0;
    m_empty = true;
}

} // namespace Transfer
