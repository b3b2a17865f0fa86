// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <map>

namespace Util
{
class StreamHasher;
}

namespace Transfer
{
/**
 * The hash state at each multiple of a sink's checkpoint interval (issue 11). The hasher runs ahead of what
 * the sink has made durable; when the sink announces durable(offset), the state saved when exactly `offset`
 * bytes were hashed goes into the journal with it, so a later run continues the hash from there.
 * feed() hashes like StreamHasher::addData(), split at the multiples to save the state there.
 */
class HashCheckpoints final
{
public:
    /// `interval` 0: no checkpoints (feed() only hashes).
    void setInterval(qint64 interval) { m_interval = interval; }
    void feed(Util::StreamHasher *hasher, const char *data, qint64 length);
    /// The state saved at `offset` (empty if none); states below it are dropped.
    [[nodiscard]] QByteArray take(qint64 offset);
    void clear() { m_states.clear(); }

private:
    qint64 m_interval = 0;
    std::map<qint64, QByteArray> m_states;
};

} // namespace Transfer
