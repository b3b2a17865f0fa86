// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportmap.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Cli
{
namespace
{
const QString googlePrefix = u"application/vnd.google-apps."_s;

QString googleKind(const QString &key)
{
    static const QHash<QString, QString> kinds = {
        {u"docs"_s, u"document"_s},         {u"doc"_s, u"document"_s},
        {u"document"_s, u"document"_s},     {u"documents"_s, u"document"_s},
        {u"sheets"_s, u"spreadsheet"_s},    {u"sheet"_s, u"spreadsheet"_s},
        {u"spreadsheet"_s, u"spreadsheet"_s}, {u"spreadsheets"_s, u"spreadsheet"_s},
        {u"slides"_s, u"presentation"_s},   {u"slide"_s, u"presentation"_s},
        {u"presentation"_s, u"presentation"_s}, {u"presentations"_s, u"presentation"_s},
        {u"drawings"_s, u"drawing"_s},      {u"drawing"_s, u"drawing"_s},
        {u"script"_s, u"script"_s},         {u"scripts"_s, u"script"_s},
    };
    if (key.startsWith(googlePrefix))
    {
        return key.mid(googlePrefix.size());
    }
    return kinds.value(key);
}

QString formatMime(const QString &format)
{
    static const QHash<QString, QString> mimes = {
        {u"pdf"_s, u"application/pdf"_s},
        {u"docx"_s, u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s},
        {u"odt"_s, u"application/vnd.oasis.opendocument.text"_s},
        {u"rtf"_s, u"application/rtf"_s},
        {u"txt"_s, u"text/plain"_s},
        {u"html"_s, u"text/html"_s},
        {u"zip"_s, u"application/zip"_s},
        {u"epub"_s, u"application/epub+zip"_s},
        {u"md"_s, u"text/markdown"_s},
        {u"xlsx"_s, u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s},
        {u"ods"_s, u"application/vnd.oasis.opendocument.spreadsheet"_s},
        {u"csv"_s, u"text/csv"_s},
        {u"tsv"_s, u"text/tab-separated-values"_s},
        {u"pptx"_s, u"application/vnd.openxmlformats-officedocument.presentationml.presentation"_s},
        {u"odp"_s, u"application/vnd.oasis.opendocument.presentation"_s},
        {u"png"_s, u"image/png"_s},
        {u"jpg"_s, u"image/jpeg"_s},
        {u"jpeg"_s, u"image/jpeg"_s},
        {u"svg"_s, u"image/svg+xml"_s},
        {u"json"_s, u"application/vnd.google-apps.script+json"_s},
    };
    if (format.contains(u'/'))
    {
        return format;
    }
    return mimes.value(format);
}

/// The formats Drive offers per kind (google-drive-api.md §4b), by extension.
bool isOffered(const QString &kind, const QString &format)
{
    static const QHash<QString, QStringList> offered = {
        {u"document"_s, {u"docx"_s, u"odt"_s, u"rtf"_s, u"pdf"_s, u"txt"_s, u"html"_s, u"zip"_s, u"epub"_s, u"md"_s}},
        {u"spreadsheet"_s, {u"xlsx"_s, u"ods"_s, u"pdf"_s, u"zip"_s, u"csv"_s, u"tsv"_s}},
        {u"presentation"_s, {u"pptx"_s, u"odp"_s, u"pdf"_s, u"txt"_s, u"jpg"_s, u"jpeg"_s, u"png"_s, u"svg"_s}},
        {u"drawing"_s, {u"pdf"_s, u"jpg"_s, u"jpeg"_s, u"png"_s, u"svg"_s}},
        {u"script"_s, {u"json"_s}},
    };
    // Full mime types and unknown kinds are passed through: Drive has the last word.
    return format.contains(u'/') || !offered.contains(kind) || offered.value(kind).contains(format);
}
} // namespace

std::optional<QMap<QString, QString>> parseExportMap(const QString &text, QString *error)
{
    QString dummy;
    QString *message = error ? error : &dummy;
    QMap<QString, QString> map;
    const QStringList pairs = text.split(u',', Qt::SkipEmptyParts);
    if (pairs.isEmpty())
    {
        *message = QCoreApplication::translate("Cli::ExportMap", "--export needs kind=format pairs, e.g. docs=pdf,sheets=csv");
        return std::nullopt;
    }
    for (const QString &rawPair : pairs)
    {
        const QString pair = rawPair.trimmed();
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0 || equals == pair.size() - 1)
        {
            *message = QCoreApplication::translate("Cli::ExportMap", "'%1' is not kind=format (e.g. docs=pdf)").arg(pair);
            return std::nullopt;
        }
        const QString key = pair.left(equals).trimmed().toLower();
        const QString format = pair.mid(equals + 1).trimmed().toLower();
        const QString kind = googleKind(key);
        if (kind.isEmpty())
        {
            *message = QCoreApplication::translate("Cli::ExportMap", "unknown Google file kind '%1' (docs, sheets, slides, drawings, script or a mime type)").arg(key);
            return std::nullopt;
        }
        const QString mime = formatMime(format);
        if (mime.isEmpty() || !isOffered(kind, format))
        {
            *message = QCoreApplication::translate("Cli::ExportMap", "Drive cannot export %1 as '%2'").arg(key, format);
            return std::nullopt;
        }
        map.insert(googlePrefix + kind, mime);
    }
    return map;
}

} // namespace Cli
