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
};

/// The exit code of the README's table for an outcome (Cli::ExitCode holds the same numbers).
[[nodiscard]] constexpr int exitCodeOf(Outcome outcome)
{
    switch (outcome)
    {
    case Outcome::Completed:
        return 0;
    case Outcome::FilesFailed:
        return 1;
    case Outcome::AuthFailed:
        return 3;
    case Outcome::DestinationFailed:
        return 4;
    case Outcome::Interrupted:
        return 130;
    }
    return 1;
}

/// "completed", "files-failed", "auth-failed", "destination-failed", "interrupted": stable, for scripts.
[[nodiscard]] QString outcomeName(Outcome outcome);

/**
 * The run's outcome, decided from the report and from what stopped the run early as the face saw it
 * (EngineHost::runFailed, EngineHost::authRequired, a signal or the user). One precedence for every face:
 *
 *   interrupted > destination failed > auth failed (the run's, or a failed file's refused token)
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
