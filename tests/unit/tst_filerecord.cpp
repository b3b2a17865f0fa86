// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's per-file records (transfer/filerecord.h): keyed for the faces by a handle and for the journal by
// Drive id and landing path; what a transfer's end does to a record (issue 10 item 4).
#include "transfer/filerecord.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Transfer::FileRecord;
using Transfer::FileRecords;
using Transfer::FileState;

namespace
{
Transfer::FileStatus status(const QString &driveId, const QString &path)
{
    Transfer::FileStatus s;
    s.driveId = driveId;
    s.drivePath = path;
    return s;
}

Transfer::TransferJob job(const QString &driveId, const QString &relativePath)
{
    Transfer::TransferJob j;
    j.file.id = driveId;
    j.relativePath = relativePath;
    return j;
}
} // namespace

class TestFileRecord final : public QObject
{
    Q_OBJECT

private slots:
    void keyedByHandleAndByDriveId();
    void aTransfersEndLandsInTheRecord();
    void terminalStates();
    void totalsFollowEveryChange();
    void aSettledRecordKeepsWhatTheReceiptSays();
    void aQueuedRecordKeepsWhatTheTransferReads();
    void settledRecordsShareTheirTexts();
    void aPlainFileIsSaidByItsRecord();
    void theEndHandsTheStatusesOverAndForgets();
    void settledRecordsGoToTheReportInTheOrderFound();
};

void TestFileRecord::keyedByHandleAndByDriveId()
{
    FileRecords records;
    // The same Drive file in two folders (a shortcut elsewhere) lands twice: two records, one Drive id.
    const quint64 a = records.add(status(u"id1"_s, u"A/f"_s), job(u"id1"_s, u"A/f"_s)).status.key;
    const quint64 b = records.add(status(u"id1"_s, u"B/f"_s), job(u"id1"_s, u"B/f"_s)).status.key;
    // A listing failure has no Drive file to move: a record without a job.
    const quint64 c = records.add(status(QString(), u"C/gone"_s)).status.key;
    QVERIFY(a != 0 && b > a && c > b); // handles in the order found
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.keysOf(u"id1"_s), (QList<quint64> {a, b}));
    QVERIFY(records.keysOf(QString()).isEmpty());
    QCOMPARE(records.find(u"id1"_s, u"B/f"_s), records.find(b));
    QCOMPARE(records.find(u"id1"_s, u"C/f"_s), nullptr);
    QCOMPARE(records.find(quint64(99)), nullptr);
    // Every new record is a change for the next snapshot, until the snapshot was sent.
    QVERIFY(records.isChanged(a) && records.isChanged(c));
    records.clearChanged();
    QVERIFY(!records.isChanged(a));
    records.markChanged(a);
    QVERIFY(records.isChanged(a));
    // Iteration is in the order found (the report lists files so).
    QList<quint64> order;
    for (const auto &[key, record] : records)
        order.append(key);
    QCOMPARE(order, (QList<quint64> {a, b, c}));
}

void TestFileRecord::aTransfersEndLandsInTheRecord()
{
    FileRecord record;
    record.status.bytesDone = 700;
    record.resumeOffset = 700;
    record.status.rate = 5;
    // Done: the reason is cleared, an unknown size (an export) becomes what arrived, nothing to continue.
    record.status.lastError = {Net::ErrorClass::Transient, 0, u"stalled"_s, u"retried"_s};
    record.finish(FileState::Done, {}, u"md5:abc"_s, u"/dest/f"_s);
    QCOMPARE(record.status.state, FileState::Done);
    QVERIFY(!record.status.lastError.isError());
    QCOMPARE(record.status.bytesTotal, 700);
    QCOMPARE(record.status.hash, u"md5:abc"_s);
    QCOMPARE(record.status.destinationPath, u"/dest/f"_s);
    QCOMPARE(record.resumeOffset, 0);
    QCOMPARE(record.status.rate, 0.0);

    // Failed: the reason is the error; the resume offset stays for a continuation.
    FileRecord failed;
    failed.status.bytesDone = 300;
    failed.resumeOffset = 300;
    const Net::Error quota {Net::ErrorClass::Quota, 403, u"downloadQuotaExceeded"_s, u"quota"_s};
    failed.finish(FileState::Parked, quota, {}, {});
    QCOMPARE(failed.status.lastError.reason, u"downloadQuotaExceeded"_s);
    QCOMPARE(failed.resumeOffset, 300);
    failed.requeue();
    QCOMPARE(failed.status.state, FileState::Queued);
    QCOMPARE(failed.status.bytesDone, 0);
    QCOMPARE(failed.resumeOffset, 0);
    QVERIFY(!failed.status.lastError.isError());

    // Skipped (already there): nothing moved, whatever the probe read.
    FileRecord skipped;
    skipped.status.bytesDone = 50;
    skipped.finish(FileState::Skipped, {}, u"md5:abc"_s, {});
    QCOMPARE(skipped.status.bytesDone, 0);
}

void TestFileRecord::terminalStates()
{
    for (const FileState s : {FileState::Done, FileState::Skipped, FileState::Failed, FileState::Cancelled, FileState::Parked})
        QVERIFY(Transfer::isTerminal(s));
    for (const FileState s : {FileState::Queued, FileState::Listing, FileState::Transferring, FileState::Verifying, FileState::Paused})
        QVERIFY(!Transfer::isTerminal(s));
}

namespace
{
/// The totals as a full pass over the records counts them (what every tick did before issue 11).
Transfer::Snapshot recounted(const FileRecords &records)
{
    Transfer::Snapshot s;
    for (const auto &[key, record] : records)
        s.count(record.status);
    return s;
}

void compareTotals(const FileRecords &records)
{
    Transfer::Snapshot kept;
    records.countInto(kept);
    const Transfer::Snapshot full = recounted(records);
    QCOMPARE(kept.filesTotal, full.filesTotal);
    QCOMPARE(kept.filesQueued, full.filesQueued);
    QCOMPARE(kept.filesActive, full.filesActive);
    QCOMPARE(kept.filesDone, full.filesDone);
    QCOMPARE(kept.filesSkipped, full.filesSkipped);
    QCOMPARE(kept.filesFailed, full.filesFailed);
    QCOMPARE(kept.filesParked, full.filesParked);
    QCOMPARE(kept.filesCancelled, full.filesCancelled);
    QCOMPARE(kept.bytesDone, full.bytesDone);
    QCOMPARE(kept.bytesTotal, full.bytesTotal);
    QCOMPARE(kept.bytesTotalExact, full.bytesTotalExact);
    QCOMPARE(records.allTerminal(), full.filesQueued == 0 && full.filesActive == 0);
}

Drive::DriveFile fullFile()
{
    Drive::DriveFile file;
    file.id = u"1abc"_s;
    file.name = u"report.bin"_s;
    file.mimeType = u"application/octet-stream"_s;
    file.size = 4096;
    file.md5Checksum = u"0123456789abcdef0123456789abcdef"_s;
    file.sha256Checksum = u"ab"_s.repeated(32);
    file.headRevisionId = u"rev-7"_s;
    file.version = 7;
    file.parents = {u"folder-1"_s};
    file.resourceKey = u"key-1"_s;
    file.createdTime = QDateTime::currentDateTimeUtc();
    file.modifiedTime = file.createdTime;
    file.shortcutTargetId = u"target-1"_s;
    file.exportLinks.insert(u"application/pdf"_s, u"https://example.invalid/pdf"_s);
    return file;
}
} // namespace

void TestFileRecord::totalsFollowEveryChange()
{
    // A tick reads the totals instead of counting every record (a million-file tree): they must be what a full
    // count says after every kind of change, including one of unknown size (an export) that is not over.
    FileRecords records;
    QList<quint64> keys;
    for (int i = 0; i < 6; ++i)
    {
        Transfer::FileStatus s = status(u"id%1"_s.arg(i), u"f%1"_s.arg(i));
        s.bytesTotal = i == 5 ? -1 : 1000 * (i + 1);
        keys.append(records.add(s, job(s.driveId, s.drivePath)).status.key);
    }
    records.add(status(QString(), u"gone"_s)).status.state = FileState::Failed; // changed after add, then marked
    records.markChanged(7);
    compareTotals(records);
    QVERIFY(!records.allTerminal());

    // In flight: state and bytes move (an active file's bytes are recounted without a change mark).
    FileRecord *a = records.find(keys[0]);
    a->status.state = FileState::Transferring;
    records.markChanged(keys[0]);
    records.clearChanged();
    a->status.bytesDone = 400;
    records.recount(keys[0]);
    QVERIFY(!records.isChanged(keys[0]));
    compareTotals(records);

    a->finish(FileState::Done, {}, u"md5:x"_s, {});
    records.markChanged(keys[0]);
    records.find(keys[1])->finish(FileState::Skipped, {}, {}, {});
    records.markChanged(keys[1]);
    records.find(keys[2])->finish(FileState::Failed, {Net::ErrorClass::Permanent, 404, u"notFound"_s, u"gone"_s}, {}, {});
    records.markChanged(keys[2]);
    records.find(keys[3])->status.state = FileState::Paused;
    records.markChanged(keys[3]);
    compareTotals(records);
    QCOMPARE(records.changedKeys(), (QList<quint64> {keys[0], keys[1], keys[2], keys[3]}));

    // Retried: back in the queue and counted there.
    records.find(keys[2])->requeue();
    records.markChanged(keys[2]);
    compareTotals(records);

    for (const quint64 key : keys)
    {
        FileRecord *r = records.find(key);
        if (!r->isTerminal())
        {
            r->status.state = FileState::Transferring;
            r->status.bytesDone = 10;
            records.markChanged(key);
            r->finish(key == keys[5] ? FileState::Done : FileState::Cancelled, {}, {}, {});
            records.markChanged(key);
        }
    }
    compareTotals(records);
    QVERIFY(records.allTerminal());
    Transfer::Snapshot kept;
    records.countInto(kept);
    QCOMPARE(kept.filesTotal, 7);
    QCOMPARE(kept.filesDone, 2);
    QCOMPARE(kept.filesSkipped, 1);
    QCOMPARE(kept.filesCancelled, 3);
    QCOMPARE(kept.filesFailed, 1);
    QCOMPARE(kept.bytesDone, 400 + 10 * 4);
    QVERIFY(kept.bytesTotalExact); // the export is over: its size is what arrived
}

void TestFileRecord::aSettledRecordKeepsWhatTheReceiptSays()
{
    FileRecords records;
    Transfer::FileStatus s = status(u"1abc"_s, u"A/report.bin"_s);
    s.mimeType = u"application/octet-stream"_s;
    Transfer::TransferJob j {FileRecord::forTransfer(fullFile()), u"A/report.bin"_s, {}, {}, {}};
    FileRecord &done = records.add(s, j);
    done.finish(FileState::Done, {}, u"md5:0123456789abcdef0123456789abcdef"_s, u"/dest/A/report.bin"_s);
    // The journal row and the receipt: where it landed, Drive's size and hashes (the revision is the record's).
    QCOMPARE(done.status.driveId, u"1abc"_s);
    QCOMPARE(done.status.mimeType, u"application/octet-stream"_s);
    QCOMPARE(done.landing.relativePath, u"A/report.bin"_s);
    QCOMPARE(done.landing.size, 4096);
    QCOMPARE(done.landing.md5, fullFile().md5Checksum);
    QCOMPARE(done.landing.sha256, fullFile().sha256Checksum);
    QVERIFY(done.landing.exportMimeType.isEmpty());
    QCOMPARE(records.find(u"1abc"_s, u"A/report.bin"_s), &done);
    // The Drive file only a transfer reads (resource key, export links, shortcut target) is gone: it is not retried.
    QVERIFY(!done.job);

    // A failed file may be retried: it keeps all of it.
    FileRecord &failed = records.add(s, {FileRecord::forTransfer(fullFile()), u"B/report.bin"_s, {}, {}, {}});
    failed.finish(FileState::Failed, {Net::ErrorClass::Permanent, 403, u"forbidden"_s, u"no"_s}, {}, {});
    QVERIFY(failed.job);
    QCOMPARE(failed.job->file.resourceKey, u"key-1"_s);
    QCOMPARE(failed.job->file.exportLinks.size(), 1);
    QCOMPARE(failed.job->file.shortcutTargetId, u"target-1"_s);
    QCOMPARE(failed.landing.relativePath, u"B/report.bin"_s);

    // Records share one copy of each mime type.
    QCOMPARE(failed.status.mimeType.constData(), done.status.mimeType.constData());
    QCOMPARE(failed.job->file.mimeType.constData(), failed.status.mimeType.constData());
}

void TestFileRecord::aQueuedRecordKeepsWhatTheTransferReads()
{
    const Drive::DriveFile file = FileRecord::forTransfer(fullFile());
    // Placing the file read these; the transfer, the journal and the receipt do not.
    QVERIFY(file.name.isEmpty());
    QVERIFY(file.parents.isEmpty());
    QVERIFY(!file.createdTime.isValid());
    QVERIFY(!file.modifiedTime.isValid());
    // The requests (resource key, shortcut target, export links) and the checks (size, hashes, revision) do.
    QCOMPARE(file.id, u"1abc"_s);
    QCOMPARE(file.resourceKey, u"key-1"_s);
    QCOMPARE(file.shortcutTargetId, u"target-1"_s);
    QCOMPARE(file.exportLinks.size(), 1);
    QCOMPARE(file.size, 4096);
    QCOMPARE(file.md5Checksum, fullFile().md5Checksum);
    QCOMPARE(file.headRevisionId, u"rev-7"_s);
}

void TestFileRecord::settledRecordsShareTheirTexts()
{
    FileRecords records;
    // The hash as a transfer builds it: a string with room to grow.
    QString grown = u"md5:"_s;
    grown.reserve(200);
    grown += u"0123456789abcdef0123456789abcdef"_s;
    FileRecord &done = records.add(status(u"1"_s, u"A/f"_s), job(u"1"_s, u"A/f"_s));
    done.finish(FileState::Done, {}, grown, u"/dest/A/f"_s);
    records.markChanged(done.status.key);
    QCOMPARE(done.status.hash, grown);
    QVERIFY2(done.status.hash.capacity() < 64, qPrintable(QString::number(done.status.hash.capacity())));

    // Many files skipped with the same note (a dry run's plan) keep one copy of its text; a failure keeps its own.
    // Each note a string of its own, as tr() gives one per file.
    const auto note = [] {
        return Net::Error {Net::ErrorClass::None, 0, u"dryRunNew"_s, u"dry run: %1"_s.arg(u"new, would be copied"_s)};
    };
    FileRecord &a = records.add(status(u"2"_s, u"A/g"_s), job(u"2"_s, u"A/g"_s));
    a.finish(FileState::Skipped, note(), {}, {});
    records.markChanged(a.status.key);
    FileRecord &b = records.add(status(u"3"_s, u"A/h"_s), job(u"3"_s, u"A/h"_s));
    b.finish(FileState::Skipped, note(), {}, {});
    records.markChanged(b.status.key);
    QCOMPARE(b.status.lastError.message, u"dry run: new, would be copied"_s);
    QCOMPARE(a.status.lastError.message.constData(), b.status.lastError.message.constData());
    QCOMPARE(a.status.lastError.reason, u"dryRunNew"_s);
}

void TestFileRecord::aPlainFileIsSaidByItsRecord()
{
    // A plain file (no resource key, shortcut, export links, shared drive): the record keeps no Drive file of its
    // own and its transfer is given the very same one (issue 11, memory of a queued tree).
    FileRecords records;
    Drive::DriveFile plain = FileRecord::forTransfer(fullFile());
    plain.resourceKey.clear();
    plain.shortcutTargetId.clear();
    plain.exportLinks.clear();
    Transfer::FileStatus s = status(plain.id, u"A/report.bin"_s);
    s.mimeType = plain.mimeType;
    FileRecord &queued = records.add(s, {plain, u"A/report.bin"_s, {}, {}, {}});
    QVERIFY(queued.movable);
    QVERIFY(!queued.job);
    QCOMPARE(queued.revision, u"rev-7"_s);
    const auto sameFile = [](const Transfer::TransferJob &given, const Drive::DriveFile &file, const QString &path) {
        QCOMPARE(given.file.id, file.id);
        QCOMPARE(given.file.mimeType, file.mimeType);
        QCOMPARE(given.file.size, file.size);
        QCOMPARE(given.file.md5Checksum, file.md5Checksum);
        QCOMPARE(given.file.sha256Checksum, file.sha256Checksum);
        QCOMPARE(given.file.headRevisionId, file.headRevisionId);
        QCOMPARE(given.file.version, file.version);
        QCOMPARE(given.file.resourceKey, file.resourceKey);
        QCOMPARE(given.file.driveId, file.driveId);
        QCOMPARE(given.file.canDownload, file.canDownload);
        QCOMPARE(given.relativePath, path);
        QCOMPARE(given.resume.offset, 0);
        QVERIFY(!given.conflict);
    };
    sameFile(queued.transferJob(), plain, u"A/report.bin"_s);

    // A continuation from the journal is kept from then on, with the rest as before.
    queued.editJob().resume = {1024, "sink", "hash"};
    QVERIFY(queued.job);
    QCOMPARE(queued.transferJob().resume.offset, 1024);
    QCOMPARE(queued.transferJob().resume.hashState, QByteArray("hash"));
    QCOMPARE(queued.transferJob().file.headRevisionId, u"rev-7"_s);

    // Anything the record cannot say keeps the whole job: a shared drive's file, a resource key, a Google file's
    // export links.
    Drive::DriveFile shared = plain;
    shared.id = u"2abc"_s;
    shared.driveId = u"0Ashared"_s;
    FileRecord &inShared = records.add(status(shared.id, u"S/report.bin"_s), {shared, u"S/report.bin"_s, {}, {}, {}});
    QVERIFY(inShared.job);
    sameFile(inShared.transferJob(), shared, u"S/report.bin"_s);
    QCOMPARE(inShared.transferJob().file.driveId, u"0Ashared"_s);

    Drive::DriveFile doc;
    doc.id = u"3doc"_s;
    doc.mimeType = u"application/vnd.google-apps.document"_s;
    doc.version = 12;
    Transfer::FileStatus ds = status(doc.id, u"D/notes.docx"_s);
    ds.mimeType = doc.mimeType;
    const QString docx = u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s;
    FileRecord &plainDoc = records.add(ds, {doc, u"D/notes.docx"_s, docx, {}, {}});
    QVERIFY(!plainDoc.job);
    QCOMPARE(plainDoc.revision, u"12"_s);
    QCOMPARE(plainDoc.transferJob().exportMimeType, docx);
    sameFile(plainDoc.transferJob(), doc, u"D/notes.docx"_s);
    doc.exportLinks.insert(docx, u"https://example.invalid/docx"_s);
    doc.id = u"4doc"_s;
    ds.driveId = doc.id;
    FileRecord &linkedDoc = records.add(ds, {doc, u"D/other.docx"_s, docx, {}, {}});
    QVERIFY(linkedDoc.job);
    QCOMPARE(linkedDoc.transferJob().file.exportLinks.value(docx), u"https://example.invalid/docx"_s);

    // Settled: nothing to move, nothing kept.
    queued.finish(FileState::Done, {}, u"md5:0123456789abcdef0123456789abcdef"_s, u"/dest/A/report.bin"_s);
    QVERIFY(!queued.movable);
    QVERIFY(!queued.job);
}

void TestFileRecord::theEndHandsTheStatusesOverAndForgets()
{
    FileRecords records;
    for (const QString &path : {u"A/one"_s, u"A/two"_s, u"B/three"_s})
    {
        FileRecord &r = records.add(status(u"id-"_s + path, path), job(u"id-"_s + path, path));
        r.status.bytesTotal = 10;
        r.finish(FileState::Done, {}, u"md5:00"_s, u"/dest/"_s + path);
        r.status.bytesDone = 10;
        records.markChanged(r.status.key);
    }
    const QList<Transfer::FileStatus> statuses = records.takeStatuses();
    QCOMPARE(statuses.size(), 3);
    QCOMPARE(statuses.at(0).drivePath, u"A/one"_s); // in the order found
    QCOMPARE(statuses.at(2).destinationPath, u"/dest/B/three"_s);
    QCOMPARE(statuses.at(1).state, FileState::Done);
    // The receipts still read each record's landing until release().
    QCOMPARE(records.find(statuses.at(1).key)->landing.relativePath, u"A/two"_s);
    records.release();
    QCOMPARE(records.size(), 0);
    QVERIFY(!records.find(statuses.at(0).key));
    QVERIFY(!records.find(u"id-A/one"_s, u"A/one"_s));
    // What the run counted stays: the last snapshot's totals.
    Transfer::Snapshot totals;
    records.countInto(totals);
    QCOMPARE(totals.filesTotal, 3);
    QCOMPARE(totals.filesDone, 3);
    QCOMPARE(totals.bytesDone, 30);
}

void TestFileRecord::settledRecordsGoToTheReportInTheOrderFound()
{
    FileRecords records;
    QList<quint64> keys;
    for (int i = 1; i <= 6; ++i)
    {
        const QString path = u"F/"_s + QString::number(i);
        FileRecord &r = records.add(status(u"id"_s + QString::number(i), path), job(u"id"_s + QString::number(i), path));
        r.status.bytesTotal = 10;
        keys.append(r.status.key);
    }
    const auto settle = [&](int i, FileState state) {
        FileRecord *r = records.find(keys.at(i - 1));
        r->finish(state, {}, QString(), QString());
        records.markChanged(r->status.key);
    };
    settle(1, FileState::Done);
    settle(2, FileState::Failed);
    settle(3, FileState::Skipped);
    settle(5, FileState::Done);
    Transfer::FileList report;
    QStringList seen;
    const auto each = [&](const FileRecord &r) { seen.append(r.landing.relativePath); };
    // Changed since the faces last saw them: nothing goes yet.
    records.spillSettled(report, each);
    QCOMPARE(report.size(), 0);
    records.clearChanged();
    // 1 and 3 go; 2 failed (it may be retried) and stays; 4 is queued: 5 waits behind it.
    records.spillSettled(report, each);
    QCOMPARE(seen, (QStringList {u"F/1"_s, u"F/3"_s}));
    QCOMPARE(report.size(), 2);
    QCOMPARE(records.size(), 4);
    QVERIFY(!records.find(keys.at(0)));
    QVERIFY(!records.find(u"id1"_s, u"F/1"_s));
    QVERIFY(records.wasSpilled(u"id1"_s, u"F/1"_s));
    QVERIFY(!records.wasSpilled(u"id1"_s, u"F/2"_s));
    QVERIFY(!records.wasSpilled(u"id2"_s, u"F/2"_s));
    QVERIFY(records.keysOf(u"id3"_s).isEmpty());
    QVERIFY(records.find(keys.at(1)));
    settle(4, FileState::Done);
    records.clearChanged();
    records.spillSettled(report, each);
    QCOMPARE(seen.size(), 4); // 4 and 5
    // The failed one, retried and done after the run moved past it, stays to the end and comes back in its place.
    FileRecord *retried = records.find(keys.at(1));
    retried->requeue();
    settle(2, FileState::Done);
    settle(6, FileState::Skipped);
    records.clearChanged();
    records.spillSettled(report, each);
    QCOMPARE(records.size(), 1);
    QVERIFY(records.find(keys.at(1)));
    for (Transfer::FileStatus &kept : records.takeStatuses())
        report.append(std::move(kept));
    QStringList order;
    for (const Transfer::FileStatus &file : report)
        order.append(file.drivePath);
    QCOMPARE(order, (QStringList {u"F/1"_s, u"F/2"_s, u"F/3"_s, u"F/4"_s, u"F/5"_s, u"F/6"_s}));
    QCOMPARE(report.at(1).state, FileState::Done);
    // The totals count every record, spilled or not.
    Transfer::Snapshot totals;
    records.countInto(totals);
    QCOMPARE(totals.filesTotal, 6);
    QCOMPARE(totals.filesDone, 4);
    QCOMPARE(totals.filesSkipped, 2);
}

QTEST_GUILESS_MAIN(TestFileRecord)
#include "tst_filerecord.moc"
