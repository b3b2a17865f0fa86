// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/databrickscredentials.h"
#include "destinations/destinationspec.h"
#include "drive/driveref.h"
#include "net/backoff.h"
#include "transfer/ingestlog.h"
#include "transfer/snapshot.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

class QCommandLineParser;
class QTextStream;

namespace Cli
{
/**
 * `ingest --log-table CATALOG.SCHEMA.TABLE --warehouse ID` (issue 13): checked with the rest of the command line
 * (before any traffic), then, after the run, the log is written through the workspace the run wrote to and its
 * outcome printed ("Ingest log: N rows written to …" / "Ingest log failed: …"). The run's exit code never
 * depends on it. After a run into a Volume the summary also shows the load snippet (Transfer::LoadSnippet).
 */
class LogTableOptions final
{
    Q_DECLARE_TR_FUNCTIONS(Cli::LogTableOptions)

public:
    [[nodiscard]] static QList<QCommandLineOption> options();
    /// The target the command line names (not set without --log-table); nullopt with `*error` on misuse: a bad
    /// table name, --log-table without --warehouse or the reverse, a local destination (no workspace to log to).
    [[nodiscard]] static std::optional<Transfer::IngestLogTarget> fromParser(
        const QCommandLineParser &parser, const Dest::DestinationSpec &destination, QString *error);

    /// The log's `job` (Transfer::IngestLogRun::jobOf) for the command line's sources and destination.
    [[nodiscard]] static QString job(const QList<Drive::DriveRef> &sources, const Dest::DestinationSpec &destination);

    struct AfterRun
    {
        Transfer::IngestLogTarget target;
        std::optional<Auth::DatabricksCredentials> credentials;
        Dest::DestinationSpec destination;
        QString job;
        Net::BackoffPolicy backoff;
        bool dryRun = false;
        bool quiet = false;
    };
    /// Writes the log when asked (waiting for it) and prints its outcome to `out` (to `err` when it failed and
    /// the run is quiet), then the load snippet for a Volume unless quiet. Returns the log's outcome (nullopt
    /// when no log was asked).
    static std::optional<Transfer::IngestLogOutcome> afterRun(const AfterRun &run, const Transfer::Report &report,
                                                              QTextStream &out, QTextStream &err);
    /// Writes the log and waits for its outcome (a local event loop).
    [[nodiscard]] static Transfer::IngestLogOutcome writeLog(const Transfer::IngestLogTarget &target,
                                                             const Auth::DatabricksCredentials &credentials,
                                                             const Net::BackoffPolicy &backoff,
                                                             const Transfer::Report &report, const QString &job);
};

} // namespace Cli
