// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportwriter.h"

#include "formatting.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace
{
QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}
} // namespace

namespace ReportWriter
{
QByteArray toJson(const Transfer::Report &report)
{
    const Transfer::Snapshot &t = report.totals;
    QJsonObject totals {
        {u"files_total"_s, t.filesTotal},       {u"files_done"_s, t.filesDone},
        {u"files_skipped"_s, t.filesSkipped},   {u"files_failed"_s, t.filesFailed},
        {u"files_parked"_s, t.filesParked},     {u"files_cancelled"_s, t.filesCancelled},
        {u"bytes_done"_s, double(t.bytesDone)}, {u"average_rate"_s, t.averageRate},
        {u"elapsed_ms"_s, double(t.elapsedMs)}, {u"requests_total"_s, double(t.requestsTotal)},
        {u"throttled_total"_s, double(t.throttledTotal)},
    };
    QJsonArray files;
    for (const Transfer::FileStatus &f : report.files)
    {
        QJsonObject o {
            {u"drive_id"_s, f.driveId},
            {u"drive_path"_s, f.drivePath},
            {u"destination"_s, f.destinationPath},
            {u"mime_type"_s, f.mimeType},
            {u"state"_s, Transfer::fileStateName(f.state)},
            {u"bytes"_s, double(f.bytesDone)},
            {u"size"_s, double(f.bytesTotal)},
            {u"retries"_s, f.retries},
            {u"seconds"_s, f.seconds},
        };
        if (!f.exportMimeType.isEmpty())
            o.insert(u"export_mime_type"_s, f.exportMimeType);
        if (!f.hash.isEmpty())
            o.insert(u"hash"_s, f.hash);
        if (f.lastError.isError())
            o.insert(u"error"_s, QJsonObject {{u"reason"_s, f.lastError.reason},
                                              {u"message"_s, f.lastError.message},
                                              {u"http_status"_s, f.lastError.httpStatus}});
        files.append(o);
    }
    const QJsonObject root {
        {u"destination"_s, report.destination},
        {u"started_at"_s, report.startedAt.toUTC().toString(Qt::ISODate)},
        {u"finished_at"_s, report.finishedAt.toUTC().toString(Qt::ISODate)},
        {u"totals"_s, totals},
        {u"files"_s, files},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray toCsv(const Transfer::Report &report)
{
    QString out = u"drive_id,drive_path,destination,state,bytes,size,retries,seconds,hash,reason\n"_s;
    for (const Transfer::FileStatus &f : report.files)
    {
        const QStringList fields {
            csvField(f.driveId),
            csvField(f.drivePath),
            csvField(f.destinationPath),
            Transfer::fileStateName(f.state),
            QString::number(f.bytesDone),
            QString::number(f.bytesTotal),
            QString::number(f.retries),
            QString::number(f.seconds, 'f', 3),
            csvField(f.hash),
            csvField(f.lastError.isError() ? f.lastError.message : QString()),
        };
        out += fields.join(u',') + u'\n';
    }
    return out.toUtf8();
}

QString save(const Transfer::Report &report, const QString &fileName)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    const bool csv = QFileInfo(fileName).suffix().compare(u"csv"_s, Qt::CaseInsensitive) == 0;
    file.write(csv ? toCsv(report) : toJson(report));
    if (!file.commit())
        return file.errorString();
    return {};
}
} // namespace ReportWriter
