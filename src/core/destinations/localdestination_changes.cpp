// SPDX-License-Identifier: GPL-3.0-or-later
// LocalDestination's move() and remove() (issue 12: a file renamed or moved in Drive, a copy deleted under
// --mirror). The paths come from the journal and are checked again; every folder on the way is opened one
// component at a time without following a symbolic link (Util::openDirectoryBelow), the leaf is looked at with
// AT_SYMLINK_NOFOLLOW, and the change itself is a renameat2(RENAME_NOREPLACE) / unlinkat on those folders: a link
// planted in the destination never makes us move or delete anything outside it. The disk work runs on a worker
// thread; the answers come back on the destination's thread.
#include "destinations/localdestination.h"

#include "destinations/localdestination_p.h"
#include "destinations/relativepath.h"
#include "util/filesystem.h"

#include <QFile>
#include <QPointer>
#include <QThreadPool>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
using namespace LocalDetail;

/// An open file descriptor closed when it goes out of scope.
struct Fd
{
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
};

Net::Error failure(int err, const QString &what)
{
    return {Net::ErrorClass::Permanent, 0, err == ENOENT ? u"notFound"_s : u"changeFailed"_s,
            LocalDestination::tr("Cannot change %1: %2.").arg(what, QString::fromLocal8Bit(std::strerror(err)))};
}

/// The folder `relativeDir` below the open root, walked without following links; the error already mapped.
Util::OpenedDirectory openBelow(int rootFd, const QString &relativeDir, bool create, const QString &what,
                                Net::Error &error)
{
    Util::OpenedDirectory dir = Util::openDirectoryBelow(rootFd, relativeDir, create);
    if (dir.fd < 0)
        error = dir.error == ELOOP ? unsafePathError(what) : failure(dir.error, what);
    return dir;
}

/// renameat2(RENAME_NOREPLACE) where the kernel and file system have it; else link + unlink for a file (link
/// never replaces) and a look before renameat for a folder. Never replaces what is at `to`. 0 or an errno.
int renameNoReplace(int fromDir, const QByteArray &from, int toDir, const QByteArray &to, bool isFolder)
{
#ifdef RENAME_NOREPLACE
    if (::renameat2(fromDir, from.constData(), toDir, to.constData(), RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
#endif
    if (!isFolder)
    {
        if (::linkat(fromDir, from.constData(), toDir, to.constData(), 0) != 0)
            return errno;
        return ::unlinkat(fromDir, from.constData(), 0) == 0 ? 0 : errno;
    }
    struct stat st {};
    if (::fstatat(toDir, to.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0)
        return EEXIST;
    return ::renameat(fromDir, from.constData(), toDir, to.constData()) == 0 ? 0 : errno;
}

Net::Error moveNow(const QString &root, const QString &from, const QString &to)
{
    if (!isSafeRelativePath(from))
        return unsafePathError(from);
    if (!isSafeRelativePath(to))
        return unsafePathError(to);
    if (from == to)
        return {};
    if (to.startsWith(from + u'/'))
        return failure(EINVAL, from);
    const Fd rootFd(::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (rootFd.fd < 0)
        return failure(errno, root);
    const auto [fromFolder, fromName] = splitRelative(from);
    const auto [toFolder, toName] = splitRelative(to);
    Net::Error error;
    const Fd source(openBelow(rootFd.fd, fromFolder, false, from, error).fd);
    if (source.fd < 0)
        return error;
    const QByteArray fromNative = QFile::encodeName(fromName);
    struct stat st {};
    if (::fstatat(source.fd, fromNative.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return failure(errno, from);
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        return unsafePathError(from); // a link (or anything else we never land) is not ours to move
    const Fd target(openBelow(rootFd.fd, toFolder, true, to, error).fd);
    if (target.fd < 0)
        return error;
    const QByteArray toNative = QFile::encodeName(toName);
    if (const int err = renameNoReplace(source.fd, fromNative, target.fd, toNative, S_ISDIR(st.st_mode)))
    {
        if (err == EEXIST || err == ENOTEMPTY)
            return {Net::ErrorClass::Permanent, 0, u"exists"_s,
                    LocalDestination::tr("%1 already exists: not replaced.").arg(to)};
        return failure(err, from);
    }
    ::fsync(target.fd); // the new name survives a power cut
    if (fromFolder != toFolder)
        ::fsync(source.fd);
    return {};
}

Net::Error removeNow(const QString &root, const QString &relativePath)
{
    if (!isSafeRelativePath(relativePath))
        return unsafePathError(relativePath);
    const Fd rootFd(::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (rootFd.fd < 0)
        return failure(errno, root);
    const auto [folder, name] = splitRelative(relativePath);
    Net::Error error;
    {
        const Fd dir(openBelow(rootFd.fd, folder, false, relativePath, error).fd);
        if (dir.fd < 0)
            return error.reason == u"notFound"_s ? Net::Error {} : error; // its folder gone: the file too
        const QByteArray native = QFile::encodeName(name);
        struct stat st {};
        if (::fstatat(dir.fd, native.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0)
        {
            if (!S_ISREG(st.st_mode))
                return unsafePathError(relativePath); // a link or a folder: not a copy we landed
            if (::unlinkat(dir.fd, native.constData(), 0) != 0 && errno != ENOENT)
                return failure(errno, relativePath);
        }
        else if (errno != ENOENT)
        {
            return failure(errno, relativePath);
        }
    }
    // The folders above that became empty go too, innermost first, never the root. AT_REMOVEDIR removes only an
    // empty real folder (a link is ENOTDIR); the first that stays ends the climb.
    const QStringList segments = folder.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype k = segments.size() - 1; k >= 0; --k)
    {
        const Fd parent(Util::openDirectoryBelow(rootFd.fd, segments.mid(0, k).join(u'/'), false).fd);
        if (parent.fd < 0 || ::unlinkat(parent.fd, QFile::encodeName(segments.at(k)).constData(), AT_REMOVEDIR) != 0)
            break;
    }
    return {};
}
} // namespace

void LocalDestination::move(const QString &from, const QString &to, std::function<void(const Net::Error &)> done)
{
    QPointer<LocalDestination> self(this);
    probePool()->start([self, root = m_root, from, to, done = std::move(done)]() mutable {
        const Net::Error error = moveNow(root, from, to);
        if (LocalDestination *d = self.data())
            QMetaObject::invokeMethod(d, [error, done = std::move(done)] { done(error); }, Qt::QueuedConnection);
    });
}

void LocalDestination::remove(const QString &relativePath, std::function<void(const Net::Error &)> done)
{
    QPointer<LocalDestination> self(this);
    probePool()->start([self, root = m_root, relativePath, done = std::move(done)]() mutable {
        const Net::Error error = removeNow(root, relativePath);
        if (LocalDestination *d = self.data())
            QMetaObject::invokeMethod(d, [error, done = std::move(done)] { done(error); }, Qt::QueuedConnection);
    });
}

} // namespace Dest
