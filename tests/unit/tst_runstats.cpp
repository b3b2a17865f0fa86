// SPDX-License-Identifier: GPL-3.0-or-later
// The run's statistics (transfer/runstats.h) on the core's RateWindow, and the "limited by" factor with its
// one text (issue 10 item 4).
#include "transfer/runstats.h"

#include <QSet>
#include <QTest>

using namespace Transfer;

class TestRunStats final : public QObject
{
    Q_OBJECT

private slots:
    void rateNeverNegativeAfterARestart();
    void intervalFiguresComeFromTheLastTwoTicks();
    void fillChangesNothing();
    void limitedByFromTheStrongestEvidenceDown();
    void limitedByHasOneTextEach();
};

void TestRunStats::rateNeverNegativeAfterARestart()
{
    // A file restarted from 0 after a checksum mismatch: the run's byte count goes down. The rate starts over
    // instead of going negative (the engine's own samples showed minus 18 MiB/s here).
    constexpr qint64 MiB = 1 << 20;
    RunStats stats;
    RunStats::Counters counters;
    for (qint64 second = 0; second <= 10; ++second) // 10 MiB/s for 10 s: the window spans 50..100 MiB
        stats.tick(second * 1000, second * 10 * MiB, counters, {});
    QCOMPARE(stats.rate(), double(10 * MiB));
    stats.tick(11000, 2 * MiB, counters, {});
    QVERIFY2(stats.rate() >= 0, qPrintable(QString::number(stats.rate())));
    Snapshot s;
    s.elapsedMs = 11000;
    s.bytesDone = 2 * MiB;
    s.bytesTotal = 200 * MiB;
    stats.fill(s);
    QVERIFY2(s.rate >= 0, qPrintable(QString::number(s.rate)));
    QVERIFY(!s.etaSeconds || *s.etaSeconds >= 0);
    // It moves on from the restart at the speed it goes now.
    stats.tick(12000, 5 * MiB, counters, {});
    QCOMPARE(stats.rate(), double(3 * MiB));
}

void TestRunStats::intervalFiguresComeFromTheLastTwoTicks()
{
    RunStats stats;
    stats.tick(0, 0, {10, 1, 0, 0}, {});
    stats.tick(2000, 4000, {30, 4, 0, 0}, {});
    Snapshot s;
    s.elapsedMs = 2000;
    s.bytesDone = 4000;
    s.bytesTotal = 8000;
    stats.fill(s);
    QCOMPARE(s.requestsTotal, quint64(30));
    QCOMPARE(s.throttledTotal, quint64(4));
    QCOMPARE(s.requestsInInterval, 20);
    QCOMPARE(s.requestsPerSecond, 10.0);
    QCOMPARE(s.throttledInInterval, 3);
    QCOMPARE(s.rate, 2000.0);
    QCOMPARE(s.averageRate, 2000.0);
    QCOMPARE(s.etaSeconds, std::optional<qint64>(2));
}

void TestRunStats::fillChangesNothing()
{
    RunStats stats;
    RunStats::Evidence evidence;
    evidence.filesActive = 1;
    stats.tick(0, 0, {1, 0, 0, 0}, evidence);
    stats.tick(1000, 1000, {5, 1, 0, 0}, evidence);
    Snapshot a;
    a.elapsedMs = 1500;
    a.bytesDone = 1000;
    Snapshot b = a;
    stats.fill(a);
    stats.fill(b);
    QCOMPARE(a.rate, b.rate);
    QCOMPARE(a.requestsPerSecond, b.requestsPerSecond);
    QCOMPARE(a.throttledInInterval, b.throttledInInterval);
    QCOMPARE(a.limitedBy, LimitedBy::Network);
    QCOMPARE(b.limitedBy, LimitedBy::Network);
}

void TestRunStats::limitedByFromTheStrongestEvidenceDown()
{
    const RunStats::Counters before {0, 0, 3, 7};
    const RunStats::Counters stalled {0, 0, 4, 7};
    const RunStats::Counters capped {0, 0, 3, 8};
    RunStats::Evidence e;
    QCOMPARE(RunStats::limitedBy(before, before, e, 0), LimitedBy::Nothing);
    e.filesActive = 2;
    QCOMPARE(RunStats::limitedBy(before, before, e, 0), LimitedBy::Network);
    // The cap: held back since the last tick, or running at 90 % of it.
    e.bandwidthLimit = 1000;
    QCOMPARE(RunStats::limitedBy(before, before, e, 500), LimitedBy::Network);
    QCOMPARE(RunStats::limitedBy(before, capped, e, 500), LimitedBy::BandwidthCap);
    QCOMPARE(RunStats::limitedBy(before, before, e, 950), LimitedBy::BandwidthCap);
    // A sink that pushed back names the destination's kind, not a prefix of its text.
    QCOMPARE(RunStats::limitedBy(before, stalled, e, 950), LimitedBy::Disk);
    e.remoteSink = true;
    QCOMPARE(RunStats::limitedBy(before, stalled, e, 950), LimitedBy::Databricks);
    e.pacerBusy = true;
    QCOMPARE(RunStats::limitedBy(before, stalled, e, 950), LimitedBy::DrivePacing);
}

void TestRunStats::limitedByHasOneTextEach()
{
    QVERIFY(limitedByText(LimitedBy::Nothing).isEmpty());
    QSet<QString> texts;
    for (const LimitedBy factor : {LimitedBy::DrivePacing, LimitedBy::Databricks, LimitedBy::Disk,
                                   LimitedBy::BandwidthCap, LimitedBy::Network})
    {
        const QString text = limitedByText(factor);
        QVERIFY(!text.isEmpty());
        texts.insert(text);
    }
    QCOMPARE(texts.size(), 5);
    QVERIFY(limitedByText(LimitedBy::DrivePacing).contains(QStringLiteral("pacing")));
    QVERIFY(limitedByText(LimitedBy::BandwidthCap).contains(QStringLiteral("bandwidth cap")));
}

QTEST_GUILESS_MAIN(TestRunStats)
#include "tst_runstats.moc"
