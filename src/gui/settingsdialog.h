// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

class AppSettings;
class QComboBox;

namespace Ui
{
class SettingsDialog;
}

/// The settings form (ui/settingsdialog.ui): loads from and saves to AppSettings. No secrets.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void load();
    void save();

    void accept() override;

private:
    void fillFormats(QComboBox *combo, const QList<std::pair<QString, QString>> &choices, const QString &current);
    void updateProxyFields();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppSettings *m_settings;
};
