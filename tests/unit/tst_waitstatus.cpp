// SPDX-License-Identifier: GPL-3.0-or-later
// What a run waits for (issue 16 #10, issue 15 #10): the pacer's hold for a server's Retry-After and the
// retries noted by requests become Snapshot::waiting and one line of text, which the CLI prints once per new
// wait; and the durations --retry-timeout takes.
#include "net/pacer.h"
#include "net/requestcounters.h"
#include "progressdisplay.h"
#include "transfer/waitstatus.h"
#include "util/units.h"

#include <QTest>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestWaitStatus final : public QObject
{
    Q_OBJECT

private slots:
    void serverWaitIsCappedAndShown();
    void retryNotesAreShownNewestFirst();
    void cliPrintsEachNewWaitOnce();
    void durations();
};

void TestWaitStatus::serverWaitIsCappedAndShown()
{
    qint64 now = 0;
    Net::Pacer pacer(10.0, 20);
    pacer.setClock([&now] { return now; });
    Net::RequestCounters counters;
    QVERIFY(!Transfer::currentWait(&pacer, counters));

    pacer.onThrottled(999999999s);
    now += 12'000;
    const std::optional<Transfer::Wait> wait = Transfer::currentWait(&pacer, counters);
    QVERIFY(wait);
    QCOMPARE(wait->kind, Transfer::Wait::Kind::ServerAsked);
    QCOMPARE(wait->what, u"Drive"_s);
    QCOMPARE(wait->remainingMs, qint64(5 * 60'000 - 12'000));
    QCOMPARE(wait->askedMs, qint64(999999999) * 1000);
    const QString text = Transfer::waitText(*wait);
    QVERIFY2(text.startsWith(u"Drive asked to wait 11574 d 01 h (throttled), longer than the 5 min 00 s"_s),
        qPrintable(text));
    QVERIFY2(text.endsWith(u"; requests resume in 4 min 48 s"_s), qPrintable(text));

    Net::Pacer polite(10.0, 20);
    polite.setClock([&now] { return now; });
    polite.onThrottled(30s);
    QCOMPARE(Transfer::waitText(*Transfer::currentWait(&polite, counters)),
        u"Drive asked to wait 30 s (throttled); requests resume in 30 s"_s);
    now += 30'000;
    QVERIFY(!Transfer::currentWait(&polite, counters));
}

void TestWaitStatus::retryNotesAreShownNewestFirst()
{
    Net::RequestCounters counters;
    Net::Error refused;
    refused.errorClass = Net::ErrorClass::Transient;
    refused.reason = u"connectionRefused"_s;
    refused.message = u"The server refused the connection."_s;
    int a = 0;
    int b = 0;
    const qint64 now = Net::monotonicMs();
    counters.waiting.note(&a, Net::RetryNote { u"127.0.0.1:1"_s, refused, 3, 8, now + 3'500 });
    std::optional<Transfer::Wait> wait = Transfer::currentWait(nullptr, counters);
    QVERIFY(wait);
    QCOMPARE(Transfer::waitText(*wait),
        u"retrying 127.0.0.1:1: the server refused the connection (try 3 of 8 failed, next in 4 s)"_s);

    Net::Error reset = refused;
    reset.message = u"The server closed the connection."_s;
    counters.waiting.note(&b, Net::RetryNote { u"example.org"_s, reset, 1, 8, now + 900 });
    wait = Transfer::currentWait(nullptr, counters);
    QCOMPARE(Transfer::waitText(*wait),
        u"retrying example.org: the server closed the connection (try 1 of 8 failed, next in 1 s); 1 more request(s) waiting to retry"_s);
    counters.waiting.clear(&b);
    QCOMPARE(Transfer::currentWait(nullptr, counters)->what, u"127.0.0.1:1"_s);
    // A note whose request went away without clearing it does not stay forever.
    counters.waiting.note(&b, Net::RetryNote { u"gone"_s, reset, 1, 8, now - 61'000 });
    QCOMPARE(Transfer::currentWait(nullptr, counters)->what, u"127.0.0.1:1"_s);
    counters.waiting.clear(&a);
    QVERIFY(!Transfer::currentWait(nullptr, counters));
}

void TestWaitStatus::cliPrintsEachNewWaitOnce()
{
    QString text;
    QTextStream out(&text);
    Cli::ProgressDisplay display(out, Cli::ProgressDisplay::Mode::Plain);
    Transfer::Snapshot s;
    Transfer::Wait wait;
    wait.what = u"127.0.0.1:1"_s;
    wait.error.message = u"The server refused the connection."_s;
    wait.triesDone = 1;
    wait.maxTries = 8;
    wait.remainingMs = 1500;
    s.elapsedMs = 1000;
    s.waiting = wait;
    display.update(s); // the first plain line and the wait
    s.elapsedMs = 2000;
    wait.remainingMs = 500;
    s.waiting = wait;
    display.update(s); // the same wait: nothing new
    s.elapsedMs = 3000;
    wait.triesDone = 2;
    wait.remainingMs = 4000;
    s.waiting = wait;
    display.update(s); // the next try failed: said at once, not with the next 5 s line
    out.flush();
    QCOMPARE(
        text.count(u"retrying 127.0.0.1:1: the server refused the connection (try 1 of 8 failed, next in 2 s)"_s), 1);
    QCOMPARE(
        text.count(u"retrying 127.0.0.1:1: the server refused the connection (try 2 of 8 failed, next in 4 s)"_s), 1);
    QCOMPARE(text.count(u'\n'), 3);
}

void TestWaitStatus::durations()
{
    QCOMPARE(Util::parseDurationMs(u"90"_s), std::optional<qint64>(90'000));
    QCOMPARE(Util::parseDurationMs(u"0"_s), std::optional<qint64>(0));
    QCOMPARE(Util::parseDurationMs(u"30s"_s), std::optional<qint64>(30'000));
    QCOMPARE(Util::parseDurationMs(u"500ms"_s), std::optional<qint64>(500));
    QCOMPARE(Util::parseDurationMs(u"2m"_s), std::optional<qint64>(120'000));
    QCOMPARE(Util::parseDurationMs(u"2min"_s), std::optional<qint64>(120'000));
    QCOMPARE(Util::parseDurationMs(u"1.5m"_s), std::optional<qint64>(90'000));
    QCOMPARE(Util::parseDurationMs(u"1h30m"_s), std::optional<qint64>(5'400'000));
    QCOMPARE(Util::parseDurationMs(u" 1d "_s), std::optional<qint64>(86'400'000));
    QCOMPARE(Util::parseDurationMs(u"10M"_s), std::optional<qint64>(600'000));
    for (const QString &bad : { u""_s, u"s"_s, u"-5s"_s, u"5 parsecs"_s, u"1h30"_s, u"1e99h"_s, u"99999999999999d"_s })
        QVERIFY2(!Util::parseDurationMs(bad), qPrintable(bad));
}

QTEST_GUILESS_MAIN(TestWaitStatus)
#include "tst_waitstatus.moc"
