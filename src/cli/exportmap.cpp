// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportmap.h"

#include "transfer/exportformats.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Cli
{
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
        const QString kind = Transfer::googleKindFor(key);
        if (kind.isEmpty())
        {
            *message = QCoreApplication::translate("Cli::ExportMap", "unknown Google file kind '%1' (docs, sheets, slides, drawings, script or a mime type)").arg(key);
            return std::nullopt;
        }
        // Checked against what Drive exports this kind to (extension or mime type): a format Drive refuses
        // is a usage error now, not a failed file at the end of the run.
        const QString mime = Transfer::exportMimeFor(kind, format);
        if (mime.isEmpty())
        {
            QStringList offered;
            for (const Transfer::ExportFormat &f : Transfer::exportFormatsFor(kind))
                offered << f.extension;
            *message = offered.isEmpty()
                ? QCoreApplication::translate("Cli::ExportMap", "Drive cannot export %1 files").arg(key)
                : QCoreApplication::translate("Cli::ExportMap", "Drive cannot export %1 as '%2' (it offers %3)")
                      .arg(key, format, offered.join(u", "_s));
            return std::nullopt;
        }
        map.insert(kind, mime);
    }
    return map;
}

} // namespace Cli
