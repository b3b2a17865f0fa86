// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/streamplanner.h"

#include <algorithm>
#include <cmath>

namespace Transfer
{

StreamPlanner::StreamPlanner(int forced, int cores)
    : m_cores(cores)
{
    if (forced > 0)
    {
        m_streams = std::min(forced, MaxStreams);
        m_adaptive = false;
        m_settled = true;
    }
}

qint64 StreamPlanner::windowMs() const
{
    return std::clamp<qint64>(m_firstByteMs, MinWindowMs, MaxWindowMs);
}

void StreamPlanner::restartWindow()
{
    m_windowStartMs = -1;
    m_changedMs = -1;
}

bool StreamPlanner::sample(qint64 ms, qint64 bytes, int moving, Cpu cpu)
{
    if (m_startMs < 0)
        m_startMs = ms;
    if (m_firstByteMs < 0)
    {
        if (bytes <= 0)
            return false;
        m_firstByteMs = ms - m_startMs;
    }
    if (m_windowStartMs < 0)
    {
        // Streams just added move nothing before their first byte: the window opens once they do.
        const qint64 since = ms - m_changedMs;
        const qint64 firstBytes = moving >= 0 ? 3 * m_firstByteMs : m_firstByteMs;
        if (m_changedMs >= 0 && since < std::min(firstBytes, MaxWindowMs) + 10 && (moving < 0 || moving < m_streams))
            return false;
        m_windowStartMs = ms;
        m_windowStartBytes = bytes;
        m_windowStartCpu = cpu;
        return false;
    }
    if (ms - m_windowStartMs < windowMs())
        return false;
    const double span = double(ms - m_windowStartMs);
    const double rate = double(bytes - m_windowStartBytes) * 1000.0 / span;
    const auto share = [span](qint64 from, qint64 to) { return from >= 0 && to >= from ? double(to - from) / span : -1.0; };
    m_threadShare = share(m_windowStartCpu.threadMs, cpu.threadMs);
    m_hashShare = share(m_windowStartCpu.hashMs, cpu.hashMs);
    m_processShare = share(m_windowStartCpu.processMs, cpu.processMs);
    m_rate = rate;
    m_rateStreams = m_streams;
    m_windowStartMs = ms; // the next window (the rate stays current after the planner settled)
    m_windowStartBytes = bytes;
    m_windowStartCpu = cpu;
    if (m_settled)
        return false;
    const int before = m_streams;
    decide(rate);
    if (m_streams != before)
    {
        m_changedMs = ms;
        m_windowStartMs = -1;
        return true;
    }
    return false;
}

void StreamPlanner::decide(double rate)
{
    if (m_previousStreams == 0)
    {
        // The first step goes as far as the CPU leaves room for: every window spent at fewer streams on a link
        // that needs 16 is lost (1 -> 4 -> 16 cost 0.1 s of a 1.2 s slow-link run against 16 from the start);
        // the next window says how many the link really takes.
        m_previousStreams = m_streams;
        m_previousRate = rate;
        change(MaxStreams);
        return;
    }
    // A window that says "no gain" or "less than the streams' worth" once may be a hiccup (a busy CPU, a slow
    // disk flush): one more window at this count, and the better of the two.
    const double best = std::max(rate, m_doubtedRate);
    const double gain = m_previousRate > 0 ? best / m_previousRate : 0;
    // The share of a stream's rate each added stream brought: near 1 while the per-connection rate limits.
    const double perStream = m_previousRate / m_previousStreams;
    const double added = double(m_streams - m_previousStreams);
    const double efficiency = perStream > 0 && added > 0 ? (best - m_previousRate) / (perStream * added) : 0;
    if ((gain < MinGain || efficiency < MinEfficiency) && m_doubtedRate < 0)
    {
        m_doubtedRate = rate;
        return;
    }
    m_doubtedRate = -1;
    if (gain < MinGain)
    {
        // The last addition did not raise the rate: something else limits the file. Back to what it had.
        m_streams = m_previousStreams;
        m_settled = true;
        return;
    }
    if (efficiency < MinEfficiency)
    {
        // Something else caps the file's total (the link, the disk): keep the streams that total needs, with a
        // quarter to spare, not all that were tried.
        const int needed = int(std::ceil(1.25 * best / perStream));
        m_streams = std::clamp(needed, m_previousStreams + 1, m_streams);
        m_settled = true;
        return;
    }
    m_previousStreams = m_streams;
    m_previousRate = best;
    change(m_streams * 4);
}

int StreamPlanner::cpuRoom() const
{
    // k times the rate needs k times the CPU: the byte thread and the hash within one core each, the process
    // within the machine.
    double room = MaxStreams;
    if (m_rateStreams > 0 && m_threadShare > 0)
        room = std::min(room, m_rateStreams / m_threadShare);
    if (m_rateStreams > 0 && m_hashShare > 0)
        room = std::min(room, m_rateStreams / m_hashShare);
    if (m_rateStreams > 0 && m_processShare > 0 && m_cores > 0)
        room = std::min(room, m_rateStreams * double(m_cores) / m_processShare);
    return int(room);
}

void StreamPlanner::change(int streams)
{
    const int wanted = std::min(streams, MaxStreams);
    m_streams = std::max(m_previousStreams, std::min(wanted, cpuRoom()));
    m_cpuBound = m_streams < wanted;
    if (m_streams == m_previousStreams)
        m_settled = true; // already at MaxStreams, or no room for another stream
}

} // namespace Transfer
