// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcontroller.h"

#include "appsettings.h"
#include "databrickstarget.h"
#include "destinationpicker.h"
#include "net/tokenprovider.h"
#include "queuemodel.h"

#include "destinations/foldertemplate.h"

#include <QCoreApplication>

AccountSession::TokenFactory AccountSession::tokens() const
{
    if (tokenFactory)
        return tokenFactory;
    // Copies captured by value: the factory may run later, on another thread.
    const QByteArray token = staticToken;
    const QString account = accountName;
    return [token, account](QNetworkAccessManager *, QObject *parent) -> Net::TokenProvider * {
        return new Net::StaticTokenProvider(token, account, parent);
    };
}

// RunFlow's words were the window's: they keep its translation context ("MainWindow"), where the translations are.
RunFlow::RunFlow(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    // Connected before the window's own slots: they read the state already updated.
    RunController *runner = m_parts.runner;
    connect(runner, &RunController::snapshot, this, [this](const Transfer::Snapshot &snapshot) {
        m_paused = snapshot.paused;
    });
    connect(runner, &RunController::finished, this, [this] { setState(false, false); });
    connect(runner, &RunController::runFailed, this, [this] { setState(false, false); });
    connect(runner, &RunController::notice, this, [this](const QString &text) { m_notice = text; }); // issue 12
}

void RunFlow::setState(bool running, bool paused)
{
    m_running = running;
    m_paused = paused;
    emit changed();
}

void RunFlow::start(const AccountSession &account)
{
    if (m_running || m_checking || !account.isValid())
        return;
    if (!m_parts.queue->hasWork())
    {
        emit message(QCoreApplication::translate("MainWindow", "Add files or folders to the queue first."));
        return;
    }
    checkAndLaunch(account, std::nullopt);
}

void RunFlow::startJob(const AccountSession &account, const QList<SourceItem> &sources, const DestinationChoice &destination)
{
    if (m_running || m_checking || !account.isValid() || sources.isEmpty())
        return;
    m_parts.destination->setChoice(destination);
    checkAndLaunch(account, sources);
}

void RunFlow::checkAndLaunch(const AccountSession &account, const JobSources &job)
{
    if (!m_parts.destination->validate())
        return;
    if (m_parts.destination->choice().isDatabricks())
        return checkDatabricks(account, job);
    launch(account, {}, job);
}

void RunFlow::checkDatabricks(const AccountSession &account, const JobSources &job)
{
    m_checking = true;
    emit changed();
    m_parts.destination->showProblem(QCoreApplication::translate("MainWindow", "Checking the Databricks workspace…"));
    m_parts.databricks->resolve(m_parts.destination->choice(), this,
                                [this, account, job](const std::optional<DatabricksWorkspace> &workspace, const QString &problem) {
                                    m_checking = false;
                                    m_parts.destination->showProblem(problem);
                                    if (workspace)
                                        return launch(account, *workspace, job);
                                    emit changed();
                                });
}

void RunFlow::launch(const AccountSession &account, const DatabricksWorkspace &databricks, const JobSources &job)
{
    m_parts.destination->remember();
    RunPlan plan;
    plan.account = account;
    plan.destination = m_parts.destination->choice();
    plan.databricks = databricks;
    plan.options = m_parts.settings->runOptions();
    if (job)
        m_parts.queue->setRunSources(*job);
    const QList<SourceItem> sources = job ? *job : m_parts.queue->takeForRun();
    for (const SourceItem &item : sources)
        plan.sources.append(item.ref);
    // A folder's {yyyy}/{mm}/{dd}/{job} are filled in now (checked by validate()); {job} is the first source's name.
    plan.destination.path = Dest::expandFolderTemplate(plan.destination.path, QDate::currentDate(),
                                                       sources.isEmpty() ? QString() : sources.first().name, nullptr);
    m_notice.clear();
    emit launching();
    setState(true, false);
    m_parts.runner->start(plan);
}

void RunFlow::pause()
{
    if (!m_running)
        return;
    m_parts.runner->pause();
    setState(true, true);
}

void RunFlow::resume()
{
    if (!m_running)
        return;
    m_parts.runner->resume();
    setState(true, false);
}

void RunFlow::cancel()
{
    if (m_running)
        m_parts.runner->cancel();
}

void RunFlow::applyLiveSettings()
{
    if (!m_running)
        return;
    m_parts.runner->setParallel(m_parts.settings->parallel());
    m_parts.runner->setBandwidthLimit(m_parts.settings->bandwidthLimit());
}

bool RunFlow::addToRun(const QList<SourceItem> &items)
{
    if (!m_running)
        return false;
    // A run is in flight: hand the new sources to the engine right away; its snapshots list the files.
    QList<Drive::DriveRef> refs;
    for (const SourceItem &item : items)
        refs.append(item.ref);
    m_parts.queue->addToRun(m_parts.queue->takePending());
    m_parts.runner->addSources(refs);
    return true;
}
