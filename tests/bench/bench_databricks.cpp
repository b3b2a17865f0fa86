// SPDX-License-Identifier: GPL-3.0-or-later
// bench_databricks (label bench, issue 5 acceptance 4): in one run on one sandbox, Drive → Volume and
// Drive → DBFS throughput of one big file (DI_BENCH_MIB, default 2048) as a ratio to
// min(curl download, curl --upload-file upload) of the same bytes (Volume target ≥ 0.8), the peak RSS of
// the whole process, and for DBFS where the time goes (add-block calls, their share of the run).
#include "../integration/tst_dest_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <unistd.h>

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

/// CPU seconds (user + system) per thread name of process `pid`, from /proc/<pid>/task/*/stat.
QMap<QString, double> threadCpu(const QString &pid)
{
    QMap<QString, double> cpu;
    const double tick = double(sysconf(_SC_CLK_TCK));
    const QString base = u"/proc/"_s + pid + u"/task"_s;
    for (const QString &tid : QDir(base).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
    {
        QFile f(base + u'/' + tid + u"/stat"_s);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = f.readAll();
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() < 13)
            continue;
        // Fields after the name: state(0) … utime(11) stime(12).
        cpu[QString::fromLatin1(line.mid(open + 1, close - open - 1))] += (fields.at(11).toDouble() + fields.at(12).toDouble()) / tick;
    }
    // The whole process, threads that already ended included (QNAM's HTTP threads end with the run).
    QFile f(u"/proc/"_s + pid + u"/stat"_s);
    if (f.open(QIODevice::ReadOnly))
    {
        const QByteArray line = f.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() >= 13)
            cpu[u"[process]"_s] = (fields.at(11).toDouble() + fields.at(12).toDouble()) / tick;
    }
    return cpu;
}

/// The children of this process (the sandbox), from /proc/self/task/*/children.
QStringList childPids()
{
    QStringList pids;
    for (const QString &tid : QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
    {
        QFile f(u"/proc/self/task/"_s + tid + u"/children"_s);
        if (f.open(QIODevice::ReadOnly))
            pids += QString::fromLatin1(f.readAll()).split(u' ', Qt::SkipEmptyParts);
    }
    return pids;
}

QString cpuDelta(const QMap<QString, double> &before, const QMap<QString, double> &after)
{
    QString out;
    for (auto it = after.begin(); it != after.end(); ++it)
    {
        const double d = it.value() - before.value(it.key());
        if (d >= 0.05)
            out += u"%1 %2 s, "_s.arg(it.key()).arg(d, 0, 'f', 2);
    }
    return out.isEmpty() ? u"-"_s : out.chopped(2);
}

/// CPU seconds (user + system) of this whole process so far, threads that ended included.
double selfCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
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
        const QStringList children = childPids();
        const QString sandboxPid = children.isEmpty() ? QString() : children.last();
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
        const QMap<QString, double> curlBefore = sandboxPid.isEmpty() ? QMap<QString, double>() : threadCpu(sandboxPid);
        const double upload = runCurl({u"-sSf"_s, u"-H"_s, auth, u"-H"_s, u"Content-Type: application/octet-stream"_s,
                                       u"--upload-file"_s, copy,
                                       sandbox.url(u"/api/2.0/fs/files/Volumes/main/default/archive/curl.bin?overwrite=true"_s).toString()});
        QFile::remove(copy);
        const QString curlUploadCpu = sandboxPid.isEmpty() ? u"?"_s : cpuDelta(curlBefore, threadCpu(sandboxPid));
        QVERIFY(download > 0 && upload > 0);
        const double mbps = bytes / 1e6;
        const double baseline = std::min(mbps / download, mbps / upload);

        Transfer::RunOptions options = EngineTest::fastOptions();
        options.conflict = Dest::ConflictPolicy::Overwrite;
        // DI_BENCH_READ_BUFFER_KIB: the Drive reply's read buffer (RunOptions::readBufferSize).
        if (qEnvironmentVariableIsSet("DI_BENCH_READ_BUFFER_KIB"))
            options.readBufferSize = qEnvironmentVariableIntValue("DI_BENCH_READ_BUFFER_KIB") * 1024LL;
        QString volumeCpu;
        double selfCpu = 0;
        using Transport = Dest::VolumeDestination::StreamTransport;
        const auto measure = [&](Kind kind, const QString &root, double *seconds, qint64 *peak,
                                 Transport transport = Transport::Socket) {
            sandbox.reset();
            resetPeakRss();
            const QMap<QString, double> selfBefore = threadCpu(u"self"_s);
            const double cpuBefore = selfCpuSeconds();
            const QMap<QString, double> sandboxBefore = sandboxPid.isEmpty() ? QMap<QString, double>() : threadCpu(sandboxPid);
            QElapsedTimer timer;
            timer.start();
            const RunResult run = runInto(sandbox, kind, root, {EngineTest::ref(rootId)}, options, 1200000, EngineTest::Token,
                                          [transport](Dest::Destination *d) {
                                              auto *volume = qobject_cast<Dest::VolumeDestination *>(d);
                                              if (!volume)
                                                  return;
                                              volume->setStreamTransport(transport);
                                              // DI_BENCH_QUEUE_KIB: bytes queued per streaming PUT (default 4 MiB).
                                              if (qEnvironmentVariableIsSet("DI_BENCH_QUEUE_KIB"))
                                                  volume->setPipeCapacity(qEnvironmentVariableIntValue("DI_BENCH_QUEUE_KIB") * 1024LL);
                                          });
            *seconds = timer.nsecsElapsed() / 1e9;
            *peak = peakRssKiB();
            selfCpu = selfCpuSeconds() - cpuBefore;
            if (kind == Kind::Volume)
                volumeCpu = u"ours: "_s + cpuDelta(selfBefore, threadCpu(u"self"_s)) + u"; sandbox: "_s
                    + (sandboxPid.isEmpty() ? u"?"_s : cpuDelta(sandboxBefore, threadCpu(sandboxPid)));
            return run.finished && run.report.files.size() == 1 && run.report.files.first().state == Transfer::FileState::Done;
        };
        const double gib = double(bytes) / (1024.0 * 1024 * 1024);
        double volumeS = 0;
        qint64 volumePeak = 0;
        QVERIFY(measure(Kind::Volume, u"/Volumes/main/default/landing/bench"_s, &volumeS, &volumePeak));
        const double volumeCpuPerGiB = selfCpu / gib;
        std::printf("\nDrive -> Volume %lld MiB (own socket PUT): %.1f MB/s, ratio %.2f to min(curl down %.1f, curl up %.1f) MB/s,"
                    " %.2f s CPU per GiB in this process, peak RSS %lld KiB\n"
                    "  CPU during the Volume run: %s\n  sandbox CPU during curl --upload-file: %s\n",
                    mib, mbps / volumeS, (mbps / volumeS) / baseline, mbps / download, mbps / upload, volumeCpuPerGiB,
                    volumePeak, qPrintable(volumeCpu), qPrintable(curlUploadCpu));
        std::fflush(stdout);
        // The previous transport (QNAM reading a ring buffer) on the same sandbox, for comparison.
        if (qEnvironmentVariableIntValue("DI_BENCH_SKIP_QNAM") == 0)
        {
            double qnamS = 0;
            qint64 qnamPeak = 0;
            QVERIFY(measure(Kind::Volume, u"/Volumes/main/default/landing/bench-qnam"_s, &qnamS, &qnamPeak, Transport::Qnam));
            std::printf("Drive -> Volume %lld MiB (QNAM + pipe):      %.1f MB/s, ratio %.2f, %.2f s CPU per GiB in this process,"
                        " peak RSS %lld KiB\n  CPU during that run: %s\n",
                        mib, mbps / qnamS, (mbps / qnamS) / baseline, selfCpu / gib, qnamPeak, qPrintable(volumeCpu));
            std::fflush(stdout);
        }
        // DI_BENCH_VOLUME_ONLY=1: the Volume figures only (DBFS takes several times as long).
        if (qEnvironmentVariableIntValue("DI_BENCH_VOLUME_ONLY") != 0)
            return;
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
