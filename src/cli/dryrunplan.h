// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/destination.h"
#include "transfer/snapshot.h"

#include <QCoreApplication>
#include <QString>
#include <QTextStream>

namespace Cli
{
/**
 * `ingest --dry-run`'s answer: every file with what a real run would do (copy, skip, replace, copy beside,
 * or why it cannot be taken), its size, then the totals: files and bytes to move, Google files whose
 * size is known only once exported, files already there. The engine decides per file
 * (Transfer::ConflictDecision::dryRunNote); this only words it. Nothing is cut short: `--report` holds the
 * same records with their reason codes.
 */
class DryRunPlan final
{
    Q_DECLARE_TR_FUNCTIONS(Cli::DryRunPlan)

public:
    /// The plan written to `out` a line at a time, each line redacted (Util::redact): a million-file plan is
    /// never one string.
    static void write(QTextStream &out, const Transfer::Report &report, Dest::ConflictPolicy policy);
};

} // namespace Cli
