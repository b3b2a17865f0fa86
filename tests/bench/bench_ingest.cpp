// SPDX-License-Identifier: GPL-3.0-or-later
// bench_ingest (label bench): one sandbox, one run, a table on stdout and JSON in argv[1] (issue 3, acceptance 3).
//  (a) 1 GiB and 4 GiB into a local folder vs `curl -s URL | tee FILE | md5sum` and `curl -o FILE`, with our
//      peak RSS (VmHWM of a child process that runs only the engine);
//  (b) 2,000 files of 64 KiB under a sandbox quota of 50 requests/s: wall time vs the floor the quota sets;
//  (c) a slow link (40 ms latency, 20 MB/s per connection): 1 GiB vs single-stream curl;
//  (d) 3,000 files of 16 KiB with default options under a sandbox quota the client does not know (150 req/s;
//      also 20 req/s without --quick): wall time vs the quota's floor, throttled share (issue 14, acceptance 1);
//  (e) CPU seconds per GiB of the engine's process, 1 GiB into a local folder (issue 14, acceptance 3).
// The engine runs in a child (`bench_ingest --child …`) so each measurement has its own peak RSS.
#include "net/tokenprovider.h"
#include "destinations/localdestination.h"
#include "transfer/enginehost.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <cstdio>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray Token = "bench-static-token-0123456789";

qint64 peakRssKiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
    {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// CPU seconds (user + system) of this whole process so far, the threads that already ended included.
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// --child BASE_URL DEST QPS PARALLEL STREAMS ID… : runs one ingest, prints one JSON line. QPS 0: the default
// pacing (start at 10/s, rise while Drive does not throttle); else a fixed pace, as `--qps` alone.
int runChild(const QStringList &args)
{
    const QUrl base(args.value(0));
    const QString dest = args.value(1);
    Transfer::RunOptions options;
    if (const double qps = args.value(2).toDouble(); qps > 0)
    {
        options.requestsPerSecond = qps;
        options.maxRequestsPerSecond = qps;
    }
    options.parallel = args.value(3).toInt();
    options.streams = args.value(4).toInt();
    options.conflict = Dest::ConflictPolicy::Overwrite;
    // DI_BENCH_READ_BUFFER_KIB: the Drive reply's read buffer (RunOptions::readBufferSize), as bench_databricks.
    if (qEnvironmentVariableIsSet("DI_BENCH_READ_BUFFER_KIB"))
        options.readBufferSize = qEnvironmentVariableIntValue("DI_BENCH_READ_BUFFER_KIB") * 1024LL;
    QList<Drive::DriveRef> sources;
    for (const QString &id : args.mid(5))
        sources.append(Drive::DriveRef {id, {}, Drive::DriveRef::Kind::Unknown});
    Transfer::EngineHost host;
    Transfer::EngineHost::Setup setup;
    setup.endpoints = Net::Endpoints::sandbox(base);
    setup.options = options;
    setup.googleToken = [](QNetworkAccessManager *, QObject *parent) -> Net::TokenProvider * {
        return new Net::StaticTokenProvider(Token, u"bench"_s, parent);
    };
    setup.destination = [dest](QNetworkAccessManager *, QObject *parent) -> Dest::Destination * {
        return new Dest::LocalDestination(dest, parent);
    };
    QElapsedTimer timer;
    QJsonObject out;
    QEventLoop loop;
    const double cpuBefore = cpuSeconds();
    QObject::connect(&host, &Transfer::EngineHost::finished, &loop, [&](const Transfer::Report &r) {
        out = {{u"seconds"_s, timer.elapsed() / 1000.0},
               {u"bytes"_s, r.totals.bytesDone},
               {u"done"_s, r.totals.filesDone},
               {u"failed"_s, r.totals.filesFailed + r.totals.filesParked + r.totals.filesCancelled},
               {u"requests"_s, qint64(r.totals.requestsTotal)},
               {u"throttled"_s, qint64(r.totals.throttledTotal)}};
        loop.quit();
    });
    timer.start();
    host.startRun(setup, sources);
    loop.exec();
    out.insert(u"peak_rss_kib"_s, peakRssKiB());
    out.insert(u"cpu_s"_s, cpuSeconds() - cpuBefore);
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return 0;
}

class Bench
{
public:
    QJsonObject get(const QString &path)
    {
        return request("GET", path, {});
    }
    QJsonObject post(const QString &path, const QJsonObject &body)
    {
        return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QJsonObject request(const QByteArray &verb, const QString &path, const QByteArray &body)
    {
        QNetworkRequest req(QUrl(m_base + path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        req.setTransferTimeout(600000);
        QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return o;
    }

    /// Seconds for a shell pipeline; -1 on failure.
    static double timeShell(const QString &command)
    {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(u"bash"_s, {u"-c"_s, command});
        if (!p.waitForFinished(900000) || p.exitCode() != 0)
            return -1;
        return t.elapsed() / 1000.0;
    }

    QJsonObject runEngine(const QString &dest, double qps, int parallel, int streams, const QStringList &ids)
    {
        QProcess p;
        QStringList args {u"--child"_s, m_base, dest, QString::number(qps), QString::number(parallel), QString::number(streams)};
        args += ids;
        p.start(QCoreApplication::applicationFilePath(), args);
        p.waitForFinished(900000);
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        return QJsonDocument::fromJson(lines.value(lines.size() - 1)).object();
    }

    QString curlHeader() const { return u"-H 'Authorization: Bearer "_s + QString::fromLatin1(Token) + u"'"_s; }
    QString mediaUrl(const QString &id) const { return m_base + u"/drive/v3/files/"_s + id + u"?alt=media&supportsAllDrives=true"_s; }

    QString m_base;
    QNetworkAccessManager m_nam;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.value(0) == u"--child"_s)
        return runChild(args.mid(1));
    if (args.size() < 2)
    {
        std::fputs("usage: bench_ingest OUT.json SANDBOX [--quick]\n", stderr);
        return 2;
    }
    const QString jsonOut = args.at(0);
    const QString sandboxExe = args.at(1);
    const bool quick = args.contains(u"--quick"_s);
    QTextStream out(stdout);

    QTemporaryDir work(QDir::current().filePath(u"bench_ingest-XXXXXX"_s));
    // The manifest: one 1 GiB file, one 4 GiB file, and 2,000 files of 64 KiB.
    QJsonArray small;
    for (int i = 0; i < 2000; ++i)
        small.append(QJsonObject {{u"name"_s, u"f%1.bin"_s.arg(i, 4, 10, QLatin1Char('0'))}, {u"size"_s, 65536}});
    QJsonArray tiny;
    for (int i = 0; i < 3000; ++i)
        tiny.append(QJsonObject {{u"name"_s, u"t%1.bin"_s.arg(i, 4, 10, QLatin1Char('0'))}, {u"size"_s, 16384}});
    QJsonArray children {QJsonObject {{u"name"_s, u"1g.bin"_s}, {u"size"_s, qint64(1) << 30}},
                         QJsonObject {{u"name"_s, u"small"_s}, {u"children"_s, small}},
                         QJsonObject {{u"name"_s, u"tiny"_s}, {u"children"_s, tiny}}};
    if (!quick)
        children.append(QJsonObject {{u"name"_s, u"4g.bin"_s}, {u"size"_s, qint64(4) << 30}});
    const QJsonObject manifest {{u"demo_root"_s, u"Bench"_s},
                                {u"my_drive"_s, QJsonArray {QJsonObject {{u"name"_s, u"Bench"_s}, {u"children"_s, children}}}}};
    const QString manifestPath = work.filePath(u"manifest.json"_s);
    {
        QFile f(manifestPath);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        f.write(QJsonDocument(manifest).toJson());
    }
    QProcess sandbox;
    const QString ready = work.filePath(u"ready.json"_s);
    sandbox.start(sandboxExe, {u"--port"_s, u"0"_s, u"--ready-file"_s, ready, u"--manifest"_s, manifestPath,
                               u"--static-token"_s, QString::fromLatin1(Token), u"--quiet"_s, u"--threads"_s, u"64"_s});
    QElapsedTimer wait;
    wait.start();
    while (!QFile::exists(ready) && wait.elapsed() < 30000)
        QThread::msleep(50);
    QFile readyFile(ready);
    if (!readyFile.open(QIODevice::ReadOnly))
    {
        out << "sandbox did not start\n";
        return 1;
    }
    Bench bench;
    bench.m_base = QJsonDocument::fromJson(readyFile.readAll()).object().value(u"base_url"_s).toString();

    // Ids, and the sandbox's hashes computed once up front (not part of any timing).
    QHash<QString, QString> ids;
    QStringList smallFolder;
    for (const QJsonValue &v : bench.get(u"/_sandbox/tree"_s).value(u"items"_s).toArray())
    {
        const QJsonObject o = v.toObject();
        ids.insert(o.value(u"path"_s).toString(), o.value(u"id"_s).toString());
    }
    const QString id1g = ids.value(u"Bench/1g.bin"_s);
    const QString id4g = ids.value(u"Bench/4g.bin"_s);
    const QString idSmall = ids.value(u"Bench/small"_s);
    const QString idTiny = ids.value(u"Bench/tiny"_s);

    QJsonObject results;
    const QString file = work.filePath(u"curl.out"_s);
    auto sizeRow = [&](const QString &name, const QString &id, qint64 bytes) {
        const double teeMd5 = Bench::timeShell(u"curl -s "_s + bench.curlHeader() + u" '"_s + bench.mediaUrl(id) + u"' | tee '"_s + file + u"' | md5sum > /dev/null"_s);
        QFile::remove(file);
        const double curlO = Bench::timeShell(u"curl -s "_s + bench.curlHeader() + u" -o '"_s + file + u"' '"_s + bench.mediaUrl(id) + u"'"_s);
        QFile::remove(file);
        const QString dest = work.filePath(u"dest-"_s + name);
        const QJsonObject ours = bench.runEngine(dest, 10, 4, 4, {id});
        QDir(dest).removeRecursively();
        const double s = ours.value(u"seconds"_s).toDouble();
        const QJsonObject row {{u"bytes"_s, bytes},
                               {u"ours_s"_s, s},
                               {u"ours_MBps"_s, s > 0 ? bytes / s / 1e6 : 0},
                               {u"curl_tee_md5_s"_s, teeMd5},
                               {u"curl_o_s"_s, curlO},
                               {u"ratio_vs_tee_md5"_s, s > 0 ? teeMd5 / s : 0},
                               {u"ratio_vs_curl_o"_s, s > 0 ? curlO / s : 0},
                               {u"peak_rss_mib"_s, ours.value(u"peak_rss_kib"_s).toDouble() / 1024.0},
                               {u"failed"_s, ours.value(u"failed"_s)}};
        results.insert(name, row);
        out << QStringLiteral("(a) %1: ours %2 s (%3 MB/s) | curl|tee|md5sum %4 s -> ratio %5 (target >= 1.0) | curl -o %6 s -> ratio %7 | peak RSS %8 MiB (target <= 64)\n")
                   .arg(name)
                   .arg(s, 0, 'f', 2)
                   .arg(row.value(u"ours_MBps"_s).toDouble(), 0, 'f', 0)
                   .arg(teeMd5, 0, 'f', 2)
                   .arg(row.value(u"ratio_vs_tee_md5"_s).toDouble(), 0, 'f', 2)
                   .arg(curlO, 0, 'f', 2)
                   .arg(row.value(u"ratio_vs_curl_o"_s).toDouble(), 0, 'f', 2)
                   .arg(row.value(u"peak_rss_mib"_s).toDouble(), 0, 'f', 1);
        out.flush();
    };
    sizeRow(u"1GiB"_s, id1g, qint64(1) << 30);
    if (!quick)
        sizeRow(u"4GiB"_s, id4g, qint64(4) << 30);

    // (e) CPU per GiB in our process (issue 14, acceptance 3; target <= 1.0 s): user + system time of the child
    // that runs only the engine, 1 GiB into a local folder, hash verified, with one stream and with four.
    QJsonArray cpuRows;
    for (const int streams : {1, 4})
    {
        const QString dest = work.filePath(u"dest-cpu"_s);
        const QJsonObject ours = bench.runEngine(dest, 10, 4, streams, {id1g});
        QDir(dest).removeRecursively();
        const double gib = ours.value(u"bytes"_s).toDouble() / double(qint64(1) << 30);
        const double cpu = ours.value(u"cpu_s"_s).toDouble();
        const double perGiB = gib > 0 ? cpu / gib : 0;
        cpuRows.append(QJsonObject {{u"streams"_s, streams}, {u"seconds"_s, ours.value(u"seconds"_s)}, {u"cpu_s"_s, cpu},
                                    {u"cpu_s_per_gib"_s, perGiB}, {u"failed"_s, ours.value(u"failed"_s)}});
        out << QStringLiteral("(e) 1GiB -> local folder, %1 stream(s): %2 s, %3 s CPU -> %4 s CPU per GiB (target <= 1.0) | failed %5\n")
                   .arg(streams)
                   .arg(ours.value(u"seconds"_s).toDouble(), 0, 'f', 2)
                   .arg(cpu, 0, 'f', 2)
                   .arg(perGiB, 0, 'f', 2)
                   .arg(ours.value(u"failed"_s).toInt());
        out.flush();
    }
    results.insert(u"cpu_local"_s, cpuRows);

    // (b) 2,000 small files under a 50 requests/s quota.
    {
        bench.post(u"/_sandbox/reset"_s, {});
        bench.post(u"/_sandbox/faults"_s, {{u"quota_qps"_s, 50}, {u"quota_burst"_s, 50}, {u"quota_status"_s, 429}});
        const QString dest = work.filePath(u"dest-small"_s);
        const QJsonObject ours = bench.runEngine(dest, 50, 8, 4, {idSmall});
        QDir(dest).removeRecursively();
        const QJsonObject stats = bench.get(u"/_sandbox/stats"_s);
        const qint64 requests = stats.value(u"requests_total"_s).toInteger();
        const qint64 throttled = stats.value(u"throttled"_s).toInteger();
        // The quota's floor: every request the run needed, at 50/s (the first 50 ride the burst).
        const double floor = std::max<double>(1.0, double(requests - throttled - 50) / 50.0);
        const double s = ours.value(u"seconds"_s).toDouble();
        const QJsonObject row {{u"files"_s, 2000},
                               {u"ours_s"_s, s},
                               {u"floor_s"_s, floor},
                               {u"ratio_to_floor"_s, s / floor},
                               {u"failed"_s, ours.value(u"failed"_s)},
                               {u"requests"_s, requests},
                               {u"throttled"_s, throttled},
                               {u"throttled_pct"_s, requests > 0 ? 100.0 * double(throttled) / double(requests) : 0}};
        results.insert(u"small_files"_s, row);
        out << QStringLiteral("(b) 2000 x 64 KiB at 50 req/s: ours %1 s, floor %2 s -> %3x (target <= 1.15) | failed %4 | throttled %5 of %6 requests (%7 %, target <= 2 %)\n")
                   .arg(s, 0, 'f', 1)
                   .arg(floor, 0, 'f', 1)
                   .arg(s / floor, 0, 'f', 3)
                   .arg(ours.value(u"failed"_s).toInt())
                   .arg(throttled)
                   .arg(requests)
                   .arg(row.value(u"throttled_pct"_s).toDouble(), 0, 'f', 2);
        out.flush();
    }

    // (c) a slow link: 40 ms latency, 20 MB/s per connection.
    {
        bench.post(u"/_sandbox/reset"_s, {});
        bench.post(u"/_sandbox/faults"_s, {{u"latency_ms"_s, 40}, {u"bandwidth_bps"_s, 20000000}});
        const double curl = Bench::timeShell(u"curl -s "_s + bench.curlHeader() + u" -o '"_s + file + u"' '"_s + bench.mediaUrl(id1g) + u"'"_s);
        QFile::remove(file);
        const QString dest = work.filePath(u"dest-slow"_s);
        const QJsonObject ours = bench.runEngine(dest, 10, 4, 4, {id1g});
        QDir(dest).removeRecursively();
        const double s = ours.value(u"seconds"_s).toDouble();
        const QJsonObject row {{u"ours_s"_s, s}, {u"curl_s"_s, curl}, {u"ratio"_s, s > 0 ? curl / s : 0}, {u"streams"_s, 4}};
        results.insert(u"slow_link"_s, row);
        out << QStringLiteral("(c) slow link 1 GiB: ours %1 s (4 streams) | single-stream curl %2 s -> ratio %3 (target >= 3.5)\n")
                   .arg(s, 0, 'f', 1)
                   .arg(curl, 0, 'f', 1)
                   .arg(row.value(u"ratio"_s).toDouble(), 0, 'f', 2);
        out.flush();
    }

    // (d) 3,000 small files, default options, a quota the client is not told.
    QJsonArray unknownQuota;
    for (const int quota : quick ? QList<int> {150} : QList<int> {150, 20})
    {
        bench.post(u"/_sandbox/reset"_s, {});
        bench.post(u"/_sandbox/faults"_s, {{u"quota_qps"_s, quota}, {u"quota_status"_s, 403}});
        const QString dest = work.filePath(u"dest-tiny"_s);
        const QJsonObject ours = bench.runEngine(dest, 0, 4, 4, {idTiny});
        QDir(dest).removeRecursively();
        const QJsonObject stats = bench.get(u"/_sandbox/stats"_s);
        const qint64 requests = stats.value(u"requests_total"_s).toInteger();
        const qint64 throttled = stats.value(u"throttled"_s).toInteger();
        // The floor: the requests the run needed at the quota (the first second's worth rides the burst).
        const double floor = std::max<double>(1.0, double(requests - throttled - quota) / quota);
        const double s = ours.value(u"seconds"_s).toDouble();
        const QJsonObject row {{u"quota"_s, quota}, {u"files"_s, 3000}, {u"ours_s"_s, s}, {u"floor_s"_s, floor},
                               {u"ratio_to_floor"_s, s / floor}, {u"failed"_s, ours.value(u"failed"_s)},
                               {u"requests"_s, requests}, {u"throttled"_s, throttled},
                               {u"throttled_pct"_s, requests > 0 ? 100.0 * double(throttled) / double(requests) : 0}};
        unknownQuota.append(row);
        out << QStringLiteral("(d) 3000 x 16 KiB, default options, unknown quota %1 req/s: ours %2 s, floor %3 s -> %4x (target <= 1.2) | failed %5 | throttled %6 of %7 requests (%8 %, target <= 2 %)\n")
                   .arg(quota)
                   .arg(s, 0, 'f', 1)
                   .arg(floor, 0, 'f', 1)
                   .arg(s / floor, 0, 'f', 3)
                   .arg(ours.value(u"failed"_s).toInt())
                   .arg(throttled)
                   .arg(requests)
                   .arg(row.value(u"throttled_pct"_s).toDouble(), 0, 'f', 2);
        out.flush();
    }
    results.insert(u"unknown_quota"_s, unknownQuota);

    sandbox.terminate();
    sandbox.waitForFinished(5000);
    QFile json(jsonOut);
    if (json.open(QIODevice::WriteOnly))
        json.write(QJsonDocument(results).toJson());
    out << "JSON: " << jsonOut << "\n";
    return 0;
}
