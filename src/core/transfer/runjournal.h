// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "journal/journalrows.h"
#include "net/error.h"
#include "transfer/filerecord.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Journal
{
class Store;
}

namespace Transfer
{
/**
 * The engine's side of the journal (issue 11), between Engine and Journal::Store: opens the Store on the
 * engine's thread, finds or makes the job, starts and ends the run, turns FileRecords into FileRows (the Store
 * batches their commits about once a second) and answers what an earlier run of the job left of a file.
 *
 *   closed --open()--> open (job + run) --end(outcome)--> closed
 *            \-- lock held / state folder unusable / newer schema / SQLite -> closed, a Net::Error
 *                (ErrorClass::Local, reason "journal…": the run stops before a byte moves; exit code 5)
 *
 * A run without a journal (`--no-journal`) has no RunJournal at all.
 */
class RunJournal final
{
    Q_DECLARE_TR_FUNCTIONS(Transfer::RunJournal)

public:
    RunJournal();
    ~RunJournal(); ///< flushes what is queued and closes (a run that never ended stays "interrupted")

    /// Opens `path`, finds or makes the job of `sources` into `destination` and starts a run. An error
    /// (reason "journalLocked", "journalStateDirectory", "journalTooNew", "journalDatabase") when any of it
    /// fails; `*notice` says when a damaged journal was moved aside (the run goes on with a new one).
    Net::Error open(const QString &path, const QStringList &sources, const QString &destination,
                    const QString &jobName, QString *notice);
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] qint64 runId() const { return m_run; }
    [[nodiscard]] const QDateTime &runStarted() const { return m_started; }

    /// This file's row from an earlier run of the job, if any.
    [[nodiscard]] std::optional<Journal::FileRow> earlier(const QString &driveId, const QString &relativePath) const;
    /// True when `row` says this very file (same Drive id, path and revision, size and hash) is done.
    [[nodiscard]] static bool isDoneAlready(const Journal::FileRow &row, const TransferJob &job);
    /// Why a kept partial of `row` cannot be continued for `job` (another revision, size or hash); empty
    /// when it can.
    [[nodiscard]] static QString changedSince(const Journal::FileRow &row, const TransferJob &job);
    /// Drive's revision of a file: headRevisionId, a Google file's `version`.
    [[nodiscard]] static QString revisionOf(const Drive::DriveFile &file);

    /// Queues the record's current state (stopped by a run-level stop: "interrupted").
    void record(const FileRecord &record, bool runInterrupted = false);
    /// Queues the record and commits at once: a durable() claim is worth its bytes only once it is in the
    /// journal (a commit under WAL + synchronous=NORMAL costs tens of microseconds; one per checkpoint).
    void recordDurable(const FileRecord &record);
    /// Commits what is queued and ends the run with the outcome's name. Idempotent.
    void end(const QString &outcome);

    // Incremental runs (issue 12).
    [[nodiscard]] Journal::Store *store() const { return m_store.get(); }
    [[nodiscard]] qint64 jobId() const { return m_job; }
    /// When the job's last completed run started (invalid when none did).
    [[nodiscard]] QDateTime lastCompleted() const;
    /// The changes-feed tokens taken before this run's listing (or read with its changes): stored by end() when
    /// the run completes, so the next run reads the changes from there.
    void keepTokens(const QMap<QString, QString> &tokens) { m_tokens = tokens; }
    /// A folder this run listed (saved by end(), before the tokens).
    void recordFolder(const Journal::FolderRow &row);

    /// The record as a journal row of this job and run.
    [[nodiscard]] Journal::FileRow rowOf(const FileRecord &record, bool runInterrupted) const;

private:
    std::unique_ptr<Journal::Store> m_store;
    qint64 m_job = 0;
    qint64 m_run = 0;
    QDateTime m_started;
    QMap<QString, QString> m_tokens;
    QList<Journal::FolderRow> m_folders;
};

} // namespace Transfer
