// SPDX-License-Identifier: GPL-3.0-or-later
// Control while running (issue 3): pause/resume the run (the body resumes with Range), add sources while
// running, change files-in-flight, cancel one file (it leaves nothing) while the others finish, retry a
// parked file once its cause is gone; a file paused on its own gives its slot to the next one. The sandbox's
// per-connection bandwidth cap keeps files in flight.
// The run's own bandwidth cap (issues 3, 6): it bounds single and ranged streams, shows as "bandwidth-cap",
// and lifting it mid-run lets the file finish.
#include "tst_engine_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;
using namespace EngineTest;

class TestEngineControl final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<SandboxProcess> m_capSandbox; ///< serves one 24 MiB file for the bandwidth-cap tests
    QJsonObject m_big;
    QTemporaryFile m_manifest;
    QJsonObject m_a; ///< ~1 MiB
    QJsonObject m_b; ///< small

    struct Live
    {
        Transfer::EngineHost host;
        QList<Transfer::Snapshot> snapshots;
        QHash<QString, Transfer::FileStatus> latest; ///< by drive id
        bool finished = false;
        Transfer::Report report;
    };

    void startLive(Live &live, const QList<Drive::DriveRef> &sources, const QString &dest, Transfer::RunOptions options,
                   SandboxProcess *sandbox = nullptr)
    {
        Transfer::EngineHost::Setup setup;
        setup.endpoints = Net::Endpoints::sandbox((sandbox ? sandbox : m_sandbox.get())->baseUrl());
        setup.options = options;
        setup.googleToken = [](QNetworkAccessManager *, QObject *parent) -> Net::TokenProvider * {
            return new Net::StaticTokenProvider(Token, u"sandbox"_s, parent);
        };
        setup.destination = [dest](QNetworkAccessManager *, QObject *parent) -> Dest::Destination * {
            return new Dest::LocalDestination(dest, parent);
        };
        connect(&live.host, &Transfer::EngineHost::snapshot, this, [&live](const Transfer::Snapshot &s) {
            live.snapshots.append(s);
            for (const Transfer::FileStatus &f : s.files)
                live.latest.insert(f.driveId, f);
        });
        connect(&live.host, &Transfer::EngineHost::finished, this, [&live](const Transfer::Report &r) {
            live.report = r;
            live.finished = true;
        });
        live.host.startRun(setup, sources);
    }

private slots:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxProcess>(QStringList {u"--static-token"_s, QString::fromLatin1(Token), u"--quiet"_s});
        if (!m_sandbox->start())
            QSKIP(qPrintable(u"sandbox not available: "_s + m_sandbox->errorString()));
        m_a = findBinary(*m_sandbox, 1 << 20, 4 << 20);
        m_b = findBinary(*m_sandbox, 1000, 512 * 1024, {m_a.value(u"id"_s).toString()});
        QVERIFY(!m_a.isEmpty() && !m_b.isEmpty());
        // The demo tree has 10 and 100 MiB files; the cap tests want 24 MiB (3 s at 8 MB/s).
        const QByteArray manifest = R"({"my_drive": [{"name": "Cap", "children": [{"name": "24MiB.bin", "size": 25165824}]}]})";
        m_manifest.setFileTemplate(QDir::tempPath() + u"/tst_engine_control-XXXXXX.json"_s);
        QVERIFY(m_manifest.open());
        m_manifest.write(manifest);
        m_manifest.flush();
        m_capSandbox = std::make_unique<SandboxProcess>(QStringList {u"--static-token"_s, QString::fromLatin1(Token), u"--quiet"_s,
                                                                     u"--manifest"_s, m_manifest.fileName()});
        QVERIFY2(m_capSandbox->start(), qPrintable(m_capSandbox->errorString()));
        m_big = findBinary(*m_capSandbox, 24 << 20, 24 << 20);
        QVERIFY(!m_big.isEmpty());
    }

    void init()
    {
        QVERIFY(m_sandbox->reset());
    }

    void pauseAndResume()
    {
        QVERIFY(m_sandbox->setFaults({{u"bandwidth_bps"_s, 250000}}));
        const QString id = m_a.value(u"id"_s).toString();
        QTemporaryDir dir;
        Live live;
        startLive(live, {ref(id)}, dir.path(), fastOptions());
        QTRY_VERIFY_WITH_TIMEOUT(live.latest.value(id).bytesDone > 0, 10000);
        live.host.pause();
        QTRY_VERIFY_WITH_TIMEOUT(!live.snapshots.isEmpty() && live.snapshots.constLast().paused, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(live.latest.value(id).state, Transfer::FileState::Paused, 5000);
        const qint64 atPause = live.latest.value(id).bytesDone;
        QTest::qWait(1500);
        // Paused means no bytes move.
        QVERIFY(live.latest.value(id).bytesDone <= atPause + 400000);
        QVERIFY(!live.finished);
        QVERIFY(m_sandbox->setFaults({{u"bandwidth_bps"_s, 0}}));
        live.host.resume();
        QTRY_VERIFY_WITH_TIMEOUT(live.finished, 30000);
        QCOMPARE(live.report.totals.filesDone, 1);
        const Transfer::FileStatus *f = recordFor(live.report, id);
        QVERIFY(f);
        QCOMPARE(md5Of(f->destinationPath), m_a.value(u"md5"_s).toString());
        // The second request carried on from where the first stopped.
        bool resumed = false;
        for (const auto &[status, range] : mediaRequests(*m_sandbox, id))
            resumed = resumed || (range.startsWith(u"bytes="_s) && !range.startsWith(u"bytes=0-"_s));
        QVERIFY(resumed);
        QVERIFY(partialsUnder(dir.path()).isEmpty());
    }

    void addSourcesAndParallel()
    {
        // Slow enough that a is still in flight when b is added (a run that finished takes no more sources).
        QVERIFY(m_sandbox->setFaults({{u"bandwidth_bps"_s, 250000}}));
        const QString a = m_a.value(u"id"_s).toString();
        const QString b = m_b.value(u"id"_s).toString();
        QTemporaryDir dir;
        Live live;
        Transfer::RunOptions options = fastOptions();
        options.parallel = 1;
        startLive(live, {ref(a)}, dir.path(), options);
        QTRY_VERIFY_WITH_TIMEOUT(live.latest.value(a).bytesDone > 0, 10000);
        QVERIFY(!live.finished);
        live.host.addSources({ref(b)});
        live.host.setParallel(2);
        // With a second slot, b starts while a is still in flight.
        QTRY_VERIFY_WITH_TIMEOUT(live.latest.contains(b), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(live.finished, 30000);
        QCOMPARE(live.report.totals.filesDone, 2);
        QCOMPARE(md5Of(recordFor(live.report, b)->destinationPath), m_b.value(u"md5"_s).toString());
        QCOMPARE(md5Of(recordFor(live.report, a)->destinationPath), m_a.value(u"md5"_s).toString());
    }

    void cancelOneFile()
    {
        QVERIFY(m_sandbox->setFaults({{u"bandwidth_bps"_s, 300000}}));
        const QString a = m_a.value(u"id"_s).toString();
        const QString b = m_b.value(u"id"_s).toString();
        QTemporaryDir dir;
        Live live;
        startLive(live, {ref(a), ref(b)}, dir.path(), fastOptions());
        QTRY_VERIFY_WITH_TIMEOUT(live.latest.value(a).bytesDone > 0, 10000);
        live.host.cancelFile(live.latest.value(a).key);
        QTRY_VERIFY_WITH_TIMEOUT(live.finished, 30000);
        QCOMPARE(recordFor(live.report, a)->state, Transfer::FileState::Cancelled);
        QCOMPARE(recordFor(live.report, b)->state, Transfer::FileState::Done);
        // Only b is on disk.
        QCOMPARE(filesUnder(dir.path()), QStringList {recordFor(live.report, b)->destinationPath});
    }

    void pausedFileGivesUpItsSlot()
    {
        // One file in flight at a time: pausing a alone lets b start and finish; a then resumes and completes.
        QVERIFY(m_sandbox->setFaults({{u"bandwidth_bps"_s, 250000}}));
        const QString a = m_a.value(u"id"_s).toString();
        const QString b = m_b.value(u"id"_s).toString();
        QTemporaryDir dir;
        Live live;
        Transfer::RunOptions options = fastOptions();
        options.parallel = 1;
        // b comes once a holds the one slot (listed together, either could start first).
        startLive(live, {ref(a)}, dir.path(), options);
        QTRY_VERIFY_WITH_TIMEOUT(live.latest.value(a).bytesDone > 0, 10000);
        live.host.addSources({ref(b)});
        QTRY_COMPARE_WITH_TIMEOUT(live.latest.value(b).state, Transfer::FileState::Queued, 10000);
        live.host.pauseFile(live.latest.value(a).key);
        QTRY_COMPARE_WITH_TIMEOUT(live.latest.value(b).state, Transfer::FileState::Done, 20000);
        QCOMPARE(live.latest.value(a).state, Transfer::FileState::Paused);
        QVERIFY(!live.finished);
        QVERIFY(m_sandbox->setFaults({{u"bandwidth_bps"_s, 0}}));
        live.host.resumeFile(live.latest.value(a).key);
        QTRY_VERIFY_WITH_TIMEOUT(live.finished, 30000);
        QCOMPARE(live.report.totals.filesDone, 2);
        QCOMPARE(md5Of(recordFor(live.report, a)->destinationPath), m_a.value(u"md5"_s).toString());
        QCOMPARE(md5Of(recordFor(live.report, b)->destinationPath), m_b.value(u"md5"_s).toString());
    }

    void bandwidthCap_data()
    {
        QTest::addColumn<int>("streams");
        QTest::newRow("single stream") << 1;
        QTest::newRow("4 ranged streams") << 4;
    }

    void bandwidthCap()
    {
        // The run's cap throttles every body read: 24 MiB at 8 MB/s cannot take less than ~3 s, whether one
        // stream carries it or four ranged parts share the budget.
        QFETCH(int, streams);
        constexpr qint64 Cap = 8000000;
        const QString id = m_big.value(u"id"_s).toString();
        const qint64 size = m_big.value(u"size"_s).toVariant().toLongLong();
        QTemporaryDir dir;
        Live live;
        Transfer::RunOptions options = fastOptions();
        options.streams = streams;
        options.rangedThreshold = 1 << 20;
        options.bandwidthLimit = Cap;
        QElapsedTimer clock;
        clock.start();
        startLive(live, {ref(id)}, dir.path(), options, m_capSandbox.get());
        QTRY_VERIFY_WITH_TIMEOUT(live.finished, 60000);
        const qint64 ms = clock.elapsed();
        const Transfer::FileStatus *f = recordFor(live.report, id);
        QVERIFY(f);
        QCOMPARE(f->state, Transfer::FileState::Done);
        QCOMPARE(f->bytesDone, size);
        QCOMPARE(f->retries, 0); // a body the cap held back is read to its end, never counted as truncated
        QCOMPARE(md5Of(f->destinationPath), m_big.value(u"md5"_s).toString());
        qInfo("%lld bytes at a cap of %lld B/s in %lld ms (%.2f MB/s; floor %lld ms)", size, Cap, ms,
              double(size) / 1000.0 / double(std::max<qint64>(1, ms)), qint64(0.8 * 1000.0 * double(size) / double(Cap)));
        // A lower bound only: a slow machine is never too fast.
        QVERIFY2(double(ms) >= 0.8 * 1000.0 * double(size) / double(Cap), qPrintable(QString::number(ms)));
        bool capped = false;
        for (const Transfer::Snapshot &snap : std::as_const(live.snapshots))
            capped = capped || snap.limitedBy == Transfer::LimitedBy::BandwidthCap;
        QVERIFY(capped);
    }

    void bandwidthCapLifted_data()
    {
        bandwidthCap_data();
    }

    void bandwidthCapLifted()
    {
        // Lifting the cap while running releases the transfers it held back; the file still verifies.
        QFETCH(int, streams);
        const QString id = m_big.value(u"id"_s).toString();
        const qint64 size = m_big.value(u"size"_s).toVariant().toLongLong();
        QTemporaryDir dir;
        Live live;
        Transfer::RunOptions options = fastOptions();
        options.streams = streams;
        options.rangedThreshold = 1 << 20;
        options.bandwidthLimit = 1000000;
        startLive(live, {ref(id)}, dir.path(), options, m_capSandbox.get());
        QTRY_VERIFY_WITH_TIMEOUT(live.latest.value(id).bytesDone >= 2000000, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!live.snapshots.isEmpty() && live.snapshots.constLast().limitedBy == Transfer::LimitedBy::BandwidthCap, 5000);
        const qint64 atLift = live.latest.value(id).bytesDone;
        QVERIFY2(atLift < size / 2, qPrintable(QString::number(atLift))); // the cap holds: far from done
        QVERIFY(!live.finished);
        QElapsedTimer clock;
        clock.start();
        live.host.setBandwidthLimit(0);
        QTRY_VERIFY_WITH_TIMEOUT(live.finished, 30000);
        qInfo("cap lifted at %lld of %lld bytes; the rest took %lld ms", atLift, size, clock.elapsed());
        const Transfer::FileStatus *f = recordFor(live.report, id);
        QVERIFY(f);
        QCOMPARE(f->state, Transfer::FileState::Done);
        QCOMPARE(f->bytesDone, size);
        QCOMPARE(f->retries, 0);
        QCOMPARE(md5Of(f->destinationPath), m_big.value(u"md5"_s).toString());
        QVERIFY(partialsUnder(dir.path()).isEmpty());
    }

    void retryParkedFile()
    {
        const QString a = m_a.value(u"id"_s).toString();
        const QString b = m_b.value(u"id"_s).toString();
        QVERIFY(m_sandbox->setFaults({{u"bandwidth_bps"_s, 200000},
                                      {u"files"_s, QJsonObject {{b, QJsonObject {{u"download_quota_exceeded"_s, true}}}}}}));
        QTemporaryDir dir;
        Live live;
        startLive(live, {ref(a), ref(b)}, dir.path(), fastOptions());
        QTRY_COMPARE_WITH_TIMEOUT(live.latest.value(b).state, Transfer::FileState::Parked, 10000);
        QVERIFY(!live.finished);
        QVERIFY(m_sandbox->setFaults({{u"bandwidth_bps"_s, 0},
                                      {u"files"_s, QJsonObject {{b, QJsonObject {{u"download_quota_exceeded"_s, false}}}}}}));
        live.host.retryFile(live.latest.value(b).key);
        QTRY_VERIFY_WITH_TIMEOUT(live.finished, 30000);
        QCOMPARE(live.report.totals.filesDone, 2);
        QCOMPARE(md5Of(recordFor(live.report, b)->destinationPath), m_b.value(u"md5"_s).toString());
    }
};

QTEST_GUILESS_MAIN(TestEngineControl)
#include "tst_engine_control.moc"
