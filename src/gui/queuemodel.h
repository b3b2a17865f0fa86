// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keyindex.h"
#include "queuerows.h"
#include "sourceitem.h"
#include "transfer/snapshot.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <array>
#include <functional>
#include <optional>

/**
 * The queue the user sees: sources picked but not started yet ("pending"), then every file of the run as
 * the engine's snapshots report it. Snapshots carry deltas (changed + active files), so rows are looked up
 * by the engine's file key and updated in place. No transfer logic here: it only adapts Snapshot.
 *
 * At scale (100,000 files) a snapshot costs O(files in it): rows are found by key, the state counts are kept
 * up to date per change, rows that did not change are not announced and the rest in one dataChanged(). The
 * model's rows are the shown ones (QueueRows): a filter on one state group and an order by state (failed
 * first), kept without walking every row per snapshot. Rows can be reordered by hand only when every row is
 * shown in run order.
 */
class QueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueModel)

public:
    enum Column
    {
        NameColumn,
        SizeColumn,
        ProgressColumn,
        StateColumn,
        RateColumn,
        EtaColumn,
        RetriesColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role
    {
        KeyRole = Qt::UserRole + 1, ///< quint64 engine key; 0 for a pending source
        ProgressRole,               ///< double 0..1, or -1 when the size is unknown (exports)
        BytesDoneRole,
        BytesTotalRole,
        StateRole, ///< int(Transfer::FileState), or -1 for a pending source
        PendingRole,
    };

    explicit QueueModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    /// Adds sources not already pending; returns (and announces) those really added.
    QList<SourceItem> addPending(const QList<SourceItem> &items);
    [[nodiscard]] QList<SourceItem> pendingSources() const;
    /// Removes the pending rows and returns their sources in display order (what a run starts with).
    QList<SourceItem> takePending();
    void applySnapshot(const Transfer::Snapshot &snapshot);
    /// Forget the files of the previous run (pending sources stay).
    void clearRun();

    /// What the next run starts with: the pending sources, then the sources of the previous run that left
    /// files unfinished (failed, to retry later, cancelled, stopped), so "retry later" can be retried. Those
    /// sources are listed again; files already at the destination are skipped by the conflict policy. The
    /// previous run's rows make room for the new run's. The result is remembered as this run's sources.
    QList<SourceItem> takeForRun();
    /// A run of exactly these sources starts (a job run again): the previous run's rows make room for its rows,
    /// pending sources stay pending. The sources are remembered as this run's, as takeForRun() does.
    void setRunSources(const QList<SourceItem> &sources);
    /// Sources handed to the run in flight (they count as this run's).
    void addToRun(const QList<SourceItem> &sources);
    /// Removes the rows of files done or skipped; unfinished ones stay for the next run.
    void clearFinished();
    /// Rows of the run's files that did not end done or skipped.
    [[nodiscard]] int unfinishedCount() const;
    [[nodiscard]] int finishedCount() const;
    /// Something for Start: pending sources or unfinished files.
    [[nodiscard]] bool hasWork() const { return pendingCount() > 0 || unfinishedCount() > 0; }

    /// The State column's word for a source not started yet.
    [[nodiscard]] static QString pendingStateText();

    [[nodiscard]] quint64 keyAt(int row) const;
    /// The shown row of a file of the run; -1 when unknown or filtered out.
    [[nodiscard]] int rowOfKey(quint64 key) const;
    [[nodiscard]] int pendingCount() const;

    /// Shows only one state group's rows (nullopt: all). Resets the model (the selection goes).
    void setFilter(std::optional<QueueGroup> group);
    [[nodiscard]] std::optional<QueueGroup> filter() const { return m_shown.filter(); }
    /// Run order, or grouped by state (failed first, or done first). Resets the model.
    void setOrder(QueueRows::Order order);
    [[nodiscard]] QueueRows::Order order() const { return m_shown.order(); }
    /// Rows in a state group, shown or not (pending sources count as queued).
    [[nodiscard]] int count(QueueGroup group) const;
    /// Every row, shown or not.
    [[nodiscard]] int totalCount() const { return int(m_rows.size()); }

    /// A queue row, kept small (100,000 of them at scale; public only for its Q_DECLARE_TYPEINFO below): a pending row's source is kept apart (m_pendingSources,
    /// by its Drive id), the texts are shared with the engine's records (paths, ids) or with the other rows
    /// (export formats, reasons: a few texts for many files).
    struct Row
    {
        quint64 key = 0;
        QString name;
        QString driveId; ///< a run row's file, or a pending row's source (its ref.id)
        QString exportMimeType;
        QString reason;
        qint64 bytesDone = 0;
        qint64 bytesTotal = -1;
        double rate = 0;
        int retries = 0;
        int state = -1; ///< -1 pending, else Transfer::FileState
    };

signals:
    void pendingAdded(const QList<SourceItem> &items);
    /// The state counts changed (at most once per snapshot or edit).
    void countsChanged();

private:
    QVariant displayData(const Row &row, int column) const;
    [[nodiscard]] const Row &shownRow(int row) const { return m_rows.at(m_shown.storageAt(row)); }
    void rebuildIndex();
    void removeRowsWhere(const std::function<bool(const Row &)> &match);
    /// Erases storage rows (ascending), announcing the shown ones.
    void removeStorage(const QList<int> &gone);
    /// Appends pending rows to storage, announcing the shown ones (a snapshot's new files: applySnapshot()).
    void appendRows(const QList<Row> &rows);
    void setShown(std::optional<QueueGroup> filter, QueueRows::Order order);
    [[nodiscard]] QueueRows::Notify notify();
    void countState(int state, int delta) { m_stateCounts[size_t(state + 1)] += delta; }
    [[nodiscard]] int stateCount(Transfer::FileState state) const { return m_stateCounts[size_t(state) + 1]; }
    [[nodiscard]] static bool isFinished(const Row &row);
    [[nodiscard]] Row rowOf(const Transfer::FileStatus &file);
    [[nodiscard]] static QString reasonOf(const Transfer::FileStatus &file);
    /// One copy of each export format and reason, shared by the rows.
    [[nodiscard]] QString shared(const QString &text) { return text.isEmpty() ? QString() : *m_texts.insert(text); }
    [[nodiscard]] static bool sameShown(const Row &row, const Transfer::FileStatus &file);

    QList<Row> m_rows; ///< storage: run order (pending sources in the user's order)
    QueueRows m_shown; ///< which rows the model shows, in which order
    KeyIndex m_rowOfKey; ///< engine key -> storage index
    std::array<int, size_t(Transfer::FileState::Parked) + 2> m_stateCounts {}; ///< [state + 1]: -1 = pending
    QList<SourceItem> m_runSources; ///< what the last (or current) run was started with and given
    QHash<QString, SourceItem> m_pendingSources; ///< the pending rows' sources, by ref.id (unique among them)
    QSet<QString> m_texts; ///< shared(): the rows' export formats and reasons
};
/// Rows hold only relocatable members: the storage grows by realloc (no second copy of 100,000 rows while it grows).
Q_DECLARE_TYPEINFO(QueueModel::Row, Q_RELOCATABLE_TYPE);
