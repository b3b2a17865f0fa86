// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportmap.h"

#include "transfer/exportformats.h"

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
        // Checked against what Drive exports this kind to (extension or mime type): a format Drive refuses
        // is a usage error now, not a failed file at the end of the run.
        const QString mime = Transfer::exportMimeFor(googlePrefix + kind, format);
        if (mime.isEmpty())
        {
            QStringList offered;
            for (const Transfer::ExportFormat &f : Transfer::exportFormatsFor(googlePrefix + kind))
                offered << f.extension;
            *message = offered.isEmpty()
                ? QCoreApplication::translate("Cli::ExportMap", "Drive cannot export %1 files").arg(key)
                : QCoreApplication::translate("Cli::ExportMap", "Drive cannot export %1 as '%2' (it offers %3)")
                      .arg(key, format, offered.join(u", "_s));
            return std::nullopt;
        }
        map.insert(googlePrefix + kind, mime);
    }
    return map;
}

} // namespace Cli
