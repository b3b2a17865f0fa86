// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuerows.h"

#include "transfer/snapshot.h"

#include <algorithm>

QueueGroup queueGroupOf(int state)
{
    if (state < 0)
        return QueueGroup::Queued;
    switch (Transfer::FileState(state))
    {
    case Transfer::FileState::Queued:
        return QueueGroup::Queued;
    case Transfer::FileState::Listing:
    case Transfer::FileState::Transferring:
    case Transfer::FileState::Verifying:
    case Transfer::FileState::Paused:
        return QueueGroup::Active;
    case Transfer::FileState::Done:
    case Transfer::FileState::Skipped:
        return QueueGroup::Done;
    case Transfer::FileState::Failed:
    case Transfer::FileState::Cancelled:
    case Transfer::FileState::Parked:
        return QueueGroup::Failed;
    }
    return QueueGroup::Queued;
}

int QueueRows::rankOf(QueueGroup group) const
{
    switch (m_order)
    {
    case Order::Run:
        return 0;
    case Order::FailedFirst:
        return int(group);
    case Order::DoneFirst:
        return QueueGroupCount - 1 - int(group);
    }
    return 0;
}

void QueueRows::rebuild(std::optional<QueueGroup> filter, Order order, const QList<QueueGroup> &groups)
{
    m_filter = filter;
    m_order = order;
    m_shown.clear();
    m_shown.reserve(groups.size());
    for (int i = 0; i < groups.size(); ++i)
        if (accepts(groups.at(i)))
            m_shown.append({rankOf(groups.at(i)), i});
    if (m_order != Order::Run)
        std::stable_sort(m_shown.begin(), m_shown.end());
}

int QueueRows::positionOf(const Entry &entry) const
{
    return int(std::lower_bound(m_shown.cbegin(), m_shown.cend(), entry) - m_shown.cbegin());
}

int QueueRows::rowOf(int storage, QueueGroup group) const
{
    if (!accepts(group))
        return -1;
    const Entry entry {rankOf(group), storage};
    const int at = positionOf(entry);
    return at < m_shown.size() && m_shown.at(at).storage == storage ? at : -1;
}

void QueueRows::appended(int first, const QList<QueueGroup> &groups, const Notify &notify)
{
    QList<Entry> entries;
    for (int i = 0; i < groups.size(); ++i)
        if (accepts(groups.at(i)))
            entries.append({rankOf(groups.at(i)), first + i});
    if (m_order != Order::Run)
        std::stable_sort(entries.begin(), entries.end());
    insertSorted(entries, notify);
}

void QueueRows::regrouped(const QList<Regroup> &changes, const Notify &notify)
{
    QList<int> leaving;
    QList<Entry> entering;
    for (const Regroup &change : changes)
    {
        const bool was = accepts(change.before);
        const bool is = accepts(change.after);
        if (was == is && (!was || rankOf(change.before) == rankOf(change.after)))
            continue; // hidden before and after, or shown in the same place
        if (was)
        {
            const int at = positionOf({rankOf(change.before), change.storage});
            if (at < m_shown.size() && m_shown.at(at).storage == change.storage)
                leaving.append(at);
        }
        if (is)
            entering.append({rankOf(change.after), change.storage});
    }
    removePositions(leaving, notify);
    std::sort(entering.begin(), entering.end());
    insertSorted(entering, notify);
}

void QueueRows::removed(const QList<int> &gone, const Notify &notify)
{
    if (gone.isEmpty())
        return;
    QList<int> positions;
    for (int i = 0; i < m_shown.size(); ++i)
        if (std::binary_search(gone.cbegin(), gone.cend(), m_shown.at(i).storage))
            positions.append(i);
    removePositions(positions, notify);
    // Renumber silently: each storage index moves down by the number of erased rows before it.
    for (Entry &entry : m_shown)
        entry.storage -= int(std::lower_bound(gone.cbegin(), gone.cend(), entry.storage) - gone.cbegin());
}

void QueueRows::insertSorted(QList<Entry> entries, const Notify &notify)
{
    int end = int(entries.size());
    while (end > 0)
    {
        // The last entries that land at one position go in as one block.
        const int at = positionOf(entries.at(end - 1));
        int begin = end - 1;
        while (begin > 0 && positionOf(entries.at(begin - 1)) == at)
            --begin;
        notify.beginInsert(at, at + (end - begin) - 1);
        m_shown.insert(at, end - begin, Entry {});
        std::copy(entries.cbegin() + begin, entries.cbegin() + end, m_shown.begin() + at);
        notify.endInsert();
        end = begin;
    }
}

void QueueRows::removePositions(QList<int> positions, const Notify &notify)
{
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    int end = int(positions.size());
    while (end > 0)
    {
        int begin = end - 1;
        while (begin > 0 && positions.at(begin - 1) == positions.at(begin) - 1)
            --begin;
        const int first = positions.at(begin);
        const int last = positions.at(end - 1);
        notify.beginRemove(first, last);
        m_shown.remove(first, last - first + 1);
        notify.endRemove();
        end = begin;
    }
}
