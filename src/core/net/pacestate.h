// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Net
{
/// Why the pacer paces as it does now (shown by the dashboard and the CLI beside the pace).
enum class PaceState
{
    Fixed,     ///< at the configured rate, not looking for more (no ceiling above it)
    Idle,      ///< requests come slower than the pace: nothing to learn
    Probing,   ///< Drive has not throttled: raising the pace toward the ceiling
    NearQuota, ///< Drive throttled: just under the rate it allowed, creeping up slowly
    Holding,   ///< Drive asked to wait (Retry-After): nothing is sent until then
    Ceiling,   ///< at the ceiling (--qps-max)
};
[[nodiscard]] QString paceStateText(PaceState state);

} // namespace Net
