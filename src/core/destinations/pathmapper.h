// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
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
/// at most 255 UTF-8 bytes, cut on a character boundary, keeping the extension; a name starting with
/// TemporaryPrefix (in any case) gets `_` for its leading dot. Idempotent.
[[nodiscard]] QString safeName(const QString &driveName);

/// Temporary files on a local destination are named `.drive-ingest-<id>-<hash>.partial` (LocalSink).
/// Reserved: safeName(), so every name PathMapper gives out, never starts with it — compared case-insensitively,
/// by Unicode case folding and upper case (a case-insensitive share) — so no Drive name can land on a
/// temporary file, and a temporary file is never mistaken for a Drive file.
inline constexpr QStringView TemporaryPrefix = u".drive-ingest-";

/// True when `name` starts with TemporaryPrefix as a case-insensitive file system compares it.
[[nodiscard]] bool isTemporaryName(const QString &name);

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
    /// ` [<id>]` before the extension. Deterministic for a given listing, whatever its order. Near-linear:
    /// `probes`, when given, receives how many candidate names were tried (about one per entry, two per loser).
    [[nodiscard]] static QHash<QString, QString> assignNames(const QList<Entry> &siblings, qsizetype *probes = nullptr);

    /// True when `relativePath` is longer than MaxPathBytes UTF-8 bytes (that file cannot be placed).
    [[nodiscard]] static bool isTooLong(const QString &relativePath);

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

/// The names already given among one folder's children (or the destination's root), claimed one entry at a
/// time with assignNames()'s rule: the safe name when no sibling holds it (case-insensitively), else the name
/// with ` [<id>]`, with ` (n)` on top in the odd case that is taken too. assignNames() claims a whole listing;
/// the engine claims the sources at the destination's root as they arrive (the first keeps the name).
class SiblingNames final
{
public:
    /// `entry`'s safe name when free (and now taken), else empty.
    [[nodiscard]] QString claimPlain(const PathMapper::Entry &entry);
    /// `entry`'s name made unique with its id (and now taken).
    [[nodiscard]] QString claimWithId(const PathMapper::Entry &entry);
    /// claimPlain(), else claimWithId().
    [[nodiscard]] QString claim(const PathMapper::Entry &entry);
    /// Candidate names tried so far.
    [[nodiscard]] qsizetype probes() const { return m_probes; }

private:
    QSet<QString> m_taken;             ///< case-folded names given out
    QHash<QString, int> m_nextCounter; ///< case-folded ` [<id>]` name → the next ` (n)` to try
    qsizetype m_probes = 0;
};

} // namespace Dest
