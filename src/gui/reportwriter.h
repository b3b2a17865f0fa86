// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/runoutcome.h"
#include "transfer/snapshot.h"

#include <QString>

/// "Save report…": the run's Transfer::ReportFormat (the CLI's --report schema), as JSON or CSV.
namespace ReportWriter
{
/// The app's name in the report's "tool" field.
[[nodiscard]] QString toolName();
/// Writes JSON or CSV by the file's suffix (".csv" → CSV, anything else JSON), with the outcome decided from
/// the report and what stopped the run early (`stops`). Empty string on success, else why not.
[[nodiscard]] QString save(const Transfer::Report &report, const QString &fileName,
                           const Transfer::RunOutcome::Stops &stops = {});
} // namespace ReportWriter
