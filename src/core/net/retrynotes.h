// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/error.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <optional>

namespace Net
{
/// One request waiting to try again after a failure: what the user is told while nothing else moves.
struct RetryNote
{
    QString server; ///< "127.0.0.1:1", "www.googleapis.com"
    Error error; ///< the failure being retried
    int triesDone = 0; ///< tries made so far, all failed
    int maxTries = 0;
    qint64 retryAtMs = 0; ///< monotonicMs() of the next try
};

/// The retries pending now across every request of a run. Thread-safe: noted where requests run, read by the
/// stats snapshot.
class RetryNotes
{
public:
    /// `owner` (the retrying request) has one note at most: a new one replaces its previous one.
    void note(const void *owner, const RetryNote &note);
    void clear(const void *owner);
    /// The retry noted last that is still pending, and how many others are. A note whose next try is over a
    /// minute past is dropped (its request went away without a word).
    [[nodiscard]] std::optional<RetryNote> latest(qint64 nowMs, int *others = nullptr);

private:
    struct Entry
    {
        RetryNote note;
        quint64 sequence = 0;
    };
    QMutex m_mutex;
    QHash<const void *, Entry> m_entries;
    quint64 m_sequence = 0;
};

} // namespace Net
