// SPDX-License-Identifier: GPL-3.0-or-later
#include "filetree.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>

using namespace Qt::StringLiterals;

namespace TestTree
{
QString md5Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Md5);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

QStringList landedFiles(const QString &root)
{
    QStringList files;
    const QDir base(root);
    for (const QString &path : filesUnder(root))
    {
        const QString relative = base.relativeFilePath(path);
        if (!relative.startsWith(u"_drive_ingest/"_s))
            files << relative;
    }
    files.sort();
    return files;
}
} // namespace TestTree
