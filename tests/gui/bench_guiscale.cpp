// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (label bench, issue 14 acceptance 6): the app at scale. The real window ingests a tree of 100,000
// small files (the sandbox serves it from a generated manifest) into a local folder with the queue in view, and
// this prints the GUI thread's event-loop latency (p50/p99/max lateness of a 10 ms timer), the process's peak
// resident memory (engine and window together, VmHWM) and what switching the queue's filter costs on the full
// queue. Never asserts times: it fails only when the run cannot be set up or does not finish.
// $DI_BENCH_FILES changes the file count (a multiple of 1,000); JSON goes to $DI_BENCH_JSON (or
// bench_guiscale.json).
#include "benchprobe.h"
#include "dashboard.h"
#include "destinationpicker.h"
#include "queuefilterbar.h"
#include "queuemodel.h"
#include "queuetable.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QVBoxLayout>

#include <algorithm>

#include <malloc.h>

using namespace Qt::StringLiterals;
using namespace BenchProbe;

namespace
{
constexpr int FilesPerFolder = 1000;
constexpr int FileSize = 512;

/// "Bench/Many/dNNN/fNNNN.bin": `files` small files in folders of 1,000 (Drive folders that big are common).
QByteArray manifest(int files)
{
    QJsonArray folders;
    for (int d = 0; d * FilesPerFolder < files; ++d)
    {
        QJsonArray children;
        for (int i = 0; i < FilesPerFolder && d * FilesPerFolder + i < files; ++i)
            children.append(QJsonObject {{u"name"_s, u"f%1.bin"_s.arg(i, 4, 10, QLatin1Char('0'))}, {u"size"_s, FileSize}});
        folders.append(QJsonObject {{u"name"_s, u"d%1"_s.arg(d, 3, 10, QLatin1Char('0'))}, {u"children"_s, children}});
    }
    const QJsonObject many {{u"name"_s, u"Many"_s}, {u"children"_s, folders}};
    const QJsonObject bench {{u"name"_s, u"Bench"_s}, {u"children"_s, QJsonArray {many}}};
    return QJsonDocument(QJsonObject {{u"demo_root"_s, u"Bench"_s}, {u"my_drive"_s, QJsonArray {bench}}})
        .toJson(QJsonDocument::Compact);
}

/// The queue alone (filter bar over the table, shown, no engine) fed with synthetic snapshots of `files` files: what
/// the GUI's part costs per snapshot and in memory, apart from the engine's. Each time includes the repaint.
QJsonObject queueAlone(int files, QTextStream &out)
{
    QList<Transfer::FileStatus> records; // the engine's records: the model's strings share theirs
    records.reserve(files);
    for (int i = 0; i < files; ++i)
    {
        Transfer::FileStatus f;
        f.key = quint64(i + 1);
        f.driveId = u"1%1"_s.arg(i, 32, 16, QLatin1Char('0'));
        f.drivePath = u"Bench/Many/d%1/f%2.bin"_s.arg(i / FilesPerFolder, 3, 10, QLatin1Char('0')).arg(i % FilesPerFolder, 4, 10, QLatin1Char('0'));
        f.destinationPath = u"/tmp/out/"_s + f.drivePath;
        f.mimeType = u"application/octet-stream"_s;
        f.bytesTotal = FileSize;
        records.append(f);
    }
    QWidget page;
    auto *layout = new QVBoxLayout(&page);
    QueueModel model;
    auto *bar = new QueueFilterBar(&model, &page);
    auto *table = new QueueTable(&model, &page);
    layout->addWidget(bar);
    layout->addWidget(table);
    page.resize(1200, 800);
    page.show();
    QCoreApplication::processEvents();
    const double rssBefore = residentMiB();
    std::vector<double> listing;
    std::vector<double> ticks;
    QElapsedTimer t;
    const auto apply = [&](const QList<Transfer::FileStatus> &changed, std::vector<double> *into) {
        Transfer::Snapshot s;
        s.files = changed;
        t.start();
        model.applySnapshot(s);
        QCoreApplication::processEvents();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (into)
            into->push_back(ms);
        return ms;
    };
    // Listing: the files arrive a folder at a time.
    for (int first = 0; first < files; first += FilesPerFolder)
        apply(records.mid(first, FilesPerFolder), &listing);
    const double rssListed = residentMiB();
    // Transfers: each tick 16 files start and the 300 before them finish, as a fast run's second looks.
    int next = 0;
    while (next + 316 <= files && ticks.size() < 100)
    {
        QList<Transfer::FileStatus> changed;
        for (int i = next; i < next + 316; ++i)
        {
            records[i].state = i < next + 300 ? Transfer::FileState::Done : Transfer::FileState::Transferring;
            records[i].bytesDone = i < next + 300 ? FileSize : FileSize / 2;
            changed.append(records.at(i));
        }
        apply(changed, &ticks);
        next += 300;
    }
    const double finalMs = apply(records, nullptr); // the engine's last snapshot lists every file
    QJsonObject filters;
    const QList<std::pair<QString, std::optional<QueueGroup>>> groups {
        {u"failed"_s, QueueGroup::Failed}, {u"active"_s, QueueGroup::Active}, {u"queued"_s, QueueGroup::Queued},
        {u"done"_s, QueueGroup::Done},     {u"all"_s, std::nullopt}};
    QStringList filterText;
    for (const auto &[name, group] : groups)
    {
        t.start();
        bar->button(group)->click();
        QCoreApplication::processEvents();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        filters.insert(name, ms);
        filterText << u"%1 %2 ms"_s.arg(name).arg(ms, 0, 'f', 1);
    }
    t.start();
    model.setOrder(QueueRows::Order::FailedFirst);
    QCoreApplication::processEvents();
    const double sortMs = double(t.nsecsElapsed()) / 1e6;
    std::vector<double> sortedTicks;
    for (int k = 0; k < 20 && next + 316 <= files; ++k, next += 300)
    {
        QList<Transfer::FileStatus> changed;
        for (int i = next; i < next + 316; ++i)
        {
            records[i].state = i < next + 300 ? Transfer::FileState::Done : Transfer::FileState::Transferring;
            changed.append(records.at(i));
        }
        apply(changed, &sortedTicks);
    }
    const double rssEnd = residentMiB();
    out << QStringLiteral("  the queue alone (%1 rows, synthetic snapshots, repaint included): listing a folder of %2 p50 %3 ms "
                          "max %4 ms; a tick of 316 changes p50 %5 ms max %6 ms (by state: p50 %7 ms max %8 ms); the final "
                          "all-files snapshot %9 ms\n")
               .arg(model.totalCount())
               .arg(FilesPerFolder)
               .arg(percentile(listing, 0.5), 0, 'f', 2)
               .arg(percentile(listing, 1.0), 0, 'f', 2)
               .arg(percentile(ticks, 0.5), 0, 'f', 2)
               .arg(percentile(ticks, 1.0), 0, 'f', 2)
               .arg(percentile(sortedTicks, 0.5), 0, 'f', 2)
               .arg(percentile(sortedTicks, 1.0), 0, 'f', 2)
               .arg(finalMs, 0, 'f', 1);
    out << QStringLiteral("  the queue alone: filter switches %1; sort by state %2 ms; RSS +%3 MiB for the rows (%4 MiB at the end)\n")
               .arg(filterText.join(u", "_s))
               .arg(sortMs, 0, 'f', 1)
               .arg(rssListed - rssBefore, 0, 'f', 1)
               .arg(rssEnd - rssBefore, 0, 'f', 1);
    out.flush();
    return QJsonObject {
        {u"listing_p50_ms"_s, percentile(listing, 0.5)},  {u"listing_max_ms"_s, percentile(listing, 1.0)},
        {u"tick_p50_ms"_s, percentile(ticks, 0.5)},       {u"tick_max_ms"_s, percentile(ticks, 1.0)},
        {u"sorted_tick_p50_ms"_s, percentile(sortedTicks, 0.5)}, {u"sorted_tick_max_ms"_s, percentile(sortedTicks, 1.0)},
        {u"final_snapshot_ms"_s, finalMs}, {u"filter_switch_ms"_s, filters}, {u"sort_by_state_ms"_s, sortMs},
        {u"rss_rows_mib"_s, rssListed - rssBefore},
    };
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const int fileCount = qEnvironmentVariableIsSet("DI_BENCH_FILES")
        ? std::max(FilesPerFolder, qEnvironmentVariableIntValue("DI_BENCH_FILES"))
        : 100000;
    QTemporaryDir dir;
    {
        QFile f(dir.filePath(u"manifest.json"_s));
        if (!f.open(QIODevice::WriteOnly) || f.write(manifest(fileCount)) <= 0)
            return 1;
    }
    // First the queue alone; what it allocated is given back before the real run measures its peak.
    out << QStringLiteral("The app at scale: %1 files\n").arg(fileCount);
    const QJsonObject alone = queueAlone(fileCount, out);
    malloc_trim(0);
    if (qEnvironmentVariableIsSet("DI_BENCH_QUEUE_ONLY"))
        return 0;

    QSettings qsettings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    AppSettings settings(&qsettings);
    // The engine's pace is not what is measured here: the loopback sandbox has no quota, so let files flow as
    // fast as the engine takes them (16 in flight, the settings' highest request pace).
    settings.setParallel(16);
    settings.setRequestsPerSecond(1000);

    BenchWindow bench(&settings);
    MainWindow &window = bench.window;
    if (!bench.signIn({u"--manifest"_s, dir.filePath(u"manifest.json"_s), u"--quiet"_s}, 60000))
    {
        out << "sandbox did not start\n";
        return 1;
    }
    const QModelIndex many = bench.item({u"Bench"_s, u"Many"_s});
    if (!many.isValid())
    {
        out << "Bench/Many not found in the sandbox's tree\n";
        return 1;
    }
    window.addSources(window.browserModel()->sourceItems({many}));
    window.destinationPicker()->setChoice({AppSettings::DestinationKind::LocalFolder, dir.filePath(u"out"_s)});
    window.tabs()->setCurrentIndex(0); // the queue in view: 100,000 rows changing state

    int snapshots = 0;
    qsizetype largestDelta = 0;
    double rssRunning = 0; // the largest RSS a snapshot of the running run saw: before the run's end writes receipts
    QObject::connect(&bench.runner, &RunController::snapshot, [&](const Transfer::Snapshot &s) {
        ++snapshots;
        largestDelta = std::max(largestDelta, s.files.size());
        if (s.running)
            rssRunning = std::max(rssRunning, residentMiB());
    });
    const double rssStart = residentMiB();
    LatencyProbe probe;
    QElapsedTimer run;
    run.start();
    const double cpuStart = threadCpuSeconds();
    window.startRun();
    probe.start();
    const bool finished = waitFor([&] { return !window.isRunning(); }, 3600 * 1000);
    probe.stop();
    const double seconds = double(run.elapsed()) / 1000.0;
    const double guiCpu = threadCpuSeconds() - cpuStart;
    QCoreApplication::processEvents();
    const double rssEnd = residentMiB();
    const double rssPeak = peakResidentMiB();
    QueueModel *queue = window.queueModel();
    const int rows = queue->rowCount();
    const int done = window.dashboard()->report().totals.filesDone;

    out << QStringLiteral("The app at scale: %1 files of %2 bytes into a local folder, the queue in view (offscreen)\n")
               .arg(fileCount)
               .arg(FileSize);
    out << QStringLiteral("  run: %1 files done in %2 s (%3 files/s), finished: %4; %5 snapshots, at most %6 files in one\n")
               .arg(done)
               .arg(seconds, 0, 'f', 1)
               .arg(double(done) / seconds, 0, 'f', 0)
               .arg(finished ? u"yes"_s : u"no"_s)
               .arg(snapshots)
               .arg(largestDelta);
    out << QStringLiteral("  event-loop lateness of a %1 ms timer over %2 ticks: p50 %3 ms, p99 %4 ms, max %5 ms (target p99 < 50 ms)\n")
               .arg(probe.tickMs())
               .arg(probe.ticks())
               .arg(probe.percentileMs(0.50), 0, 'f', 2)
               .arg(probe.percentileMs(0.99), 0, 'f', 2)
               .arg(probe.maxMs(), 0, 'f', 2);
    out << QStringLiteral("  the GUI thread's own CPU time over the run: %1 s (%2 % of the run's time)\n")
               .arg(guiCpu, 0, 'f', 1)
               .arg(100.0 * guiCpu / seconds, 0, 'f', 1);
    out << QStringLiteral("  memory: RSS %1 MiB before the run, at most %2 MiB while it ran, %3 MiB after it, peak %4 MiB (target "
                          "peak <= 300 MiB); %5 rows in the queue\n")
               .arg(rssStart, 0, 'f', 1)
               .arg(rssRunning, 0, 'f', 1)
               .arg(rssEnd, 0, 'f', 1)
               .arg(rssPeak, 0, 'f', 1)
               .arg(rows);
    out.flush();

    const QJsonObject json {
        {u"files"_s, fileCount},
        {u"files_done"_s, done},
        {u"seconds"_s, seconds},
        {u"finished"_s, finished},
        {u"snapshots"_s, snapshots},
        {u"largest_snapshot_files"_s, double(largestDelta)},
        {u"latency_p50_ms"_s, probe.percentileMs(0.50)},
        {u"latency_p99_ms"_s, probe.percentileMs(0.99)},
        {u"latency_max_ms"_s, probe.maxMs()},
        {u"ticks"_s, double(probe.ticks())},
        {u"gui_thread_cpu_s"_s, guiCpu},
        {u"rss_start_mib"_s, rssStart},
        {u"rss_running_max_mib"_s, rssRunning},
        {u"rss_end_mib"_s, rssEnd},
        {u"rss_peak_mib"_s, rssPeak},
        {u"queue_rows"_s, rows},
        {u"queue_alone"_s, alone},
    };
    writeJson(json, u"bench_guiscale.json"_s);
    window.signOut();
    return finished ? 0 : 1;
}
