// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 11, acceptance 4: a run holds what is active and a window of its queue, not the tree. The real engine against
// the sandbox over loopback: every request waits 150 ms, so four listing queries bring a thousand files each while
// the transfers move a few files a second; the listing must hold at RunOptions::queueWindow files queued (not list
// the whole tree ahead), then the latency goes and the run lands everything, its report read back from disk in the
// order found (Transfer::FileList).
#include "tst_engine_support.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace EngineTest;

namespace
{
constexpr int Folders = 100;
constexpr int FilesPerFolder = 100;
constexpr int Files = Folders * FilesPerFolder;
constexpr int Window = 500;
constexpr int PageSize = 1000;    // the walker's files.list page
constexpr int ListingQueries = 4; // the walker's queries in flight
} // namespace

class TestEngineWindow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_rootId;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<Net::Error>();
        QJsonArray folders;
        for (int f = 0; f < Folders; ++f)
        {
            QJsonArray files;
            for (int i = 0; i < FilesPerFolder; ++i)
                files.append(QJsonObject {{u"name"_s, u"f%1.bin"_s.arg(i, 3, 10, QLatin1Char('0'))}, {u"size"_s, 1}});
            folders.append(QJsonObject {{u"name"_s, u"d%1"_s.arg(f, 3, 10, QLatin1Char('0'))}, {u"children"_s, files}});
        }
        m_sandbox = sandboxWithFolder(m_work.path(), u"Wide"_s, folders, 32);
        QVERIFY(m_sandbox);
        m_rootId = m_sandbox->readyInfo().value(u"demo_root_id"_s).toString();
        QVERIFY(!m_rootId.isEmpty());
    }

    void cleanupTestCase()
    {
        m_sandbox.reset();
    }

    void theListingHoldsAtTheWindow()
    {
        QVERIFY(m_sandbox->setFaults({{u"latency_ms"_s, 150}}));
        QTemporaryDir dest;
        Transfer::RunOptions options = fastOptions();
        options.queueWindow = Window;
        // Drive's pace is not what this test is about: 10,000 one-byte files, once fast, in a few seconds.
        options.requestsPerSecond = options.maxRequestsPerSecond = 5000;
        options.burst = 500;
        options.parallel = 8;
        // Slow transfers for three seconds (the listing is done in under one without a window), then fast.
        SandboxProcess *sandbox = m_sandbox.get();
        const RunResult run = runIngest(*m_sandbox, {ref(m_rootId)}, dest.path(), options, TokenKind::Static, 120000,
                                        [sandbox](Transfer::EngineHost &, const Transfer::Snapshot &) {
                                            QTimer::singleShot(3000, [sandbox] { sandbox->setFaults({{u"latency_ms"_s, 0}}); });
                                        });
        QVERIFY(run.finished);
        int mostQueued = 0;
        int listedAtThreeSeconds = 0;
        for (const Transfer::Snapshot &s : run.snapshots)
        {
            mostQueued = std::max(mostQueued, s.filesQueued);
            if (s.elapsedMs <= 2900)
                listedAtThreeSeconds = std::max(listedAtThreeSeconds, s.filesTotal);
        }
        qInfo() << "most files queued" << mostQueued << "of" << Files << "; listed in the slow 3 s:" << listedAtThreeSeconds;
        // Held at the window: what the queries in flight when it filled still bring comes on top, nothing more.
        QVERIFY2(mostQueued <= Window + ListingQueries * PageSize, qPrintable(QString::number(mostQueued)));
        QVERIFY2(listedAtThreeSeconds < Files / 2, qPrintable(QString::number(listedAtThreeSeconds)));
        // And nothing is lost by holding: every file landed, the report whole and in the order found.
        QCOMPARE(run.report.totals.filesDone, Files);
        QCOMPARE(run.report.files.size(), qsizetype(Files));
        QVERIFY(run.report.files.spilledCount() > 0); // read back from disk
        quint64 previous = 0;
        int done = 0;
        for (const Transfer::FileStatus &file : run.report.files)
        {
            QVERIFY(file.key > previous);
            previous = file.key;
            done += file.state == Transfer::FileState::Done ? 1 : 0;
        }
        QCOMPARE(done, Files);
    }
};

QTEST_GUILESS_MAIN(TestEngineWindow)
#include "tst_engine_window.moc"
