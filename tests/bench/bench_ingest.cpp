// SPDX-License-Identifier: GPL-3.0-or-later
// bench_ingest (label bench): one sandbox, one run, a table on stdout and JSON in argv[1] (issue 3, acceptance 3).
//  (a) 1 GiB and 4 GiB into a local folder vs `curl -s URL | tee FILE | md5sum` and `curl -o FILE`, with our
//      peak RSS (VmHWM of a child process that runs only the engine);
//  (b) 2,000 files of 64 KiB under a sandbox quota of 50 requests/s: wall time vs the floor the quota sets;
//  (c) a slow link (40 ms latency, 20 MB/s per connection): 1 GiB vs single-stream curl;
//  (d) 3,000 files of 16 KiB with default options under a sandbox quota the client does not know (150 req/s;
//      also 20 req/s without --quick): wall time vs the quota's floor, throttled share (issue 14, acceptance 1);
//  (e) streams only where they help (issue 14, acceptance 2): 1 GiB with default options vs `curl -o` on the fast
//      sandbox (median of 5 pairs); 256 MiB over the slow link with default options, fixed --streams 1…16 and
//      `aria2c -x16 -s16 -k16M` (the close three in rounds: median of the rounds' ratios).
//  (f) 20,000 files of 16 KiB (4,000 with --quick) at 50 ms latency, --parallel 16: files/s with every body on
//      Qt's 6 connections (one QNAM, as before issue 14) and with a connection per body (acceptance 4).
//  (g) CPU seconds per GiB of the engine's process, 1 GiB into a local folder (issue 14, acceptance 3), and the
//      same over TLS from a second sandbox (--tls): what a real Drive transfer costs, which always comes over TLS.
//  (j) the journal's cost (issue 11, acceptance 4): 1 GiB with a journal (durable checkpoints fdatasync'ed every
//      8 MiB) and with --no-journal, alternating, best of three each, into a folder on disk and into tmpfs.
// The engine runs in a child (`bench_ingest --child …`) so each measurement has its own peak RSS.
// `--only LETTERS` runs those sections alone (`--only ej`: streams and journal cost), in the order above.
#include "net/network.h"
#include "net/tokenprovider.h"
#include "destinations/localdestination.h"
#include "transfer/enginehost.h"

#include <array>
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
#include <unistd.h>

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
/// The middle value (the upper one of an even count); `ifEmpty` when there is none.
double medianOf(QList<double> values, double ifEmpty)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? ifEmpty : values.at(values.size() / 2);
}

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
    options.maxBodyConnections = qEnvironmentVariableIntValue("BENCH_MAX_BODY_CONNECTIONS"); // (f) only
    options.streams = args.value(4).toInt();
    options.conflict = Dest::ConflictPolicy::Overwrite;
    options.journalPath = qEnvironmentVariable("BENCH_JOURNAL"); // (j) only; empty: --no-journal
    // DI_BENCH_READ_BUFFER_KIB: the Drive reply's read buffer (RunOptions::readBufferSize), as bench_databricks.
    if (qEnvironmentVariableIsSet("DI_BENCH_READ_BUFFER_KIB"))
        options.readBufferSize = qEnvironmentVariableIntValue("DI_BENCH_READ_BUFFER_KIB") * 1024LL;
    if (const QString ca = qEnvironmentVariable("BENCH_CA_FILE"); !ca.isEmpty() && !Net::configureTls(ca))
        return 1; // (g) over TLS: the sandbox's own CA
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
        auto *local = new Dest::LocalDestination(dest, parent);
        local->setDirectWrites(!qEnvironmentVariableIsSet("BENCH_BUFFERED_WRITES")); // (g) compares the two
        return local;
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

    QJsonObject runEngine(const QString &dest, double qps, int parallel, int streams, const QStringList &ids,
                          const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(), const QString &base = {})
    {
        QProcess p;
        p.setProcessEnvironment(env);
        QStringList args {u"--child"_s, base.isEmpty() ? m_base : base, dest, QString::number(qps), QString::number(parallel), QString::number(streams)};
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

/// (j) The journal's cost on 1 GiB (issue 11, acceptance 4): the same engine at default options (no fixed pace,
/// no fixed streams: a pace of 10 requests/s made the run's time steps of 100 ms, one per ranged request) with a
/// journal (a new one each run, so nothing is skipped) and without, in pairs so that the machine's drift falls on both alike; the pairs take
/// turns at which run goes first (an order effect cancels), and each run starts from a clean page cache (sync
/// first: a run without a journal leaves its whole file to write back). The cost is the median over the pairs of
/// each pair's time ratio (a best-of-few on this shared machine swung by ±15 % between calls); the CPU time ratio
/// is printed beside it (the journal's bookkeeping, free of the machine's wall-clock noise). Into the work folder
/// (the journal's durable checkpoints fdatasync the data: the disk's write speed shows) and, where /dev/shm is a
/// tmpfs, into it (fdatasync costs nothing there: what is left is the journal's bookkeeping).
/// BENCH_JOURNAL_PAIRS sets the number of pairs (9).
void benchJournalCost(Bench &bench, const QString &workDir, const QString &id1g, QJsonObject &results, QTextStream &out)
{
    const int pairs = qEnvironmentVariableIntValue("BENCH_JOURNAL_PAIRS") > 0 ? qEnvironmentVariableIntValue("BENCH_JOURNAL_PAIRS") : 9;
    bench.post(u"/_sandbox/reset"_s, {});
    QStringList places {workDir};
    if (QDir(u"/dev/shm"_s).exists())
        places << u"/dev/shm"_s;
    const auto median = [](const QList<double> &values) { return medianOf(values, 0.0); };
    QJsonObject rows;
    for (const QString &place : std::as_const(places))
    {
        QList<double> seconds[2]; // [0] --no-journal, [1] with the journal
        QList<double> ratios;     // a pair's journal time / --no-journal time
        QList<double> cpuRatios;  // the same for the CPU time of the run's process
        QJsonArray runs;
        for (int pair = 0; pair < pairs; ++pair)
        {
            double s[2] = {-1, -1};
            double cpu[2] = {-1, -1};
            for (const int journal : pair % 2 == 0 ? std::array {0, 1} : std::array {1, 0})
            {
                QTemporaryDir dest(place + u"/bench-journal-XXXXXX"_s);
                const QString journalPath = workDir + u"/journal-%1.sqlite"_s.arg(pair);
                // The run before left its file to the kernel's writeback (all of it, without a journal): written out
                // now, untimed, so that it does not slow this run's own syncs.
                ::sync();
                qputenv("BENCH_JOURNAL", journal ? QFile::encodeName(journalPath) : QByteArray());
                const QJsonObject ours = bench.runEngine(dest.path(), 0, 4, 0, {id1g});
                qunsetenv("BENCH_JOURNAL");
                for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
                    QFile::remove(journalPath + suffix);
                s[journal] = ours.value(u"failed"_s).toInt() == 0 && ours.value(u"done"_s).toInt() == 1
                    ? ours.value(u"seconds"_s).toDouble()
                    : -1;
                cpu[journal] = s[journal] > 0 ? ours.value(u"cpu_s"_s).toDouble() : -1;
                runs.append(QJsonObject {{u"journal"_s, journal == 1}, {u"seconds"_s, s[journal]}, {u"cpu_s"_s, cpu[journal]}});
                if (s[journal] > 0)
                    seconds[journal].append(s[journal]);
            }
            if (s[0] > 0 && s[1] > 0)
                ratios.append(s[1] / s[0]);
            if (cpu[0] > 0 && cpu[1] > 0)
                cpuRatios.append(cpu[1] / cpu[0]);
        }
        constexpr double bytes = double(qint64(1) << 30);
        const double without = seconds[0].isEmpty() ? 0 : bytes / median(seconds[0]) / 1e6;
        const double with = seconds[1].isEmpty() ? 0 : bytes / median(seconds[1]) / 1e6;
        const double timeRatio = median(ratios);
        const double cost = timeRatio > 0 ? 100.0 * (timeRatio - 1.0) : 0;
        const QString where = place == workDir ? u"disk"_s : u"tmpfs"_s;
        rows.insert(where, QJsonObject {{u"no_journal_MBps"_s, without}, {u"journal_MBps"_s, with},
                                        {u"median_time_ratio"_s, timeRatio}, {u"cost_pct"_s, cost},
                                        {u"median_cpu_ratio"_s, median(cpuRatios)},
                                        {u"pairs"_s, qint64(ratios.size())}, {u"runs"_s, runs}});
        out << QStringLiteral("(j) journal cost, 1 GiB into %1, %2 pairs: median --no-journal %3 MB/s | journal %4 MB/s; "
                              "median pair time ratio %5 (min %6, max %7) -> cost %8 % (target <= 5 %); median pair CPU ratio %9\n")
                   .arg(where == u"disk"_s ? u"a folder on disk"_s : u"tmpfs"_s)
                   .arg(ratios.size())
                   .arg(without, 0, 'f', 0)
                   .arg(with, 0, 'f', 0)
                   .arg(timeRatio, 0, 'f', 3)
                   .arg(ratios.isEmpty() ? 0.0 : *std::min_element(ratios.begin(), ratios.end()), 0, 'f', 3)
                   .arg(ratios.isEmpty() ? 0.0 : *std::max_element(ratios.begin(), ratios.end()), 0, 'f', 3)
                   .arg(cost, 0, 'f', 1)
                   .arg(median(cpuRatios), 0, 'f', 3);
        out.flush();
    }
    results.insert(u"journal_cost"_s, rows);
}

/// (f) Many small files at 50 ms latency, --parallel 16: before (bodies on one QNAM's 6 connections) and after
/// (a connection per body, net/connectionpool.h), in one run. A fixed pace far above the files/s reached, so the
/// connections are what is measured.
void benchParallel(Bench &bench, const QString &folderId, int files, const QString &work, QJsonObject &results, QTextStream &out)
{
    QJsonArray rows;
    double before = 0;
    for (const int cap : {6, 0})
    {
        bench.post(u"/_sandbox/reset"_s, {});
        bench.post(u"/_sandbox/faults"_s, {{u"latency_ms"_s, 50}});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"BENCH_MAX_BODY_CONNECTIONS"_s, QString::number(cap));
        const QString dest = work + u"/dest-many"_s;
        const QJsonObject ours = bench.runEngine(dest, 2000, 16, 4, {folderId}, env);
        QDir(dest).removeRecursively();
        const qint64 peak = bench.get(u"/_sandbox/stats"_s).value(u"peak_connections"_s).toInteger();
        const double s = ours.value(u"seconds"_s).toDouble();
        const double rate = s > 0 ? ours.value(u"done"_s).toDouble() / s : 0;
        if (cap == 6)
            before = rate;
        rows.append(QJsonObject {{u"max_body_connections"_s, cap}, {u"files"_s, files}, {u"seconds"_s, s},
                                 {u"files_per_s"_s, rate}, {u"peak_connections"_s, peak},
                                 {u"failed"_s, ours.value(u"failed"_s)}, {u"peak_rss_mib"_s, ours.value(u"peak_rss_kib"_s).toDouble() / 1024.0}});
        out << QStringLiteral("(f) %1 x 16 KiB, 50 ms latency, --parallel 16, %2: %3 s, %4 files/s, peak %5 connections, failed %6%7\n")
                   .arg(files)
                   .arg(cap ? u"bodies on one QNAM (before)"_s : u"a connection per body (after)"_s)
                   .arg(s, 0, 'f', 1)
                   .arg(rate, 0, 'f', 0)
                   .arg(peak)
                   .arg(ours.value(u"failed"_s).toInt())
                   .arg(cap || before <= 0 ? QString() : u" -> %1x before"_s.arg(rate / before, 0, 'f', 2));
        out.flush();
    }
    results.insert(u"parallel_many_files"_s, rows);
}

/// (e) Streams only where they help (issue 14, acceptance 2). Default options: no --streams, no --qps.
void benchStreams(Bench &bench, const QString &workDir, const QString &id1g, const QString &id256m, QJsonObject &results,
                  QTextStream &out)
{
    const QString file = workDir + u"/streams.out"_s;
    auto ours = [&](const QString &id, int streams) {
        const QString dest = workDir + u"/dest-streams"_s;
        const QJsonObject r = bench.runEngine(dest, 0, 4, streams, {id});
        QDir(dest).removeRecursively();
        return r.value(u"failed"_s).toInt() == 0 ? r.value(u"seconds"_s).toDouble() : -1.0;
    };
    QJsonObject row;
    bench.post(u"/_sandbox/reset"_s, {});
    bench.post(u"/_sandbox/faults"_s, {{u"latency_ms"_s, 0}, {u"bandwidth_bps"_s, 0}});
    // Five pairs, taking turns at going first, each run from a clean page cache; the median pair ratio (one run
    // each swung 0.49-0.82 between calls: this machine's page cache is fast or slow from one write to the next).
    constexpr int FastPairs = 5;
    QList<double> oursRuns, curlRuns, ratios;
    for (int pair = 0; pair < FastPairs; ++pair)
    {
        double pairOurs = -1, pairCurl = -1;
        for (const bool curlFirst : {pair % 2 == 1, pair % 2 == 0})
        {
            ::sync();
            if (curlFirst)
            {
                pairCurl = Bench::timeShell(u"curl -s "_s + bench.curlHeader() + u" -o '"_s + file + u"' '"_s + bench.mediaUrl(id1g) + u"'"_s);
                QFile::remove(file);
            }
            else
            {
                pairOurs = ours(id1g, 0);
            }
        }
        if (pairOurs > 0 && pairCurl > 0)
        {
            oursRuns << pairOurs;
            curlRuns << pairCurl;
            ratios << pairCurl / pairOurs;
        }
    }
    const auto median = [](const QList<double> &values) { return medianOf(values, -1.0); };
    const double fast = median(oursRuns);
    const double curlO = median(curlRuns);
    const double fastRatio = ratios.isEmpty() ? 0 : median(ratios);
    row.insert(u"fast_1GiB_default_s"_s, fast);
    row.insert(u"fast_1GiB_curl_o_s"_s, curlO);
    row.insert(u"fast_ratio_vs_curl_o"_s, fastRatio);
    out << QStringLiteral("(e) fast sandbox 1 GiB, default options, %1 pairs: median ours %2 s | curl -o %3 s -> median pair ratio %4 (min %5, max %6; target >= 0.8)\n")
               .arg(ratios.size())
               .arg(fast, 0, 'f', 2)
               .arg(curlO, 0, 'f', 2)
               .arg(fastRatio, 0, 'f', 2)
               .arg(ratios.isEmpty() ? 0.0 : *std::min_element(ratios.begin(), ratios.end()), 0, 'f', 2)
               .arg(ratios.isEmpty() ? 0.0 : *std::max_element(ratios.begin(), ratios.end()), 0, 'f', 2);
    out.flush();

    bench.post(u"/_sandbox/reset"_s, {});
    bench.post(u"/_sandbox/faults"_s, {{u"latency_ms"_s, 40}, {u"bandwidth_bps"_s, 20000000}});
    // Fixed counts below 16 once (each at least 1.2x the 16's time); then rounds of the three that are close (our
    // default, --streams 16, aria2c), taking turns at going first, and the median of each round's ratios: one run
    // each swung between calls (aria2c 1.05-2.07 s, --streams 8 2.06-5.20 s, our default 1.84-2.66 s, same
    // machine, same hour; most of it was the sandbox's listen backlog of 5, since raised: a dropped SYN cost 1 s). BENCH_SLOW_ROUNDS sets the number of rounds (3).
    QJsonObject fixed;
    QString fixedText;
    double bestBelow16 = -1;
    int bestBelow16Streams = 0;
    for (const int n : {1, 2, 4, 8})
    {
        const double s = ours(id256m, n);
        fixed.insert(QString::number(n), s);
        fixedText += QStringLiteral(" %1:%2").arg(n).arg(s, 0, 'f', 2);
        if (s > 0 && (bestBelow16 < 0 || s < bestBelow16))
        {
            bestBelow16 = s;
            bestBelow16Streams = n;
        }
    }
    const QString aria = u"aria2c --no-conf -q -x16 -s16 -k16M --allow-overwrite=true --header='Authorization: Bearer "_s
        + QString::fromLatin1(Token) + u"' -d '"_s + workDir + u"' -o streams.out '"_s + bench.mediaUrl(id256m) + u"'"_s;
    const int rounds = qEnvironmentVariableIntValue("BENCH_SLOW_ROUNDS") > 0 ? qEnvironmentVariableIntValue("BENCH_SLOW_ROUNDS") : 3;
    QList<double> defaults, sixteens, arias, vsFixed, vsAria;
    QList<int> bestStreams;
    for (int round = 0; round < rounds; ++round)
    {
        double ourDefault = -1, sixteen = -1, aria2 = -1;
        for (int turn = 0; turn < 3; ++turn)
        {
            switch ((round + turn) % 3)
            {
            case 0:
                ourDefault = ours(id256m, 0);
                break;
            case 1:
                sixteen = ours(id256m, 16);
                break;
            default:
                aria2 = Bench::timeShell(aria);
                QFile::remove(file);
                break;
            }
        }
        if (ourDefault <= 0)
            continue;
        defaults << ourDefault;
        if (sixteen > 0)
        {
            sixteens << sixteen;
            const bool below = bestBelow16 > 0 && bestBelow16 < sixteen;
            vsFixed << (below ? bestBelow16 : sixteen) / ourDefault;
            bestStreams << (below ? bestBelow16Streams : 16);
        }
        if (aria2 > 0)
        {
            arias << aria2;
            vsAria << aria2 / ourDefault;
        }
    }
    const auto list = [](const QList<double> &values) {
        QStringList text;
        for (const double v : values)
            text << QString::number(v, 'f', 2);
        return text.join(u' ');
    };
    fixed.insert(u"16"_s, median(sixteens));
    row.insert(u"slow_256MiB_default_s"_s, median(defaults));
    row.insert(u"slow_256MiB_fixed_s"_s, fixed);
    row.insert(u"slow_256MiB_aria2c_s"_s, median(arias));
    row.insert(u"slow_ratio_vs_best_fixed"_s, vsFixed.isEmpty() ? 0 : median(vsFixed));
    row.insert(u"slow_ratio_vs_aria2c"_s, vsAria.isEmpty() ? 0 : median(vsAria));
    results.insert(u"streams"_s, row);
    out << QStringLiteral("(e) slow link 256 MiB, %1 rounds: default %2 s | fixed --streams%3 16:%4 s | aria2c -x16 -s16 -k16M %5 s -> "
                          "median round ratio vs best fixed (%6) %7 (target >= 0.9), vs aria2c %8 (target >= 0.9)\n")
               .arg(defaults.size())
               .arg(list(defaults))
               .arg(fixedText)
               .arg(list(sixteens))
               .arg(list(arias))
               .arg(bestStreams.isEmpty() ? 0 : bestStreams.first())
               .arg(vsFixed.isEmpty() ? 0.0 : median(vsFixed), 0, 'f', 2)
               .arg(vsAria.isEmpty() ? 0.0 : median(vsAria), 0, 'f', 2);
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.value(0) == u"--child"_s)
        return runChild(args.mid(1));
    if (args.size() < 2)
    {
        std::fputs("usage: bench_ingest OUT.json SANDBOX [--quick] [--only LETTERS]\n", stderr);
        return 2;
    }
    const QString jsonOut = args.at(0);
    const QString sandboxExe = args.at(1);
    const bool quick = args.contains(u"--quick"_s);
    const qsizetype onlyAt = args.indexOf(u"--only"_s);
    const QString only = onlyAt > 0 ? args.value(onlyAt + 1) : QString();
    const auto wanted = [&only](char section) { return only.isEmpty() || only.contains(QLatin1Char(section)); };
    QTextStream out(stdout);

    QTemporaryDir work(QDir::current().filePath(u"bench_ingest-XXXXXX"_s));
    // The manifest: one 1 GiB file, one 4 GiB file, and 2,000 files of 64 KiB.
    QJsonArray small;
    for (int i = 0; i < 2000; ++i)
        small.append(QJsonObject {{u"name"_s, u"f%1.bin"_s.arg(i, 4, 10, QLatin1Char('0'))}, {u"size"_s, 65536}});
    QJsonArray tiny;
    for (int i = 0; i < 3000; ++i)
        tiny.append(QJsonObject {{u"name"_s, u"t%1.bin"_s.arg(i, 4, 10, QLatin1Char('0'))}, {u"size"_s, 16384}});
    QJsonArray many;
    const int manyFiles = quick ? 4000 : 20000;
    for (int i = 0; i < manyFiles; ++i)
        many.append(QJsonObject {{u"name"_s, u"m%1.bin"_s.arg(i, 5, 10, QLatin1Char('0'))}, {u"size"_s, 16384}});
    QJsonArray children {QJsonObject {{u"name"_s, u"1g.bin"_s}, {u"size"_s, qint64(1) << 30}},
                         QJsonObject {{u"name"_s, u"256m.bin"_s}, {u"size"_s, qint64(256) << 20}},
                         QJsonObject {{u"name"_s, u"small"_s}, {u"children"_s, small}},
                         QJsonObject {{u"name"_s, u"tiny"_s}, {u"children"_s, tiny}},
                         QJsonObject {{u"name"_s, u"many"_s}, {u"children"_s, many}}};
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
    // A sandbox on the manifest: its ready file's JSON (base_url, ca_file with --tls); empty when it did not start.
    const auto startSandbox = [&](QProcess &process, const QString &name, const QStringList &extra) {
        const QString ready = work.filePath(name + u".json"_s);
        process.start(sandboxExe, QStringList {u"--port"_s, u"0"_s, u"--ready-file"_s, ready, u"--manifest"_s, manifestPath,
                                               u"--static-token"_s, QString::fromLatin1(Token), u"--quiet"_s,
                                               u"--threads"_s, u"64"_s} + extra);
        QElapsedTimer wait;
        wait.start();
        while (!QFile::exists(ready) && wait.elapsed() < 30000)
            QThread::msleep(50);
        QFile readyFile(ready);
        return readyFile.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(readyFile.readAll()).object() : QJsonObject();
    };
    QProcess sandbox;
    Bench bench;
    bench.m_base = startSandbox(sandbox, u"ready"_s, {}).value(u"base_url"_s).toString();
    if (bench.m_base.isEmpty())
    {
        out << "sandbox did not start\n";
        return 1;
    }

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
    if (wanted('a'))
        sizeRow(u"1GiB"_s, id1g, qint64(1) << 30);
    if (wanted('a') && !quick)
        sizeRow(u"4GiB"_s, id4g, qint64(4) << 30);

    // (g) CPU per GiB in our process (issue 14, acceptance 3; target <= 1.0 s): user + system time of the child
    // that runs only the engine, 1 GiB into a local folder, hash verified, with one stream and with four.
    QJsonArray cpuRows;
    // One row: the engine child takes 1 GiB (`id` at `base`) into a local folder; its CPU per GiB is printed and kept.
    const auto cpuRow = [&](const QString &over, int streams, const QString &how, const QString &note,
                            const QString &id, const QString &base, const QProcessEnvironment &env, QJsonObject row) {
        const QString dest = work.filePath(u"dest-cpu"_s);
        ::sync(); // the run before left nothing for this one's writes to wait behind
        const QJsonObject ours = bench.runEngine(dest, 10, 4, streams, {id}, env, base);
        QDir(dest).removeRecursively();
        const double gib = ours.value(u"bytes"_s).toDouble() / double(qint64(1) << 30);
        const double cpu = ours.value(u"cpu_s"_s).toDouble();
        const double perGiB = gib > 0 ? cpu / gib : 0;
        row.insert(u"streams"_s, streams);
        row.insert(u"seconds"_s, ours.value(u"seconds"_s));
        row.insert(u"cpu_s"_s, cpu);
        row.insert(u"cpu_s_per_gib"_s, perGiB);
        row.insert(u"failed"_s, ours.value(u"failed"_s));
        cpuRows.append(row);
        out << QStringLiteral("(g) 1GiB%1 -> local folder, %2 stream(s)%3: %4 s, %5 s CPU -> %6 s CPU per GiB%7 | failed %8\n")
                   .arg(over)
                   .arg(streams)
                   .arg(how)
                   .arg(ours.value(u"seconds"_s).toDouble(), 0, 'f', 2)
                   .arg(cpu, 0, 'f', 2)
                   .arg(perGiB, 0, 'f', 2)
                   .arg(note)
                   .arg(ours.value(u"failed"_s).toInt());
        out.flush();
    };
    // Each also through the page cache (BENCH_BUFFERED_WRITES): the figure before direct writes, same run.
    for (const int streams : wanted('g') ? QList<int> {1, 4} : QList<int> {})
    {
        for (const bool buffered : {false, true})
        {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            if (buffered)
                env.insert(u"BENCH_BUFFERED_WRITES"_s, u"1"_s);
            cpuRow({}, streams, buffered ? u", through the page cache"_s : QString(),
                   buffered ? u" (before direct writes)"_s : u" (target <= 1.0)"_s, id1g, {}, env,
                   QJsonObject {{u"page_cache"_s, buffered}});
        }
    }
    // The same over TLS, from a second sandbox on the same manifest (--tls, its own CA): a real Drive transfer
    // always comes this way, decrypted on the engine's thread. One stream, as the fast sandbox settles at.
    if (wanted('g'))
    {
        QProcess tlsSandbox;
        const QJsonObject tlsReady = startSandbox(tlsSandbox, u"ready-tls"_s, {u"--tls"_s});
        const QString caFile = tlsReady.value(u"ca_file"_s).toString();
        Bench tls;
        tls.m_base = tlsReady.value(u"base_url"_s).toString();
        QString tlsId;
        if (!caFile.isEmpty() && Net::configureTls(caFile))
        {
            for (const QJsonValue &v : tls.get(u"/_sandbox/tree"_s).value(u"items"_s).toArray())
            {
                if (v.toObject().value(u"path"_s).toString() == u"Bench/1g.bin"_s)
                    tlsId = v.toObject().value(u"id"_s).toString();
            }
        }
        if (tlsId.isEmpty())
        {
            out << "(g) over TLS: the --tls sandbox did not answer\n";
        }
        else
        {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"BENCH_CA_FILE"_s, caFile);
            cpuRow(u" over TLS"_s, 1, {}, u" (no target: the real path)"_s, tlsId, tls.m_base, env,
                   QJsonObject {{u"tls"_s, true}});
        }
        tlsSandbox.terminate();
        tlsSandbox.waitForFinished(5000);
        results.insert(u"cpu_local"_s, cpuRows);
    }

    // (b) 2,000 small files under a 50 requests/s quota.
    if (wanted('b'))
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
    if (wanted('c'))
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
    for (const int quota : !wanted('d') ? QList<int> {} : quick ? QList<int> {150} : QList<int> {150, 20})
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
    if (wanted('d'))
        results.insert(u"unknown_quota"_s, unknownQuota);
    if (wanted('j'))
        benchJournalCost(bench, work.path(), id1g, results, out);
    if (wanted('f'))
        benchParallel(bench, ids.value(u"Bench/many"_s), manyFiles, work.path(), results, out);
    if (wanted('e'))
        benchStreams(bench, work.path(), id1g, ids.value(u"Bench/256m.bin"_s), results, out);

    sandbox.terminate();
    sandbox.waitForFinished(5000);
    QFile json(jsonOut);
    if (json.open(QIODevice::WriteOnly))
        json.write(QJsonDocument(results).toJson());
    out << "JSON: " << jsonOut << "\n";
    return 0;
}
