// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <time.h>

namespace Util
{
/// CPU time so far of `clock` (CLOCK_THREAD_CPUTIME_ID: the calling thread; CLOCK_PROCESS_CPUTIME_ID: the
/// process), in nanoseconds; -1 when the clock cannot be read.
inline qint64 cpuTimeNs(clockid_t clock)
{
    timespec t {};
    return ::clock_gettime(clock, &t) == 0 ? qint64(t.tv_sec) * 1000000000 + t.tv_nsec : -1;
}
} // namespace Util
