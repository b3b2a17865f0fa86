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

QTEST_GUILESS_MAIN(TestFileRecord)
#include "tst_filerecord.moc"
