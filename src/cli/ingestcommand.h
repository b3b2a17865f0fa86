// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drivecommand.h"
#include "workspaceoptions.h"
#include "destinations/destinationspec.h"
#include "transfer/enginehost.h"
#include "transfer/ingestlog.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <functional>
#include <optional>

namespace Cli
{
/**
 * `drive-ingest-cli ingest SOURCE... --to DEST [options]`: parses and checks everything up front (usage
 * errors exit 2 before any network traffic), runs the engine on its worker thread through EngineHost,
 * shows progress, writes the report and maps the outcome to an exit code (exitcode.h).
 */
class IngestCommand final : public DriveCommand
{
    Q_DECLARE_TR_FUNCTIONS(Cli::IngestCommand)

public:
    explicit IngestCommand(const Streams &streams, TokenFactoryResolver resolver = {});

    int execute(const QStringList &args) override;

    /// Everything the command line says, validated (exposed for in-process tests).
    struct Plan
    {
        QList<Drive::DriveRef> sources;
        Dest::DestinationSpec destination;
        Transfer::RunOptions options;
        Net::Endpoints endpoints;
        bool sandbox = false;
        QString reportPath;
        bool quiet = false;
        GoogleAccess access;              ///< how the Google token is found
        QString databricksHost;           ///< volume:/dbfs: only: the normalised workspace URL
        Workspace workspace;              ///< volume:/dbfs: only: the workspace and, when configured, its credentials
        Transfer::IngestLogTarget logTable; ///< --log-table, --warehouse (LogTableOptions)
    };
    /// Parses `args` into a plan; on failure prints to err() and sets `*exitCode` (0 after --help).
    [[nodiscard]] std::optional<Plan> plan(const QStringList &args, int *exitCode);

protected:
    [[nodiscard]] QList<QCommandLineOption> ownOptions() const override;
    [[nodiscard]] QList<QPair<QString, QString>> positionals() const override;
    [[nodiscard]] QString epilogue() const override;

private:
    int run(const Plan &plan, Transfer::EngineHost::TokenFactory token);
};

} // namespace Cli
