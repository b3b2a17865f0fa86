// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/databrickscredentials.h"

#include <QDialog>

class DatabricksTarget;
class DestinationPicker;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Dest
{
class UnityCatalog;
}

/**
 * Picks a Databricks Volume from Unity Catalog: catalogs → schemas → volumes in a tree, each level loaded when
 * it is opened (Dest::UnityCatalog pages through the listings). Every volume says whether it can be written
 * (effective permissions: WRITE VOLUME with USE CATALOG and USE SCHEMA); one that cannot is disabled, with the
 * missing privileges in its tooltip, so it cannot be chosen. "New volume…" creates a MANAGED volume in the
 * selected schema. An optional folder inside the volume may hold {yyyy}, {mm}, {dd} and {job}, filled in when
 * the run starts (Dest::expandFolderTemplate()).
 */
class CatalogPicker final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogPicker)

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, ///< Kind
        LoadedRole,                  ///< children loaded (catalogs, schemas)
        WritableRole,                ///< volumes: true / false once known, invalid while checking
    };
    enum class Kind
    {
        Catalog,
        Schema,
        Volume,
    };

    /// Browses the workspace `credentials` name.
    CatalogPicker(QNetworkAccessManager *nam, const Auth::DatabricksCredentials &credentials, QWidget *parent = nullptr);
    ~CatalogPicker() override;

    /// Opens a picker (window-modal, deleted on close) for the workspace chosen in `target`; OK puts the Volume
    /// path into `destination`. Without a workspace, `destination` shows why.
    static void openFor(DatabricksTarget *target, QNetworkAccessManager *nam, DestinationPicker *destination);

    /// "/Volumes/c/s/v[/folder]" of the selected volume (the folder as typed, placeholders kept); empty when none.
    [[nodiscard]] QString destinationPath() const;
    [[nodiscard]] bool isBusy() const { return m_pending > 0; }
    [[nodiscard]] QString statusText() const;
    /// Creates a MANAGED volume named `name` in the selected schema (or the selected volume's schema).
    void createVolume(const QString &name);

signals:
    /// A volume was created (full name "c.s.v").
    void volumeCreated(const QString &fullName);

private:
    void loadCatalogs();
    void loadChildren(QTreeWidgetItem *item);
    void checkAccess(QTreeWidgetItem *volume);
    void askNewVolume();
    void updateState();
    void showStatus(const QString &text, bool problem);
    /// The schema item the selection is in (itself, or a volume's parent); nullptr otherwise.
    [[nodiscard]] QTreeWidgetItem *selectedSchema() const;
    [[nodiscard]] QTreeWidgetItem *selectedVolume() const;
    [[nodiscard]] QString folderProblem() const;

    Dest::UnityCatalog *m_catalog = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLineEdit *m_folder = nullptr;
    QLabel *m_folderNote = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_newVolume = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_selectWhenListed; ///< full name of a volume to select once its schema is listed again
    int m_pending = 0;
};
