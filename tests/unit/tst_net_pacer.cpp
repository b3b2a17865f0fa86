// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/pacer.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>

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

QTEST_GUILESS_MAIN(TestNetPacer)
#include "tst_net_pacer.moc"
