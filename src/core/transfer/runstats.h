// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/ratewindow.h"
#include "transfer/snapshot.h"

#include <QtGlobal>

namespace Transfer
{
/**
 * The run's statistics between two ticks: the current rate on the tested RateWindow (a byte count that goes
 * down, e.g. a file restarted after a checksum mismatch, starts the window over instead of showing a negative
 * rate), the requests and throttled responses of the last interval, and what limits the run. The Engine calls
 * tick() once a second (and once at the end); fill() only reads, so a snapshot can be taken at any time
 * without changing what the next one says.
 */
class RunStats final
{
public:
    /// Cumulative counters of the run, read at a tick.
    struct Counters
    {
        quint64 requests = 0;
        quint64 throttled = 0;
        quint64 sinkStalls = 0;  ///< a sink pushed back
        qint64 limiterWaits = 0; ///< the bandwidth limiter held a read back
    };
    /// What the engine sees at a tick, besides the counters.
    struct Evidence
    {
        bool pacerBusy = false;     ///< Drive requests wait for the pacer
        bool remoteSink = false;    ///< the destination is Databricks (a Volume or DBFS), not a local disk
        qint64 bandwidthLimit = 0;  ///< bytes/s; 0 = none
        int filesActive = 0;
    };

    explicit RunStats(qint64 windowMs = 5000);

    /// A tick at `ms` since the start with `bytesDone` moved by the whole run so far.
    void tick(qint64 ms, qint64 bytesDone, const Counters &counters, const Evidence &evidence);
    /// Rate, average, ETA, request figures and the limiting factor of the last tick into `s` (whose elapsedMs,
    /// bytesDone and bytesTotal are set).
    void fill(Snapshot &s) const;
    [[nodiscard]] double rate() const { return m_window.bytesPerSecond(); }

    /// Why it is not faster, from the strongest evidence down. `previous` and `current` are the counters of
    /// two ticks.
    [[nodiscard]] static LimitedBy limitedBy(const Counters &previous, const Counters &current,
                                             const Evidence &evidence, double rate);

private:
    RateWindow m_window;
    Counters m_previous;
    Counters m_current;
    qint64 m_previousMs = 0;
    qint64 m_currentMs = 0;
    LimitedBy m_limitedBy = LimitedBy::Nothing;
};

} // namespace Transfer
