// SPDX-License-Identifier: GPL-3.0-or-later
// The app's side of the journal (issue 11) on a real SQLite journal written by Journal::Store into a temporary
// XDG_STATE_HOME, with real widgets over a fake RunController: File → History lists the jobs, their runs and
// receipts as written; an interrupted job is offered for resume at start (count and destination), Dismiss hides
// the offer, Resume and Run again start a run of the job's sources into its destination.
#include "appsettings.h"
#include "destinationpicker.h"
#include "fakerunner.h"
#include "formatting.h"
#include "historycontroller.h"
#include "historyview.h"
#include "journal/store.h"
#include "mainwindow.h"
#include "queuemodel.h"

#include <QAction>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace
{
const QString photoA = u"1AbCdEfGhIjKlMnOpQrStUvWxYz012345"_s;
const QString photoFolder = u"0BfolderIdQrStUvWxYz_-6789"_s;
const QString reportFile = u"1ReportFileIdAbCdEfGhIjKlMn"_s;

Journal::FileRow file(qint64 job, qint64 run, const QString &path, const QString &state, qint64 bytes,
                      const QString &reason = {})
{
    Journal::FileRow row;
    row.job = job;
    row.run = run;
    row.driveId = u"id-"_s + path;
    row.relativePath = path;
    row.drivePath = u"Photos/"_s + path;
    row.state = state;
    row.bytes = bytes;
    row.reason = reason;
    row.destinationPath = u"/landing/"_s + path;
    return row;
}

/// A window over a fake runner, its own settings and XDG_STATE_HOME (where the journal is), signed in unless
/// told otherwise. The journal is written before the window is made (as a run before this start did).
struct Harness
{
    QTemporaryDir dir;
    QSettings qsettings {dir.filePath(u"settings.ini"_s), QSettings::IniFormat};
    AppSettings settings {&qsettings};
    FakeRunner runner;
    std::unique_ptr<MainWindow> window;
    QString photosDestination = dir.filePath(u"landing/photos"_s);

    Harness() { qputenv("XDG_STATE_HOME", dir.filePath(u"state"_s).toLocal8Bit()); }

    void open(bool signedIn = true)
    {
        MainWindow::Services services;
        services.settings = &settings;
        services.runner = &runner;
        window = std::make_unique<MainWindow>(services);
        window->show();
        if (signedIn)
            signIn();
    }
    void signIn()
    {
        AccountSession session;
        session.accountName = u"tester"_s;
        session.staticToken = "not-a-real-token";
        window->setSession(session);
    }
    [[nodiscard]] HistoryController *history() const { return window->history(); }
};

struct Jobs
{
    Journal::JobRow photos;
    Journal::JobRow reports;
};

/// "photos" (two sources into a local folder): a run that completed, then one that never ended (a.jpg done,
/// b.jpg in flight, c.jpg queued, d.jpg failed, e.jpg skipped). The reports job (one file into DBFS) ran once, completed.
Jobs writeJobs(Journal::Store &store, const QString &photosDestination, int extraQueued = 0)
{
    Jobs jobs;
    (void)store.ensureJob({photoFolder, photoA}, photosDestination, u"photos"_s, &jobs.photos);
    (void)store.ensureJob({reportFile}, u"dbfs:/reports"_s, {}, &jobs.reports);
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-2);
    qint64 run1 = 0;
    qint64 run2 = 0;
    qint64 run3 = 0;
    (void)store.startRun(jobs.photos.id, t0, &run1);
    store.upsertFile(file(jobs.photos.id, run1, u"a.jpg"_s, u"done"_s, 100));
    store.upsertFile(file(jobs.photos.id, run1, u"b.jpg"_s, u"failed"_s, 0, u"network down"_s));
    (void)store.flush();
    (void)store.endRun(run1, t0.addSecs(90), u"completed"_s);
    (void)store.startRun(jobs.reports.id, t0.addSecs(3600), &run3);
    store.upsertFile(file(jobs.reports.id, run3, u"c.pdf"_s, u"done"_s, 7));
    (void)store.flush();
    (void)store.endRun(run3, t0.addSecs(3700), u"completed"_s);
    (void)store.startRun(jobs.photos.id, t0.addDays(1), &run2);
    store.upsertFile(file(jobs.photos.id, run2, u"b.jpg"_s, u"transferring"_s, 40));
    store.upsertFile(file(jobs.photos.id, run2, u"c.jpg"_s, u"queued"_s, 0));
    store.upsertFile(file(jobs.photos.id, run2, u"d.jpg"_s, u"failed"_s, 0, u"quota exceeded"_s));
    store.upsertFile(file(jobs.photos.id, run2, u"e.jpg"_s, u"skipped"_s, 0, u"already there"_s));
    for (int i = 0; i < extraQueued; ++i)
        store.upsertFile(file(jobs.photos.id, run2, u"more/%1.jpg"_s.arg(i), u"queued"_s, 0));
    (void)store.flush();
    return jobs;
}

/// The journal a run before this start left, written where the window will read it (closed again).
std::optional<Jobs> record(const Harness &h, int extraQueued = 0)
{
    Journal::Store store;
    if (!store.open(Journal::Store::defaultPath()).ok())
        return std::nullopt;
    return writeJobs(store, h.photosDestination, extraQueued);
}

QStringList rowTexts(const QTableWidget *table, int row)
{
    QStringList texts;
    for (int column = 0; column < table->columnCount(); ++column)
        texts.append(table->item(row, column) ? table->item(row, column)->text() : QString());
    return texts;
}

QStringList ids(const RunPlan &plan)
{
    QStringList result;
    for (const Drive::DriveRef &ref : plan.sources)
        result.append(ref.id);
    return result;
}
} // namespace

class TestHistory final : public QObject
{
    Q_OBJECT

private slots:
    void historyListsJobsRunsAndReceipts();
    void interruptedJobIsOfferedAndDismissed();
    void resumeStartsARunOfTheJob();
    void runAgainStartsARunOfTheJob();
    void noOfferWhenEveryRunEndedOrTheJournalIsInUse();
    void jobDestinationsReadAsChoices();
};

void TestHistory::historyListsJobsRunsAndReceipts()
{
    Harness h;
    QVERIFY(record(h));
    h.open();
    QAction *historyAction = nullptr;
    for (QAction *a : h.window->findChildren<QAction *>())
        if (a->text().remove(u'&') == u"History…"_s)
            historyAction = a;
    QVERIFY(historyAction);
    historyAction->trigger();
    HistoryView *view = h.history()->historyView();
    QVERIFY(view);
    QVERIFY(view->isVisible());

    QTableWidget *jobs = view->jobsTable();
    QCOMPARE(jobs->rowCount(), 2);
    QCOMPARE(jobs->item(0, 0)->text(), u"photos"_s);
    QCOMPARE(jobs->item(0, 1)->text(), h.photosDestination);
    QVERIFY2(jobs->item(0, 2)->text().contains(u"interrupted"_s), qPrintable(jobs->item(0, 2)->text()));
    // a.jpg done; d.jpg failed; b.jpg (in flight) and c.jpg (queued) pending; e.jpg skipped; 100 + 40 bytes moved.
    QCOMPARE(rowTexts(jobs, 0).mid(3), (QStringList {u"1"_s, u"1"_s, u"2"_s, u"1"_s, Format::bytes(140)}));
    QCOMPARE(jobs->item(1, 0)->text(), reportFile); // unnamed: its sources
    QCOMPARE(jobs->item(1, 1)->text(), u"dbfs:/reports"_s);
    QVERIFY(jobs->item(1, 2)->text().contains(u"completed"_s));
    QCOMPARE(rowTexts(jobs, 1).mid(3), (QStringList {u"1"_s, u"0"_s, u"0"_s, u"0"_s, Format::bytes(7)}));

    // The first job is selected: its runs, the latest first, and that run's receipts.
    QTableWidget *runs = view->runsTable();
    QCOMPARE(runs->rowCount(), 2);
    QCOMPARE(runs->item(0, 1)->text(), QString()); // never ended
    QCOMPARE(runs->item(0, 2)->text(), u"interrupted"_s);
    QCOMPARE(runs->item(0, 3)->text(), u"4"_s);
    QVERIFY(!runs->item(1, 1)->text().isEmpty());
    QCOMPARE(runs->item(1, 2)->text(), u"completed"_s);
    QCOMPARE(runs->item(1, 3)->text(), u"1"_s); // b.jpg's receipt is the later run's now
    QTableWidget *receipts = view->receiptsTable();
    QCOMPARE(receipts->rowCount(), 4);
    QCOMPARE(rowTexts(receipts, 0),
             (QStringList {u"Photos/b.jpg"_s, u"/landing/b.jpg"_s, Format::bytes(40), u"Transferring"_s, QString()}));
    QCOMPARE(rowTexts(receipts, 2), (QStringList {u"Photos/d.jpg"_s, u"/landing/d.jpg"_s, Format::bytes(0), u"Failed"_s,
                                                  u"quota exceeded"_s}));
    QCOMPARE(rowTexts(receipts, 3), (QStringList {u"Photos/e.jpg"_s, u"/landing/e.jpg"_s, Format::bytes(0), u"Skipped"_s,
                                                  u"already there"_s}));
    runs->selectRow(1);
    QCOMPARE(receipts->rowCount(), 1);
    QCOMPARE(rowTexts(receipts, 0),
             (QStringList {u"Photos/a.jpg"_s, u"/landing/a.jpg"_s, Format::bytes(100), u"Done"_s, QString()}));

    // The other job: its one run and receipt.
    jobs->selectRow(1);
    QCOMPARE(runs->rowCount(), 1);
    QCOMPARE(runs->item(0, 2)->text(), u"completed"_s);
    QCOMPARE(receipts->rowCount(), 1);
    QCOMPARE(receipts->item(0, 0)->text(), u"Photos/c.pdf"_s);

    // Refresh keeps the selected job.
    view->refresh();
    QCOMPARE(view->jobsTable()->selectionModel()->selectedRows().value(0).row(), 1);
}

void TestHistory::interruptedJobIsOfferedAndDismissed()
{
    Harness h;
    QVERIFY(record(h, 1231));
    h.open(false);
    QToolBar *bar = h.history()->resumeBar();
    QVERIFY(bar);
    QVERIFY(bar->isVisible());
    // b.jpg, c.jpg, d.jpg and 1,231 more queued: 1,234 files not done.
    QCOMPARE(h.history()->resumeText(),
             u"Resume the ingest of %1 files into %2?"_s.arg(QLocale().toString(1234), h.photosDestination));
    QVERIFY(!h.history()->resumeAction()->isEnabled()); // no account shown yet
    h.signIn();
    QVERIFY(h.history()->resumeAction()->isEnabled());

    h.history()->dismissAction()->trigger();
    QVERIFY(!bar->isVisible());
    QVERIFY(h.runner.starts.isEmpty());
}

void TestHistory::resumeStartsARunOfTheJob()
{
    Harness h;
    const std::optional<Jobs> jobs = record(h);
    QVERIFY(jobs);
    h.open();
    QVERIFY(h.history()->resumeBar());
    QCOMPARE(h.history()->resumeText(), u"Resume the ingest of 3 files into %1?"_s.arg(h.photosDestination));

    h.history()->resumeAction()->trigger();
    QCOMPARE(h.runner.starts.size(), 1);
    const RunPlan &plan = h.runner.starts.first();
    QCOMPARE(ids(plan), jobs->photos.sources);
    QCOMPARE(ids(plan), (QStringList {photoFolder, photoA}));
    QCOMPARE(plan.destination.kind, AppSettings::DestinationKind::LocalFolder);
    QCOMPARE(plan.destination.path, h.photosDestination);
    QVERIFY(h.window->isRunning());
    QVERIFY(!h.history()->resumeBar()->isVisible());
}

void TestHistory::runAgainStartsARunOfTheJob()
{
    Harness h;
    const std::optional<Jobs> jobs = record(h);
    QVERIFY(jobs);
    h.open();
    // Something else waits in the queue, with another destination chosen: neither joins the job's run.
    SourceItem other;
    other.ref.id = u"1SomethingElseQueuedAbCdEfGh"_s;
    other.name = u"other.bin"_s;
    h.window->addSources({other});
    h.window->destinationPicker()->setChoice(
        {AppSettings::DestinationKind::LocalFolder, h.dir.filePath(u"elsewhere"_s)});

    h.history()->showHistory();
    HistoryView *view = h.history()->historyView();
    view->jobsTable()->selectRow(0);
    QVERIFY(view->runAgainButton()->isEnabled());
    QTest::mouseClick(view->runAgainButton(), Qt::LeftButton);

    QCOMPARE(h.runner.starts.size(), 1);
    const RunPlan &plan = h.runner.starts.first();
    QCOMPARE(ids(plan), jobs->photos.sources);
    QCOMPARE(plan.destination.kind, AppSettings::DestinationKind::LocalFolder);
    QCOMPARE(plan.destination.path, h.photosDestination);
    QCOMPARE(h.window->destinationPicker()->choice().path, h.photosDestination); // shown where it goes
    QCOMPARE(h.window->queueModel()->pendingSources(), QList<SourceItem> {other});
    // While it runs, neither Run again nor Resume starts another.
    QVERIFY(!view->runAgainButton()->isEnabled());
    QVERIFY(!h.history()->resumeAction()->isEnabled());
}

void TestHistory::noOfferWhenEveryRunEndedOrTheJournalIsInUse()
{
    {
        Harness h;
        {
            Journal::Store store;
            QVERIFY(store.open(Journal::Store::defaultPath()).ok());
            const Jobs jobs = writeJobs(store, h.photosDestination);
            const QList<Journal::RunRow> runs = store.runs(jobs.photos.id);
            QVERIFY(store.endRun(runs.last().id, QDateTime::currentDateTimeUtc(), u"cancelled"_s).ok());
        }
        h.open();
        QVERIFY(!h.history()->resumeBar());
    }
    {
        // A run in another process holds the journal: its run has not ended because it is going on.
        Harness h;
        Journal::Store store;
        QVERIFY(store.open(Journal::Store::defaultPath()).ok());
        writeJobs(store, h.photosDestination);
        h.open();
        QVERIFY(!h.history()->resumeBar());
        h.history()->showHistory();
        QCOMPARE(h.history()->historyView()->runsTable()->item(0, 2)->text(), u"running"_s);
    }
}

void TestHistory::jobDestinationsReadAsChoices()
{
    // What the engine records (Destination::describe()): a folder, "volume:/Volumes/…", "dbfs:/…".
    using Kind = AppSettings::DestinationKind;
    QString error;
    const auto choice = [&error](const QString &text) { return DestinationChoice::fromText(text, &error); };
    QCOMPARE(choice(u"/data/in"_s)->kind, Kind::LocalFolder);
    QCOMPARE(choice(u"/data/in"_s)->path, u"/data/in"_s);
    QCOMPARE(choice(u"volume:/Volumes/main/raw/files/in"_s)->kind, Kind::Volume);
    QCOMPARE(choice(u"volume:/Volumes/main/raw/files/in"_s)->path, u"/Volumes/main/raw/files/in"_s);
    QCOMPARE(choice(u"dbfs:/reports"_s)->kind, Kind::Dbfs);
    QCOMPARE(choice(u"dbfs:/reports"_s)->path, u"dbfs:/reports"_s);
    QCOMPARE(choice(u"local:/Volumes/disk/in"_s)->kind, Kind::LocalFolder);
    // Each reads back as the destination it names.
    for (const QString &text : {u"/data/in"_s, u"volume:/Volumes/main/raw/files/in"_s, u"dbfs:/reports"_s})
        QVERIFY2(choice(text)->spec(&error).has_value(), qPrintable(text + u": "_s + error));
    QVERIFY(!choice(u"s3://bucket"_s));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
