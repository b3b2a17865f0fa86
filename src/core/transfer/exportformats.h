// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace Transfer
{
/// One format Drive exports a Google file to: the file name extension and the export mime type.
struct ExportFormat
{
    QString extension; ///< "docx"
    QString mimeType;  ///< what files.export?mimeType= takes
};

/// What Drive can export a Google file of this mime type to (google-drive-api.md §4b, the sandbox's table);
/// empty for kinds Drive does not export (Forms, Sites, My Maps) and for anything else. The one table.
[[nodiscard]] const QList<ExportFormat> &exportFormatsFor(const QString &googleMimeType);
/// The export mime type for `format` (an extension such as "ods", or a mime type, case-insensitive) of a
/// Google file of this mime type; empty when Drive cannot export that kind to that format.
[[nodiscard]] QString exportMimeFor(const QString &googleMimeType, const QString &format);
/// Google mime type -> the export mime type a run uses unless told otherwise: docx, xlsx, pptx, svg (rclone's
/// order: formats users open without Google). From the same table.
[[nodiscard]] QMap<QString, QString> defaultExportFormats();
/// The Google mime type a word names: "docs", "doc", "document", "sheets", "slides", "drawings", "script" (and
/// plurals), or any Google mime type as is; empty for anything else. Case-insensitive.
[[nodiscard]] QString googleKindFor(const QString &name);

} // namespace Transfer
