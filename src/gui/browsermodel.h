// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "browsersource.h"
#include "sourceitem.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QMap>
#include <QPointer>

#include <memory>
#include <vector>

/**
 * The Drive browser: My Drive, Shared with me and Shared drives as three roots; every folder loads lazily,
 * one page per fetchMore(). Items drag out as SourceItems (see sourceitem.h). Google files say which format
 * they will be exported to.
 */
class BrowserModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserModel)

public:
    enum Column
    {
        NameColumn,
        SizeColumn,
        ModifiedColumn,
        TypeColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        MimeTypeRole,
        IsFolderRole,
        LoadingRole,
        IsSearchRole, ///< the search results' top-level entry
    };

    explicit BrowserModel(QObject *parent = nullptr);
    ~BrowserModel() override;

    /// Not owned. Setting a source resets the tree to its three roots.
    void setSource(BrowserSource *source);
    /// False before a sign-in (nothing to list or search).
    [[nodiscard]] bool hasSource() const { return !m_source.isNull(); }
    void setExportFormats(const QMap<QString, QString> &formats);
    /// Shows Drive's answer to a name search as a fourth top-level entry, loaded page by page like a folder;
    /// empty text removes it. A new search replaces the previous one.
    void setSearch(const BrowserSource::Search &search);
    /// The search results' entry (invalid when there is no search).
    [[nodiscard]] QModelIndex searchIndex() const;
    /// Which corpus an item belongs to, and its shared drive's id (for a search scoped to where the user is).
    [[nodiscard]] BrowserSource::Search scopeOf(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    [[nodiscard]] QList<SourceItem> sourceItems(const QModelIndexList &indexes) const;
    /// The first loaded child of `parent` with this name (for tests and "reveal").
    [[nodiscard]] QModelIndex findChild(const QModelIndex &parent, const QString &name) const;
    [[nodiscard]] int pendingRequests() const { return int(m_tickets.size()); }

signals:
    void loadFailed(const QString &message);

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node, int column = 0) const;
    void onPageReady(quint64 ticket, const QList<Drive::DriveFile> &files, const QString &nextPageToken);
    void onPageFailed(quint64 ticket, const QString &message);
    void resetRoots();
    void removeSearch();

    std::unique_ptr<Node> m_root;
    QPointer<BrowserSource> m_source;
    QMap<QString, QString> m_exportFormats;
    QString m_dateFormat;
    QHash<quint64, Node *> m_tickets;
    quint64 m_nextTicket = 0;
};
