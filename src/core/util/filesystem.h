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

} // namespace Util
