// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/snapshot.h"

#include <QByteArray>
#include <QString>

/// The end-of-run report as a file the user keeps: JSON (machine) or CSV (spreadsheet). No secrets in either.
namespace ReportWriter
{
[[nodiscard]] QByteArray toJson(const Transfer::Report &report);
[[nodiscard]] QByteArray toCsv(const Transfer::Report &report);
/// Writes JSON or CSV by the file's suffix (".csv" → CSV, anything else JSON). Empty string on success.
[[nodiscard]] QString save(const Transfer::Report &report, const QString &fileName);
} // namespace ReportWriter
