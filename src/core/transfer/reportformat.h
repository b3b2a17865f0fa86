// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/runoutcome.h"
#include "transfer/snapshot.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Transfer
{
/**
 * The end-of-run report as a file the user keeps: one schema for the CLI's `--report` and the app's
 * "Save report…", as JSON (machine) or CSV (spreadsheet). No secrets in either: every text that came from a
 * server passes Util::redact. The JSON shape (version 1, documented in the README; scripts rely on it):
 *
 *   { "version": 1, "tool": "drive-ingest-cli" | "drive-ingest", "toolVersion", "destination",
 *     "startedAt", "finishedAt", "exitCode", "outcome": "completed|files-failed|interrupted|auth-failed|
 *     destination-failed|journal-failed", "message" (only for a run that stopped early),
 *     "totals": { files, done, skipped, failed, parked, cancelled, other, bytes, bytesTransferred,
 *                 bytesTotal, seconds, averageRate, requests, throttled },
 *     "files": [ { driveId, drivePath, destinationPath, mimeType, exportMimeType (exports only), status,
 *                  bytes, bytesTotal, hash, reason, reasonCode, errorClass, httpStatus, retries, seconds } ] }
 *
 * A file's reason and reasonCode are there when it has one (skipped, failed, parked); reasonCode is the code
 * decided where the file was skipped or failed ("trashed", "existsDiffers", "dryRunNew", "notExportable"…;
 * "alreadyThere" for a skip because the same file is in place). The CSV has one row a file, the columns of
 * csvColumns() (the JSON record's fields, empty where the record has none).
 */
class ReportFormat final
{
    Q_DECLARE_TR_FUNCTIONS(Transfer::ReportFormat)

public:
    static constexpr int version = 1;

    /// Why a file ended as it did: the code for scripts and the words for people (redacted).
    struct Reason
    {
        QString code;
        QString text;
        [[nodiscard]] bool isEmpty() const { return code.isEmpty() && text.isEmpty(); }
    };
    [[nodiscard]] static Reason reasonOf(const FileStatus &file);

    [[nodiscard]] static QJsonObject fileToJson(const FileStatus &file);
    /// `tool`: the program writing the report ("drive-ingest-cli", "drive-ingest").
    [[nodiscard]] static QJsonObject toJson(const Report &report, const RunOutcome &outcome, const QString &tool);
    [[nodiscard]] static QStringList csvColumns();
    [[nodiscard]] static QByteArray toCsv(const Report &report);
    /// One file's CSV line (csvColumns()' order), with its line break.
    [[nodiscard]] static QByteArray csvLine(const FileStatus &file);

    /// Writes atomically (QSaveFile: an old report stays until the new one is complete), CSV for a ".csv"
    /// name and JSON for any other (toJson()'s content), a file at a time. False with a translated `*error` on failure.
    static bool write(const QString &path, const Report &report, const RunOutcome &outcome, const QString &tool,
                      QString *error);
};

} // namespace Transfer
