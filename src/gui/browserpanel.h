// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPersistentModelIndex>
#include <QSet>
#include <QWidget>

class BrowserModel;
class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QTimer;
class QTreeView;

/// The Drive browser's side of the window: the search box, the local name filter over what is loaded, the
/// tree and its "Add to queue" bar. The tree keeps what the user opened while the filter hides and brings back
/// rows (a proxy that drops a row forgets that it was expanded).
class BrowserPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserPanel)

public:
    BrowserPanel(BrowserModel *model, QAction *addSelected, QWidget *parent = nullptr);

    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    /// The selected rows, as indexes of the BrowserModel.
    [[nodiscard]] QModelIndexList selectedItems() const;
    /// Opens the first root (My Drive) to show its first level.
    void showFirstRoot();

public slots:
    /// Asks Drive for the search box's text in the selected item's corpus (also runs a moment after typing
    /// stops); the answer appears as "Search: …" in the browser. Fewer than 2 characters clear it.
    void searchDrive();

signals:
    /// A file (not a folder) was double-clicked; a BrowserModel index.
    void fileActivated(const QModelIndex &item);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void restoreExpansion();
    /// Name gets what the other columns leave, at least MinNameChars.
    void fitNameColumn();

    BrowserModel *m_model;
    QSortFilterProxyModel *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTreeView *m_view = nullptr;
    QSet<QPersistentModelIndex> m_expanded; ///< BrowserModel indexes the user opened
};
