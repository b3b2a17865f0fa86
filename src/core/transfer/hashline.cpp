// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/hashline.h"

#include <QThreadPool>

#include "util/cputime.h"

#include <algorithm>

namespace Transfer
{
namespace
{
QThreadPool &hashPool()
{
    // Its own pool: a hash must never wait behind unrelated work in the global one.
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setObjectName(QStringLiteral("hash"));
        p->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        return p;
    }();
    return *pool;
}

constexpr std::size_t MaxStates = 64; ///< durable() follows the hash closely: the oldest states go
} // namespace

HashLine::HashLine(Util::StreamHasher::Algorithms algorithms)
    : m_hasher(algorithms)
{
}

HashLine::~HashLine()
{
    std::unique_lock lock(m_mutex);
    m_queue.clear();
    m_queued = 0;
    m_changed.wait(lock, [this] { return !m_running; });
}

void HashLine::setCheckpointInterval(qint64 interval)
{
    m_interval = std::max<qint64>(0, interval);
}

bool HashLine::restoreState(const QByteArray &state)
{
    waitIdle();
    if (!m_hasher.restoreState(state))
        return false;
    m_fed = m_hasher.bytesHashed();
    const std::lock_guard lock(m_mutex);
    m_hashed = m_fed;
    m_states.clear();
    return true;
}

void HashLine::feed(const QByteArray &buffer, qint64 pos, qint64 length)
{
    if (length <= 0)
        return;
    Q_ASSERT(pos >= 0 && pos + length <= buffer.size());
    m_fed += length;
    std::unique_lock lock(m_mutex);
    if (!m_running && length < InlineBelow)
    {
        lock.unlock(); // idle: the hasher is ours
        hash(buffer.constData() + pos, length);
        lock.lock();
        m_hashed += length;
        return;
    }
    m_changed.wait(lock, [this] { return m_queued < MaxQueued; });
    m_queue.push_back({buffer, pos, length});
    m_queued += length;
    if (!m_running)
    {
        m_running = true;
        hashPool().start([this] { run(); });
    }
}

void HashLine::run()
{
    qint64 cpuBefore = Util::cpuTimeNs(CLOCK_THREAD_CPUTIME_ID);
    std::unique_lock lock(m_mutex);
    while (!m_queue.empty())
    {
        Piece piece = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        hash(piece.buffer.constData() + piece.pos, piece.length);
        piece.buffer = QByteArray(); // released here, not under the lock
        const qint64 cpuNow = Util::cpuTimeNs(CLOCK_THREAD_CPUTIME_ID);
        if (cpuBefore >= 0 && cpuNow >= cpuBefore)
            m_cpuNs.fetch_add(cpuNow - cpuBefore, std::memory_order_relaxed);
        cpuBefore = cpuNow;
        lock.lock();
        m_queued -= piece.length;
        m_hashed += piece.length;
        m_changed.notify_all();
    }
    m_running = false;
    m_changed.notify_all(); // under the lock: the owner may destroy us as soon as it has it
}

void HashLine::hash(const char *data, qint64 length)
{
    if (m_interval <= 0)
    {
        m_hasher.addData(data, length);
        return;
    }
    while (length > 0)
    {
        const qint64 toNext = m_interval - m_hasher.bytesHashed() % m_interval;
        const qint64 part = std::min(length, toNext);
        m_hasher.addData(data, part);
        data += part;
        length -= part;
        if (part == toNext)
        {
            QByteArray state = m_hasher.saveState();
            const std::lock_guard lock(m_mutex);
            m_states[m_hasher.bytesHashed()] = std::move(state);
            while (m_states.size() > MaxStates)
                m_states.erase(m_states.begin());
        }
    }
}

QByteArray HashLine::takeCheckpoint(qint64 offset)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this, offset] { return m_hashed >= offset || (!m_running && m_queue.empty()); });
    const auto it = m_states.find(offset);
    QByteArray state = it == m_states.end() ? QByteArray() : it->second;
    m_states.erase(m_states.begin(), it == m_states.end() ? m_states.lower_bound(offset) : it);
    return state;
}

void HashLine::waitIdle()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_running && m_queue.empty(); });
}

QByteArray HashLine::md5Hex()
{
    waitIdle();
    return m_hasher.md5Hex();
}

QByteArray HashLine::sha256Hex()
{
    waitIdle();
    return m_hasher.sha256Hex();
}

} // namespace Transfer
