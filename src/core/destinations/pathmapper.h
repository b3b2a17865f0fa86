// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

/// The one place destination names are derived (DESIGN.md "Names on the destination"): Drive names made safe
/// for any file system, duplicates made unique by Drive id, never `..` or an absolute path.
namespace Dest
{
/// One Drive name as a single safe path segment, the same on every run:
/// NFC-normalized; `/` → `／` (U+FF0F, as rclone does) and `\ : * ? " < > |` → their full-width forms;
/// control characters → their U+24xx symbols; bidi overrides/isolates → U+FFFD; trailing dots and spaces trimmed (Windows); `.` → `_`, `..` → `__`,
/// empty → `_`; reserved Windows device names suffixed with `_` (`CON` → `CON_`, `nul.txt` → `nul_.txt`);
/// at most 255 UTF-8 bytes, cut on a character boundary, keeping the extension. Idempotent.
[[nodiscard]] QString safeName(const QString &driveName);

class PathMapper final
{
public:
    static constexpr int MaxNameBytes = 255;
    static constexpr int MaxPathBytes = 4096;

    struct Entry
    {
        QString id;
        QString name;
        QDateTime createdTime;
        bool isFolder = false;
    };

    /// Collision-free safe names for the children of one folder, keyed by Drive id. Names that collide after
    /// safeName() — compared case-insensitively, so a Windows or network share is safe too, and a file and a
    /// folder collide as well — are ordered by (createdTime, id): the first keeps the name, the others get
    /// ` [<id>]` before the extension. Deterministic for a given listing, whatever its order.
    [[nodiscard]] static QHash<QString, QString> assignNames(const QList<Entry> &siblings);

    /// Joins segments (each passed through safeName, so never `..`, empty or containing `/`) with `/`.
    /// Returns an empty string when there are no segments or the result exceeds MaxPathBytes UTF-8 bytes.
    [[nodiscard]] static QString joinRelative(const QStringList &segments);

    /// `parent` (a joinRelative() result, or empty for the destination's root) plus one more segment, passed
    /// through safeName(). Empty when the result would exceed MaxPathBytes, like joinRelative().
    [[nodiscard]] static QString appendRelative(const QString &parent, const QString &segment);

    /// The keep-both conflict name: `a.txt`, 1 → `a (1).txt`; `a`, 2 → `a (2)`; folders keep dots in the name.
    [[nodiscard]] static QString keepBothName(const QString &name, int n, bool isFolder = false);

    /// `a.txt` → {`a`, `.txt`}: the extension is the text after the last dot when that dot is not the first
    /// character and the extension is 1–16 characters without spaces; otherwise the extension is empty.
    [[nodiscard]] static std::pair<QString, QString> splitExtension(const QString &name);
};

} // namespace Dest
