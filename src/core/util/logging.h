// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>
#include <QString>

// One category per subsystem (DESIGN.md "Layers"); enable with QT_LOGGING_RULES="driveingest.net.debug=true".
// Declared at global scope so every namespace can write qCDebug(lcNet) without qualification.
Q_DECLARE_LOGGING_CATEGORY(lcUtil)
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcDrive)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcDest)
Q_DECLARE_LOGGING_CATEGORY(lcTransfer)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
Q_DECLARE_LOGGING_CATEGORY(lcGui)

namespace Util
{
/// Text from a server or a file system made safe to print on a terminal or in one log line: control
/// characters (C0, DEL, C1) become visible escapes ("\t", "\n", "\r", "\x1b", "\x07", "\u009b"), so a Drive name
/// or an error message cannot move the cursor, retitle the window or clear the screen. Everything else is kept.
[[nodiscard]] QString escapeControls(const QString &text);

/// Where the engine's log lines go in a command-line run (the engine logs for developers; people read the
/// progress display and the summary).
struct LogOptions
{
    bool verbose = false; ///< every driveingest.* line, debug included, on stderr
    QString file;         ///< every driveingest.* line, debug included, appended to this file
};

/// Installs the log policy: without `verbose` the driveingest.* categories stay off stderr (Qt's own
/// warnings and critical messages still show); with it, or with a file, debug lines are enabled too
/// (QT_LOGGING_RULES still overrides). Lines are escaped (escapeControls) and carry time, level and category.
/// Install before Util::installRedactingMessageHandler(), which then redacts what reaches these sinks.
/// False with `*error` (the file's error string) when the file cannot be opened.
bool setUpLogging(const LogOptions &options, QString *error = nullptr);

} // namespace Util
