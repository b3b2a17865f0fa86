// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>

namespace Transfer
{
/// A job's files as the journal counts them by state name (Journal::Store::countsByState), in the four groups the
/// CLI's `jobs` and the app's History both show: done, skipped (nothing more to do either), failed (failed, or
/// parked to retry later) and pending (everything else: queued, in flight, paused, cancelled, a name unknown here).
struct JobTally
{
    qint64 done = 0;
    qint64 skipped = 0;
    qint64 failed = 0;
    qint64 pending = 0;

    [[nodiscard]] static JobTally of(const QMap<QString, qint64> &filesByState);
    /// What a resume would still work on.
    [[nodiscard]] qint64 notDone() const { return failed + pending; }
    /// Nothing more to do for these.
    [[nodiscard]] qint64 settled() const { return done + skipped; }
};
} // namespace Transfer
