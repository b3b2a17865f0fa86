// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginerunner.h"

#include "destinations/destinationfactory.h"
#include "journal/store.h"
#include "transfer/enginehost.h"

#include <QCoreApplication>

EngineRunner::EngineRunner(Transfer::EngineHost *host, QObject *parent)
    : RunController(parent)
    , m_host(host)
{
    connect(m_host, &Transfer::EngineHost::snapshot, this, &RunController::snapshot);
    connect(m_host, &Transfer::EngineHost::finished, this, &RunController::finished);
    connect(m_host, &Transfer::EngineHost::authRequired, this, &RunController::authRequired);
    connect(m_host, &Transfer::EngineHost::runFailed, this, &RunController::runFailed);
    connect(m_host, &Transfer::EngineHost::notice, this, &RunController::notice);
}

void EngineRunner::start(const RunPlan &plan)
{
    Transfer::EngineHost::Setup setup;
    setup.endpoints = plan.account.endpoints;
    setup.options = plan.options;
    setup.options.journalPath = Journal::Store::defaultPath(); // the app journals too (issue 11)
    // The factories run later on the engine thread; they capture copies only.
    setup.googleToken = plan.account.tokens();
    // The field read by the CLI's rules (checked before Start): "dbfs:/Volumes/…", "local:/…" and friends.
    QString error;
    const std::optional<Dest::DestinationSpec> spec = plan.destination.spec(&error);
    std::optional<Auth::DatabricksCredentials> credentials;
    if (plan.databricks.isValid())
    {
        credentials = plan.databricks.credentials;
        setup.endpoints.databricksHost = plan.databricks.host();
    }
    std::optional<Dest::DestinationFactory> destination;
    if (spec)
        destination = Dest::destinationFactory(*spec, credentials, &error);
    if (!destination)
    {
        Net::Error failure;
        failure.errorClass = spec ? Net::ErrorClass::Auth : Net::ErrorClass::Local;
        failure.reason = spec ? QStringLiteral("noDatabricksWorkspace") : QStringLiteral("invalidDestination");
        failure.message = spec ? QCoreApplication::translate("EngineRunner", "Choose a Databricks workspace first (Accounts menu).") : error;
        emit runFailed(failure);
        return;
    }
    setup.destination = *destination;
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
