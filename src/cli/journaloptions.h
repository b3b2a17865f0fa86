// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/snapshot.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;

namespace Cli
{
/// `ingest`'s journal options (issue 11): --journal FILE, --no-journal, --job NAME, --verify.
[[nodiscard]] QList<QCommandLineOption> journalOptions();
/// Fills RunOptions::journalPath (Journal::Store::defaultPath() unless --journal or --no-journal), jobName and
/// verifyDone; false with a translated `*error` for a contradiction (--journal with --no-journal…).
bool applyJournalOptions(const QCommandLineParser &parser, Transfer::RunOptions *options, QString *error);
/// The journal a command reads: --journal FILE when given, else the default.
[[nodiscard]] QString journalPathOf(const QCommandLineParser &parser);
/// The option `jobs` and `verify` take to read another journal.
[[nodiscard]] QCommandLineOption journalFileOption();

} // namespace Cli
