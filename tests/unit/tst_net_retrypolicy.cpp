// SPDX-License-Identifier: GPL-3.0-or-later
// Net::RetryPolicy and Net::refreshToken(): the one reaction to an error class, shared by ApiCall, the body job
// and the Databricks sinks. A provider whose answers the test gives by hand stands in for an account.
#include "net/pacer.h"
#include "net/requestcounters.h"
#include "net/retrypolicy.h"
#include "net/tokenprovider.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Net::ErrorClass;
using Net::Reaction;

namespace
{
Net::Error error(ErrorClass c, std::chrono::milliseconds retryAfter = -1ms)
{
    Net::Error e;
    e.errorClass = c;
    e.retryAfter = retryAfter;
    return e;
}

Net::BackoffPolicy noJitter(int maxTries = 8)
{
    Net::BackoffPolicy p;
    p.jitter = 0ms;
    p.maxTries = maxTries;
    return p;
}

/// Counts refresh() calls; the test answers them with answer().
class ScriptedTokens final : public Net::TokenProvider
{
public:
    QByteArray token = "token-1";
    int refreshes = 0;
    bool answerAtOnce = false; ///< emit refreshed() inside refresh(), as a provider may

    [[nodiscard]] QByteArray accessToken() const override { return token; }
    void refresh() override
    {
        ++refreshes;
        if (answerAtOnce)
            answer(true);
    }
    [[nodiscard]] QString accountName() const override { return u"scripted"_s; }

    void answer(bool ok, const QString &reason = {})
    {
        if (ok)
        {
            token = "token-" + QByteArray::number(refreshes + 1);
            emit refreshed();
        }
        else
        {
            emit refreshFailed(reason);
        }
    }
};

struct Answer
{
    int calls = 0;
    bool ok = false;
    QString reason;
};

std::function<void(bool, const QString &)> into(Answer &a)
{
    return [&a](bool ok, const QString &reason)
    {
        ++a.calls;
        a.ok = ok;
        a.reason = reason;
    };
}
} // namespace

class TestNetRetryPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void everyErrorClassHasItsReaction_data();
    void everyErrorClassHasItsReaction();
    void triesRunOut();
    void retryTimeoutRunsOut();
    void retryAfterWins();
    void throttledSlowsThePacerAndCounts();
    void throttledCountsEvenWhenTriesAreSpent();
    void oneRefreshThenFail();
    void noRefreshWithoutProvider();
    void resetTriesKeepsTheRefreshUsed();

    void refreshAsksTheProviderAndAnswersLater();
    void tokenAlreadyRefreshedByAnotherRequest();
    void concurrentRefusalsShareOneRefresh();
    void aLaterRefusalAsksAgain();
    void refreshFailureCarriesTheReason();
    void contextDestroyedFirst();
    void noProviderFails();
    void neverAnswersInsideRefresh();
};

void TestNetRetryPolicy::everyErrorClassHasItsReaction_data()
{
    QTest::addColumn<ErrorClass>("errorClass");
    QTest::addColumn<Reaction>("reaction");
    QTest::newRow("transient") << ErrorClass::Transient << Reaction::Retry;
    QTest::newRow("throttled") << ErrorClass::Throttled << Reaction::Retry;
    QTest::newRow("auth") << ErrorClass::Auth << Reaction::RefreshToken;
    QTest::newRow("quota") << ErrorClass::Quota << Reaction::Park;
    QTest::newRow("permanent") << ErrorClass::Permanent << Reaction::Fail;
    QTest::newRow("local") << ErrorClass::Local << Reaction::StopRun;
    QTest::newRow("cancelled") << ErrorClass::Cancelled << Reaction::Cancel;
    QTest::newRow("none") << ErrorClass::None << Reaction::Cancel;
}

void TestNetRetryPolicy::everyErrorClassHasItsReaction()
{
    QFETCH(ErrorClass, errorClass);
    QFETCH(Reaction, reaction);
    Net::RequestCounters counters;
    Net::RetryPolicy policy(noJitter(), 1);
    policy.setCounters(&counters);
    const Net::Decision d = policy.decide(error(errorClass));
    QCOMPARE(d.reaction, reaction);
    const bool retry = reaction == Reaction::Retry;
    QCOMPARE(d.delay, retry ? 1000ms : 0ms);
    QCOMPARE(policy.retries(), retry ? 1 : 0);
    QCOMPARE(qint64(counters.retries), retry ? 1 : 0);
    QCOMPARE(qint64(counters.throttled), errorClass == ErrorClass::Throttled ? 1 : 0);
    QCOMPARE(policy.refreshedToken(), reaction == Reaction::RefreshToken);
}

void TestNetRetryPolicy::triesRunOut()
{
    Net::RequestCounters counters;
    Net::RetryPolicy policy(noJitter(3), 1);
    policy.setCounters(&counters);
    QCOMPARE(policy.decide(error(ErrorClass::Transient)).delay, 1000ms);
    QCOMPARE(policy.decide(error(ErrorClass::Transient)).delay, 2000ms);
    // Three tries in all: the third failure ends it.
    QCOMPARE(policy.decide(error(ErrorClass::Transient)).reaction, Reaction::Fail);
    QCOMPARE(policy.decide(error(ErrorClass::Throttled)).reaction, Reaction::Fail);
    QCOMPARE(policy.retries(), 2);
    QCOMPARE(qint64(counters.retries), 2);
}

void TestNetRetryPolicy::retryTimeoutRunsOut()
{
    Net::BackoffPolicy p = noJitter();
    p.retryTimeout = 1500ms;
    Net::RetryPolicy policy(p, 1);
    QCOMPARE(policy.decide(error(ErrorClass::Transient)), (Net::Decision { Reaction::Retry, 1000ms }));
    // The last pause is cut to what is left of the retry timeout, then the request gives up.
    QCOMPARE(policy.decide(error(ErrorClass::Transient)), (Net::Decision { Reaction::Retry, 500ms }));
    QCOMPARE(policy.decide(error(ErrorClass::Transient)).reaction, Reaction::Fail);
    QCOMPARE(policy.retries(), 2);
}

void TestNetRetryPolicy::retryAfterWins()
{
    Net::RetryPolicy policy(noJitter(), 1);
    QCOMPARE(policy.decide(error(ErrorClass::Throttled, 7000ms)), (Net::Decision { Reaction::Retry, 7000ms }));
    QCOMPARE(policy.decide(error(ErrorClass::Transient, 3000ms)), (Net::Decision { Reaction::Retry, 3000ms }));
}

void TestNetRetryPolicy::throttledSlowsThePacerAndCounts()
{
    qint64 now = 0;
    Net::Pacer pacer(10.0, 10);
    pacer.setClock([&now] { return now; });
    bool granted = false;
    pacer.acquire(this, [&granted] { granted = true; }); // a request went out: this throttle starts a wave
    QTRY_VERIFY(granted);
    Net::RequestCounters counters;
    Net::RetryPolicy policy(noJitter(), 1);
    policy.setPacer(&pacer);
    policy.setCounters(&counters);

    QCOMPARE(policy.decide(error(ErrorClass::Throttled, 2000ms)).reaction, Reaction::Retry);
    QCOMPARE(pacer.throttleEvents(), 1);
    QCOMPARE(pacer.effectiveRate(), 5.0);
    QVERIFY(pacer.isHolding());
    QCOMPARE(pacer.holdAsked(), 2000ms);
    QCOMPARE(qint64(counters.throttled), 1);

    // A Transient answer is no throttle.
    QCOMPARE(policy.decide(error(ErrorClass::Transient)).reaction, Reaction::Retry);
    QCOMPARE(pacer.throttleEvents(), 1);
    QCOMPARE(qint64(counters.throttled), 1);
    QCOMPARE(qint64(counters.retries), 2);
}

void TestNetRetryPolicy::throttledCountsEvenWhenTriesAreSpent()
{
    Net::Pacer pacer(10.0, 10);
    Net::RequestCounters counters;
    Net::RetryPolicy policy(noJitter(1), 1);
    policy.setPacer(&pacer);
    policy.setCounters(&counters);
    QCOMPARE(policy.decide(error(ErrorClass::Throttled)).reaction, Reaction::Fail);
    QCOMPARE(pacer.throttleEvents(), 1);
    QCOMPARE(qint64(counters.throttled), 1);
    QCOMPARE(qint64(counters.retries), 0);
}

void TestNetRetryPolicy::oneRefreshThenFail()
{
    Net::RetryPolicy policy(noJitter(), 1);
    QVERIFY(!policy.refreshedToken());
    QCOMPARE(policy.decide(error(ErrorClass::Auth)).reaction, Reaction::RefreshToken);
    QVERIFY(policy.refreshedToken());
    QCOMPARE(policy.decide(error(ErrorClass::Auth)).reaction, Reaction::Fail);
    QCOMPARE(policy.retries(), 0);
}

void TestNetRetryPolicy::noRefreshWithoutProvider()
{
    Net::RetryPolicy policy(noJitter(), 1);
    policy.setCanRefreshToken(false);
    QCOMPARE(policy.decide(error(ErrorClass::Auth)).reaction, Reaction::Fail);
    QVERIFY(!policy.refreshedToken());
}

void TestNetRetryPolicy::resetTriesKeepsTheRefreshUsed()
{
    Net::RetryPolicy policy(noJitter(2), 1);
    QCOMPARE(policy.decide(error(ErrorClass::Auth)).reaction, Reaction::RefreshToken);
    QCOMPARE(policy.decide(error(ErrorClass::Transient)).reaction, Reaction::Retry);
    QCOMPARE(policy.decide(error(ErrorClass::Transient)).reaction, Reaction::Fail);
    policy.resetTries();
    QCOMPARE(policy.decide(error(ErrorClass::Transient)), (Net::Decision { Reaction::Retry, 1000ms }));
    QCOMPARE(policy.decide(error(ErrorClass::Auth)).reaction, Reaction::Fail);
}

void TestNetRetryPolicy::refreshAsksTheProviderAndAnswersLater()
{
    ScriptedTokens tokens;
    Net::RequestCounters counters;
    QObject context;
    Answer a;
    Net::refreshToken(&tokens, tokens.token, &context, into(a), &counters);
    QCOMPARE(tokens.refreshes, 1);
    QCOMPARE(qint64(counters.authRefreshes), 1);
    QTest::qWait(0);
    QCOMPARE(a.calls, 0); // nothing until the provider answers
    tokens.answer(true);
    QTRY_COMPARE(a.calls, 1);
    QVERIFY(a.ok);
    QTest::qWait(0);
    QCOMPARE(a.calls, 1);
}

void TestNetRetryPolicy::tokenAlreadyRefreshedByAnotherRequest()
{
    ScriptedTokens tokens;
    Net::RequestCounters counters;
    QObject context;
    Answer a;
    tokens.token = "token-2"; // what the refused request carried is no longer current
    Net::refreshToken(&tokens, "token-1", &context, into(a), &counters);
    QCOMPARE(a.calls, 0); // never synchronously
    QTRY_COMPARE(a.calls, 1);
    QVERIFY(a.ok);
    QCOMPARE(tokens.refreshes, 0);
    QCOMPARE(qint64(counters.authRefreshes), 0);
}

void TestNetRetryPolicy::concurrentRefusalsShareOneRefresh()
{
    ScriptedTokens tokens;
    Net::RequestCounters counters;
    QObject context;
    Answer answers[5];
    for (Answer &a : answers)
        Net::refreshToken(&tokens, "token-1", &context, into(a), &counters);
    QCOMPARE(tokens.refreshes, 1);
    QCOMPARE(qint64(counters.authRefreshes), 1);
    tokens.answer(true);
    for (const Answer &a : answers)
    {
        QTRY_COMPARE(a.calls, 1);
        QVERIFY(a.ok);
    }
    QCOMPARE(tokens.refreshes, 1);
}

void TestNetRetryPolicy::aLaterRefusalAsksAgain()
{
    ScriptedTokens tokens;
    QObject context;
    Answer first;
    Net::refreshToken(&tokens, "token-1", &context, into(first));
    tokens.answer(true);
    QTRY_COMPARE(first.calls, 1);
    // The new token is refused too: that is a new refresh, not the old one's answer.
    Answer second;
    Net::refreshToken(&tokens, tokens.token, &context, into(second));
    QCOMPARE(tokens.refreshes, 2);
    QTest::qWait(0);
    QCOMPARE(second.calls, 0);
    tokens.answer(false, u"gone"_s);
    QTRY_COMPARE(second.calls, 1);
    QVERIFY(!second.ok);
}

void TestNetRetryPolicy::refreshFailureCarriesTheReason()
{
    ScriptedTokens tokens;
    QObject context;
    Answer a;
    Answer b;
    Net::refreshToken(&tokens, "token-1", &context, into(a));
    Net::refreshToken(&tokens, "token-1", &context, into(b));
    tokens.answer(false, u"The sign-in is no longer valid."_s);
    QTRY_COMPARE(a.calls, 1);
    QTRY_COMPARE(b.calls, 1);
    QVERIFY(!a.ok);
    QVERIFY(!b.ok);
    QCOMPARE(a.reason, u"The sign-in is no longer valid."_s);
    QCOMPARE(b.reason, u"The sign-in is no longer valid."_s);
    QCOMPARE(tokens.refreshes, 1);
}

void TestNetRetryPolicy::contextDestroyedFirst()
{
    ScriptedTokens tokens;
    Answer gone;
    Answer alive;
    QObject survivor;
    {
        QObject context;
        Net::refreshToken(&tokens, "token-1", &context, into(gone));
        Net::refreshToken(&tokens, "token-1", &survivor, into(alive));
    }
    tokens.answer(true);
    QTRY_COMPARE(alive.calls, 1);
    QTest::qWait(0);
    QCOMPARE(gone.calls, 0);
    // Also when the answer is already queued when the context dies.
    auto *context = new QObject;
    tokens.token = "token-9";
    Net::refreshToken(&tokens, "token-1", context, into(gone));
    delete context;
    QTest::qWait(0);
    QCOMPARE(gone.calls, 0);
}

void TestNetRetryPolicy::noProviderFails()
{
    QObject context;
    Answer a;
    Net::refreshToken(nullptr, "token-1", &context, into(a));
    QCOMPARE(a.calls, 0);
    QTRY_COMPARE(a.calls, 1);
    QVERIFY(!a.ok);
    QVERIFY(!a.reason.isEmpty());
}

void TestNetRetryPolicy::neverAnswersInsideRefresh()
{
    ScriptedTokens tokens;
    tokens.answerAtOnce = true;
    QObject context;
    Answer a;
    Net::refreshToken(&tokens, "token-1", &context, into(a));
    QCOMPARE(tokens.refreshes, 1);
    QCOMPARE(a.calls, 0);
    QTRY_COMPARE(a.calls, 1);
    QVERIFY(a.ok);
    // The answer came inside refresh(): the next refusal starts a new refresh instead of waiting forever.
    Answer b;
    Net::refreshToken(&tokens, tokens.token, &context, into(b));
    QCOMPARE(tokens.refreshes, 2);
    QTRY_COMPARE(b.calls, 1);
}

QTEST_GUILESS_MAIN(TestNetRetryPolicy)
#include "tst_net_retrypolicy.moc"
