// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include "util/logging.h"

#include <memory>
#include <vector>

namespace Cli
{
/// The command table: every subcommand the CLI knows, in help order. Sign-in commands are added here
/// next to `ingest` (see commands.cpp).
[[nodiscard]] std::vector<std::unique_ptr<Command>> makeCommands(const Streams &streams);

/// The whole CLI: `args` is argv (program name first). Dispatches to a command, or handles
/// `--help`, `--version` and `help <command>`. Returns the process exit code.
int run(const QStringList &args, const Streams &streams);

/// Takes the global logging options (`-v`/`--verbose`, `--log-file FILE`, `--log-file=FILE`) out of `*args`,
/// wherever they stand. False with `*error` when --log-file has no value.
bool takeLogOptions(QStringList *args, Util::LogOptions *options, QString *error);

/// The exit-code table shown in `--help` texts.
[[nodiscard]] QString exitCodesText();

/// The top-level `--help` text, with the exit codes.
[[nodiscard]] QString mainHelpText(const std::vector<std::unique_ptr<Command>> &commands);

} // namespace Cli
