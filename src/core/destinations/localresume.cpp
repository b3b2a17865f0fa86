// SPDX-License-Identifier: GPL-3.0-or-later
// LocalSink's continuation across runs (issue 11): durable checkpoints (fdatasync on a worker thread, then
// durable() on the engine thread), suspend() keeping the partial, and reopening a kept partial.
#include "destinations/localdestination.h"

#include "destinations/localdestination_p.h"
#include "destinations/pathmapper.h"
#include "util/logging.h"

#include <QFile>
#include <QMetaMethod>
#include <QMutex>
#include <QThreadPool>

#include <cerrno>
#include <dirent.h>
#include <utility>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Dest
{
/// Shared by a sink and its sync jobs: a job posts its result only while the sink lives (the destructor clears
/// `sink` under the mutex; a posted call to a deleted QObject is dropped with it).
struct LocalSink::SyncGuard
{
    QMutex mutex;
    LocalSink *sink = nullptr;
};

namespace
{
QThreadPool *syncPool()
{
    // fdatasync waits on the disk, not the CPU; its own pool so a probe hashing a big file never delays a
    // checkpoint. Two at once: more only queue on the same device.
    static QThreadPool *pool = LocalDetail::diskPool(2);
    return pool;
}

// ".drive-ingest-<id>-<8 hex: id and name>": what every revision's partial of one file at one name starts with.
QString partialStem(const QString &temporaryName)
{
    return temporaryName.chopped(int(qstrlen(".partial")) + 8);
}
} // namespace

void LocalSink::detachFromSyncWorker()
{
    if (!m_guard)
        return;
    QMutexLocker lock(&m_guard->mutex);
    m_guard->sink = nullptr;
}

void LocalSink::reopenKept(const Target &target, const QString &finalName)
{
    const qint64 offset = target.resume.offset;
    const int fd = ::openat(m_dirFd, m_tempName.constData(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    struct stat st {};
    const bool usable = fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= offset
        && (m_expectedSize < 0 || offset <= m_expectedSize) && ::ftruncate(fd, offset) == 0;
    if (usable)
    {
        m_fd = fd;
        m_startOffset = offset;
        m_contiguous = offset;
        m_durable = offset;
        qCInfo(lcDest) << "continuing" << m_partialPath << "from byte" << offset;
    }
    else
    {
        if (fd >= 0)
            ::close(fd);
        // Shorter than announced (or not a file): what it holds cannot be trusted; the file starts over.
        if (::unlinkat(m_dirFd, m_tempName.constData(), 0) == 0)
            qCInfo(lcDest) << "dropped the kept partial" << m_partialPath << "(it does not hold" << offset << "bytes)";
    }
    // Partials of this file at this name under another revision: their bytes are another file's now.
    const QString ours = QFile::decodeName(m_tempName);
    const QString stem = partialStem(temporaryName(target.driveId, finalName));
    const int scanFd = ::dup(m_dirFd);
    DIR *dir = scanFd >= 0 ? ::fdopendir(scanFd) : nullptr;
    if (!dir)
    {
        if (scanFd >= 0)
            ::close(scanFd);
        return;
    }
    ::rewinddir(dir);
    while (const dirent *entry = ::readdir(dir))
    {
        const QString name = QFile::decodeName(entry->d_name);
        if (name != ours && name.startsWith(stem) && name.size() == ours.size() && name.endsWith(u".partial"_s)
            && ::unlinkat(m_dirFd, entry->d_name, 0) == 0)
            qCInfo(lcDest) << "dropped" << name << ": a partial of another revision of" << m_finalPath;
    }
    ::closedir(dir);
}

void LocalSink::noteWritten(qint64 offset, qint64 length)
{
    if (length <= 0)
        return;
    const qint64 end = offset + length;
    if (offset > m_contiguous)
    {
        qint64 &known = m_ahead[offset];
        known = std::max(known, end);
        return;
    }
    m_contiguous = std::max(m_contiguous, end);
    // Ranged parts that landed ahead now join the prefix.
    for (auto it = m_ahead.begin(); it != m_ahead.end() && it->first <= m_contiguous; it = m_ahead.erase(it))
        m_contiguous = std::max(m_contiguous, it->second);
    checkpoint();
}

bool LocalSink::journaled() const
{
    static const QMetaMethod durableSignal = QMetaMethod::fromSignal(&Sink::durable);
    return isSignalConnected(durableSignal);
}

void LocalSink::checkpoint()
{
    // Nobody records checkpoints (no journal): no sync, the run is as fast as without resume.
    if (m_syncing || m_done || m_finishing || m_fd < 0 || !journaled())
        return;
    const qint64 boundary = m_contiguous / m_checkpointInterval * m_checkpointInterval;
    if (boundary <= m_durable)
        return;
    // The worker syncs its own duplicate: the sink may close or remove the partial meanwhile.
    const int fd = ::dup(m_fd);
    const int folderFd = m_folderSynced ? -1 : ::dup(m_dirFd);
    if (fd < 0)
    {
        if (folderFd >= 0)
            ::close(folderFd);
        fail(localError(errno, m_partialPath));
        return;
    }
    m_syncing = true;
    const bool folder = folderFd >= 0;
    syncLater(fd, folderFd, [this, boundary, folder](int err) {
        // Once per partial: its directory entry, so that a power cut keeps the name too.
        if (folder && err == 0)
            m_folderSynced = true;
        synced(boundary, err);
    });
}

void LocalSink::syncLater(int fd, int folderFd, std::function<void(int err)> then)
{
    if (!m_guard)
    {
        m_guard = std::make_shared<SyncGuard>();
        m_guard->sink = this;
    }
    // The worker syncs duplicates: the sink may close or remove the file meanwhile.
    syncPool()->start([guard = m_guard, fd, folderFd, then = std::move(then)] {
        int err = 0;
        if (fd >= 0)
        {
            err = ::fdatasync(fd) == 0 ? 0 : errno;
            ::close(fd);
        }
        if (folderFd >= 0)
        {
            if (::fsync(folderFd) != 0 && err == 0 && errno != EINVAL)
                err = errno;
            ::close(folderFd);
        }
        QMutexLocker lock(&guard->mutex);
        if (LocalSink *sink = guard->sink)
            QMetaObject::invokeMethod(sink, [then, err] { then(err); }, Qt::QueuedConnection);
    });
}

void LocalSink::synced(qint64 offset, int err)
{
    m_syncing = false;
    // Finishing: the partial is about to be (or was) renamed, and the finish makes every byte durable itself; a
    // checkpoint that lands now would announce bytes of a file no longer at its partial path.
    if (m_done || m_finishing)
        return;
    if (err != 0)
    {
        fail(localError(err, m_partialPath));
        return;
    }
    m_durable = offset;
    emit durable(offset, {});
    checkpoint(); // more may have landed meanwhile
    if (std::exchange(m_waitingForSync, false))
        emit readyForMore();
}

void LocalSink::suspend()
{
    if (m_done)
        return;
    if (!journaled() || m_tempName.isEmpty())
    {
        abort(); // nobody recorded a checkpoint: nothing could ever continue the partial
        return;
    }
    m_done = true;
    stopDirect(); // what it only staged is not durable: a later run fetches it again
    if (m_fd >= 0)
    {
        ::close(m_fd);
        m_fd = -1;
    }
    // The name stays ours until a later sink continues or replaces it.
    qCInfo(lcDest) << "kept" << m_partialPath << "for a later run: bytes up to" << m_durable << "are durable";
    m_tempName.clear();
}

} // namespace Dest
