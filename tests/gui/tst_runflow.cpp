// SPDX-License-Identifier: GPL-3.0-or-later
// RunFlow on its own (no MainWindow): the checks before a start, the plan it hands a (fake) RunController, and
// the run's state as the controller's signals tell it.
#include "appsettings.h"
#include "databrickstarget.h"
#include "databricksworkspaces.h"
#include "destinationpicker.h"
#include "fakerunner.h"
#include "queuemodel.h"
#include "sourceitem.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestRunFlow final : public QObject
{
    Q_OBJECT

private slots:
    void startNeedsAnAccountWorkAndADestination();
    void runStateFollowsTheController();
    void sourcesJoinOnlyARunInFlight();
    void databricksIsCheckedBeforeTheStart();
};

namespace
{
struct Harness
{
    QTemporaryDir dir;
    QSettings qsettings {dir.filePath(u"settings.ini"_s), QSettings::IniFormat};
    AppSettings settings {&qsettings};
    QNetworkAccessManager nam;
    DatabricksWorkspaces workspaces {&nam, nullptr, nullptr};
    DatabricksTarget databricks {&workspaces, &settings};
    QueueModel queue;
    DestinationPicker destination {&settings};
    FakeRunner runner;
    RunFlow flow {{&runner, &settings, &queue, &destination, &databricks}};

    void queueFile(const QString &id)
    {
        SourceItem item;
        item.ref.id = id;
        item.ref.kind = Drive::DriveRef::Kind::File;
        item.name = id + u".bin"_s;
        queue.addPending({item});
    }
    [[nodiscard]] AccountSession account() const
    {
        AccountSession session;
        session.accountName = u"tester"_s;
        session.staticToken = "not-a-real-token";
        return session;
    }
};
} // namespace

void TestRunFlow::startNeedsAnAccountWorkAndADestination()
{
    Harness h;
    QSignalSpy message(&h.flow, &RunFlow::message);
    QSignalSpy launching(&h.flow, &RunFlow::launching);

    // Nothing queued: said, not started.
    h.flow.start(h.account());
    QCOMPARE(message.count(), 1);
    QVERIFY(h.runner.starts.isEmpty());

    // No account shown: nothing at all.
    h.queueFile(u"1AbCdEfGhIjKlMnOpQrStUvWxYz012345"_s);
    h.flow.start({});
    QVERIFY(h.runner.starts.isEmpty());
    QCOMPARE(message.count(), 1);

    // A destination that cannot work: the picker says why, nothing starts.
    h.destination.setChoice({AppSettings::DestinationKind::Volume, u"/not/a/volume"_s});
    h.flow.start(h.account());
    QVERIFY(h.runner.starts.isEmpty());
    QVERIFY(!h.destination.problem().isEmpty());
    QVERIFY(!h.flow.isRunning());

    // A good one: the dashboard is told first, then the plan goes out with the queued work, the account, the
    // settings' options; the destination is remembered.
    const QString out = h.dir.filePath(u"out"_s);
    h.destination.setChoice({AppSettings::DestinationKind::LocalFolder, out});
    h.settings.setParallel(3);
    bool launchedBeforeStart = false;
    connect(&h.flow, &RunFlow::launching, this, [&] { launchedBeforeStart = h.runner.starts.isEmpty(); });
    h.flow.start(h.account());
    QCOMPARE(launching.count(), 1);
    QVERIFY(launchedBeforeStart);
    QCOMPARE(h.runner.starts.size(), 1);
    const RunPlan plan = h.runner.starts.first();
    QCOMPARE(plan.account.accountName, u"tester"_s);
    QCOMPARE(plan.sources.size(), 1);
    QCOMPARE(plan.options.parallel, 3);
    QCOMPARE(plan.destination.path, out);
    QCOMPARE(h.settings.destinationPath(), out);
    QVERIFY(h.flow.isRunning());
    QCOMPARE(h.queue.pendingCount(), 0);

    // One run at a time.
    h.queueFile(u"1ZyXwVuTsRqPoNmLkJiHgFeDcBa543210"_s);
    h.flow.start(h.account());
    QCOMPARE(h.runner.starts.size(), 1);
}

void TestRunFlow::runStateFollowsTheController()
{
    Harness h;
    QSignalSpy changed(&h.flow, &RunFlow::changed);
    // Not running: pause, resume, cancel and live settings reach nobody.
    h.flow.pause();
    h.flow.resume();
    h.flow.cancel();
    h.flow.applyLiveSettings();
    QVERIFY(h.runner.calls.isEmpty());
    QCOMPARE(changed.count(), 0);

    h.queueFile(u"1AbCdEfGhIjKlMnOpQrStUvWxYz012345"_s);
    h.destination.setChoice({AppSettings::DestinationKind::LocalFolder, h.dir.filePath(u"out"_s)});
    h.flow.start(h.account());
    QVERIFY(h.flow.isRunning() && !h.flow.isPaused());
    h.flow.pause();
    QVERIFY(h.flow.isPaused());
    h.flow.resume();
    QVERIFY(!h.flow.isPaused());
    h.settings.setParallel(5);
    h.flow.applyLiveSettings();
    QCOMPARE(h.runner.calls, (QStringList {u"pause"_s, u"resume"_s, u"parallel 5"_s,
                                           u"bandwidth %1"_s.arg(h.settings.bandwidthLimit())}));

    // The engine's word wins: a snapshot says paused (e.g. paused from elsewhere).
    Transfer::Snapshot s;
    s.running = true;
    s.paused = true;
    emit h.runner.snapshot(s);
    QVERIFY(h.flow.isPaused());

    // The end of the run, finished or failed: no longer running nor paused, and said.
    const int before = changed.count();
    emit h.runner.finished(Transfer::Report {});
    QVERIFY(!h.flow.isRunning() && !h.flow.isPaused());
    QCOMPARE(changed.count(), before + 1);
    h.flow.cancel();
    QCOMPARE(h.runner.calls.count(u"cancel"_s), 0);

    h.queueFile(u"1ZyXwVuTsRqPoNmLkJiHgFeDcBa543210"_s);
    h.flow.start(h.account());
    QVERIFY(h.flow.isRunning());
    h.flow.cancel();
    QCOMPARE(h.runner.calls.count(u"cancel"_s), 1);
    emit h.runner.runFailed(Net::Error {});
    QVERIFY(!h.flow.isRunning());
}

void TestRunFlow::sourcesJoinOnlyARunInFlight()
{
    Harness h;
    SourceItem item;
    item.ref.id = u"1AbCdEfGhIjKlMnOpQrStUvWxYz012345"_s;
    item.ref.kind = Drive::DriveRef::Kind::File;
    h.queue.addPending({item});
    QVERIFY(!h.flow.addToRun({item}));
    QCOMPARE(h.queue.pendingCount(), 1);
    QVERIFY(h.runner.added.isEmpty());

    h.destination.setChoice({AppSettings::DestinationKind::LocalFolder, h.dir.filePath(u"out"_s)});
    h.flow.start(h.account());
    item.ref.id = u"1ZyXwVuTsRqPoNmLkJiHgFeDcBa543210"_s;
    h.queue.addPending({item});
    QVERIFY(h.flow.addToRun({item}));
    QCOMPARE(h.queue.pendingCount(), 0);
    QCOMPARE(h.runner.added.size(), 1);
    QCOMPARE(h.runner.added.first().first().id, item.ref.id);
}

void TestRunFlow::databricksIsCheckedBeforeTheStart()
{
    // No workspace chosen: the check says so and nothing starts (the chosen one's check is tst_guiaccounts').
    Harness h;
    h.queueFile(u"1AbCdEfGhIjKlMnOpQrStUvWxYz012345"_s);
    h.destination.setChoice({AppSettings::DestinationKind::Volume, u"/Volumes/main/default/landing"_s});
    QSignalSpy changed(&h.flow, &RunFlow::changed);
    h.flow.start(h.account());
    QTRY_VERIFY(!h.flow.isChecking());
    QVERIFY(changed.count() >= 2); // checking, then not
    QVERIFY(h.runner.starts.isEmpty());
    QVERIFY(!h.flow.isRunning());
    QVERIFY(h.destination.problem().contains(u"workspace"_s));
    QCOMPARE(h.queue.pendingCount(), 1);
}

QTEST_MAIN(TestRunFlow)
#include "tst_runflow.moc"
