// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 16 item 6 and "nested retries": a Databricks upload answered 2xx is checked (HEAD / get-status) before
// the file counts as done — storage that kept fewer bytes (the sandbox's short_store fault) gets the file
// retried or failed, never reported done — and one file that keeps failing is tried at most the backoff
// table's 8 times in all (the client's retries and the engine's restarts of the file draw from one budget),
// counted at the sandbox.
#include "tst_dest_support.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace DestTest;

class TestDestChecks final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    QHash<QString, QString> m_idByName;

    QList<Drive::DriveRef> refs(const QStringList &names) { return refsByName(m_idByName, names); }

    bool faults(const QJsonObject &databricks) { return setDatabricksFaults(*m_sandbox, databricks); }

    static QString rootFor(Kind kind, const QString &name)
    {
        return kind == Kind::Volume ? u"/Volumes/main/default/landing/"_s + name : u"/ingest/"_s + name;
    }

    static QString prefixFor(Kind kind, const QString &root)
    {
        return (kind == Kind::Volume ? QString() : u"dbfs:"_s) + root + u'/';
    }

private slots:
    void initTestCase()
    {
        m_sandbox = makeSandbox();
        if (!m_sandbox->start())
            QSKIP(qPrintable(u"sandbox not available: "_s + m_sandbox->errorString()));
        m_idByName = idsByName(*m_sandbox);
        QVERIFY(m_idByName.contains(u"10MiB.bin"_s));
        QVERIFY(m_idByName.contains(u"notes.txt"_s));
    }

    void init()
    {
        QVERIFY(m_sandbox->reset());
    }

    void shortStoreIsRetried_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("Volume, buffered PUT") << int(Kind::Volume) << u"64KiB.bin"_s;
        QTest::newRow("Volume, streaming PUT") << int(Kind::Volume) << u"10MiB.bin"_s;
        QTest::newRow("DBFS, blocks") << int(Kind::Dbfs) << u"odd-1000003.bin"_s;
        QTest::newRow("DBFS, put") << int(Kind::Dbfs) << u"notes.txt"_s;
    }

    void shortStoreIsRetried()
    {
        // The first upload is stored 7 bytes short and answered 204/200 all the same: the check after the upload
        // sees it, the file starts again, and what is done is whole.
        QFETCH(int, kind);
        QFETCH(QString, name);
        QVERIFY(faults({{u"short_store_times"_s, 1}, {u"short_store_bytes"_s, 7}}));
        const QString root = rootFor(Kind(kind), u"short-once"_s);
        const RunResult run = runInto(*m_sandbox, Kind(kind), root, refs({name}), EngineTest::fastOptions());
        QVERIFY(run.finished);
        QCOMPARE(run.report.files.size(), 1);
        const Transfer::FileStatus &f = run.report.files.first();
        QVERIFY2(f.state == Transfer::FileState::Done, qPrintable(describeFailures(run.report)));
        QVERIFY(f.retries >= 1);
        const QString problem = checkLanded(*m_sandbox, run.report, prefixFor(Kind(kind), root));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void shortStoreEveryTimeFailsTheFile_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("Volume") << int(Kind::Volume);
        QTest::newRow("DBFS") << int(Kind::Dbfs);
    }

    void shortStoreEveryTimeFailsTheFile()
    {
        QFETCH(int, kind);
        QVERIFY(faults({{u"short_store_times"_s, 100}}));
        const QString root = rootFor(Kind(kind), u"short-always"_s);
        Transfer::RunOptions options = EngineTest::fastOptions();
        options.maxTries = 2;
        const RunResult run = runInto(*m_sandbox, Kind(kind), root, refs({u"notes.txt"_s}), options);
        QVERIFY(run.finished);
        QCOMPARE(run.report.files.size(), 1);
        const Transfer::FileStatus &f = run.report.files.first();
        QCOMPARE(f.state, Transfer::FileState::Failed);
        QVERIFY2(f.lastError.message.contains(u"bytes after the upload was accepted"_s), qPrintable(f.lastError.message));
        // The short file does not stay at the final path.
        QTRY_VERIFY_WITH_TIMEOUT(uploads(*m_sandbox).isEmpty(), 5000);
    }

    void oneRetryBudgetPerFile_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("route");
        QTest::newRow("Volume PUT") << int(Kind::Volume) << u"dbx.files.put"_s;
        QTest::newRow("DBFS put") << int(Kind::Dbfs) << u"dbx.dbfs.put"_s;
    }

    void oneRetryBudgetPerFile()
    {
        // Every upload of the file answers 500 while directories still work: the client retries, the engine
        // would restart the file, and in all the workspace sees the backoff table's tries, no more.
        QFETCH(int, kind);
        QFETCH(QString, route);
        QVERIFY(faults({{u"error_rate"_s, 1.0}, {u"error_status"_s, 500}, {u"error_routes"_s, QJsonArray {route}}}));
        const QString root = rootFor(Kind(kind), u"budget"_s);
        const RunResult run = runInto(*m_sandbox, Kind(kind), root, refs({u"notes.txt"_s}), EngineTest::fastOptions(), 50000,
                                      EngineTest::Token, [](Dest::Destination *d) {
                                          // Short pauses: the test counts tries, not seconds.
                                          static_cast<Dest::DatabricksDestination *>(d)->client()->setBackoffPolicy(
                                              Net::BackoffPolicy {10ms, 40ms, 0ms, Net::BackoffPolicy {}.maxTries});
                                      });
        QVERIFY(run.finished);
        QCOMPARE(run.report.files.size(), 1);
        const Transfer::FileStatus &f = run.report.files.first();
        QCOMPARE(f.state, Transfer::FileState::Failed);
        QCOMPARE(f.lastError.reason, u"retriesExhausted"_s);
        QCOMPARE(f.lastError.httpStatus, 500);
        // The run's tries (RunOptions::maxTries) bound the workspace's requests as they bound Drive's.
        const int tries = EngineTest::fastOptions().maxTries;
        QVERIFY2(f.lastError.message.contains(u"Gave up after %1 tries"_s.arg(tries)), qPrintable(f.lastError.message));
        QCOMPARE(answered(*m_sandbox, route, 500), tries);
        QVERIFY(uploads(*m_sandbox).isEmpty());
    }

    void retryTimeoutBoundsTheWorkspace_data() { oneRetryBudgetPerFile_data(); }
    void retryTimeoutBoundsTheWorkspace()
    {
        // --retry-timeout 0 (no retries) reaches the workspace's requests too, not only Drive's: one upload
        // try, then the file fails (before, the client kept its own default policy and tried 8 times).
        QFETCH(int, kind);
        QFETCH(QString, route);
        QVERIFY(faults({{u"error_rate"_s, 1.0}, {u"error_status"_s, 500}, {u"error_routes"_s, QJsonArray {route}}}));
        const QString root = rootFor(Kind(kind), u"timeout"_s);
        Transfer::RunOptions options = EngineTest::fastOptions();
        options.retryTimeout = 0ms;
        const RunResult run = runInto(*m_sandbox, Kind(kind), root, refs({u"notes.txt"_s}), options, 50000,
                                      EngineTest::Token, [](Dest::Destination *d) {
                                          static_cast<Dest::DatabricksDestination *>(d)->client()->setBackoffPolicy(
                                              Net::BackoffPolicy {10ms, 40ms, 0ms, Net::BackoffPolicy {}.maxTries});
                                      });
        QVERIFY(run.finished);
        QCOMPARE(run.report.files.size(), 1);
        QCOMPARE(run.report.files.first().state, Transfer::FileState::Failed);
        QCOMPARE(answered(*m_sandbox, route, 500), 1);
        QVERIFY(uploads(*m_sandbox).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDestChecks)
#include "tst_dest_checks.moc"
