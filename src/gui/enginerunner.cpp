// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginerunner.h"

#include "auth/databrickscredentials.h"
#include "destinations/localdestination.h"
#include "destinations/dbfsdestination.h"
#include "destinations/volumedestination.h"
#include "transfer/enginehost.h"

#include <QCoreApplication>
#include <QDir>

EngineRunner::EngineRunner(Transfer::EngineHost *host, QObject *parent)
    : RunController(parent)
    , m_host(host)
{
    connect(m_host, &Transfer::EngineHost::snapshot, this, &RunController::snapshot);
    connect(m_host, &Transfer::EngineHost::finished, this, &RunController::finished);
    connect(m_host, &Transfer::EngineHost::authRequired, this, &RunController::authRequired);
    connect(m_host, &Transfer::EngineHost::runFailed, this, &RunController::runFailed);
}

void EngineRunner::start(const RunPlan &plan)
{
    Transfer::EngineHost::Setup setup;
    setup.endpoints = plan.account.endpoints;
    setup.options = plan.options;
    // The factories run later on the engine thread; they capture copies only.
    setup.googleToken = plan.account.tokens();
    const DestinationChoice destination = plan.destination;
    // The field read by the CLI's rules (checked before Start): "dbfs:/Volumes/…", "local:/…" and friends.
    QString ignored;
    const std::optional<Dest::DestinationSpec> spec = destination.spec(&ignored);
    const QString root = spec ? spec->path : destination.path;
    if (destination.isDatabricks())
    {
        if (!plan.databricks.isValid())
        {
            Net::Error error;
            error.errorClass = Net::ErrorClass::Auth;
            error.reason = QStringLiteral("noDatabricksWorkspace");
            error.message = QCoreApplication::translate("EngineRunner", "Choose a Databricks workspace first (Accounts menu).");
            emit runFailed(error);
            return;
        }
        const DatabricksWorkspace workspace = plan.databricks;
        setup.endpoints.databricksHost = workspace.host();
        setup.destination = [workspace, destination, root](QNetworkAccessManager *nam, QObject *parent) -> Dest::Destination * {
            // Same provider as the CLI's --databricks-host: a PAT as is, a service principal's token fetched and renewed.
            auto *tokens = new Auth::DatabricksTokenProvider(nam, workspace.credentials, parent);
            if (destination.kind == AppSettings::DestinationKind::Volume)
                return new Dest::VolumeDestination(nam, tokens, workspace.host(), root, parent);
            return new Dest::DbfsDestination(nam, tokens, workspace.host(), root, parent);
        };
    }
    else
    {
        setup.destination = [root](QNetworkAccessManager *, QObject *parent) -> Dest::Destination * {
            return new Dest::LocalDestination(root, parent);
        };
    }
    m_host->startRun(setup, plan.sources);
}

void EngineRunner::addSources(const QList<Drive::DriveRef> &sources)
{
    m_host->addSources(sources);
}

void EngineRunner::pause()
{
    m_host->pause();
}

void EngineRunner::resume()
{
    m_host->resume();
}

void EngineRunner::cancel()
{
    m_host->cancel();
}

void EngineRunner::pauseFile(quint64 key)
{
    m_host->pauseFile(key);
}

void EngineRunner::resumeFile(quint64 key)
{
    m_host->resumeFile(key);
}

void EngineRunner::cancelFile(quint64 key)
{
    m_host->cancelFile(key);
}

void EngineRunner::retryFile(quint64 key)
{
    m_host->retryFile(key);
}

void EngineRunner::setParallel(int files)
{
    m_host->setParallel(files);
}

void EngineRunner::setBandwidthLimit(qint64 bytesPerSecond)
{
    m_host->setBandwidthLimit(bytesPerSecond);
}
