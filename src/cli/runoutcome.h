// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportwriter.h"

#include "destinations/destination.h"
#include "net/error.h"
#include "transfer/snapshot.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Cli
{
/**
 * How an `ingest` run ended, turned into what scripts and people get: the exit code and outcome word of the
 * README's table (exitcode.h), and the closing words printed after the summary.
 */
class RunOutcome final
{
    Q_DECLARE_TR_FUNCTIONS(Cli::RunOutcome)

public:
    int signalNumber = 0;                  ///< SIGINT or SIGTERM that stopped the run; 0 if none
    std::optional<Net::Error> localFailure; ///< the run stopped on a destination or local error
    std::optional<QString> authFailure;     ///< the token was refused
    bool sandbox = false;                   ///< --sandbox: the demo tree's planted faults are expected
    Dest::ConflictPolicy conflict = Dest::ConflictPolicy::Skip;

    /// Exit code, outcome and message. Also counts failed and parked files (`*problems`) and takes a refused
    /// token that failed files (not the run) as an auth failure.
    [[nodiscard]] ReportWriter::RunInfo classify(const Transfer::Report &report, int *problems);

    /// What an interruption left behind and how to continue; the note on the demo tree's planted faults.
    [[nodiscard]] QString closingWords(const Transfer::Report &report, const ReportWriter::RunInfo &info) const;

    /// "Ctrl-C (SIGINT)", "SIGTERM": the signal in words.
    [[nodiscard]] static QString signalName(int signalNumber);
    /// Said at once when the first signal arrives.
    [[nodiscard]] static QString stoppingMessage(int signalNumber);
};

} // namespace Cli
