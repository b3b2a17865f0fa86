// SPDX-License-Identifier: GPL-3.0-or-later
#include "browserpanel.h"

#include "browsermodel.h"
#include "formatting.h"
#include "transfer/snapshot.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace
{
/// The local name filter: instant, over what is loaded. The top-level entries always stay, and so do the
/// search results (Drive matched them; its "contains" is by word prefix, which a substring filter may not).
class BrowserFilter final : public QSortFilterProxyModel
{
    Q_DISABLE_COPY_MOVE(BrowserFilter)

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!parent.isValid() || parent.data(BrowserModel::IsSearchRole).toBool())
            return true;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

constexpr int SearchDelayMs = 400; // after the last key stroke: one Drive query per pause, not per letter
constexpr int MinNameChars = 26;   // the Name column's least width, in average characters

/// The Type column fits what it says for the export formats offered (and "Folder"); longer texts (a mime
/// type, "not exported") are elided with the whole text in the tooltip.
int typeColumnWidth(const QTreeView *view, const QString &title)
{
    const QFontMetrics fm = view->fontMetrics();
    int width = std::max(fm.horizontalAdvance(BrowserModel::tr("Folder")), view->header()->fontMetrics().horizontalAdvance(title));
    const QMap<QString, QString> formats = Transfer::RunOptions::defaultExportFormats();
    for (const QString &mime : formats)
        width = std::max(width, fm.horizontalAdvance(Format::exportLabel(mime)));
    for (const QString &mime : {u"application/pdf"_s, u"application/vnd.oasis.opendocument.spreadsheet"_s})
        width = std::max(width, fm.horizontalAdvance(Format::exportLabel(mime)));
    return width + 3 * fm.horizontalAdvance(u'x');
}
} // namespace

BrowserPanel::BrowserPanel(BrowserModel *model, QAction *addSelected, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"driveSearch"_s);
    m_search->setPlaceholderText(tr("Search in Drive…"));
    m_search->setToolTip(tr("Filters the loaded items at once, and asks Drive for every name that contains the text."));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &BrowserPanel::searchDrive);
    connect(m_searchTimer, &QTimer::timeout, this, &BrowserPanel::searchDrive);
    m_filter = new BrowserFilter(this);
    m_filter->setSourceModel(m_model);
    m_filter->setRecursiveFilteringEnabled(true);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(BrowserModel::NameColumn);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text);
        restoreExpansion();
    });

    m_view = new QTreeView(this);
    m_view->setObjectName(u"browserView"_s);
    m_view->setModel(m_filter);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setUniformRowHeights(true);
    m_view->setTextElideMode(Qt::ElideMiddle);
    {
        // The name takes what the short columns leave, but never less than a readable width (the tree then
        // scrolls sideways); the type column shows an export format or a mime type (its tooltip has all).
        QHeaderView *header = m_view->header();
        header->setStretchLastSection(false);
        header->setSectionResizeMode(QHeaderView::Interactive);
        header->setSectionResizeMode(BrowserModel::SizeColumn, QHeaderView::ResizeToContents);
        header->setSectionResizeMode(BrowserModel::ModifiedColumn, QHeaderView::ResizeToContents);
        header->resizeSection(BrowserModel::TypeColumn,
                              typeColumnWidth(m_view, m_model->headerData(BrowserModel::TypeColumn, Qt::Horizontal).toString()));
        header->setMinimumSectionSize(m_view->fontMetrics().horizontalAdvance(u'x') * 4);
        connect(header, &QHeaderView::sectionResized, this, [this](int column) {
            if (column != BrowserModel::NameColumn)
                fitNameColumn();
        });
    }
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(addSelected);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!index.data(BrowserModel::IsFolderRole).toBool())
            emit fileActivated(m_filter->mapToSource(index));
    });
    // What the user opens and closes, by the model's own (persistent) indexes: the filter's come and go.
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        m_expanded.insert(QPersistentModelIndex(m_filter->mapToSource(index)));
    });
    connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        m_expanded.remove(QPersistentModelIndex(m_filter->mapToSource(index)));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_expanded.clear(); });
    layout->addWidget(m_view);
    auto *addBar = new QToolBar(this);
    addBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addBar->addAction(addSelected);
    layout->addWidget(addBar);
}

void BrowserPanel::fitNameColumn()
{
    QHeaderView *header = m_view->header();
    int others = 0;
    for (int column = 0; column < BrowserModel::ColumnCount; ++column)
        others += column == BrowserModel::NameColumn ? 0 : header->sectionSize(column);
    const int readable = m_view->fontMetrics().horizontalAdvance(u'x') * MinNameChars;
    header->resizeSection(BrowserModel::NameColumn, std::max(m_view->viewport()->width() - others, readable));
}

void BrowserPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitNameColumn();
}

QModelIndexList BrowserPanel::selectedItems() const
{
    QModelIndexList rows;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        rows.append(m_filter->mapToSource(i));
    return rows;
}

void BrowserPanel::showFirstRoot()
{
    m_view->expand(m_filter->index(0, 0));
}

void BrowserPanel::restoreExpansion()
{
    // Parents first, so a child is not expanded under a closed parent that opens later. Rows the model
    // removed (a search replaced, a folder reloaded) are forgotten.
    QList<QPersistentModelIndex> open;
    for (const QPersistentModelIndex &index : std::as_const(m_expanded))
        if (index.isValid())
            open.append(index);
    m_expanded = QSet<QPersistentModelIndex>(open.cbegin(), open.cend());
    const auto depth = [](QModelIndex i) {
        int d = 0;
        for (; i.isValid(); i = i.parent())
            ++d;
        return d;
    };
    std::sort(open.begin(), open.end(), [&depth](const QPersistentModelIndex &a, const QPersistentModelIndex &b) { return depth(a) < depth(b); });
    for (const QPersistentModelIndex &index : std::as_const(open))
    {
        const QModelIndex shown = m_filter->mapFromSource(index);
        if (shown.isValid() && !m_view->isExpanded(shown))
            m_view->expand(shown);
    }
}

void BrowserPanel::searchDrive()
{
    m_searchTimer->stop();
    const QString text = m_search->text().trimmed();
    if (text.size() < 2 || !m_model->hasSource())
    {
        if (m_model->searchIndex().isValid())
            m_model->setSearch({});
        return;
    }
    // The corpus where the user is: the root (or shared drive) of the selected item, My Drive by default.
    const QModelIndex current = m_filter->mapToSource(m_view->currentIndex());
    BrowserSource::Search search = m_model->scopeOf(current);
    search.text = text;
    m_model->setSearch(search);
    const QModelIndex results = m_filter->mapFromSource(m_model->searchIndex());
    m_view->expand(results);
    m_view->scrollTo(results, QAbstractItemView::PositionAtTop);
    if (m_model->canFetchMore(m_model->searchIndex()))
        m_model->fetchMore(m_model->searchIndex());
}
