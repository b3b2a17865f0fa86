// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers LocalDestination's files share (localdestination.cpp defines them).

#include <QString>
#include <QtGlobal>

#include <utility>

class QThreadPool;

namespace Dest::LocalDetail
{
/// A pool of its own for disk-bound work (never starving the global pool); lives as long as the process.
QThreadPool *diskPool(int threads);
/// Two threads for disk-bound work off the engine thread: probes' hashing, syncs, small files of our own.
QThreadPool *probePool();
/// pwrite() of all `length` bytes at `offset` (EINTR retried): 0, or the errno.
int writeAll(int fd, const char *data, qint64 length, qint64 offset);
/// root + '/' + relativePath cleaned, or empty when it would leave root.
QString absolutePathBelow(const QString &root, const QString &relativePath);
/// The folder part of a relative path ("" at the root) and the name.
std::pair<QString, QString> splitRelative(const QString &relativePath);
/// An existing regular file at `relativePath`, opened read-only without following a link anywhere; -1 if none.
int openExistingNoFollow(const QString &root, const QString &relativePath);
} // namespace Dest::LocalDetail
