// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/snapshot.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Transfer
{
QString fileStateName(FileState state)
{
    switch (state)
    {
    case FileState::Queued:
        return u"queued"_s;
    case FileState::Listing:
        return u"listing"_s;
    case FileState::Transferring:
        return u"transferring"_s;
    case FileState::Verifying:
        return u"verifying"_s;
    case FileState::Done:
        return u"done"_s;
    case FileState::Skipped:
        return u"skipped"_s;
    case FileState::Failed:
        return u"failed"_s;
    case FileState::Cancelled:
        return u"cancelled"_s;
    case FileState::Paused:
        return u"paused"_s;
    case FileState::Parked:
        return u"parked"_s;
    }
    return u"unknown"_s;
}

QString alreadyThereText(const FileStatus &file)
{
    // FileStatus::hash is the hash compared with Drive's; empty when the destination had none to compare.
    if (!file.exportMimeType.isEmpty())
        return QCoreApplication::translate("Transfer", "already at the destination (an export: nothing to compare)");
    if (file.hash.isEmpty())
        return QCoreApplication::translate("Transfer",
                                           "already at the destination (same size; the destination gives no hash to compare)");
    return QCoreApplication::translate("Transfer", "already at the destination (same size and %1)")
        .arg(file.hash.section(u':', 0, 0));
}

QMap<QString, QString> RunOptions::defaultExportFormats()
{
    // rclone's default order (docx, xlsx, pptx, svg): formats users open without Google.
    return {
        {u"application/vnd.google-apps.document"_s, u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s},
        {u"application/vnd.google-apps.spreadsheet"_s, u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s},
        {u"application/vnd.google-apps.presentation"_s, u"application/vnd.openxmlformats-officedocument.presentationml.presentation"_s},
        {u"application/vnd.google-apps.drawing"_s, u"image/svg+xml"_s},
    };
}

QString exportExtension(const QString &exportMimeType)
{
    static const QMap<QString, QString> extensions {
        {u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s, u"docx"_s},
        {u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s, u"xlsx"_s},
        {u"application/vnd.openxmlformats-officedocument.presentationml.presentation"_s, u"pptx"_s},
        {u"application/vnd.oasis.opendocument.text"_s, u"odt"_s},
        {u"application/vnd.oasis.opendocument.spreadsheet"_s, u"ods"_s},
        {u"application/x-vnd.oasis.opendocument.spreadsheet"_s, u"ods"_s},
        {u"application/vnd.oasis.opendocument.presentation"_s, u"odp"_s},
        {u"application/pdf"_s, u"pdf"_s},
        {u"application/rtf"_s, u"rtf"_s},
        {u"application/zip"_s, u"zip"_s},
        {u"application/epub+zip"_s, u"epub"_s},
        {u"text/plain"_s, u"txt"_s},
        {u"text/html"_s, u"html"_s},
        {u"text/markdown"_s, u"md"_s},
        {u"text/csv"_s, u"csv"_s},
        {u"text/tab-separated-values"_s, u"tsv"_s},
        {u"image/svg+xml"_s, u"svg"_s},
        {u"image/png"_s, u"png"_s},
        {u"image/jpeg"_s, u"jpg"_s},
        {u"application/vnd.google-apps.script+json"_s, u"json"_s},
    };
    return extensions.value(exportMimeType.toLower());
}

} // namespace Transfer
