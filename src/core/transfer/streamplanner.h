// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/snapshot.h"

#include <QtGlobal>

namespace Transfer
{
/// CPU time used so far (ms, any monotonic counters): by the thread that takes every byte of the file, by the
/// file's hash (HashLine, on a thread of its own) and by the whole process; -1: not known.
struct PlannerCpu
{
    qint64 threadMs = -1;
    qint64 processMs = -1;
    qint64 hashMs = -1;
};

/**
 * How many ranged streams one large file should have now (issue 14: streams only where they help). Pure: it
 * sees only the file's byte count over time, so tests drive it with simulated rates.
 *
 * Forced (`--streams N`): N streams, never changed. Adaptive (the default): the file starts with one stream;
 * after a measurement window the planner goes to as many streams as the CPU leaves room for (MaxStreams, 16 as
 * aria2's -x16, at most) in one step, and the next window says how many the link takes: each added stream brought
 * at least MinEfficiency of a stream's rate (the per-connection rate limits: they stay, ×4 more where room is
 * left); less, yet a gain of MinGain (the link's total or the disk limits: the count that total needs, with a
 * quarter to spare); no gain (back to one). A window showing no gain or too little is measured once more before
 * that (a hiccup is not a verdict).
 *
 * The CPU can be what limits (issue 14: on a fast link one stream already keeps the engine busy): every byte of the
 * file passes two serial paths (the thread that reads and writes it, and its hash on another), so k times the rate
 * needs k times each one's CPU share and k times the process's, which must fit in one core each and in the
 * machine's cores. The planner adds no more
 * streams than the last window's shares leave room for (cpuRoom()), and settles where no stream fits. Without CPU
 * figures (Cpu{}) this rule is off.
 *
 * A window starts once the streams just added move bytes (a new request waits for its latency before it moves
 * a byte; three first-byte times at most, as streams that end a chunk and start the next keep the moving count
 * below the planned one, and MaxWindowMs at most) and lasts the first stream's time to first byte, within
 * [MinWindowMs, MaxWindowMs].
 */
class StreamPlanner
{
public:
    static constexpr int MaxStreams = RunOptions::MaxStreams;
    static constexpr qint64 MinWindowMs = 40;
    static constexpr qint64 MaxWindowMs = 1000; ///< a slow first answer (a queue, a pacer wait) waits no longer
    static constexpr double MinGain = 1.15; ///< an addition that raised the rate by less did not help
    /// Each added stream brought at least this share of a stream's rate: the per-connection rate still limits.
    static constexpr double MinEfficiency = 0.75;

    using Cpu = PlannerCpu;

    /// forced > 0: that many streams (at most MaxStreams); 0 or less: adaptive, starting at one. `cores`: the
    /// machine's (0: the process's share is not weighed).
    explicit StreamPlanner(int forced = 0, int cores = 0);

    /// The file's bytes so far at `ms` (any monotonic clock), and how many streams have brought their first
    /// byte (-1: not known; then a stream counts as moving one first-byte time after it was added). True when
    /// streams() changed.
    bool sample(qint64 ms, qint64 bytes, int moving = -1, Cpu cpu = {});
    /// Starts the current window again (after a pause: the time without bytes says nothing about the link).
    void restartWindow();

    [[nodiscard]] int streams() const { return m_streams; }
    [[nodiscard]] bool adaptive() const { return m_adaptive; }
    /// No more changes: forced, at MaxStreams, or the last addition did not help.
    [[nodiscard]] bool settled() const { return m_settled; }
    /// The file's rate (bytes/s) over the last complete window; 0 before the first.
    [[nodiscard]] double rate() const { return m_rate; }
    /// One stream's share of rate(): divided by the count that window measured (not streams(), which may have
    /// grown since: its new streams are not in rate() yet).
    [[nodiscard]] double ratePerStream() const { return m_rateStreams > 0 ? m_rate / m_rateStreams : 0; }
    /// Share of a core the byte thread / the hash / the process used over the last complete window; -1: not known.
    [[nodiscard]] double threadShare() const { return m_threadShare; }
    [[nodiscard]] double hashShare() const { return m_hashShare; }
    [[nodiscard]] double processShare() const { return m_processShare; }
    /// The most streams the CPU can feed, from the last window's shares (MaxStreams when not known).
    [[nodiscard]] int cpuRoom() const;
    /// Settled because the CPU had no room for another stream.
    [[nodiscard]] bool cpuBound() const { return m_cpuBound; }
    /// Time from the first sample to the first byte (ms); -1 before it.
    [[nodiscard]] qint64 firstByteMs() const { return m_firstByteMs; }

private:
    [[nodiscard]] qint64 windowMs() const;
    void decide(double rate);
    void change(int streams);

    int m_streams = 1;
    int m_cores = 0;
    bool m_adaptive = true;
    bool m_settled = false;
    bool m_cpuBound = false;
    double m_threadShare = -1;
    double m_hashShare = -1;
    double m_processShare = -1;
    Cpu m_windowStartCpu;
    int m_previousStreams = 0; ///< the count before the last addition; 0: none yet
    double m_previousRate = 0; ///< the rate measured at m_previousStreams
    double m_doubtedRate = -1; ///< a first window at this count that showed no gain; -1: none
    double m_rate = 0;
    int m_rateStreams = 0; ///< the count m_rate was measured at
    qint64 m_startMs = -1;     ///< the first sample
    qint64 m_firstByteMs = -1;
    qint64 m_changedMs = -1;   ///< when streams() last changed (the next window starts after a first byte time)
    qint64 m_windowStartMs = -1; ///< -1: no window open
    qint64 m_windowStartBytes = 0;
};

} // namespace Transfer
