// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/error.h"
#include "transfer/snapshot.h"

#include <QString>

#include <optional>

namespace Transfer
{
/// How a run ended: the README's outcome words and exit codes, the same for the CLI and the app.
enum class Outcome
{
    Completed,         ///< "completed", 0: every file done or skipped
    FilesFailed,       ///< "files-failed", 1: the run ended, some files failed or were parked
    AuthFailed,        ///< "auth-failed", 3: the token was refused and could not be refreshed
    DestinationFailed, ///< "destination-failed", 4: a destination or local error stopped the run early
    Interrupted,       ///< "interrupted", 130: stopped (a signal, the user); finished files stay
    JournalFailed,     ///< "journal-failed", 5: the journal could not be used (locked, unwritable, newer); nothing moved
};

/// The README's table: each outcome with its exit code (Cli::ExitCode holds the same numbers) and its word.
struct OutcomeRow
{
    Outcome outcome;
    int exitCode;
    const char *name; ///< stable, for scripts
};
inline constexpr OutcomeRow outcomeTable[] = {
    {Outcome::Completed, 0, "completed"},
    {Outcome::FilesFailed, 1, "files-failed"},
    {Outcome::AuthFailed, 3, "auth-failed"},
    {Outcome::DestinationFailed, 4, "destination-failed"},
    {Outcome::Interrupted, 130, "interrupted"},
    {Outcome::JournalFailed, 5, "journal-failed"},
};

[[nodiscard]] constexpr int exitCodeOf(Outcome outcome)
{
    for (const OutcomeRow &row : outcomeTable)
    {
        if (row.outcome == outcome)
            return row.exitCode;
    }
    return 1;
}

/// "completed", "files-failed", "auth-failed", "destination-failed", "interrupted".
[[nodiscard]] QString outcomeName(Outcome outcome);

/**
 * The run's outcome, decided from the report and from what stopped the run early as the face saw it
 * (EngineHost::runFailed, EngineHost::authRequired, a signal or the user). One precedence for every face:
 *
 *   journal failed (a localFailure whose reason starts "journal") > interrupted > destination failed > auth failed (the run's, or a failed file's refused token)
 *               > files failed (failed or parked files) > completed
 *
 * The message (why the run stopped early) is redacted; it is empty for "completed" and "files-failed".
 */
struct RunOutcome
{
    /// What stopped the run early; all empty for a run that ended on its own.
    struct Stops
    {
        std::optional<QString> interruption;   ///< words for the report: "interrupted by SIGTERM"
        std::optional<Net::Error> localFailure; ///< EngineHost::runFailed
        std::optional<QString> authFailure;     ///< EngineHost::authRequired, in words
    };

    Outcome outcome = Outcome::Completed;
    QString message;
    int problems = 0; ///< failed and parked files

    [[nodiscard]] static RunOutcome of(const Report &report, const Stops &stops = {});
    [[nodiscard]] int exitCode() const { return exitCodeOf(outcome); }
    [[nodiscard]] QString name() const { return outcomeName(outcome); }
};

} // namespace Transfer
