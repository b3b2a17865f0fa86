// SPDX-License-Identifier: GPL-3.0-or-later
// A report's files (Transfer::FileList, issue 11 acceptance 4): a run's settled files written out in chunks to an
// unlinked temporary file and read back in the order found, merged with the files kept in memory.
#include "transfer/snapshot.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Transfer::FileList;
using Transfer::FileState;
using Transfer::FileStatus;

namespace
{
FileStatus file(quint64 key)
{
    FileStatus f;
    f.key = key;
    f.driveId = u"id-"_s + QString::number(key);
    f.drivePath = u"Tree/ä b/"_s + QString::number(key) + u".bin"_s;
    f.destinationPath = u"/dest/Tree/"_s + QString::number(key) + u".bin"_s;
    f.mimeType = u"application/octet-stream"_s;
    f.exportMimeType = key % 3 == 0 ? u"text/csv"_s : QString();
    f.state = key % 2 == 0 ? FileState::Done : FileState::Skipped;
    f.bytesDone = qint64(key) * 1000;
    f.bytesTotal = key % 3 == 0 ? -1 : qint64(key) * 1000;
    f.rate = 1.5 * double(key);
    f.retries = int(key % 4);
    f.lastError = {Net::ErrorClass::Transient, 503, u"backendError"_s, u"try "_s + QString::number(key),
                   std::chrono::milliseconds(qint64(key))};
    f.hash = u"md5:"_s + QString::number(key, 16);
    f.seconds = 0.25 * double(key);
    return f;
}

void compareFile(const FileStatus &got, const FileStatus &want)
{
    QCOMPARE(got.key, want.key);
    QCOMPARE(got.driveId, want.driveId);
    QCOMPARE(got.drivePath, want.drivePath);
    QCOMPARE(got.destinationPath, want.destinationPath);
    QCOMPARE(got.mimeType, want.mimeType);
    QCOMPARE(got.exportMimeType, want.exportMimeType);
    QCOMPARE(got.state, want.state);
    QCOMPARE(got.bytesDone, want.bytesDone);
    QCOMPARE(got.bytesTotal, want.bytesTotal);
    QCOMPARE(got.rate, want.rate);
    QCOMPARE(got.retries, want.retries);
    QCOMPARE(got.lastError.errorClass, want.lastError.errorClass);
    QCOMPARE(got.lastError.httpStatus, want.lastError.httpStatus);
    QCOMPARE(got.lastError.reason, want.lastError.reason);
    QCOMPARE(got.lastError.message, want.lastError.message);
    QCOMPARE(got.lastError.retryAfter, want.lastError.retryAfter);
    QCOMPARE(got.hash, want.hash);
    QCOMPARE(got.seconds, want.seconds);
}
} // namespace

class TestFileList final : public QObject
{
    Q_OBJECT

private slots:
    void aListBuiltWholeIsAList();
    void spilledFilesComeBackWholeInTheOrderFound();
    void theSpillLeavesNothingInItsFolder();
    void copiesShareWhatWasSpilled();
    void aFolderThatCannotTakeItFallsBackToTheTemporaryFolder();
};

void TestFileList::aListBuiltWholeIsAList()
{
    FileList list {file(3), file(1)};
    list << file(2);
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.spilledCount(), 0);
    // Nothing spilled: the order given, not by key.
    QCOMPARE(list.at(0).key, 3u);
    QCOMPARE(list.first().key, 3u);
    list[2].state = FileState::Failed;
    QCOMPARE(list.toList().at(2).state, FileState::Failed);
    QCOMPARE(FileList().isEmpty(), true);
    QVERIFY(FileList().begin() == FileList().end());
}

void TestFileList::spilledFilesComeBackWholeInTheOrderFound()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    FileList list;
    list.setSpillFolder(folder.path());
    // 2,600 settled files spilled in the order found, but every 700th kept to the end (a failure retried).
    const quint64 count = 2600;
    QList<FileStatus> kept;
    for (quint64 key = 1; key <= count; ++key)
    {
        if (key % 700 == 0)
            kept.append(file(key));
        else
            list.spill(file(key));
    }
    for (const FileStatus &f : kept)
        list.append(f);
    QCOMPARE(list.size(), qsizetype(count));
    QCOMPARE(list.spilledCount(), 2 * FileList::ChunkSize); // two whole chunks are on disk, the rest waits
    quint64 want = 1;
    for (const FileStatus &got : list)
    {
        compareFile(got, file(want));
        ++want;
    }
    QCOMPARE(want, count + 1);
    // Iterated twice at once: each iterator reads its own chunks.
    auto a = list.begin();
    auto b = list.begin();
    for (int i = 0; i < 1500; ++i)
        ++a;
    QCOMPARE(a->key, 1501u);
    QCOMPARE(b->key, 1u);
    ++b;
    QCOMPARE(b->key, 2u);
    compareFile(list.at(2099), file(2100));
}

void TestFileList::theSpillLeavesNothingInItsFolder()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    FileList list;
    list.setSpillFolder(folder.path());
    for (quint64 key = 1; key <= quint64(FileList::ChunkSize) * 3; ++key)
        list.spill(file(key));
    QCOMPARE(list.spilledCount(), 3 * FileList::ChunkSize);
    // Unlinked once opened: a run killed with -9 leaves no report file behind.
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList());
    QCOMPARE(list.at(3 * FileList::ChunkSize - 1).key, quint64(3 * FileList::ChunkSize));
}

void TestFileList::copiesShareWhatWasSpilled()
{
    QTemporaryDir folder;
    FileList list;
    list.setSpillFolder(folder.path());
    for (quint64 key = 1; key <= 1500; ++key)
        list.spill(file(key));
    const FileList copy = list;
    // The original goes on: the copy keeps what it had.
    for (quint64 key = 1501; key <= 2200; ++key)
        list.spill(file(key));
    QCOMPARE(copy.size(), 1500);
    QCOMPARE(list.size(), 2200);
    quint64 want = 1;
    for (const FileStatus &got : copy)
        QCOMPARE(got.key, want++);
    QCOMPARE(want, 1501u);
    want = 1;
    for (const FileStatus &got : list)
        QCOMPARE(got.key, want++);
    QCOMPARE(want, 2201u);
}

void TestFileList::aFolderThatCannotTakeItFallsBackToTheTemporaryFolder()
{
    QTemporaryDir folder;
    FileList list;
    list.setSpillFolder(folder.filePath(u"not/there"_s));
    for (quint64 key = 1; key <= quint64(FileList::ChunkSize) + 5; ++key)
        list.spill(file(key));
    QCOMPARE(list.spilledCount(), FileList::ChunkSize);
    QCOMPARE(list.size(), FileList::ChunkSize + 5);
    QCOMPARE(list.at(FileList::ChunkSize + 4).key, quint64(FileList::ChunkSize) + 5);
}

QTEST_GUILESS_MAIN(TestFileList)
#include "tst_filelist.moc"
