// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinationchoice.h"

#include <QWidget>

class AppSettings;
class QComboBox;
class QLabel;
class QPushButton;

/// Local folder / Volume / DBFS with the path; a local folder dropped on it is chosen; recent Volumes kept.
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
    /// Shows a problem (or a note while a check runs) under the field; empty hides it.
    void showProblem(const QString &text);
    [[nodiscard]] QString problem() const;

signals:
    void changed();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void browse();
    void kindChanged();

    AppSettings *m_settings;
    QComboBox *m_kind = nullptr;
    QComboBox *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_problem = nullptr;
};
