// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatting.h"
#include "queuemodel.h"
#include "sourceitem.h"
#include "util/units.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestQueueModel final : public QObject
{
    Q_OBJECT

private slots:
    void shareLinksParse();
    void dropBrowserItemsAndLinks();
    void snapshotDeltasUpdateInPlace();
    void reorderPending();
    void failureReasonShown();
    void rowsShareTheirTexts();
    void pendingSourcesKeptApart();
    void keysFoundDenseOrNot();
    void controlCharactersShownVisibly();
    void sizesInWords();
};

namespace
{
Transfer::FileStatus file(quint64 key, const QString &path, Transfer::FileState state, qint64 done, qint64 total)
{
    Transfer::FileStatus f;
    f.key = key;
    f.driveId = u"id"_s + QString::number(key);
    f.drivePath = path;
    f.state = state;
    f.bytesDone = done;
    f.bytesTotal = total;
    return f;
}
} // namespace

void TestQueueModel::sizesInWords()
{
    // QLocale's data sizes said "1 bytes"; the one-byte file of the demo tree showed it. The unit symbol has
    // no plural.
    QCOMPARE(Format::bytes(1), u"1 B"_s);
    QCOMPARE(Format::bytes(0), u"0 B"_s);
    QCOMPARE(Format::bytes(2), u"2 B"_s);
    QCOMPARE(Format::bytes(-1), u"unknown"_s);
    // One convention with the CLI (issue 15 #23): binary sizes say KiB/MiB/GiB, never kB/MB for them.
    QCOMPARE(Format::bytes(1536), u"1.5 KiB"_s);
    QCOMPARE(Format::bytes(10 << 20), u"10.0 MiB"_s);
    QCOMPARE(Format::bytes(3LL << 30), u"3.0 GiB"_s);
    QCOMPARE(Format::rate(20 << 20), u"20.0 MiB/s"_s);
    QCOMPARE(Format::bytes(123456789), Util::formatBytes(123456789));
    QCOMPARE(Format::duration(185), Util::formatDuration(185));
    QueueModel model;
    Transfer::FileStatus big = file(1, u"big.bin"_s, Transfer::FileState::Transferring, 1 << 20, 10 << 20);
    big.rate = 2 << 20;
    Transfer::Snapshot s;
    s.files = {big};
    model.applySnapshot(s);
    QCOMPARE(model.index(0, QueueModel::SizeColumn).data().toString(), u"10.0 MiB"_s);
    QCOMPARE(model.index(0, QueueModel::RateColumn).data().toString(), u"2.0 MiB/s"_s);
}

void TestQueueModel::shareLinksParse()
{
    const QString text = u"see https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz012345/view?usp=sharing and\n"
                         "https://drive.google.com/drive/folders/0FoLdErIdAbCdEfGhIjKlMnOpQrSt?resourcekey=0-key "
                         "https://docs.google.com/spreadsheets/d/1SheetIdAbCdEfGhIjKlMnOpQrStUv/edit#gid=0 "
                         "https://drive.google.com/open?id=1OpenIdAbCdEfGhIjKlMnOpQrStUvW "
                         "https://example.com/file/d/notdrive 1AbCdEfGhIjKlMnOpQrStUvWxYz012345"_s;
    const QList<Drive::DriveRef> refs = SourceItems::refsFromText(text);
    QCOMPARE(refs.size(), 4);
    QCOMPARE(refs.at(0).id, u"1AbCdEfGhIjKlMnOpQrStUvWxYz012345"_s);
    QCOMPARE(refs.at(0).kind, Drive::DriveRef::Kind::File);
    QCOMPARE(refs.at(1).kind, Drive::DriveRef::Kind::Folder);
    QCOMPARE(refs.at(1).resourceKey, u"0-key"_s);
    QCOMPARE(refs.at(2).kind, Drive::DriveRef::Kind::Spreadsheet);
    QCOMPARE(refs.at(3).id, u"1OpenIdAbCdEfGhIjKlMnOpQrStUvW"_s);
}

void TestQueueModel::dropBrowserItemsAndLinks()
{
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy added(&model, &QueueModel::pendingAdded);

    const QList<SourceItem> items {
        {{u"folderA"_s, {}, Drive::DriveRef::Kind::Folder}, u"Reports"_s, u"application/vnd.google-apps.folder"_s, -1},
        {{u"fileB"_s, {}, Drive::DriveRef::Kind::File}, u"data.csv"_s, u"text/csv"_s, 1234},
    };
    QMimeData browserDrag;
    browserDrag.setData(QString::fromLatin1(SourceItems::MimeType), SourceItems::encode(items));
    QVERIFY(model.canDropMimeData(&browserDrag, Qt::CopyAction, -1, -1, {}));
    QVERIFY(model.dropMimeData(&browserDrag, Qt::CopyAction, -1, -1, {}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, QueueModel::NameColumn).data().toString(), u"Reports"_s);
    QCOMPARE(model.index(1, QueueModel::SizeColumn).data().toString().isEmpty(), false);
    QCOMPARE(model.pendingSources(), items);

    // The same items again are not queued twice.
    QVERIFY(!model.dropMimeData(&browserDrag, Qt::CopyAction, -1, -1, {}));
    QCOMPARE(model.rowCount(), 2);

    QMimeData links;
    links.setUrls({QUrl(u"https://drive.google.com/file/d/1LinkIdAbCdEfGhIjKlMnOpQrStUvW/view"_s),
                   QUrl(u"https://drive.google.com/drive/folders/1LinkFolderAbCdEfGhIjKlMnOpQ"_s)});
    QVERIFY(model.dropMimeData(&links, Qt::CopyAction, -1, -1, {}));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(added.size(), 2);
    QCOMPARE(added.at(1).at(0).value<QList<SourceItem>>().size(), 2);

    QMimeData plain;
    plain.setText(u"nothing here"_s);
    QVERIFY(!model.dropMimeData(&plain, Qt::CopyAction, -1, -1, {}));

    const QList<SourceItem> taken = model.takePending();
    QCOMPARE(taken.size(), 4);
    QCOMPARE(model.rowCount(), 0);
}

void TestQueueModel::snapshotDeltasUpdateInPlace()
{
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Transfer::Snapshot s1;
    s1.files = {file(1, u"a/one.bin"_s, Transfer::FileState::Transferring, 50, 100),
                file(2, u"a/two.docx"_s, Transfer::FileState::Queued, 0, -1)};
    s1.files[1].exportMimeType = u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s;
    model.applySnapshot(s1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(QueueModel::ProgressRole).toDouble(), 0.5);
    QCOMPARE(model.index(1, 0).data(QueueModel::ProgressRole).toDouble(), -1.0);
    QVERIFY(model.index(1, QueueModel::NameColumn).data().toString().contains(u"docx"_s));

    // A delta with file 1 done and a new file 3: row 0 changes in place, one row appended.
    Transfer::Snapshot s2;
    s2.files = {file(1, u"a/one.bin"_s, Transfer::FileState::Done, 100, 100),
                file(3, u"b/three.bin"_s, Transfer::FileState::Transferring, 10, 1000)};
    s2.files[1].rate = 1e6;
    model.applySnapshot(s2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data(QueueModel::StateRole).toInt(), int(Transfer::FileState::Done));
    QCOMPARE(model.index(0, 0).data(QueueModel::ProgressRole).toDouble(), 1.0);
    QCOMPARE(model.rowOfKey(3), 2);
    QVERIFY(!model.index(2, QueueModel::RateColumn).data().toString().isEmpty());
    QVERIFY(!model.index(2, QueueModel::EtaColumn).data().toString().isEmpty());
    model.clearRun();
    QCOMPARE(model.rowCount(), 0);
}

void TestQueueModel::reorderPending()
{
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<SourceItem> items;
    for (const QString &id : {u"x1"_s, u"x2"_s, u"x3"_s})
        items.append({{id, {}, Drive::DriveRef::Kind::File}, id, {}, 1});
    model.addPending(items);
    QVERIFY(model.moveRows({}, 2, 1, {}, 0)); // x3 to the top
    QCOMPARE(model.pendingSources().at(0).ref.id, u"x3"_s);
    // Drag x3 (row 0) to the end through the model's own mime data.
    std::unique_ptr<QMimeData> mime(model.mimeData({model.index(0, 0)}));
    QVERIFY(model.dropMimeData(mime.get(), Qt::MoveAction, 3, 0, {}));
    QStringList order;
    for (const auto &i : model.pendingSources())
        order << i.ref.id;
    QCOMPARE(order, (QStringList {u"x1"_s, u"x2"_s, u"x3"_s}));
}

void TestQueueModel::failureReasonShown()
{
    QueueModel model;
    Transfer::Snapshot s;
    s.files = {file(7, u"bad.bin"_s, Transfer::FileState::Failed, 0, 10)};
    s.files[0].lastError = Net::Error {Net::ErrorClass::Permanent, 404, u"notFound"_s, u"File not found"_s, {}};
    s.files[0].retries = 2;
    model.applySnapshot(s);
    QCOMPARE(model.index(0, QueueModel::ReasonColumn).data().toString(), u"File not found"_s);
    QCOMPARE(model.index(0, QueueModel::RetriesColumn).data().toString(), u"2"_s);
    QCOMPARE(model.index(0, QueueModel::StateColumn).data().toString(), u"Failed"_s);
}

void TestQueueModel::rowsShareTheirTexts()
{
    // 100,000 rows at scale: the same reason or export format is one text for every row that shows it, not a
    // copy per file; a row that changes shows its own new text and the others keep theirs.
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString docx = u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s;
    Transfer::Snapshot s;
    for (quint64 key = 1; key <= 3; ++key)
    {
        Transfer::FileStatus f = file(key, u"d/f%1.docx"_s.arg(key), Transfer::FileState::Parked, 0, -1);
        // Texts equal but built apart, as the engine's records hold them.
        f.lastError = Net::Error {Net::ErrorClass::Quota, 403, u"userRateLimitExceeded"_s,
                                  u"Quota %1"_s.arg(u"exceeded"_s), {}};
        f.exportMimeType = QString(docx.constData(), docx.size());
        s.files.append(f);
    }
    QVERIFY(!s.files.at(0).lastError.message.isSharedWith(s.files.at(1).lastError.message));
    model.applySnapshot(s);
    const auto reason = [&model](int row) { return model.index(row, QueueModel::ReasonColumn).data().toString(); };
    QCOMPARE(reason(0), u"Quota exceeded"_s);
    QVERIFY(reason(0).isSharedWith(reason(1)));
    QVERIFY(reason(1).isSharedWith(reason(2)));
    const auto name = [&model](int row) { return model.index(row, QueueModel::NameColumn).data().toString(); };
    QCOMPARE(name(0), u"d/f1.docx (%1)"_s.arg(Format::exportLabel(docx)));

    // A later snapshot: file 2 fails otherwise, file 3 is done. Each row shows its own state and reason.
    Transfer::Snapshot later;
    later.files = {s.files.at(1), s.files.at(2)};
    later.files[0].state = Transfer::FileState::Failed;
    later.files[0].lastError = Net::Error {Net::ErrorClass::Permanent, 404, u"notFound"_s, u"File not found"_s, {}};
    later.files[1].state = Transfer::FileState::Done;
    later.files[1].lastError = {};
    model.applySnapshot(later);
    QCOMPARE(reason(0), u"Quota exceeded"_s);
    QCOMPARE(reason(1), u"File not found"_s);
    QCOMPARE(reason(2), QString());
    QCOMPARE(model.index(0, 0).data(QueueModel::StateRole).toInt(), int(Transfer::FileState::Parked));
    QCOMPARE(model.index(1, 0).data(QueueModel::StateRole).toInt(), int(Transfer::FileState::Failed));
    QCOMPARE(model.index(2, 0).data(QueueModel::StateRole).toInt(), int(Transfer::FileState::Done));
    QCOMPARE(model.count(QueueGroup::Failed), 2);
    QCOMPARE(model.count(QueueGroup::Done), 1);
    QVERIFY(name(0).contains(u"docx"_s));
    QVERIFY(name(2).contains(u"docx"_s));
}

void TestQueueModel::pendingSourcesKeptApart()
{
    // A pending row's source (kept beside the rows) follows its row through moves and removals, whole.
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const SourceItem a {{u"idA"_s, u"0-keyA"_s, Drive::DriveRef::Kind::Folder}, u"Reports"_s,
                        u"application/vnd.google-apps.folder"_s, -1};
    const SourceItem b {{u"idB"_s, {}, Drive::DriveRef::Kind::File}, u"data.csv"_s, u"text/csv"_s, 1234};
    const SourceItem c {{u"idC"_s, {}, Drive::DriveRef::Kind::File}, {}, {}, -1};
    QCOMPARE(model.addPending({a, b, c}).size(), 3);
    QCOMPARE(model.index(2, QueueModel::NameColumn).data().toString(), u"Drive item idC"_s);
    QVERIFY(model.moveRows({}, 2, 1, {}, 0)); // c, a, b
    QCOMPARE(model.pendingSources(), (QList<SourceItem> {c, a, b}));
    QVERIFY(model.removeRows(1, 1)); // a goes
    QCOMPARE(model.pendingSources(), (QList<SourceItem> {c, b}));
    QCOMPARE(model.addPending({b}).size(), 0); // still pending
    QCOMPARE(model.addPending({a}).size(), 1); // gone, so it can be queued again
    // A run's files beside them do not disturb them, and a run's file with a pending source's id is not one.
    Transfer::Snapshot s;
    s.files = {file(1, u"data.csv"_s, Transfer::FileState::Done, 5, 5)};
    s.files[0].driveId = u"idB"_s;
    model.applySnapshot(s);
    QCOMPARE(model.pendingCount(), 3);
    QCOMPARE(model.takePending(), (QList<SourceItem> {c, b, a}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.addPending({b}).size(), 1);
    QCOMPARE(model.pendingSources(), (QList<SourceItem> {b}));
}

void TestQueueModel::keysFoundDenseOrNot()
{
    // The engine numbers files 1, 2, 3…; a key far from the others (a fake's, or a future engine's) is found too.
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint64 far = 5'000'000'000ULL;
    Transfer::Snapshot s;
    s.files = {file(2, u"b"_s, Transfer::FileState::Queued, 0, 1), file(far, u"far"_s, Transfer::FileState::Queued, 0, 1),
               file(1, u"a"_s, Transfer::FileState::Queued, 0, 1), file(0, u"zero"_s, Transfer::FileState::Queued, 0, 1)};
    model.applySnapshot(s);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.rowOfKey(2), 0);
    QCOMPARE(model.rowOfKey(far), 1);
    QCOMPARE(model.rowOfKey(1), 2);
    QCOMPARE(model.rowOfKey(0), 3);
    QCOMPARE(model.rowOfKey(3), -1);
    QCOMPARE(model.rowOfKey(far + 1), -1);
    // Later snapshots update those rows in place, and a removal renumbers what follows.
    Transfer::Snapshot later;
    later.files = {file(far, u"far"_s, Transfer::FileState::Done, 1, 1), file(1, u"a"_s, Transfer::FileState::Failed, 0, 1)};
    model.applySnapshot(later);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(1, 0).data(QueueModel::StateRole).toInt(), int(Transfer::FileState::Done));
    QCOMPARE(model.index(2, 0).data(QueueModel::StateRole).toInt(), int(Transfer::FileState::Failed));
    model.clearFinished();
    QCOMPARE(model.rowOfKey(far), -1);
    QCOMPARE(model.rowOfKey(1), 1);
    QCOMPARE(model.rowOfKey(0), 2);
    QCOMPARE(model.index(1, QueueModel::NameColumn).data().toString(), u"a"_s);
}

void TestQueueModel::controlCharactersShownVisibly()
{
    // Drive allows a tab or a newline in a name; the row shows them escaped and stays one line.
    QueueModel model;
    model.addPending({{{u"c1"_s, {}, Drive::DriveRef::Kind::File}, u"ctrl\u0001\ttab\nnewline.txt"_s, {}, 1}});
    const QString shown = model.index(0, QueueModel::NameColumn).data().toString();
    QCOMPARE(shown, u"ctrl\\x01\\ttab\\nnewline.txt"_s);
    QCOMPARE(model.index(0, QueueModel::NameColumn).data(Qt::ToolTipRole).toString(), shown);
}

QTEST_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
