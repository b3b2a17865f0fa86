// SPDX-License-Identifier: GPL-3.0-or-later
// Transfer::FileTransfer as the state machine drawn in filetransfer.h (issue 10 item 3), driven directly against a
// scripted Drive in this process and an in-memory destination: each error class in each phase where it can
// happen (probing, fetching one stream, fetching ranged parts, refreshing, verifying, committing), finished()
// exactly once, cancel and pause/resume from each waiting phase, a pause while the cap holds bytes back.
#include "tst_body_support.h"

#include "drive/driveclient.h"
#include "net/bandwidthlimiter.h"
#include "net/endpoints.h"
#include "net/requestcounters.h"
#include "net/tokenprovider.h"
#include "transfer/filetransfer.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace BodyTest;
using Transfer::FileState;
using Transfer::FileTransfer;
using Phase = Transfer::FileTransfer::Phase;

namespace
{
/// Hands out a refused token until refresh() (then a good one); `refreshWorks` false: the refresh fails.
class TestTokens final : public Net::TokenProvider
{
public:
    bool refreshWorks = true;
    bool fresh = false;
    int refreshes = 0;
    using Net::TokenProvider::TokenProvider;
    QByteArray accessToken() const override { return fresh ? "good-token" : "old-token"; }
    void refresh() override
    {
        ++refreshes;
        QMetaObject::invokeMethod(this, [this] {
            fresh = refreshWorks;
            if (refreshWorks)
                emit refreshed();
            else
                emit refreshFailed(u"refused"_s);
        }, Qt::QueuedConnection);
    }
    QString accountName() const override { return u"t@example.com"_s; }
};

/// Everything in memory: probe answers as told (or never), each sink is a MemorySink the test can reach.
class MemoryDestination final : public Dest::Destination
{
public:
    std::optional<Dest::Existing> existing;
    Net::Error probeError;
    bool probeAnswers = true;
    Net::Error commitError;
    bool failWrites = false;
    QList<QPointer<MemorySink>> sinks;
    QByteArray committed; ///< what the last committed sink held
    int readBacks = 0;    ///< readBack() calls on every sink

    QString describe() const override { return u"memory"_s; }
    QString locationOf(const QString &relativePath) const override { return relativePath; }
    void check(std::function<void(const Net::Error &)> done) override { done({}); }
    void probe(const QString &, std::function<void(std::optional<Dest::Existing>, const Net::Error &)> done) override
    {
        if (probeAnswers)
            QMetaObject::invokeMethod(this, [this, done] { done(existing, probeError); }, Qt::QueuedConnection);
    }
    Dest::Sink *openSink(const Dest::Target &, Dest::ConflictPolicy) override
    {
        auto *sink = new MemorySink;
        sink->commitError = commitError;
        sink->failWrites = failWrites;
        sink->readBacks = &readBacks;
        sinks.append(sink);
        connect(sink, &Dest::Sink::committed, this, [this, sink] { committed = sink->bytes; });
        return sink;
    }
};

/// One FileTransfer for one file of `size` bytes against the scripted Drive; `script(n, request, socket)` answers
/// the n-th body request (0-based) and returns false to give the right bytes instead.
struct Trip
{
    using Script = std::function<bool(int, const SeenRequest &, QTcpSocket *)>;

    ScriptedServer server;
    QNetworkAccessManager nam;
    TestTokens tokens;
    Drive::DriveClient drive;
    MemoryDestination destination;
    Net::RequestCounters counters;
    Transfer::TransferContext ctx;
    Transfer::RunOptions options;
    QByteArray file;
    Script script = [](int, const SeenRequest &, QTcpSocket *) { return false; };
    int bodyRequests = 0;
    std::unique_ptr<FileTransfer> transfer;
    QList<Phase> phases;
    std::unique_ptr<QSignalSpy> finished;
    int authFailed = 0;

    explicit Trip(qint64 size)
        : drive(&nam, &tokens, nullptr, Net::Endpoints::sandbox(server.base()))
        , file(pattern(size))
    {
        tokens.fresh = true;
        ctx.nam = &nam;
        ctx.token = &tokens;
        ctx.drive = &drive;
        ctx.destination = &destination;
        ctx.counters = &counters;
        options.conflict = Dest::ConflictPolicy::Overwrite;
        options.retryTimeout = std::chrono::milliseconds(300); // one quick retry, then the budget is spent
        options.stallTimeoutMs = 5000;
        server.handler = [this](const SeenRequest &request, QTcpSocket *socket) {
            const int n = bodyRequests++;
            if (script(n, request, socket))
                return;
            if (request.headers.contains("range"))
                answerRange(socket, request, file);
            else
                ScriptedServer::answer(socket, 200, {}, file);
        };
    }
    void start(const QString &md5 = {})
    {
        Transfer::TransferJob job;
        job.file.id = u"f1"_s;
        job.file.name = u"f1.bin"_s;
        job.file.size = file.size();
        job.file.md5Checksum = md5.isEmpty() ? md5Of(file) : md5;
        job.relativePath = u"f1.bin"_s;
        transfer = std::make_unique<FileTransfer>(ctx, job, options);
        finished = std::make_unique<QSignalSpy>(transfer.get(), &FileTransfer::finished);
        QObject::connect(transfer.get(), &FileTransfer::phaseChanged, transfer.get(), [this](Phase p) { phases.append(p); });
        QObject::connect(transfer.get(), &FileTransfer::authFailed, transfer.get(), [this] { ++authFailed; });
        transfer->start();
    }
    void useRanges()
    {
        options.streams = 2;
        options.rangedThreshold = 1024;
    }
    bool waitFinished()
    {
        if (!QTest::qWaitFor([this] { return finished->count() > 0; }, 30000))
            return false;
        QTest::qWait(50); // a second finished() would show
        return true;
    }
    [[nodiscard]] FileState state() const { return finished->value(0).value(0).value<FileState>(); }
    [[nodiscard]] Net::Error error() const { return finished->value(0).value(1).value<Net::Error>(); }
    [[nodiscard]] QByteArray landed() const { return destination.committed; }
};

bool answerOnce(int n, const SeenRequest &, QTcpSocket *socket, int status, const QByteArray &reason)
{
    if (n > 0)
        return false;
    answerJsonError(socket, status, reason);
    return true;
}
} // namespace

class TestFileTransferStates final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<Net::Error>();
        qRegisterMetaType<Transfer::FileState>();
    }

    void happyPathPhases_data()
    {
        QTest::addColumn<bool>("ranged");
        QTest::newRow("one stream") << false;
        QTest::newRow("ranged parts") << true;
    }
    void happyPathPhases()
    {
        QFETCH(bool, ranged);
        Trip trip(ranged ? 3 << 20 : 100 * 1024);
        if (ranged)
            trip.useRanges();
        trip.start();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.finished->count(), 1);
        QCOMPARE(trip.state(), FileState::Done);
        QCOMPARE(trip.phases, (QList<Phase> {Phase::Fetching, Phase::Committing, Phase::Finished}));
        QCOMPARE(trip.landed(), trip.file);
        QCOMPARE(trip.transfer->bytesDone(), trip.file.size());
        QCOMPARE(trip.bodyRequests, ranged ? 2 : 1); // ranged: the one chunk cut in two for the two streams
        QCOMPARE(trip.finished->value(0).value(2).toString(), u"md5:"_s + md5Of(trip.file));
    }

    void errorClassWhileFetching_data()
    {
        QTest::addColumn<bool>("ranged");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<FileState>("outcome");
        QTest::addColumn<Phase>("through"); ///< a phase the trip must pass (Fetching: none extra)
        for (const bool ranged : {false, true})
        {
            const char *mode = ranged ? "ranged: " : "one stream: ";
            QTest::addRow("%sTransient retried", mode) << ranged << 503 << QByteArray("backendError") << FileState::Done
                                                       << (ranged ? Phase::Fetching : Phase::RetryWait);
            QTest::addRow("%sThrottled retried", mode) << ranged << 429 << QByteArray("rateLimitExceeded") << FileState::Done
                                                       << (ranged ? Phase::Fetching : Phase::RetryWait);
            QTest::addRow("%sAuth refreshed", mode) << ranged << 401 << QByteArray("authError") << FileState::Done << Phase::Refreshing;
            QTest::addRow("%sQuota parks", mode) << ranged << 403 << QByteArray("downloadQuotaExceeded") << FileState::Parked
                                                 << Phase::Fetching;
            QTest::addRow("%sPermanent fails", mode) << ranged << 404 << QByteArray("notFound") << FileState::Failed << Phase::Fetching;
        }
    }
    void errorClassWhileFetching()
    {
        QFETCH(bool, ranged);
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(FileState, outcome);
        QFETCH(Phase, through);
        Trip trip(ranged ? 3 << 20 : 100 * 1024);
        if (ranged)
            trip.useRanges();
        trip.script = [&](int n, const SeenRequest &r, QTcpSocket *s) { return answerOnce(n, r, s, status, reason); };
        trip.start();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.finished->count(), 1);
        QCOMPARE(trip.state(), outcome);
        QVERIFY(trip.phases.contains(through));
        if (outcome == FileState::Done)
        {
            QCOMPARE(trip.landed(), trip.file);
            QCOMPARE(trip.transfer->retries(), 1);
        }
        else
        {
            QCOMPARE(trip.error().httpStatus, status);
            QCOMPARE(trip.error().reason, QString::fromLatin1(reason));
        }
        if (status == 429)
            QCOMPARE(trip.counters.throttled.load(), 1);
    }

    void retriesRunOut()
    {
        Trip trip(1000);
        trip.script = [](int, const SeenRequest &, QTcpSocket *s) {
            answerJsonError(s, 503, "backendError");
            return true;
        };
        trip.start();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.finished->count(), 1);
        QCOMPARE(trip.state(), FileState::Failed);
        QCOMPARE(trip.error().errorClass, Net::ErrorClass::Transient);
        QCOMPARE(trip.bodyRequests, 2); // the retry budget (300 ms of pauses) holds one retry
    }

    void resumesWithRangeAfterABreak()
    {
        Trip trip(100 * 1024);
        trip.script = [&](int n, const SeenRequest &, QTcpSocket *s) {
            if (n > 0)
                return false;
            answerThenReset(s, trip.file.size(), trip.file.left(40000));
            return true;
        };
        trip.start();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.state(), FileState::Done);
        QCOMPARE(trip.landed(), trip.file);
        const qint64 from = trip.server.seen.value(1).range().first;
        QVERIFY2(from > 0 && from <= 40000, qPrintable(QString::number(from))); // not from 0
    }

    void authRefusedTwiceFails()
    {
        Trip trip(1000);
        trip.tokens.refreshWorks = false;
        trip.script = [](int, const SeenRequest &, QTcpSocket *s) {
            answerJsonError(s, 401, "authError");
            return true;
        };
        trip.start();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.finished->count(), 1);
        QCOMPARE(trip.state(), FileState::Failed);
        QCOMPARE(trip.error().errorClass, Net::ErrorClass::Auth);
        QCOMPARE(trip.authFailed, 1);
        QVERIFY(trip.phases.contains(Phase::Refreshing));
    }

    /// Issue 14: a ranged file whose bytes land in order (the default planner at one stream) is hashed as it
    /// arrives, never read back from the sink.
    void inOrderRangedFileIsNotReadBack()
    {
        Trip trip(3 << 20);
        trip.options.rangedThreshold = 1024; // ranged, default (adaptive) streams
        QList<QByteArray> ranges;
        trip.script = [&ranges](int, const SeenRequest &request, QTcpSocket *) {
            ranges << request.headers.value("range");
            return false; // answered as usual
        };
        trip.start();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.state(), FileState::Done);
        QCOMPARE(trip.landed(), trip.file);
        // The ranged path, not one plain GET: a 3 MiB file is one chunk (chunks are 16 MiB at least).
        QCOMPARE(ranges, (QList<QByteArray> {"bytes=0-3145727"}));
        QCOMPARE(trip.destination.readBacks, 0);
    }

    /// A part that lands before the one ahead of it is read back and hashed when the prefix reaches it: a corrupt
    /// byte in it fails the file.
    void corruptOutOfOrderPartFailsTheFile()
    {
        Trip trip(3 << 20);
        // Two streams share the file: [0, 1.5 MiB) and [1.5 MiB, 3 MiB). The first waits, so the second, corrupt,
        // lands past the hash frontier (and so does a split of the first, if one is made).
        trip.useRanges();
        trip.options.maxChecksumTries = 1;
        trip.script = [&trip](int, const SeenRequest &request, QTcpSocket *socket) {
            const qint64 from = request.range().first;
            if (from == 0)
            {
                // The first part waits: the second lands past the hash frontier.
                QPointer<QTcpSocket> later(socket);
                QTimer::singleShot(300, socket, [&trip, request, later] {
                    if (later)
                        answerRange(later, request, trip.file);
                });
                return true;
            }
            QByteArray corrupt = trip.file;
            corrupt[from + 12345] = char(corrupt.at(from + 12345) ^ 0x01);
            answerRange(socket, request, corrupt);
            return true;
        };
        trip.start();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.state(), FileState::Failed);
        QCOMPARE(trip.error().reason, u"checksumMismatch"_s);
        QVERIFY(trip.destination.readBacks > 0); // the corrupt part was hashed from the sink
    }

    void rangeIgnoredFallsBackToOneStream()
    {
        Trip trip(3 << 20);
        trip.useRanges();
        trip.script = [&](int, const SeenRequest &r, QTcpSocket *s) {
            if (r.headers.contains("range"))
                ScriptedServer::answer(s, 200, {}, trip.file);
            return r.headers.contains("range");
        };
        trip.start();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.finished->count(), 1);
        QCOMPARE(trip.state(), FileState::Done);
        QCOMPARE(trip.landed(), trip.file);
        QVERIFY(!trip.server.seen.last().headers.contains("range"));
    }

    void localSinkFailureFails()
    {
        Trip trip(1000);
        trip.destination.failWrites = true;
        trip.start();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.finished->count(), 1);
        QCOMPARE(trip.state(), FileState::Failed);
        QCOMPARE(trip.error().errorClass, Net::ErrorClass::Local);
    }

    void checksumMismatchWhileVerifying_data()
    {
        QTest::addColumn<bool>("alwaysWrong");
        QTest::newRow("once, then right") << false;
        QTest::newRow("every time") << true;
    }
    void checksumMismatchWhileVerifying()
    {
        QFETCH(bool, alwaysWrong);
        Trip trip(1000);
        trip.options.maxChecksumTries = 2;
        trip.script = [&](int n, const SeenRequest &, QTcpSocket *s) {
            if (n > 0 && !alwaysWrong)
                return false;
            ScriptedServer::answer(s, 200, {}, pattern(999) + "!");
            return true;
        };
        trip.start();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.finished->count(), 1);
        QCOMPARE(trip.state(), alwaysWrong ? FileState::Failed : FileState::Done);
        QCOMPARE(trip.bodyRequests, 2);
        if (alwaysWrong)
            QCOMPARE(trip.error().reason, u"checksumMismatch"_s);
        else
            QCOMPARE(trip.landed(), trip.file);
    }

    void errorWhileCommitting_data()
    {
        QTest::addColumn<Net::ErrorClass>("errorClass");
        QTest::newRow("Local") << Net::ErrorClass::Local;
        QTest::newRow("Permanent") << Net::ErrorClass::Permanent;
    }
    void errorWhileCommitting()
    {
        QFETCH(Net::ErrorClass, errorClass);
        Trip trip(1000);
        trip.destination.commitError = {errorClass, 0, u"commitFailed"_s, u"no"_s};
        trip.start();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.finished->count(), 1);
        QCOMPARE(trip.state(), FileState::Failed);
        QCOMPARE(trip.error().errorClass, errorClass);
        QVERIFY(trip.phases.contains(Phase::Committing));
    }

    void whileProbing_data()
    {
        QTest::addColumn<int>("probe"); ///< 0 error, 1 same file there, 2 something else there
        QTest::addColumn<FileState>("outcome");
        QTest::newRow("probe fails") << 0 << FileState::Failed;
        QTest::newRow("same file: skipped") << 1 << FileState::Skipped;
        QTest::newRow("another file: replaced") << 2 << FileState::Done;
    }
    void whileProbing()
    {
        QFETCH(int, probe);
        QFETCH(FileState, outcome);
        Trip trip(1000);
        trip.options.conflict = Dest::ConflictPolicy::Update;
        if (probe == 0)
            trip.destination.probeError = {Net::ErrorClass::Transient, 503, u"backendError"_s, u"x"_s};
        else
            trip.destination.existing = Dest::Existing {probe == 1 ? 1000 : 5, probe == 1 ? md5Of(trip.file) : QString(), {}};
        trip.start();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.finished->count(), 1);
        QCOMPARE(trip.state(), outcome);
        QCOMPARE(trip.phases.value(0), Phase::Probing);
        QCOMPARE(trip.bodyRequests, outcome == FileState::Done ? 1 : 0);
    }

    void cancelInEachPhase_data()
    {
        QTest::addColumn<Phase>("phase");
        QTest::newRow("Probing") << Phase::Probing;
        QTest::newRow("Fetching") << Phase::Fetching;
        QTest::newRow("RetryWait") << Phase::RetryWait;
        QTest::newRow("Paused") << Phase::Paused;
    }
    void cancelInEachPhase()
    {
        QFETCH(Phase, phase);
        Trip trip(1000);
        trip.options.retryTimeout = std::chrono::minutes(1); // the first pause is a second or two
        if (phase == Phase::Probing)
        {
            trip.options.conflict = Dest::ConflictPolicy::Skip;
            trip.destination.probeAnswers = false;
        }
        trip.script = [&](int, const SeenRequest &, QTcpSocket *s) {
            if (phase == Phase::RetryWait)
                answerJsonError(s, 503, "backendError");
            else
                s->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123"); // then holds
            return true;
        };
        trip.start();
        const Phase waitFor = phase == Phase::Paused ? Phase::Fetching : phase;
        QVERIFY(QTest::qWaitFor([&] { return trip.transfer->phase() == waitFor; }, 10000));
        if (phase == Phase::Paused)
        {
            QVERIFY(QTest::qWaitFor([&] { return trip.transfer->bytesDone() == 4; }, 10000));
            trip.transfer->pause();
            QCOMPARE(trip.transfer->phase(), Phase::Paused);
        }
        trip.transfer->cancel();
        trip.transfer->cancel();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.finished->count(), 1);
        QCOMPARE(trip.state(), FileState::Cancelled);
        QCOMPARE(trip.transfer->phase(), Phase::Finished);
    }

    void pauseAndResumeFromRetryWait()
    {
        Trip trip(1000); // the backoff's pause is cut to the 300 ms retry budget
        trip.script = [](int n, const SeenRequest &r, QTcpSocket *s) { return answerOnce(n, r, s, 503, "backendError"); };
        trip.start();
        QVERIFY(QTest::qWaitFor([&] { return trip.transfer->phase() == Phase::RetryWait; }, 10000));
        trip.transfer->pause();
        QCOMPARE(trip.transfer->state(), FileState::Paused);
        QTest::qWait(1000); // past the pause: a paused file does not retry on its own
        QCOMPARE(trip.bodyRequests, 1);
        trip.transfer->resume();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.finished->count(), 1);
        QCOMPARE(trip.state(), FileState::Done);
        QCOMPARE(trip.landed(), trip.file);
    }

    void pauseDuringAHeldBackCappedRead_data()
    {
        QTest::addColumn<bool>("ranged");
        QTest::newRow("one stream") << false;
        QTest::newRow("ranged parts") << true;
    }
    void pauseDuringAHeldBackCappedRead()
    {
        // The replies end while the cap holds their last bytes back; pause right then, lift the cap, resume:
        // the file lands whole and right, and finished() comes once.
        QFETCH(bool, ranged);
        Trip trip(ranged ? 3 << 20 : 300 * 1024);
        if (ranged)
            trip.useRanges();
        Net::BandwidthLimiter limiter(1000);
        limiter.setClock([] { return qint64(0); }); // the budget never refills by itself
        trip.ctx.limiter = &limiter;
        trip.start();
        QVERIFY(QTest::qWaitFor([&] { return trip.transfer->bytesDone() > 0; }, 10000));
        QTest::qWait(300); // the replies are in by now, held back by the cap
        QCOMPARE(trip.finished->count(), 0);
        trip.transfer->pause();
        QCOMPARE(trip.transfer->phase(), Phase::Paused);
        const qint64 kept = trip.transfer->bytesDone();
        QVERIFY(kept > 0 && kept < trip.file.size());
        limiter.setLimit(0);
        QTest::qWait(100);
        QCOMPARE(trip.transfer->bytesDone(), kept); // nothing is read while paused
        QCOMPARE(trip.finished->count(), 0);
        trip.transfer->resume();
        QVERIFY(trip.waitFinished());
        QCOMPARE(trip.finished->count(), 1);
        QCOMPARE(trip.state(), FileState::Done);
        QCOMPARE(trip.landed(), trip.file);
        QVERIFY(trip.server.seen.last().headers.contains("range")); // the rest, not the whole file again
    }
};

QTEST_GUILESS_MAIN(TestFileTransferStates)
#include "tst_filetransfer_states.moc"
