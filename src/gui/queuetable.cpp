// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuetable.h"

#include "formatting.h"
#include "pathdelegate.h"
#include "progressdelegate.h"
#include "queuemodel.h"

#include <QHeaderView>

#include <algorithm>
#include <functional>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace
{
int widest(const QFontMetrics &fm, std::initializer_list<QString> texts)
{
    int width = 0;
    for (const QString &text : texts)
        width = std::max(width, fm.horizontalAdvance(text));
    return width;
}
} // namespace

QueueTable::QueueTable(QueueModel *model, QWidget *parent)
    : QTableView(parent)
{
    setObjectName(u"queueView"_s);
    setModel(model);
    setItemDelegateForColumn(QueueModel::ProgressColumn, new ProgressDelegate(this));
    setItemDelegateForColumn(QueueModel::NameColumn, new PathDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDefaultDropAction(Qt::CopyAction);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight); // the reason reads from its start; paths: PathDelegate

    QHeaderView *header = horizontalHeader();
    const QFontMetrics fm = fontMetrics();
    const QFontMetrics titles = header->fontMetrics();
    const int pad = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + fm.horizontalAdvance(u'x');
    const auto fit = [&](int column, int contentWidth) {
        const int title = titles.horizontalAdvance(model->headerData(column, Qt::Horizontal).toString());
        header->resizeSection(column, std::max(contentWidth, title) + pad);
    };
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(QueueModel::NameColumn, QHeaderView::Stretch);
    // The longest of each unit's texts ("99.9 MiB", "1000 MiB"), as core formats them.
    const int size = widest(fm, {Format::bytes(qint64(99.9 * 1024 * 1024)), Format::bytes(1000LL << 20),
                                 Format::bytes(qint64(99.9 * 1024 * 1024 * 1024))});
    fit(QueueModel::SizeColumn, size);
    fit(QueueModel::ProgressColumn, size + fm.horizontalAdvance(u'x'));
    int state = fm.horizontalAdvance(QueueModel::pendingStateText());
    for (const QString &text : Format::stateTexts())
        state = std::max(state, fm.horizontalAdvance(text));
    fit(QueueModel::StateColumn, state);
    fit(QueueModel::RateColumn, widest(fm, {Format::rate(99.9 * 1024 * 1024), Format::rate(1000.0 * 1024 * 1024)}));
    fit(QueueModel::EtaColumn, fm.horizontalAdvance(Format::duration(3599)));
    fit(QueueModel::RetriesColumn, fm.horizontalAdvance(u"00"_s));
    // The start of a reason says what kind of problem it is; its tooltip has all of it.
    fit(QueueModel::ReasonColumn, fm.horizontalAdvance(u'x') * 24);

    // Only the state sorts: a click puts failed first, the next done first, the third back to the run's order.
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [model, header](int section, Qt::SortOrder order) {
        if (section == QueueModel::StateColumn)
            model->setOrder(order == Qt::AscendingOrder ? QueueRows::Order::FailedFirst : QueueRows::Order::DoneFirst);
        else if (section < 0)
            model->setOrder(QueueRows::Order::Run);
        else
            header->setSortIndicator(-1, Qt::AscendingOrder); // another column: the run's order
    });
    // A new filter or order shows other rows: the selection goes first, saying so (the window's actions follow it).
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { clearSelection(); });
}

QueueTable::Selection QueueTable::selection() const
{
    Selection selection;
    if (!selectionModel())
        return selection;
    for (const QModelIndex &i : selectionModel()->selectedRows())
    {
        ++selection.rows;
        if (i.data(QueueModel::PendingRole).toBool())
            selection.anyPending = true;
        else
            selection.anyFile = true;
    }
    return selection;
}

QList<quint64> QueueTable::selectedKeys() const
{
    QList<quint64> keys;
    for (const QModelIndex &index : selectionModel()->selectedRows())
    {
        const quint64 key = index.data(QueueModel::KeyRole).value<quint64>();
        if (key != 0)
            keys.append(key);
    }
    return keys;
}

void QueueTable::moveSelected(int delta)
{
    const QModelIndexList rows = selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const int row = rows.first().row();
    const int target = delta < 0 ? row - 1 : row + 2;
    if (model()->moveRows({}, row, 1, {}, target))
        selectRow(delta < 0 ? row - 1 : row + 1);
}

void QueueTable::removeSelectedPending()
{
    QList<int> rows;
    for (const QModelIndex &i : selectionModel()->selectedRows())
        if (i.data(QueueModel::PendingRole).toBool())
            rows.append(i.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int r : rows)
        model()->removeRows(r, 1);
}
