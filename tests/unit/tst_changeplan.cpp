// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12: ChangePlan's rules one by one (pure), and the journal's schema 3 (tokens, folders, the moves and
// removals an incremental run writes), including the upgrade of a schema-2 journal that keeps its rows.
#include "journal/store.h"
#include "transfer/changeplan.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Transfer::ChangePlan;

namespace
{
Drive::Change fileChange(const QString &id, const QString &name, const QString &parent, bool trashed = false)
{
    Drive::Change change;
    change.fileId = id;
    change.file.id = id;
    change.file.name = name;
    change.file.mimeType = u"application/octet-stream"_s;
    change.file.parents = {parent};
    change.file.trashed = trashed;
    return change;
}
Drive::Change folderChange(const QString &id, const QString &name, const QString &parent, bool trashed = false)
{
    Drive::Change change = fileChange(id, name, parent, trashed);
    change.file.mimeType = QString::fromLatin1(Drive::FolderMime);
    return change;
}
Drive::Change removal(const QString &id)
{
    Drive::Change change;
    change.fileId = id;
    change.removed = true;
    return change;
}
/// root (source, lands at "Root") > A ("Root/A") > B ("Root/A/B [x]": a settled duplicate name)
QList<Journal::FolderRow> known()
{
    return {{1, u"root"_s, {}, u"Root"_s, u"Root"_s}, {1, u"a"_s, u"root"_s, u"A"_s, u"Root/A"_s},
            {1, u"b"_s, u"a"_s, u"B"_s, u"Root/A/B [x]"_s}};
}
} // namespace

class TestChangePlan final : public QObject
{
    Q_OBJECT

private slots:
    void aChangedFileInAKnownFolderIsPlacedThere()
    {
        const ChangePlan plan({u"root"_s}, known(), {fileChange(u"f"_s, u"f.bin"_s, u"b"_s)});
        QCOMPARE(plan.files.size(), 1);
        QCOMPARE(plan.files.first().parent.relativePath, u"Root/A/B [x]"_s);
        QCOMPARE(plan.files.first().parent.segments, (QStringList {u"Root"_s, u"A"_s, u"B"_s}));
        QCOMPARE(plan.files.first().parent.ids, (QStringList {u"root"_s, u"a"_s, u"b"_s}));
        QVERIFY(plan.goneFiles.isEmpty() && plan.moved.isEmpty() && plan.toList.isEmpty());
    }

    void trashedRemovedAndMovedOutFilesAreGone()
    {
        const ChangePlan plan({u"root"_s}, known(),
                              {fileChange(u"t"_s, u"t.bin"_s, u"a"_s, true), removal(u"r"_s),
                               fileChange(u"o"_s, u"o.bin"_s, u"elsewhere"_s)});
        QCOMPARE(plan.goneFiles, (QStringList {u"t"_s, u"r"_s, u"o"_s}));
        QVERIFY(plan.files.isEmpty());
    }

    void aRenamedFolderMovesWithItsSubtree()
    {
        const ChangePlan plan({u"root"_s}, known(), {folderChange(u"a"_s, u"A2"_s, u"root"_s),
                                                    fileChange(u"f"_s, u"f.bin"_s, u"b"_s)});
        QCOMPARE(plan.moved.size(), 1);
        QCOMPARE(plan.moved.first().before.relativePath, u"Root/A"_s);
        QCOMPARE(plan.moved.first().after.relativePath, u"Root/A2"_s);
        // B keeps its settled name below the new place; a file in it lands there.
        QCOMPARE(plan.files.first().parent.relativePath, u"Root/A2/B [x]"_s);
        QCOMPARE(plan.updatedFolders.size(), 2);
        QVERIFY(plan.forgottenFolders.isEmpty());
    }

    void aFolderMovedOutIsGoneWithEverythingBelow()
    {
        const ChangePlan plan({u"root"_s}, known(), {folderChange(u"a"_s, u"A"_s, u"elsewhere"_s),
                                                    fileChange(u"f"_s, u"f.bin"_s, u"b"_s)});
        QCOMPARE(plan.gone.size(), 1); // the outermost only
        QCOMPARE(plan.gone.first().relativePath, u"Root/A"_s);
        QCOMPARE(plan.goneFiles, QStringList {u"f"_s});
        QCOMPARE(QSet<QString>(plan.forgottenFolders.begin(), plan.forgottenFolders.end()),
                 (QSet<QString> {u"a"_s, u"b"_s}));
    }

    void aFolderMovedInIsListedOnceAndCoversWhatIsInside()
    {
        const ChangePlan plan({u"root"_s}, known(),
                              {folderChange(u"n"_s, u"New"_s, u"a"_s), folderChange(u"d"_s, u"Deep"_s, u"n"_s),
                               fileChange(u"x"_s, u"x.bin"_s, u"d"_s), fileChange(u"y"_s, u"y.bin"_s, u"n"_s)});
        QCOMPARE(plan.toList.size(), 1);
        QCOMPARE(plan.toList.first().file.id, u"n"_s);
        QCOMPARE(plan.toList.first().parent.relativePath, u"Root/A"_s);
        QVERIFY(plan.files.isEmpty()); // the listing fetches them
        QVERIFY(plan.goneFiles.isEmpty());
    }

    void aRenamedSourceKeepsItsPlaceAndALoopIsOutOfScope()
    {
        const ChangePlan plan({u"root"_s}, known(), {folderChange(u"root"_s, u"Renamed"_s, u"myDrive"_s),
                                                    folderChange(u"p"_s, u"P"_s, u"q"_s),
                                                    folderChange(u"q"_s, u"Q"_s, u"p"_s),
                                                    fileChange(u"f"_s, u"f.bin"_s, u"root"_s),
                                                    fileChange(u"g"_s, u"g.bin"_s, u"p"_s)});
        QCOMPARE(plan.files.size(), 1);
        QCOMPARE(plan.files.first().parent.relativePath, u"Root"_s);
        QVERIFY(plan.moved.isEmpty());
        QCOMPARE(plan.goneFiles, QStringList {u"g"_s});
    }

    void theJournalKeepsTokensFoldersMovesAndRemovals()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"journal.sqlite"_s);
        Journal::Store store;
        QVERIFY(store.open(path).ok());
        Journal::JobRow job;
        QVERIFY(store.ensureJob({u"root"_s}, u"/dest"_s, {}, &job).ok());
        QVERIFY(store.cursors(job.id).isEmpty());
        QVERIFY(store.setCursors(job.id, {{QString(), u"12"_s}, {u"0Adrive"_s, u"7"_s}}).ok());
        QVERIFY(store.setCursors(job.id, {{QString(), u"15"_s}}).ok()); // replaces all
        QCOMPARE(store.cursors(job.id), (QMap<QString, QString> {{QString(), u"15"_s}}));
        QList<Journal::FolderRow> folders = known();
        for (Journal::FolderRow &row : folders)
            row.job = job.id;
        QVERIFY(store.saveFolders(folders).ok());
        QCOMPARE(store.folders(job.id).size(), 3);
        QVERIFY(store.forgetFolders(job.id, {u"b"_s}).ok());
        QCOMPARE(store.folders(job.id).size(), 2);

        Journal::FileRow row;
        row.job = job.id;
        row.driveId = u"f"_s;
        row.relativePath = u"Root/A/f.bin"_s;
        row.state = u"done"_s;
        store.upsertFile(row);
        Journal::FileRow other = row;
        other.driveId = u"g"_s;
        other.relativePath = u"Root/A_b/g.bin"_s; // not below Root/A
        store.upsertFile(other);
        QVERIFY(store.flush().ok());
        QCOMPARE(store.filesBelow(job.id, u"Root/A"_s).size(), 1);
        QVERIFY(store.moveFile(row, u"Root/A2/f.bin"_s, u"/dest/Root/A2/f.bin"_s, u"Root/A2/f.bin"_s).ok());
        const QList<Journal::FileRow> moved = store.filesById(job.id, u"f"_s);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.first().relativePath, u"Root/A2/f.bin"_s);
        QCOMPARE(moved.first().destinationPath, u"/dest/Root/A2/f.bin"_s);
        QVERIFY(store.setFileState(moved.first(), u"removed"_s, u"gone"_s).ok());
        QCOMPARE(store.filesById(job.id, u"f"_s).first().state, u"removed"_s);
        QVERIFY(store.forgetJob(job.id).ok()); // tokens and folders go with the job
        QVERIFY(store.folders(job.id).isEmpty() && store.cursors(job.id).isEmpty());
    }

    void aSchema2JournalIsUpgradedKeepingItsRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"journal.sqlite"_s);
        qint64 jobId = 0;
        {
            Journal::Store store;
            QVERIFY(store.open(path).ok());
            Journal::JobRow job;
            QVERIFY(store.ensureJob({u"root"_s}, u"/dest"_s, u"kept"_s, &job).ok());
            jobId = job.id;
        }
        {
            // Back to what version 2 had: no cursors, no folders, user_version 2.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"DROP TABLE cursors"_s));
            QVERIFY(query.exec(u"DROP TABLE folders"_s));
            QVERIFY(query.exec(u"PRAGMA user_version = 2"_s));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"downgrade"_s);
        Journal::Store store;
        QVERIFY(store.open(path).ok());
        QCOMPARE(store.jobByName(u"kept"_s)->id, jobId);
        QVERIFY(store.setCursors(jobId, {{QString(), u"3"_s}}).ok());
        QCOMPARE(store.cursors(jobId).value(QString()), u"3"_s);
    }
};

QTEST_GUILESS_MAIN(TestChangePlan)
#include "tst_changeplan.moc"
