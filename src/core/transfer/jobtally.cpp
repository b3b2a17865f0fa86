// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/jobtally.h"

#include "transfer/snapshot.h"

namespace Transfer
{
JobTally JobTally::of(const QMap<QString, qint64> &filesByState)
{
    JobTally tally;
    for (auto it = filesByState.cbegin(); it != filesByState.cend(); ++it)
    {
        const auto is = [&it](FileState state) { return it.key() == fileStateName(state); };
        if (is(FileState::Done))
            tally.done += it.value();
        else if (is(FileState::Skipped))
            tally.skipped += it.value();
        else if (is(FileState::Failed) || is(FileState::Parked))
            tally.failed += it.value();
        else
            tally.pending += it.value();
    }
    return tally;
}
} // namespace Transfer
