// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14 "the app at scale": the queue's state counts, its filter and its order by state, on real widgets
// (offscreen) fed with engine snapshots; and that a snapshot announces only what changed, in blocks.
#include "queuefilterbar.h"
#include "queuemodel.h"
#include "queuetable.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <map>

using namespace Qt::StringLiterals;
using Transfer::FileState;

namespace
{
Transfer::FileStatus file(quint64 key, FileState state)
{
    Transfer::FileStatus f;
    f.key = key;
    f.driveId = u"id%1"_s.arg(key);
    f.drivePath = u"Tree/f%1.bin"_s.arg(key);
    f.state = state;
    f.bytesTotal = 100;
    f.bytesDone = state == FileState::Done ? 100 : 0;
    if (state == FileState::Failed)
        f.lastError = Net::Error {Net::ErrorClass::Permanent, 404, u"notFound"_s, u"File not found"_s, {}};
    return f;
}

/// The files' states as the engine knows them, and snapshots of what changed.
struct Run
{
    std::map<quint64, FileState> states;

    Transfer::Snapshot set(const QList<std::pair<quint64, FileState>> &changes)
    {
        Transfer::Snapshot s;
        for (const auto &[key, state] : changes)
        {
            states[key] = state;
            s.files.append(file(key, state));
        }
        return s;
    }
    Transfer::Snapshot queue(quint64 first, quint64 last)
    {
        QList<std::pair<quint64, FileState>> changes;
        for (quint64 k = first; k <= last; ++k)
            changes.append({k, FileState::Queued});
        return set(changes);
    }
    /// The keys the model should show: the filter's, in run order or by group (rank) then run order.
    QList<quint64> expected(std::optional<QueueGroup> filter, QueueRows::Order order) const
    {
        QList<std::pair<int, quint64>> rows;
        for (const auto &[key, state] : states)
        {
            const QueueGroup group = queueGroupOf(int(state));
            if (filter && *filter != group)
                continue;
            const int rank = order == QueueRows::Order::Run ? 0
                : order == QueueRows::Order::FailedFirst    ? int(group)
                                                            : QueueGroupCount - 1 - int(group);
            rows.append({rank, key});
        }
        std::sort(rows.begin(), rows.end());
        QList<quint64> keys;
        for (const auto &row : rows)
            keys.append(row.second);
        return keys;
    }
};

QList<quint64> shownKeys(const QueueModel &model)
{
    QList<quint64> keys;
    for (int r = 0; r < model.rowCount(); ++r)
        keys.append(model.index(r, 0).data(QueueModel::KeyRole).value<quint64>());
    return keys;
}

/// The queue as the window has it: filter bar over the table, shown offscreen.
struct Queue
{
    QWidget page;
    QueueModel model;
    QAbstractItemModelTester tester {&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QueueFilterBar *bar = nullptr;
    QueueTable *table = nullptr;

    Queue()
    {
        auto *layout = new QVBoxLayout(&page);
        bar = new QueueFilterBar(&model, &page);
        table = new QueueTable(&model, &page);
        layout->addWidget(bar);
        layout->addWidget(table);
        page.resize(900, 500);
        page.show();
    }
    void clickState()
    {
        QHeaderView *header = table->horizontalHeader();
        const int x = header->sectionViewportPosition(QueueModel::StateColumn) + header->sectionSize(QueueModel::StateColumn) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    }
};
} // namespace

class TestQueueFilter final : public QObject
{
    Q_OBJECT

private slots:
    void countsAndFilterFollowSnapshots();
    void stateSortPutsFailedFirst();
    void randomRunKeepsEveryView();
    void snapshotAnnouncesOnlyChanges();
    void pendingSourcesAndHandOrder();
};

void TestQueueFilter::countsAndFilterFollowSnapshots()
{
    Queue q;
    Run run;
    q.model.applySnapshot(run.queue(1, 20));
    QCOMPARE(q.bar->button(std::nullopt)->text(), u"All 20"_s);
    QCOMPARE(q.bar->button(QueueGroup::Queued)->text(), u"Queued 20"_s);
    QCOMPARE(q.bar->button(QueueGroup::Failed)->text(), u"Failed 0"_s);
    QVERIFY(q.bar->button(std::nullopt)->isChecked());

    // Files 1–4 start, 5 fails, 6–8 are done (one skipped).
    q.model.applySnapshot(run.set({{1, FileState::Transferring}, {2, FileState::Listing}, {3, FileState::Verifying},
                                   {4, FileState::Paused}, {5, FileState::Failed}, {6, FileState::Done},
                                   {7, FileState::Done}, {8, FileState::Skipped}}));
    QCOMPARE(q.model.count(QueueGroup::Failed), 1);
    QCOMPARE(q.model.count(QueueGroup::Active), 4);
    QCOMPARE(q.model.count(QueueGroup::Queued), 12);
    QCOMPARE(q.model.count(QueueGroup::Done), 3);
    QCOMPARE(q.bar->button(QueueGroup::Active)->text(), u"Active 4"_s);
    QCOMPARE(q.bar->button(QueueGroup::Done)->text(), u"Done 3"_s);
    QCOMPARE(q.model.unfinishedCount(), 17);
    QCOMPARE(q.model.finishedCount(), 3);

    // Each button shows its group's rows, in run order.
    QTest::mouseClick(q.bar->button(QueueGroup::Failed), Qt::LeftButton);
    QVERIFY(q.model.filter() == QueueGroup::Failed);
    QCOMPARE(shownKeys(q.model), QList<quint64> {5});
    QCOMPARE(q.model.index(0, QueueModel::ReasonColumn).data().toString(), u"File not found"_s);
    QTest::mouseClick(q.bar->button(QueueGroup::Active), Qt::LeftButton);
    QCOMPARE(shownKeys(q.model), (QList<quint64> {1, 2, 3, 4}));
    QTest::mouseClick(q.bar->button(QueueGroup::Done), Qt::LeftButton);
    QCOMPARE(shownKeys(q.model), (QList<quint64> {6, 7, 8}));
    QTest::mouseClick(q.bar->button(QueueGroup::Queued), Qt::LeftButton);
    QCOMPARE(q.model.rowCount(), 12);
    QCOMPARE(q.table->model()->rowCount(), 12);
    QCOMPARE(q.model.rowOfKey(9), 0);
    QCOMPARE(q.model.rowOfKey(1), -1); // active: filtered out

    // While filtered, files leave and enter the shown rows as their state changes.
    q.model.applySnapshot(run.set({{9, FileState::Transferring}, {10, FileState::Transferring}, {1, FileState::Done},
                                   {5, FileState::Queued}}));
    QCOMPARE(shownKeys(q.model), run.expected(QueueGroup::Queued, QueueRows::Order::Run));
    QCOMPARE(shownKeys(q.model).first(), quint64(5)); // retried: back in the queue, in run order
    QCOMPARE(q.bar->button(QueueGroup::Queued)->text(), u"Queued 11"_s);
    QCOMPARE(q.bar->button(QueueGroup::Failed)->text(), u"Failed 0"_s);
    // New files of the run appear only under a filter they pass.
    q.model.applySnapshot(run.set({{21, FileState::Queued}, {22, FileState::Done}}));
    QCOMPARE(shownKeys(q.model), run.expected(QueueGroup::Queued, QueueRows::Order::Run));
    QCOMPARE(q.bar->button(std::nullopt)->text(), u"All 22"_s);

    QTest::mouseClick(q.bar->button(std::nullopt), Qt::LeftButton);
    QVERIFY(!q.model.filter());
    QCOMPARE(shownKeys(q.model), run.expected(std::nullopt, QueueRows::Order::Run));

    // Large counts read with the locale's digit grouping.
    Queue big;
    Run many;
    big.model.applySnapshot(many.queue(1, 12345));
    QCOMPARE(big.bar->button(QueueGroup::Queued)->text(), u"Queued %1"_s.arg(QLocale().toString(12345)));
}

void TestQueueFilter::stateSortPutsFailedFirst()
{
    Queue q;
    Run run;
    q.model.applySnapshot(run.queue(1, 12));
    q.model.applySnapshot(run.set({{2, FileState::Done}, {4, FileState::Transferring}, {7, FileState::Failed},
                                   {9, FileState::Parked}, {11, FileState::Done}}));
    q.clickState();
    QCOMPARE(q.model.order(), QueueRows::Order::FailedFirst);
    QCOMPARE(q.table->horizontalHeader()->sortIndicatorSection(), int(QueueModel::StateColumn));
    QCOMPARE(shownKeys(q.model), (QList<quint64> {7, 9, 4, 1, 3, 5, 6, 8, 10, 12, 2, 11}));

    // State changes move rows between the groups, keeping run order inside each.
    q.model.applySnapshot(run.set({{1, FileState::Failed}, {4, FileState::Done}, {5, FileState::Transferring},
                                   {7, FileState::Transferring}}));
    QCOMPARE(shownKeys(q.model), run.expected(std::nullopt, QueueRows::Order::FailedFirst));
    QCOMPARE(shownKeys(q.model).first(), quint64(1));

    q.clickState();
    QCOMPARE(q.model.order(), QueueRows::Order::DoneFirst);
    QCOMPARE(shownKeys(q.model), run.expected(std::nullopt, QueueRows::Order::DoneFirst));
    QCOMPARE(shownKeys(q.model).first(), quint64(2));
    q.clickState();
    QCOMPARE(q.model.order(), QueueRows::Order::Run);
    QCOMPARE(shownKeys(q.model), run.expected(std::nullopt, QueueRows::Order::Run));

    // Another column does not sort: the run's order stays.
    QHeaderView *header = q.table->horizontalHeader();
    const int x = header->sectionViewportPosition(QueueModel::SizeColumn) + 5;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(q.model.order(), QueueRows::Order::Run);
    QCOMPARE(shownKeys(q.model), run.expected(std::nullopt, QueueRows::Order::Run));
}

void TestQueueFilter::randomRunKeepsEveryView()
{
    // A run of 360 files with every filter and order: after each snapshot the shown rows are exactly the
    // filter's, in the order's order, and the counts match the files' states (the tester checks every signal).
    const QList<std::optional<QueueGroup>> filters {std::nullopt, QueueGroup::Failed, QueueGroup::Active, QueueGroup::Queued,
                                                    QueueGroup::Done};
    const QList<QueueRows::Order> orders {QueueRows::Order::Run, QueueRows::Order::FailedFirst, QueueRows::Order::DoneFirst};
    const QList<FileState> states {FileState::Queued, FileState::Listing, FileState::Transferring, FileState::Verifying,
                                   FileState::Done, FileState::Skipped, FileState::Failed, FileState::Cancelled,
                                   FileState::Paused, FileState::Parked};
    for (const QueueRows::Order order : orders)
        for (const std::optional<QueueGroup> &filter : filters)
        {
            Queue q;
            q.model.setOrder(order);
            q.model.setFilter(filter);
            QCOMPARE(q.bar->button(filter)->isChecked(), true);
            QRandomGenerator random(42);
            Run run;
            quint64 found = 0;
            for (int tick = 0; tick < 12; ++tick)
            {
                // Files found before this tick change state (one may be listed twice), new ones are queued.
                QList<std::pair<quint64, FileState>> changes;
                for (int i = 0; i < 20 && found > 0; ++i)
                    changes.append({1 + random.bounded(found), states.at(random.bounded(int(states.size())))});
                for (int i = 0; i < 30 && found < 360; ++i)
                    changes.append({++found, FileState::Queued});
                q.model.applySnapshot(run.set(changes));
                QCOMPARE(shownKeys(q.model), run.expected(filter, order));
                for (int g = 0; g < QueueGroupCount; ++g)
                {
                    const auto n = std::count_if(run.states.cbegin(), run.states.cend(), [g](const auto &entry) {
                        return queueGroupOf(int(entry.second)) == QueueGroup(g);
                    });
                    QCOMPARE(q.model.count(QueueGroup(g)), int(n));
                }
            }
            // "Clear finished" drops the done and skipped files, shown or not.
            q.model.clearFinished();
            for (auto it = run.states.begin(); it != run.states.end();)
                it = queueGroupOf(int(it->second)) == QueueGroup::Done ? run.states.erase(it) : std::next(it);
            QCOMPARE(shownKeys(q.model), run.expected(filter, order));
            QCOMPARE(q.model.count(QueueGroup::Done), 0);
            QCOMPARE(q.model.totalCount(), int(run.states.size()));
        }
}

void TestQueueFilter::snapshotAnnouncesOnlyChanges()
{
    Queue q;
    Run run;
    q.model.applySnapshot(run.queue(1, 5000));
    QSignalSpy changed(&q.model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&q.model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&q.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy counts(&q.model, &QueueModel::countsChanged);

    // The engine's last snapshot lists every file: nothing changed, nothing is announced.
    q.model.applySnapshot(run.queue(1, 5000));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(counts.size(), 0);

    // 16 files start and 300 finish: one dataChanged over the rows, one counts update.
    QList<std::pair<quint64, FileState>> tick;
    for (quint64 k = 1; k <= 300; ++k)
        tick.append({k, FileState::Done});
    for (quint64 k = 301; k <= 316; ++k)
        tick.append({k, FileState::Transferring});
    q.model.applySnapshot(run.set(tick));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 315);
    QCOMPARE(counts.size(), 1);
    QCOMPARE(removed.size() + inserted.size(), 0); // all shown, run order: nothing moves

    // Under the Queued filter the next 316 files leave as one block of rows (not 316 removals).
    QTest::mouseClick(q.bar->button(QueueGroup::Queued), Qt::LeftButton);
    QCOMPARE(q.model.rowCount(), 5000 - 316);
    changed.clear();
    tick.clear();
    for (quint64 k = 317; k <= 632; ++k)
        tick.append({k, FileState::Transferring});
    q.model.applySnapshot(run.set(tick));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(removed.first().at(2).toInt(), 315);
    QCOMPARE(changed.size(), 0); // the rows that changed are not shown
    QCOMPARE(shownKeys(q.model), run.expected(QueueGroup::Queued, QueueRows::Order::Run));

    // Under the Done filter, files finishing in run order enter as one block.
    QTest::mouseClick(q.bar->button(QueueGroup::Done), Qt::LeftButton);
    tick.clear();
    for (quint64 k = 301; k <= 632; ++k)
        tick.append({k, FileState::Done});
    q.model.applySnapshot(run.set(tick));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 300);
    QCOMPARE(inserted.first().at(2).toInt(), 631);

    // "Clear finished" removes the 632 done rows at once.
    removed.clear();
    q.model.clearFinished();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(q.model.rowCount(), 0);
    QCOMPARE(q.model.totalCount(), 5000 - 632);
}

void TestQueueFilter::pendingSourcesAndHandOrder()
{
    Queue q;
    QList<SourceItem> items;
    for (const QString &id : {u"s1"_s, u"s2"_s, u"s3"_s})
        items.append({{id, {}, Drive::DriveRef::Kind::File}, id, {}, 1});
    q.model.addPending(items);
    // Sources not started yet count as queued.
    QCOMPARE(q.model.count(QueueGroup::Queued), 3);
    QCOMPARE(q.bar->button(QueueGroup::Queued)->text(), u"Queued 3"_s);
    QTest::mouseClick(q.bar->button(QueueGroup::Queued), Qt::LeftButton);
    QCOMPARE(q.model.rowCount(), 3);
    // Reordering by hand needs every row in run order: refused under a filter, fine again without.
    QVERIFY(!q.model.moveRows({}, 2, 1, {}, 0));
    QTest::mouseClick(q.bar->button(QueueGroup::Done), Qt::LeftButton);
    QCOMPARE(q.model.rowCount(), 0);
    QTest::mouseClick(q.bar->button(std::nullopt), Qt::LeftButton);
    QVERIFY(q.model.moveRows({}, 2, 1, {}, 0));
    QCOMPARE(q.model.pendingSources().first().ref.id, u"s3"_s);
    // Removing a shown row under a filter removes that source.
    QTest::mouseClick(q.bar->button(QueueGroup::Queued), Qt::LeftButton);
    QVERIFY(q.model.removeRows(1, 1));
    QCOMPARE(q.model.pendingCount(), 2);
    QCOMPARE(q.model.pendingSources().at(1).ref.id, u"s2"_s);
    QCOMPARE(q.bar->button(std::nullopt)->text(), u"All 2"_s);
}

QTEST_MAIN(TestQueueFilter)
#include "tst_queuefilter.moc"
