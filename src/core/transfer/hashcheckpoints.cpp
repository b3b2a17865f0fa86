// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/hashcheckpoints.h"

#include "util/hasher.h"

#include <algorithm>

namespace Transfer
{
void HashCheckpoints::feed(Util::StreamHasher *hasher, const char *data, qint64 length)
{
    if (!hasher || length <= 0)
        return;
    if (m_interval <= 0)
    {
        hasher->addData(data, length);
        return;
    }
    while (length > 0)
    {
        const qint64 hashed = hasher->bytesHashed();
        const qint64 toNext = m_interval - hashed % m_interval;
        const qint64 part = std::min(length, toNext);
        hasher->addData(data, part);
        data += part;
        length -= part;
        if (part == toNext)
        {
            m_states[hasher->bytesHashed()] = hasher->saveState();
            // A few are enough: durable() follows the hasher closely; the oldest go.
            while (m_states.size() > 64)
                m_states.erase(m_states.begin());
        }
    }
}

QByteArray HashCheckpoints::take(qint64 offset)
{
    const auto it = m_states.find(offset);
    QByteArray state = it == m_states.end() ? QByteArray() : it->second;
    m_states.erase(m_states.begin(), it == m_states.end() ? m_states.lower_bound(offset) : it);
    return state;
}

} // namespace Transfer
