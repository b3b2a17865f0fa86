// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/lockfile.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace Journal
{
namespace
{
qint64 readPid(int fd)
{
    char buffer[32] = {};
    const ssize_t got = ::pread(fd, buffer, sizeof buffer - 1, 0);
    if (got <= 0)
        return 0;
    bool ok = false;
    const qint64 pid = QByteArray(buffer, got).trimmed().toLongLong(&ok);
    return ok ? pid : 0;
}
} // namespace

LockFile::Result LockFile::tryLock(qint64 *holderPid, QString *error)
{
    if (m_fd >= 0)
        return Result::Locked;
    // O_CLOEXEC: a process we start must not inherit (and so keep holding) the lock.
    const QByteArray native = QFile::encodeName(m_path);
    const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
    {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return Result::Failed;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0)
    {
        const int code = errno;
        const Result result = code == EWOULDBLOCK ? Result::Busy : Result::Failed;
        if (result == Result::Busy)
            *holderPid = readPid(fd);
        else
            *error = QString::fromLocal8Bit(std::strerror(code));
        ::close(fd);
        return result;
    }
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.constData(), size_t(pid.size()), 0) != pid.size())
    {
        // The pid is only for the message; the lock holds without it.
    }
    m_fd = fd;
    return Result::Locked;
}

void LockFile::unlock()
{
    if (m_fd < 0)
        return;
    ::close(m_fd); // releases the flock
    m_fd = -1;
}

} // namespace Journal
