// SPDX-License-Identifier: GPL-3.0-or-later
// The journal (issue 11, journal/store.h): a real SQLite file in a temporary folder. Schema and pragmas on
// first open, batched upserts read back after a reopen, a damaged file moved aside, a second user refused (in
// this process and from a child process, also after that child is killed), an unusable state folder.
#include "journal/store.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include <unistd.h>

using namespace Qt::StringLiterals;
using Journal::FileRow;
using Journal::Result;
using Journal::Store;

namespace
{
FileRow file(qint64 job, const QString &driveId, const QString &relativePath, const QString &state)
{
    FileRow row;
    row.job = job;
    row.driveId = driveId;
    row.relativePath = relativePath;
    row.state = state;
    return row;
}

/// A connection of its own on the journal file, as another reader would have; closed with the object.
class RawConnection final
{
public:
    explicit RawConnection(const QString &path)
        : m_name(u"raw-%1"_s.arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawConnection() { QSqlDatabase::removeDatabase(m_name); }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    [[nodiscard]] bool isOpen() const { return m_open; }
    /// The first column of the first row, or "error: …".
    QString scalar(const QString &sql)
    {
        QVariant value;
        {
            QSqlQuery query(QSqlDatabase::database(m_name, false));
            if (!query.exec(sql))
                return u"error: "_s + query.lastError().text();
            value = query.next() ? query.value(0) : QVariant();
        }
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::database(m_name, false).open();
        return value.toString();
    }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_open = false;
};

qint64 makeJob(Store &store)
{
    Journal::JobRow job;
    const Result result = store.ensureJob({ u"folder-id-1"_s }, u"/data/landing"_s, {}, &job);
    if (!result.ok())
        qWarning() << result.message;
    return job.id;
}

/// `tst_journal --hold-journal PATH`: opens the journal, says "held <pid>" (or "refused <status> <message>") on stdout,
/// and keeps it until stdin closes or the process is killed.
int holdJournal(const char *path)
{
    int argc = 1;
    char name[] = "tst_journal";
    char *argv[] = { name, nullptr };
    QCoreApplication app(argc, argv);
    Store store;
    const Result result = store.open(QString::fromLocal8Bit(path));
    std::cout << (result.ok() ? "held " + std::to_string(::getpid())
                              : "refused " + std::to_string(int(result.status)) + ' ' + result.message.toStdString())
              << std::endl;
    std::string line;
    while (std::getline(std::cin, line))
    {
    }
    return result.ok() ? 0 : 1;
}
} // namespace

class TestJournal final : public QObject
{
    Q_OBJECT

private slots:
    void defaultPathFollowsXdgStateHome();
    void jobKeyIgnoresOrderBlanksAndDuplicates();
    void firstOpenCreatesTheSchemaInWal();
    void upsertFlushReopenReadsBack();
    void rowsAreInvisibleToOthersUntilFlushed();
    void theTimerFlushes();
    void aFullBatchCommitsWithoutTheTimer();
    void readsByStateCountsAndReceipts();
    void jobsByKeyAndNameAndForget();
    void damagedJournalIsMovedAside_data();
    void damagedJournalIsMovedAside();
    void newerSchemaIsLeftAlone();
    void secondStoreInThisProcessIsRefused();
    void anotherProcessIsRefusedAndItsDeathFreesTheLock();
    void stateFolderUnderAFileIsAClearError();
    void readOnlyStateFolderIsAClearError();
    void aFailedFlushKeepsTheRowsAndSaysSo();
};

void TestJournal::defaultPathFollowsXdgStateHome()
{
    const QByteArray saved = qgetenv("XDG_STATE_HOME");
    const bool had = qEnvironmentVariableIsSet("XDG_STATE_HOME");
    qputenv("XDG_STATE_HOME", "/srv/state");
    QCOMPARE(Store::defaultPath(), u"/srv/state/drive-ingest/journal.sqlite"_s);
    qunsetenv("XDG_STATE_HOME");
    QCOMPARE(Store::defaultPath(), QDir::homePath() + u"/.local/state/drive-ingest/journal.sqlite"_s);
    qputenv("XDG_STATE_HOME", "relative/state"); // the spec: a relative path is ignored
    QCOMPARE(Store::defaultPath(), QDir::homePath() + u"/.local/state/drive-ingest/journal.sqlite"_s);
    if (had)
        qputenv("XDG_STATE_HOME", saved);
    else
        qunsetenv("XDG_STATE_HOME");
}

void TestJournal::jobKeyIgnoresOrderBlanksAndDuplicates()
{
    const QString key = Journal::jobKey({ u"b"_s, u"a"_s }, u"/dest"_s);
    QCOMPARE(Journal::jobKey({ u" a"_s, u"b"_s, u"a"_s, u""_s }, u"/dest "_s), key);
    QVERIFY(Journal::jobKey({ u"a"_s }, u"/dest"_s) != key);
    QVERIFY(Journal::jobKey({ u"a"_s, u"b"_s }, u"/other"_s) != key);
    QVERIFY(Journal::jobKey({ u"a\nb"_s }, u"/dest"_s) != key); // one source with a newline is not two sources
}

void TestJournal::firstOpenCreatesTheSchemaInWal()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"state/drive-ingest/journal.sqlite"_s); // folders made on open
    {
        Store store;
        const Result result = store.open(path);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(result.message.isEmpty());
        QVERIFY(store.isOpen());
        QVERIFY(QFile::exists(path + u".lock"_s));
    }
    RawConnection raw(path);
    QVERIFY(raw.isOpen());
    QCOMPARE(raw.scalar(u"PRAGMA user_version"_s), QString::number(Store::schemaVersion));
    QCOMPARE(raw.scalar(u"PRAGMA journal_mode"_s), u"wal"_s); // WAL is kept in the file
    QCOMPARE(raw.scalar(u"SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' "
                        "ORDER BY name)"_s),
        u"cursors,files,folders,jobs,runs"_s); // cursors, folders: schema 3 (issue 12)
}

void TestJournal::upsertFlushReopenReadsBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    FileRow row;
    qint64 job = 0;
    qint64 runId = 0;
    {
        Store store;
        QVERIFY(store.open(path).ok());
        job = makeJob(store);
        QVERIFY(job > 0);
        QVERIFY(store.startRun(job, QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC), &runId).ok());
        row = file(job, u"id-1"_s, u"a/report.pdf"_s, u"transferring"_s);
        row.run = runId;
        row.drivePath = u"My Drive/a/report.pdf"_s;
        row.revision = u"rev-7"_s;
        row.size = 1'073'741'824;
        row.md5 = u"9e107d9d372bb6826bd81d3542a419d6"_s;
        row.sha256 = u"d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"_s;
        row.bytes = 858'993'459;
        row.resumeOffset = 805'306'368;
        row.reason = u"connection reset"_s;
        row.destinationPath = u"/data/landing/a/report.pdf"_s;
        row.started = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);
        store.upsertFile(file(job, u"id-1"_s, u"a/report.pdf"_s, u"queued"_s));
        store.upsertFile(row); // the same key again: replaces the queued row
        QCOMPARE(store.queuedCount(), 1);
        const Result flushed = store.flush();
        QVERIFY2(flushed.ok(), qPrintable(flushed.message));
        QCOMPARE(store.queuedCount(), 0);
        // An update of a committed row.
        row.state = u"done"_s;
        row.bytes = row.size;
        row.computedHash = u"md5:9e107d9d372bb6826bd81d3542a419d6"_s;
        row.ended = QDateTime::fromMSecsSinceEpoch(1'700'000'009'000, Qt::UTC);
        store.upsertFile(row);
        QVERIFY(store.endRun(runId, QDateTime::fromMSecsSinceEpoch(2000, Qt::UTC), u"completed"_s).ok());
        // closing flushes what is queued
    }
    Store store;
    QVERIFY(store.open(path).ok());
    const QList<FileRow> files = store.files(job);
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first(), row);
    const QList<Journal::RunRow> runs = store.runs(job);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().outcome, u"completed"_s);
    QCOMPARE(runs.first().ended, QDateTime::fromMSecsSinceEpoch(2000, Qt::UTC));
}

void TestJournal::rowsAreInvisibleToOthersUntilFlushed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    Store store;
    store.setFlushInterval(3'600'000); // no timer flush during this test
    QVERIFY(store.open(path).ok());
    const qint64 job = makeJob(store);
    RawConnection other(path);
    QVERIFY(other.isOpen());
    for (int i = 0; i < 100; ++i)
        store.upsertFile(file(job, u"id-%1"_s.arg(i), u"f%1.bin"_s.arg(i), u"queued"_s));
    QCOMPARE(store.queuedCount(), 100);
    QCOMPARE(other.scalar(u"SELECT COUNT(*) FROM files"_s), u"0"_s);
    QVERIFY(store.flush().ok());
    QCOMPARE(other.scalar(u"SELECT COUNT(*) FROM files"_s), u"100"_s);
}

void TestJournal::theTimerFlushes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    Store store;
    store.setFlushInterval(10);
    QVERIFY(store.open(path).ok());
    const qint64 job = makeJob(store);
    store.upsertFile(file(job, u"id-1"_s, u"one"_s, u"queued"_s));
    RawConnection other(path);
    QTRY_COMPARE(store.queuedCount(), 0);
    QCOMPARE(other.scalar(u"SELECT COUNT(*) FROM files"_s), u"1"_s);
}

void TestJournal::aFullBatchCommitsWithoutTheTimer()
{
    // A listing queues rows faster than the timer commits them: the queue stays bounded (issue 11, memory).
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    Store store;
    store.setFlushInterval(3'600'000);
    QVERIFY(store.open(path).ok());
    const qint64 job = makeJob(store);
    RawConnection other(path);
    const int full = int(Store::MaxQueuedRows);
    for (int i = 0; i < full - 1; ++i)
        store.upsertFile(file(job, u"id-%1"_s.arg(i), u"f%1.bin"_s.arg(i), u"queued"_s));
    QCOMPARE(store.queuedCount(), full - 1);
    QCOMPARE(other.scalar(u"SELECT COUNT(*) FROM files"_s), u"0"_s);
    store.upsertFile(file(job, u"id-last"_s, u"last.bin"_s, u"queued"_s));
    QCOMPARE(store.queuedCount(), 0);
    QCOMPARE(other.scalar(u"SELECT COUNT(*) FROM files"_s), QString::number(full));
    // A row queued again replaces its queued twin: it does not count twice towards the bound.
    store.upsertFile(file(job, u"id-1"_s, u"f1.bin"_s, u"done"_s));
    store.upsertFile(file(job, u"id-1"_s, u"f1.bin"_s, u"done"_s));
    QCOMPARE(store.queuedCount(), 1);
}

void TestJournal::readsByStateCountsAndReceipts()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.filePath(u"journal.sqlite"_s)).ok());
    const qint64 job = makeJob(store);
    qint64 first = 0;
    qint64 second = 0;
    QVERIFY(store.startRun(job, QDateTime::currentDateTimeUtc(), &first).ok());
    QVERIFY(store.startRun(job, QDateTime::currentDateTimeUtc(), &second).ok());
    const QStringList states { u"done"_s, u"done"_s, u"failed"_s, u"queued"_s, u"done"_s };
    for (qsizetype i = 0; i < states.size(); ++i)
    {
        FileRow row = file(job, u"id-%1"_s.arg(i), u"f%1"_s.arg(i), states.at(i));
        row.run = i < 2 ? first : second;
        store.upsertFile(row);
    }
    // One Drive file landing twice (a shortcut in another folder): two rows.
    store.upsertFile(file(job, u"id-0"_s, u"elsewhere/f0"_s, u"queued"_s));
    QVERIFY(store.flush().ok());

    const QMap<QString, qint64> counts = store.countsByState(job);
    QCOMPARE(counts, (QMap<QString, qint64> { { u"done"_s, 3 }, { u"failed"_s, 1 }, { u"queued"_s, 2 } }));
    QStringList done;
    for (const FileRow &row : store.files(job, u"done"_s))
        done.append(row.relativePath);
    QCOMPARE(done, (QStringList { u"f0"_s, u"f1"_s, u"f4"_s })); // in the order first recorded
    QCOMPARE(store.files(job, u"done"_s, 2).size(), 2);
    QCOMPARE(store.files(job).size(), 6);
    QCOMPARE(store.receipts(first).size(), 2);
    QCOMPARE(store.receipts(second).size(), 3);
    QVERIFY(store.files(job + 1).isEmpty());
}

void TestJournal::jobsByKeyAndNameAndForget()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.filePath(u"journal.sqlite"_s)).ok());
    Journal::JobRow job;
    QVERIFY(store.ensureJob({ u"b"_s, u"a"_s }, u"/dest"_s, u"nightly"_s, &job).ok());
    QCOMPARE(job.sources, (QStringList { u"a"_s, u"b"_s }));
    Journal::JobRow same;
    QVERIFY(store.ensureJob({ u"a"_s, u"b"_s, u"a"_s }, u"/dest"_s, {}, &same).ok());
    QCOMPARE(same.id, job.id); // the same sources and destination are the same job
    QCOMPARE(same.name, u"nightly"_s);
    QCOMPARE(store.jobByName(u"nightly"_s)->id, job.id);
    QCOMPARE(store.jobByKey(Journal::jobKey({ u"a"_s, u"b"_s }, u"/dest"_s))->destination, u"/dest"_s);
    QVERIFY(!store.jobByName(u"weekly"_s));

    Journal::JobRow other;
    const Result taken = store.ensureJob({ u"c"_s }, u"/dest"_s, u"nightly"_s, &other);
    QVERIFY(!taken.ok());
    QVERIFY2(taken.message.contains(u"nightly"_s), qPrintable(taken.message));
    QCOMPARE(store.jobs().size(), 1);

    qint64 runId = 0;
    QVERIFY(store.startRun(job.id, QDateTime::currentDateTimeUtc(), &runId).ok());
    store.upsertFile(file(job.id, u"id"_s, u"f"_s, u"done"_s));
    QVERIFY(store.flush().ok());
    store.upsertFile(file(job.id, u"id2"_s, u"g"_s, u"queued"_s));
    QVERIFY(store.forgetJob(job.id).ok());
    QCOMPARE(store.queuedCount(), 0);
    QVERIFY(store.jobs().isEmpty());
    QVERIFY(store.runs(job.id).isEmpty());
    QVERIFY(store.files(job.id).isEmpty());
}

void TestJournal::damagedJournalIsMovedAside_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("reason");
    QTest::newRow("garbage") << u"garbage"_s << u"file is not a database"_s;
    QTest::newRow("truncated") << u"truncated"_s << u"malformed"_s;
    // Pages 1-3 intact: SQLite opens it and sets its pragmas; only quick_check finds the damage.
    QTest::newRow("overwritten pages") << u"pages"_s << u"quick_check found"_s;
}

void TestJournal::damagedJournalIsMovedAside()
{
    QFETCH(QString, damage);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    {
        Store store;
        QVERIFY(store.open(path).ok());
        const qint64 job = makeJob(store);
        for (int i = 0; i < 2000; ++i)
            store.upsertFile(file(job, u"id-%1"_s.arg(i), u"folder/some longer file name %1.bin"_s.arg(i), u"done"_s));
        QVERIFY(store.flush().ok());
    }
    QFile db(path);
    const qint64 size = db.size();
    QVERIFY(size > 16 * 4096);
    QVERIFY(db.open(QIODevice::ReadWrite));
    if (damage == u"garbage"_s)
    {
        QVERIFY(db.resize(0));
        QVERIFY(db.write(QByteArray(8192, 'x')) == 8192);
    }
    else if (damage == u"truncated"_s)
    {
        QVERIFY(db.resize(size / 2 + 100)); // cut mid-page, as a copy or a full disk might leave it
    }
    else
    {
        QVERIFY(db.seek(3 * 4096)); // the header is intact; table pages are not
        QVERIFY(db.write(QByteArray(8 * 4096, '\x5a')) == 8 * 4096);
    }
    db.close();

    Store store;
    const Result result = store.open(path);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY2(
        result.message.contains(u"damaged"_s) && result.message.contains(u"new journal"_s), qPrintable(result.message));
    QVERIFY2(result.message.contains(reason), qPrintable(result.message));
    QVERIFY(result.movedAsideTo.startsWith(path + u".corrupt-"_s));
    QVERIFY(result.message.contains(result.movedAsideTo));
    QVERIFY(QFile::exists(result.movedAsideTo)); // kept for diagnosis, never deleted
    QCOMPARE(QFileInfo(result.movedAsideTo).size(),
        damage == u"garbage"_s         ? 8192
            : damage == u"truncated"_s ? size / 2 + 100
                                       : size);
    // The new journal works.
    QVERIFY(store.jobs().isEmpty());
    const qint64 job = makeJob(store);
    QVERIFY(job > 0);
    store.upsertFile(file(job, u"id"_s, u"f"_s, u"queued"_s));
    QVERIFY(store.flush().ok());
    QCOMPARE(store.files(job).size(), 1);
}

void TestJournal::newerSchemaIsLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    {
        Store store;
        QVERIFY(store.open(path).ok());
    }
    {
        RawConnection raw(path);
        QCOMPARE(raw.scalar(u"PRAGMA user_version = 99"_s), QString());
    }
    Store store;
    const Result result = store.open(path);
    QCOMPARE(result.status, Result::Status::TooNew);
    QVERIFY2(result.message.contains(u"newer version"_s), qPrintable(result.message));
    QVERIFY(!store.isOpen());
    QVERIFY(QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList({ u"*.corrupt-*"_s }, QDir::Files), QStringList());
}

void TestJournal::secondStoreInThisProcessIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    Store first;
    QVERIFY(first.open(path).ok());
    const qint64 job = makeJob(first);

    Store second;
    const Result refused = second.open(path);
    QCOMPARE(refused.status, Result::Status::Locked);
    QVERIFY2(refused.message.contains(u"in use by another drive-ingest process"_s), qPrintable(refused.message));
    QVERIFY2(
        refused.message.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(refused.message));
    QVERIFY(!second.isOpen());
    // The first is untouched by the refusal.
    first.upsertFile(file(job, u"id"_s, u"f"_s, u"queued"_s));
    QVERIFY(first.flush().ok());

    first.close();
    const Result now = second.open(path);
    QVERIFY2(now.ok(), qPrintable(now.message));
    QCOMPARE(second.files(job).size(), 1);
}

void TestJournal::anotherProcessIsRefusedAndItsDeathFreesTheLock()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    QProcess holder;
    holder.start(QCoreApplication::applicationFilePath(), { u"--hold-journal"_s, path });
    QVERIFY(holder.waitForStarted());
    QVERIFY(holder.waitForReadyRead(30'000));
    const QString said = QString::fromLocal8Bit(holder.readLine()).trimmed();
    QCOMPARE(said, u"held %1"_s.arg(holder.processId()));

    Store store;
    const Result refused = store.open(path);
    QCOMPARE(refused.status, Result::Status::Locked);
    QVERIFY2(refused.message.contains(u"pid %1"_s.arg(holder.processId())), qPrintable(refused.message));

    holder.kill(); // SIGKILL: no chance to clean up; the kernel drops the lock
    QVERIFY(holder.waitForFinished(30'000));
    const Result after = store.open(path);
    QVERIFY2(after.ok(), qPrintable(after.message));
    QVERIFY(after.movedAsideTo.isEmpty()); // a killed holder leaves a journal, not a damaged one
}

void TestJournal::stateFolderUnderAFileIsAClearError()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"state"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    Store store;
    const Result result = store.open(dir.filePath(u"state/drive-ingest/journal.sqlite"_s));
    QCOMPARE(result.status, Result::Status::StateDirectory);
    QVERIFY2(result.message.contains(u"Cannot keep the journal in"_s) && result.message.contains(u"not a folder"_s),
        qPrintable(result.message));
    QVERIFY(!store.isOpen());
}

void TestJournal::readOnlyStateFolderIsAClearError()
{
    QTemporaryDir dir;
    const QFileDevice::Permissions readOnly = QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(dir.path(), readOnly | QFileDevice::WriteOwner)); // others may enter
    const QString folder = dir.filePath(u"state"_s);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::setPermissions(folder, readOnly));
    const QString path = folder + u"/journal.sqlite"_s;
    QString said;
    if (::geteuid() != 0)
    {
        Store store;
        const Result result = store.open(path);
        said = (result.ok() ? u"held "_s : u"refused %1 "_s.arg(int(result.status))) + result.message;
    }
    else
    {
        // Root writes into any folder: the refusal is seen from a child process running as nobody.
        const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
        if (setpriv.isEmpty())
            QSKIP("running as root without setpriv: a read-only folder is writable for root here");
        QProcess child;
        child.start(setpriv,
            { u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s, QCoreApplication::applicationFilePath(),
                u"--hold-journal"_s, path });
        QVERIFY(child.waitForStarted());
        child.closeWriteChannel();
        QVERIFY(child.waitForFinished(30'000));
        said = QString::fromLocal8Bit(child.readAllStandardOutput()).trimmed();
        if (!said.startsWith(u"held"_s) && !said.startsWith(u"refused"_s))
            QSKIP(qPrintable(u"cannot run this test as nobody to see the refusal: "_s
                + QString::fromLocal8Bit(child.readAllStandardError())));
    }
    QFile::setPermissions(folder, readOnly | QFileDevice::WriteOwner);
    QVERIFY2(said.startsWith(
                 u"refused %1 Cannot keep the journal in %2"_s.arg(int(Result::Status::StateDirectory)).arg(folder)),
        qPrintable(said));
    QVERIFY2(said.contains(u"Permission denied"_s) || said.contains(u"cannot write"_s), qPrintable(said));
    QVERIFY(!QFile::exists(path + u".lock"_s)); // refused before anything was made there
    QVERIFY(!QFile::exists(path));
}

void TestJournal::aFailedFlushKeepsTheRowsAndSaysSo()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    Store store;
    store.setFlushInterval(10);
    QVERIFY(store.open(path).ok());
    const qint64 job = makeJob(store);
    QSignalSpy failed(&store, &Store::flushFailed);
    store.upsertFile(file(job, u"id-1"_s, u"good"_s, u"queued"_s));
    store.upsertFile(file(job + 1000, u"id-2"_s, u"of no job"_s, u"queued"_s)); // the journal refuses it
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(u"cannot record 2 file(s)"_s),
        qPrintable(failed.first().first().toString()));
    QCOMPARE(store.queuedCount(), 2); // nothing lost: both are still queued
    RawConnection other(path);
    QCOMPARE(other.scalar(u"SELECT COUNT(*) FROM files"_s), u"0"_s); // one transaction: none of the batch landed
    const Result again = store.flush();
    QCOMPARE(again.status, Result::Status::Database);
    QVERIFY(again.message.contains(path));
}

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--hold-journal") == 0)
        return holdJournal(argv[2]);
    QCoreApplication app(argc, argv);
    TestJournal test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_journal.moc"
