// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/snapshot.h"

namespace Net
{
class Pacer;
struct RequestCounters;
} // namespace Net

namespace Transfer
{
/// What the run waits for now: the Drive pacer's hold for a server's Retry-After first (it stops every
/// request), else the retry noted last. nullopt when nothing waits.
[[nodiscard]] std::optional<Wait> currentWait(const Net::Pacer *drivePacer, Net::RequestCounters &counters);

/// One line for people, the same in the CLI and the GUI:
///   "Drive asked to wait 5 min 00 s (throttled); requests resume in 4 min 12 s"
///   "retrying 127.0.0.1:1: the server refused the connection (try 3 of 8 failed, next in 4 s)"
[[nodiscard]] QString waitText(const Wait &wait);

} // namespace Transfer
