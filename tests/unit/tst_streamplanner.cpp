// SPDX-License-Identifier: GPL-3.0-or-later
// StreamPlanner (issue 14, streams only where they help): the stream-adding decision on simulated links.
#include "transfer/streamplanner.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <vector>

using Transfer::StreamPlanner;

namespace
{
constexpr double MB = 1e6;

/// A simulated file download: `rate(n)` is the file's rate with n streams moving bytes; a stream the planner
/// adds moves nothing for `latencyMs` (its request's first byte); the planner samples every 20 ms (RangedFetch
/// samples more often) and is told how many streams move, as RangedFetch tells it.
struct Link
{
    std::function<double(int, qint64)> rate; ///< bytes/s with n streams moving, at ms
    qint64 latencyMs = 40;
    /// Share of a core the byte thread and the process use with n streams moving (none: no CPU figures).
    std::function<double(int)> threadShare = {};
    std::function<double(int)> processShare = {};
    std::function<double(int)> hashShare = {}; ///< the file's hash line (none: not known)

    struct Result
    {
        std::vector<int> counts; ///< every count the planner asked for, in order
        int maxSeen = 0;
    };

    Result run(StreamPlanner &planner, qint64 forMs = 5000) const
    {
        Result result;
        result.counts.push_back(planner.streams());
        std::vector<qint64> startedAt(size_t(planner.streams()), 0); // when each stream's request went out
        double bytes = 0;
        double threadMs = 0;
        double processMs = 0;
        double hashMs = 0;
        const auto cpu = [&] {
            return StreamPlanner::Cpu {threadShare ? qint64(threadMs) : -1, processShare ? qint64(processMs) : -1,
                                       hashShare ? qint64(hashMs) : -1};
        };
        planner.sample(0, 0, -1, cpu());
        for (qint64 ms = 1; ms <= forMs; ++ms)
        {
            const int moving = int(std::count_if(startedAt.begin(), startedAt.end(),
                                                 [&](qint64 t) { return ms - t > latencyMs; }));
            bytes += moving > 0 ? rate(moving, ms) / 1000.0 : 0;
            threadMs += threadShare ? threadShare(moving) : 0;
            processMs += processShare ? processShare(moving) : 0;
            hashMs += hashShare ? hashShare(moving) : 0;
            if (ms % 20 != 0)
                continue;
            if (planner.sample(ms, qint64(bytes), moving, cpu()))
            {
                const int now = planner.streams();
                result.counts.push_back(now);
                result.maxSeen = std::max(result.maxSeen, now);
                if (now > int(startedAt.size()))
                    startedAt.resize(size_t(now), ms);
                else
                    startedAt.resize(size_t(now));
            }
        }
        result.maxSeen = std::max(result.maxSeen, result.counts.front());
        return result;
    }
};

/// Each connection is held to `perConnection`; the streams together to `total` (0: no such limit).
std::function<double(int, qint64)> perConnection(double perConnection, double total = 0)
{
    return [=](int n, qint64) { return total > 0 ? std::min(n * perConnection, total) : n * perConnection; };
}
} // namespace

class TestStreamPlanner final : public QObject
{
    Q_OBJECT

private slots:
    void startsWithOneStream();
    void addsWhileThePerConnectionRateLimits();
    void stopsWhenTheLinkTotalLimits();
    void goesBackWhenStreamsHurt();
    void aHiccupIsNotAVerdict();
    void forcedCountNeverChanges();
    void waitsForTheFirstByte();
    void chunkTurnoverDoesNotHoldTheWindow();
    void noStreamIsAddedWithoutCpuRoom();
};

void TestStreamPlanner::startsWithOneStream()
{
    const StreamPlanner planner;
    QCOMPARE(planner.streams(), 1);
    QVERIFY(planner.adaptive());
    QVERIFY(!planner.settled());
}

void TestStreamPlanner::addsWhileThePerConnectionRateLimits()
{
    // The slow link of the benchmark: 40 ms, 20 MB/s per connection, no total limit: as many as aria2 (16), in
    // one step (the CPU has room for them), and they stay: each brought a whole stream's rate.
    StreamPlanner planner;
    const Link::Result r = Link {perConnection(20 * MB), 40}.run(planner);
    QCOMPARE(r.counts, (std::vector<int> {1, 16}));
    QCOMPARE(planner.streams(), StreamPlanner::MaxStreams);
    QVERIFY(planner.settled());
    QCOMPARE(r.maxSeen, 16);
    // It measured the 16 streams' rate (one window after they moved), not just guessed it.
    QVERIFY2(planner.rate() > 15 * 20 * MB && planner.rate() < 17 * 20 * MB, QByteArray::number(planner.rate()));

    // A farther link (200 ms to the first byte) gets there too, and never asks for more than 16.
    StreamPlanner far;
    const Link::Result f = Link {perConnection(2 * MB), 200}.run(far, 20000);
    QCOMPARE(far.streams(), 16);
    QCOMPARE(f.maxSeen, 16);
}

void TestStreamPlanner::stopsWhenTheLinkTotalLimits()
{
    // 20 MB/s per connection but 50 MB/s in all: the 16 tried raise the rate 2.5x, far from 16x; the planner
    // keeps what 50 MB/s needs with a quarter to spare (ceil(1.25 x 2.5) = 4), not the 16.
    StreamPlanner planner;
    const Link::Result r = Link {perConnection(20 * MB, 50 * MB), 40}.run(planner);
    QCOMPARE(r.counts, (std::vector<int> {1, 16, 4}));
    QCOMPARE(planner.streams(), 4);
    QVERIFY(planner.settled());

    // The total reached with 4 exactly (80 MB/s): 5.
    StreamPlanner exact;
    const Link::Result e = Link {perConnection(20 * MB, 80 * MB), 40}.run(exact);
    QCOMPARE(e.counts, (std::vector<int> {1, 16, 5}));
    QCOMPARE(exact.streams(), 5);

    // Most of them help (240 of 320 MB/s): 15 stay (ceil(1.25 x 12)).
    StreamPlanner most;
    Link {perConnection(20 * MB, 240 * MB), 40}.run(most);
    QCOMPARE(most.streams(), 15);

    // The disk or the hash holds the file at what one stream brings: one stream it stays.
    StreamPlanner one;
    const Link::Result o = Link {perConnection(20 * MB, 20 * MB), 40}.run(one);
    QCOMPARE(o.counts, (std::vector<int> {1, 16, 1}));
    QCOMPARE(one.streams(), 1);
    QVERIFY(one.settled());
}

void TestStreamPlanner::goesBackWhenStreamsHurt()
{
    // The fast sandbox: one stream 700 MB/s, several fight over two cores and bring less in all.
    StreamPlanner planner;
    const Link::Result r = Link {[](int n, qint64) { return n == 1 ? 700 * MB : 300 * MB; }, 1}.run(planner);
    QCOMPARE(r.counts, (std::vector<int> {1, 16, 1}));
    QCOMPARE(planner.streams(), 1);
    QVERIFY(planner.settled());
    // Settled means settled: however the rate moves later, the count stays.
    QVERIFY(!planner.sample(100000, qint64(1e12)));
    QCOMPARE(planner.streams(), 1);
}

void TestStreamPlanner::aHiccupIsNotAVerdict()
{
    // The slow link, but the CPU is taken away during the first window at 16 streams (170-250 ms): that window
    // shows no gain; the next one does, and the 16 stay.
    const auto link = perConnection(20 * MB);
    StreamPlanner planner;
    const Link::Result r = Link {[&](int n, qint64 ms) { return ms > 170 && ms <= 250 ? 30 * MB : link(n, ms); }, 40}.run(planner);
    QCOMPARE(r.counts, (std::vector<int> {1, 16}));
    QCOMPARE(planner.streams(), 16);
    QVERIFY(planner.settled());

    // Two windows without gain are a verdict.
    StreamPlanner twice;
    const Link::Result t = Link {[&](int n, qint64 ms) { return ms > 170 && ms <= 320 ? 20 * MB : link(n, ms); }, 40}.run(twice);
    QCOMPARE(t.counts, (std::vector<int> {1, 16, 1}));
}

void TestStreamPlanner::forcedCountNeverChanges()
{
    for (const int forced : {1, 3, 16})
    {
        StreamPlanner planner(forced);
        QVERIFY(!planner.adaptive());
        QVERIFY(planner.settled());
        const Link::Result r = Link {perConnection(20 * MB), 40}.run(planner);
        QCOMPARE(r.counts, (std::vector<int> {forced}));
        QCOMPARE(planner.streams(), forced);
        QVERIFY(planner.rate() > 0); // the rate is still measured (RangedFetch asks ahead with it)
    }
    QCOMPARE(StreamPlanner(40).streams(), StreamPlanner::MaxStreams);
}

void TestStreamPlanner::waitsForTheFirstByte()
{
    // No byte yet (a slow first answer): no rate, no decision, however long it takes.
    StreamPlanner planner;
    for (qint64 ms = 0; ms <= 10000; ms += 20)
        QVERIFY(!planner.sample(ms, 0));
    QCOMPARE(planner.streams(), 1);
    QVERIFY(!planner.settled());
    QCOMPARE(planner.firstByteMs(), -1);
    // The first byte at 10 s: the first window is measured from there, not from the start.
    planner.sample(10020, 1000);
    QCOMPARE(planner.firstByteMs(), 10020);
}

void TestStreamPlanner::chunkTurnoverDoesNotHoldTheWindow()
{
    // RangedFetch's streams end chunks and start the next ones: one of the 16 is always between requests, so
    // the moving count stays at 15. The window for the 16 still opens a few first-byte times after they were
    // asked for, and ratePerStream() is the rate over the count that window measured, not over streams().
    StreamPlanner planner;
    const qint64 latencyMs = 40;
    const double perStream = 20 * MB;
    std::vector<qint64> startedAt(1, 0);
    double bytes = 0;
    qint64 sixteenAt = -1;
    qint64 settledAt = -1;
    planner.sample(0, 0);
    for (qint64 ms = 10; ms <= 3000 && settledAt < 0; ms += 10)
    {
        int moving = int(std::count_if(startedAt.begin(), startedAt.end(), [&](qint64 t) { return ms - t > latencyMs; }));
        moving = std::min(moving, StreamPlanner::MaxStreams - 1);
        bytes += moving * perStream / 100.0;
        const int before = planner.streams();
        if (planner.sample(ms, qint64(bytes), moving))
        {
            startedAt.resize(size_t(planner.streams()), ms);
            if (before == 1)
            {
                // Measured at one stream: one stream's rate, though four are planned now.
                QVERIFY2(planner.ratePerStream() > 0.9 * perStream, QByteArray::number(planner.ratePerStream()));
            }
            if (planner.streams() == StreamPlanner::MaxStreams)
                sixteenAt = ms;
        }
        if (planner.settled())
            settledAt = ms;
    }
    QVERIFY(sixteenAt > 0);
    QCOMPARE(planner.streams(), StreamPlanner::MaxStreams);
    // Settled within a few first-byte times plus one window, well before the one-second fallback.
    QVERIFY2(settledAt - sixteenAt < 500, QByteArray::number(settledAt - sixteenAt));
    QVERIFY2(planner.ratePerStream() > 0.9 * 15.0 / 16.0 * perStream, QByteArray::number(planner.ratePerStream()));
}

void TestStreamPlanner::noStreamIsAddedWithoutCpuRoom()
{
    // The fast sandbox on two cores (bench (e), measured at load ~1): one stream 600 MB/s keeps the byte thread busy
    // (0.6-0.7 of a core, the process 1.0-1.2 cores of 2). More streams land more bytes a while (1 GB/s: the hash
    // falls behind, read back later), so the rate alone says "add" (the old rule went 1, 4, 8, 4). The CPU says no
    // room: one stream it stays, at once, by either share.
    const auto fastRate = [](int n, qint64) { return n == 1 ? 600 * MB : 1000 * MB; };
    StreamPlanner planner(0, 2);
    const Link::Result r = Link {fastRate, 1, [](int) { return 0.65; }, [](int) { return 0.6; }}.run(planner);
    QCOMPARE(r.counts, (std::vector<int> {1}));
    QVERIFY(planner.settled());
    QVERIFY(planner.cpuBound());
    QVERIFY2(planner.threadShare() > 0.6 && planner.threadShare() < 0.7, QByteArray::number(planner.threadShare()));

    // The process alone full (its network threads): 1.1 of 2 cores leaves no room for a second stream.
    StreamPlanner process(0, 2);
    Link {fastRate, 1, [](int) { return 0.3; }, [](int) { return 1.1; }}.run(process);
    QCOMPARE(process.streams(), 1);
    QVERIFY(process.cpuBound());

    // Room for two: the byte thread at 0.4 of a core per stream; it stops there, not at the ×4 the rate asks for.
    StreamPlanner two(0, 8);
    const Link::Result t = Link {perConnection(20 * MB), 40, [](int n) { return 0.4 * n; }, [](int n) { return 0.5 * n; }}.run(two);
    QCOMPARE(t.counts, (std::vector<int> {1, 2}));
    QVERIFY(two.settled());
    QVERIFY(two.cpuBound());

    // The slow link: the CPU is nearly idle (measured: 0.05 of a core at one stream); the 16 are reached as before.
    StreamPlanner slow(0, 2);
    const Link::Result s = Link {perConnection(20 * MB), 40, [](int n) { return 0.02 * n; }, [](int n) { return 0.04 * n; }}.run(slow);
    QCOMPARE(s.counts, (std::vector<int> {1, 16}));
    QVERIFY(!slow.cpuBound());

    // The hash on its own thread (HashLine): the byte thread has room (0.25), the process has room (0.8 of 2
    // cores), but the hash already takes 0.6 of a core at one stream: no second stream fits it.
    StreamPlanner hash(0, 2);
    Link hashBound {fastRate, 1, [](int) { return 0.25; }, [](int) { return 0.8; }};
    hashBound.hashShare = [](int) { return 0.6; };
    const Link::Result h = hashBound.run(hash);
    QCOMPARE(h.counts, (std::vector<int> {1}));
    QVERIFY(hash.cpuBound());
    QVERIFY2(hash.hashShare() > 0.55 && hash.hashShare() < 0.65, QByteArray::number(hash.hashShare()));
}

QTEST_GUILESS_MAIN(TestStreamPlanner)
#include "tst_streamplanner.moc"
