// SPDX-License-Identifier: GPL-3.0-or-later
// Journal::Store's life: where it lives, opening (folder, lock, checks, pragmas, schema), moving a damaged
// journal aside, closing. Reads and writes are in store.cpp.
#include "journal/store.h"

#include "util/filesystem.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Journal
{
namespace
{
Q_LOGGING_CATEGORY(lcJournal, "driveingest.journal")

// The schema of version 1. Times are ms since the epoch (UTC); sources is a JSON array.
const char *const schemaV1[] = {
    "CREATE TABLE jobs ("
    " id INTEGER PRIMARY KEY,"
    " job_key TEXT NOT NULL UNIQUE,"
    " name TEXT UNIQUE,"
    " sources TEXT NOT NULL,"
    " destination TEXT NOT NULL,"
    " created INTEGER NOT NULL)",
    "CREATE TABLE runs ("
    " id INTEGER PRIMARY KEY,"
    " job INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
    " started INTEGER NOT NULL,"
    " ended INTEGER,"
    " outcome TEXT)",
    "CREATE INDEX runs_by_job ON runs(job)",
    "CREATE TABLE files ("
    " job INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
    " drive_id TEXT NOT NULL,"
    " relative_path TEXT NOT NULL,"
    " run INTEGER REFERENCES runs(id) ON DELETE SET NULL,"
    " drive_path TEXT, revision TEXT, size INTEGER, md5 TEXT, sha256 TEXT, export_format TEXT,"
    " state TEXT NOT NULL,"
    " bytes INTEGER NOT NULL DEFAULT 0,"
    " resume_offset INTEGER NOT NULL DEFAULT 0,"
    " computed_hash TEXT, reason TEXT, destination_path TEXT,"
    " started INTEGER, ended INTEGER,"
    " UNIQUE (job, drive_id, relative_path))",
    "CREATE INDEX files_by_state ON files(job, state)",
    "CREATE INDEX files_by_run ON files(run)",
};

// Version 2 (issue 11's continuation): the sink's state and the hash state at resume_offset.
const char *const upgradeToV2[] = {
    "ALTER TABLE files ADD COLUMN resume_state BLOB",
    "ALTER TABLE files ADD COLUMN hash_state BLOB",
};

// Version 3 (issue 12): each corpus's changes-feed position ("" = the user's log, else a shared drive's id), stored
// once a run completed, and the folders a job listed (to place a change without listing again).
const char *const upgradeToV3[] = {
    "CREATE TABLE cursors ("
    " job INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
    " corpus TEXT NOT NULL,"
    " token TEXT NOT NULL,"
    " PRIMARY KEY (job, corpus))",
    "CREATE TABLE folders ("
    " job INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
    " drive_id TEXT NOT NULL,"
    " parent_id TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " relative_path TEXT NOT NULL,"
    " PRIMARY KEY (job, drive_id))",
};

// SQLITE_CORRUPT and SQLITE_NOTADB (primary codes; extended codes carry them in the low byte).
bool isDamage(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == 11 || code == 26);
}

QString connectionName()
{
    static std::atomic<quint64> next { 0 };
    return u"drive-ingest-journal-%1"_s.arg(++next);
}
} // namespace

Store::Store(QObject *parent)
    : QObject(parent)
    , m_connection(connectionName())
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(1000);
    connect(&m_flushTimer, &QTimer::timeout, this,
        [this]
        {
            const Result result = flush();
            if (!result.ok())
                emit flushFailed(result.message);
        });
}

Store::~Store()
{
    close();
}

QString Store::defaultPath()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || QDir::isRelativePath(state))
        state = QDir::homePath() + u"/.local/state"_s;
    return state + u"/drive-ingest/journal.sqlite"_s;
}

Result Store::open(const QString &path)
{
    close();
    m_path = QFileInfo(path).absoluteFilePath();
    const QString folder = QFileInfo(m_path).absolutePath();
    const auto refuse = [this](Result::Status status, const QString &message)
    {
        closeDatabase();
        m_lock.reset();
        return Result { status, message, {} };
    };

    // The folder first, before any lock or database file is made in it.
    QDir().mkpath(folder); // when this fails, the probe below says why
    if (const QString problem = Util::fileCreationProblem(m_path); !problem.isEmpty())
        return refuse(Result::Status::StateDirectory, tr("Cannot keep the journal in %1: %2.").arg(folder, problem));
    if (const QFileInfo file(m_path); file.exists() && (!file.isFile() || !file.isWritable()))
        return refuse(Result::Status::StateDirectory, tr("The journal %1 is not a writable file.").arg(m_path));

    m_lock = std::make_unique<LockFile>(m_path + u".lock"_s);
    qint64 holder = 0;
    QString lockError;
    switch (m_lock->tryLock(&holder, &lockError))
    {
    case LockFile::Result::Locked:
        break;
    case LockFile::Result::Busy:
        return refuse(Result::Status::Locked,
            holder > 0
                ? tr("The journal %1 is in use by another drive-ingest process (pid %2).").arg(m_path).arg(holder)
                : tr("The journal %1 is in use by another drive-ingest process.").arg(m_path));
    case LockFile::Result::Failed:
        return refuse(
            Result::Status::StateDirectory, tr("Cannot lock the journal %1: %2.").arg(m_lock->path(), lockError));
    }

    Result result;
    Opened opened = openDatabase(&result);
    if (opened == Opened::Damaged)
    {
        const QString why = result.message;
        result = moveAside(why);
        if (!result.ok())
            return refuse(result.status, result.message);
        Result again;
        opened = openDatabase(&again);
        if (opened != Opened::Ok)
            return refuse(Result::Status::Database, again.message);
    }
    else if (opened == Opened::Failed)
    {
        return refuse(result.status, result.message);
    }
    return result;
}

Store::Opened Store::openDatabase(Result *result)
{
    const auto failed = [&](const QString &what, const QSqlError &error)
    {
        // A damaged journal's reason goes into the moved-aside message, which names the file itself.
        const bool damaged = isDamage(error);
        const QString detail = what + u": "_s + (error.databaseText().isEmpty() ? error.text() : error.databaseText());
        result->status = Result::Status::Database;
        result->message = damaged ? detail : tr("The journal %1: %2").arg(m_path, detail);
        return damaged ? Opened::Damaged : Opened::Failed;
    };
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!m_db.open())
        return failed(tr("cannot open"), m_db.lastError());

    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA quick_check"_s))
        return failed(tr("quick_check failed"), query.lastError());
    // "ok", or problems: one per row, or several lines in one row under a "*** in database main ***" title.
    QStringList problems;
    while (query.next())
    {
        for (const QString &line : query.value(0).toString().split(u'\n', Qt::SkipEmptyParts))
        {
            if (line != u"ok"_s && !line.startsWith(u"***"_s))
                problems.append(line);
        }
    }
    if (!problems.isEmpty())
    {
        result->status = Result::Status::Database;
        result->message
            = tr("quick_check found %n problem(s), the first: %1", nullptr, int(problems.size())).arg(problems.first());
        return Opened::Damaged;
    }

    if (!query.exec(u"PRAGMA journal_mode=WAL"_s) || !query.next())
        return failed(tr("cannot switch to WAL"), query.lastError());
    if (const QString mode = query.value(0).toString(); mode != u"wal"_s)
    {
        result->status = Result::Status::Database;
        result->message
            = tr("The journal %1: SQLite keeps it in journal mode \"%2\", not WAL (a network file system?).")
                  .arg(m_path, mode);
        return Opened::Failed;
    }
    if (!query.exec(u"PRAGMA synchronous=NORMAL"_s) || !query.exec(u"PRAGMA foreign_keys=ON"_s))
        return failed(tr("cannot set its pragmas"), query.lastError());
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return failed(tr("cannot read its version"), query.lastError());
    const int version = query.value(0).toInt();
    query.finish();
    if (version > schemaVersion)
    {
        result->status = Result::Status::TooNew;
        result->message = tr("The journal %1 was written by a newer version of drive-ingest (schema %2; this one "
                             "reads %3); it was left as it is.")
                              .arg(m_path)
                              .arg(version)
                              .arg(schemaVersion);
        return Opened::Failed;
    }
    if (Result created = version == 0 ? createSchema() : upgradeSchema(version); !created.ok())
    {
        *result = created;
        return Opened::Failed;
    }
    return Opened::Ok;
}

Result Store::createSchema()
{
    return upgradeSchema(0);
}

Result Store::upgradeSchema(int from)
{
    if (from >= schemaVersion)
        return {};
    QStringList statements;
    if (from < 1)
    {
        for (const char *sql : schemaV1)
            statements.append(QString::fromLatin1(sql));
    }
    if (from < 2)
    {
        for (const char *sql : upgradeToV2)
            statements.append(QString::fromLatin1(sql));
    }
    for (const char *sql : upgradeToV3)
        statements.append(QString::fromLatin1(sql));
    if (!m_db.transaction())
        return databaseError(m_db.lastError().text());
    QSqlQuery query(m_db);
    statements.append(u"PRAGMA user_version = %1"_s.arg(schemaVersion));
    for (const QString &sql : std::as_const(statements))
    {
        if (!query.exec(sql))
        {
            const QString error = query.lastError().text();
            query.finish();
            m_db.rollback();
            return databaseError(tr("cannot create its tables: %1").arg(error));
        }
    }
    if (!m_db.commit())
        return databaseError(m_db.lastError().text());
    return {};
}

Result Store::moveAside(const QString &why)
{
    closeDatabase();
    const QString suffix = u".corrupt-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmsszzz'Z'"_s);
    const QString target = m_path + suffix;
    // The -wal and -shm files go with it: a new database must not replay an old log.
    for (const QString &ending : { QString(), u"-wal"_s, u"-shm"_s })
    {
        const QString from = m_path + ending;
        if (QFileInfo::exists(from) && !QFile::rename(from, target + ending))
            return { Result::Status::Database,
                tr("The journal %1 is damaged (%2) and cannot be moved aside to %3.").arg(m_path, why, target + ending),
                {} };
    }
    return { Result::Status::Ok,
        tr("The journal %1 was damaged (%2); it was moved to %3 and a new journal was started.")
            .arg(m_path, why, target),
        target };
}

void Store::closeDatabase()
{
    m_upsert.reset(); // a prepared statement must not outlive its connection
    if (m_db.isValid())
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

void Store::close()
{
    m_flushTimer.stop();
    if (m_db.isOpen() && !m_queue.empty())
    {
        if (const Result result = flush(); !result.ok())
            qCWarning(lcJournal).noquote() << result.message;
    }
    m_queue.clear();
    closeDatabase();
    m_lock.reset();
}

} // namespace Journal
