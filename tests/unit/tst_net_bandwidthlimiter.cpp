// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/bandwidthlimiter.h"

#include <QSignalSpy>
#include <QTest>

class TestNetBandwidthLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void unlimitedGrantsEverything();
    void steadyRateOverSimulatedTime();
    void waitsThenWakesUp();
    void liftingTheLimitWakesWaiters();
    void giveBackReturnsBudget();
    void realClockRate();
};

void TestNetBandwidthLimiter::unlimitedGrantsEverything()
{
    Net::BandwidthLimiter limiter;
    QVERIFY(limiter.isUnlimited());
    QCOMPARE(limiter.allowance(1 << 30), qint64(1) << 30);
    QCOMPARE(limiter.allowance(0), 0);
    QCOMPARE(limiter.waits(), 0);
}

void TestNetBandwidthLimiter::steadyRateOverSimulatedTime()
{
    qint64 now = 0;
    Net::BandwidthLimiter limiter(10'000'000);
    limiter.setClock([&now] { return now; });
    qint64 total = 0;
    // Two readers asking for 256 KiB every 5 ms for 10 simulated seconds.
    for (; now <= 10'000; now += 5)
        for (int reader = 0; reader < 2; ++reader)
            total += limiter.allowance(256 * 1024);
    // 10 s at 10 MB/s, plus at most the initial burst (a tenth of a second).
    QVERIFY2(total >= 99'000'000 && total <= 101'000'000, qPrintable(QString::number(total)));
    QVERIFY(limiter.waits() > 0);
}

void TestNetBandwidthLimiter::waitsThenWakesUp()
{
    qint64 now = 0;
    Net::BandwidthLimiter limiter(1'000'000);
    limiter.setClock([&now] { return now; });
    QSignalSpy available(&limiter, &Net::BandwidthLimiter::budgetAvailable);
    QCOMPARE(limiter.allowance(1'000'000), 100'000); // the burst: a tenth of a second
    QCOMPARE(limiter.allowance(10), 0);
    QCOMPARE(limiter.waits(), 1);
    now += 50;
    QTRY_COMPARE(available.size(), 1);
    QCOMPARE(limiter.allowance(1'000'000), 50'000);
}

void TestNetBandwidthLimiter::liftingTheLimitWakesWaiters()
{
    qint64 now = 0;
    Net::BandwidthLimiter limiter(100'000);
    limiter.setClock([&now] { return now; });
    QSignalSpy available(&limiter, &Net::BandwidthLimiter::budgetAvailable);
    (void)limiter.allowance(1'000'000);
    QCOMPARE(limiter.allowance(1), 0);
    limiter.setLimit(0);
    QCOMPARE(available.size(), 1);
    QCOMPARE(limiter.allowance(5'000'000), 5'000'000);
}

void TestNetBandwidthLimiter::giveBackReturnsBudget()
{
    qint64 now = 0;
    Net::BandwidthLimiter limiter(1'000'000);
    limiter.setClock([&now] { return now; });
    QCOMPARE(limiter.allowance(100'000), 100'000);
    limiter.giveBack(30'000);
    QCOMPARE(limiter.allowance(100'000), 30'000);
}

void TestNetBandwidthLimiter::realClockRate()
{
    // 2 MB/s for a measured 0.5 s: the grants follow the setting within 10 %.
    Net::BandwidthLimiter limiter(2'000'000);
    (void)limiter.allowance(1 << 30); // spend the initial burst
    QElapsedTimer timer;
    timer.start();
    qint64 total = 0;
    while (timer.elapsed() < 500)
    {
        total += limiter.allowance(1 << 20); // take all that refilled, however long the wait was
        QTest::qWait(5);
    }
    const double rate = double(total) * 1000.0 / double(timer.elapsed());
    QVERIFY2(rate > 1'800'000 && rate < 2'200'000, qPrintable(QString::number(rate)));
}

QTEST_GUILESS_MAIN(TestNetBandwidthLimiter)
#include "tst_net_bandwidthlimiter.moc"
