// SPDX-License-Identifier: GPL-3.0-or-later
#include "foldertemplate.h"

#include "pathmapper.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
const QRegularExpression &placeholder()
{
    static const QRegularExpression re(u"\\{([A-Za-z_]+)\\}"_s);
    return re;
}
} // namespace

bool hasFolderPlaceholders(const QString &folder)
{
    return placeholder().match(folder).hasMatch();
}

QString expandFolderTemplate(const QString &folder, const QDate &date, const QString &job, QString *error)
{
    QString out;
    qsizetype last = 0;
    auto it = placeholder().globalMatch(folder);
    while (it.hasNext())
    {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(folder).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString name = m.captured(1);
        if (name == u"yyyy")
            out += QString::number(date.year()).rightJustified(4, u'0');
        else if (name == u"mm")
            out += QString::number(date.month()).rightJustified(2, u'0');
        else if (name == u"dd")
            out += QString::number(date.day()).rightJustified(2, u'0');
        else if (name == u"job")
            out += safeName(job.trimmed().isEmpty() ? u"ingest"_s : job.trimmed());
        else
        {
            if (error)
                *error = QCoreApplication::translate("Dest::FolderTemplate",
                                                     "Unknown placeholder %1 in the folder: use {yyyy}, {mm}, {dd} or {job}.")
                             .arg(m.captured(0));
            return {};
        }
    }
    out += QStringView(folder).mid(last);
    return out;
}

} // namespace Dest
