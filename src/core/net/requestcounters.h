// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/retrynotes.h"

#include <QtGlobal>
#include <atomic>

namespace Net
{
/// Request statistics of a run, shared by every ApiCall (and the engine's media requests). Plain atomics:
/// written on the engine thread, read by the stats snapshot whenever it likes.
struct RequestCounters
{
    std::atomic<qint64> requests { 0 }; ///< HTTP requests sent (each retry counts)
    std::atomic<qint64> throttled { 0 }; ///< answers classified Throttled (429, 403 rate limits…)
    std::atomic<qint64> retries { 0 }; ///< retries scheduled after Transient/Throttled answers
    std::atomic<qint64> authRefreshes { 0 }; ///< token refreshes asked for after an Auth answer
    std::atomic<qint64> failures { 0 }; ///< logical calls that finished with an error
    RetryNotes waiting; ///< requests waiting to retry now, and why (for the user)
};

} // namespace Net
