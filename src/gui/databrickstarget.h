// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runcontroller.h"

#include <QObject>

#include <functional>
#include <optional>

class AppSettings;
class DatabricksWorkspaces;

/**
 * Which Databricks workspace a Volume or DBFS run writes to, chosen by the user and shown next to the
 * destination, and the check before such a run. The choices are the kept workspaces and, while the sandbox is
 * the shown account, the sandbox's own; nothing is ever chosen implicitly. The choice is kept in AppSettings
 * (a host).
 */
class DatabricksTarget final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabricksTarget)

public:
    struct Option
    {
        QString host;  ///< normalised, as kept
        QString label; ///< what the user reads
    };
    /// A workspace with its credentials, or the reason there is none (translated).
    using Resolved = std::function<void(const std::optional<DatabricksWorkspace> &workspace, const QString &problem)>;

    DatabricksTarget(DatabricksWorkspaces *workspaces, AppSettings *settings, QObject *parent = nullptr);

    /// The shown account: a sandbox session offers the sandbox's workspace.
    void setSession(const AccountSession &session);
    [[nodiscard]] QList<Option> options() const;
    /// The chosen host when it is one of options(), else empty.
    [[nodiscard]] QString chosen() const;
    void choose(const QString &host);
    /// Reads the chosen workspace's credentials and checks that the workspace takes them and knows the
    /// destination's root. `done` runs once, on `context`.
    void resolve(const DestinationChoice &destination, QObject *context, Resolved done);
    /// The chosen workspace's credentials, without a check (the Unity Catalog picker's calls are the check).
    void loadChosen(QObject *context, Resolved done);

signals:
    /// The options or the choice changed.
    void changed();

private:
    [[nodiscard]] QString sandboxHost() const;

    DatabricksWorkspaces *m_workspaces;
    AppSettings *m_settings;
    AccountSession m_sandbox; ///< valid while the sandbox is the shown account
};
