// SPDX-License-Identifier: GPL-3.0-or-later
// Journal::Reader (issue 11: the app's History view and resume offer) on real SQLite files written by a
// Journal::Store: it reads while the Store holds the journal (and sees what the Store commits later), a
// journal left by a crashed writer (its -wal beside it), no journal at all (nothing made), a newer schema.
#include "journal/reader.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Journal::FileRow;
using Journal::Reader;
using Journal::Result;
using Journal::Store;

namespace
{
FileRow file(qint64 job, qint64 run, const QString &path, const QString &state, qint64 bytes)
{
    FileRow row;
    row.job = job;
    row.run = run;
    row.driveId = u"id-"_s + path;
    row.relativePath = path;
    row.state = state;
    row.bytes = bytes;
    row.destinationPath = u"/data/"_s + path;
    row.reason = state == u"failed"_s ? u"quota exceeded"_s : QString();
    return row;
}

struct Written
{
    qint64 photos = 0;
    qint64 reports = 0;
    qint64 photosRun1 = 0;
    qint64 photosRun2 = 0;
    qint64 reportsRun = 0;
};

/// Two jobs: "photos" ran twice (ended "completed", then interrupted), the other ran once, interrupted.
Written writeTwoJobs(Store &store)
{
    Written w;
    Journal::JobRow job;
    if (!store.ensureJob({ u"folder-b"_s, u"folder-a"_s }, u"/data/photos"_s, u"photos"_s, &job).ok())
        qWarning("ensureJob failed");
    w.photos = job.id;
    if (!store.ensureJob({ u"file-c"_s }, u"dbfs:/reports"_s, {}, &job).ok())
        qWarning("ensureJob failed");
    w.reports = job.id;
    const QDateTime t0 = QDateTime::fromString(u"2026-12-01T10:00:00Z"_s, Qt::ISODate);
    (void)store.startRun(w.photos, t0, &w.photosRun1);
    store.upsertFile(file(w.photos, w.photosRun1, u"a.jpg"_s, u"done"_s, 100));
    store.upsertFile(file(w.photos, w.photosRun1, u"b.jpg"_s, u"failed"_s, 0));
    (void)store.flush();
    (void)store.endRun(w.photosRun1, t0.addSecs(60), u"completed"_s);
    (void)store.startRun(w.photos, t0.addDays(1), &w.photosRun2);
    store.upsertFile(file(w.photos, w.photosRun2, u"b.jpg"_s, u"transferring"_s, 40));
    store.upsertFile(file(w.photos, w.photosRun2, u"c.jpg"_s, u"queued"_s, 0));
    (void)store.startRun(w.reports, t0.addDays(2), &w.reportsRun);
    store.upsertFile(file(w.reports, w.reportsRun, u"c.pdf"_s, u"done"_s, 7));
    (void)store.flush();
    return w;
}
} // namespace

class TestJournalReader final : public QObject
{
    Q_OBJECT

private slots:
    void readsWhileTheStoreHoldsTheJournal();
    void readsAJournalLeftByACrash();
    void noJournalIsEmptyAndMakesNothing();
    void newerSchemaIsRefused();
};

void TestJournalReader::readsWhileTheStoreHoldsTheJournal()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"state/journal.sqlite"_s);
    Store store;
    QVERIFY2(store.open(path).ok(), "store open");
    const Written w = writeTwoJobs(store);

    Reader reader;
    const Result opened = reader.open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.message));
    QVERIFY(reader.isOpen());
    QVERIFY(reader.isInUse());

    QString error;
    const QList<Reader::JobSummary> jobs = reader.jobs(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs.at(0).job.id, w.photos);
    QCOMPARE(jobs.at(0).job.name, u"photos"_s);
    QCOMPARE(jobs.at(0).job.sources, (QStringList { u"folder-a"_s, u"folder-b"_s }));
    QCOMPARE(jobs.at(0).job.destination, u"/data/photos"_s);
    // b.jpg was re-touched by run 2: one row per file, the last state.
    const QMap<QString, qint64> photoStates { { u"done"_s, 1 }, { u"transferring"_s, 1 }, { u"queued"_s, 1 } };
    QCOMPARE(jobs.at(0).filesByState, photoStates);
    QCOMPARE(jobs.at(0).bytes, 140);
    QVERIFY(jobs.at(0).lastRun);
    QCOMPARE(jobs.at(0).lastRun->id, w.photosRun2);
    QVERIFY(jobs.at(0).lastRun->outcome.isEmpty());
    QCOMPARE(jobs.at(1).job.destination, u"dbfs:/reports"_s);
    QCOMPARE(jobs.at(1).bytes, 7);

    const QList<Journal::RunRow> runs = reader.runs(w.photos);
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).outcome, u"completed"_s);
    QCOMPARE(runs.at(0).ended, QDateTime::fromString(u"2026-12-01T10:01:00Z"_s, Qt::ISODate));
    QVERIFY(!runs.at(1).ended.isValid());
    const QMap<qint64, qint64> counts { { w.photosRun1, 1 }, { w.photosRun2, 2 } };
    QCOMPARE(reader.receiptCounts(w.photos), counts);

    const QList<FileRow> receipts = reader.receipts(w.photosRun2);
    QCOMPARE(receipts.size(), 2);
    QCOMPARE(receipts.at(0).relativePath, u"b.jpg"_s);
    QCOMPARE(receipts.at(0).bytes, 40);
    QCOMPARE(receipts.at(0).destinationPath, u"/data/b.jpg"_s);
    QCOMPARE(reader.receipts(w.photosRun2, 1).size(), 1);
    QCOMPARE(reader.receipts(w.photosRun1).at(0).relativePath, u"a.jpg"_s);

    // What the Store commits later is seen by the open reader; the reader leaves the Store able to write.
    (void)store.endRun(w.photosRun2, QDateTime::currentDateTimeUtc(), u"completed"_s);
    store.upsertFile(file(w.photos, w.photosRun2, u"c.jpg"_s, u"done"_s, 30));
    QVERIFY(store.flush().ok());
    QCOMPARE(reader.runs(w.photos).at(1).outcome, u"completed"_s);
    QCOMPARE(reader.jobs().at(0).filesByState.value(u"done"_s), 2);

    store.close();
    QVERIFY(!reader.isInUse());
    QCOMPARE(reader.jobs().size(), 2);
}

void TestJournalReader::readsAJournalLeftByACrash()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    const QString copy = dir.filePath(u"crashed/journal.sqlite"_s);
    QVERIFY(QDir().mkpath(dir.filePath(u"crashed"_s)));
    {
        Store store;
        QVERIFY(store.open(path).ok());
        const Written w = writeTwoJobs(store);
        // What a kill -9 leaves: the database and its write-ahead log, the commits only in the log.
        QVERIFY(QFile::exists(path + u"-wal"_s));
        QVERIFY(QFile::copy(path, copy));
        QVERIFY(QFile::copy(path + u"-wal"_s, copy + u"-wal"_s));
        Q_UNUSED(w);
    }
    Reader reader;
    const Result opened = reader.open(copy);
    QVERIFY2(opened.ok(), qPrintable(opened.message));
    QVERIFY(!reader.isInUse());
    const QList<Reader::JobSummary> jobs = reader.jobs();
    QCOMPARE(jobs.size(), 2);
    QVERIFY(jobs.at(1).lastRun);
    QVERIFY(jobs.at(1).lastRun->outcome.isEmpty());
    QCOMPARE(reader.receipts(jobs.at(1).lastRun->id).size(), 1);
}

void TestJournalReader::noJournalIsEmptyAndMakesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"state/journal.sqlite"_s);
    Reader reader;
    QVERIFY(reader.open(path).ok());
    QVERIFY(!reader.isOpen());
    QVERIFY(reader.jobs().isEmpty());
    QVERIFY(reader.runs(1).isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath(u"state"_s)));
}

void TestJournalReader::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    {
        Store store;
        QVERIFY(store.open(path).ok());
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(u"PRAGMA user_version = 99"_s);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    Reader reader;
    const Result opened = reader.open(path);
    QCOMPARE(opened.status, Result::Status::TooNew);
    QVERIFY(opened.message.contains(u"99"_s));
    QVERIFY(!reader.isOpen());
    QVERIFY(reader.jobs().isEmpty());
}

QTEST_GUILESS_MAIN(TestJournalReader)
#include "tst_journalreader.moc"
