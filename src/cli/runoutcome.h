// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/destination.h"
#include "net/error.h"
#include "transfer/runoutcome.h"
#include "transfer/snapshot.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Cli
{
/**
 * How an `ingest` run ended, in the CLI's words: what stopped it (a signal, a refused token, a destination
 * error) handed to Transfer::RunOutcome, which decides the outcome and exit code (README's table,
 * exitcode.h) as the app does; the closing words printed after the summary; the report file.
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

    /// Outcome, exit code and message (Transfer::RunOutcome::of), the signal said in words.
    [[nodiscard]] Transfer::RunOutcome classify(const Transfer::Report &report) const;

    /// What an interruption left behind and how to continue; the note on the demo tree's planted faults.
    [[nodiscard]] QString closingWords(const Transfer::Report &report, const Transfer::RunOutcome &outcome) const;

    /// `--report FILE`: Transfer::ReportFormat written by "drive-ingest-cli"; false with `*error` on failure.
    static bool writeReport(const QString &path, const Transfer::Report &report, const Transfer::RunOutcome &outcome,
                            QString *error);

    /// "Ctrl-C (SIGINT)", "SIGTERM": the signal in words.
    [[nodiscard]] static QString signalName(int signalNumber);
    /// Said at once when the first signal arrives.
    [[nodiscard]] static QString stoppingMessage(int signalNumber);
};

} // namespace Cli
