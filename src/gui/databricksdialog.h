// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <functional>
#include <memory>

class QPushButton;

class DatabricksWorkspaces;

namespace Ui
{
class DatabricksDialog;
}

/// Accounts → Databricks workspaces: lists the kept workspaces, adds one (URL + personal access token, or a
/// service principal's client id + secret), removes one, and picks the one runs write to; the profiles of
/// ~/.databrickscfg are listed (and may be picked) too, marked as such, never changed.
class DatabricksDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabricksDialog)

public:
    DatabricksDialog(DatabricksWorkspaces *workspaces, const QString &chosenHost, QWidget *parent = nullptr);
    ~DatabricksDialog() override;

    [[nodiscard]] QString chosenHost() const { return m_chosen; }
    /// The host of the selected row (empty when none).
    [[nodiscard]] QString selectedHost() const;
    /// Tests: the last status line (empty while busy or after success without a note).
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] bool isBusy() const { return m_busy; }
    /// Where "Sign in to Databricks" shows the consent page; default: the system browser (tests play it).
    void setOpenUrl(std::function<void(const QUrl &)> openUrl);

signals:
    void workspaceChosen(const QString &host);

private:
    void reload();
    void add();
    void removeSelected();
    void useSelected();
    void kindChanged();
    void setBusy(bool busy, const QString &status);
    // "Sign in to Databricks" (browser sign-in, OAuth U2M)
    void setUpBrowserSignIn();
    void askBrowserSignIn();
    void browserSignIn(const QString &hostText, const QString &clientId);
    void addProfileRows(const QString &selected);
    [[nodiscard]] bool selectedIsProfile() const;

    std::unique_ptr<Ui::DatabricksDialog> m_ui;
    DatabricksWorkspaces *m_workspaces;
    QString m_chosen;
    bool m_busy = false;
    QPushButton *m_signInButton = nullptr;
    std::function<void(const QUrl &)> m_openUrl;
};
