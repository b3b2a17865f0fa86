// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/localdestination.h"

#include "destinations/pathmapper.h"
#include "util/hasher.h"

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
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
// One file's hashes, computed off the engine thread (hashing an existing 1 GiB file takes seconds).
Existing hashExisting(const QString &path)
{
    Existing existing;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return existing;
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

QThreadPool *probePool()
{
    // Probes are few and disk-bound: two at once is plenty, and they never starve the global pool.
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(2);
        return p;
    }();
    return pool;
}

// `<name>.partial` beside the final name; a name already at the 255-byte limit gets a short hidden
// stand-in derived from it (deterministic, so a rerun finds and replaces it).
QString partialPathFor(const QString &finalPath)
{
    if (finalPath.isEmpty())
        return {};
    const QFileInfo info(finalPath);
    const QString name = info.fileName();
    if (name.toUtf8().size() + 8 <= 255)
        return finalPath + u".partial"_s;
    const QByteArray digest = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return info.path() + u"/."_s + QString::fromLatin1(digest) + u".partial"_s;
}

} // namespace

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
    if (relativePath.isEmpty() || relativePath.startsWith(u'/'))
        return {};
    const QString joined = QDir::cleanPath(m_root + u'/' + relativePath);
    if (!joined.startsWith(m_root + u'/'))
        return {};
    return joined;
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
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
    {
        QTimer::singleShot(0, this, [done = std::move(done)] { done(std::nullopt, {}); });
        return;
    }
    QPointer<LocalDestination> self(this);
    probePool()->start([self, path, done = std::move(done)]() mutable {
        const Existing existing = hashExisting(path);
        // The destination may be gone by now (run cancelled); then nobody waits for the answer.
        if (LocalDestination *d = self.data())
            QMetaObject::invokeMethod(d, [existing, done = std::move(done)] { done(existing, {}); }, Qt::QueuedConnection);
    });
}

Sink *LocalDestination::openSink(const Target &target, ConflictPolicy policy)
{
    const QString path = absolutePath(target.relativePath);
    auto *sink = new LocalSink(path, target.expectedSize, policy);
    return sink;
}

// --- LocalSink ---------------------------------------------------------------------------------------

LocalSink::LocalSink(const QString &finalPath, qint64 expectedSize, ConflictPolicy policy, QObject *parent)
    : Sink(parent)
    , m_finalPath(finalPath)
    , m_partialPath(partialPathFor(finalPath))
    , m_expectedSize(expectedSize)
    , m_policy(policy)
{
    openPartial();
}

LocalSink::~LocalSink()
{
    if (!m_done)
        abort();
}

bool LocalSink::openPartial()
{
    if (m_finalPath.isEmpty())
    {
        fail({Net::ErrorClass::Local, 0, u"invalidDestination"_s, tr("The destination path is outside the chosen folder.")});
        return false;
    }
    const QString dir = QFileInfo(m_finalPath).absolutePath();
    if (!QDir().mkpath(dir))
    {
        fail(localError(EACCES, tr("Cannot create the folder %1").arg(dir)));
        return false;
    }
    const QByteArray native = QFile::encodeName(m_partialPath);
    m_fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (m_fd < 0)
    {
        fail(localError(errno, m_partialPath));
        return false;
    }
    if (m_expectedSize > 0)
    {
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
    else
    {
        error.reason = u"writeError"_s;
        error.message = tr("Cannot write %1: %2.").arg(what, QString::fromLocal8Bit(std::strerror(err)));
    }
    return error;
}

void LocalSink::fail(const Net::Error &error)
{
    if (m_done)
        return;
    m_done = true;
    if (m_fd >= 0)
    {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_partialPath.isEmpty())
        QFile::remove(m_partialPath);
    // Queued: the caller may be inside write() and must not be re-entered.
    QTimer::singleShot(0, this, [this, error] { emit failed(error); });
}

qint64 LocalSink::write(qint64 offset, const char *data, qint64 length)
{
    if (m_done || m_fd < 0)
        return -1;
    qint64 written = 0;
    while (written < length)
    {
        const ssize_t n = ::pwrite(m_fd, data + written, static_cast<size_t>(length - written), offset + written);
        if (n < 0)
        {
            if (errno == EINTR)
                continue;
            fail(localError(errno, m_partialPath));
            return -1;
        }
        written += n;
    }
    return written;
}

qint64 LocalSink::readBack(qint64 offset, char *data, qint64 length)
{
    if (m_fd < 0)
        return -1;
    // The write descriptor is O_WRONLY; a read descriptor on the same inode sees the page cache.
    const QByteArray native = QFile::encodeName(m_partialPath);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    qint64 done = 0;
    while (done < length)
    {
        const ssize_t n = ::pread(fd, data + done, static_cast<size_t>(length - done), offset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    ::close(fd);
    return done;
}

void LocalSink::finish()
{
    if (m_done)
        return;
    if (::close(m_fd) != 0)
    {
        const int err = errno;
        m_fd = -1;
        fail(localError(err, m_partialPath));
        return;
    }
    m_fd = -1;
    QString target = m_finalPath;
    if (m_policy == ConflictPolicy::KeepBoth && QFileInfo::exists(target))
    {
        const QFileInfo info(m_finalPath);
        for (int n = 1; n < 10000 && QFileInfo::exists(target); ++n)
            target = info.absolutePath() + u'/' + PathMapper::keepBothName(info.fileName(), n);
    }
    // rename(2) replaces an existing file atomically: Overwrite never leaves a gap with no file.
    if (::rename(QFile::encodeName(m_partialPath).constData(), QFile::encodeName(target).constData()) != 0)
    {
        fail(localError(errno, target));
        return;
    }
    m_done = true;
    QTimer::singleShot(0, this, [this, target] { emit committed(target); });
}

void LocalSink::abort()
{
    if (m_done)
        return;
    m_done = true;
    if (m_fd >= 0)
    {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_partialPath.isEmpty())
        QFile::remove(m_partialPath);
}

} // namespace Dest
