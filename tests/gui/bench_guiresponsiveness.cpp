// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (label bench, issue 6 acceptance 3): the GUI thread's event-loop latency while the real window
// ingests the sandbox's 1 GiB file at full loopback speed, and the memory of the throughput chart over a long
// run of samples. Prints a table; writes JSON to the path in $DI_BENCH_JSON (or bench_guiresponsiveness.json).
#include "benchprobe.h"
#include "dashboard.h"
#include "destinationpicker.h"
#include "throughputchart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace BenchProbe;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    QSettings qsettings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    AppSettings settings(&qsettings);

    BenchWindow bench(&settings);
    MainWindow &window = bench.window;
    if (!bench.signIn({}, 20000))
    {
        out << "sandbox did not start\n";
        return 1;
    }
    const QModelIndex gib = bench.item({u"Drive Ingest Demo"_s, u"Large"_s, u"1GiB.bin"_s});
    if (!gib.isValid())
    {
        out << "1GiB.bin not found in the sandbox demo tree\n";
        return 1;
    }
    window.addSources(window.browserModel()->sourceItems({gib}));
    window.destinationPicker()->setChoice({AppSettings::DestinationKind::LocalFolder, dir.filePath(u"out"_s)});
    window.tabs()->setCurrentIndex(1); // the dashboard repaints its chart every second: the worst case

    // A 10 ms precise timer; its lateness is the event-loop latency the user would feel.
    LatencyProbe probe;
    QElapsedTimer run;
    run.start();
    window.startRun();
    probe.start();
    const bool finished = waitFor([&] { return !window.isRunning(); }, 300000);
    probe.stop();
    const double seconds = double(run.elapsed()) / 1000.0;
    const qint64 bytes = window.dashboard()->report().totals.bytesDone;

    // Chart memory: many samples, fixed-size ring and replace(): RSS must not grow per sample.
    ThroughputChart *chart = window.dashboard()->chart();
    for (int i = 0; i < ThroughputChart::Capacity; ++i)
        chart->addSample(1e6 + i, 5e7 + (i % 13) * 1e6, 10, i % 97 == 0 ? 1 : 0);
    QCoreApplication::processEvents();
    const double rssBefore = residentMiB();
    constexpr int Samples = 20000;
    for (int i = 0; i < Samples; ++i)
        chart->addSample(2e6 + i, 5e7 + (i % 13) * 1e6, 10, i % 97 == 0 ? 1 : 0);
    QCoreApplication::processEvents();
    const double rssAfter = residentMiB();

    const double p50 = probe.percentileMs(0.50);
    const double p99 = probe.percentileMs(0.99);
    const double max = probe.maxMs();
    out << "GUI responsiveness during a 1 GiB ingest (real window, offscreen, dashboard visible)\n";
    out << QStringLiteral("  run: %1 bytes in %2 s = %3 MB/s, finished: %4\n")
               .arg(bytes)
               .arg(seconds, 0, 'f', 2)
               .arg(double(bytes) / seconds / 1e6, 0, 'f', 1)
               .arg(finished ? u"yes"_s : u"no"_s);
    out << QStringLiteral("  event-loop lateness of a %1 ms timer over %2 ticks: p50 %3 ms, p99 %4 ms, max %5 ms (target p99 < 50 ms)\n")
               .arg(probe.tickMs())
               .arg(probe.ticks())
               .arg(p50, 0, 'f', 2)
               .arg(p99, 0, 'f', 2)
               .arg(max, 0, 'f', 2);
    out << QStringLiteral("  chart memory: RSS %1 MiB after %2 samples, %3 MiB after %4 more (%5 bytes/sample)\n")
               .arg(rssBefore, 0, 'f', 1)
               .arg(ThroughputChart::Capacity)
               .arg(rssAfter, 0, 'f', 1)
               .arg(Samples)
               .arg((rssAfter - rssBefore) * 1024 * 1024 / Samples, 0, 'f', 1);
    out.flush();

    const QJsonObject json {
        {u"bytes"_s, double(bytes)},         {u"seconds"_s, seconds},
        {u"latency_p50_ms"_s, p50},          {u"latency_p99_ms"_s, p99},
        {u"latency_max_ms"_s, max},          {u"ticks"_s, double(probe.ticks())},
        {u"rss_before_mib"_s, rssBefore},    {u"rss_after_mib"_s, rssAfter},
        {u"chart_samples_added"_s, Samples}, {u"finished"_s, finished},
    };
    writeJson(json, u"bench_guiresponsiveness.json"_s);
    window.signOut();
    return finished ? 0 : 1; // a benchmark prints its times; it does not judge them
}
