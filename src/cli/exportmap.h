// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>

#include <optional>

namespace Cli
{
/**
 * `--export MAP`: comma-separated `kind=format` pairs, e.g. `docs=pdf,sheets=csv,slides=pptx,drawings=png`.
 * kind: docs|document, sheets|spreadsheet, slides|presentation, drawings|drawing, script, or a full Google
 * mime type; format: an extension (pdf, docx, csv, …) or a full mime type, one that Drive exports that kind
 * to (Transfer::exportFormatsFor). Returns Google mime type -> export mime type, to be laid over
 * RunOptions::defaultExportFormats(); nullopt with `*error` when invalid.
 */
[[nodiscard]] std::optional<QMap<QString, QString>> parseExportMap(const QString &text, QString *error);

} // namespace Cli
