// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

/// File-system facts the destination needs before writing: where a path really lives and how much room is left.
namespace Util
{
/// The nearest existing directory at or above `path` (a destination folder may not exist yet).
/// Empty when nothing along the path exists (a relative path is taken from the current directory).
[[nodiscard]] QString existingAncestor(const QString &path);

/// Why a new file cannot be written at `path` (its folder is created first when missing), found before any
/// work that would end by writing it: empty when it can. Probes the folder with a temporary file when it exists.
[[nodiscard]] QString fileCreationProblem(const QString &path);

/// True when both paths (or their nearest existing ancestors) are on one mounted file system, so a rename
/// between them is atomic and free. False when either cannot be resolved.
[[nodiscard]] bool isOnSameFilesystem(const QString &a, const QString &b);

/// Bytes available to this user on the file system holding `path` (or its nearest existing ancestor); -1 when
/// unknown.
[[nodiscard]] qint64 availableBytes(const QString &path);

/// A directory opened below another without following a symbolic link anywhere on the way.
struct OpenedDirectory
{
    int fd = -1;        ///< O_DIRECTORY | O_CLOEXEC; the caller closes it. -1 on failure.
    int error = 0;      ///< errno of the failure: ELOOP for a symbolic link in the way, ENOTDIR for a file
    QString failedAt;   ///< the '/'-joined components up to the one that failed
};

/// Opens `relativeDir` ('/'-separated components, no `..`; empty = `baseFd` itself) below the open directory
/// `baseFd`, one component at a time with O_NOFOLLOW, creating missing ones when `create` (mode 0777 & ~umask).
/// A symbolic link in the way, even to a directory, is never followed: the tool only walks into directories that
/// are real ones. Works at any depth: no path longer than one component reaches the kernel.
[[nodiscard]] OpenedDirectory openDirectoryBelow(int baseFd, const QString &relativeDir, bool create);

} // namespace Util
