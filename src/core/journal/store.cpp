// SPDX-License-Identifier: GPL-3.0-or-later
// Journal::Store's writes (jobs and runs at once, files batched) and reads. Opening is in storeopen.cpp.
#include "journal/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Journal
{
namespace
{
// The files columns in one order for the upsert, the selects and the row <-> query mapping below.
constexpr const char *fileColumns
    = "job, drive_id, relative_path, run, drive_path, revision, size, md5, sha256, export_format, state, bytes, "
      "resume_offset, computed_hash, reason, destination_path, started, ended, resume_state, hash_state";

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString notNull(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

void bindFile(QSqlQuery &query, const FileRow &row)
{
    const QVariantList values { row.job, notNull(row.driveId), notNull(row.relativePath),
        row.run > 0 ? QVariant(row.run) : QVariant(), row.drivePath, row.revision,
        row.size >= 0 ? QVariant(row.size) : QVariant(), row.md5, row.sha256, row.exportFormat, notNull(row.state),
        row.bytes, row.resumeOffset, row.computedHash, row.reason, row.destinationPath, timeValue(row.started),
        timeValue(row.ended), row.resumeState.isEmpty() ? QVariant() : QVariant(row.resumeState),
        row.hashState.isEmpty() ? QVariant() : QVariant(row.hashState) };
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
}

FileRow fileOf(const QSqlQuery &query)
{
    FileRow row;
    row.job = query.value(0).toLongLong();
    row.driveId = query.value(1).toString();
    row.relativePath = query.value(2).toString();
    row.run = query.value(3).toLongLong();
    row.drivePath = query.value(4).toString();
    row.revision = query.value(5).toString();
    row.size = query.value(6).isNull() ? -1 : query.value(6).toLongLong();
    row.md5 = query.value(7).toString();
    row.sha256 = query.value(8).toString();
    row.exportFormat = query.value(9).toString();
    row.state = query.value(10).toString();
    row.bytes = query.value(11).toLongLong();
    row.resumeOffset = query.value(12).toLongLong();
    row.computedHash = query.value(13).toString();
    row.reason = query.value(14).toString();
    row.destinationPath = query.value(15).toString();
    row.started = timeOf(query.value(16));
    row.ended = timeOf(query.value(17));
    row.resumeState = query.value(18).toByteArray();
    row.hashState = query.value(19).toByteArray();
    return row;
}

JobRow jobOf(const QSqlQuery &query)
{
    JobRow job;
    job.id = query.value(0).toLongLong();
    job.key = query.value(1).toString();
    job.name = query.value(2).toString();
    const QJsonArray sources = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).array();
    for (const QJsonValue &source : sources)
        job.sources.append(source.toString());
    job.destination = query.value(4).toString();
    job.created = timeOf(query.value(5));
    return job;
}

constexpr const char *jobColumns = "id, job_key, name, sources, destination, created";

/// Runs `sql` with `values` bound in order; on failure sets `*error` (when given) and returns false.
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error)
{
    if (!query.prepare(sql))
    {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (!query.exec())
    {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    return true;
}
RunRow runOf(const QSqlQuery &query)
{
    return { query.value(0).toLongLong(), query.value(1).toLongLong(), timeOf(query.value(2)), timeOf(query.value(3)),
        query.value(4).toString() };
}

/// Every row `sql` selects, each made by `rowOf`; none (and `*error` set when given) on a failure.
template <typename Row>
QList<Row> rowsOf(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
    Row (*rowOf)(const QSqlQuery &), QString *error)
{
    QList<Row> result;
    QSqlQuery query(db);
    if (run(query, sql, values, error))
    {
        while (query.next())
            result.append(rowOf(query));
    }
    return result;
}
} // namespace

Result Store::databaseError(const QString &error) const
{
    return { Result::Status::Database, tr("The journal %1: %2").arg(m_path, error), {} };
}

Result Store::ensureJob(const QStringList &sources, const QString &destination, const QString &name, JobRow *job)
{
    const QString key = jobKey(sources, destination);
    QString error;
    std::optional<JobRow> existing = jobByKey(key, &error);
    if (!error.isEmpty())
        return databaseError(error);
    if (!name.isEmpty())
    {
        const std::optional<JobRow> named = jobByName(name, &error);
        if (!error.isEmpty())
            return databaseError(error);
        if (named && named->key != key)
            return { Result::Status::Database,
                tr("The job name \"%1\" already names another job (into %2).").arg(name, named->destination), {} };
    }
    QSqlQuery query(m_db);
    if (existing)
    {
        if (!name.isEmpty() && existing->name != name)
        {
            if (!run(query, u"UPDATE jobs SET name = ? WHERE id = ?"_s, { name, existing->id }, &error))
                return databaseError(error);
            existing->name = name;
        }
        *job = *existing;
        return {};
    }
    JobRow created;
    created.key = key;
    created.name = name;
    created.sources = normalisedSources(sources);
    created.destination = destination.trimmed();
    created.created = QDateTime::currentDateTimeUtc();
    const QString sourcesJson
        = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(created.sources)).toJson(QJsonDocument::Compact));
    if (!run(query, u"INSERT INTO jobs (job_key, name, sources, destination, created) VALUES (?, ?, ?, ?, ?)"_s,
            { key, name.isEmpty() ? QVariant() : QVariant(name), sourcesJson, created.destination,
                timeValue(created.created) },
            &error))
        return databaseError(error);
    created.id = query.lastInsertId().toLongLong();
    *job = created;
    return {};
}

Result Store::forgetJob(qint64 job)
{
    std::erase_if(m_queue, [job](const auto &entry) { return std::get<0>(entry.first) == job; });
    QSqlQuery query(m_db);
    QString error;
    if (!run(query, u"DELETE FROM jobs WHERE id = ?"_s, { job }, &error))
        return databaseError(error);
    return {};
}

Result Store::startRun(qint64 job, const QDateTime &started, qint64 *runId)
{
    QSqlQuery query(m_db);
    QString error;
    if (!run(query, u"INSERT INTO runs (job, started) VALUES (?, ?)"_s, { job, timeValue(started) }, &error))
        return databaseError(error);
    *runId = query.lastInsertId().toLongLong();
    return {};
}

Result Store::endRun(qint64 runId, const QDateTime &ended, const QString &outcome)
{
    QSqlQuery query(m_db);
    QString error;
    if (!run(query, u"UPDATE runs SET ended = ?, outcome = ? WHERE id = ?"_s, { timeValue(ended), outcome, runId },
            &error))
        return databaseError(error);
    return {};
}

void Store::upsertFile(const FileRow &row)
{
    m_queue.insert_or_assign(FileKey { row.job, row.driveId, row.relativePath }, row);
    // A listing adds thousands of rows a second: the batch commits at MaxQueuedRows too, so what waits in memory
    // is bounded whatever the tree. A failing journal tries again at each further multiple, not on every row.
    if (m_queue.size() % MaxQueuedRows == 0)
    {
        if (const Result result = flush(); !result.ok())
            emit flushFailed(result.message);
        return;
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

Result Store::flush()
{
    m_flushTimer.stop();
    if (m_queue.empty())
        return {};
    const auto failure = [this](const QString &error)
    {
        return Result { Result::Status::Database,
            tr("The journal %1: cannot record %n file(s): %2", nullptr, int(m_queue.size())).arg(m_path, error), {} };
    };
    if (!m_db.isOpen())
        return failure(tr("it is not open"));
    if (!m_db.transaction())
        return failure(m_db.lastError().text());
    if (!m_upsert)
    {
        // Prepared once for the connection: preparing the statement was most of a checkpoint's commit (issue 11's
        // journal cost: 128 commits a GiB on the thread that hashes).
        const QString columns = QString::fromLatin1(fileColumns);
        QString sql = u"INSERT INTO files (%1) VALUES (?"_s.arg(columns) + u", ?"_s.repeated(int(columns.count(u',')))
            + u") ON CONFLICT (job, drive_id, relative_path) DO UPDATE SET "_s;
        const QStringList names = columns.split(u", "_s);
        QStringList updates;
        for (const QString &name : names.mid(3))
            updates.append(name + u" = excluded."_s + name);
        sql += updates.join(u", "_s);
        auto query = std::make_unique<QSqlQuery>(m_db);
        if (!query->prepare(sql))
        {
            const QString error = query->lastError().text();
            m_db.rollback();
            return failure(error);
        }
        m_upsert = std::move(query);
    }
    for (const auto &entry : m_queue)
    {
        bindFile(*m_upsert, entry.second);
        if (!m_upsert->exec())
        {
            const QString error = m_upsert->lastError().text();
            m_upsert->finish();
            m_db.rollback();
            return failure(error);
        }
    }
    if (!m_db.commit())
    {
        const QString error = m_db.lastError().text();
        m_db.rollback();
        return failure(error);
    }
    m_queue.clear();
    return {};
}

std::optional<JobRow> Store::oneJob(const QString &column, const QString &value, QString *error) const
{
    const QList<JobRow> found = rowsOf(m_db,
        u"SELECT %1 FROM jobs WHERE %2 = ?"_s.arg(QString::fromLatin1(jobColumns), column), { value }, jobOf, error);
    return found.isEmpty() ? std::nullopt : std::optional<JobRow>(found.first());
}

std::optional<JobRow> Store::jobByKey(const QString &key, QString *error) const
{
    return oneJob(u"job_key"_s, key, error);
}

std::optional<JobRow> Store::jobByName(const QString &name, QString *error) const
{
    return oneJob(u"name"_s, name, error);
}

QList<JobRow> Store::jobs(QString *error) const
{
    return rowsOf(m_db, u"SELECT %1 FROM jobs ORDER BY id"_s.arg(QString::fromLatin1(jobColumns)), {}, jobOf, error);
}

QList<RunRow> Store::runs(qint64 job, QString *error) const
{
    return rowsOf(
        m_db, u"SELECT id, job, started, ended, outcome FROM runs WHERE job = ? ORDER BY id"_s, { job }, runOf, error);
}

QList<FileRow> Store::files(qint64 job, const QString &state, int limit, QString *error) const
{
    const QString sql = u"SELECT %1 FROM files WHERE job = ? AND (? = '' OR state = ?) ORDER BY rowid LIMIT ?"_s.arg(
        QString::fromLatin1(fileColumns));
    return rowsOf(m_db, sql, { job, notNull(state), notNull(state), limit }, fileOf, error);
}

std::optional<FileRow> Store::file(qint64 job, const QString &driveId, const QString &relativePath,
    QString *error) const
{
    const QList<FileRow> found = rowsOf(m_db,
        u"SELECT %1 FROM files WHERE job = ? AND drive_id = ? AND relative_path = ?"_s.arg(
            QString::fromLatin1(fileColumns)),
        { job, notNull(driveId), notNull(relativePath) }, fileOf, error);
    return found.isEmpty() ? std::nullopt : std::optional<FileRow>(found.first());
}

QList<FileRow> Store::receipts(qint64 runId, QString *error, int limit) const
{
    return rowsOf(m_db,
        u"SELECT %1 FROM files WHERE run = ? ORDER BY rowid LIMIT ?"_s.arg(QString::fromLatin1(fileColumns)),
        { runId, limit }, fileOf, error);
}

QMap<QString, qint64> Store::countsByState(qint64 job, QString *error) const
{
    return perState(u"COUNT(*)"_s, job, error);
}

QMap<QString, qint64> Store::bytesByState(qint64 job, QString *error) const
{
    return perState(u"SUM(bytes)"_s, job, error);
}

QMap<QString, qint64> Store::perState(const QString &aggregate, qint64 job, QString *error) const
{
    QMap<QString, qint64> result;
    QSqlQuery query(m_db);
    if (run(query, u"SELECT state, %1 FROM files WHERE job = ? GROUP BY state"_s.arg(aggregate), { job }, error))
        while (query.next())
            result.insert(query.value(0).toString(), query.value(1).toLongLong());
    return result;
}

namespace
{
FolderRow folderOf(const QSqlQuery &query)
{
    return { query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
        query.value(3).toString(), query.value(4).toString() };
}
} // namespace

Result Store::inTransaction(const std::function<bool(QSqlQuery &, QString *)> &work)
{
    if (!m_db.transaction())
        return databaseError(m_db.lastError().text());
    QString error;
    bool ok = false;
    {
        QSqlQuery query(m_db);
        ok = work(query, &error);
    }
    if (!ok || !m_db.commit())
    {
        if (error.isEmpty())
            error = m_db.lastError().text();
        m_db.rollback();
        return databaseError(error);
    }
    return {};
}

QMap<QString, QString> Store::cursors(qint64 job, QString *error) const
{
    QMap<QString, QString> tokens;
    QSqlQuery query(m_db);
    if (run(query, u"SELECT corpus, token FROM cursors WHERE job = ?"_s, { job }, error))
        while (query.next())
            tokens.insert(query.value(0).toString(), query.value(1).toString());
    return tokens;
}

Result Store::setCursors(qint64 job, const QMap<QString, QString> &tokens)
{
    return inTransaction(
        [&](QSqlQuery &query, QString *error)
        {
            if (!run(query, u"DELETE FROM cursors WHERE job = ?"_s, { job }, error))
                return false;
            for (auto it = tokens.begin(); it != tokens.end(); ++it)
            {
                if (!run(query, u"INSERT INTO cursors (job, corpus, token) VALUES (?, ?, ?)"_s,
                        { job, notNull(it.key()), it.value() }, error))
                    return false;
            }
            return true;
        });
}

QList<FolderRow> Store::folders(qint64 job, QString *error) const
{
    return rowsOf(m_db, u"SELECT job, drive_id, parent_id, name, relative_path FROM folders WHERE job = ?"_s, { job },
        folderOf, error);
}

Result Store::saveFolders(const QList<FolderRow> &rows)
{
    if (rows.isEmpty())
        return {};
    return inTransaction(
        [&](QSqlQuery &query, QString *error)
        {
            for (const FolderRow &row : rows)
            {
                if (!run(query,
                        u"INSERT OR REPLACE INTO folders (job, drive_id, parent_id, name, relative_path) "
                        "VALUES (?, ?, ?, ?, ?)"_s,
                        { row.job, notNull(row.driveId), notNull(row.parentId), notNull(row.name),
                            notNull(row.relativePath) },
                        error))
                    return false;
            }
            return true;
        });
}

Result Store::forgetFolders(qint64 job, const QStringList &ids)
{
    return inTransaction(
        [&](QSqlQuery &query, QString *error)
        {
            if (ids.isEmpty())
                return run(query, u"DELETE FROM folders WHERE job = ?"_s, { job }, error);
            for (const QString &id : ids)
            {
                if (!run(query, u"DELETE FROM folders WHERE job = ? AND drive_id = ?"_s, { job, id }, error))
                    return false;
            }
            return true;
        });
}

QList<FileRow> Store::filesById(qint64 job, const QString &driveId, QString *error) const
{
    return rowsOf(m_db,
        u"SELECT %1 FROM files WHERE job = ? AND drive_id = ? ORDER BY rowid"_s.arg(QString::fromLatin1(fileColumns)),
        { job, notNull(driveId) }, fileOf, error);
}

QList<FileRow> Store::filesBelow(qint64 job, const QString &relativeFolder, QString *error) const
{
    // substr() and not LIKE: names may hold % and _.
    const QString prefix = relativeFolder + u'/';
    return rowsOf(m_db,
        u"SELECT %1 FROM files WHERE job = ? AND substr(relative_path, 1, ?) = ? ORDER BY rowid"_s.arg(
            QString::fromLatin1(fileColumns)),
        { job, prefix.size(), prefix }, fileOf, error);
}

Result Store::moveFile(const FileRow &row, const QString &relativePath, const QString &destinationPath,
    const QString &drivePath)
{
    if (relativePath == row.relativePath)
        return {};
    return inTransaction(
        [&](QSqlQuery &query, QString *error)
        {
            return run(query, u"DELETE FROM files WHERE job = ? AND drive_id = ? AND relative_path = ?"_s,
                       { row.job, notNull(row.driveId), notNull(relativePath) }, error)
                && run(query,
                    u"UPDATE files SET relative_path = ?, destination_path = ?, drive_path = ? "
                    "WHERE job = ? AND drive_id = ? AND relative_path = ?"_s,
                    { notNull(relativePath), destinationPath, drivePath, row.job, notNull(row.driveId),
                        notNull(row.relativePath) },
                    error);
        });
}

Result Store::setFileState(const FileRow &row, const QString &state, const QString &reason)
{
    QSqlQuery query(m_db);
    QString error;
    if (!run(query, u"UPDATE files SET state = ?, reason = ? WHERE job = ? AND drive_id = ? AND relative_path = ?"_s,
            { notNull(state), reason, row.job, notNull(row.driveId), notNull(row.relativePath) }, &error))
        return databaseError(error);
    return {};
}

} // namespace Journal
