// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/exportformats.h"

#include "transfer/snapshot.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
const QHash<QString, QList<ExportFormat>> &table()
{
    static const QString pdf = u"application/pdf"_s;
    static const QHash<QString, QList<ExportFormat>> formats = {
        {u"application/vnd.google-apps.document"_s,
         {{u"docx"_s, u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s},
          {u"odt"_s, u"application/vnd.oasis.opendocument.text"_s},
          {u"rtf"_s, u"application/rtf"_s},
          {u"pdf"_s, pdf},
          {u"txt"_s, u"text/plain"_s},
          {u"html"_s, u"text/html"_s},
          {u"zip"_s, u"application/zip"_s},
          {u"epub"_s, u"application/epub+zip"_s},
          {u"md"_s, u"text/markdown"_s}}},
        // Sheets to ODS is the x- type: Drive answers 400 "conversion is not supported" to the plain one.
        {u"application/vnd.google-apps.spreadsheet"_s,
         {{u"xlsx"_s, u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s},
          {u"ods"_s, u"application/x-vnd.oasis.opendocument.spreadsheet"_s},
          {u"pdf"_s, pdf},
          {u"zip"_s, u"application/zip"_s},
          {u"csv"_s, u"text/csv"_s},
          {u"tsv"_s, u"text/tab-separated-values"_s}}},
        {u"application/vnd.google-apps.presentation"_s,
         {{u"pptx"_s, u"application/vnd.openxmlformats-officedocument.presentationml.presentation"_s},
          {u"odp"_s, u"application/vnd.oasis.opendocument.presentation"_s},
          {u"pdf"_s, pdf},
          {u"txt"_s, u"text/plain"_s},
          {u"jpg"_s, u"image/jpeg"_s},
          {u"png"_s, u"image/png"_s},
          {u"svg"_s, u"image/svg+xml"_s}}},
        {u"application/vnd.google-apps.drawing"_s,
         {{u"pdf"_s, pdf}, {u"jpg"_s, u"image/jpeg"_s}, {u"png"_s, u"image/png"_s}, {u"svg"_s, u"image/svg+xml"_s}}},
        {u"application/vnd.google-apps.script"_s, {{u"json"_s, u"application/vnd.google-apps.script+json"_s}}},
    };
    return formats;
}
} // namespace

const QList<ExportFormat> &exportFormatsFor(const QString &googleMimeType)
{
    static const QList<ExportFormat> none;
    const auto it = table().constFind(googleMimeType);
    return it == table().constEnd() ? none : *it;
}

QString exportExtension(const QString &exportMimeType)
{
    for (const QList<ExportFormat> &formats : table())
    {
        for (const ExportFormat &f : formats)
        {
            if (f.mimeType.compare(exportMimeType, Qt::CaseInsensitive) == 0)
                return f.extension;
        }
    }
    return {};
}

QString exportMimeFor(const QString &googleMimeType, const QString &format)
{
    const QString wanted = format == u"jpeg"_s ? u"jpg"_s : format;
    for (const ExportFormat &f : exportFormatsFor(googleMimeType))
    {
        if (f.extension.compare(wanted, Qt::CaseInsensitive) == 0 || f.mimeType.compare(wanted, Qt::CaseInsensitive) == 0)
            return f.mimeType;
    }
    return {};
}

} // namespace Transfer
