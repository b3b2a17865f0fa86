// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databrickstarget.h"
#include "destinationchoice.h"

#include <QHash>
#include <QWidget>

class AppSettings;
class QComboBox;
class QLabel;
class QPushButton;

/**
 * Local folder / Volume / DBFS with the path; a local folder dropped on it is chosen; recent Volumes kept.
 * For Volume and DBFS the workspace written to is chosen in the same row. The line under the field always
 * holds either the kind's format hint or the problem of the last check, in the same room, so nothing below
 * moves when a problem appears. Each kind keeps its own text: choosing another kind never leaves a local path
 * in a Volume field.
 */
class DestinationPicker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationPicker)

public:
    explicit DestinationPicker(AppSettings *settings, QWidget *parent = nullptr);

    [[nodiscard]] DestinationChoice choice() const;
    void setChoice(const DestinationChoice &choice);
    /// Remembers the choice (and a Volume among the recent ones).
    void remember();
    /// Shows the check's outcome under the field; true when fine.
    bool validate();
    /// Shows a problem (or a note while a check runs) under the field; empty shows the format hint again.
    void showProblem(const QString &text);
    [[nodiscard]] QString problem() const { return m_problemText; }
    /// The format hint of the chosen kind.
    [[nodiscard]] QString hint() const;
    /// The workspaces a Databricks destination can be in, and the chosen one (empty: none yet).
    void setWorkspaces(const QList<DatabricksTarget::Option> &options, const QString &chosen);

signals:
    void changed();
    /// The user picked a workspace in the field's row.
    void workspaceChosen(const QString &host);
    /// "Browse…" with a Volume chosen: the window opens the Unity Catalog picker (CatalogPicker::openFor()).
    void catalogRequested();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void browse();
    void kindChanged();
    [[nodiscard]] AppSettings::DestinationKind kind() const;

    AppSettings *m_settings;
    QComboBox *m_kind = nullptr;
    QComboBox *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QComboBox *m_workspace = nullptr;
    QLabel *m_note = nullptr; ///< the hint or the problem
    QString m_problemText;
    AppSettings::DestinationKind m_shownKind = AppSettings::DestinationKind::LocalFolder;
    QHash<int, QString> m_textOfKind; ///< what each kind's field held when the user left it
};
