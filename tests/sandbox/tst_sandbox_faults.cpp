// SPDX-License-Identifier: GPL-3.0-or-later
// Misbehaviour of drive-ingest-sandbox on request: each knob has the effect it claims; stats see it all.
#include "sandboxtestutil.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace SandboxTest;

class TestSandboxFaults final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void latencyWithinTenPercent();
    void latencyFlag();
    void bandwidthWithinTenPercent();
    void quota_data();
    void quota();
    void errorRateIsSeeded();
    void resetAfterBytes();
    void resetOnceThenWhole();
    void stallOnce();
    void errorTimesPerFile();
    void runtimeFileFaults();
    void badFaultBodies();
    void statsCountWhatHappened();
    void peakConnections();
    void flagsSetTheDefaults();

private:
    double minMs(const QString &path, int n);
    QString fileId(const QString &path) const { return m_tree.id(u"Drive Ingest Demo/"_s + path); }

    SandboxProcess m_sandbox { { u"--static-token"_s, QString::fromLatin1(kToken), u"--quiet"_s } };
    Tree m_tree;
};

void TestSandboxFaults::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    m_tree = loadTree(m_sandbox, true);
}

void TestSandboxFaults::init()
{
    QVERIFY(m_sandbox.reset());
}

double TestSandboxFaults::minMs(const QString &path, int n)
{
    // The fastest of n: load on a shared machine only ever adds time.
    double best = 1e9;
    for (int i = 0; i < n; ++i)
    {
        QElapsedTimer t;
        t.start();
        if (m_sandbox.get(path, auth()).status != 200)
            return -1;
        best = qMin(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

void TestSandboxFaults::latencyWithinTenPercent()
{
    const QString path = u"/drive/v3/files/%1?fields=id"_s.arg(fileId(u"Binary/1KiB.bin"_s));
    const double base = minMs(path, 10);
    QVERIFY(base >= 0);
    QVERIFY(m_sandbox.setFaults({ { u"latency_ms"_s, 200 } }));
    const double slow = minMs(path, 10);
    const double added = slow - base;
    qInfo("latency: base %.2f ms, with 200 ms set %.2f ms (added %.1f ms)", base, slow, added);
    QVERIFY2(qAbs(added - 200.0) <= 20.0, qPrintable(u"added latency %1 ms"_s.arg(added)));
    // Control routes are never slowed down.
    QElapsedTimer t;
    t.start();
    m_sandbox.stats();
    QVERIFY(t.elapsed() < 200);
}

void TestSandboxFaults::latencyFlag()
{
    SandboxProcess slow { { u"--static-token"_s, QString::fromLatin1(kToken), u"--quiet"_s, u"--latency-ms"_s,
        u"120"_s } };
    QVERIFY2(slow.start(), qPrintable(slow.errorString()));
    QElapsedTimer t;
    t.start();
    QCOMPARE(slow.get(u"/drive/v3/about?fields=user"_s, auth()).status, 200);
    QVERIFY(t.elapsed() >= 120);
}

void TestSandboxFaults::bandwidthWithinTenPercent()
{
    const double bps = 4'000'000;
    QVERIFY(m_sandbox.setFaults({ { u"bandwidth_bps"_s, bps } }));
    const QString id = fileId(u"Binary/10MiB.bin"_s);
    QElapsedTimer t;
    t.start();
    const SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(id), auth());
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    QCOMPARE(r.body.size(), 10 * 1024 * 1024);
    const double rate = r.body.size() / seconds;
    qInfo("bandwidth: set %.0f B/s, measured %.0f B/s over %.2f s", bps, rate, seconds);
    QVERIFY2(qAbs(rate - bps) <= 0.1 * bps, qPrintable(u"measured %1 B/s"_s.arg(rate)));
    // The body is still the true one.
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(r.body, QCryptographicHash::Md5).toHex()),
        m_tree.byId.value(id).value(u"md5"_s).toString());
}

void TestSandboxFaults::quota_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reasonText");
    QTest::addRow("403") << 403 << u"userRateLimitExceeded"_s;
    QTest::addRow("429") << 429 << u"rateLimitExceeded"_s;
}

void TestSandboxFaults::quota()
{
    QFETCH(int, status);
    QFETCH(QString, reasonText);
    QVERIFY(m_sandbox.setFaults(
        { { u"quota_qps"_s, 5 }, { u"quota_burst"_s, 5 }, { u"quota_status"_s, status }, { u"retry_after_s"_s, 3 } }));
    QElapsedTimer t;
    t.start();
    int ok = 0, refused = 0;
    SandboxProcess::Reply last;
    for (int i = 0; i < 40; ++i)
    {
        const SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files?pageSize=1&fields=files(id)"_s, auth());
        if (r.status == 200)
            ++ok;
        else if (r.status == status)
        {
            ++refused;
            last = r;
        }
    }
    const double seconds = double(t.elapsed()) / 1000.0;
    // A bucket of 5 refilled at 5/s: 5 plus what trickled in meanwhile.
    const int allowed = 5 + int(seconds * 5.0);
    qInfo("quota: %d ok, %d refused in %.2f s (bucket allows %d)", ok, refused, seconds, allowed);
    QCOMPARE(ok + refused, 40);
    QVERIFY(ok >= 5);
    QVERIFY(ok <= allowed + 1);
    QCOMPARE(reason(last), reasonText);
    QCOMPARE(last.json()[u"error"_s][u"errors"_s][0][u"domain"_s].toString(), u"usageLimits"_s);
    QCOMPARE(last.header("Retry-After"), "3"_ba);
    if (status == 429)
        QCOMPARE(last.json()[u"error"_s][u"status"_s].toString(), u"RESOURCE_EXHAUSTED"_s);
    const QJsonObject stats = m_sandbox.stats();
    QCOMPARE(stats.value(u"throttled"_s).toInt(), refused);
    QCOMPARE(stats[u"by_route"_s][u"drive.files.list"_s][QString::number(status)].toInt(), refused);
}

void TestSandboxFaults::errorRateIsSeeded()
{
    auto run = [this]()
    {
        QString pattern;
        for (int i = 0; i < 200; ++i)
        {
            const SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files?pageSize=1&fields=files(id)"_s, auth());
            pattern += r.status == 200 ? u'.' : r.status == 500 ? u'x' : u'?';
            if (r.status == 500 && reason(r) != u"backendError"_s)
                return QString();
        }
        return pattern;
    };
    QVERIFY(m_sandbox.setFaults({ { u"error_rate"_s, 0.5 }, { u"error_status"_s, 500 } }));
    const QString first = run();
    QVERIFY(!first.isEmpty());
    const auto failures = first.count(u'x');
    qInfo("error_rate 0.5: %lld of 200 failed", qlonglong(failures));
    QVERIFY(failures >= 70 && failures <= 130);
    QVERIFY(!first.contains(u'?'));
    // Same seed, same draws after a reset.
    QVERIFY(m_sandbox.reset());
    QVERIFY(m_sandbox.setFaults({ { u"error_rate"_s, 0.5 }, { u"error_status"_s, 500 } }));
    QCOMPARE(run(), first);
    QVERIFY(m_sandbox.setFaults({ { u"error_rate"_s, 1 }, { u"error_status"_s, 503 } }));
    QCOMPARE(m_sandbox.get(u"/drive/v3/files"_s, auth()).status, 503);
}

void TestSandboxFaults::resetAfterBytes()
{
    QVERIFY(m_sandbox.setFaults({ { u"reset_after_bytes"_s, 100000 } }));
    const SandboxProcess::Reply r
        = m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(fileId(u"Binary/1MiB.bin"_s)), auth());
    QVERIFY2(r.body.size() <= 100000, qPrintable(QString::number(r.body.size())));
    // A small body below the threshold is untouched.
    QCOMPARE(
        m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(fileId(u"Binary/1KiB.bin"_s)), auth()).body.size(), 1024);
}

void TestSandboxFaults::resetOnceThenWhole()
{
    const QString id = fileId(u"Faulty/resets-once.bin"_s);
    SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(id), auth());
    QVERIFY2(r.body.size() <= 500000, qPrintable(QString::number(r.body.size())));
    // The client resumes with Range from where it broke.
    r = m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(id), auth({ { "Range", "bytes=0-" } }));
    QCOMPARE(r.status, 206);
    QCOMPARE(r.body.size(), 2097152);
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(r.body, QCryptographicHash::Md5).toHex()),
        m_tree.byId.value(id).value(u"md5"_s).toString());
}

void TestSandboxFaults::stallOnce()
{
    const QString id = fileId(u"Faulty/stalls-once.bin"_s);
    QElapsedTimer t;
    t.start();
    SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(id), auth());
    const qint64 first = t.restart();
    QCOMPARE(r.body.size(), 1048576);
    QVERIFY2(first >= 1500, qPrintable(QString::number(first)));
    r = m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(id), auth());
    QCOMPARE(r.body.size(), 1048576);
    qInfo("stall: first download %lld ms (1500 ms stall), second %lld ms", first, t.elapsed());
    // Global stall for every media response, set at run time.
    QVERIFY(m_sandbox.setFaults({ { u"stall_after_bytes"_s, 1000 }, { u"stall_ms"_s, 400 } }));
    t.start();
    QCOMPARE(
        m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(fileId(u"Binary/64KiB.bin"_s)), auth()).body.size(), 65536);
    QVERIFY(t.elapsed() >= 400);
}

void TestSandboxFaults::errorTimesPerFile()
{
    const QString path = u"/drive/v3/files/%1?alt=media"_s.arg(fileId(u"Faulty/flaky-503.bin"_s));
    SandboxProcess::Reply r = m_sandbox.get(path, auth());
    QCOMPARE(r.status, 503);
    QCOMPARE(reason(r), u"backendError"_s);
    QCOMPARE(m_sandbox.get(path, auth()).status, 503);
    r = m_sandbox.get(path, auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.size(), 8000);
    // reset() starts the count over.
    QVERIFY(m_sandbox.reset());
    QCOMPARE(m_sandbox.get(path, auth()).status, 503);
}

void TestSandboxFaults::runtimeFileFaults()
{
    const QString id = fileId(u"Binary/1KiB.bin"_s);
    const QString path = u"/drive/v3/files/%1?alt=media"_s.arg(id);
    QVERIFY(m_sandbox.setFaults(
        { { u"files"_s, QJsonObject { { id, QJsonObject { { u"download_quota_exceeded"_s, true } } } } } }));
    SandboxProcess::Reply r = m_sandbox.get(path, auth());
    QCOMPARE(r.status, 403);
    QCOMPARE(reason(r), u"downloadQuotaExceeded"_s);
    QVERIFY(m_sandbox.setFaults({ { u"files"_s,
        QJsonObject { { id,
            QJsonObject { { u"download_quota_exceeded"_s, false }, { u"error_times"_s, 1 },
                { u"error_status"_s, 500 } } } } } }));
    QCOMPARE(m_sandbox.get(path, auth()).status, 500);
    QCOMPARE(m_sandbox.get(path, auth()).status, 200);
    QVERIFY(m_sandbox.setFaults({ { u"files"_s, QJsonObject { { id, QJsonObject { { u"wrong_md5"_s, true } } } } } }));
    const QString md5 = m_sandbox.get(u"/drive/v3/files/%1?fields=md5Checksum"_s.arg(id), auth())
                            .json()
                            .value(u"md5Checksum"_s)
                            .toString();
    QVERIFY(md5 != m_tree.byId.value(id).value(u"md5"_s).toString());
    QVERIFY(m_sandbox.setFaults(
        { { u"files"_s, QJsonObject { { id, QJsonObject { { u"insufficient_permissions"_s, true } } } } } }));
    r = m_sandbox.get(path, auth());
    QCOMPARE(r.status, 403);
    QCOMPARE(reason(r), u"insufficientFilePermissions"_s);
    QCOMPARE(r.json()[u"error"_s][u"message"_s].toString(),
        u"The user does not have sufficient permissions for file %1."_s.arg(id));
    QCOMPARE(m_sandbox.get(u"/drive/v3/files/%1?fields=capabilities"_s.arg(id), auth())
                 .json()[u"capabilities"_s][u"canDownload"_s]
                 .toBool(),
        false);
    QVERIFY(m_sandbox.reset()); // runtime faults are gone
    QCOMPARE(m_sandbox.get(path, auth()).status, 200);
    QCOMPARE(m_sandbox.get(u"/drive/v3/files/%1?fields=md5Checksum"_s.arg(id), auth())
                 .json()
                 .value(u"md5Checksum"_s)
                 .toString(),
        m_tree.byId.value(id).value(u"md5"_s).toString());
    // The tree reports per-file faults, from the manifest or set at run time.
    QCOMPARE(
        loadTree(m_sandbox).byPath.value(u"Drive Ingest Demo/Faulty/abusive.bin"_s)[u"faults"_s][u"abusive"_s].toBool(),
        true);
}

void TestSandboxFaults::badFaultBodies()
{
    const QList<QByteArray> bodies { "{not json", "[1,2]", "{\"latency_ms\": \"slow\"}", "{\"quota_status\": 418}",
        "{\"error_rate\": 2}", "{\"files\": 5}", "{\"latency_ms\": -5}", QByteArray(100000, '{') };
    for (const QByteArray &body : bodies)
    {
        const SandboxProcess::Reply r
            = m_sandbox.request("POST", u"/_sandbox/faults"_s, body, { { "Content-Type", "application/json" } });
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().contains(u"error"_s));
    }
    QCOMPARE(m_sandbox.get(u"/drive/v3/files?pageSize=1"_s, auth()).status, 200);
}

void TestSandboxFaults::statsCountWhatHappened()
{
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_sandbox.get(u"/drive/v3/files?pageSize=2"_s, auth()).status, 200);
    const QString id = fileId(u"Binary/1KiB.bin"_s);
    QCOMPARE(m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(id), auth({ { "Range", "bytes=0-99" } })).status, 206);
    QCOMPARE(m_sandbox.get(u"/drive/v3/files"_s).status, 401);
    const QJsonObject s = m_sandbox.stats();
    QCOMPARE(s.value(u"requests_total"_s).toInt(), 5);
    QCOMPARE(s[u"by_route"_s][u"drive.files.list"_s][u"200"_s].toInt(), 3);
    QCOMPARE(s[u"by_route"_s][u"drive.files.list"_s][u"401"_s].toInt(), 1);
    QCOMPARE(s[u"by_route"_s][u"drive.files.media"_s][u"206"_s].toInt(), 1);
    QVERIFY(s.value(u"bytes_out"_s).toInteger() >= 100);
    const QJsonArray log = s.value(u"log"_s).toArray();
    QCOMPARE(log.size(), 5);
    const QJsonObject media = log.at(3).toObject();
    QCOMPARE(media.value(u"route"_s).toString(), u"drive.files.media"_s);
    QCOMPARE(media.value(u"range"_s).toString(), u"bytes=0-99"_s);
    QCOMPARE(media.value(u"bytes_out"_s).toInt(), 100);
    QCOMPARE(media.value(u"status"_s).toInt(), 206);
    QVERIFY(s.contains(u"uploads"_s));
    QVERIFY(s.contains(u"tokens"_s));
    QVERIFY(m_sandbox.reset());
    QCOMPARE(m_sandbox.stats().value(u"requests_total"_s).toInt(), 0);
}

void TestSandboxFaults::peakConnections()
{
    // Six parallel downloads, slowed so they overlap: Qt opens six connections to one host.
    QVERIFY(m_sandbox.setFaults({ { u"bandwidth_bps"_s, 8'000'000 } }));
    QNetworkAccessManager nam;
    int pending = 6;
    QEventLoop loop;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 6; ++i)
    {
        QNetworkRequest req { m_sandbox.url(u"/drive/v3/files/%1?alt=media"_s.arg(fileId(u"Binary/1MiB.bin"_s))) };
        req.setRawHeader("Authorization", QByteArray("Bearer ") + kToken);
        QNetworkReply *reply = nam.get(req);
        replies << reply;
        connect(reply, &QNetworkReply::finished, &loop,
            [&pending, &loop]()
            {
                if (--pending == 0)
                    loop.quit();
            });
    }
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(pending, 0);
    for (QNetworkReply *r : replies)
    {
        QCOMPARE(r->readAll().size(), 1048576);
        r->deleteLater();
    }
    const QJsonObject s = m_sandbox.stats();
    qInfo("peak connections with 6 parallel downloads: %d", s.value(u"peak_connections"_s).toInt());
    QVERIFY(s.value(u"peak_connections"_s).toInt() >= 6);
}

void TestSandboxFaults::flagsSetTheDefaults()
{
    SandboxProcess flagged { { u"--static-token"_s, QString::fromLatin1(kToken), u"--quiet"_s, u"--quota"_s, u"2:2"_s,
        u"--quota-status"_s, u"429"_s, u"--error-status"_s, u"500"_s, u"--reset-after"_s, u"5000"_s, u"--bandwidth"_s,
        u"50000000"_s, u"--stall-after"_s, u"7"_s, u"--stall-ms"_s, u"9"_s, u"--latency-ms"_s, u"3"_s } };
    QVERIFY2(flagged.start(), qPrintable(flagged.errorString()));
    auto settings = [&flagged]() {
        return flagged.request("POST", u"/_sandbox/faults"_s, "{}", { { "Content-Type", "application/json" } }).json();
    };
    QJsonObject s = settings();
    QCOMPARE(s.value(u"quota_qps"_s).toDouble(), 2.0);
    QCOMPARE(s.value(u"quota_burst"_s).toDouble(), 2.0);
    QCOMPARE(s.value(u"quota_status"_s).toInt(), 429);
    QCOMPARE(s.value(u"error_status"_s).toInt(), 500);
    QCOMPARE(s.value(u"reset_after_bytes"_s).toInt(), 5000);
    QCOMPARE(s.value(u"bandwidth_bps"_s).toInteger(), 50000000);
    QCOMPARE(s.value(u"stall_after_bytes"_s).toInt(), 7);
    QCOMPARE(s.value(u"stall_ms"_s).toInt(), 9);
    QCOMPARE(s.value(u"latency_ms"_s).toInt(), 3);
    // The bucket holds two: the third request in a row is refused.
    int refused = 0;
    for (int i = 0; i < 3; ++i)
        refused += flagged.get(u"/drive/v3/about?fields=user"_s, auth()).status == 429 ? 1 : 0;
    QVERIFY(refused >= 1);
    // Runtime changes are undone by reset, back to the flags.
    QVERIFY(flagged.setFaults({ { u"quota_qps"_s, 0 }, { u"latency_ms"_s, 0 } }));
    QCOMPARE(settings().value(u"quota_qps"_s).toDouble(), 0.0);
    QVERIFY(flagged.reset());
    QCOMPARE(flagged.get(u"/_sandbox/faults"_s).json().value(u"quota_qps"_s).toDouble(), 2.0);
    s = settings();
    QCOMPARE(s.value(u"quota_qps"_s).toDouble(), 2.0);
    QCOMPARE(s.value(u"latency_ms"_s).toInt(), 3);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandbox_faults.moc"
