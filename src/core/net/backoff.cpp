// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/backoff.h"

#include <QElapsedTimer>
#include <algorithm>

namespace Net
{
qint64 monotonicMs()
{
    static const QElapsedTimer timer = []
    {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

Backoff::Backoff(BackoffPolicy policy)
    : Backoff(policy, QRandomGenerator::global()->generate())
{
}

Backoff::Backoff(BackoffPolicy policy, quint32 seed)
    : m_policy(policy)
    , m_random(seed)
{
}

bool Backoff::isRetryable(const Error &error)
{
    return error.errorClass == ErrorClass::Transient || error.errorClass == ErrorClass::Throttled;
}

std::optional<std::chrono::milliseconds> Backoff::nextDelay(const Error &error)
{
    using std::chrono::milliseconds;
    if (!isRetryable(error) || m_attempts + 1 >= m_policy.maxTries)
        return std::nullopt;
    const milliseconds left = m_policy.retryTimeout - m_waited;
    if (left.count() <= 0)
        return std::nullopt;
    const int n = m_attempts++;
    milliseconds delay;
    if (error.retryAfter.count() >= 0)
    {
        delay = std::min({ error.retryAfter, m_policy.retryAfterCap, MaxServerWait });
    }
    else
    {
        // 2^n without overflow: past 2^20 the cap has long been reached.
        const qint64 base = m_policy.initial.count() * (qint64(1) << std::min(n, 20));
        const qint64 capped = std::min<qint64>(base, m_policy.max.count());
        const qint64 jitter
            = m_policy.jitter.count() > 0 ? qint64(m_random.bounded(quint32(m_policy.jitter.count()))) : 0;
        delay = milliseconds(capped + jitter);
    }
    delay = std::min(delay, left);
    m_waited += delay;
    return delay;
}

int Backoff::attempts() const
{
    return m_attempts;
}

const BackoffPolicy &Backoff::policy() const
{
    return m_policy;
}

void Backoff::reset()
{
    m_attempts = 0;
    m_waited = std::chrono::milliseconds(0);
}

} // namespace Net
