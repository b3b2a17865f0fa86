// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/ratewindow.h"

#include <QTest>

using Transfer::RateWindow;
using Transfer::ThroughputHistory;
using Window = Transfer::ThroughputHistory::Window;

namespace
{
constexpr qint64 MiB = 1024 * 1024;

// A test clock: time only moves when the test says so.
struct FakeClock
{
    qint64 ms = 1'000'000;
    void advance(qint64 delta) { ms += delta; }
};
} // namespace

class TestRateWindow final : public QObject
{
    Q_OBJECT

private slots:
    void emptyAndSingle();
    void steadyRate();
    void windowForgetsOldRate();
    void stallDecaysToZero();
    void eta();
    void restartedBodyStartsOver();
    void frequentSamplesStayBounded();
    void historyWindows();
    void historyBucketsAndGaps();
    void historyMemoryIsFixed();
};

void TestRateWindow::emptyAndSingle()
{
    RateWindow window;
    QCOMPARE(window.bytesPerSecond(), 0.0);
    QVERIFY(!window.etaSeconds(100).has_value());
    window.addSample(0, 0);
    QCOMPARE(window.bytesPerSecond(), 0.0);
    window.addSample(50, 1000); // too close to measure
    QCOMPARE(window.bytesPerSecond(), 0.0);
}

void TestRateWindow::steadyRate()
{
    FakeClock clock;
    RateWindow window;
    qint64 total = 0;
    for (int i = 0; i < 20; ++i)
    {
        window.addSample(clock.ms, total);
        clock.advance(250);
        total += 5 * MiB / 4; // 5 MiB/s
    }
    QCOMPARE(window.bytesPerSecond(), 5.0 * MiB);
}

void TestRateWindow::windowForgetsOldRate()
{
    FakeClock clock;
    RateWindow window(5000);
    qint64 total = 0;
    for (int i = 0; i <= 10; ++i) // 10 s at 10 MiB/s
    {
        window.addSample(clock.ms, total);
        clock.advance(1000);
        total += 10 * MiB;
    }
    total -= 10 * MiB;
    clock.advance(-1000);
    for (int i = 0; i < 6; ++i) // then 6 s at 2 MiB/s: the window holds only the slow part
    {
        clock.advance(1000);
        total += 2 * MiB;
        window.addSample(clock.ms, total);
    }
    QCOMPARE(window.bytesPerSecond(), 2.0 * MiB);
}

void TestRateWindow::stallDecaysToZero()
{
    FakeClock clock;
    RateWindow window;
    window.addSample(clock.ms, 0);
    clock.advance(1000);
    window.addSample(clock.ms, 4 * MiB);
    QCOMPARE(window.bytesPerSecond(), 4.0 * MiB);
    // Nothing arrives; the 1 s stats tick keeps sampling the same total.
    double previous = window.bytesPerSecond();
    for (int i = 0; i < 4; ++i)
    {
        clock.advance(1000);
        window.addSample(clock.ms, 4 * MiB);
        QVERIFY(window.bytesPerSecond() < previous);
        previous = window.bytesPerSecond();
    }
    for (int i = 0; i < 6; ++i)
    {
        clock.advance(1000);
        window.addSample(clock.ms, 4 * MiB);
    }
    QCOMPARE(window.bytesPerSecond(), 0.0);
    QVERIFY(!window.etaSeconds(MiB).has_value());
}

void TestRateWindow::eta()
{
    RateWindow window;
    window.addSample(0, 0);
    window.addSample(2000, 2 * MiB); // 1 MiB/s
    QCOMPARE(window.etaSeconds(10 * MiB).value_or(-1), qint64(10));
    QCOMPARE(window.etaSeconds(10 * MiB + 1).value_or(-1), qint64(11)); // rounded up
    QCOMPARE(window.etaSeconds(0).value_or(-1), qint64(0));
    QVERIFY(!window.etaSeconds(-1).has_value()); // unknown size (exports)
}

void TestRateWindow::restartedBodyStartsOver()
{
    RateWindow window;
    window.addSample(0, 0);
    window.addSample(1000, 8 * MiB);
    window.addSample(2000, 1 * MiB); // a retry restarted from byte 0
    QCOMPARE(window.bytesPerSecond(), 0.0);
    window.addSample(3000, 3 * MiB);
    QCOMPARE(window.bytesPerSecond(), 2.0 * MiB);
    window.addSample(500, 3 * MiB); // clock went backwards
    QCOMPARE(window.bytesPerSecond(), 0.0);
}

void TestRateWindow::frequentSamplesStayBounded()
{
    // Progress every 1 ms for 20 s (as readyRead might report it): the rate is still right.
    RateWindow window;
    qint64 total = 0;
    for (qint64 ms = 0; ms <= 20000; ++ms)
    {
        window.addSample(ms, total);
        total += 3000; // 3,000,000 B/s
    }
    QVERIFY(qAbs(window.bytesPerSecond() - 3.0e6) < 3.0e6 * 0.001);
}

void TestRateWindow::historyWindows()
{
    FakeClock clock;
    ThroughputHistory history;
    QVERIFY(history.window(Window::OneMinute).isEmpty());
    for (int s = 0; s < 3600; ++s) // one hour of 1 s samples
    {
        history.append(clock.ms, s, s % 7, s % 100 == 0);
        clock.advance(1000);
    }
    const QList<ThroughputHistory::Point> minute = history.window(Window::OneMinute);
    QCOMPARE(minute.size(), 60);
    QCOMPARE(minute.last().rate, 3599.0);
    QCOMPARE(minute.first().rate, 3540.0);
    QCOMPARE(minute.last().ms, clock.ms - 1000);
    QCOMPARE(minute.last().requests, 3599 % 7);

    const QList<ThroughputHistory::Point> five = history.window(Window::FiveMinutes);
    QCOMPARE(five.size(), 300);
    QCOMPARE(five.first().rate, 3300.0);
    QVERIFY(std::is_sorted(five.cbegin(), five.cend(),
                           [](const auto &a, const auto &b) { return a.ms < b.ms; }));

    const QList<ThroughputHistory::Point> thirty = history.window(Window::ThirtyMinutes);
    QCOMPARE(thirty.size(), 300); // 6 s buckets
    // The last full bucket is seconds 3594..3599: mean rate 3596.5, requests summed, throttled if any.
    const ThroughputHistory::Point &last = thirty.last();
    QCOMPARE(last.rate, 3596.5);
    int requests = 0;
    for (int s = 3594; s < 3600; ++s)
    {
        requests += s % 7;
    }
    QCOMPARE(last.requests, requests);
    QCOMPARE(last.throttled, false);
    bool anyThrottled = false;
    for (const auto &p : thirty)
    {
        anyThrottled = anyThrottled || p.throttled;
    }
    QVERIFY(anyThrottled); // second 1800, 1900… fall inside
    QCOMPARE(history.peakRate(Window::OneMinute), 3599.0);
}

void TestRateWindow::historyBucketsAndGaps()
{
    FakeClock clock;
    ThroughputHistory history;
    for (int s = 0; s < 8; ++s)
    {
        history.append(clock.ms, 100, 1, s == 7);
        clock.advance(1000);
    }
    // 30-minute view: one full bucket (6 samples) and the bucket being filled (2 samples, one throttled).
    const QList<ThroughputHistory::Point> thirty = history.window(Window::ThirtyMinutes);
    QCOMPARE(thirty.size(), 2);
    QCOMPARE(thirty.at(0).requests, 6);
    QCOMPARE(thirty.at(1).requests, 2);
    // Each point says how many seconds it stands for (the chart's requests per second, its memory bound).
    QCOMPARE(thirty.at(0).samples, 6);
    QCOMPARE(thirty.at(1).samples, 2);
    QCOMPARE(history.window(Window::OneMinute).constLast().samples, 1);
    QVERIFY(thirty.at(1).throttled);

    // A 10 minute pause: the 1 and 5 minute views show only what is recent.
    clock.advance(10 * 60 * 1000);
    history.append(clock.ms, 50, 0, false);
    QCOMPARE(history.window(Window::OneMinute).size(), 1);
    QCOMPARE(history.window(Window::FiveMinutes).size(), 1);
    QCOMPARE(history.window(Window::ThirtyMinutes).size(), 3);

    // Negative or non-finite input is clamped, never drawn below zero.
    clock.advance(1000);
    history.append(clock.ms, -5, -1, false);
    QCOMPARE(history.window(Window::OneMinute).last().rate, 0.0);
    QCOMPARE(history.window(Window::OneMinute).last().requests, 0);

    history.clear();
    QVERIFY(history.window(Window::ThirtyMinutes).isEmpty());
}

void TestRateWindow::historyMemoryIsFixed()
{
    // A day of samples: the views never hold more than their fixed number of points.
    FakeClock clock;
    ThroughputHistory history;
    for (int s = 0; s < 86400; ++s)
    {
        history.append(clock.ms, 1.0, 1, false);
        clock.advance(1000);
    }
    QCOMPARE(history.window(Window::OneMinute).size(), 60);
    QCOMPARE(history.window(Window::FiveMinutes).size(), 300);
    QCOMPARE(history.window(Window::ThirtyMinutes).size(), 300);
}

QTEST_GUILESS_MAIN(TestRateWindow)
#include "tst_ratewindow.moc"
