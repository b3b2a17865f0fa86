// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>

namespace Journal
{
/**
 * An exclusive advisory lock (flock) on a small file beside the journal, so that one process at a time uses it.
 * The kernel drops the lock when the holder closes it or dies (even by kill -9), so a crash never leaves a
 * stale lock behind. The holder writes its pid into the file for the refusal message. The file itself stays
 * (removing a lock file races with a process that just opened it). Two LockFiles in one process conflict too
 * (flock locks belong to the open file).
 */
class LockFile final
{
public:
    explicit LockFile(QString path)
        : m_path(std::move(path))
    {
    }
    ~LockFile() { unlock(); }
    LockFile(const LockFile &) = delete;
    LockFile &operator=(const LockFile &) = delete;

    enum class Result
    {
        Locked, ///< ours now
        Busy, ///< another holder has it; `holderPid` says who when it wrote its pid
        Failed, ///< the file cannot be created or locked; `error` says why
    };
    /// Takes the lock without waiting.
    [[nodiscard]] Result tryLock(qint64 *holderPid, QString *error);
    void unlock();
    [[nodiscard]] bool isLocked() const { return m_fd >= 0; }
    [[nodiscard]] const QString &path() const { return m_path; }

private:
    QString m_path;
    int m_fd = -1;
};

} // namespace Journal
