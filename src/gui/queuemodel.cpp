// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuemodel.h"

#include "formatting.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace
{
// Rows dragged inside the queue (reorder), as row numbers.
constexpr auto RowsMime = "application/x-drive-ingest-queue-rows";
} // namespace

QueueModel::QueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown.size();
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = shownRow(index.row());
    switch (role)
    {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
    {
        // Every cell's whole text (a narrow column elides it); the state also says why.
        const QString shown = displayData(row, index.column()).toString();
        if (index.column() == StateColumn && !row.reason.isEmpty())
            return tr("%1: %2").arg(shown, row.reason);
        return shown.isEmpty() ? QVariant() : QVariant(shown);
    }
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == RateColumn || index.column() == EtaColumn
            || index.column() == RetriesColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case KeyRole:
        return QVariant::fromValue(row.key);
    case ProgressRole:
        if (row.bytesTotal <= 0)
            return row.state == int(Transfer::FileState::Done) ? 1.0 : -1.0;
        return std::clamp(double(row.bytesDone) / double(row.bytesTotal), 0.0, 1.0);
    case BytesDoneRole:
        return row.bytesDone;
    case BytesTotalRole:
        return row.bytesTotal;
    case StateRole:
        return row.state;
    case PendingRole:
        return row.state < 0;
    default:
        return {};
    }
}

QVariant QueueModel::displayData(const Row &row, int column) const
{
    const bool pending = row.state < 0;
    switch (column)
    {
    case NameColumn:
        if (!row.exportMimeType.isEmpty())
            return tr("%1 (%2)").arg(Format::visibleText(row.name), Format::exportLabel(row.exportMimeType));
        return Format::visibleText(row.name);
    case SizeColumn:
        return row.bytesTotal >= 0 ? Format::bytes(row.bytesTotal) : QString();
    case ProgressColumn:
        if (pending)
            return QString();
        if (row.bytesTotal > 0)
            return QStringLiteral("%1 %").arg(int(100.0 * double(row.bytesDone) / double(row.bytesTotal)));
        return Format::bytes(row.bytesDone);
    case StateColumn:
        return pending ? pendingStateText() : Format::stateText(Transfer::FileState(row.state));
    case RateColumn:
        return row.state == int(Transfer::FileState::Transferring) ? Format::rate(row.rate) : QString();
    case EtaColumn:
        if (row.state == int(Transfer::FileState::Transferring) && row.rate > 0 && row.bytesTotal > 0)
            return Format::duration(qint64((row.bytesTotal - row.bytesDone) / row.rate));
        return QString();
    case RetriesColumn:
        return row.retries > 0 ? QString::number(row.retries) : QString();
    case ReasonColumn:
        return row.reason;
    default:
        return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == StateColumn && role == Qt::InitialSortOrderRole)
        return QVariant::fromValue(Qt::AscendingOrder); // failed first
    if (orientation == Qt::Horizontal && section == StateColumn && role == Qt::ToolTipRole)
        return tr("Click to sort by state: failed first, then active, queued and done; again for the other way "
                  "round, a third time for the run's order");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section)
    {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ProgressColumn:
        return tr("Progress");
    case StateColumn:
        return tr("State");
    case RateColumn:
        return tr("Rate");
    case EtaColumn:
        return tr("ETA");
    case RetriesColumn:
        return tr("Retries");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

Qt::ItemFlags QueueModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return base | Qt::ItemIsDropEnabled;
    return base | Qt::ItemIsDragEnabled;
}

Qt::DropActions QueueModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction | Qt::LinkAction;
}

Qt::DropActions QueueModel::supportedDragActions() const
{
    // A reorder is done in dropMimeData() by moveRows(); announcing it as a copy keeps the view from
    // also removing the dragged rows afterwards (what it does after a MoveAction drag).
    return Qt::CopyAction;
}

QStringList QueueModel::mimeTypes() const
{
    return {QString::fromLatin1(SourceItems::MimeType), QString::fromLatin1(RowsMime), u"text/uri-list"_s,
            u"text/plain"_s};
}

QMimeData *QueueModel::mimeData(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &index : indexes)
        if (index.isValid() && !rows.contains(index.row()))
            rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << rows;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(RowsMime), data);
    return mime;
}

bool QueueModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                 const QModelIndex &parent) const
{
    Q_UNUSED(action);
    Q_UNUSED(row);
    Q_UNUSED(column);
    Q_UNUSED(parent);
    return data && (data->hasFormat(QString::fromLatin1(RowsMime)) || SourceItems::canDecode(data));
}

bool QueueModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                              const QModelIndex &parent)
{
    Q_UNUSED(column);
    if (!data || action == Qt::IgnoreAction)
        return false;
    if (data->hasFormat(QString::fromLatin1(RowsMime)))
    {
        QList<int> rows;
        QDataStream in(data->data(QString::fromLatin1(RowsMime)));
        in >> rows;
        int destination = row >= 0 ? row : (parent.isValid() ? parent.row() : rowCount());
        bool moved = false;
        // Move one by one, keeping the dragged rows' order at the drop point.
        for (int i = 0; i < rows.size(); ++i)
        {
            const int source = rows.at(i);
            if (source < 0 || source >= rowCount())
                continue;
            if (moveRows({}, source, 1, {}, destination))
            {
                moved = true;
                for (int j = i + 1; j < rows.size(); ++j)
                {
                    if (rows[j] > source && rows[j] < destination)
                        --rows[j];
                    else if (rows[j] < source && rows[j] >= destination)
                        ++rows[j];
                }
                destination = source < destination ? destination : destination + 1;
            }
        }
        return moved;
    }
    return !addPending(SourceItems::fromMimeData(data)).isEmpty();
}

bool QueueModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                          const QModelIndex &destinationParent, int destinationChild)
{
    // By hand only when the rows are the storage's, all of them in run order.
    if (!m_shown.isRunOrderOfAll() || sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0
        || sourceRow + count > m_rows.size() || destinationChild < 0 || destinationChild > m_rows.size()
        || (destinationChild >= sourceRow && destinationChild <= sourceRow + count))
        return false;
    beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild);
    const QList<Row> moving = m_rows.mid(sourceRow, count);
    m_rows.remove(sourceRow, count);
    const int insertAt = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        m_rows.insert(insertAt + i, moving.at(i));
    rebuildIndex();
    QList<QueueGroup> groups;
    for (const Row &r : std::as_const(m_rows))
        groups.append(queueGroupOf(r.state));
    m_shown.rebuild({}, QueueRows::Order::Run, groups);
    endMoveRows();
    return true;
}

bool QueueModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    QList<int> gone;
    for (int i = row; i < row + count; ++i)
        gone.append(m_shown.storageAt(i));
    std::sort(gone.begin(), gone.end());
    removeStorage(gone);
    return true;
}

QueueRows::Notify QueueModel::notify()
{
    return {[this](int first, int last) { beginRemoveRows({}, first, last); }, [this] { endRemoveRows(); },
            [this](int first, int last) { beginInsertRows({}, first, last); }, [this] { endInsertRows(); }};
}

void QueueModel::removeStorage(const QList<int> &gone)
{
    if (gone.isEmpty())
        return;
    m_shown.removed(gone, notify());
    // Compact the storage in one pass (a row at a time would move every later row each time).
    qsizetype kept = 0;
    auto next = gone.cbegin();
    for (qsizetype i = 0; i < m_rows.size(); ++i)
    {
        if (next != gone.cend() && *next == i)
        {
            ++next;
            countState(m_rows.at(i).state, -1);
            if (m_rows.at(i).state < 0)
                m_pendingSources.remove(m_rows.at(i).driveId);
            continue;
        }
        if (kept != i)
            m_rows[kept] = std::move(m_rows[i]);
        ++kept;
    }
    m_rows.resize(kept);
    rebuildIndex();
    emit countsChanged();
}

void QueueModel::appendRows(const QList<Row> &rows)
{
    if (rows.isEmpty())
        return;
    const int first = int(m_rows.size());
    QList<QueueGroup> groups;
    groups.reserve(rows.size());
    for (const Row &row : rows)
    {
        m_rows.append(row);
        countState(row.state, +1);
        groups.append(queueGroupOf(row.state));
    }
    m_shown.appended(first, groups, notify());
    emit countsChanged();
}

void QueueModel::setFilter(std::optional<QueueGroup> group)
{
    setShown(group, m_shown.order());
}

void QueueModel::setOrder(QueueRows::Order order)
{
    setShown(m_shown.filter(), order);
}

void QueueModel::setShown(std::optional<QueueGroup> filter, QueueRows::Order order)
{
    if (filter == m_shown.filter() && order == m_shown.order())
        return;
    QList<QueueGroup> groups;
    groups.reserve(m_rows.size());
    for (const Row &row : std::as_const(m_rows))
        groups.append(queueGroupOf(row.state));
    beginResetModel();
    m_shown.rebuild(filter, order, groups);
    endResetModel();
}

int QueueModel::count(QueueGroup group) const
{
    int n = 0;
    for (size_t i = 0; i < m_stateCounts.size(); ++i)
        if (queueGroupOf(int(i) - 1) == group)
            n += m_stateCounts[i];
    return n;
}

QList<SourceItem> QueueModel::addPending(const QList<SourceItem> &items)
{
    QList<SourceItem> added;
    for (const SourceItem &item : items)
    {
        if (!item.ref.isValid())
            continue;
        const bool known = m_pendingSources.contains(item.ref.id)
            || std::any_of(added.cbegin(), added.cend(), [&item](const SourceItem &a) { return a.ref.id == item.ref.id; });
        if (!known)
            added.append(item);
    }
    if (added.isEmpty())
        return added;
    QList<Row> rows;
    for (const SourceItem &item : std::as_const(added))
    {
        Row row;
        row.driveId = item.ref.id;
        m_pendingSources.insert(item.ref.id, item);
        row.name = item.name.isEmpty() ? tr("Drive item %1").arg(item.ref.id) : item.name;
        row.bytesTotal = item.size;
        rows.append(row);
    }
    appendRows(rows);
    emit pendingAdded(added);
    return added;
}

QList<SourceItem> QueueModel::pendingSources() const
{
    QList<SourceItem> items;
    for (const Row &row : m_rows)
        if (row.state < 0)
            items.append(m_pendingSources.value(row.driveId));
    return items;
}

QList<SourceItem> QueueModel::takePending()
{
    const QList<SourceItem> items = pendingSources();
    removeRowsWhere([](const Row &r) { return r.state < 0; });
    return items;
}

void QueueModel::applySnapshot(const Transfer::Snapshot &snapshot)
{
    // New files go straight into storage (not into a list copied there afterwards: a listing's snapshot may
    // bring the whole tree); the view learns of them last, in one appended().
    const int firstFresh = int(m_rows.size());
    QList<QueueGroup> freshGroups;
    QList<QueueRows::Regroup> regrouped;
    QHash<int, qsizetype> regroupAt; // storage -> its entry in regrouped
    QList<int> changed; // storage rows
    bool counts = false;
    for (const Transfer::FileStatus &file : snapshot.files)
    {
        const int storage = m_rowOfKey.value(file.key);
        if (storage < 0)
        {
            m_rowOfKey.insert(file.key, int(m_rows.size()), m_rows.size());
            m_rows.append(rowOf(file));
            countState(int(file.state), +1);
            freshGroups.append(queueGroupOf(int(file.state)));
            continue;
        }
        Row &old = m_rows[storage];
        if (sameShown(old, file))
            continue; // the final snapshot lists every file: most did not change
        Row row = rowOf(file);
        if (old.state != row.state)
        {
            countState(old.state, -1);
            countState(row.state, +1);
            counts = true;
            const QueueGroup before = queueGroupOf(old.state);
            const QueueGroup after = queueGroupOf(row.state);
            if (storage >= firstFresh)
                freshGroups[storage - firstFresh] = after; // new in this snapshot and listed twice: not shown yet
            else if (const auto entry = regroupAt.constFind(storage); entry != regroupAt.cend())
                regrouped[*entry].after = after; // a file listed twice in one snapshot moves once
            else if (before != after)
            {
                regroupAt.insert(storage, regrouped.size());
                regrouped.append({storage, before, after});
            }
        }
        old = std::move(row);
        if (storage < firstFresh)
            changed.append(storage);
    }
    // Rows that leave or move first, then one dataChanged() over the rows that stayed (the view repaints what it
    // shows once, not once per file), then the new files.
    m_shown.regrouped(regrouped, notify());
    int first = -1;
    int last = -1;
    for (const int storage : std::as_const(changed))
    {
        const int row = m_shown.rowOf(storage, queueGroupOf(m_rows.at(storage).state));
        if (row < 0)
            continue;
        first = first < 0 ? row : std::min(first, row);
        last = std::max(last, row);
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    m_shown.appended(firstFresh, freshGroups, notify()); // nothing when no file is new
    if (counts || !freshGroups.isEmpty())
        emit countsChanged();
}

QueueModel::Row QueueModel::rowOf(const Transfer::FileStatus &file)
{
    Row row;
    row.key = file.key;
    row.driveId = file.driveId;
    row.name = file.drivePath.isEmpty() ? file.driveId : file.drivePath;
    row.exportMimeType = shared(file.exportMimeType);
    row.bytesDone = file.bytesDone;
    row.bytesTotal = file.bytesTotal;
    row.state = int(file.state);
    row.rate = file.rate;
    row.retries = file.retries;
    row.reason = shared(reasonOf(file));
    return row;
}

QString QueueModel::reasonOf(const Transfer::FileStatus &file)
{
    if (!file.lastError.isError())
        return {};
    return file.lastError.message.isEmpty() ? file.lastError.reason : file.lastError.message;
}

bool QueueModel::sameShown(const Row &row, const Transfer::FileStatus &file)
{
    // Numbers first: a file that moved differs there, and only unchanged files compare their texts.
    return row.state == int(file.state) && row.bytesDone == file.bytesDone && row.bytesTotal == file.bytesTotal
        && row.rate == file.rate && row.retries == file.retries && row.driveId == file.driveId
        && row.name == (file.drivePath.isEmpty() ? file.driveId : file.drivePath)
        && row.exportMimeType == file.exportMimeType && row.reason == reasonOf(file);
}

void QueueModel::clearRun()
{
    removeRowsWhere([](const Row &r) { return r.state >= 0; });
    m_texts.clear(); // the next run's texts are its own
}

bool QueueModel::isFinished(const Row &row)
{
    return row.state == int(Transfer::FileState::Done) || row.state == int(Transfer::FileState::Skipped);
}

void QueueModel::removeRowsWhere(const std::function<bool(const Row &)> &match)
{
    QList<int> gone;
    for (int i = 0; i < m_rows.size(); ++i)
        if (match(m_rows.at(i)))
            gone.append(i);
    removeStorage(gone);
}

QList<SourceItem> QueueModel::takeForRun()
{
    // Which of the last run's sources an unfinished file came from: a file source by its id, a folder by
    // the top folder of the file's Drive path, a source that failed at listing by its id. A file that cannot
    // be told apart brings back every source whose name is unknown (pasted links).
    QList<SourceItem> again;
    const auto take = [&again](const SourceItem &source) {
        if (!again.contains(source))
            again.append(source);
    };
    for (const Row &row : std::as_const(m_rows))
    {
        if (row.state < 0 || isFinished(row))
            continue;
        bool found = false;
        for (const SourceItem &source : std::as_const(m_runSources))
        {
            const bool mine = (!row.driveId.isEmpty() && row.driveId == source.ref.id) || row.name == source.ref.id
                || (!source.name.isEmpty() && (row.name == source.name || row.name.startsWith(source.name + u'/')));
            if (mine)
                take(source);
            found = found || mine;
        }
        if (!found)
            for (const SourceItem &source : std::as_const(m_runSources))
                if (source.name.isEmpty())
                    take(source);
    }
    QList<SourceItem> sources = takePending();
    for (const SourceItem &source : std::as_const(again))
        if (!std::any_of(sources.cbegin(), sources.cend(), [&source](const SourceItem &s) { return s.ref.id == source.ref.id; }))
            sources.append(source);
    setRunSources(sources);
    return sources;
}

void QueueModel::setRunSources(const QList<SourceItem> &sources)
{
    clearRun();
    m_runSources = sources;
}

void QueueModel::addToRun(const QList<SourceItem> &sources)
{
    m_runSources += sources;
}

void QueueModel::clearFinished()
{
    removeRowsWhere([](const Row &r) { return isFinished(r); });
}

int QueueModel::unfinishedCount() const
{
    return int(m_rows.size()) - pendingCount() - finishedCount();
}

int QueueModel::finishedCount() const
{
    return stateCount(Transfer::FileState::Done) + stateCount(Transfer::FileState::Skipped);
}

QString QueueModel::pendingStateText()
{
    return tr("Waiting to start");
}

quint64 QueueModel::keyAt(int row) const
{
    return row >= 0 && row < rowCount() ? shownRow(row).key : 0;
}

int QueueModel::rowOfKey(quint64 key) const
{
    const int storage = m_rowOfKey.value(key);
    return storage < 0 ? -1 : m_shown.rowOf(storage, queueGroupOf(m_rows.at(storage).state));
}

int QueueModel::pendingCount() const
{
    return m_stateCounts[0];
}

void QueueModel::rebuildIndex()
{
    m_rowOfKey.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).state >= 0)
            m_rowOfKey.insert(m_rows.at(i).key, i, m_rows.size());
}
