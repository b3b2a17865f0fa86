// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinationchoice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

QString DestinationChoice::check() const
{
    const QString p = path.trimmed();
    if (p.isEmpty())
        return QCoreApplication::translate("DestinationChoice", "Choose where the files should go.");
    switch (kind)
    {
    case AppSettings::DestinationKind::LocalFolder:
    {
        QFileInfo info(p);
        if (!info.exists())
        {
            // A folder that does not exist yet is made with its missing parents (as the CLI and the engine
            // do): fine when the nearest existing one is a folder that can hold them.
            QFileInfo parent(info.absolutePath());
            while (!parent.exists() && parent.absolutePath() != parent.absoluteFilePath())
                parent.setFile(parent.absolutePath());
            if (!parent.isDir() || !parent.isWritable())
                return QCoreApplication::translate("DestinationChoice", "The folder %1 does not exist and cannot be created.")
                    .arg(QDir::toNativeSeparators(p));
            return {};
        }
        if (!info.isDir())
            return QCoreApplication::translate("DestinationChoice", "%1 is not a folder.").arg(QDir::toNativeSeparators(p));
        if (!info.isWritable())
            return QCoreApplication::translate("DestinationChoice", "The folder %1 is not writable.").arg(QDir::toNativeSeparators(p));
        return {};
    }
    case AppSettings::DestinationKind::Volume:
    {
        static const QRegularExpression re(u"^/Volumes/[^/]+/[^/]+/[^/]+(/.*)?$"_s);
        if (!re.match(p).hasMatch())
            return QCoreApplication::translate("DestinationChoice",
                                               "A Volume path looks like /Volumes/catalog/schema/volume/folder.");
        return {};
    }
    case AppSettings::DestinationKind::Dbfs:
        if (!p.startsWith(u"dbfs:/"_s) && !p.startsWith(u'/'))
            return QCoreApplication::translate("DestinationChoice", "A DBFS path looks like dbfs:/folder.");
        return {};
    }
    return {};
}
