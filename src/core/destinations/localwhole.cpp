// SPDX-License-Identifier: GPL-3.0-or-later
// LocalDestination's small files of its own (issue 11: `_drive_ingest/runs/<run id>.jsonl`): written atomically,
// read back and listed, below root() only, never through a symbolic link. The disk work runs on a worker thread;
// the answers come back on the destination's thread.
#include "destinations/localdestination.h"

#include "destinations/localdestination_p.h"
#include "destinations/pathmapper.h"
#include "util/filesystem.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QRandomGenerator>
#include <QThreadPool>

#include <cerrno>
#include <cstring>
#include <functional>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
using namespace LocalDetail;

Net::Error fileError(int err, const QString &path)
{
    const QString detail = QString::fromLocal8Bit(std::strerror(err));
    if (err == ENOSPC || err == EDQUOT)
        return {Net::ErrorClass::Local, 0, u"diskFull"_s, LocalDestination::tr("Disk full while writing %1.").arg(path)};
    if (err == EACCES || err == EPERM || err == EROFS)
        return {Net::ErrorClass::Local, 0, u"permissionDenied"_s, LocalDestination::tr("Permission denied: %1.").arg(path)};
    if (err == ELOOP)
        return {Net::ErrorClass::Permanent, 0, u"symlinkInPath"_s,
                LocalDestination::tr("%1 is a symbolic link; links in the destination are not followed.").arg(path)};
    return {Net::ErrorClass::Permanent, 0, u"writeError"_s, LocalDestination::tr("Cannot write %1: %2.").arg(path, detail)};
}

Net::Error outsideRoot(const QString &relativePath, const QString &root)
{
    return {Net::ErrorClass::Permanent, 0, u"invalidDestination"_s,
            LocalDestination::tr("The path %1 would leave %2.").arg(relativePath, root)};
}

// The folder `relativeFolder` below `root`, walked without following links; created when `create`.
Util::OpenedDirectory openFolder(const QString &root, const QString &relativeFolder, bool create)
{
    const int rootFd = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (rootFd < 0)
        return {-1, errno, {}};
    Util::OpenedDirectory dir = Util::openDirectoryBelow(rootFd, relativeFolder, create);
    ::close(rootFd);
    return dir;
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size())
    {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

// Copies the file at `sourcePath` into `fd` 1 MiB at a time; false with errno set when a read or a write failed.
bool copyAll(int fd, const QString &sourcePath)
{
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly))
    {
        errno = EIO;
        return false;
    }
    constexpr qint64 chunk = 1 << 20;
    while (!source.atEnd())
    {
        const QByteArray bytes = source.read(chunk);
        if (source.error() != QFileDevice::NoError)
        {
            errno = EIO;
            return false;
        }
        if (!writeAll(fd, bytes))
            return false;
    }
    return true;
}

// Runs on a worker thread. Temporary file (O_EXCL | O_NOFOLLOW, a name PathMapper never gives out) → write (the
// bytes, by `write(fd)`) → fsync → rename over the name → fsync the folder: a reader sees the old file or the
// new one, never half.
Net::Error writeWholeNow(const QString &root, const QString &relativePath, const std::function<bool(int)> &write)
{
    const QString path = absolutePathBelow(root, relativePath);
    if (path.isEmpty())
        return outsideRoot(relativePath, root);
    const auto [folder, name] = splitRelative(QDir::cleanPath(relativePath));
    const Util::OpenedDirectory dir = openFolder(root, folder, true);
    if (dir.fd < 0)
        return fileError(dir.error, root + u'/' + dir.failedAt);
    const QByteArray temp = QFile::encodeName(TemporaryPrefix.toString() + u"whole-"_s
                                              + QString::number(QRandomGenerator::global()->generate64(), 16)
                                              + u".partial"_s);
    const QByteArray target = QFile::encodeName(name);
    int err = 0;
    const int fd = ::openat(dir.fd, temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        err = errno;
    else
    {
        errno = 0;
        if (!write(fd) || ::fsync(fd) != 0)
            err = errno ? errno : EIO;
        if (::close(fd) != 0 && err == 0)
            err = errno;
        if (err == 0 && ::renameat(dir.fd, temp.constData(), dir.fd, target.constData()) != 0)
            err = errno;
        if (err != 0)
            ::unlinkat(dir.fd, temp.constData(), 0);
        else
            ::fsync(dir.fd); // the new name survives a power cut
    }
    ::close(dir.fd);
    return err == 0 ? Net::Error {} : fileError(err, path);
}

Net::Error readWholeNow(const QString &root, const QString &relativePath, qint64 maxBytes, QByteArray &out)
{
    const QString path = absolutePathBelow(root, relativePath);
    if (path.isEmpty())
        return outsideRoot(relativePath, root);
    const int fd = openExistingNoFollow(root, relativePath);
    if (fd < 0)
        return {Net::ErrorClass::Permanent, 404, u"notFound"_s, LocalDestination::tr("%1 does not exist.").arg(path)};
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
    {
        ::close(fd);
        return fileError(EIO, path);
    }
    if (file.size() > maxBytes)
        return {Net::ErrorClass::Permanent, 0, u"tooLarge"_s,
                LocalDestination::tr("%1 holds %2 bytes, more than the %3 expected.").arg(path).arg(file.size()).arg(maxBytes)};
    out = file.read(maxBytes + 1);
    if (out.size() > maxBytes || file.error() != QFileDevice::NoError)
        return fileError(EIO, path);
    return {};
}

Net::Error listNamesNow(const QString &root, const QString &relativeFolder, QStringList &names)
{
    if (!relativeFolder.isEmpty() && absolutePathBelow(root, relativeFolder).isEmpty())
        return outsideRoot(relativeFolder, root);
    const Util::OpenedDirectory opened = openFolder(root, QDir::cleanPath(relativeFolder), false);
    if (opened.fd < 0)
        return opened.error == ENOENT ? Net::Error {} : fileError(opened.error, root + u'/' + opened.failedAt);
    DIR *dir = ::fdopendir(opened.fd);
    if (!dir)
    {
        ::close(opened.fd);
        return fileError(errno, root + u'/' + relativeFolder);
    }
    while (const dirent *entry = ::readdir(dir))
    {
        struct stat st {};
        if (::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        const QString name = QFile::decodeName(entry->d_name);
        if (!isTemporaryName(name))
            names.append(name);
    }
    ::closedir(dir);
    names.sort();
    return {};
}
} // namespace

void LocalDestination::writeWhole(const QString &relativePath, const QByteArray &bytes,
                                  std::function<void(const Net::Error &)> done)
{
    QPointer<LocalDestination> self(this);
    probePool()->start([self, root = m_root, relativePath, bytes, done = std::move(done)]() mutable {
        const Net::Error error = writeWholeNow(root, relativePath, [&bytes](int fd) { return writeAll(fd, bytes); });
        if (LocalDestination *d = self.data())
            QMetaObject::invokeMethod(d, [error, done = std::move(done)] { done(error); }, Qt::QueuedConnection);
    });
}

void LocalDestination::writeWholeFrom(const QString &relativePath, const QString &sourcePath,
                                      std::function<void(const Net::Error &)> done)
{
    QPointer<LocalDestination> self(this);
    probePool()->start([self, root = m_root, relativePath, sourcePath, done = std::move(done)]() mutable {
        const Net::Error error = writeWholeNow(root, relativePath,
                                               [&sourcePath](int fd) { return copyAll(fd, sourcePath); });
        if (LocalDestination *d = self.data())
            QMetaObject::invokeMethod(d, [error, done = std::move(done)] { done(error); }, Qt::QueuedConnection);
    });
}

void LocalDestination::readWhole(const QString &relativePath, qint64 maxBytes,
                                 std::function<void(const QByteArray &, const Net::Error &)> done)
{
    QPointer<LocalDestination> self(this);
    probePool()->start([self, root = m_root, relativePath, maxBytes, done = std::move(done)]() mutable {
        QByteArray bytes;
        const Net::Error error = readWholeNow(root, relativePath, maxBytes, bytes);
        if (LocalDestination *d = self.data())
            QMetaObject::invokeMethod(d, [bytes, error, done = std::move(done)] { done(bytes, error); }, Qt::QueuedConnection);
    });
}

void LocalDestination::listNames(const QString &relativeFolder,
                                 std::function<void(const QStringList &, const Net::Error &)> done)
{
    QPointer<LocalDestination> self(this);
    probePool()->start([self, root = m_root, relativeFolder, done = std::move(done)]() mutable {
        QStringList names;
        const Net::Error error = listNamesNow(root, relativeFolder, names);
        if (LocalDestination *d = self.data())
            QMetaObject::invokeMethod(d, [names, error, done = std::move(done)] { done(names, error); }, Qt::QueuedConnection);
    });
}

} // namespace Dest
