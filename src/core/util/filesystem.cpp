// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/filesystem.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

namespace Util
{

QString existingAncestor(const QString &path)
{
    if (path.isEmpty())
    {
        return QString();
    }
    QString current = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    while (!current.isEmpty())
    {
        const QFileInfo info(current);
        if (info.exists())
        {
            return info.isDir() ? info.canonicalFilePath() : info.canonicalPath();
        }
        const QString parent = info.path();
        if (parent == current)
        {
            break;
        }
        current = parent;
    }
    return QString();
}

bool isOnSameFilesystem(const QString &a, const QString &b)
{
    const QString existingA = existingAncestor(a);
    const QString existingB = existingAncestor(b);
    if (existingA.isEmpty() || existingB.isEmpty())
    {
        return false;
    }
    const QStorageInfo first(existingA);
    const QStorageInfo second(existingB);
    if (!first.isValid() || !second.isValid())
    {
        return false;
    }
    // The device alone is not enough (every tmpfs is "tmpfs"); the mount point tells bind mounts and tmpfs apart.
    return first.rootPath() == second.rootPath() && first.device() == second.device();
}

qint64 availableBytes(const QString &path)
{
    const QString existing = existingAncestor(path);
    if (existing.isEmpty())
    {
        return -1;
    }
    const QStorageInfo storage(existing);
    if (!storage.isValid() || !storage.isReady())
    {
        return -1;
    }
    return storage.bytesAvailable();
}

} // namespace Util
