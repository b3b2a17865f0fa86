// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/snapshot.h"

#include <QJsonObject>
#include <QString>

namespace Cli
{
/**
 * `--report FILE.json`: one record per file and the run's totals, written atomically (QSaveFile: the old
 * report stays until the new one is complete). Shape (version 1):
 *   { "version": 1, "tool": "drive-ingest-cli", "destination", "startedAt", "finishedAt", "exitCode",
 *     "outcome": "completed|files-failed|interrupted|auth-failed|destination-failed", "message",
 *     "totals": { files, done, skipped, failed, parked, cancelled, other, bytes, bytesTotal, seconds,
 *                 averageRate, requests, throttled },
 *     "files": [ { driveId, drivePath, destinationPath, mimeType, exportMimeType, status, bytes,
 *                  bytesTotal, hash, reason, reasonCode, errorClass, httpStatus, retries, seconds } ] }
 */
class ReportWriter final
{
public:
    struct RunInfo
    {
        int exitCode = 0;
        QString outcome;
        QString message; ///< human text for a run that stopped early; empty otherwise
    };

    [[nodiscard]] static QJsonObject toJson(const Transfer::Report &report, const RunInfo &info);
    [[nodiscard]] static QJsonObject fileToJson(const Transfer::FileStatus &file);
    /// Writes atomically; false with `*error` on failure.
    static bool write(const QString &path, const Transfer::Report &report, const RunInfo &info, QString *error);
};

} // namespace Cli
