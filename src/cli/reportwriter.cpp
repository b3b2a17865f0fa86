// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "util/redactor.h"

using namespace Qt::StringLiterals;

namespace Cli
{
QJsonObject ReportWriter::fileToJson(const Transfer::FileStatus &file)
{
    QJsonObject record {
        {u"driveId"_s, file.driveId},
        {u"drivePath"_s, file.drivePath},
        {u"destinationPath"_s, file.destinationPath},
        {u"mimeType"_s, file.mimeType},
        {u"status"_s, Transfer::fileStateName(file.state)},
        {u"bytes"_s, file.bytesDone},
        {u"bytesTotal"_s, file.bytesTotal},
        {u"hash"_s, file.hash},
        {u"retries"_s, file.retries},
        {u"seconds"_s, file.seconds},
    };
    if (!file.exportMimeType.isEmpty())
    {
        record.insert(u"exportMimeType"_s, file.exportMimeType);
    }
    // Reasons are recorded for every file that carries one (skipped: "already there", failed, parked).
    if (file.lastError.isError() || !file.lastError.message.isEmpty() || !file.lastError.reason.isEmpty())
    {
        // Error texts come from servers: pass them through the filter like any log line.
        record.insert(u"reason"_s, Util::redact(file.lastError.message.isEmpty() ? file.lastError.reason : file.lastError.message));
        record.insert(u"reasonCode"_s, file.lastError.reason);
        record.insert(u"errorClass"_s, Net::errorClassName(file.lastError.errorClass));
        if (file.lastError.httpStatus != 0)
        {
            record.insert(u"httpStatus"_s, file.lastError.httpStatus);
        }
    }
    else if (file.state == Transfer::FileState::Skipped)
    {
        // Skipped with no error: the conflict policy found the same file at the final path (what was compared).
        record.insert(u"reason"_s, Transfer::alreadyThereText(file));
        record.insert(u"reasonCode"_s, u"alreadyThere"_s);
    }
    else
    {
        record.insert(u"reason"_s, QString());
    }
    return record;
}

QJsonObject ReportWriter::toJson(const Transfer::Report &report, const RunInfo &info)
{
    int done = 0;
    int skipped = 0;
    int failed = 0;
    int parked = 0;
    int cancelled = 0;
    int other = 0;
    qint64 bytes = 0;
    qint64 bytesTotal = 0;
    QJsonArray files;
    for (const Transfer::FileStatus &file : report.files)
    {
        files.append(fileToJson(file));
        switch (file.state)
        {
        case Transfer::FileState::Done:
            ++done;
            break;
        case Transfer::FileState::Skipped:
            ++skipped;
            break;
        case Transfer::FileState::Failed:
            ++failed;
            break;
        case Transfer::FileState::Parked:
            ++parked;
            break;
        case Transfer::FileState::Cancelled:
            ++cancelled;
            break;
        default:
            ++other;
            break;
        }
        if (file.state == Transfer::FileState::Done)
        {
            bytes += file.bytesDone;
        }
        if (file.bytesTotal > 0)
        {
            bytesTotal += file.bytesTotal;
        }
    }
    const Transfer::Snapshot &totals = report.totals;
    double seconds = totals.elapsedMs / 1000.0;
    if (report.startedAt.isValid() && report.finishedAt.isValid())
    {
        seconds = report.startedAt.msecsTo(report.finishedAt) / 1000.0;
    }
    const QJsonObject totalsJson {
        {u"files"_s, qint64(report.files.size())},
        {u"done"_s, done},
        {u"skipped"_s, skipped},
        {u"failed"_s, failed},
        {u"parked"_s, parked},
        {u"cancelled"_s, cancelled},
        {u"other"_s, other},
        {u"bytes"_s, bytes},
        {u"bytesTransferred"_s, totals.bytesDone},
        {u"bytesTotal"_s, bytesTotal},
        {u"seconds"_s, seconds},
        {u"averageRate"_s, seconds > 0 ? totals.bytesDone / seconds : totals.averageRate},
        {u"requests"_s, qint64(totals.requestsTotal)},
        {u"throttled"_s, qint64(totals.throttledTotal)},
    };
    QJsonObject json {
        {u"version"_s, 1},
        {u"tool"_s, u"drive-ingest-cli"_s},
        {u"toolVersion"_s, QStringLiteral(DI_VERSION)},
        {u"destination"_s, report.destination},
        {u"startedAt"_s, report.startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"finishedAt"_s, report.finishedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"exitCode"_s, info.exitCode},
        {u"outcome"_s, info.outcome},
        {u"totals"_s, totalsJson},
        {u"files"_s, files},
    };
    if (!info.message.isEmpty())
    {
        json.insert(u"message"_s, info.message);
    }
    return json;
}

bool ReportWriter::write(const QString &path, const Transfer::Report &report, const RunInfo &info, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
    {
        if (error)
        {
            *error = QCoreApplication::translate("Cli::ReportWriter", "cannot write the report %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        }
        return false;
    }
    file.write(QJsonDocument(toJson(report, info)).toJson(QJsonDocument::Indented));
    if (!file.commit())
    {
        if (error)
        {
            *error = QCoreApplication::translate("Cli::ReportWriter", "cannot write the report %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        }
        return false;
    }
    return true;
}

} // namespace Cli
