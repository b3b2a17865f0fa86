// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/retrynotes.h"

namespace Net
{
namespace
{
constexpr qint64 StaleAfterMs = 60'000;
}

void RetryNotes::note(const void *owner, const RetryNote &note)
{
    const QMutexLocker lock(&m_mutex);
    m_entries.insert(owner, Entry { note, ++m_sequence });
}

void RetryNotes::clear(const void *owner)
{
    const QMutexLocker lock(&m_mutex);
    m_entries.remove(owner);
}

std::optional<RetryNote> RetryNotes::latest(qint64 nowMs, int *others)
{
    const QMutexLocker lock(&m_mutex);
    m_entries.removeIf([nowMs](const auto &it) { return it.value().note.retryAtMs < nowMs - StaleAfterMs; });
    if (others)
        *others = std::max(0, int(m_entries.size()) - 1);
    const Entry *newest = nullptr;
    for (const Entry &entry : std::as_const(m_entries))
    {
        if (!newest || entry.sequence > newest->sequence)
            newest = &entry;
    }
    if (!newest)
        return std::nullopt;
    return newest->note;
}

} // namespace Net
