// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/pacer.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>

#include <deque>
#include <functional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestNetPacer final : public QObject
{
    Q_OBJECT

private slots:
    void bucketBurstThenSteadyRate();
    void bucketDrainAndRate();
    void burstThenSteadyRate();
    void fifoOrder();
    void throttlingHalvesHoldsAndRecovers();
    void throttleWaveHalvesOnce();
    void deadContextsDoNotBlock();
    void noStarvationUnderLoad();
    void realClockRate();
    void acquireFromOtherThread();
    void giantRetryAfterHoldsOnlyUpToTheCap();
    void findsAnUnknownQuota_data();
    void findsAnUnknownQuota();
    void idlePaceDoesNotRise();
    void fixedWithoutCeiling();

private:
    // Advances the fake clock in steps, pumping and delivering queued grants each step.
    void advance(Net::Pacer &pacer, qint64 &now, qint64 ms, qint64 step = 10)
    {
        for (qint64 t = 0; t < ms; t += step)
        {
            now += step;
            pacer.pump();
            QCoreApplication::processEvents();
        }
    }
};

void TestNetPacer::bucketBurstThenSteadyRate()
{
    Net::TokenBucket b(10.0, 20, 0);
    int taken = 0;
    while (b.tryTake(0))
        ++taken;
    QCOMPARE(taken, 20);
    QCOMPARE(b.msUntilToken(0), 100);
    QVERIFY(!b.tryTake(99));
    QVERIFY(b.tryTake(100));
    // Over 10 s exactly 100 more tokens.
    int steady = 0;
    for (qint64 t = 100; t <= 10100; t += 5)
        while (b.tryTake(t))
            ++steady;
    QCOMPARE(steady, 100);
}

void TestNetPacer::bucketDrainAndRate()
{
    Net::TokenBucket b(10.0, 5, 0);
    b.drain(0);
    QCOMPARE(b.msUntilToken(0), 100);
    b.setRate(2.0, 0);
    QCOMPARE(b.msUntilToken(0), 500);
    QVERIFY(b.tryTake(500));
    // Idle time refills at most to the burst.
    QCOMPARE(b.tokens(1'000'000), 5.0);
}

void TestNetPacer::burstThenSteadyRate()
{
    qint64 now = 0;
    Net::Pacer pacer(10.0, 20);
    pacer.setClock([&now] { return now; });
    int fired = 0;
    for (int i = 0; i < 100; ++i)
        pacer.acquire(this, [&fired] { ++fired; });
    QCoreApplication::processEvents();
    QCOMPARE(fired, 20);
    QCOMPARE(pacer.granted(), 20);
    QCOMPARE(pacer.waiting(), 80);
    advance(pacer, now, 1000);
    QCOMPARE(fired, 30);
    advance(pacer, now, 5000);
    QCOMPARE(fired, 80);
    advance(pacer, now, 5000);
    QCOMPARE(fired, 100);
    QCOMPARE(pacer.waiting(), 0);
}

void TestNetPacer::fifoOrder()
{
    qint64 now = 0;
    Net::Pacer pacer(5.0, 2);
    pacer.setClock([&now] { return now; });
    QList<int> order;
    for (int i = 0; i < 12; ++i)
        pacer.acquire(this, [&order, i] { order.append(i); });
    advance(pacer, now, 3000);
    QCOMPARE(order.size(), 12);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(order.at(i), i);
}

void TestNetPacer::throttlingHalvesHoldsAndRecovers()
{
    qint64 now = 0;
    Net::Pacer pacer(10.0, 1);
    pacer.setClock([&now] { return now; });
    int fired = 0;
    pacer.acquire(this, [&fired] { ++fired; });
    QCoreApplication::processEvents();
    QCOMPARE(fired, 1);

    pacer.onThrottled(2000ms);
    QCOMPARE(pacer.effectiveRate(), 5.0);
    QCOMPARE(pacer.throttleEvents(), 1);
    QVERIFY(pacer.isHolding());
    pacer.onSuccess(); // an answer to a request sent before the wall: no recovery yet
    QCOMPARE(pacer.effectiveRate(), 5.0);
    for (int i = 0; i < 20; ++i)
        pacer.acquire(this, [&fired] { ++fired; });
    advance(pacer, now, 1990);
    QCOMPARE(fired, 1); // held for the whole Retry-After
    advance(pacer, now, 1010);
    // After the hold: about 5/s, not 10/s and not a burst.
    QVERIFY2(fired >= 5 && fired <= 7, qPrintable(QString::number(fired)));

    // Successes bring the rate back gradually, never above the configured rate, and not right after the wall.
    pacer.onSuccess();
    QVERIFY(pacer.effectiveRate() > 5.0 && pacer.effectiveRate() < 10.0);
    for (int i = 0; i < 300; ++i)
        pacer.onSuccess();
    QCOMPARE(pacer.effectiveRate(), 10.0);
}

void TestNetPacer::throttleWaveHalvesOnce()
{
    qint64 now = 0;
    Net::Pacer pacer(16.0, 8);
    pacer.setClock([&now] { return now; });
    for (int i = 0; i < 8; ++i)
        pacer.acquire(this, [] {});
    QCoreApplication::processEvents();
    // Eight answers from the same wave: one halving.
    for (int i = 0; i < 8; ++i)
        pacer.onThrottled(-1ms);
    QCOMPARE(pacer.effectiveRate(), 8.0);
    QCOMPARE(pacer.throttleEvents(), 8);
    // A grant later, a new wave halves again, down to the floor at most.
    pacer.acquire(this, [] {});
    advance(pacer, now, 500);
    pacer.onThrottled(-1ms);
    QCOMPARE(pacer.effectiveRate(), 4.0);
    pacer.setMinimumRate(3.0);
    pacer.acquire(this, [] {});
    advance(pacer, now, 500);
    pacer.onThrottled(-1ms);
    QCOMPARE(pacer.effectiveRate(), 3.0);
    pacer.setRate(20.0);
    QCOMPARE(pacer.effectiveRate(), 20.0);
    QCOMPARE(pacer.rate(), 20.0);
}

void TestNetPacer::deadContextsDoNotBlock()
{
    qint64 now = 0;
    Net::Pacer pacer(1.0, 1);
    pacer.setClock([&now] { return now; });
    int fired = 0;
    pacer.acquire(this, [&fired] { ++fired; }); // takes the one token
    auto *doomed = new QObject;
    pacer.acquire(doomed, [&fired] { fired += 100; });
    pacer.acquire(this, [&fired] { ++fired; });
    delete doomed;
    advance(pacer, now, 1000);
    QCOMPARE(fired, 2);
    QCOMPARE(pacer.granted(), 2);
}

void TestNetPacer::noStarvationUnderLoad()
{
    // Many requesters keep adding work; an early waiter is granted after exactly the ones ahead of it.
    qint64 now = 0;
    Net::Pacer pacer(10.0, 1);
    pacer.setClock([&now] { return now; });
    int firedBefore = 0;
    bool earlyFired = false;
    for (int i = 0; i < 9; ++i)
        pacer.acquire(this, [&firedBefore] { ++firedBefore; });
    pacer.acquire(this, [&earlyFired] { earlyFired = true; });
    for (int round = 0; round < 20 && !earlyFired; ++round)
    {
        for (int i = 0; i < 5; ++i)
            pacer.acquire(this, [] {});
        advance(pacer, now, 100);
    }
    QVERIFY(earlyFired);
    QCOMPARE(firedBefore, 9);
}

void TestNetPacer::realClockRate()
{
    // The real clock and timer deliver a paced rate without any manual pumping.
    Net::Pacer pacer(50.0, 1);
    int fired = 0;
    for (int i = 0; i < 11; ++i)
        pacer.acquire(this, [&fired] { ++fired; });
    QTRY_COMPARE_WITH_TIMEOUT(fired, 11, 5000);
    QCOMPARE(pacer.granted(), 11);
}

void TestNetPacer::acquireFromOtherThread()
{
    Net::Pacer pacer(100.0, 10);
    QThread worker;
    QObject context;
    context.moveToThread(&worker);
    worker.start();
    std::atomic<int> fired = 0;
    std::atomic<bool> onWorker = true;
    for (int i = 0; i < 5; ++i)
        pacer.acquire(&context,
            [&fired, &onWorker, &worker]
            {
                if (QThread::currentThread() != &worker)
                    onWorker = false;
                ++fired;
            });
    QTRY_COMPARE_WITH_TIMEOUT(fired.load(), 5, 5000);
    QVERIFY(onWorker);
    worker.quit();
    worker.wait();
}

void TestNetPacer::giantRetryAfterHoldsOnlyUpToTheCap()
{
    // Issue 16 #10: "Retry-After: 999999999" held every request of the run for 31 years.
    qint64 now = 0;
    Net::Pacer pacer(10.0, 1);
    pacer.setClock([&now] { return now; });
    pacer.onThrottled(999999999s);
    QVERIFY(pacer.isHolding());
    QCOMPARE(pacer.holdRemainingMs(), qint64(5 * 60 * 1000));
    QCOMPARE(pacer.holdAsked(), std::chrono::milliseconds(999999999s)); // what the server asked, for the user
    int fired = 0;
    pacer.acquire(this, [&fired] { ++fired; });
    now += 5 * 60 * 1000 - 1;
    pacer.pump();
    QCoreApplication::processEvents();
    QCOMPARE(fired, 0);
    QCOMPARE(pacer.holdRemainingMs(), qint64(1));
    advance(pacer, now, 1000);
    QCOMPARE(fired, 1);
    QVERIFY(!pacer.isHolding());
    QCOMPARE(pacer.holdRemainingMs(), qint64(0));
    QCOMPARE(pacer.holdAsked(), std::chrono::milliseconds(-1));
}

void TestNetPacer::findsAnUnknownQuota_data()
{
    QTest::addColumn<double>("quota");
    QTest::newRow("150/s") << 150.0;
    QTest::newRow("20/s") << 20.0;
}

// A simulated server with a quota the client does not know (a token bucket like the sandbox's: `quota` per
// second, one second's burst), 40 ms away, and a client that always has 16 requests to send: the pacer must
// find the quota from its default start of 10/s under a ceiling of 200/s, and spend the run near it.
// Simulated time: nothing here depends on how fast the machine is.
void TestNetPacer::findsAnUnknownQuota()
{
    QFETCH(double, quota);
    const int wanted = int(quota * 20); // 20 s of work at the quota
    constexpr qint64 latencyMs = 40;
    constexpr qint64 retryDelayMs = 1000; // a throttled request waits this long, then asks the pacer again
    qint64 now = 0;
    Net::Pacer pacer(10.0, 20);
    pacer.setClock([&now] { return now; });
    pacer.setCeiling(200.0);
    Net::TokenBucket server(quota, int(quota), 0);

    struct InFlight
    {
        qint64 answerAt;
        bool accepted;
    };
    std::deque<InFlight> inFlight;
    std::deque<qint64> retries; // when each throttled request comes back to the pacer
    int succeeded = 0;
    int throttled = 0;
    int sent = 0;
    int asked = 0;
    std::function<void()> ask = [&] {
        ++asked;
        pacer.acquire(this, [&] {
            ++sent;
            inFlight.push_back({now + latencyMs, server.tryTake(now + latencyMs / 2)});
        });
    };
    for (int i = 0; i < 16; ++i)
        ask();
    while (succeeded < wanted && now < 600'000)
    {
        ++now;
        while (!inFlight.empty() && inFlight.front().answerAt <= now)
        {
            const InFlight done = inFlight.front();
            inFlight.pop_front();
            if (done.accepted)
            {
                ++succeeded;
                pacer.onSuccess();
                if (asked - throttled < wanted)
                    ask();
            }
            else
            {
                ++throttled;
                pacer.onThrottled(-1ms);
                retries.push_back(now + retryDelayMs);
            }
        }
        while (!retries.empty() && retries.front() <= now)
        {
            retries.pop_front();
            ask();
        }
        pacer.pump();
        QCoreApplication::processEvents();
    }
    const double floorMs = 1000.0 * wanted / quota;
    qInfo("quota %.0f/s: %d requests in %lld ms simulated (%.2f x the quota's floor), %d throttled (%.1f %%), pace "
          "now %.1f/s",
          quota, wanted, now, double(now) / floorMs, throttled, 100.0 * throttled / sent, pacer.effectiveRate());
    QCOMPARE(succeeded, wanted);
    QVERIFY2(double(now) <= 1.2 * floorMs, qPrintable(QString::number(double(now) / floorMs)));
    QVERIFY2(throttled <= sent / 50, qPrintable(QString::number(throttled)));
    QVERIFY(pacer.throttleEvents() > 0); // it did find the wall
    QVERIFY(pacer.effectiveRate() <= 1.3 * quota);
}

void TestNetPacer::idlePaceDoesNotRise()
{
    // Requests that come slower than the pace teach nothing: the pace stays where it is.
    qint64 now = 0;
    Net::Pacer pacer(10.0, 20);
    pacer.setClock([&now] { return now; });
    pacer.setCeiling(200.0);
    for (int i = 0; i < 50; ++i)
    {
        pacer.acquire(this, [] {});
        advance(pacer, now, 500);
        pacer.onSuccess();
    }
    QCOMPARE(pacer.effectiveRate(), 10.0);
    QCOMPARE(pacer.state(), Net::PaceState::Idle);
    // With work queued behind the pace, it rises, and never above the ceiling.
    for (int i = 0; i < 2000; ++i)
        pacer.acquire(this, [] {});
    for (int i = 0; i < 100; ++i)
    {
        advance(pacer, now, 20);
        pacer.onSuccess();
    }
    QVERIFY(pacer.effectiveRate() > 10.0);
    for (int i = 0; i < 1000; ++i)
        pacer.onSuccess();
    QCOMPARE(pacer.effectiveRate(), 200.0);
    QCOMPARE(pacer.state(), Net::PaceState::Ceiling);
}

void TestNetPacer::fixedWithoutCeiling()
{
    // No ceiling above the rate: the pace is the configured one whatever the successes (`--qps` alone).
    qint64 now = 0;
    Net::Pacer pacer(10.0, 20);
    pacer.setClock([&now] { return now; });
    for (int i = 0; i < 200; ++i)
        pacer.acquire(this, [] {});
    for (int i = 0; i < 100; ++i)
    {
        advance(pacer, now, 20);
        pacer.onSuccess();
    }
    QCOMPARE(pacer.effectiveRate(), 10.0);
    QCOMPARE(pacer.state(), Net::PaceState::Fixed);
    pacer.setCeiling(5.0); // a ceiling below the rate fixes it too
    QCOMPARE(pacer.effectiveRate(), 10.0);
}

QTEST_GUILESS_MAIN(TestNetPacer)
#include "tst_net_pacer.moc"
