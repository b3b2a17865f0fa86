// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "journal/journalrows.h"
#include "journal/lockfile.h"

#include <QMap>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <tuple>

class QSqlQuery;

namespace Journal
{
class Reader;

/// What an open, a write or a read came to. Never thrown: the caller turns a failure into its message and exit code.
struct Result
{
    enum class Status
    {
        Ok,
        StateDirectory, ///< the journal's folder cannot be created or written (read-only, not a folder…)
        Locked, ///< another process (or another Store) uses this journal
        TooNew, ///< written by a newer version of the tool (schema version above ours); left alone
        Database, ///< SQLite refused (open, schema, a write); the journal was left as it is
    };
    Status status = Status::Ok;
    QString message; ///< human text when not Ok; on an Ok open, a notice (the damaged journal moved aside)
    QString movedAsideTo; ///< open(): where a damaged journal went; empty when none was

    [[nodiscard]] bool ok() const { return status == Status::Ok; }
};

/**
 * The journal: one SQLite database (QtSql, QSQLITE) holding jobs, their runs and their files, used by one
 * process at a time, written from one thread (the one that opened it: a QSqlDatabase connection must stay on
 * its thread).
 *
 *     closed --open()--> open --close()/~Store--> closed
 *              |  folder unusable / locked / newer schema / SQLite error  -> closed, Result says why
 *              |  damaged (quick_check not ok, "not a database", "malformed")
 *              |      -> file (+ -wal/-shm) renamed to <file>.corrupt-<UTC time>, a new journal started,
 *              |         Ok with a notice in message/movedAsideTo
 *
 * On open: the folder is created and probed before anything else; an exclusive lock on `<file>.lock` is
 * taken (LockFile: released at close, at exit and when the process dies); `PRAGMA quick_check`; WAL,
 * `synchronous=NORMAL` (a process crash loses nothing committed; a power cut may lose the last second),
 * foreign keys on; the schema is created on first open and its version kept in `PRAGMA user_version`.
 *
 * Writes of files are batched: upsertFile() queues a row in memory (a later row with the same key replaces
 * it) and flush() commits the queue in one transaction; a single-shot timer flushes about once a second after
 * the first queued row, and a queue of MaxQueuedRows rows is flushed at once (flushFailed() when that fails;
 * the rows stay queued for the next try). Jobs and runs
 * are rare and written at once. Reads see committed rows only: flush() first to read what was queued.
 * A batch lands whole or not at all: one row SQLite refuses (a file of a job that does not exist) fails the
 * batch, and it keeps failing until the caller drops that job (forgetJob()) or stops; the engine must write
 * files of jobs it created. The timer is the caller's thread's: the Store lives and is used on one thread.
 */
class Store final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Store)

public:
    /// Rows queued before a batch commits without waiting for the timer (memory bound of the queue).
    static constexpr std::size_t MaxQueuedRows = 2048;
    /// 2: files.resume_state, files.hash_state; 3: cursors, folders (issue 12). Older ones are upgraded.
    static constexpr int schemaVersion = 3;

    explicit Store(QObject *parent = nullptr);
    ~Store() override; ///< flushes (a failure is logged), closes, unlocks

    /// `$XDG_STATE_HOME/drive-ingest/journal.sqlite`, or `~/.local/state/drive-ingest/journal.sqlite` when
    /// XDG_STATE_HOME is unset or not absolute (as the XDG Base Directory spec says).
    [[nodiscard]] static QString defaultPath();

    Result open(const QString &path);
    void close();
    [[nodiscard]] bool isOpen() const { return m_db.isOpen(); }
    [[nodiscard]] const QString &path() const { return m_path; }

    /// How long after the first queued row the timer flushes (default 1000 ms).
    void setFlushInterval(int ms) { m_flushTimer.setInterval(ms); }
    [[nodiscard]] qsizetype queuedCount() const { return qsizetype(m_queue.size()); }

    // Jobs and runs: written at once.
    /// The job of these sources and destination, created (with `name`, may be empty) when new.
    Result ensureJob(const QStringList &sources, const QString &destination, const QString &name, JobRow *job);
    Result forgetJob(qint64 job); ///< the job, its runs and files (queued rows of it too)
    Result startRun(qint64 job, const QDateTime &started, qint64 *run);
    Result endRun(qint64 run, const QDateTime &ended, const QString &outcome);

    // Files: queued, then committed by flush().
    void upsertFile(const FileRow &row);
    Result flush();

    // Reads (committed rows). On a failure they return nothing and set `*error` when given.
    [[nodiscard]] std::optional<JobRow> jobByKey(const QString &key, QString *error = nullptr) const;
    [[nodiscard]] std::optional<JobRow> jobByName(const QString &name, QString *error = nullptr) const;
    [[nodiscard]] QList<JobRow> jobs(QString *error = nullptr) const;
    [[nodiscard]] QList<RunRow> runs(qint64 job, QString *error = nullptr) const;
    /// The files of a job in one state (all when `state` is empty), at most `limit` (all when negative).
    [[nodiscard]] QList<FileRow> files(
        qint64 job, const QString &state = {}, int limit = -1, QString *error = nullptr) const;
    /// The committed row of this file of a job (one indexed look-up: the engine asks per listed file).
    [[nodiscard]] std::optional<FileRow> file(
        qint64 job, const QString &driveId, const QString &relativePath, QString *error = nullptr) const;
    /// The files a run touched, at most `limit` (all when negative).
    [[nodiscard]] QList<FileRow> receipts(qint64 run, QString *error = nullptr, int limit = -1) const;
    [[nodiscard]] QMap<QString, qint64> countsByState(qint64 job, QString *error = nullptr) const;
    [[nodiscard]] QMap<QString, qint64> bytesByState(qint64 job, QString *error = nullptr) const; ///< sum of bytes

    // Incremental runs (issue 12): written at once (flush() first when files are queued).
    /// The changes-feed tokens of a job's last completed run: corpus ("" = the user's log, else a shared drive id)
    /// -> token. Empty when none was stored (the job never completed a run since tokens were kept).
    [[nodiscard]] QMap<QString, QString> cursors(qint64 job, QString *error = nullptr) const;
    /// Replaces the job's tokens with `tokens` (one transaction).
    Result setCursors(qint64 job, const QMap<QString, QString> &tokens);
    [[nodiscard]] QList<FolderRow> folders(qint64 job, QString *error = nullptr) const;
    /// Inserts or replaces the rows (one transaction).
    Result saveFolders(const QList<FolderRow> &rows);
    /// Drops these folders of the job; every folder of it when `ids` is empty.
    Result forgetFolders(qint64 job, const QStringList &ids);
    /// Every row of one Drive file of a job (one file may land at two places).
    [[nodiscard]] QList<FileRow> filesById(qint64 job, const QString &driveId, QString *error = nullptr) const;
    /// The rows whose relative path lies below `relativeFolder` (not the folder itself).
    [[nodiscard]] QList<FileRow> filesBelow(qint64 job, const QString &relativeFolder, QString *error = nullptr) const;
    /// The row `row` (by job, drive id, relative path) now lands at `relativePath` (`destinationPath`,
    /// `drivePath`); a row already there for the same file is replaced.
    Result moveFile(const FileRow &row, const QString &relativePath, const QString &destinationPath,
                    const QString &drivePath);
    /// Sets one row's state and reason (a file removed from Drive: "removed", or "deleted" once its copy went).
    Result setFileState(const FileRow &row, const QString &state, const QString &reason);

signals:
    void flushFailed(const QString &message);

private:
    friend class Reader; // opens m_db read-only, without the lock, and uses the reads
    using FileKey = std::tuple<qint64, QString, QString>; // job, drive id, relative path
    enum class Opened
    {
        Ok,
        Damaged,
        Failed,
    };
    Opened openDatabase(Result *result);
    [[nodiscard]] Result createSchema();
    [[nodiscard]] Result upgradeSchema(int from);
    void closeDatabase();
    Result moveAside(const QString &why);
    [[nodiscard]] Result databaseError(const QString &error) const; ///< "The journal <path>: <error>"
    /// Runs `work` in one transaction: committed when it returns true, else rolled back with its error.
    Result inTransaction(const std::function<bool(QSqlQuery &, QString *)> &work);
    [[nodiscard]] QMap<QString, qint64> perState(const QString &aggregate, qint64 job, QString *error) const;
    [[nodiscard]] std::optional<JobRow> oneJob(const QString &column, const QString &value, QString *error) const;

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    std::unique_ptr<QSqlQuery> m_upsert; ///< flush()'s statement, prepared on first use
    std::unique_ptr<LockFile> m_lock;
    std::map<FileKey, FileRow> m_queue;
    QTimer m_flushTimer;
};

} // namespace Journal
