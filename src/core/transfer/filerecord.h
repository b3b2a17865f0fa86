// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/filetransfer.h"
#include "transfer/snapshot.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

#include <map>

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
    FileStatus status;        ///< key (the faces' handle), driveId, paths, state, bytes, retries, reason (lastError), hash
    TransferJob job;          ///< the Drive file (id, size, hashes) and its relative path; empty for listing items
    qint64 resumeOffset = 0;  ///< the next byte a continuation asks Drive for; 0 when it starts over
    // What a later run may continue from (issue 11): the sink's last durable() and the hash state there.
    qint64 durableOffset = 0;
    QByteArray resumeState;
    QByteArray hashState;
    QString revision;         ///< Drive's revision the durable bytes are of (RunJournal::revisionOf)
    QDateTime started;        ///< first byte asked in this run; invalid when never started
    QDateTime ended;          ///< reached a terminal state in this run
    bool doneEarlier = false; ///< skipped: the journal says an earlier run landed this very revision

    [[nodiscard]] const QString &driveId() const { return status.driveId; }
    [[nodiscard]] bool isTerminal() const { return Transfer::isTerminal(status.state); }

    /// A transfer's progress: bytes, retries, its latest error (kept as the reason while it retries).
    void progress(const FileTransfer &transfer);
    /// A transfer's end: the state, the reason and where the file landed.
    void finish(FileState state, const Net::Error &error, const QString &hash, const QString &finalLocation);
    /// Back to the queue from the start (retryFile()).
    void requeue();
};

/// The run's records in the order they were found, keyed for the faces by FileStatus::key and for the
/// journal by Drive id. Remembers which records changed since the last snapshot.
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
    [[nodiscard]] bool allTerminal() const;
    [[nodiscard]] qsizetype size() const { return qsizetype(m_records.size()); }

    void markChanged(quint64 key) { m_changed.insert(key); }
    [[nodiscard]] bool isChanged(quint64 key) const { return m_changed.contains(key); }
    void clearChanged() { m_changed.clear(); }

    [[nodiscard]] Map::iterator begin() { return m_records.begin(); }
    [[nodiscard]] Map::iterator end() { return m_records.end(); }
    [[nodiscard]] Map::const_iterator begin() const { return m_records.begin(); }
    [[nodiscard]] Map::const_iterator end() const { return m_records.end(); }

private:
    Map m_records;
    QHash<QString, QList<quint64>> m_byDriveId;
    QSet<quint64> m_changed;
    quint64 m_nextKey = 1;
};

} // namespace Transfer
