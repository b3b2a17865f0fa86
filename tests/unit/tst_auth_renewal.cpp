// SPDX-License-Identifier: GPL-3.0-or-later
// Auth::TokenRenewal: one token request at a time, retries with backoff, renewal ahead of expiry. No network:
// the "requests" are fake replies the test completes by hand.
#include "auth/tokenrenewal.h"

#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

namespace
{
/// A reply that never finishes by itself; counts abort() calls.
class FakeReply final : public QNetworkReply
{
public:
    explicit FakeReply(int *aborts)
        : m_aborts(aborts)
    {
        open(QIODevice::ReadOnly);
    }
    void abort() override { ++*m_aborts; }

protected:
    qint64 readData(char *, qint64) override { return -1; }

private:
    int *m_aborts;
};
} // namespace

class TestAuthRenewal final : public QObject
{
    Q_OBJECT

private:
    int m_sent = 0;
    int m_aborts = 0;
    QList<QPointer<QNetworkReply>> m_replies;

    std::unique_ptr<Auth::TokenRenewal> make(QObject *parent = nullptr)
    {
        auto renewal = std::make_unique<Auth::TokenRenewal>(
            [this]() -> QNetworkReply *
            {
                ++m_sent;
                auto *reply = new FakeReply(&m_aborts);
                m_replies.append(reply);
                return reply;
            },
            parent);
        renewal->setFirstRetryDelay(20ms);
        return renewal;
    }

private slots:
    void init()
    {
        m_sent = 0;
        m_aborts = 0;
        qDeleteAll(m_replies);
        m_replies.clear();
    }

    void cleanupTestCase() { qDeleteAll(m_replies); }

    void scheduleFigures()
    {
        // Google's hour-long tokens: renewed 5 minutes ahead; short ones a quarter of their life ahead.
        QCOMPARE(Auth::TokenRenewal::refreshLead(3600s), std::chrono::milliseconds(5min));
        QCOMPARE(Auth::TokenRenewal::renewDelay(3600s), std::chrono::milliseconds(55min));
        QCOMPARE(Auth::TokenRenewal::renewDelay(3599s), std::chrono::milliseconds(3599s - 5min));
        QCOMPARE(Auth::TokenRenewal::renewDelay(2s), 1500ms);
        QCOMPARE(Auth::TokenRenewal::renewDelay(8s), 6000ms);
        // Unknown lifetime: an hour. Never sooner than half a second.
        QCOMPARE(Auth::TokenRenewal::renewDelay(0s), std::chrono::milliseconds(55min));
        QCOMPARE(Auth::TokenRenewal::renewDelay(-5s), std::chrono::milliseconds(55min));
        QCOMPARE(Auth::TokenRenewal::renewDelay(1s), 750ms);
    }

    void concurrentRequestsShareOne()
    {
        const auto renewal = make();
        QVERIFY(renewal->request());
        QVERIFY(renewal->isBusy());
        QVERIFY(!renewal->request());
        QVERIFY(!renewal->request());
        QCOMPARE(m_sent, 1);
        renewal->succeeded(3600s);
        QVERIFY(!renewal->isBusy());
        QVERIFY(renewal->isRenewalScheduled());
        // The next ask after an answer is a new request.
        QVERIFY(renewal->request());
        QCOMPARE(m_sent, 2);
        QCOMPARE(renewal->attempts(), 1);
    }

    void renewalIsDueBeforeExpiry()
    {
        const auto renewal = make();
        QSignalSpy due(renewal.get(), &Auth::TokenRenewal::renewDue);
        renewal->request();
        renewal->succeeded(1s); // due after 750 ms
        QVERIFY(due.isEmpty());
        QVERIFY(due.wait(5000));
        QCOMPARE(due.size(), 1);
        QCOMPARE(m_sent, 1); // the provider decides to ask again, not this class
        QVERIFY(!renewal->isRenewalScheduled());
    }

    void transientFailuresAreRetriedWithBackoff()
    {
        const auto renewal = make();
        renewal->request();
        for (int attempt = 1; attempt < Auth::TokenRenewal::maxAttempts; ++attempt)
        {
            QCOMPARE(renewal->attempts(), attempt);
            QVERIFY(renewal->retryLater(true));
            QVERIFY(renewal->isBusy()); // a retry is pending: asks are coalesced into it
            QVERIFY(!renewal->request());
            QTRY_COMPARE_WITH_TIMEOUT(m_sent, attempt + 1, 5000);
        }
        QCOMPARE(renewal->attempts(), Auth::TokenRenewal::maxAttempts);
        // Attempts used up: the series ends and the provider reports the failure.
        QVERIFY(!renewal->retryLater(true));
        QVERIFY(!renewal->isBusy());
        QTest::qWait(200);
        QCOMPARE(m_sent, Auth::TokenRenewal::maxAttempts);
        // A later ask starts a fresh series.
        QVERIFY(renewal->request());
        QCOMPARE(renewal->attempts(), 1);
    }

    void permanentFailureIsNotRetried()
    {
        const auto renewal = make();
        renewal->request();
        QVERIFY(!renewal->retryLater(false));
        QVERIFY(!renewal->isBusy());
        QTest::qWait(100);
        QCOMPARE(m_sent, 1);
    }

    void stopCancelsRenewalAndRetry()
    {
        const auto renewal = make();
        QSignalSpy due(renewal.get(), &Auth::TokenRenewal::renewDue);
        renewal->request();
        renewal->succeeded(1s);
        renewal->stop();
        QVERIFY(!renewal->isRenewalScheduled());
        renewal->request();
        QVERIFY(renewal->retryLater(true));
        renewal->stop();
        QVERIFY(!renewal->isBusy());
        QTest::qWait(1000);
        QVERIFY(due.isEmpty());
        QCOMPARE(m_sent, 2);
    }

    void nothingSentIsNotInFlight()
    {
        // A provider that cannot even build its request (e.g. the key does not sign) returns no reply.
        int calls = 0;
        Auth::TokenRenewal renewal([&calls]() -> QNetworkReply * { ++calls; return nullptr; });
        QVERIFY(renewal.request());
        QVERIFY(!renewal.isBusy());
        QVERIFY(renewal.request());
        QCOMPARE(calls, 2);
    }

    void answerBeforeSendReturns()
    {
        // A request answered at once (inside the sender) must not count as still in flight.
        Auth::TokenRenewal *self = nullptr;
        int calls = 0;
        Auth::TokenRenewal renewal(
            [this, &self, &calls]() -> QNetworkReply *
            {
                ++calls;
                auto *reply = new FakeReply(&m_aborts);
                m_replies.append(reply);
                self->succeeded(3600s);
                return reply;
            });
        self = &renewal;
        QVERIFY(renewal.request());
        QVERIFY(!renewal.isBusy());
        QVERIFY(renewal.request());
        QCOMPARE(calls, 2);
    }

    void replyDestroyedWithoutAnswer()
    {
        // Its QNAM went away: the next ask is not coalesced into a request that can never answer.
        const auto renewal = make();
        renewal->request();
        QVERIFY(renewal->isBusy());
        delete m_replies.constLast().data();
        QVERIFY(!renewal->isBusy());
        QVERIFY(renewal->request());
        QCOMPARE(m_sent, 2);
    }

    void destructionAbortsTheRequestInFlight()
    {
        QObject provider;
        auto *renewal = new Auth::TokenRenewal(
            [this, &provider]() -> QNetworkReply *
            {
                auto *reply = new FakeReply(&m_aborts);
                m_replies.append(reply);
                // The provider's completion handler: must not run once the provider is going away.
                connect(reply, &QNetworkReply::finished, &provider, [] { QFAIL("called back after destruction"); });
                return reply;
            },
            &provider);
        renewal->request();
        const QPointer<QNetworkReply> reply = m_replies.constLast();
        delete renewal;
        QCOMPARE(m_aborts, 1);
        emit reply->finished(); // the provider's handler was disconnected
        QTRY_VERIFY(reply.isNull()); // deleteLater'd
        // A request that was answered is not aborted on destruction.
        auto answered = make();
        answered->request();
        answered->succeeded(3600s);
        answered.reset();
        QCOMPARE(m_aborts, 1);
    }
};

QTEST_GUILESS_MAIN(TestAuthRenewal)
#include "tst_auth_renewal.moc"
