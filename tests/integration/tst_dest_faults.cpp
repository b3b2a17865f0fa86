// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 5, acceptance 3: Databricks faults during real engine runs against the sandbox — a PUT reset
// mid-body, 503 bursts, 429 with Retry-After, an expired DBFS handle, a 403 on one volume while another
// works, a refused token — each ends with the right files done, the failed ones named with reasons, and
// no orphan at any final path. The streaming PUT (our own socket, Net::HttpPut) is also driven directly: its
// 503/429 answers are classified as the QNAM path's were, and an abort before finish() leaves nothing.
#include "tst_dest_support.h"

#include <QNetworkAccessManager>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace DestTest;

namespace
{
/// A Databricks token the test swaps; refresh() hands out `next` once (or fails when it is empty).
class SwitchableTokens final : public Net::TokenProvider
{
public:
    using Net::TokenProvider::TokenProvider;
    Q_DISABLE_COPY_MOVE(SwitchableTokens)
    QByteArray token;
    QByteArray next;
    int refreshes = 0;
    [[nodiscard]] QByteArray accessToken() const override { return token; }
    [[nodiscard]] QString accountName() const override { return u"databricks"_s; }
    void refresh() override
    {
        ++refreshes;
        QTimer::singleShot(0, this, [this] {
            if (next.isEmpty())
            {
                emit refreshFailed(u"no new token"_s);
                return;
            }
            token = std::exchange(next, {});
            emit refreshed();
        });
    }
};
} // namespace

class TestDestFaults final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    QHash<QString, QString> m_idByName;

    QList<Drive::DriveRef> refs(const QStringList &names) { return refsByName(m_idByName, names); }

    bool faults(const QJsonObject &databricks, const QJsonObject &files = {})
    {
        return setDatabricksFaults(*m_sandbox, databricks, files);
    }

    static Dest::Target target(const QString &relativePath, qint64 size)
    {
        Dest::Target t;
        t.relativePath = relativePath;
        t.expectedSize = size;
        return t;
    }

    static void verifyAllDone(const RunResult &run, int count)
    {
        QVERIFY(run.finished);
        QCOMPARE(run.report.files.size(), count);
        for (const Transfer::FileStatus &f : run.report.files)
            QVERIFY2(f.state == Transfer::FileState::Done, qPrintable(describeFailures(run.report)));
    }

private slots:
    void initTestCase()
    {
        m_sandbox = makeSandbox();
        if (!m_sandbox->start())
            QSKIP(qPrintable(u"sandbox not available: "_s + m_sandbox->errorString()));
        m_idByName = idsByName(*m_sandbox);
        QVERIFY(m_idByName.contains(u"10MiB.bin"_s));
    }

    void init()
    {
        QVERIFY(m_sandbox->reset());
    }

    void putResetMidBody_data()
    {
        QTest::addColumn<int>("transport");
        QTest::newRow("own socket") << int(Dest::VolumeDestination::StreamTransport::Socket);
        QTest::newRow("QNAM fallback") << int(Dest::VolumeDestination::StreamTransport::Qnam);
    }

    void putResetMidBody()
    {
        // The next PUT breaks after 3 MB of its body: the file starts again from byte 0 in a fresh PUT. The
        // QNAM path stays for caching-only proxies, so it is checked too.
        QFETCH(int, transport);
        QVERIFY(faults({{u"reset_put_after_bytes"_s, 3000000}}));
        const QString root = u"/Volumes/main/default/landing/reset"_s + QString::number(transport);
        const RunResult run = runInto(*m_sandbox, Kind::Volume, root, refs({u"10MiB.bin"_s}), EngineTest::fastOptions(), 50000,
                                      EngineTest::Token, [transport](Dest::Destination *d) {
                                          static_cast<Dest::VolumeDestination *>(d)->setStreamTransport(
                                              Dest::VolumeDestination::StreamTransport(transport));
                                      });
        verifyAllDone(run, 1);
        QVERIFY(run.report.files.first().retries >= 1);
        const QString problem = checkLanded(*m_sandbox, run.report, root + u'/');
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void burstOf503_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("503") << 503;
        QTest::newRow("429 Retry-After") << 429;
    }

    void burstOf503()
    {
        QFETCH(int, status);
        // The first calls of the run (mkdir, small PUTs, the streaming PUT…) answer status with Retry-After: 1.
        QVERIFY(faults({{u"error_times"_s, 4}, {u"error_status"_s, status}, {u"retry_after_s"_s, 1}}));
        const QString root = u"/Volumes/main/default/landing/burst"_s + QString::number(status);
        const QStringList names {u"10MiB.bin"_s, u"1MiB.bin"_s, u"64KiB.bin"_s, u"notes.txt"_s, u"data.csv"_s};
        const RunResult run = runInto(*m_sandbox, Kind::Volume, root, refs(names), EngineTest::fastOptions());
        verifyAllDone(run, int(names.size()));
        const QString problem = checkLanded(*m_sandbox, run.report, root + u'/');
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(m_sandbox->stats().value(u"throttled"_s).toInt() >= 4);
    }

    void dbfsBurstOf503()
    {
        QVERIFY(faults({{u"error_times"_s, 5}, {u"error_status"_s, 503}, {u"retry_after_s"_s, 1}}));
        const QString root = u"/ingest/burst"_s;
        const QStringList names {u"10MiB.bin"_s, u"odd-1000003.bin"_s, u"notes.txt"_s};
        const RunResult run = runInto(*m_sandbox, Kind::Dbfs, root, refs(names), EngineTest::fastOptions());
        verifyAllDone(run, int(names.size()));
        const QString problem = checkLanded(*m_sandbox, run.report, u"dbfs:"_s + root + u'/');
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void dbfsHandleExpires()
    {
        // Handles expire after 1 s idle and Drive stalls 2.5 s once after 3 MB: the next add-block finds
        // its handle gone, and the file starts again from a clean start.
        const QString id = m_idByName.value(u"10MiB.bin"_s);
        QVERIFY(faults({{u"dbfs_handle_idle_s"_s, 1}},
                       {{id, QJsonObject {{u"stall_after_bytes"_s, 3000000}, {u"stall_ms"_s, 2500}, {u"stall_times"_s, 1}}}}));
        const QString root = u"/ingest/expiry"_s;
        const RunResult run = runInto(*m_sandbox, Kind::Dbfs, root, refs({u"10MiB.bin"_s}), EngineTest::fastOptions());
        verifyAllDone(run, 1);
        QVERIFY(run.report.files.first().retries >= 1);
        const QString problem = checkLanded(*m_sandbox, run.report, u"dbfs:"_s + root + u'/');
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void forbiddenVolumeWhileAnotherWorks()
    {
        QVERIFY(faults({{u"forbidden_volumes"_s, QJsonArray {u"/Volumes/main/default/archive"_s}}}));
        const QStringList names {u"1MiB.bin"_s, u"notes.txt"_s, u"10MiB.bin"_s};
        const RunResult refused = runInto(*m_sandbox, Kind::Volume, u"/Volumes/main/default/archive/x"_s, refs(names),
                                          EngineTest::fastOptions());
        QVERIFY(refused.finished);
        // Named with the reason: either the run stopped at its destination check, or each file failed.
        QString reasons;
        for (const Net::Error &e : refused.runFailures)
            reasons += e.message + u'\n';
        for (const Transfer::FileStatus &f : refused.report.files)
        {
            QVERIFY(f.state != Transfer::FileState::Done);
            reasons += f.lastError.message + u'\n';
        }
        QVERIFY2(reasons.contains(u"READ VOLUME and WRITE VOLUME"_s), qPrintable(reasons));

        const QString root = u"/Volumes/main/default/landing/ok"_s;
        const RunResult run = runInto(*m_sandbox, Kind::Volume, root, refs(names), EngineTest::fastOptions());
        verifyAllDone(run, int(names.size()));
        const QJsonObject up = uploads(*m_sandbox);
        for (auto it = up.begin(); it != up.end(); ++it)
            QVERIFY2(!it.key().startsWith(u"/Volumes/main/default/archive"_s), qPrintable(it.key()));
        const QString problem = checkLanded(*m_sandbox, run.report, root + u'/');
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void socketPutAnswers_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("503") << 503;
        QTest::newRow("429") << 429;
    }

    void socketPutAnswers()
    {
        // The streaming PUT itself meets the error (the directory exists already, so nothing else takes it):
        // Throttled with the server's Retry-After, nothing at the path; the next attempt lands with the right md5.
        QFETCH(int, status);
        QNetworkAccessManager nam;
        Net::StaticTokenProvider tokens(EngineTest::Token, u"databricks"_s);
        const QString root = u"/Volumes/main/default/landing/socket"_s + QString::number(status);
        Dest::VolumeDestination volume(&nam, &tokens, m_sandbox->baseUrl(), root);
        bool made = false;
        Net::Error dirError;
        volume.client()->ensureDirectory(root, &volume, [&](const Net::Error &e) {
            made = true;
            dirError = e;
        });
        QVERIFY(QTest::qWaitFor([&] { return made; }, 10000));
        QVERIFY2(!dirError.isError(), qPrintable(dirError.toString()));
        QVERIFY(faults({{u"error_times"_s, 1}, {u"error_status"_s, status}, {u"retry_after_s"_s, 3}}));
        const qint64 size = 5 * 1024 * 1024 + 3;
        const QString path = root + u"/a.bin"_s;
        std::unique_ptr<Dest::Sink> first(volume.openSink(target(u"a.bin"_s, size), Dest::ConflictPolicy::Overwrite));
        const SinkOutcome refused = feedSink(first.get(), size);
        QVERIFY(refused.failed);
        QCOMPARE(refused.error.httpStatus, status);
        QVERIFY2(refused.error.errorClass == Net::ErrorClass::Throttled, qPrintable(refused.error.toString()));
        QCOMPARE(refused.error.retryAfter, 3000ms);
        QVERIFY(!uploads(*m_sandbox).contains(path));

        std::unique_ptr<Dest::Sink> second(volume.openSink(target(u"a.bin"_s, size), Dest::ConflictPolicy::Overwrite));
        const SinkOutcome landed = feedSink(second.get(), size);
        QVERIFY2(landed.committed, qPrintable(landed.error.toString()));
        QCOMPARE(landed.location, u"volume:"_s + path);
        QCOMPARE(uploads(*m_sandbox).value(path).toObject().value(u"md5"_s).toString().toLatin1(), landed.md5);
    }

    void socketPutRefusedToken_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("firstReason");
        // Up to 64 MiB the sandbox reads the refused body and answers 403 at its end.
        QTest::newRow("3 MiB, answered") << qint64(3 * 1024 * 1024) << u"tokenRefreshed"_s;
        // Above, it answers at once and closes without reading on (no lingering close): the reset loses the
        // answer, and the probe after the broken PUT is what finds the refused token.
        QTest::newRow("100 MiB, answer lost") << qint64(100 * 1024 * 1024) << u"connectionReset"_s;
    }

    void socketPutRefusedToken()
    {
        // The streaming PUT (our socket) carries a token the workspace refuses (403 "Invalid access token"):
        // one refresh for the workspace, the file is to start again (Transient) and then lands with the new
        // token; refused again later, the workspace is rejected with "sign in again".
        QFETCH(qint64, size);
        QFETCH(QString, firstReason);
        QNetworkAccessManager nam;
        SwitchableTokens tokens;
        tokens.token = EngineTest::Token;
        const QString root = u"/Volumes/main/default/landing/reauth"_s + QString::number(size);
        Dest::VolumeDestination volume(&nam, &tokens, m_sandbox->baseUrl(), root);
        bool made = false;
        volume.client()->ensureDirectory(root, &volume, [&](const Net::Error &e) { made = !e.isError(); });
        QVERIFY(QTest::qWaitFor([&] { return made; }, 10000));
        tokens.token = "dapi-stale-token"_ba;
        tokens.next = EngineTest::Token;
        std::unique_ptr<Dest::Sink> first(volume.openSink(target(u"r.bin"_s, size), Dest::ConflictPolicy::Overwrite));
        const SinkOutcome refused = feedSink(first.get(), size);
        QVERIFY(refused.failed);
        QCOMPARE(refused.error.errorClass, Net::ErrorClass::Transient);
        QCOMPARE(refused.error.reason, firstReason);
        QCOMPARE(tokens.refreshes, 1);
        std::unique_ptr<Dest::Sink> second(volume.openSink(target(u"r.bin"_s, size), Dest::ConflictPolicy::Overwrite));
        const SinkOutcome landed = feedSink(second.get(), size);
        QVERIFY2(landed.committed, qPrintable(landed.error.toString()));
        QCOMPARE(uploads(*m_sandbox).value(root + u"/r.bin"_s).toObject().value(u"md5"_s).toString().toLatin1(), landed.md5);

        tokens.token = "dapi-revoked-token"_ba;
        std::unique_ptr<Dest::Sink> third(volume.openSink(target(u"s.bin"_s, size), Dest::ConflictPolicy::Overwrite));
        const SinkOutcome rejected = feedSink(third.get(), size);
        QVERIFY(rejected.failed);
        QCOMPARE(rejected.error.errorClass, Net::ErrorClass::Auth);
        QVERIFY2(rejected.error.message.contains(u"sign in to the workspace again"_s), qPrintable(rejected.error.message));
        QVERIFY(!rejected.error.message.contains(u"dapi-"_s));
        QVERIFY(volume.client()->isRejected());
        QVERIFY(!uploads(*m_sandbox).contains(root + u"/s.bin"_s));
    }

    void concurrentRefusalsShareOneRefresh()
    {
        // Many control calls refused at once with the same stale token: ONE refresh for the workspace (the
        // provider here does not coalesce; Net::refreshToken() does), then every call goes through.
        QNetworkAccessManager nam;
        SwitchableTokens tokens;
        tokens.token = EngineTest::Token;
        const QString root = u"/Volumes/main/default/landing/coalesced"_s;
        Dest::VolumeDestination volume(&nam, &tokens, m_sandbox->baseUrl(), root);
        bool made = false;
        volume.client()->ensureDirectory(root, &volume, [&](const Net::Error &e) { made = !e.isError(); });
        QVERIFY(QTest::qWaitFor([&] { return made; }, 10000));
        tokens.token = "dapi-stale-token"_ba;
        tokens.next = EngineTest::Token;
        constexpr int Calls = 6;
        int answered = 0;
        QStringList errors;
        const QUrl list = volume.client()->url("/api/2.0/fs/directories"_ba + Dest::DatabricksClient::encodePath(root));
        for (int i = 0; i < Calls; ++i)
        {
            volume.client()->call("GET"_ba, list, {}, {}, &volume,
                                  [&](const Net::Error &e, const Dest::DatabricksResponse &) {
                                      ++answered;
                                      if (e.isError())
                                          errors.append(e.toString());
                                  });
        }
        QVERIFY(QTest::qWaitFor([&] { return answered == Calls; }, 10000));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(tokens.refreshes, 1);
        QVERIFY(!volume.client()->isRejected());
    }

    void abortBeforeFinishLeavesNothing()
    {
        // Every byte but the held-back last one reached the server; abort() drops the connection, and the
        // server keeps nothing at the final path.
        QNetworkAccessManager nam;
        Net::StaticTokenProvider tokens(EngineTest::Token, u"databricks"_s);
        const QString root = u"/Volumes/main/default/landing/aborted"_s;
        Dest::VolumeDestination volume(&nam, &tokens, m_sandbox->baseUrl(), root);
        const qint64 size = 8 * 1024 * 1024 + 1;
        const qint64 before = m_sandbox->stats().value(u"bytes_in"_s).toInteger();
        std::unique_ptr<Dest::Sink> sink(volume.openSink(target(u"big.bin"_s, size), Dest::ConflictPolicy::Overwrite));
        bool reached = false;
        const SinkOutcome out = feedSink(sink.get(), size, 30000, [&] {
            reached = QTest::qWaitFor([&] { return m_sandbox->stats().value(u"bytes_in"_s).toInteger() - before >= size - 1; }, 10000);
            return false; // no finish()
        });
        QCOMPARE(out.written, size);
        QVERIFY(reached);
        QVERIFY(!out.committed && !out.failed);
        QTest::qWait(300);
        QCOMPARE(m_sandbox->stats().value(u"bytes_in"_s).toInteger() - before, size - 1); // the last byte stayed here
        sink->abort();
        QTest::qWait(500);
        QVERIFY(!uploads(*m_sandbox).contains(root + u"/big.bin"_s));
        const QJsonObject puts = m_sandbox->stats().value(u"by_route"_s).toObject().value(u"dbx.files.put"_s).toObject();
        QVERIFY2(!puts.contains(u"204"_s), QJsonDocument(puts).toJson().constData());
    }

    void refusedTokenStopsTheWorkspace()
    {
        const RunResult run = runInto(*m_sandbox, Kind::Volume, u"/Volumes/main/default/landing/token"_s,
                                      refs({u"1MiB.bin"_s, u"notes.txt"_s}), EngineTest::fastOptions(), 50000,
                                      "dapi-not-a-valid-token");
        QVERIFY(run.finished);
        QString messages;
        for (const Net::Error &e : run.runFailures)
            messages += e.message + u'\n';
        for (const QString &line : run.authRequired)
            messages += line + u'\n';
        QVERIFY(!run.authRequired.isEmpty());
        for (const Transfer::FileStatus &f : run.report.files)
        {
            QVERIFY(f.state != Transfer::FileState::Done);
            messages += f.lastError.message + u'\n';
        }
        const QString want = u"Databricks rejected the token for "_s + m_sandbox->baseUrl().toString(QUrl::StripTrailingSlash)
            + u": sign in to the workspace again"_s;
        QVERIFY2(messages.contains(want), qPrintable(messages));
        QVERIFY(!messages.contains(u"dapi-not-a-valid-token"_s));
        QVERIFY(uploads(*m_sandbox).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDestFaults)
#include "tst_dest_faults.moc"
