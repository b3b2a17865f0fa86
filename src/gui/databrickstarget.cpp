// SPDX-License-Identifier: GPL-3.0-or-later
#include "databrickstarget.h"

#include "appsettings.h"
#include "databricksworkspaces.h"

#include "destinations/destinationfactory.h"

#include <QCoreApplication>
#include <QUrl>

DatabricksTarget::DatabricksTarget(DatabricksWorkspaces *workspaces, AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_workspaces(workspaces)
    , m_settings(settings)
{
    connect(m_workspaces, &DatabricksWorkspaces::changed, this, &DatabricksTarget::changed);
}

void DatabricksTarget::setSession(const AccountSession &session)
{
    m_sandbox = session.isSandbox ? session : AccountSession {};
    emit changed();
}

QString DatabricksTarget::sandboxHost() const
{
    return m_sandbox.isValid() ? Auth::DatabricksCredentials::normaliseHost(m_sandbox.endpoints.databricksHost.toString()) : QString();
}

QList<DatabricksTarget::Option> DatabricksTarget::options() const
{
    QList<Option> options;
    // The host says which workspace; the scheme adds nothing (the tooltip has the whole address).
    const auto shown = [](const QString &host) { return QUrl(host).authority().isEmpty() ? host : QUrl(host).authority(); };
    for (const Auth::Account &account : m_workspaces->list())
        options.append({account.name, shown(account.name)});
    const QString sandbox = sandboxHost();
    bool kept = false;
    for (const Option &option : std::as_const(options))
        kept = kept || option.host == sandbox;
    if (!sandbox.isEmpty() && !kept)
        options.append({sandbox, QCoreApplication::translate("DatabricksTarget", "Sandbox (%1)").arg(shown(sandbox))});
    for (const DatabricksWorkspaces::Profile &profile : DatabricksWorkspaces::profiles())
        options.append({profile.key, QCoreApplication::translate("DatabricksTarget", "%1 (profile %2 from ~/.databrickscfg)")
                                         .arg(shown(profile.host), profile.name)});
    return options;
}

QString DatabricksTarget::chosen() const
{
    const QString host = m_settings->databricksWorkspace();
    for (const Option &option : options())
        if (!host.isEmpty() && option.host == host)
            return host;
    return {};
}

void DatabricksTarget::choose(const QString &host)
{
    if (host == m_settings->databricksWorkspace())
        return;
    m_settings->setDatabricksWorkspace(host);
    emit changed();
}

void DatabricksTarget::resolve(const DestinationChoice &destination, QObject *context, Resolved done)
{
    loadChosen(context, [this, destination, context, done](const std::optional<DatabricksWorkspace> &workspace, const QString &error) {
        if (!workspace)
            return done(std::nullopt, error);
        const Auth::DatabricksCredentials credentials = workspace->credentials;
        m_workspaces->check(credentials, destination, context, [credentials, done](const QString &problem) {
            if (!problem.isEmpty())
                return done(std::nullopt, problem);
            done(DatabricksWorkspace {credentials}, QString());
        });
    });
}

void DatabricksTarget::loadChosen(QObject *context, Resolved done)
{
    const QString host = chosen();
    if (host.isEmpty())
    {
        done(std::nullopt, QCoreApplication::translate("DatabricksTarget", "Choose the Databricks workspace to write to, next to the destination "
                                                                           "(or add one under Accounts → Databricks workspaces)."));
        return;
    }
    // The sandbox also plays the Databricks workspace, with its built-in token (the CLI's rule, one place).
    const auto sandbox = Dest::sandboxWorkspace(m_sandbox.isValid(), m_sandbox.endpoints, host);
    m_workspaces->load(host, sandbox, context, [done](const std::optional<Auth::DatabricksCredentials> &credentials, const QString &error) {
        if (credentials)
            done(DatabricksWorkspace {*credentials}, QString());
        else
            done(std::nullopt, error);
    });
}
