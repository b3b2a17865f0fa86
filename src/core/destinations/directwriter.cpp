// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/directwriter.h"

#include "destinations/localdestination_p.h"

#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <QWaitCondition>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <linux/magic.h>
#include <sys/vfs.h>
#include <unistd.h>

namespace Dest
{
namespace
{
QThreadPool *writePool()
{
    // The device takes one buffer at a time well (1 MiB writes at 1.4-1.6 GB/s here); two keep it busy while a
    // landed buffer is reported.
    static QThreadPool *pool = LocalDetail::diskPool(2);
    return pool;
}

// File systems where O_DIRECT goes straight to a local device. Not tmpfs (its page cache is the storage: a copy
// either way) nor a network share (each write becomes a round trip to the server).
bool takesDirectWrites(int fd)
{
    struct statfs fs {};
    if (::fstatfs(fd, &fs) != 0)
        return false;
    switch (static_cast<unsigned long>(fs.f_type))
    {
    case EXT4_SUPER_MAGIC: // also ext2 and ext3
    case XFS_SUPER_MAGIC:
    case BTRFS_SUPER_MAGIC:
        return true;
    default:
        return false;
    }
}

} // namespace

struct DirectWriter::State
{
    QMutex mutex;
    QWaitCondition idle;  ///< signalled when a buffer lands
    int inFlight = 0;     ///< buffers the worker holds
    std::array<char *, Buffers> buffers {};
    std::array<bool, Buffers> busy {};     ///< held by the worker (guarded by `mutex`)
    std::array<qint64, Buffers> offsets {}; ///< where a filling or held buffer's bytes go (owner's thread)
    std::array<qint64, Buffers> lengths {}; ///< how many it holds, 0 when it holds none (owner's thread)
    QList<Landed> landed;
    bool wakePosted = false;
    QObject *owner = nullptr;
    std::function<void()> wake;

    ~State()
    {
        for (char *buffer : buffers)
            std::free(buffer);
    }
};

std::unique_ptr<DirectWriter> DirectWriter::open(int fd, qint64 expectedSize, QObject *owner, std::function<void()> wake)
{
    if (fd < 0 || expectedSize < MinimumSize || !takesDirectWrites(fd))
        return {};
    auto state = std::make_shared<State>();
    for (char *&buffer : state->buffers)
    {
        buffer = static_cast<char *>(std::aligned_alloc(Alignment, BufferSize));
        if (!buffer)
            return {};
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_DIRECT) != 0)
        return {};
    state->owner = owner;
    state->wake = std::move(wake);
    return std::unique_ptr<DirectWriter>(new DirectWriter(fd, std::move(state)));
}

DirectWriter::DirectWriter(int fd, std::shared_ptr<State> state)
    : m_fd(fd)
    , d(std::move(state))
{
}

DirectWriter::~DirectWriter()
{
    QMutexLocker lock(&d->mutex);
    while (d->inFlight > 0)
        d->idle.wait(&d->mutex);
}

qint64 DirectWriter::take(qint64 offset, const char *data, qint64 length)
{
    if (m_spent)
        return -1;
    auto run = std::find_if(m_runs.begin(), m_runs.end(), [offset](const Run &r) { return r.position == offset; });
    if (run == m_runs.end())
    {
        if (offset % Alignment != 0 || int(m_runs.size()) >= MaxRuns)
            return -1;
        m_runs.push_back({offset, offset, -1, 0});
        run = m_runs.end() - 1;
    }
    qint64 taken = 0;
    while (taken < length)
    {
        if (run->buffer < 0)
        {
            QMutexLocker lock(&d->mutex);
            for (int i = 0; i < Buffers && run->buffer < 0; ++i)
            {
                const bool filling = std::any_of(m_runs.begin(), m_runs.end(), [i](const Run &r) { return r.buffer == i; });
                if (!d->busy[i] && !filling)
                    run->buffer = i;
            }
            if (run->buffer < 0)
                break; // all with the worker: the next wake frees one
            run->filled = 0;
            d->offsets[run->buffer] = run->position;
            d->lengths[run->buffer] = 0;
        }
        const qint64 n = std::min(BufferSize - run->filled, length - taken);
        std::memcpy(d->buffers[run->buffer] + run->filled, data + taken, static_cast<size_t>(n));
        run->filled += n;
        run->position += n;
        d->lengths[run->buffer] = run->filled;
        taken += n;
        if (run->filled == BufferSize)
            submit(*run);
    }
    closeMet();
    return taken;
}

void DirectWriter::closeMet()
{
    for (auto it = m_runs.begin(); it != m_runs.end();)
    {
        const qint64 end = it->position;
        const bool met = std::any_of(m_runs.begin(), m_runs.end(), [end](const Run &r) { return r.start == end; });
        if (!met)
        {
            ++it;
            continue;
        }
        if (it->filled > 0)
            submit(*it); // from an aligned offset to another run's aligned start: O_DIRECT takes it
        it = m_runs.erase(it);
    }
}

qint64 DirectWriter::prefixFront() const
{
    const auto lowest = std::min_element(m_runs.begin(), m_runs.end(),
                                         [](const Run &a, const Run &b) { return a.start < b.start; });
    return lowest == m_runs.end() ? -1 : lowest->position;
}

void DirectWriter::submit(Run &run)
{
    const int index = std::exchange(run.buffer, -1);
    const qint64 length = std::exchange(run.filled, 0);
    const qint64 offset = run.position - length;
    {
        QMutexLocker lock(&d->mutex);
        d->busy[index] = true;
        ++d->inFlight;
    }
    writePool()->start([state = d, fd = m_fd, index, offset, length] {
        const int err = LocalDetail::writeAll(fd, state->buffers[index], length, offset);
        QMutexLocker lock(&state->mutex);
        state->busy[index] = false;
        --state->inFlight;
        state->landed.append({offset, length, err});
        if (!std::exchange(state->wakePosted, true))
            QMetaObject::invokeMethod(state->owner, state->wake, Qt::QueuedConnection);
        state->idle.wakeAll();
    });
}

qint64 DirectWriter::read(qint64 offset, char *data, qint64 length, int readFd) const
{
    // Buffers filling or with the worker hold their bytes; a landed one may be reused: the file has them.
    std::array<bool, Buffers> holds {};
    {
        QMutexLocker lock(&d->mutex);
        for (int i = 0; i < Buffers; ++i)
            holds[i] = d->busy[i];
    }
    for (const Run &run : m_runs)
    {
        if (run.buffer >= 0)
            holds[run.buffer] = true;
    }
    qint64 done = 0;
    while (done < length)
    {
        const qint64 at = offset + done;
        qint64 fromFile = length - done;
        bool copied = false;
        for (int i = 0; i < Buffers && !copied; ++i)
        {
            if (!holds[i] || d->lengths[i] <= 0)
                continue;
            const qint64 begin = d->offsets[i];
            const qint64 end = begin + d->lengths[i];
            if (at >= begin && at < end)
            {
                const qint64 n = std::min(end - at, length - done);
                std::memcpy(data + done, d->buffers[i] + (at - begin), static_cast<size_t>(n));
                done += n;
                copied = true;
            }
            else if (begin > at)
            {
                fromFile = std::min(fromFile, begin - at);
            }
        }
        if (copied)
            continue;
        const ssize_t n = ::pread(readFd, data + done, static_cast<size_t>(fromFile), at);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        done += n;
    }
    return done;
}

QList<DirectWriter::Landed> DirectWriter::takeLanded()
{
    QMutexLocker lock(&d->mutex);
    d->wakePosted = false;
    return std::exchange(d->landed, {});
}

QList<DirectWriter::Landed> DirectWriter::drain()
{
    {
        QMutexLocker lock(&d->mutex);
        while (d->inFlight > 0)
            d->idle.wait(&d->mutex);
    }
    QList<Landed> out = takeLanded();
    if (m_spent)
        return out;
    m_spent = true;
    // The rest need not be a multiple of the alignment: written through the page cache, as everything after.
    const int flags = ::fcntl(m_fd, F_GETFL);
    const int cleared = flags < 0 || ::fcntl(m_fd, F_SETFL, flags & ~O_DIRECT) != 0 ? errno : 0;
    for (Run &run : m_runs)
    {
        if (run.filled <= 0)
            continue;
        const qint64 offset = run.position - run.filled;
        const int err = cleared != 0 ? cleared : LocalDetail::writeAll(m_fd, d->buffers[run.buffer], run.filled, offset);
        out.append({offset, run.filled, err});
    }
    if (cleared != 0)
        out.append({0, 0, cleared});
    m_runs.clear();
    return out;
}

} // namespace Dest
