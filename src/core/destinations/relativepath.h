// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The check Destination::move() and remove() make again on a relative path that came from the journal (issue 12):
// every destination refuses the same paths, with the same reason.

#include "net/error.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Dest
{
/// True for a '/'-separated relative path with no empty, "." or ".." segment and no leading '/'.
[[nodiscard]] inline bool isSafeRelativePath(const QString &relativePath)
{
    if (relativePath.isEmpty() || relativePath.startsWith(u'/'))
        return false;
    const QStringList segments = relativePath.split(u'/');
    for (const QString &segment : segments)
    {
        if (segment.isEmpty() || segment == QLatin1String(".") || segment == QLatin1String(".."))
            return false;
    }
    return true;
}

/// The folders above a relative path, innermost first, the root left out: "a/b/c.bin" → {"a/b", "a"} (the ones
/// remove() may drop once they are empty).
[[nodiscard]] inline QStringList foldersAbove(const QString &relativePath)
{
    QStringList folders;
    for (qsizetype slash = relativePath.lastIndexOf(u'/'); slash > 0; slash = relativePath.lastIndexOf(u'/', slash - 1))
        folders.append(relativePath.left(slash));
    return folders;
}

/// The error of a path that is refused: reason "unsafePath" (Destination's move/remove contract).
[[nodiscard]] inline Net::Error unsafePathError(const QString &what)
{
    return {Net::ErrorClass::Permanent, 0, QStringLiteral("unsafePath"),
            QCoreApplication::translate("Dest::Destination",
                                        "%1 is outside the destination or has a symbolic link on the way: not touched.")
                .arg(what)};
}
} // namespace Dest
