// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/error.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Dest
{
/// What a run does when the final path already holds a file (transfer/conflictdecision.h decides).
enum class ConflictPolicy
{
    Skip,      ///< never touch what is there: an existing file is left alone (same or different), reported as skipped
    Overwrite, ///< replace what is there, only once the new file is complete and verified
    KeepBoth,  ///< land the new file beside the old one under a deterministic new name
    Update,    ///< the same bytes (size, and hash where known) are skipped; different ones replaced once verified
};

/// What is about to be written, as known before the first byte arrives.
struct Target
{
    QString relativePath;    ///< from Dest::PathMapper: '/'-separated, safe, never absolute, never with ".."
    qint64 expectedSize = -1; ///< -1 for exports (size unknown until the end)
    QString md5;             ///< lowercase hex, empty if unknown
    QString sha256;          ///< lowercase hex, empty if unknown
    QString driveId;
    QString revision;        ///< Drive's headRevisionId (a Google file: its `version`); names a kept partial
    /// Where an earlier run of the same job left this file (issue 11), from the journal; offset 0 = fresh.
    /// The sink checks it may continue (its partial is there, holds at least `offset` bytes and belongs to
    /// this driveId + revision) and says where it really starts in startOffset().
    struct Partial
    {
        qint64 offset = 0;  ///< bytes an earlier durable() announced
        QByteArray state;   ///< the sink's own state given with that durable() (Volume: session + parts); opaque
    } resume;
};

/// What already sits at a final path (for ConflictPolicy::Skip and Update).
struct Existing
{
    qint64 size = -1;
    QString md5;    ///< empty when the destination cannot tell
    QString sha256; ///< empty when the destination cannot tell
};

/**
 * One file on its way into a destination. Created by Destination::openSink(); lives on the engine thread.
 *
 *   open ──write()*──▶ finish() ──▶ committed(finalLocation)      (bytes are at the final path only now)
 *     │                    └──────▶ failed(error)                  (nothing is left at the final path)
 *     └── abort() at any time: nothing is left behind, no signal afterwards.
 *
 * Backpressure: write() may accept fewer bytes than offered (0 included). The caller then stops reading
 * its network reply until readyForMore(); Qt's read buffer fills and TCP slows the sender.
 */
class Sink : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// True when write() takes any offset (a local file): ranged parts may be written in place.
    /// False for a stream (Volume PUT, DBFS blocks): offsets must arrive in order.
    [[nodiscard]] virtual bool supportsRandomAccess() const = 0;
    /// Writes up to `length` bytes at `offset`. Returns how many were taken (0 = full, try after
    /// readyForMore()), or -1 on a failure reported through failed().
    virtual qint64 write(qint64 offset, const char *data, qint64 length) = 0;
    /// Everything was written and the engine verified it: make it final (rename, close, complete upload).
    virtual void finish() = 0;
    /// Drops the file; leaves nothing at the final path or beside it.
    virtual void abort() = 0;
    /// A sequential sink that failed mid-way restarts from this offset (0 when it cannot resume).
    [[nodiscard]] virtual qint64 resumeOffset() const { return 0; }
    /// Where this sink's bytes start (issue 11): Target::resume.offset when it could continue the kept
    /// partial, 0 when it starts over (no partial, a shorter one, another revision: the old one is dropped).
    /// Known once the sink is open; the caller asks Drive from here on, write() offsets start here.
    [[nodiscard]] virtual qint64 startOffset() const { return 0; }
    /// The sink makes its bytes durable at multiples of this many bytes (and announces each with durable());
    /// 0 when it never does (nothing can continue after a crash). The caller snapshots its hash there.
    [[nodiscard]] virtual qint64 checkpointInterval() const { return 0; }
    /// Stops like abort() but keeps what is durable so that a later run continues it (a run interrupted:
    /// Ctrl-C, a stop). Nothing is at the final path; no signal afterwards. Default: abort().
    virtual void suspend() { abort(); }
    /// Random-access sinks only: reads back bytes already written, so the hash can follow the contiguous
    /// written prefix while ranged parts land out of order. -1 when the sink cannot.
    virtual qint64 readBack(qint64 offset, char *data, qint64 length)
    {
        Q_UNUSED(offset)
        Q_UNUSED(data)
        Q_UNUSED(length)
        return -1;
    }

signals:
    void readyForMore();
    /// Bytes [0, offset) are durable (fdatasync'd, a part uploaded): a run killed now continues from `offset`
    /// given `state` back in Target::resume. `offset` is a multiple of checkpointInterval().
    void durable(qint64 offset, const QByteArray &state);
    void committed(const QString &finalLocation);
    void failed(const Net::Error &error);
};

/// Where files land: a local or network folder, a Unity Catalog Volume, a DBFS path.
class Destination : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// "/home/me/in", "volume:/Volumes/c/s/v/x", "dbfs:/x": shown in reports.
    [[nodiscard]] virtual QString describe() const = 0;
    /// The location a relative path lands at, in describe()'s form.
    [[nodiscard]] virtual QString locationOf(const QString &relativePath) const = 0;
    /// Before the run: exists, writable, credentials valid. Calls back on the engine thread.
    virtual void check(std::function<void(const Net::Error &)> done) = 0;
    /// What is at `relativePath` now, if anything (for the conflict policy). Calls back on the engine thread.
    virtual void probe(const QString &relativePath, std::function<void(std::optional<Existing>, const Net::Error &)> done) = 0;
    /// Starts writing one file. `policy` is Overwrite or KeepBoth here (Skip and Update were settled by probe()).
    /// The sink is owned by the caller (deleteLater when done).
    [[nodiscard]] virtual Sink *openSink(const Target &target, ConflictPolicy policy) = 0;
    /// Most sinks this destination wants open at once (Databricks control calls are limited).
    [[nodiscard]] virtual int maxParallelSinks() const { return 64; }
    /// Small files of our own below the destination (issue 11: `_drive_ingest/runs/<run id>.jsonl`, the run's
    /// receipts). writeWhole() replaces `relativePath` atomically (never seen half-written); readWhole() gives
    /// a whole file back (at most `maxBytes`, else an error); listNames() the names of the files directly in a
    /// folder (empty list, no error, when the folder does not exist). Each calls back on the engine thread.
    /// Until a destination implements them, they fail with reason "notSupported".
    virtual void writeWhole(const QString &relativePath, const QByteArray &bytes,
                            std::function<void(const Net::Error &)> done);
    /// writeWhole() of the bytes of the local file `sourcePath` (the run's receipts, built on disk a line at a time),
    /// which stays unchanged until `done`, copied a block at a time (LocalDestination; SinkFeeder for Databricks);
    /// by default not supported, like writeWhole().
    virtual void writeWholeFrom(const QString &relativePath, const QString &sourcePath,
                                std::function<void(const Net::Error &)> done);
    virtual void readWhole(const QString &relativePath, qint64 maxBytes,
                           std::function<void(const QByteArray &, const Net::Error &)> done);
    virtual void listNames(const QString &relativeFolder,
                           std::function<void(const QStringList &, const Net::Error &)> done);
    /// Files this job landed, changed after the fact (issue 12: a file renamed or moved in Drive, a file gone from
    /// Drive under --mirror). Paths are relative like Target::relativePath and are checked again here (a journal
    /// row may be tampered with): an absolute path, a ".." segment or a symbolic link on the way fails with reason
    /// "unsafePath" and touches nothing. Nothing outside the destination is ever read, moved or removed.
    /// move() renames a file or a folder (with everything below it) from `from` to `to`, creating the folders on
    /// the way; it never replaces: `to` existing fails with reason "exists". remove() deletes one file, then each
    /// folder above it that became empty, up to (never including) the destination's root; a file already gone is
    /// success. Each calls back on the engine thread. Until a destination implements them, they fail with reason
    /// "notSupported" and the caller falls back (fetches the file again at its new path; leaves the copy).
    virtual void move(const QString &from, const QString &to, std::function<void(const Net::Error &)> done);
    virtual void remove(const QString &relativePath, std::function<void(const Net::Error &)> done);
    /// Unfinished files its sinks could not remove (a folder made read-only mid-run), oldest first: the engine
    /// names them in the report, since Sink::abort() has nobody to tell.
    [[nodiscard]] virtual QStringList leftovers() const { return {}; }
};

} // namespace Dest
