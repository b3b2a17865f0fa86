// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 11 end to end through the app: drive-ingest-cli ingests a folder from the real sandbox and is killed
// (kill -9) once the journal records a file done; the app, started on the same XDG_STATE_HOME with the real
// engine, offers to resume that job (its files not done, its destination), Resume runs it to the end as the
// same job (one job, two runs), without fetching again what the killed run finished, and File → History shows
// both runs.
#include "historycontroller.h"
#include "historyview.h"
#include "journal/reader.h"
#include "journal/store.h"
#include "sandboxapp.h"
#include "transfer/jobtally.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <memory>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray token = "history-sandbox-static-token-51d0"_ba;
constexpr int fileCount = 6;
constexpr qint64 fileSize = 2 << 20;

QByteArray manifest()
{
    QByteArray children;
    for (int i = 1; i <= fileCount; ++i)
        children += (i > 1 ? ","_ba : ""_ba) + R"({"name": "f)"_ba + QByteArray::number(i) + R"(.bin", "size": )"_ba
            + QByteArray::number(fileSize) + "}"_ba;
    return R"({"demo_root": "Ingest", "my_drive": [{"name": "Ingest", "children": [)"_ba + children + "]}]}"_ba;
}
} // namespace

class TestHistorySandbox final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DI_SANDBOX") || qEnvironmentVariableIsEmpty("DI_CLI"))
            QSKIP("DI_SANDBOX or DI_CLI is not set (run through ctest)");
        QVERIFY(m_work.isValid());
        // A per-connection cap: each 2 MiB file takes about half a second, so the kill finds the run under way.
        m_sandbox = SandboxApp::sandboxWithManifest(m_work, manifest(), token, {u"--bandwidth"_s, u"4000000"_s});
        QVERIFY(m_sandbox);
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_folder = m_sandbox->idOf(u"Ingest"_s);
        QVERIFY(!m_folder.isEmpty());
        qputenv("XDG_STATE_HOME", m_work.filePath(u"state"_s).toLocal8Bit());
    }

    void killedCliRunIsResumedInTheApp()
    {
        const QString out = QDir::cleanPath(m_work.filePath(u"out"_s));
        const QString journal = Journal::Store::defaultPath();
        QVERIFY(journal.startsWith(m_work.path()));

        // The CLI, killed while under way (what the journal has committed, a kill cannot take back).
        QProcess cli;
        SandboxApp::startCli(cli, {u"ingest"_s, m_folder, u"--to"_s, out, u"--sandbox"_s, m_sandbox->baseUrl().toString(),
                                   u"--parallel"_s, u"1"_s, u"--quiet"_s}, token);
        QVERIFY(cli.waitForStarted());
        Journal::Reader reader;
        // Killed once the journal has a file done and others recorded but not done (their rows are batched).
        const auto underWay = [&reader, &journal] {
            if (!reader.isOpen() && !reader.open(journal).ok())
                return false;
            const QList<Journal::JobRow> jobs = reader.jobRows();
            if (jobs.isEmpty())
                return false;
            const QMap<QString, qint64> states = reader.filesByState(jobs.first().id);
            return states.value(u"done"_s) >= 1 && Transfer::JobTally::of(states).notDone() >= 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(underWay() || cli.state() == QProcess::NotRunning, 30000);
        QVERIFY2(cli.state() == QProcess::Running, cli.readAllStandardError().constData());
        cli.kill();
        QVERIFY(cli.waitForFinished(10000));

        const QList<Journal::JobRow> jobs = reader.jobRows();
        QCOMPARE(jobs.size(), 1);
        const Journal::JobRow job = jobs.first();
        const std::optional<Journal::RunRow> killed = reader.lastRun(job.id);
        QVERIFY(killed);
        QVERIFY(killed->outcome.isEmpty());
        QSet<QString> doneBefore;
        for (const Journal::FileRow &row : reader.receipts(killed->id))
            if (row.state == u"done"_s)
                doneBefore.insert(row.driveId);
        QVERIFY(!doneBefore.isEmpty());
        const qint64 notDone = Transfer::JobTally::of(reader.filesByState(job.id)).notDone();
        reader.close();

        // The app on the same state folder, with the real engine.
        SandboxApp::Window app(m_work.filePath(u"settings.ini"_s), m_sandbox->baseUrl(), token);
        MainWindow &window = app.window();

        HistoryController *history = window.history();
        QVERIFY(history->resumeBar());
        QVERIFY(history->resumeBar()->isVisible());
        QVERIFY(notDone >= 1);
        const QString expected = notDone == 1
            ? u"Resume the ingest of 1 file into %1?"_s.arg(job.destination)
            : u"Resume the ingest of %1 files into %2?"_s.arg(QLocale().toString(notDone), job.destination);
        QCOMPARE(history->resumeText(), expected);
        QCOMPARE(QDir::cleanPath(job.destination), out);

        const qsizetype served = m_sandbox->stats().value(u"log"_s).toArray().size();
        QSignalSpy finished(&app.runner(), &RunController::finished);
        history->resumeAction()->trigger();
        QVERIFY(window.isRunning());
        QVERIFY(finished.wait(60000));

        // Every file landed whole.
        for (int i = 1; i <= fileCount; ++i)
            QCOMPARE(QFileInfo(out + u"/Ingest/f%1.bin"_s.arg(i)).size(), fileSize);
        // What the killed run finished was not fetched again.
        const QJsonArray log = m_sandbox->stats().value(u"log"_s).toArray();
        for (qsizetype i = served; i < log.size(); ++i)
        {
            const QJsonObject request = log.at(i).toObject();
            for (const QString &id : std::as_const(doneBefore))
                QVERIFY2(!request.value(u"path"_s).toString().contains(id)
                             || request.value(u"bytes_out"_s).toInteger() < fileSize / 2,
                         qPrintable(request.value(u"path"_s).toString()));
        }
        // The same job (the app names the sources and destination as the CLI does), its second run ended.
        QVERIFY(reader.open(journal).ok());
        QCOMPARE(reader.jobRows().size(), 1);
        const QList<Journal::RunRow> runs = reader.runs(job.id);
        QCOMPARE(runs.size(), 2);
        QVERIFY(!runs.last().outcome.isEmpty());
        QCOMPARE(Transfer::JobTally::of(reader.filesByState(job.id)).done, fileCount);

        // File → History shows it: all done, the resumed run and the interrupted one.
        history->showHistory();
        HistoryView *view = history->historyView();
        QCOMPARE(view->jobsTable()->rowCount(), 1);
        QCOMPARE(view->jobsTable()->item(0, 3)->text(), QString::number(fileCount));
        QCOMPARE(view->runsTable()->rowCount(), 2);
        QCOMPARE(view->runsTable()->item(0, 2)->text(), runs.last().outcome);
        QCOMPARE(view->runsTable()->item(1, 2)->text(), u"interrupted"_s);
        QVERIFY(history->historyView()->runAgainButton()->isEnabled());
    }

private:
    QTemporaryDir m_work;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_folder;
};

QTEST_MAIN(TestHistorySandbox)
#include "tst_historysandbox.moc"
