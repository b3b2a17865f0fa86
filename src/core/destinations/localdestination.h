// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/destination.h"
#include "destinations/directwriter.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>

namespace Dest
{
/**
 * A local or network folder. The Drive tree is recreated under root(); every file is written to a temporary
 * file beside its final name, `.drive-ingest-<Drive id>-<hash>.partial` (Dest::TemporaryPrefix: a name no
 * Drive name can map to, so a temporary file never lands on a Drive file nor a Drive file on it; the id names
 * whose file it is), and renamed over the final name only in finish(), after the engine verified size and
 * hash. A failed or aborted file leaves nothing behind; one that cannot be removed is named in the failure.
 *
 * Symbolic links: root() itself is the user's choice and is followed; nothing below it is. Every folder is
 * entered with O_NOFOLLOW one component at a time (Util::openDirectoryBelow), the temporary file is created
 * with O_EXCL | O_NOFOLLOW, and the rename replaces a link at the final name instead of writing through it.
 * A link in the way fails that one file ("symlinkInPath"); the tool never writes outside root().
 *
 * Resume (issue 11): the temporary name also carries the Drive revision, so a partial is never mistaken for
 * another file or another revision of this one. While something listens to Sink::durable() the written
 * prefix is fdatasync'ed on a worker thread at every checkpointInterval() bytes and announced; suspend()
 * keeps the partial, and a sink opened with Target::resume continues it (localresume.cpp).
 * writeWhole()/readWhole()/listNames() keep the tool's own small files below root() (localwhole.cpp).
 */
class LocalDestination final : public Destination
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalDestination)

public:
    explicit LocalDestination(const QString &rootDir, QObject *parent = nullptr);

    [[nodiscard]] QString root() const { return m_root; }

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] QString locationOf(const QString &relativePath) const override;
    void check(std::function<void(const Net::Error &)> done) override;
    void probe(const QString &relativePath, std::function<void(std::optional<Existing>, const Net::Error &)> done) override;
    [[nodiscard]] Sink *openSink(const Target &target, ConflictPolicy policy) override;
    [[nodiscard]] QStringList leftovers() const override { return *m_leftovers; }
    /// Atomic: a temporary file below the same folder, written, fsync'ed, renamed over the name, folder fsync'ed.
    void writeWhole(const QString &relativePath, const QByteArray &bytes,
                    std::function<void(const Net::Error &)> done) override;
    /// The same, copied from `sourcePath` 1 MiB at a time (receipts of any size in bounded memory).
    void writeWholeFrom(const QString &relativePath, const QString &sourcePath,
                        std::function<void(const Net::Error &)> done) override;
    void readWhole(const QString &relativePath, qint64 maxBytes,
                   std::function<void(const QByteArray &, const Net::Error &)> done) override;
    void listNames(const QString &relativeFolder,
                   std::function<void(const QStringList &, const Net::Error &)> done) override;
    /// Through the no-follow walk the sinks use (localdestination_changes.cpp): renameat2(RENAME_NOREPLACE),
    /// unlinkat, and unlinkat(AT_REMOVEDIR) for the folders a removal empties.
    void move(const QString &from, const QString &to, std::function<void(const Net::Error &)> done) override;
    void remove(const QString &relativePath, std::function<void(const Net::Error &)> done) override;

    /// Durable checkpoints of its sinks every this many bytes (default 8 MiB: a kill re-fetches at most that
    /// much plus one sync; fdatasync every 4/16 MiB costs ~7/13 ms here, resume-incremental.md §5).
    void setCheckpointInterval(qint64 bytes) { m_checkpointInterval = qMax<qint64>(1, bytes); }
    [[nodiscard]] qint64 checkpointInterval() const { return m_checkpointInterval; }
    /// Large files written in order go through O_DIRECT where the file system takes it (DirectWriter; on by
    /// default). Off: every byte through the page cache, as before (benchmarks compare the two).
    void setDirectWrites(bool on) { m_directWrites = on; }

    /// The absolute path for a relative one, or empty when it would leave root() (never expected: the
    /// PathMapper already made it safe; this is the last line of defence).
    [[nodiscard]] QString absolutePath(const QString &relativePath) const;

private:
    QString m_root;
    std::shared_ptr<QStringList> m_leftovers = std::make_shared<QStringList>(); ///< shared with its sinks
    qint64 m_checkpointInterval = 8LL * 1024 * 1024;
    bool m_directWrites = true;
};

/// One file being written into a LocalDestination. Writes go straight to `<final>.partial` with pwrite(),
/// at any offset, so ranged parts land in place.
class LocalSink final : public Sink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalSink)

public:
    /// `relativePath` is below `root` (a Target's); for KeepBoth the name is settled at finish() time.
    LocalSink(const QString &root, const Target &target, ConflictPolicy policy, QObject *parent = nullptr);
    ~LocalSink() override;

    [[nodiscard]] bool supportsRandomAccess() const override { return true; }
    qint64 write(qint64 offset, const char *data, qint64 length) override;
    qint64 readBack(qint64 offset, char *data, qint64 length) override;
    void finish() override;
    void abort() override;
    /// Closes the partial and keeps it for a later run (only while durable() has a listener: else abort()).
    void suspend() override;
    [[nodiscard]] qint64 startOffset() const override { return m_startOffset; }
    [[nodiscard]] qint64 checkpointInterval() const override { return m_checkpointInterval; }
    void setCheckpointInterval(qint64 bytes) { m_checkpointInterval = qMax<qint64>(1, bytes); }

    [[nodiscard]] QString partialPath() const { return m_partialPath; }
    /// Writes what comes in order through a DirectWriter when the file qualifies (see there); true when it does.
    bool writeDirect();
    [[nodiscard]] bool writesDirect() const { return m_direct != nullptr; }
    /// Where a temporary file that cannot be removed is recorded (LocalDestination::leftovers()).
    void setLeftoverList(std::shared_ptr<QStringList> list) { m_leftovers = std::move(list); }
    /// The temporary file's name for a Drive id and revision landing at `finalName` (same id, name and
    /// revision, same temporary file): `.drive-ingest-<id>-<hash of id and name><hash of the revision>.partial`.
    [[nodiscard]] static QString temporaryName(const QString &driveId, const QString &finalName,
                                               const QString &revision = {});

private:
    struct SyncGuard;
    bool openPartial(const QString &root, const Target &target);
    bool createPartial();
    bool reserveSpace();
    void detachFromSyncWorker();
    /// Target::resume: reopens the kept partial (same name: same id, name, revision) when it holds at least
    /// resume.offset bytes, cut to that; otherwise removes it. Removes this file's partials of other revisions.
    void reopenKept(const Target &target, const QString &finalName);
    void noteWritten(qint64 offset, qint64 length);
    /// Ranges the DirectWriter landed: written (checkpoints follow), or the sink fails.
    bool directLanded(const QList<DirectWriter::Landed> &landed);
    /// Waits for the DirectWriter, writes what it staged and goes on through the page cache; false if it failed.
    bool leaveDirect();
    void stopDirect(); ///< drops the DirectWriter (waiting for its worker) and its read descriptor
    /// Someone records what is durable (a journal listens to durable()): only then does the sink sync.
    [[nodiscard]] bool journaled() const;
    void checkpoint();
    void synced(qint64 offset, int err);
    /// On the sync pool: fdatasync(fd) when fd >= 0, then fsync(folderFd) when folderFd >= 0 (both are this
    /// call's to close); `then(err)` runs on this sink's thread afterwards, unless the sink is gone by then.
    void syncLater(int fd, int folderFd, std::function<void(int err)> then);
    /// Closes the partial and renames it to its final name (KeepBoth: the next free one); the path, or empty
    /// after fail().
    QString placeFinal();
    void fail(Net::Error error);
    /// Removes the temporary file; on failure, the sentence that says it was left behind (else empty).
    QString removePartial();
    [[nodiscard]] Net::Error localError(int err, const QString &what) const;

    QString m_finalPath;
    QString m_partialPath;
    QByteArray m_tempName; ///< encoded, inside m_dirFd
    qint64 m_expectedSize = -1;
    ConflictPolicy m_policy = ConflictPolicy::Overwrite;
    std::shared_ptr<QStringList> m_leftovers;
    int m_dirFd = -1; ///< the final name's folder, opened without following links
    int m_fd = -1;
    bool m_done = false; ///< finished, failed or aborted: no more writes, no more signals
    bool m_finishing = false; ///< finish() waits for the disk (syncLater) before it renames and reports
    // Resume (localresume.cpp)
    qint64 m_startOffset = 0;
    qint64 m_checkpointInterval = 8LL * 1024 * 1024;
    qint64 m_contiguous = 0; ///< bytes [0, m_contiguous) are written
    std::map<qint64, qint64> m_ahead; ///< written ranges past m_contiguous (ranged parts out of order): start → end
    qint64 m_durable = 0; ///< the last offset announced durable
    bool m_syncing = false;
    /// write() held the prefix back until the running fdatasync lands (synced() then emits readyForMore()).
    bool m_waitingForSync = false;
    bool m_folderSynced = false; ///< the partial's directory entry made durable (once)
    std::shared_ptr<SyncGuard> m_guard; ///< tells the sync worker whether this sink still lives
    std::unique_ptr<DirectWriter> m_direct; ///< while bytes come in order (one stream) into a large file
    int m_readFd = -1; ///< this file without O_DIRECT, for readBack() while m_direct writes
    bool m_waitingForBuffer = false; ///< write() took less than offered: every direct buffer was being written
};

} // namespace Dest
