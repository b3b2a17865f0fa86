// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/filesystem.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

QString fileCreationProblem(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    QFileInfo dir(folder);
    while (!dir.exists() && dir.absolutePath() != dir.absoluteFilePath())
        dir = QFileInfo(dir.absolutePath());
    if (!dir.isDir())
        return QCoreApplication::translate("Util", "%1 is not a folder").arg(dir.absoluteFilePath());
    if (dir.absoluteFilePath() != folder)
        return dir.isWritable() ? QString() : QCoreApplication::translate("Util", "cannot create a folder in %1").arg(dir.absoluteFilePath());
    QTemporaryFile probe(folder + u"/.drive-ingest-probe-XXXXXX"_s);
    if (!probe.open())
        return QCoreApplication::translate("Util", "cannot write into %1: %2").arg(folder, probe.errorString());
    return {};
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

OpenedDirectory openDirectoryBelow(int baseFd, const QString &relativeDir, bool create)
{
    OpenedDirectory result;
    result.fd = ::fcntl(baseFd, F_DUPFD_CLOEXEC, 0);
    if (result.fd < 0)
    {
        result.error = errno;
        return result;
    }
    const QStringList components = relativeDir.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < components.size(); ++i)
    {
        const QString &component = components.at(i);
        const QByteArray name = QFile::encodeName(component);
        int error = 0;
        if (component == QLatin1String(".") || component == QLatin1String(".."))
        {
            error = EINVAL;
        }
        else if (create && ::mkdirat(result.fd, name.constData(), 0777) != 0 && errno != EEXIST)
        {
            error = errno;
        }
        int next = -1;
        if (error == 0)
        {
            next = ::openat(result.fd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            error = next < 0 ? errno : 0;
            // Linux answers ENOTDIR for a link with O_DIRECTORY | O_NOFOLLOW: tell a link from a file.
            struct stat st {};
            if ((error == ENOTDIR || error == ELOOP)
                && ::fstatat(result.fd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0)
            {
                error = S_ISLNK(st.st_mode) ? ELOOP : ENOTDIR;
            }
        }
        if (error != 0)
        {
            ::close(result.fd);
            result.fd = -1;
            result.error = error;
            result.failedAt = components.mid(0, i + 1).join(u'/');
            return result;
        }
        ::close(result.fd);
        result.fd = next;
    }
    return result;
}

} // namespace Util
