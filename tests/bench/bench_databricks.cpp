// SPDX-License-Identifier: GPL-3.0-or-later
// bench_databricks (label bench, issue 5 acceptance 4): in one run on one sandbox, Drive → Volume and
// Drive → DBFS throughput of one big file (DI_BENCH_MIB, default 2048) as a ratio to
// min(curl download, curl --upload-file upload) of the same bytes (Volume target ≥ 0.8), the peak RSS of
// the whole process, and for DBFS where the time goes (add-block calls, their share of the run).
#include "../integration/tst_dest_support.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace DestTest;

namespace
{
double runCurl(const QStringList &args)
{
    QElapsedTimer timer;
    timer.start();
    QProcess curl;
    curl.start(u"curl"_s, args);
    if (!curl.waitForFinished(600000) || curl.exitCode() != 0)
        return -1;
    return timer.nsecsElapsed() / 1e9;
}

qint64 peakRssKiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
    {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void resetPeakRss()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}
} // namespace

class BenchDatabricks final : public QObject
{
    Q_OBJECT

private slots:
    void throughput()
    {
        const qint64 mib = qEnvironmentVariableIsSet("DI_BENCH_MIB") ? qEnvironmentVariableIntValue("DI_BENCH_MIB") : 2048;
        const qint64 bytes = mib * 1024 * 1024;
        QTemporaryDir dir;
        const QString manifest = dir.filePath(u"bench.json"_s);
        {
            QFile f(manifest);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"demo_root": "Bench", "my_drive": [{"name": "Bench", "children": [{"name": "big.bin", "size": )"
                    + QByteArray::number(bytes) + "}]}]}");
        }
        SandboxProcess sandbox({u"--static-token"_s, QString::fromLatin1(EngineTest::Token), u"--quiet"_s,
                                u"--manifest"_s, manifest});
        QVERIFY2(sandbox.start(60000), qPrintable(sandbox.errorString()));
        QString fileId;
        for (const QJsonObject &item : EngineTest::treeItems(sandbox))
        {
            if (item.value(u"name"_s).toString() == u"big.bin"_s)
                fileId = item.value(u"id"_s).toString();
        }
        QVERIFY(!fileId.isEmpty());
        const QString rootId = sandbox.readyInfo().value(u"demo_root_id"_s).toString();
        const QString auth = u"Authorization: Bearer "_s + QString::fromLatin1(EngineTest::Token);
        const QString media = sandbox.url(u"/drive/v3/files/"_s + fileId + u"?alt=media"_s).toString();

        // Baselines: curl download to /dev/null, curl --upload-file of the same bytes from a local copy.
        const QString copy = dir.filePath(u"copy.bin"_s);
        QVERIFY(runCurl({u"-sSf"_s, u"-H"_s, auth, u"-o"_s, copy, media}) > 0);
        const double download = runCurl({u"-sSf"_s, u"-H"_s, auth, u"-o"_s, u"/dev/null"_s, media});
        const double upload = runCurl({u"-sSf"_s, u"-H"_s, auth, u"-H"_s, u"Content-Type: application/octet-stream"_s,
                                       u"--upload-file"_s, copy,
                                       sandbox.url(u"/api/2.0/fs/files/Volumes/main/default/archive/curl.bin?overwrite=true"_s).toString()});
        QFile::remove(copy);
        QVERIFY(download > 0 && upload > 0);
        const double mbps = bytes / 1e6;
        const double baseline = std::min(mbps / download, mbps / upload);

        Transfer::RunOptions options = EngineTest::fastOptions();
        options.conflict = Dest::ConflictPolicy::Overwrite;
        const auto measure = [&](Kind kind, const QString &root, double *seconds, qint64 *peak) {
            sandbox.reset();
            resetPeakRss();
            QElapsedTimer timer;
            timer.start();
            const RunResult run = runInto(sandbox, kind, root, {EngineTest::ref(rootId)}, options, 1200000);
            *seconds = timer.nsecsElapsed() / 1e9;
            *peak = peakRssKiB();
            return run.finished && run.report.files.size() == 1 && run.report.files.first().state == Transfer::FileState::Done;
        };
        double volumeS = 0;
        qint64 volumePeak = 0;
        QVERIFY(measure(Kind::Volume, u"/Volumes/main/default/landing/bench"_s, &volumeS, &volumePeak));
        double dbfsS = 0;
        qint64 dbfsPeak = 0;
        QVERIFY(measure(Kind::Dbfs, u"/bench"_s, &dbfsS, &dbfsPeak));
        const QJsonObject stats = sandbox.stats();
        const QJsonObject routes = stats.value(u"by_route"_s).toObject();
        int blocks = 0;
        for (auto it = routes.begin(); it != routes.end(); ++it)
        {
            if (it.key().contains(u"add-block"_s))
            {
                const QJsonObject byStatus = it.value().toObject();
                for (auto s = byStatus.begin(); s != byStatus.end(); ++s)
                    blocks += s.value().toInt();
            }
        }

        // The server's own cost of one add-block (curl, a 1 MiB block, sequential as DBFS requires).
        double curlBlockMs = -1;
        {
            const QJsonObject created = sandbox.request("POST"_ba, u"/api/2.0/dbfs/create"_s,
                                                        R"({"path": "/bench-curl.bin", "overwrite": true})",
                                                        {{"Authorization"_ba, "Bearer "_ba + EngineTest::Token},
                                                         {"Content-Type"_ba, "application/json"_ba}})
                                            .json();
            const QString blockFile = dir.filePath(u"block.json"_s);
            QFile f(blockFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"handle\":" + QByteArray::number(created.value(u"handle"_s).toInteger()) + ",\"data\":\""
                    + QByteArray(1024 * 1024, 'x').toBase64() + "\"}");
            f.close();
            const int blocks = 10;
            double total = 0;
            for (int i = 0; i < blocks; ++i)
                total += runCurl({u"-sSf"_s, u"-o"_s, u"/dev/null"_s, u"-H"_s, auth, u"-H"_s, u"Content-Type: application/json"_s,
                                  u"--data-binary"_s, u"@"_s + blockFile, sandbox.url(u"/api/2.0/dbfs/add-block"_s).toString()});
            curlBlockMs = total * 1000 / blocks;
        }

        std::printf("\nDrive -> Databricks, %lld MiB, one sandbox\n", mib);
        std::printf("  curl download          %8.1f MB/s\n", mbps / download);
        std::printf("  curl --upload-file     %8.1f MB/s\n", mbps / upload);
        std::printf("  Drive -> Volume        %8.1f MB/s   ratio %.2f (target >= 0.8)   peak RSS %lld KiB\n",
                    mbps / volumeS, (mbps / volumeS) / baseline, volumePeak);
        std::printf("  Drive -> DBFS          %8.1f MB/s   ratio %.2f                   peak RSS %lld KiB\n",
                    mbps / dbfsS, (mbps / dbfsS) / baseline, dbfsPeak);
        std::printf("  DBFS: %d add-block calls of 1 MiB (base64: %.0f MB on the wire), %.1f ms per block;"
                    " the Volume PUT of the same bytes took %.1f s, DBFS %.1f s\n",
                    blocks, mbps * 4 / 3, blocks > 0 ? dbfsS * 1000 / blocks : 0.0, volumeS, dbfsS);
        std::printf("  DBFS floor: curl alone needs %.1f ms per 1 MiB add-block on this sandbox (%.1f MB/s at best"
                    " with blocks in order), so the round trip per block, not Drive, bounds DBFS\n",
                    curlBlockMs, curlBlockMs > 0 ? 1048.576 / curlBlockMs : 0.0);
        std::printf("  sandbox routes after the DBFS run: %s\n",
                    QJsonDocument(routes).toJson(QJsonDocument::Compact).left(1500).constData());
        std::fflush(stdout);
    }
};

QTEST_GUILESS_MAIN(BenchDatabricks)
#include "bench_databricks.moc"
