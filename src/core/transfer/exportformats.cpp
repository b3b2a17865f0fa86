// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/exportformats.h"

#include "transfer/snapshot.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
const QString googlePrefix = u"application/vnd.google-apps."_s;

/// One Google file kind: its mime type's last part, the words `--export` takes for it, and what Drive exports
/// it to (google-drive-api.md §4b, the sandbox's table) as space-separated "extension=mime" pairs in Drive's
/// order; the one marked '*' is the default (rclone's: formats users open without Google).
struct KindRow
{
    QLatin1StringView kind;
    QLatin1StringView names;
    QLatin1StringView formats;
};

// New kinds or formats: here only. Sheets to ODS is the x- type: Drive answers 400 "conversion is not
// supported" to the plain one.
constexpr KindRow kindRows[] = {
    {"document"_L1, "docs doc documents"_L1,
     "*docx=application/vnd.openxmlformats-officedocument.wordprocessingml.document "
     "odt=application/vnd.oasis.opendocument.text rtf=application/rtf pdf=application/pdf txt=text/plain "
     "html=text/html zip=application/zip epub=application/epub+zip md=text/markdown"_L1},
    {"spreadsheet"_L1, "sheets sheet spreadsheets"_L1,
     "*xlsx=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet "
     "ods=application/x-vnd.oasis.opendocument.spreadsheet pdf=application/pdf zip=application/zip csv=text/csv "
     "tsv=text/tab-separated-values"_L1},
    {"presentation"_L1, "slides slide presentations"_L1,
     "*pptx=application/vnd.openxmlformats-officedocument.presentationml.presentation "
     "odp=application/vnd.oasis.opendocument.presentation pdf=application/pdf txt=text/plain jpg=image/jpeg "
     "png=image/png svg=image/svg+xml"_L1},
    {"drawing"_L1, "drawings"_L1, "pdf=application/pdf jpg=image/jpeg png=image/png *svg=image/svg+xml"_L1},
    {"script"_L1, "scripts"_L1, "json=application/vnd.google-apps.script+json"_L1},
};

struct Table
{
    QHash<QString, QList<ExportFormat>> formats; ///< Google mime type -> formats, in Drive's order
    QHash<QString, QString> kinds;               ///< a word --export takes -> Google mime type
    QMap<QString, QString> defaults;             ///< Google mime type -> default export mime type
};

const Table &table()
{
    static const Table built = [] {
        Table t;
        for (const KindRow &row : kindRows)
        {
            const QString google = googlePrefix + row.kind;
            t.kinds.insert(row.kind, google);
            for (const QString &name : QString(row.names).split(u' '))
                t.kinds.insert(name, google);
            for (QString pair : QString(row.formats).split(u' '))
            {
                const bool isDefault = pair.startsWith(u'*');
                if (isDefault)
                    pair.remove(0, 1);
                const ExportFormat format {pair.section(u'=', 0, 0), pair.section(u'=', 1)};
                t.formats[google].append(format);
                if (isDefault)
                    t.defaults.insert(google, format.mimeType);
            }
        }
        return t;
    }();
    return built;
}
} // namespace

const QList<ExportFormat> &exportFormatsFor(const QString &googleMimeType)
{
    static const QList<ExportFormat> none;
    const auto it = table().formats.constFind(googleMimeType);
    return it == table().formats.constEnd() ? none : *it;
}

QString exportExtension(const QString &exportMimeType)
{
    for (const QList<ExportFormat> &formats : table().formats)
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

QMap<QString, QString> defaultExportFormats()
{
    return table().defaults;
}

QString googleKindFor(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key.startsWith(googlePrefix))
        return key; // also the kinds Drive exports to nothing (forms): exportFormatsFor() says so
    return table().kinds.value(key);
}

} // namespace Transfer
