// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/snapshot.h"

#include <QCoreApplication>
#include <QString>

namespace Transfer
{
/**
 * Ready-to-run SQL for the folder a run landed in a Unity Catalog Volume (reference databricks-wave2.md §2,
 * "Loading files from a Volume"): a `COPY INTO` a Delta table (created first, schemaless; re-running loads only
 * new files) and a `read_files` query. The format follows what landed: CSV (header), JSON or PARQUET when every
 * landed file has that extension, else BINARYFILE / 'binaryFile' (path, modificationTime, length, content).
 * The table is `<catalog>.<schema>.<volume>_files` beside the volume. Only for Volume destinations.
 */
class LoadSnippet final
{
    Q_DECLARE_TR_FUNCTIONS(Transfer::LoadSnippet)

public:
    QString folder;   ///< "/Volumes/c/s/v/dir"
    QString table;    ///< "`c`.`s`.`v_files`"
    QString format;   ///< COPY INTO's FILEFORMAT: CSV, JSON, PARQUET or BINARYFILE
    QString copyInto; ///< CREATE TABLE IF NOT EXISTS …; COPY INTO … FROM '…' FILEFORMAT = … …;
    QString readFiles; ///< SELECT … FROM read_files('…', format => '…' …)

    /// Both statements with a comment line each: what the CLI prints and the app's copy button copies.
    [[nodiscard]] QString text() const;

    /// The snippet for `report` when its destination is a Volume folder (/Volumes/c/s/v[/…]); nullopt otherwise.
    /// `folder`: the run's destination ("/Volumes/…", also "dbfs:/Volumes/…" or "volume:/Volumes/…").
    [[nodiscard]] static std::optional<LoadSnippet> forRun(const QString &folder, const FileList &files);
    /// `name` quoted as an SQL identifier: `a``b` (backticks doubled).
    [[nodiscard]] static QString identifier(const QString &name);
    /// `text` as an SQL string literal: 'it''s' (quotes doubled; backslashes doubled too, as Databricks SQL
    /// reads them as escapes).
    [[nodiscard]] static QString literal(const QString &text);
};

} // namespace Transfer
