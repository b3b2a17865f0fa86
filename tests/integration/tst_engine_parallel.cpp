// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14, acceptance 4: N files in flight are N concurrent downloads, whatever Qt's 6 connections per host and
// QNetworkAccessManager (net/connectionpool.h). The real engine against the sandbox over loopback: a per-connection
// bandwidth cap makes every body last about a second, so the files in flight overlap and the sandbox's
// peak_connections (accepted connections being served at once) shows how many bodies really ran side by side.
#include "tst_engine_support.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace EngineTest;

namespace
{
constexpr int Files = 32;
constexpr qint64 FileSize = 16 * 1024;
constexpr int BytesPerSecond = 16 * 1024; // per connection: each body takes ~1 s

qint64 mediaRequests(const QJsonObject &stats)
{
    return stats.value(u"by_route"_s).toObject().value(u"drive.files.media"_s).toObject().value(u"200"_s).toInteger();
}

/// The metadata requests of a run (everything but bodies): the connections they may hold at most.
qint64 metadataRequests(const QJsonObject &stats)
{
    qint64 n = 0;
    const QJsonObject byRoute = stats.value(u"by_route"_s).toObject();
    for (auto it = byRoute.begin(); it != byRoute.end(); ++it)
    {
        if (it.key() == u"drive.files.media"_s)
            continue;
        const QJsonObject statuses = it.value().toObject();
        for (auto s = statuses.begin(); s != statuses.end(); ++s)
            n += s.value().toInteger();
    }
    return n;
}
} // namespace

class TestEngineParallel final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_folderId;

    struct Outcome
    {
        RunResult run;
        qint64 baseline = 0;        ///< connections open before the run (not the engine's)
        qint64 peakConnections = 0; ///< the engine's at once: the sandbox's peak less the baseline
        qint64 mediaRequests = 0;
        qint64 metadataRequests = 0;
        int filesLanded = 0;
    };

    Outcome ingest(int parallel, int maxBodyConnections = 0)
    {
        Outcome outcome;
        // The engine of an earlier run is gone: wait until the sandbox saw its connections close, then start the
        // counters again. The connections open then (this test's own control connection) are the baseline.
        const bool quiet = QTest::qWaitFor([this] { return m_sandbox->stats().value(u"connections"_s).toInteger() <= 1; }, 10000);
        Q_UNUSED(quiet) // the baseline below counts what is still open
        if (!m_sandbox->reset() || !m_sandbox->setFaults({{u"bandwidth_bps"_s, BytesPerSecond}}))
            return outcome;
        outcome.baseline = m_sandbox->stats().value(u"peak_connections"_s).toInteger();
        QTemporaryDir dest;
        Transfer::RunOptions options = fastOptions();
        options.parallel = parallel;
        options.maxBodyConnections = maxBodyConnections;
        outcome.run = runIngest(*m_sandbox, {ref(m_folderId)}, dest.path(), options, TokenKind::Static, 60000);
        // The sandbox records a body once its thread is done with it (after the pacing of its last bytes): a
        // moment after the client has every byte.
        QJsonObject stats;
        const bool recorded = QTest::qWaitFor([&] {
            stats = m_sandbox->stats();
            return mediaRequests(stats) >= Files;
        }, 10000);
        Q_UNUSED(recorded) // compared below
        outcome.peakConnections = stats.value(u"peak_connections"_s).toInteger() - outcome.baseline;
        outcome.mediaRequests = mediaRequests(stats);
        outcome.metadataRequests = metadataRequests(stats);
        qInfo() << "parallel" << parallel << "cap" << maxBodyConnections << "peak connections" << outcome.peakConnections
                << "baseline" << outcome.baseline << "metadata requests" << outcome.metadataRequests;
        QDirIterator it(dest.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
        {
            it.next();
            if (it.fileInfo().size() == FileSize)
                ++outcome.filesLanded;
        }
        return outcome;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<Net::Error>();
        QJsonArray files;
        for (int i = 0; i < Files; ++i)
            files.append(QJsonObject {{u"name"_s, u"f%1.bin"_s.arg(i, 2, 10, QLatin1Char('0'))}, {u"size"_s, FileSize}});
        // More server threads than connections the engine may open: a connection never waits for a thread.
        m_sandbox = sandboxWithFolder(m_work.path(), u"Many"_s, files, 64);
        QVERIFY(m_sandbox);
        m_folderId = m_sandbox->readyInfo().value(u"demo_root_id"_s).toString();
        QVERIFY(!m_folderId.isEmpty());
    }

    void cleanupTestCase()
    {
        m_sandbox.reset();
    }

    // --parallel 16: 16 bodies at once at the sandbox, each on its own connection. Before the pool, every body
    // went through the run's one QNetworkAccessManager: 6 connections at most, the other 10 files queued in Qt.
    void sixteenFilesAreSixteenConnections()
    {
        const Outcome o = ingest(16);
        QVERIFY(o.run.finished);
        QCOMPARE(o.run.report.totals.filesDone, Files);
        QCOMPARE(o.run.report.totals.filesFailed, 0);
        QCOMPARE(o.filesLanded, Files);
        QCOMPARE(o.mediaRequests, qint64(Files)); // one GET each: no retry, no ranged part
        // The listing is a couple of requests before any body (a folder of 32 files is one page); at most that
        // many of the engine's connections are not bodies, so 16 + them bounds what a connection per body opens.
        QVERIFY2(o.peakConnections >= 16,
                 qPrintable(u"peak connections %1 (metadata requests %2)"_s.arg(o.peakConnections).arg(o.metadataRequests)));
        QVERIFY2(o.peakConnections <= 16 + o.metadataRequests,
                 qPrintable(u"peak connections %1 > 16 bodies + %2 metadata requests"_s.arg(o.peakConnections).arg(o.metadataRequests)));
    }

    // The cap (RunOptions::maxBodyConnections) is whole managers of 6: with 6, the bodies share Qt's 6
    // connections as every run did before issue 14 (the benchmark's "before"); the files still all land.
    void capOfSixIsOneManager()
    {
        const Outcome o = ingest(16, 6);
        QVERIFY(o.run.finished);
        QCOMPARE(o.run.report.totals.filesDone, Files);
        QCOMPARE(o.filesLanded, Files);
        QVERIFY2(o.peakConnections <= 6 + o.metadataRequests,
                 qPrintable(u"peak connections %1 (metadata requests %2)"_s.arg(o.peakConnections).arg(o.metadataRequests)));
    }
};

QTEST_GUILESS_MAIN(TestEngineParallel)
#include "tst_engine_parallel.moc"
