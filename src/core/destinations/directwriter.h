// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

#include <functional>
#include <memory>
#include <vector>

class QObject;

namespace Dest
{
/**
 * Writes one file's bytes in order through O_DIRECT (issue 14, CPU per GiB): they are copied into a few aligned
 * buffers and each full buffer is written by a worker thread while the next one fills, so neither the kernel's
 * page-cache copy (a third of a 1 GiB download's CPU when this VM handed out fresh pages: buffered writes to disk
 * took 0.2-2.5 s a GiB here, O_DIRECT 0.7-0.8 s) nor the device's wait falls on the thread that reads and hashes.
 *
 *   take() --buffer full, or its run closed--> worker pwrite() --> wake() on the owner's thread --> takeLanded()
 *   drain(): waits for the worker, writes the unaligned rest with O_DIRECT turned off; the writer is spent
 *
 * Only where it helps and is safe: a local file system that takes O_DIRECT (ext2/3/4, XFS, Btrfs: not tmpfs,
 * where the page cache is the storage, nor a network share, where O_DIRECT means one round trip per write), a
 * file of at least MinimumSize, runs that start at aligned offsets. Bytes count as written only once landed (the
 * checkpoints that make them durable follow what landed). Not thread-safe; one owner thread.
 */
class DirectWriter final
{
public:
    static constexpr qint64 Alignment = 4096;
    static constexpr qint64 BufferSize = qint64(1) << 20;
    static constexpr int Buffers = 4;
    static constexpr qint64 MinimumSize = qint64(16) << 20;

    /// A range the worker wrote (`err` 0) or failed to write (an errno).
    struct Landed
    {
        qint64 offset = 0;
        qint64 length = 0;
        int err = 0;
    };

    /// A writer for `fd` when the file qualifies (see above) and O_DIRECT could be turned on for `fd`; null
    /// otherwise (nothing changed: write as before). `wake` is posted to `owner`'s thread when ranges have
    /// landed (dropped with `owner`).
    [[nodiscard]] static std::unique_ptr<DirectWriter> open(int fd, qint64 expectedSize, QObject *owner,
                                                            std::function<void()> wake);
    ~DirectWriter(); ///< waits for the worker; what is only staged is dropped (call drain() to keep it)
    DirectWriter(const DirectWriter &) = delete;
    DirectWriter &operator=(const DirectWriter &) = delete;

    /// Copies up to `length` bytes for `offset` into a buffer and returns how many were taken (0: every buffer
    /// is being written, more after the next wake); -1 when the writer cannot take them (an unaligned offset
    /// that continues no run, or already MaxRuns runs): the caller writes through the page cache instead.
    /// A run is a stretch written in order (one stream's chunk); a run that reaches another's start is closed.
    qint64 take(qint64 offset, const char *data, qint64 length);
    /// Where the run that starts lowest stands (its bytes are the file's prefix being written); -1 when none.
    [[nodiscard]] qint64 prefixFront() const;
    /// Reads [offset, offset + length): bytes still in a buffer from there, the rest through `readFd` (a
    /// descriptor of the file without O_DIRECT). How many were read; -1 on an error.
    qint64 read(qint64 offset, char *data, qint64 length, int readFd) const;
    /// The ranges that landed since the last call, in any order.
    [[nodiscard]] QList<Landed> takeLanded();
    /// Waits for the worker, then writes what is staged with O_DIRECT turned off (the fd is buffered again).
    /// Returns every range that landed not yet taken, the staged ones last; the writer takes nothing more.
    [[nodiscard]] QList<Landed> drain();

    static constexpr int MaxRuns = 2; ///< a stream's chunk and the next one it asked for ahead

private:
    struct State;
    struct Run
    {
        qint64 start = 0;
        qint64 position = 0; ///< where its next byte goes
        int buffer = -1;     ///< filling, -1 none
        qint64 filled = 0;   ///< bytes in it (they start at position - filled)
    };
    DirectWriter(int fd, std::shared_ptr<State> state);
    void submit(Run &run); ///< hands the run's buffer to the worker (its length aligned: full, or closed at a start)
    void closeMet();       ///< closes the runs that reached another run's start
    int m_fd = -1;
    std::vector<Run> m_runs;
    bool m_spent = false; ///< drained: takes nothing more
    std::shared_ptr<State> d; ///< shared with the worker's jobs
};

} // namespace Dest
