// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/backoff.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Net::ErrorClass;

namespace
{
Net::Error error(ErrorClass c, std::chrono::milliseconds retryAfter = -1ms)
{
    Net::Error e;
    e.errorClass = c;
    e.retryAfter = retryAfter;
    return e;
}
} // namespace

class TestNetBackoff final : public QObject
{
    Q_OBJECT

private slots:
    void defaultsFollowTheDesignTable();
    void exponentialWithJitterWithinBounds();
    void retryAfterWins();
    void onlyTransientAndThrottledRetry();
    void triesRunOut();
    void resetStartsOver();
    void sameSeedSameDelays();
    void serverWaitsAreCappedByDefault();
    void retryTimeoutBoundsThePauses();
    void zeroRetryTimeoutMeansNoRetry();
};

void TestNetBackoff::defaultsFollowTheDesignTable()
{
    const Net::BackoffPolicy p;
    QCOMPARE(p.initial, 1000ms);
    QCOMPARE(p.max, 32000ms);
    QCOMPARE(p.jitter, 1000ms);
    QCOMPARE(p.maxTries, 8);
}

void TestNetBackoff::exponentialWithJitterWithinBounds()
{
    for (quint32 seed = 1; seed < 50; ++seed)
    {
        Net::Backoff b(Net::BackoffPolicy {}, seed);
        const qint64 bases[] = { 1000, 2000, 4000, 8000, 16000, 32000, 32000 };
        for (const qint64 base : bases)
        {
            const auto d = b.nextDelay(error(ErrorClass::Transient));
            QVERIFY(d.has_value());
            QVERIFY2(d->count() >= base && d->count() < base + 1000, qPrintable(QString::number(d->count())));
        }
        QCOMPARE(b.attempts(), 7);
    }
}

void TestNetBackoff::retryAfterWins()
{
    Net::Backoff b(Net::BackoffPolicy {}, 7);
    QCOMPARE(b.nextDelay(error(ErrorClass::Throttled, 5000ms)), std::optional(5000ms));
    QCOMPARE(b.nextDelay(error(ErrorClass::Throttled, 0ms)), std::optional(0ms));
    // Capped: a server asking for an hour gets asked again after the cap.
    QCOMPARE(b.nextDelay(error(ErrorClass::Throttled, 3600s)), std::optional<std::chrono::milliseconds>(5min));
    // Without Retry-After the exponential sequence continues where it was.
    const auto d = b.nextDelay(error(ErrorClass::Throttled));
    QVERIFY(d && d->count() >= 8000 && d->count() < 9000);
}

void TestNetBackoff::onlyTransientAndThrottledRetry()
{
    for (const ErrorClass c : { ErrorClass::None, ErrorClass::Auth, ErrorClass::Quota, ErrorClass::Permanent,
             ErrorClass::Local, ErrorClass::Cancelled })
    {
        Net::Backoff b;
        QVERIFY(!b.nextDelay(error(c)).has_value());
        QCOMPARE(b.attempts(), 0);
    }
    Net::Backoff b;
    QVERIFY(b.nextDelay(error(ErrorClass::Transient)).has_value());
    QVERIFY(b.nextDelay(error(ErrorClass::Throttled)).has_value());
}

void TestNetBackoff::triesRunOut()
{
    Net::BackoffPolicy p;
    p.maxTries = 3;
    Net::Backoff b(p, 1);
    QVERIFY(b.nextDelay(error(ErrorClass::Transient))); // after try 1
    QVERIFY(b.nextDelay(error(ErrorClass::Transient))); // after try 2
    QVERIFY(!b.nextDelay(error(ErrorClass::Transient))); // try 3 was the last
    QVERIFY(!b.nextDelay(error(ErrorClass::Throttled, 10ms)));
    QCOMPARE(b.attempts(), 2);
}

void TestNetBackoff::resetStartsOver()
{
    Net::BackoffPolicy p;
    p.jitter = 0ms;
    Net::Backoff b(p, 1);
    QCOMPARE(*b.nextDelay(error(ErrorClass::Transient)), 1000ms);
    QCOMPARE(*b.nextDelay(error(ErrorClass::Transient)), 2000ms);
    b.reset();
    QCOMPARE(b.attempts(), 0);
    QCOMPARE(*b.nextDelay(error(ErrorClass::Transient)), 1000ms);
}

void TestNetBackoff::sameSeedSameDelays()
{
    Net::Backoff a(Net::BackoffPolicy {}, 42);
    Net::Backoff b(Net::BackoffPolicy {}, 42);
    for (int i = 0; i < 7; ++i)
        QCOMPARE(a.nextDelay(error(ErrorClass::Transient)), b.nextDelay(error(ErrorClass::Transient)));
}

void TestNetBackoff::serverWaitsAreCappedByDefault()
{
    // Issue 16 #10: Retry-After: 999999999 must not stop a request for 31 years, even when a caller builds
    // its own policy with a larger cap.
    QCOMPARE(Net::MaxServerWait, std::chrono::milliseconds(5min));
    Net::BackoffPolicy p;
    p.retryAfterCap = 24h;
    Net::Backoff b(p, 1);
    QCOMPARE(b.nextDelay(error(ErrorClass::Throttled, 999999999s)), std::optional<std::chrono::milliseconds>(5min));
}

void TestNetBackoff::retryTimeoutBoundsThePauses()
{
    // Issue 15 #10: the pauses of one request add up to the retry timeout at most, the last one cut to fit.
    Net::BackoffPolicy p;
    p.jitter = 0ms;
    p.maxTries = 100;
    p.retryTimeout = 10s;
    Net::Backoff b(p, 1);
    QCOMPARE(*b.nextDelay(error(ErrorClass::Transient)), 1000ms);
    QCOMPARE(*b.nextDelay(error(ErrorClass::Transient)), 2000ms);
    QCOMPARE(*b.nextDelay(error(ErrorClass::Transient)), 4000ms);
    QCOMPARE(*b.nextDelay(error(ErrorClass::Transient)), 3000ms); // 8 s cut to the 3 s left
    QVERIFY(!b.nextDelay(error(ErrorClass::Transient)));
    QVERIFY(!b.nextDelay(error(ErrorClass::Throttled, 0ms)));
    QCOMPARE(b.attempts(), 4);
    // A server's Retry-After counts against the same budget.
    b.reset();
    QCOMPARE(*b.nextDelay(error(ErrorClass::Throttled, 60s)), 10000ms);
    QVERIFY(!b.nextDelay(error(ErrorClass::Transient)));
    // The default is finite and leaves room for two of the longest server waits.
    QCOMPARE(Net::BackoffPolicy {}.retryTimeout, std::chrono::milliseconds(10min));
}

void TestNetBackoff::zeroRetryTimeoutMeansNoRetry()
{
    Net::BackoffPolicy p;
    p.retryTimeout = 0ms;
    Net::Backoff b(p, 1);
    QVERIFY(!b.nextDelay(error(ErrorClass::Transient)));
    QCOMPARE(b.attempts(), 0);
}

QTEST_GUILESS_MAIN(TestNetBackoff)
#include "tst_net_backoff.moc"
