// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "journal/store.h"

#include <QCoreApplication>
#include <optional>

namespace Journal
{
/**
 * Reads a journal while a run may hold it: the app's History view and its resume offer. The SQLite file is
 * opened read-only (QSQLITE_OPEN_READONLY; WAL lets a reader in beside the one writer), without the Store's
 * lock, without checks and without creating anything: a journal that does not exist yet is simply empty.
 * The reads are the Store's own (the same queries and row mapping), over this read-only connection.
 *
 *     closed --open()--> open (reads) --close()/~Reader--> closed
 *              |  no file yet                    -> closed, Ok: nothing to read
 *              |  SQLite refuses / newer schema  -> closed, Result says why
 *
 * Like a Store, a Reader lives and is used on one thread.
 */
class Reader final
{
    Q_DECLARE_TR_FUNCTIONS(Journal::Reader)
    Q_DISABLE_COPY_MOVE(Reader)

public:
    /// A job as a list of jobs shows it: its files by state, the bytes moved for it, its last run.
    struct JobSummary
    {
        JobRow job;
        QMap<QString, qint64> filesByState; ///< state name -> files (Store::countsByState)
        qint64 bytes = 0; ///< bytes moved over all its files
        std::optional<RunRow> lastRun;
    };

    Reader() = default;
    ~Reader() = default;

    Result open(const QString &path);
    void close() { m_store.close(); }
    [[nodiscard]] bool isOpen() const { return m_store.isOpen(); }

    /// Whether a Store (a run in this process or another) holds the journal right now. Asks the lock for an
    /// instant; an unusable lock file counts as not in use.
    [[nodiscard]] bool isInUse() const;

    // Reads: nothing (and `*error` set when given) on a failure; nothing when not open.
    /// Every job with its files counted and its bytes summed: a scan of each job's files (about a second for
    /// a million files).
    [[nodiscard]] QList<JobSummary> jobs(QString *error = nullptr) const;
    /// The jobs alone, and what is cheap to know of one: its last run, its files by state (an index count).
    [[nodiscard]] QList<JobRow> jobRows(QString *error = nullptr) const;
    [[nodiscard]] std::optional<RunRow> lastRun(qint64 job, QString *error = nullptr) const;
    [[nodiscard]] QMap<QString, qint64> filesByState(qint64 job, QString *error = nullptr) const;
    [[nodiscard]] QList<RunRow> runs(qint64 job, QString *error = nullptr) const;
    /// The files a run touched, at most `limit` (all when negative), in the order they were first written.
    [[nodiscard]] QList<FileRow> receipts(qint64 run, int limit = -1, QString *error = nullptr) const;
    /// How many files each run of `job` touched: run id -> receipts.
    [[nodiscard]] QMap<qint64, qint64> receiptCounts(qint64 job, QString *error = nullptr) const;

    /// The Store's own reads over this read-only connection (issue 12: a dry run reads a job's tokens, folders
    /// and files to say what a rerun would do). Never write through it.
    [[nodiscard]] const Store &store() const { return m_store; }

private:
    Store m_store; ///< opened read-only by open(): only its reads are used
};

} // namespace Journal
