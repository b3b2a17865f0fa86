// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/localdestination.h"

#include "destinations/localdestination_p.h"
#include "destinations/pathmapper.h"
#include "util/filesystem.h"
#include "util/hasher.h"
#include "util/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
// Below 64 KiB free the destination is full for every file: the run stops. Above, a file too big for what is
// free fails alone.
constexpr qint64 FullBelowBytes = 64 * 1024;

// One file's hashes, computed off the engine thread (hashing an existing 1 GiB file takes seconds).
// Takes ownership of `fd`.
Existing hashExisting(int fd)
{
    Existing existing;
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
    {
        ::close(fd);
        return existing;
    }
    existing.size = file.size();
    Util::StreamHasher hasher(Util::StreamHasher::Md5 | Util::StreamHasher::Sha256);
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;)
    {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return Existing {existing.size, {}, {}};
        if (n == 0)
            break;
        hasher.addData(buffer.constData(), n);
    }
    existing.md5 = QString::fromLatin1(hasher.md5Hex());
    existing.sha256 = QString::fromLatin1(hasher.sha256Hex());
    return existing;
}
} // namespace

namespace LocalDetail
{
QThreadPool *diskPool(int threads)
{
    auto *pool = new QThreadPool;
    pool->setMaxThreadCount(threads);
    return pool;
}

QThreadPool *probePool()
{
    // Probes are few and disk-bound: two at once is plenty, and they never starve the global pool.
    static QThreadPool *pool = diskPool(2);
    return pool;
}

QString absolutePathBelow(const QString &root, const QString &relativePath)
{
    if (relativePath.isEmpty() || relativePath.startsWith(u'/'))
        return {};
    const QString joined = QDir::cleanPath(root + u'/' + relativePath);
    if (!joined.startsWith(root + u'/'))
        return {};
    return joined;
}

// The folder part of a relative path ("" at the root) and the name.
std::pair<QString, QString> splitRelative(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(u'/');
    return {slash < 0 ? QString() : relativePath.left(slash), relativePath.mid(slash + 1)};
}

// An existing regular file at `relativePath`, opened read-only without following a link anywhere; -1 if none.
int openExistingNoFollow(const QString &root, const QString &relativePath)
{
    const int rootFd = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (rootFd < 0)
        return -1;
    const auto [folder, name] = splitRelative(relativePath);
    const Util::OpenedDirectory dir = Util::openDirectoryBelow(rootFd, folder, false);
    ::close(rootFd);
    if (dir.fd < 0)
        return -1;
    const QByteArray native = QFile::encodeName(name);
    const int fd = ::openat(dir.fd, native.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    ::close(dir.fd);
    struct stat st {};
    if (fd >= 0 && (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)))
    {
        ::close(fd);
        return -1;
    }
    return fd;
}

int writeAll(int fd, const char *data, qint64 length, qint64 offset)
{
    qint64 done = 0;
    while (done < length)
    {
        const ssize_t n = ::pwrite(fd, data + done, static_cast<size_t>(length - done), offset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        if (n == 0)
            return EIO;
        done += n;
    }
    return 0;
}

} // namespace LocalDetail

using namespace LocalDetail;

LocalDestination::LocalDestination(const QString &rootDir, QObject *parent)
    : Destination(parent)
    , m_root(QDir::cleanPath(QDir(rootDir).absolutePath()))
{
}

QString LocalDestination::describe() const
{
    return m_root;
}

QString LocalDestination::locationOf(const QString &relativePath) const
{
    const QString path = absolutePath(relativePath);
    return path.isEmpty() ? m_root : path;
}

QString LocalDestination::absolutePath(const QString &relativePath) const
{
    return absolutePathBelow(m_root, relativePath);
}

void LocalDestination::check(std::function<void(const Net::Error &)> done)
{
    Net::Error error;
    QDir dir(m_root);
    if (!dir.exists() && !QDir().mkpath(m_root))
    {
        error = {Net::ErrorClass::Local, 0, u"invalidDestination"_s, tr("Cannot create the folder %1.").arg(m_root)};
    }
    else if (!QFileInfo(m_root).isDir())
    {
        error = {Net::ErrorClass::Local, 0, u"invalidDestination"_s, tr("%1 is not a folder.").arg(m_root)};
    }
    else if (::access(QFile::encodeName(m_root).constData(), W_OK | X_OK) != 0)
    {
        error = {Net::ErrorClass::Local, 0, u"permissionDenied"_s, tr("Cannot write into %1.").arg(m_root)};
    }
    QTimer::singleShot(0, this, [done = std::move(done), error] { done(error); });
}

void LocalDestination::probe(const QString &relativePath,
                             std::function<void(std::optional<Existing>, const Net::Error &)> done)
{
    const QString path = absolutePath(relativePath);
    if (path.isEmpty())
    {
        const Net::Error error {Net::ErrorClass::Local, 0, u"invalidDestination"_s,
                                tr("The path %1 would leave %2.").arg(relativePath, m_root)};
        QTimer::singleShot(0, this, [done = std::move(done), error] { done(std::nullopt, error); });
        return;
    }
    // A link (or a folder) at the path, or a link on the way, is not "what is there": the rename replaces it.
    const int fd = openExistingNoFollow(m_root, relativePath);
    if (fd < 0)
    {
        QTimer::singleShot(0, this, [done = std::move(done)] { done(std::nullopt, {}); });
        return;
    }
    QPointer<LocalDestination> self(this);
    probePool()->start([self, fd, done = std::move(done)]() mutable {
        const Existing existing = hashExisting(fd);
        // The destination may be gone by now (run cancelled); then nobody waits for the answer.
        if (LocalDestination *d = self.data())
            QMetaObject::invokeMethod(d, [existing, done = std::move(done)] { done(existing, {}); }, Qt::QueuedConnection);
    });
}

Sink *LocalDestination::openSink(const Target &target, ConflictPolicy policy)
{
    auto *sink = new LocalSink(m_root, target, policy);
    sink->setLeftoverList(m_leftovers);
    sink->setCheckpointInterval(m_checkpointInterval);
    if (m_directWrites)
        sink->writeDirect();
    return sink;
}

// --- LocalSink ---------------------------------------------------------------------------------------

LocalSink::LocalSink(const QString &root, const Target &target, ConflictPolicy policy, QObject *parent)
    : Sink(parent)
    , m_finalPath(absolutePathBelow(root, target.relativePath))
    , m_expectedSize(target.expectedSize)
    , m_policy(policy)
{
    openPartial(root, target);
}

LocalSink::~LocalSink()
{
    if (!m_done)
        abort();
    detachFromSyncWorker();
    if (m_dirFd >= 0)
        ::close(m_dirFd);
}

QString LocalSink::temporaryName(const QString &driveId, const QString &finalName, const QString &revision)
{
    // The id says whose file it is; the hash of the exact id and name keeps two ids that differ only in case
    // apart on a case-insensitive share, the hash of the revision two revisions of one file (a kept partial is
    // continued only by the same bytes). TemporaryPrefix is a name safeName() never gives out.
    const QString id = driveId.isEmpty() ? u"noid"_s : safeName(driveId).left(64);
    const QByteArray hash = QCryptographicHash::hash((driveId + u'/' + finalName).toUtf8(), QCryptographicHash::Sha256);
    const QByteArray revisionHash = QCryptographicHash::hash(revision.toUtf8(), QCryptographicHash::Sha256);
    return TemporaryPrefix.toString() + id + u'-' + QString::fromLatin1(hash.toHex().left(8))
        + QString::fromLatin1(revisionHash.toHex().left(8)) + u".partial"_s;
}

bool LocalSink::openPartial(const QString &root, const Target &target)
{
    if (m_finalPath.isEmpty())
    {
        fail({Net::ErrorClass::Local, 0, u"invalidDestination"_s, tr("The destination path is outside the chosen folder.")});
        return false;
    }
    const auto [folder, name] = splitRelative(QDir::cleanPath(target.relativePath));
    const QString temporary = temporaryName(target.driveId, name, target.revision);
    m_partialPath = QFileInfo(m_finalPath).path() + u'/' + temporary;
    m_tempName = QFile::encodeName(temporary);
    const int rootFd = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (rootFd < 0)
    {
        fail(localError(errno, root));
        return false;
    }
    const Util::OpenedDirectory dir = Util::openDirectoryBelow(rootFd, folder, true);
    ::close(rootFd);
    if (dir.fd < 0)
    {
        const QString where = root + u'/' + dir.failedAt;
        if (dir.error == ELOOP)
        {
            fail({Net::ErrorClass::Permanent, 0, u"symlinkInPath"_s,
                  tr("%1 is a symbolic link; links in the destination are not followed.").arg(where)});
        }
        else
        {
            fail(localError(dir.error, tr("Cannot create the folder %1").arg(where)));
        }
        return false;
    }
    m_dirFd = dir.fd;
    if (target.resume.offset > 0)
        reopenKept(target, name);
    if (m_fd < 0 && !createPartial())
        return false;
    return reserveSpace();
}

bool LocalSink::createPartial()
{
    // O_EXCL | O_NOFOLLOW: a link planted at the temporary name is never written through. Anything already
    // there under our reserved name is a leftover of an earlier run: removed (a link itself, not its target).
    const int flags = O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    m_fd = ::openat(m_dirFd, m_tempName.constData(), flags, 0644);
    if (m_fd < 0 && errno == EEXIST && ::unlinkat(m_dirFd, m_tempName.constData(), 0) == 0)
        m_fd = ::openat(m_dirFd, m_tempName.constData(), flags, 0644);
    if (m_fd < 0)
    {
        const int err = errno;
        m_tempName.clear(); // not ours: never removed
        fail(localError(err, m_partialPath));
        return false;
    }
    return true;
}

bool LocalSink::reserveSpace()
{
    const qint64 needed = m_expectedSize - m_startOffset; // a continued partial holds the rest already
    if (needed > 0)
    {
        // A file bigger than what is free fails alone, before anything is allocated (preallocating 1 TiB would
        // first fill the disk for everyone); a destination with (almost) nothing free stops the run.
        struct statvfs fs {};
        const qint64 available = ::fstatvfs(m_fd, &fs) == 0 ? qint64(fs.f_bavail) * qint64(fs.f_frsize) : -1;
        if (available >= 0 && needed > available)
        {
            fail(available >= FullBelowBytes
                     ? Net::Error {Net::ErrorClass::Permanent, 0, u"notEnoughSpace"_s,
                                   tr("Not enough space for this file: it needs %1 bytes, %2 are free in %3.")
                                       .arg(needed).arg(available).arg(QFileInfo(m_finalPath).path())}
                     : localError(ENOSPC, m_partialPath));
            return false;
        }
        // Reserve the blocks up front: ranged parts then land in place, and a full disk shows at once.
        const int rc = ::posix_fallocate(m_fd, 0, m_expectedSize);
        if (rc == ENOSPC || rc == EDQUOT)
        {
            fail(localError(rc, m_partialPath));
            return false;
        }
    }
    return true;
}

Net::Error LocalSink::localError(int err, const QString &what) const
{
    Net::Error error;
    error.errorClass = Net::ErrorClass::Local;
    if (err == ENOSPC || err == EDQUOT)
    {
        error.reason = u"diskFull"_s;
        error.message = tr("Disk full while writing %1.").arg(what);
    }
    else if (err == EACCES || err == EPERM || err == EROFS)
    {
        error.reason = u"permissionDenied"_s;
        error.message = tr("Permission denied: %1.").arg(what);
    }
    else if (err == ENAMETOOLONG)
    {
        // One file's name, not the destination: that file fails, the run goes on.
        error.errorClass = Net::ErrorClass::Permanent;
        error.reason = u"nameTooLong"_s;
        error.message = tr("The name is too long for this file system: %1.").arg(what);
    }
    else if (err == ENOTDIR || err == EISDIR || err == ENOTEMPTY || err == EEXIST || err == ELOOP)
    {
        // Something of another kind sits where this one file goes: that file fails, the run goes on.
        error.errorClass = Net::ErrorClass::Permanent;
        error.reason = u"pathInUse"_s;
        error.message = tr("Cannot write %1: %2.").arg(what, QString::fromLocal8Bit(std::strerror(err)));
    }
    else
    {
        error.reason = u"writeError"_s;
        error.message = tr("Cannot write %1: %2.").arg(what, QString::fromLocal8Bit(std::strerror(err)));
    }
    return error;
}

QString LocalSink::removePartial()
{
    stopDirect(); // nothing writes into the file once it is closed
    if (m_fd >= 0)
    {
        ::close(m_fd);
        m_fd = -1;
    }
    if (m_dirFd < 0 || m_tempName.isEmpty())
        return {};
    const QByteArray name = std::exchange(m_tempName, {});
    if (::unlinkat(m_dirFd, name.constData(), 0) == 0 || errno == ENOENT)
        return {};
    // A folder made read-only mid-run: say so rather than leave a half-written file without a word.
    const QString reason = QString::fromLocal8Bit(std::strerror(errno));
    qCWarning(lcDest) << "could not remove the unfinished file" << m_partialPath << ":" << reason;
    if (m_leftovers)
        m_leftovers->append(m_partialPath);
    return tr("The unfinished file %1 could not be removed (%2); delete it by hand.").arg(m_partialPath, reason);
}

void LocalSink::fail(Net::Error error)
{
    if (m_done)
        return;
    m_done = true;
    const QString leftover = removePartial();
    if (!leftover.isEmpty())
        error.message += u' ' + leftover;
    // Queued: the caller may be inside write() and must not be re-entered.
    QTimer::singleShot(0, this, [this, error] { emit failed(error); });
}

qint64 LocalSink::write(qint64 offset, const char *data, qint64 length)
{
    if (m_done || m_fd < 0)
        return -1;
    // Backpressure while a checkpoint's fdatasync runs: the prefix may run at most two intervals ahead of
    // what is durable, so a kill loses a bounded amount however much faster the network is than the disk.
    const qint64 front = m_direct ? m_direct->prefixFront() : m_contiguous;
    if (m_syncing && offset == front && front - m_durable >= 2 * m_checkpointInterval)
    {
        m_waitingForSync = true;
        return 0;
    }
    if (m_direct)
    {
        if (const qint64 taken = m_direct->take(offset, data, length); taken >= 0)
        {
            // Set, never cleared here: another stream's whole write must not swallow this one's wake-up.
            if (taken < length)
                m_waitingForBuffer = true;
            return taken;
        }
        // More ranged parts than one stream and its next chunk: through the page cache from here on.
        if (!leaveDirect())
            return -1;
    }
    if (const int err = LocalDetail::writeAll(m_fd, data, length, offset); err != 0)
    {
        fail(localError(err, m_partialPath));
        return -1;
    }
    noteWritten(offset, length);
    return length;
}

bool LocalSink::writeDirect()
{
    if (m_done || m_fd < 0 || m_direct)
        return m_direct != nullptr;
    m_direct = DirectWriter::open(m_fd, m_expectedSize, this, [this] {
        if (m_direct && directLanded(m_direct->takeLanded()) && std::exchange(m_waitingForBuffer, false))
            emit readyForMore();
    });
    return m_direct != nullptr;
}

bool LocalSink::directLanded(const QList<DirectWriter::Landed> &landed)
{
    for (const DirectWriter::Landed &range : landed)
    {
        if (range.err != 0)
        {
            fail(localError(range.err, m_partialPath));
            return false;
        }
        noteWritten(range.offset, range.length);
    }
    return !m_done;
}

void LocalSink::stopDirect()
{
    m_direct.reset(); // waits for its worker
    if (m_readFd >= 0)
        ::close(m_readFd);
    m_readFd = -1;
}

bool LocalSink::leaveDirect()
{
    if (!m_direct)
        return !m_done;
    const QList<DirectWriter::Landed> landed = m_direct->drain();
    stopDirect();
    if (!directLanded(landed))
        return false;
    if (std::exchange(m_waitingForBuffer, false))
        QTimer::singleShot(0, this, [this] {
            if (!m_done)
                emit readyForMore();
        });
    return true;
}

qint64 LocalSink::readBack(qint64 offset, char *data, qint64 length)
{
    if (m_fd < 0)
        return -1;
    if (m_direct)
    {
        // Bytes still in a buffer are not in the file yet; the rest is read without O_DIRECT's alignment, through
        // a descriptor of this very file (never its name: the name could be swapped meanwhile).
        if (m_readFd < 0)
            m_readFd = ::open(QByteArray("/proc/self/fd/" + QByteArray::number(m_fd)).constData(), O_RDONLY | O_CLOEXEC);
        if (m_readFd >= 0)
            return m_direct->read(offset, data, length, m_readFd);
        if (!leaveDirect())
            return -1;
    }
    // The descriptor is O_RDWR: read back through it, never by name (the name could be swapped meanwhile).
    qint64 done = 0;
    while (done < length)
    {
        const ssize_t n = ::pread(m_fd, data + done, static_cast<size_t>(length - done), offset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    return done;
}

void LocalSink::finish()
{
    if (m_done || m_finishing || !leaveDirect())
        return;
    if (!journaled())
    {
        // No journal: nothing claims the file is done across a power cut, so nothing waits for the disk.
        const QString target = placeFinal();
        if (target.isEmpty())
            return;
        m_done = true;
        QTimer::singleShot(0, this, [this, target] { emit committed(target); });
        return;
    }
    // With a journal, "done" is committed once committed() is out: the file's bytes reach the disk before its
    // name does, and its name before that (resume-incremental.md, "Finish"). Both syncs run on the sync pool;
    // after a power cut a file is either at its final name whole or not there.
    m_finishing = true;
    const int fd = ::dup(m_fd);
    if (fd < 0)
    {
        fail(localError(errno, m_partialPath));
        return;
    }
    syncLater(fd, -1, [this](int err) {
        if (m_done)
            return; // aborted or kept meanwhile
        if (err != 0)
        {
            fail(localError(err, m_partialPath));
            return;
        }
        const QString target = placeFinal();
        if (target.isEmpty())
            return;
        const int folderFd = ::dup(m_dirFd);
        if (folderFd < 0)
        {
            fail(localError(errno, target));
            return;
        }
        syncLater(-1, folderFd, [this, target](int err) {
            if (m_done)
                return;
            if (err != 0)
            {
                fail(localError(err, target));
                return;
            }
            m_done = true;
            emit committed(target);
        });
    });
}

QString LocalSink::placeFinal()
{
    if (::close(m_fd) != 0)
    {
        const int err = errno;
        m_fd = -1;
        fail(localError(err, m_partialPath));
        return {};
    }
    m_fd = -1;
    const QFileInfo info(m_finalPath);
    QString name = info.fileName();
    // Anything at the name counts as taken, a link included (lstat: a link is not looked through).
    const auto taken = [this](const QString &candidate) {
        struct stat st {};
        return ::fstatat(m_dirFd, QFile::encodeName(candidate).constData(), &st, AT_SYMLINK_NOFOLLOW) == 0;
    };
    if (m_policy == ConflictPolicy::KeepBoth && taken(name))
    {
        for (int n = 1; n < 10000 && taken(name); ++n)
            name = PathMapper::keepBothName(info.fileName(), n);
    }
    // rename(2) replaces an existing file atomically: Overwrite never leaves a gap with no file. A link at the
    // final name is replaced itself; nothing is written through it.
    const QString target = info.path() + u'/' + name;
    if (::renameat(m_dirFd, m_tempName.constData(), m_dirFd, QFile::encodeName(name).constData()) != 0)
    {
        fail(localError(errno, target));
        return {};
    }
    m_tempName.clear();
    return target;
}

void LocalSink::abort()
{
    if (m_done)
        return;
    m_done = true;
    removePartial(); // a leftover is logged; abort() has nobody to tell
}

} // namespace Dest
