// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/reader.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Journal
{
Result Reader::open(const QString &path)
{
    close();
    Store &store = m_store;
    store.m_path = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo(store.m_path).isFile())
        return {}; // no journal yet: nothing to read
    const auto failed = [&store](const QString &error)
    {
        const Result result = store.databaseError(error);
        store.closeDatabase();
        return result;
    };
    store.m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, store.m_connection);
    store.m_db.setDatabaseName(store.m_path);
    store.m_db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!store.m_db.open())
        return failed(store.m_db.lastError().text());
    QSqlQuery query(store.m_db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return failed(query.lastError().text());
    const int version = query.value(0).toInt();
    query.finish();
    if (version > Store::schemaVersion)
    {
        Result result = failed(tr("written by a newer version of drive-ingest (schema %1; this one reads %2)")
                                   .arg(version)
                                   .arg(Store::schemaVersion));
        result.status = Result::Status::TooNew;
        return result;
    }
    if (version == 0) // created but its schema not yet committed: nothing to read
        store.closeDatabase();
    return {};
}

bool Reader::isInUse() const
{
    if (m_store.m_path.isEmpty())
        return false;
    LockFile probe(m_store.m_path + u".lock"_s);
    qint64 holder = 0;
    QString error;
    return probe.tryLock(&holder, &error) == LockFile::Result::Busy; // ~LockFile lets go at once
}

QList<Reader::JobSummary> Reader::jobs(QString *error) const
{
    QList<JobSummary> result;
    if (!isOpen())
        return result;
    QString failure;
    const QList<JobRow> jobs = m_store.jobs(&failure);
    for (qsizetype i = 0; i < jobs.size() && failure.isEmpty(); ++i)
    {
        const JobRow &job = jobs.at(i);
        JobSummary summary;
        summary.job = job;
        summary.filesByState = filesByState(job.id, &failure);
        summary.lastRun = lastRun(job.id, &failure);
        for (const qint64 bytes : m_store.bytesByState(job.id, &failure))
            summary.bytes += bytes;
        result.append(summary);
    }
    if (!failure.isEmpty())
    {
        if (error)
            *error = failure;
        return {};
    }
    return result;
}

QList<JobRow> Reader::jobRows(QString *error) const
{
    return isOpen() ? m_store.jobs(error) : QList<JobRow>();
}

std::optional<RunRow> Reader::lastRun(qint64 job, QString *error) const
{
    const QList<RunRow> all = runs(job, error);
    return all.isEmpty() ? std::nullopt : std::optional<RunRow>(all.last());
}

QMap<QString, qint64> Reader::filesByState(qint64 job, QString *error) const
{
    return isOpen() ? m_store.countsByState(job, error) : QMap<QString, qint64>();
}

QList<RunRow> Reader::runs(qint64 job, QString *error) const
{
    return isOpen() ? m_store.runs(job, error) : QList<RunRow>();
}

QList<FileRow> Reader::receipts(qint64 run, int limit, QString *error) const
{
    return isOpen() ? m_store.receipts(run, error, limit) : QList<FileRow>();
}

QMap<qint64, qint64> Reader::receiptCounts(qint64 job, QString *error) const
{
    QMap<qint64, qint64> result;
    if (!isOpen())
        return result;
    QSqlQuery query(m_store.m_db);
    query.prepare(u"SELECT files.run, COUNT(*) FROM files JOIN runs ON runs.id = files.run WHERE runs.job = ? "
                  "GROUP BY files.run"_s);
    query.addBindValue(job);
    if (!query.exec())
    {
        if (error)
            *error = query.lastError().text();
        return {};
    }
    while (query.next())
        result.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
    return result;
}

} // namespace Journal
