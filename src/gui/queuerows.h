// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

#include <functional>
#include <optional>

/// What the queue's state counts and filter group files by. The order is the filter bar's and the state sort's:
/// failed first.
enum class QueueGroup : quint8
{
    Failed, ///< failed, to retry later (parked) or cancelled: what needs a look
    Active, ///< listing, transferring, verifying or paused in flight
    Queued, ///< waiting: queued by the engine, or a source not handed to a run yet
    Done,   ///< done or skipped
};
constexpr int QueueGroupCount = 4;
/// The group of a queue row's state: int(Transfer::FileState), or -1 for a pending source (Queued).
[[nodiscard]] QueueGroup queueGroupOf(int state);

/**
 * Which of the queue's rows the view shows and in what order. Rows are known by their index in the model's
 * storage (run order); a row is shown when its group passes the filter, in run order or grouped by state
 * (failed first, or done first) and in run order inside a group. Each shown entry keeps the group it was
 * placed with, so lookups stay valid while the model updates its rows.
 *
 * Cost: a state change is a binary search, and every contiguous block of rows that leave or enter costs one
 * move of this index (and one rowsRemoved/rowsInserted in the view); nothing walks every row except rebuild().
 * With no filter and run order (the default), shown row == storage index and state changes move nothing.
 */
class QueueRows final
{
public:
    enum class Order
    {
        Run,         ///< as the run found the files (and the user arranged the pending sources)
        FailedFirst, ///< by group: failed, active, queued, done
        DoneFirst,   ///< by group, the other way round
    };
    /// The model's begin/end calls around each change of the shown rows (inclusive view rows).
    struct Notify
    {
        std::function<void(int first, int last)> beginRemove;
        std::function<void()> endRemove;
        std::function<void(int first, int last)> beginInsert;
        std::function<void()> endInsert;
    };
    /// A row whose group changed: its storage index and the group it had.
    struct Regroup
    {
        int storage = 0;
        QueueGroup before = QueueGroup::Queued;
        QueueGroup after = QueueGroup::Queued;
    };

    /// Sets the filter (nullopt: every group) and order and rebuilds from `groups` (one per storage row), silently:
    /// the model resets around it.
    void rebuild(std::optional<QueueGroup> filter, Order order, const QList<QueueGroup> &groups);
    [[nodiscard]] std::optional<QueueGroup> filter() const { return m_filter; }
    [[nodiscard]] Order order() const { return m_order; }
    /// Shown row == storage index (no filter, run order): rows may be moved by hand.
    [[nodiscard]] bool isRunOrderOfAll() const { return !m_filter && m_order == Order::Run; }

    [[nodiscard]] int size() const { return int(m_shown.size()); }
    [[nodiscard]] int storageAt(int row) const { return m_shown.at(row).storage; }
    /// The shown row of a storage row of group `group`; -1 when filtered out.
    [[nodiscard]] int rowOf(int storage, QueueGroup group) const;

    /// Storage rows [first, first + groups.size()) were appended.
    void appended(int first, const QList<QueueGroup> &groups, const Notify &notify);
    /// Rows changed group: those that leave or move are removed, those that enter or move are inserted.
    void regrouped(const QList<Regroup> &changes, const Notify &notify);
    /// Storage rows `gone` (ascending) are about to be erased from storage: their shown rows are removed, and
    /// the others renumbered to their storage index after the erase.
    void removed(const QList<int> &gone, const Notify &notify);

private:
    struct Entry
    {
        int rank = 0; ///< position of the group in the order (0 in run order)
        int storage = 0;
        friend bool operator<(const Entry &a, const Entry &b)
        {
            return a.rank != b.rank ? a.rank < b.rank : a.storage < b.storage;
        }
    };
    [[nodiscard]] bool accepts(QueueGroup group) const { return !m_filter || *m_filter == group; }
    [[nodiscard]] int rankOf(QueueGroup group) const;
    [[nodiscard]] int positionOf(const Entry &entry) const; ///< lower bound
    /// Inserts the entries (ascending) in blocks, from the last block to the first.
    void insertSorted(QList<Entry> entries, const Notify &notify);
    /// Removes the shown rows (any order) in contiguous blocks, from the last to the first.
    void removePositions(QList<int> positions, const Notify &notify);

    std::optional<QueueGroup> m_filter;
    Order m_order = Order::Run;
    QList<Entry> m_shown;
};
