// SPDX-License-Identifier: GPL-3.0-or-later
#include "browsermodel.h"
#include "browsersource.h"
#include "queuemodel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace
{
/// Answers on request, so the test decides when each page arrives.
class FakeSource final : public BrowserSource
{
public:
    struct Request
    {
        quint64 ticket;
        Root root;
        QString folderId;
        QString pageToken;
    };
    QList<Request> requests;

    void listPage(quint64 ticket, Root root, const QString &folderId, const QString &pageToken) override
    {
        requests.append({ticket, root, folderId, pageToken});
    }
    /// Answers the open request for this folder (the model tester may have opened others).
    bool answer(Root root, const QString &folderId, const QList<Drive::DriveFile> &files, const QString &next = {})
    {
        for (qsizetype i = 0; i < requests.size(); ++i)
        {
            if (requests[i].root == root && requests[i].folderId == folderId)
            {
                const Request r = requests.takeAt(i);
                emit pageReady(r.ticket, files, next);
                return true;
            }
        }
        return false;
    }
    [[nodiscard]] int openFor(Root root, const QString &folderId) const
    {
        int n = 0;
        for (const Request &r : requests)
            n += (r.root == root && r.folderId == folderId) ? 1 : 0;
        return n;
    }
    [[nodiscard]] QString tokenFor(Root root, const QString &folderId) const
    {
        for (const Request &r : requests)
            if (r.root == root && r.folderId == folderId)
                return r.pageToken;
        return {};
    }
};

Drive::DriveFile file(const QString &id, const QString &name, const QString &mime, qint64 size = -1)
{
    Drive::DriveFile f;
    f.id = id;
    f.name = name;
    f.mimeType = mime;
    f.size = size;
    f.modifiedTime = QDateTime(QDate(2026, 1, 2), QTime(3, 4), QTimeZone::utc());
    return f;
}
} // namespace

class TestBrowserModel final : public QObject
{
    Q_OBJECT

private slots:
    void lazyPagesAndDrag();
};

void TestBrowserModel::lazyPagesAndDrag()
{
    FakeSource source;
    BrowserModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExportFormats({{u"application/vnd.google-apps.document"_s,
                             u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s}});
    model.setSource(&source);
    QCOMPARE(model.rowCount(), 3); // My Drive, Shared with me, Shared drives
    const QModelIndex myDrive = model.index(0, 0);
    QVERIFY(model.hasChildren(myDrive));
    // The model tester may already have asked; either way exactly one request per folder is open.
    if (model.canFetchMore(myDrive))
        model.fetchMore(myDrive);
    QVERIFY(!model.canFetchMore(myDrive)); // one request at a time
    constexpr auto MyDrive = BrowserSource::Root::MyDrive;
    QCOMPARE(source.openFor(MyDrive, {}), 1);

    const QString folderMime = QString::fromLatin1(Drive::FolderMime);
    QVERIFY(source.answer(MyDrive, {}, {file(u"f1"_s, u"Reports"_s, folderMime),
                                        file(u"d1"_s, u"Plan"_s, u"application/vnd.google-apps.document"_s)},
                          u"page2"_s));
    QCOMPARE(model.rowCount(myDrive), 2);
    if (model.canFetchMore(myDrive)) // a second page is waiting
        model.fetchMore(myDrive);
    QCOMPARE(source.tokenFor(MyDrive, {}), u"page2"_s);
    QVERIFY(source.answer(MyDrive, {}, {file(u"b1"_s, u"data.bin"_s, u"application/octet-stream"_s, 2048)}));
    QCOMPARE(model.rowCount(myDrive), 3);
    QVERIFY(!model.canFetchMore(myDrive));

    const QModelIndex doc = model.findChild(myDrive, u"Plan"_s);
    QVERIFY(model.index(doc.row(), BrowserModel::TypeColumn, myDrive).data().toString().contains(u"docx"_s));
    QVERIFY(!model.index(2, BrowserModel::SizeColumn, myDrive).data().toString().isEmpty());
    QVERIFY(!model.index(2, BrowserModel::ModifiedColumn, myDrive).data().toString().isEmpty());

    // Into a folder: an empty folder loses its expand arrow once listed.
    const QModelIndex reports = model.findChild(myDrive, u"Reports"_s);
    QVERIFY(model.hasChildren(reports));
    if (model.canFetchMore(reports))
        model.fetchMore(reports);
    QCOMPARE(source.openFor(MyDrive, u"f1"_s), 1);
    QVERIFY(source.answer(MyDrive, u"f1"_s, {}));
    QVERIFY(!model.hasChildren(reports));

    // Drag two items onto the queue.
    std::unique_ptr<QMimeData> mime(model.mimeData({doc, model.index(2, 0, myDrive)}));
    QVERIFY(mime);
    QueueModel queue;
    QVERIFY(queue.dropMimeData(mime.get(), Qt::CopyAction, -1, -1, {}));
    QCOMPARE(queue.rowCount(), 2);
    QCOMPARE(queue.pendingSources().at(0).ref.kind, Drive::DriveRef::Kind::Document);
    QCOMPARE(queue.pendingSources().at(1).ref.id, u"b1"_s);
    QVERIFY(!model.mimeData({myDrive})); // the roots themselves do not drag
}

QTEST_MAIN(TestBrowserModel)
#include "tst_browsermodel.moc"
