// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Cli
{
/// The process exit codes, documented in `--help` and the README. Scripts rely on them: never renumber.
enum ExitCode : int
{
    ExitSuccess = 0,      ///< every file done (or skipped because it was already there)
    ExitFilesFailed = 1,  ///< the run ended, but some files failed or were parked
    ExitUsage = 2,        ///< bad command line
    ExitAuth = 3,         ///< no token, or the token was refused and could not be refreshed
    ExitDestination = 4,  ///< destination or local error: the run stopped early
    ExitJournal = 5,      ///< the journal cannot be used (locked by another process, state folder read-only or full,
                          ///< written by a newer version): refused before any byte moved
    ExitInterrupted = 130 ///< SIGINT/SIGTERM: cancelled cleanly
};

} // namespace Cli
