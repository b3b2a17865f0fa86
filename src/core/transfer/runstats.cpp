// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/runstats.h"

#include <algorithm>

namespace Transfer
{
RunStats::RunStats(qint64 windowMs)
    : m_window(windowMs)
{
}

void RunStats::tick(qint64 ms, qint64 bytesDone, const Counters &counters, const Evidence &evidence)
{
    m_window.addSample(ms, bytesDone);
    m_previous = m_current;
    m_previousMs = m_currentMs;
    m_current = counters;
    m_currentMs = ms;
    m_limitedBy = limitedBy(m_previous, m_current, evidence, m_window.bytesPerSecond());
}

void RunStats::fill(Snapshot &s) const
{
    s.rate = m_window.bytesPerSecond();
    s.averageRate = s.elapsedMs > 0 ? double(s.bytesDone) * 1000.0 / double(s.elapsedMs) : 0;
    s.etaSeconds = m_window.etaSeconds(s.bytesTotal - s.bytesDone);
    const qint64 interval = std::max<qint64>(1, m_currentMs - m_previousMs);
    s.requestsTotal = m_current.requests;
    s.throttledTotal = m_current.throttled;
    s.requestsInInterval = int(m_current.requests - m_previous.requests);
    s.requestsPerSecond = double(s.requestsInInterval) * 1000.0 / double(interval);
    s.throttledInInterval = int(m_current.throttled - m_previous.throttled);
    s.limitedBy = m_limitedBy;
}

LimitedBy RunStats::limitedBy(const Counters &previous, const Counters &current, const Evidence &evidence, double rate)
{
    if (evidence.pacerBusy)
        return LimitedBy::DrivePacing;
    if (current.sinkStalls > previous.sinkStalls)
        return evidence.remoteSink ? LimitedBy::Databricks : LimitedBy::Disk;
    // The limiter held reads back since the last tick, or the run is at its cap.
    if (evidence.bandwidthLimit > 0
        && (current.limiterWaits > previous.limiterWaits || rate >= 0.9 * double(evidence.bandwidthLimit)))
        return LimitedBy::BandwidthCap;
    if (evidence.filesActive > 0)
        return LimitedBy::Network;
    return LimitedBy::Nothing;
}

} // namespace Transfer
