// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

/// The journal's rows as plain values (issue 11). Times are UTC; an invalid QDateTime is "not yet" (NULL).
namespace Journal
{
/// One ingest job: the same normalised sources and destination are the same job (jobKey()).
struct JobRow
{
    qint64 id = 0;
    QString key; ///< jobKey(sources, destination)
    QString name; ///< `--job NAME`; empty when unnamed
    QStringList sources; ///< as normalised by the caller, sorted and without duplicates
    QString destination; ///< the destination as normalised by the caller (a DestinationSpec's text)
    QDateTime created;
};

/// One run of a job: started, and ended with an outcome (empty while running or after a crash).
struct RunRow
{
    qint64 id = 0;
    qint64 job = 0;
    QDateTime started;
    QDateTime ended;
    QString outcome; ///< the engine's machine name for how the run ended; empty = never ended (interrupted)
};

/**
 * One file of a job, keyed by (job, driveId, relativePath): the identity Transfer::FileRecord documents (one
 * Drive file landing twice is two rows). `run` is the run that last touched it, so the rows of a run are its
 * receipts. `state` is Transfer::fileStateName() of the engine's state ("queued", "done"…): the journal stores
 * it and does not interpret it.
 */
struct FileRow
{
    qint64 job = 0;
    QString driveId; ///< empty for an item that failed while listing
    QString relativePath; ///< TransferJob::relativePath: where it lands below the destination
    qint64 run = 0; ///< 0 = none
    QString drivePath;
    QString revision; ///< Drive's headRevisionId (or `version` for an export)
    qint64 size = -1; ///< Drive's size; -1 unknown (exports)
    QString md5; ///< Drive's md5Checksum
    QString sha256; ///< Drive's sha256Checksum
    QString exportFormat; ///< the export MIME type; empty for a blob
    QString state;
    qint64 bytes = 0; ///< bytes moved so far
    qint64 resumeOffset = 0; ///< the last durable byte: where a continuation starts; 0 = from the start
    QByteArray resumeState; ///< the sink's state at resumeOffset (Dest::Sink::durable()); opaque
    QByteArray hashState; ///< Util::StreamHasher::saveState() at resumeOffset; empty when none
    QString computedHash; ///< the hash computed while moving, "algo:hex"
    QString reason; ///< why it failed, was skipped or was restarted
    QString destinationPath; ///< where it landed (final location)
    QDateTime started;
    QDateTime ended;

    friend bool operator==(const FileRow &, const FileRow &) = default;
};

/// A Drive folder a job listed (issue 12): where it landed and under which parent, so that a rerun from the
/// changes feed can place what changed without listing again. A source folder has no parent ("").
struct FolderRow
{
    qint64 job = 0;
    QString driveId;
    QString parentId;
    QString name; ///< its Drive name
    QString relativePath; ///< where it lands below the destination (NamePlan's)

    friend bool operator==(const FolderRow &, const FolderRow &) = default;
};

/// The key of the job moving `sources` into `destination`: the same for the same set of sources in any order
/// (surrounding blanks and duplicates ignored) and the same destination text. The caller normalises the
/// meaning first (a share link and its file id are one source; a folder path without its trailing slash).
[[nodiscard]] QString jobKey(const QStringList &sources, const QString &destination);

/// The sources as jobKey() sees them: trimmed, empty ones dropped, sorted, without duplicates.
[[nodiscard]] QStringList normalisedSources(const QStringList &sources);

} // namespace Journal
