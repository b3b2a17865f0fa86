// SPDX-License-Identifier: GPL-3.0-or-later
#include "browsermodel.h"

#include "formatting.h"
#include "icons.h"

#include <QApplication>
#include <QIcon>
#include <QLocale>
#include <QMimeData>
#include <QRegularExpression>
#include <QStyle>

using namespace Qt::StringLiterals;

struct BrowserModel::Node
{
    Node *parent = nullptr;
    BrowserSource::Root root = BrowserSource::Root::MyDrive;
    bool isRootTag = false; ///< one of the top-level entries
    bool isSearch = false; ///< the search results' top-level entry
    BrowserSource::Search search;
    Drive::DriveFile file;
    std::vector<std::unique_ptr<Node>> children;
    bool fetched = false; ///< the first page arrived
    bool loading = false;
    QString nextPageToken;

    [[nodiscard]] bool isContainer() const { return isRootTag || file.isFolder(); }
    [[nodiscard]] int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this)
                return int(i);
        return 0;
    }
};

namespace
{
QIcon iconFor(const Drive::DriveFile &file, bool sharedDrive)
{
    if (sharedDrive)
        return Icons::get(u"shared-drive"_s);
    if (file.isFolder())
        return QApplication::style()->standardIcon(QStyle::SP_DirIcon);
    const QString type = file.mimeType;
    if (type == u"application/vnd.google-apps.document")
        return Icons::get(u"document"_s);
    if (type == u"application/vnd.google-apps.spreadsheet")
        return Icons::get(u"spreadsheet"_s);
    if (type == u"application/vnd.google-apps.presentation")
        return Icons::get(u"presentation"_s);
    if (type == u"application/vnd.google-apps.drawing")
        return Icons::get(u"drawing"_s);
    if (file.isShortcut())
        return QApplication::style()->standardIcon(QStyle::SP_FileLinkIcon);
    return QApplication::style()->standardIcon(QStyle::SP_FileIcon);
}
} // namespace

BrowserModel::BrowserModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    // The locale's short date and time, without seconds: minutes are enough here, and the name needs the room.
    static const QRegularExpression seconds(u"[:.]ss"_s);
    m_dateFormat = QLocale().dateTimeFormat(QLocale::ShortFormat).remove(seconds);
    resetRoots();
}

BrowserModel::~BrowserModel() = default;

void BrowserModel::setSource(BrowserSource *source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source)
    {
        connect(m_source, &BrowserSource::pageReady, this, &BrowserModel::onPageReady);
        connect(m_source, &BrowserSource::pageFailed, this, &BrowserModel::onPageFailed);
    }
    beginResetModel();
    m_tickets.clear();
    resetRoots();
    endResetModel();
}

void BrowserModel::setExportFormats(const QMap<QString, QString> &formats)
{
    m_exportFormats = formats;
    if (!m_root->children.empty())
        emit dataChanged(index(0, TypeColumn), index(rowCount() - 1, TypeColumn));
}

void BrowserModel::resetRoots()
{
    m_root->children.clear();
    const std::pair<BrowserSource::Root, QString> roots[] = {
        {BrowserSource::Root::MyDrive, tr("My Drive")},
        {BrowserSource::Root::SharedWithMe, tr("Shared with me")},
        {BrowserSource::Root::SharedDrives, tr("Shared drives")},
    };
    for (const auto &[root, name] : roots)
    {
        auto node = std::make_unique<Node>();
        node->parent = m_root.get();
        node->root = root;
        node->isRootTag = true;
        node->file.name = name;
        node->file.mimeType = QString::fromLatin1(Drive::FolderMime);
        m_root->children.push_back(std::move(node));
    }
}

BrowserModel::Node *BrowserModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex BrowserModel::indexOf(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, node);
}

QModelIndex BrowserModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeOf(parent);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex BrowserModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int BrowserModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int BrowserModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool BrowserModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *node = nodeOf(parent);
    if (!node->isContainer() && node != m_root.get())
        return false;
    if (node->fetched && node->children.empty() && node->nextPageToken.isEmpty())
        return false;
    return true;
}

QVariant BrowserModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    const Drive::DriveFile &f = node->file;
    const bool sharedDrive = !node->isRootTag && node->root == BrowserSource::Root::SharedDrives && node->parent
        && node->parent->isRootTag && !node->parent->isSearch;
    switch (role)
    {
    case Qt::DisplayRole:
        switch (index.column())
        {
        case NameColumn:
            return Format::visibleText(f.name);
        case SizeColumn:
            return f.size >= 0 ? Format::bytes(f.size) : QString();
        case ModifiedColumn:
            return f.modifiedTime.isValid() ? QLocale().toString(f.modifiedTime.toLocalTime(), m_dateFormat) : QString();
        case TypeColumn:
            if (node->isRootTag || sharedDrive)
                return QString();
            if (f.isFolder())
                return tr("Folder");
            if (f.isGoogleApp())
            {
                const QString target = m_exportFormats.value(f.mimeType);
                return target.isEmpty() ? tr("Google file (not exported)") : Format::exportLabel(target);
            }
            return f.mimeType;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        // Names and types may be elided in narrow columns.
        return index.column() == NameColumn || index.column() == TypeColumn ? data(index, Qt::DisplayRole) : QVariant();
    case Qt::DecorationRole:
        if (index.column() != NameColumn)
            return {};
        if (node->isSearch)
            return QApplication::style()->standardIcon(QStyle::SP_FileDialogContentsView);
        if (node->isRootTag)
            return Icons::get(node->root == BrowserSource::Root::SharedDrives ? u"shared-drive"_s : u"drive"_s);
        return iconFor(f, sharedDrive);
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case IdRole:
        return f.id;
    case MimeTypeRole:
        return f.mimeType;
    case IsFolderRole:
        return node->isContainer();
    case LoadingRole:
        return node->loading;
    case IsSearchRole:
        return node->isSearch;
    default:
        return {};
    }
}

QVariant BrowserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section)
    {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ModifiedColumn:
        return tr("Modified");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

Qt::ItemFlags BrowserModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (index.isValid() && !nodeOf(index)->isRootTag)
        f |= Qt::ItemIsDragEnabled;
    return f;
}

bool BrowserModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *node = nodeOf(parent);
    if (!m_source || node == m_root.get() || !node->isContainer() || node->loading)
        return false;
    return !node->fetched || !node->nextPageToken.isEmpty();
}

void BrowserModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Node *node = nodeOf(parent);
    node->loading = true;
    const quint64 ticket = ++m_nextTicket;
    m_tickets.insert(ticket, node);
    if (node->isSearch)
        m_source->searchPage(ticket, node->search, node->nextPageToken);
    else
        m_source->listPage(ticket, node->root, node->isRootTag ? QString() : node->file.id, node->nextPageToken);
}

void BrowserModel::removeSearch()
{
    auto &top = m_root->children;
    for (size_t row = 0; row < top.size(); ++row)
    {
        if (!top[row]->isSearch)
            continue;
        // Pages still on their way for the old results (or folders opened in them) are dropped on arrival.
        const Node *old = top[row].get();
        for (auto it = m_tickets.begin(); it != m_tickets.end();)
        {
            const Node *n = it.value();
            while (n && n != old)
                n = n->parent;
            it = n ? m_tickets.erase(it) : std::next(it);
        }
        beginRemoveRows({}, int(row), int(row));
        top.erase(top.begin() + std::ptrdiff_t(row));
        endRemoveRows();
        return;
    }
}

void BrowserModel::setSearch(const BrowserSource::Search &search)
{
    removeSearch();
    if (search.text.isEmpty())
        return;
    auto node = std::make_unique<Node>();
    node->parent = m_root.get();
    node->root = search.scope;
    node->isRootTag = true;
    node->isSearch = true;
    node->search = search;
    node->file.name = tr("Search: %1").arg(search.text);
    node->file.mimeType = QString::fromLatin1(Drive::FolderMime);
    const int row = int(m_root->children.size());
    beginInsertRows({}, row, row);
    m_root->children.push_back(std::move(node));
    endInsertRows();
}

QModelIndex BrowserModel::searchIndex() const
{
    for (size_t row = 0; row < m_root->children.size(); ++row)
        if (m_root->children[row]->isSearch)
            return index(int(row), 0);
    return {};
}

BrowserSource::Search BrowserModel::scopeOf(const QModelIndex &index) const
{
    BrowserSource::Search scope;
    const Node *node = nodeOf(index);
    if (node == m_root.get())
        return scope;
    if (node->isSearch)
        return node->search;
    scope.scope = node->root;
    if (node->root != BrowserSource::Root::SharedDrives)
        return scope;
    // The shared drive is the ancestor just under the "Shared drives" entry.
    while (node->parent && node->parent != m_root.get() && !node->parent->isRootTag)
        node = node->parent;
    if (!node->isRootTag && node->parent && !node->parent->isSearch)
        scope.driveId = node->file.id;
    return scope;
}

void BrowserModel::onPageReady(quint64 ticket, const QList<Drive::DriveFile> &files, const QString &nextPageToken)
{
    Node *node = m_tickets.take(ticket);
    if (!node)
        return;
    node->loading = false;
    node->fetched = true;
    node->nextPageToken = nextPageToken;
    const QModelIndex parentIndex = indexOf(node);
    QList<Drive::DriveFile> visible;
    for (const Drive::DriveFile &f : files)
        if (!f.trashed)
            visible.append(f);
    if (!visible.isEmpty())
    {
        const int first = int(node->children.size());
        beginInsertRows(parentIndex, first, first + int(visible.size()) - 1);
        for (const Drive::DriveFile &f : std::as_const(visible))
        {
            auto child = std::make_unique<Node>();
            child->parent = node;
            child->root = node->root;
            child->file = f;
            node->children.push_back(std::move(child));
        }
        endInsertRows();
    }
    else if (node->children.empty() && parentIndex.isValid())
    {
        // hasChildren() turned false: let views drop the expand arrow.
        emit dataChanged(parentIndex, parentIndex);
    }
}

void BrowserModel::onPageFailed(quint64 ticket, const QString &message)
{
    Node *node = m_tickets.take(ticket);
    if (node)
        node->loading = false;
    emit loadFailed(message);
}

QStringList BrowserModel::mimeTypes() const
{
    return {QString::fromLatin1(SourceItems::MimeType)};
}

Qt::DropActions BrowserModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

QList<SourceItem> BrowserModel::sourceItems(const QModelIndexList &indexes) const
{
    QList<SourceItem> items;
    QList<const Node *> seen;
    for (const QModelIndex &index : indexes)
    {
        const Node *node = nodeOf(index);
        if (!index.isValid() || node->isRootTag || seen.contains(node))
            continue;
        seen.append(node);
        using Kind = Drive::DriveRef::Kind;
        Kind kind = node->file.isFolder() ? Kind::Folder : Kind::File;
        const QString &type = node->file.mimeType;
        if (type == u"application/vnd.google-apps.document")
            kind = Kind::Document;
        else if (type == u"application/vnd.google-apps.spreadsheet")
            kind = Kind::Spreadsheet;
        else if (type == u"application/vnd.google-apps.presentation")
            kind = Kind::Presentation;
        else if (type == u"application/vnd.google-apps.drawing")
            kind = Kind::Drawing;
        else if (node->file.isShortcut())
            kind = Kind::Unknown; // the engine resolves the target
        items.append(SourceItem {{node->file.id, node->file.resourceKey, kind}, node->file.name, type, node->file.size});
    }
    return items;
}

QMimeData *BrowserModel::mimeData(const QModelIndexList &indexes) const
{
    const QList<SourceItem> items = sourceItems(indexes);
    if (items.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(SourceItems::MimeType), SourceItems::encode(items));
    return mime;
}

QModelIndex BrowserModel::findChild(const QModelIndex &parent, const QString &name) const
{
    const Node *node = nodeOf(parent);
    for (size_t i = 0; i < node->children.size(); ++i)
        if (node->children[i]->file.name == name)
            return index(int(i), 0, parent);
    return {};
}
