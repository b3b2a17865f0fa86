// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/hasher.h"

#include <QByteArray>
#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>

namespace Transfer
{
/**
 * One file's hash, computed off the thread that reads the network (DESIGN.md "Threads and hashing": SHA-256 is
 * about half the CPU of a verified download, and one core cannot both read a fast socket and hash it).
 *
 * The owner feeds the body's bytes in order; each piece keeps a reference to the owner's buffer (QByteArray
 * is shared, never copied) and is hashed in order on a shared pool thread. At most MaxQueued bytes wait: a
 * feed beyond that blocks until the worker catches up, so memory stays bounded and the reader is paced by the
 * hash. A small piece fed while nothing waits is hashed on the spot (a thread hand-off costs more).
 *
 * Checkpoints (issue 11): the state at each multiple of the interval is kept, so that when the sink announces
 * durable(offset), takeCheckpoint(offset) hands the journal the state a later run continues from.
 * Digests, restoreState() and takeCheckpoint() wait for the bytes they depend on. One owner thread.
 */
class HashLine final
{
public:
    explicit HashLine(Util::StreamHasher::Algorithms algorithms);
    ~HashLine(); ///< waits for the piece being hashed; drops the rest
    HashLine(const HashLine &) = delete;
    HashLine &operator=(const HashLine &) = delete;

    static constexpr qint64 MaxQueued = 4 << 20;
    static constexpr qint64 InlineBelow = 64 << 10;

    /// 0 (the default): no checkpoints.
    void setCheckpointInterval(qint64 interval);
    /// Continues from a saved state (StreamHasher::restoreState); false and unchanged when it does not fit.
    bool restoreState(const QByteArray &state);

    /// Bytes [pos, pos + length) of `buffer`, after everything fed before.
    void feed(const QByteArray &buffer, qint64 pos, qint64 length);
    /// Bytes fed so far, including a restored state's.
    [[nodiscard]] qint64 bytesFed() const { return m_fed; }
    /// The state saved when exactly `offset` bytes were hashed (empty if none); older states are dropped.
    [[nodiscard]] QByteArray takeCheckpoint(qint64 offset);

    /// CPU time the pool spent on this hash so far (ms; the pieces hashed on the spot are the owner's).
    [[nodiscard]] qint64 cpuMs() const { return m_cpuNs.load(std::memory_order_relaxed) / 1000000; }

    [[nodiscard]] QByteArray md5Hex();
    [[nodiscard]] QByteArray sha256Hex();

private:
    struct Piece
    {
        QByteArray buffer;
        qint64 pos = 0;
        qint64 length = 0;
    };
    void run();                                  ///< on the pool: hashes what waits, in order
    void hash(const char *data, qint64 length); ///< by whoever holds the hasher (worker, or owner when idle)
    void waitIdle();

    Util::StreamHasher m_hasher;  ///< touched by the worker while m_running, else by the owner
    qint64 m_interval = 0;
    qint64 m_fed = 0;             ///< owner only

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Piece> m_queue;
    qint64 m_queued = 0;          ///< bytes in m_queue
    qint64 m_hashed = 0;          ///< bytes through the hasher
    bool m_running = false;       ///< a pool task owns the hasher
    std::map<qint64, QByteArray> m_states;
    std::atomic<qint64> m_cpuNs {0};
};

} // namespace Transfer
