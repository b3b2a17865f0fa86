// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingestlogflow.h"

#include "appsettings.h"
#include "databrickstarget.h"
#include "destinationpicker.h"
#include "ingestlogpanel.h"
#include "runcontroller.h"

#include "destinations/databricksclient.h"
#include "transfer/loadsnippet.h"

IngestLogFlow::IngestLogFlow(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    connect(m_parts.flow, &RunFlow::launching, this, [this] {
        m_choice = m_parts.destination->choice();
        m_parts.panel->clear();
    });
    connect(m_parts.runner, &RunController::finished, this, &IngestLogFlow::onFinished);
}

void IngestLogFlow::onFinished(const Transfer::Report &report)
{
    const DestinationChoice choice = m_choice;
    m_parts.panel->setSnippet(choice.kind == AppSettings::DestinationKind::Volume
                                  ? Transfer::LoadSnippet::forRun(choice.path, report.files)
                                  : std::nullopt);
    const Transfer::IngestLogTarget target = m_parts.settings->ingestLog();
    if (!target.isSet() || !choice.isDatabricks())
        return;
    m_parts.panel->setLogText(tr("Writing the ingest log to %1…").arg(target.table));
    m_parts.databricks->resolve(choice, this,
                                [this, report, target](const std::optional<DatabricksWorkspace> &workspace, const QString &problem) {
                                    if (!workspace)
                                        return done({target.table, 0, int(report.files.size()), problem});
                                    write(report, target, workspace->credentials);
                                });
}

void IngestLogFlow::write(const Transfer::Report &report, const Transfer::IngestLogTarget &target,
                          const Auth::DatabricksCredentials &credentials)
{
    // One owner for the log's objects: gone once the log is written.
    auto *holder = new QObject(this);
    auto *tokens = new Auth::DatabricksTokenProvider(m_parts.nam, credentials, holder);
    auto *client = new Dest::DatabricksClient(m_parts.nam, tokens, QUrl(credentials.host), holder);
    auto *writer = new Transfer::IngestLogWriter(client, target, holder);
    connect(writer, &Transfer::IngestLogWriter::finished, this, [this, holder](const Transfer::IngestLogOutcome &outcome) {
        holder->deleteLater();
        done(outcome);
    });
    writer->write(report, Transfer::IngestLogRun::make(Transfer::IngestLogRun::jobOf({}, m_choice.path)));
}

void IngestLogFlow::done(const Transfer::IngestLogOutcome &outcome)
{
    m_parts.panel->setLogText(outcome.text(), !outcome.ok());
    emit logFinished(outcome);
}
