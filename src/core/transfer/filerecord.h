// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/filetransfer.h"
#include "transfer/snapshot.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

#include <functional>
#include <map>
#include <memory>

namespace Transfer
{
/**
 * One file of a run as the engine owns it: who it is (the Drive file id and where it lands, the identity a
 * journal keys a row on), how far it is (state, bytes, resume offset) and why (the reason). Plain values, one
 * row each, so that it can be written to a table as it is. FileTransfers report to it (progress(), finish());
 * the faces see it as FileStatus.
 *
 * The same Drive file may be listed twice under different folders (a shortcut in one, the file in another):
 * that is two records with one driveId and two relative paths, as it lands twice. A shortcut beside its
 * target in one folder is one record (NamePlan places it once). Items that failed or were skipped while
 * listing may have no driveId at all (only a Drive path).
 */
struct FileRecord
{
    /// What the journal row and the receipt say of where the file lands and what Drive said of it: kept for the
    /// whole run, a few strings (the whole Drive file goes with the job once the file is settled).
    struct Landing
    {
        QString relativePath;   ///< TransferJob::relativePath; empty for listing items
        QString exportMimeType; ///< non-empty: a Google file exported to this type
        QString md5;            ///< Drive's md5Checksum
        QString sha256;         ///< Drive's sha256Checksum
        qint64 size = -1;       ///< Drive's size; -1 for a Google file (no bytes of its own)
        qint64 version = -1;    ///< Drive's version
    };

    FileStatus status;        ///< key (the faces' handle), driveId, paths, state, bytes, retries, reason (lastError), hash
    /// The file as its transfer needs it (the whole Drive file, its continuation, its own policy) when the record
    /// alone cannot say it: a plain file (id, mime type, size, hashes, revision: nothing else) keeps none, and
    /// transferJob() builds it again, so that a queued tree costs what the report and the journal need, not a
    /// Drive file each. Null for listing items and once settled.
    std::unique_ptr<TransferJob> job;
    Landing landing;
    bool movable = false;     ///< a file to move (not a listing item) and not settled: transferJob() says what
    qint64 resumeOffset = 0;  ///< the next byte a continuation asks Drive for; 0 when it starts over
    // What a later run may continue from (issue 11): the sink's last durable() and the hash state there.
    qint64 durableOffset = 0;
    QByteArray resumeState;
    QByteArray hashState;
    QString revision;         ///< Drive's revision the durable bytes are of (RunJournal::revisionOf)
    QDateTime started;        ///< first byte asked in this run; invalid when never started
    QDateTime ended;          ///< reached a terminal state in this run
    bool doneEarlier = false; ///< skipped: the journal says an earlier run landed this very revision
    /// What FileRecords last counted of this record into its running totals.
    struct Tallied
    {
        FileState state = FileState::Queued;
        qint64 bytesDone = 0;
        qint64 bytesTotal = -1;
        bool counted = false;
    } tallied;

    [[nodiscard]] const QString &driveId() const { return status.driveId; }
    [[nodiscard]] bool isTerminal() const { return Transfer::isTerminal(status.state); }

    /// A transfer's progress: bytes, retries, its latest error (kept as the reason while it retries).
    void progress(const FileTransfer &transfer);
    /// A transfer's end: the state, the reason and where the file landed.
    void finish(FileState state, const Net::Error &error, const QString &hash, const QString &finalLocation);
    /// Back to the queue from the start (retryFile()).
    void requeue();
    /// A file done or skipped keeps of its Drive file only what the journal row and the receipt say (landing,
    /// revision): the job goes. It is not retried.
    void settle();
    /// What its transfer is given (movable records only): the job kept, or the one the record says in full.
    [[nodiscard]] TransferJob transferJob() const;
    /// The job to change (a continuation, a policy of its own): kept from here on (movable records only).
    TransferJob &editJob();

    /// The Drive file as a queued record keeps it: what placing it needed (name, parents, times) is dropped,
    /// the transfer and the journal do not read it.
    [[nodiscard]] static Drive::DriveFile forTransfer(Drive::DriveFile file);
};

/// The run's records in the order they were found, keyed for the faces by FileStatus::key and for the
/// journal by Drive id. Remembers which records changed since the last snapshot, and keeps the run's totals
/// (counts by state, bytes) as records change, so that a tick costs what changed, not the tree: whoever
/// changes a record calls markChanged() (or recount() for an active file's bytes) after.
class FileRecords final
{
public:
    using Map = std::map<quint64, FileRecord>;

    /// Adds a record (its status.key is assigned) and marks it changed.
    FileRecord &add(FileStatus status, TransferJob job = {});
    [[nodiscard]] FileRecord *find(quint64 key);
    [[nodiscard]] const FileRecord *find(quint64 key) const;
    /// The records of one Drive file (two when it lands twice), in the order found.
    [[nodiscard]] QList<quint64> keysOf(const QString &driveId) const { return m_byDriveId.value(driveId); }
    /// The record of this Drive file landing at this relative path (TransferJob::relativePath), if any: the
    /// identity a journal row is keyed on. Only records with a job (files queued to move) have a path.
    [[nodiscard]] FileRecord *find(const QString &driveId, const QString &relativePath);
    [[nodiscard]] bool allTerminal() const { return m_totals.filesQueued == 0 && m_totals.filesActive == 0; }
    [[nodiscard]] qsizetype size() const { return qsizetype(m_records.size()); }

    /// After a change to the record: marks it changed and counts it again into the totals.
    void markChanged(quint64 key);
    /// Counts the record again without marking it changed (an active file's bytes, read every tick).
    void recount(quint64 key);
    [[nodiscard]] bool isChanged(quint64 key) const { return m_changed.contains(key); }
    /// The records changed since clearChanged(), in the order found.
    [[nodiscard]] QList<quint64> changedKeys() const;
    void clearChanged() { m_changed.clear(); }
    /// Every record's counts and bytes (Snapshot::count() of each) added to `s`.
    void countInto(Snapshot &s) const;
    /// The run is over: every record's status, in the order found, moved out (the report's list: no copy). The
    /// records keep the rest (landing, times) for the receipts; their statuses are empty from here on.
    [[nodiscard]] QList<FileStatus> takeStatuses();
    /// Forgets every record; the totals stay (countInto()).
    void release();
    /// The records over for good at the front (done or skipped), in key order, go to `report` (FileList::spill)
    /// and are forgotten, so that a run holds what is active and queued, not everything it has settled. `each`
    /// sees every record before it goes (its receipt). A record that failed, was parked or cancelled is passed
    /// over and stays (it may be retried); it comes in its place in the report (FileList merges by key). Call
    /// when the faces have seen the records (after a snapshot): a record changed since is kept for the next call.
    void spillSettled(FileList &report, const std::function<void(const FileRecord &)> &each);
    /// A record of this Drive file landing at this relative path was spilled (find() no longer has it).
    [[nodiscard]] bool wasSpilled(const QString &driveId, const QString &relativePath) const;

    [[nodiscard]] Map::iterator begin() { return m_records.begin(); }
    [[nodiscard]] Map::iterator end() { return m_records.end(); }
    [[nodiscard]] Map::const_iterator begin() const { return m_records.begin(); }
    [[nodiscard]] Map::const_iterator end() const { return m_records.end(); }

private:
    void recount(FileRecord &record);

    Map m_records;
    QHash<QString, QList<quint64>> m_byDriveId;
    QSet<quint64> m_changed;
    quint64 m_nextKey = 1;
    Snapshot m_totals;           ///< every record as last counted (FileRecord::tallied)
    int m_openUnknownSizes = 0;  ///< records not over whose size is unknown: bytesTotal is not exact yet
    QSet<QString> m_mimeTypes;   ///< one copy of each mime type, shared by the records
    QSet<QString> m_notes;       ///< one copy of each skipped file's note, shared by the records
    quint64 m_spillFrom = 1;     ///< spillSettled() goes on from this key; records before it stay
    /// Spilled records' identities (Drive id, landing path) as two independent 64-bit hashes: 16 bytes a file.
    QSet<std::pair<size_t, size_t>> m_spilled;
};

} // namespace Transfer
