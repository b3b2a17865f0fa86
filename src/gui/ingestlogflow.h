// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/databrickscredentials.h"
#include "destinationchoice.h"
#include "transfer/ingestlog.h"

#include <QObject>

class AppSettings;
class DatabricksTarget;
class DestinationPicker;
class IngestLogPanel;
class QNetworkAccessManager;
class RunController;
class RunFlow;

/**
 * The app's side of issue 13's ingest log and load snippet. When a run into a Databricks destination ends and the
 * settings name a log table and a warehouse (SettingsDialog), the run's report is appended to the table through
 * the chosen workspace (DatabricksTarget::resolve, then Transfer::IngestLogWriter) and the panel says what
 * happened; a run into a Volume also gets its load snippet. The run's own outcome never depends on the log.
 */
class IngestLogFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestLogFlow)

public:
    struct Parts
    {
        RunController *runner = nullptr;
        RunFlow *flow = nullptr;
        AppSettings *settings = nullptr;
        DestinationPicker *destination = nullptr;
        DatabricksTarget *databricks = nullptr;
        QNetworkAccessManager *nam = nullptr;
        IngestLogPanel *panel = nullptr;
    };
    explicit IngestLogFlow(const Parts &parts, QObject *parent = nullptr);

signals:
    /// The log of the last run was written, or failed.
    void logFinished(const Transfer::IngestLogOutcome &outcome);

private:
    void onFinished(const Transfer::Report &report);
    void write(const Transfer::Report &report, const Transfer::IngestLogTarget &target,
               const Auth::DatabricksCredentials &credentials);
    void done(const Transfer::IngestLogOutcome &outcome);

    Parts m_parts;
    DestinationChoice m_choice; ///< the destination of the run in flight, as it was launched
};
