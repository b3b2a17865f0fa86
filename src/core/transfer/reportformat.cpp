// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/reportformat.h"

#include "transfer/conflictdecision.h"
#include "util/redactor.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
/// The run's totals as the report counts them: from the file records, so they add up to "files".
QJsonObject totalsOf(const Report &report)
{
    QMap<FileState, int> byState;
    qint64 bytes = 0;
    qint64 bytesTotal = 0;
    for (const FileStatus &file : report.files)
    {
        ++byState[file.state];
        bytes += file.state == FileState::Done ? file.bytesDone : 0;
        bytesTotal += std::max<qint64>(file.bytesTotal, 0);
    }
    const int counted = byState.value(FileState::Done) + byState.value(FileState::Skipped) + byState.value(FileState::Failed)
        + byState.value(FileState::Parked) + byState.value(FileState::Cancelled);
    const Snapshot &totals = report.totals;
    double seconds = totals.elapsedMs / 1000.0;
    if (report.startedAt.isValid() && report.finishedAt.isValid())
        seconds = report.startedAt.msecsTo(report.finishedAt) / 1000.0;
    return {
        {u"files"_s, qint64(report.files.size())},
        {u"done"_s, byState.value(FileState::Done)},
        {u"skipped"_s, byState.value(FileState::Skipped)},
        {u"failed"_s, byState.value(FileState::Failed)},
        {u"parked"_s, byState.value(FileState::Parked)},
        {u"cancelled"_s, byState.value(FileState::Cancelled)},
        {u"other"_s, int(report.files.size()) - counted},
        {u"bytes"_s, bytes},
        {u"bytesTransferred"_s, totals.bytesDone},
        {u"bytesTotal"_s, bytesTotal},
        {u"seconds"_s, seconds},
        {u"averageRate"_s, seconds > 0 ? totals.bytesDone / seconds : totals.averageRate},
        {u"requests"_s, qint64(totals.requestsTotal)},
        {u"throttled"_s, qint64(totals.throttledTotal)},
    };
}

/// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    return u'"' + QString(value).replace(u"\""_s, u"\"\""_s) + u'"';
}

QString csvText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return value.toVariant().toString(); // integers stay integers ("1048576", not "1.04858e+06")
    return {};
}

/// The engine recorded why (an error, a listing skip, a plan), other than the plain "same file in place".
bool hasNote(const Net::Error &error)
{
    return error.isError() || !error.message.isEmpty()
        || (!error.reason.isEmpty() && error.reason != ConflictDecision::alreadyThere);
}
} // namespace

ReportFormat::Reason ReportFormat::reasonOf(const FileStatus &file)
{
    const Net::Error &error = file.lastError;
    if (hasNote(error))
    {
        // Error texts come from servers: through the filter like any log line.
        return {error.reason, Util::redact(error.message.isEmpty() ? error.reason : error.message)};
    }
    if (error.reason == ConflictDecision::alreadyThere)
        return {error.reason, alreadyThereText(file)}; // the words say what was compared
    return {};
}

QJsonObject ReportFormat::fileToJson(const FileStatus &file)
{
    QJsonObject record {
        {u"driveId"_s, file.driveId},
        {u"drivePath"_s, file.drivePath},
        {u"destinationPath"_s, file.destinationPath},
        {u"mimeType"_s, file.mimeType},
        {u"status"_s, fileStateName(file.state)},
        {u"bytes"_s, file.bytesDone},
        {u"bytesTotal"_s, file.bytesTotal},
        {u"hash"_s, file.hash},
        {u"retries"_s, file.retries},
        {u"seconds"_s, file.seconds},
    };
    if (!file.exportMimeType.isEmpty())
        record.insert(u"exportMimeType"_s, file.exportMimeType);
    const Reason reason = reasonOf(file);
    record.insert(u"reason"_s, reason.text);
    if (reason.isEmpty())
        return record;
    record.insert(u"reasonCode"_s, reason.code);
    if (hasNote(file.lastError))
    {
        record.insert(u"errorClass"_s, Net::errorClassName(file.lastError.errorClass));
        if (file.lastError.httpStatus != 0)
            record.insert(u"httpStatus"_s, file.lastError.httpStatus);
    }
    return record;
}

namespace
{
/// The report without its files: what toJson() and write() both start from.
QJsonObject headOf(const Report &report, const RunOutcome &outcome, const QString &tool)
{
    QJsonObject json {
        {u"version"_s, ReportFormat::version},
        {u"tool"_s, tool},
        {u"toolVersion"_s, QStringLiteral(DI_VERSION)},
        {u"destination"_s, report.destination},
        {u"startedAt"_s, report.startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"finishedAt"_s, report.finishedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"exitCode"_s, outcome.exitCode()},
        {u"outcome"_s, outcome.name()},
        {u"totals"_s, totalsOf(report)},
    };
    if (!outcome.message.isEmpty())
        json.insert(u"message"_s, Util::redact(outcome.message));
    return json;
}
} // namespace

QJsonObject ReportFormat::toJson(const Report &report, const RunOutcome &outcome, const QString &tool)
{
    QJsonArray files;
    for (const FileStatus &file : report.files)
        files.append(fileToJson(file));
    QJsonObject json = headOf(report, outcome, tool);
    json.insert(u"files"_s, files);
    return json;
}

QStringList ReportFormat::csvColumns()
{
    return {u"driveId"_s, u"drivePath"_s,   u"destinationPath"_s, u"mimeType"_s,   u"exportMimeType"_s,
            u"status"_s,  u"bytes"_s,       u"bytesTotal"_s,      u"hash"_s,       u"reason"_s,
            u"reasonCode"_s, u"errorClass"_s, u"httpStatus"_s,    u"retries"_s,    u"seconds"_s};
}

QByteArray ReportFormat::csvLine(const FileStatus &file)
{
    const QJsonObject record = fileToJson(file);
    QStringList fields;
    for (const QString &column : csvColumns())
        fields << csvField(csvText(record.value(column)));
    return (fields.join(u',') + u'\n').toUtf8();
}

QByteArray ReportFormat::toCsv(const Report &report)
{
    QByteArray out = (csvColumns().join(u',') + u'\n').toUtf8();
    for (const FileStatus &file : report.files)
        out += csvLine(file);
    return out;
}

bool ReportFormat::write(const QString &path, const Report &report, const RunOutcome &outcome, const QString &tool,
                         QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const bool csv = QFileInfo(path).suffix().compare(u"csv"_s, Qt::CaseInsensitive) == 0;
    if (file.open(QIODevice::WriteOnly))
    {
        // A file at a time: the report of a large run (its files read back from disk, FileList) is never in memory
        // whole, neither as records nor as text.
        if (csv)
        {
            file.write((csvColumns().join(u',') + u'\n').toUtf8());
            for (const FileStatus &f : report.files)
                file.write(csvLine(f));
        }
        else
        {
            // The head as QJsonDocument writes it ("{\n    …\n}\n"), then "files" added before its closing brace.
            QByteArray head = QJsonDocument(headOf(report, outcome, tool)).toJson(QJsonDocument::Indented);
            head.chop(3); // "\n}\n"
            file.write(head + ",\n    \"files\": [");
            bool first = true;
            for (const FileStatus &f : report.files)
            {
                file.write((first ? "\n        " : ",\n        ")
                           + QJsonDocument(fileToJson(f)).toJson(QJsonDocument::Compact));
                first = false;
            }
            file.write(first ? "]\n}\n" : "\n    ]\n}\n");
        }
        if (file.commit())
            return true;
    }
    if (error)
        *error = tr("cannot write the report %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

} // namespace Transfer
