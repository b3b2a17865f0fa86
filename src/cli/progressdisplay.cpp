// SPDX-License-Identifier: GPL-3.0-or-later
#include "progressdisplay.h"

#include "transfer/conflictdecision.h"
#include "transfer/reportformat.h"
#include "transfer/waitstatus.h"
#include "util/logging.h"
#include "util/units.h"

#include <QCoreApplication>
#include <QMap>
#include <QTextStream>

#include <algorithm>
#include <mutex>

using namespace Qt::StringLiterals;

namespace Cli
{
namespace
{
// Log lines may come from the engine thread at any time. In Live mode they must not land inside the
// block (its height would be wrong and the next redraw would eat them): one lock serialises drawing and
// logging, and a log line erases the block first; the next snapshot draws it again below the line.
std::recursive_mutex displayMutex;
ProgressDisplay *liveDisplay = nullptr;
QtMessageHandler previousHandler = nullptr;

void logThroughDisplay(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const std::lock_guard lock(displayMutex);
    if (liveDisplay)
    {
        liveDisplay->eraseLocked();
    }
    if (previousHandler)
    {
        previousHandler(type, context, message);
    }
}

constexpr int maxActiveShown = 8;
constexpr int barWidth = 20;

bool isActive(Transfer::FileState state)
{
    switch (state)
    {
    case Transfer::FileState::Listing:
    case Transfer::FileState::Transferring:
    case Transfer::FileState::Verifying:
    case Transfer::FileState::Paused:
        return true;
    default:
        return false;
    }
}

// Names and reasons come from the server: escaped, so they cannot drive the terminal (escapeControls).
QString reasonOf(const Transfer::FileStatus &file)
{
    // The words the report gives the file ("already at the destination (same size and md5)" for the same file).
    const QString text = Transfer::ReportFormat::reasonOf(file).text;
    return text.isEmpty() ? ProgressDisplay::tr("no reason given") : Util::escapeControls(text);
}

bool isAlreadyThere(const Transfer::FileStatus &file)
{
    return file.lastError.reason == Transfer::ConflictDecision::alreadyThere;
}

QString nameOf(const Transfer::FileStatus &file)
{
    return Util::escapeControls(file.drivePath.isEmpty() ? file.driveId : file.drivePath);
}

/// "1 file", "3 files" (numerus forms for translators; correct English without a translation loaded).
QString filesText(qsizetype n)
{
    const int count = int(n);
    return count == 1 ? ProgressDisplay::tr("%n file", nullptr, count) : ProgressDisplay::tr("%n files", nullptr, count);
}

/// The current rate, or nothing before there is one: the meter needs its first second (a "0 B/s" on the first
/// line says nothing true). Later a zero rate is news (nothing moves) and is shown.
QString rateText(const Transfer::Snapshot &s)
{
    return s.rate > 0 || s.elapsedMs >= 1000 ? Util::formatRate(s.rate) : QString();
}

/// Keeps the end of a path (the file name matters most) within `width` characters.
QString elideLeft(const QString &text, qsizetype width)
{
    if (width <= 1)
    {
        return {};
    }
    if (text.size() <= width)
    {
        return text;
    }
    return u"…"_s + text.right(width - 1);
}

QString bar(const Transfer::FileStatus &file)
{
    if (file.bytesTotal <= 0)
    {
        // Exports have no size up front: show that bytes move, not a fake fraction.
        return u"["_s + QString(barWidth, u'~') + u"]     "_s;
    }
    const double fraction = std::clamp(double(file.bytesDone) / double(file.bytesTotal), 0.0, 1.0);
    const int filled = int(fraction * barWidth);
    return u"["_s + QString(filled, u'#') + QString(barWidth - filled, u'-') + u"] "_s
        + QString::number(int(fraction * 100)).rightJustified(3) + u"%"_s;
}

QString stateWord(Transfer::FileState state)
{
    switch (state)
    {
    case Transfer::FileState::Listing:
        return ProgressDisplay::tr("listing");
    case Transfer::FileState::Verifying:
        return ProgressDisplay::tr("verifying");
    case Transfer::FileState::Paused:
        return ProgressDisplay::tr("paused");
    default:
        return {};
    }
}
} // namespace

ProgressDisplay::ProgressDisplay(QTextStream &out, Mode mode, int terminalWidth)
    : m_out(out)
    , m_mode(mode)
    , m_width(std::max(terminalWidth, 40))
{
    if (m_mode == Mode::Live)
    {
        const std::lock_guard lock(displayMutex);
        if (!liveDisplay)
        {
            liveDisplay = this;
            previousHandler = qInstallMessageHandler(&logThroughDisplay);
            m_guardingLog = true;
        }
    }
}

ProgressDisplay::~ProgressDisplay()
{
    const std::lock_guard lock(displayMutex);
    if (m_guardingLog)
    {
        qInstallMessageHandler(previousHandler);
        liveDisplay = nullptr;
        previousHandler = nullptr;
    }
}

void ProgressDisplay::remember(const Transfer::Snapshot &snapshot)
{
    for (const Transfer::FileStatus &file : snapshot.files)
    {
        if (isActive(file.state))
        {
            m_active.insert(file.key, file);
        }
        else
        {
            m_active.remove(file.key);
        }
    }
}

void ProgressDisplay::announce(const Transfer::Snapshot &snapshot)
{
    for (const Transfer::FileStatus &file : snapshot.files)
    {
        if ((file.state != Transfer::FileState::Failed && file.state != Transfer::FileState::Parked)
            || m_announced.contains(file.key))
        {
            continue;
        }
        m_announced.insert(file.key);
        const QString word = file.state == Transfer::FileState::Failed ? tr("failed") : tr("parked");
        message(word + u": "_s + nameOf(file) + u" — "_s + reasonOf(file));
    }
}

void ProgressDisplay::update(const Transfer::Snapshot &snapshot)
{
    remember(snapshot);
    if (m_mode == Mode::Quiet)
    {
        return;
    }
    announce(snapshot);
    // What the run waits for, said once per new wait, at once (the plain line comes only every 5 s).
    const std::optional<Transfer::Wait> &wait = snapshot.waiting;
    const QString waitKey = wait
        ? u"%1 %2 %3 %4"_s.arg(int(wait->kind)).arg(wait->what).arg(wait->triesDone).arg(wait->askedMs)
        : QString();
    if (wait && waitKey != m_lastWait)
    {
        message(Transfer::waitText(*wait));
    }
    m_lastWait = waitKey;
    if (m_mode == Mode::Live)
    {
        drawLive(snapshot);
        return;
    }
    if (m_lastPlainMs < 0 || snapshot.elapsedMs - m_lastPlainMs >= m_plainIntervalMs || snapshot.finished)
    {
        m_lastPlainMs = snapshot.elapsedMs;
        m_out << plainLine(snapshot) << u"\n"_s;
        m_out.flush();
    }
}

void ProgressDisplay::message(const QString &text)
{
    const std::lock_guard lock(displayMutex);
    eraseLocked();
    m_out << text << u"\n"_s;
    m_out.flush();
}

void ProgressDisplay::clear()
{
    const std::lock_guard lock(displayMutex);
    eraseLocked();
}

void ProgressDisplay::eraseLocked()
{
    if (m_drawnLines > 0)
    {
        // Up to the first line of the block, then erase to the end of the screen.
        m_out << u"\x1b["_s << m_drawnLines << u"F\x1b[J"_s;
        m_out.flush();
        m_drawnLines = 0;
    }
}

void ProgressDisplay::drawLive(const Transfer::Snapshot &snapshot)
{
    const QStringList lines = liveLines(snapshot);
    const std::lock_guard lock(displayMutex);
    eraseLocked();
    for (const QString &line : lines)
    {
        // Never let a line wrap: the block's height must be known to erase it.
        m_out << line.left(m_width - 1) << u"\x1b[K\n"_s;
    }
    m_drawnLines = int(lines.size());
    m_out.flush();
}

QString ProgressDisplay::plainLine(const Transfer::Snapshot &s)
{
    const int finished = s.filesDone + s.filesSkipped + s.filesFailed + s.filesParked + s.filesCancelled;
    QString line = u"["_s + Util::formatDuration(s.elapsedMs / 1000) + u"] "_s
        + tr("%1/%2").arg(finished).arg(filesText(s.filesTotal)) + u", "_s
        + Util::formatBytes(s.bytesDone) + u"/"_s + (s.bytesTotalExact ? QString() : u"≥"_s)
        + Util::formatBytes(s.bytesTotal);
    const QString rate = rateText(s);
    if (!rate.isEmpty())
    {
        line += u", "_s + rate;
    }
    if (s.etaSeconds)
    {
        line += u", "_s + tr("ETA %1").arg(Util::formatDuration(*s.etaSeconds));
    }
    line += u", "_s + tr("%1 active").arg(s.filesActive);
    if (s.filesFailed > 0)
    {
        line += u", "_s + tr("%1 failed").arg(s.filesFailed);
    }
    if (s.filesParked > 0)
    {
        line += u", "_s + tr("%1 parked").arg(s.filesParked);
    }
    if (s.throttledInInterval > 0)
    {
        line += u", "_s + tr("throttled");
    }
    if (s.paused)
    {
        line += u", "_s + tr("paused");
    }
    return line;
}

QStringList ProgressDisplay::liveLines(const Transfer::Snapshot &s) const
{
    QStringList lines;
    const int finished = s.filesDone + s.filesSkipped + s.filesFailed + s.filesParked + s.filesCancelled;
    lines << tr("Files %1/%2%3  done %4 · skipped %5 · failed %6 · parked %7 · active %8")
                 .arg(finished)
                 .arg(s.filesTotal)
                 .arg(s.bytesTotalExact ? QString() : u"+"_s)
                 .arg(s.filesDone)
                 .arg(s.filesSkipped)
                 .arg(s.filesFailed)
                 .arg(s.filesParked)
                 .arg(s.filesActive);

    const QString rate = rateText(s);
    QString totals = Util::formatBytes(s.bytesDone) + u" / "_s + (s.bytesTotalExact ? QString() : u"≥"_s)
        + Util::formatBytes(s.bytesTotal) + u"  "_s
        + (rate.isEmpty() ? QString() : rate + u"  "_s + tr("avg %1").arg(Util::formatRate(s.averageRate)) + u"  "_s)
        + tr("ETA %1").arg(s.etaSeconds ? Util::formatDuration(*s.etaSeconds) : u"--"_s) + u"  "_s
        + tr("elapsed %1").arg(Util::formatDuration(s.elapsedMs / 1000));
    lines << totals;

    QString health = tr("requests %1/s (pace %2/s: %3) · throttled %4 total, %5 last second")
                         .arg(s.requestsPerSecond, 0, 'f', 1)
                         .arg(s.paceRate, 0, 'f', 0)
                         .arg(Net::paceStateText(s.paceState))
                         .arg(s.throttledTotal)
                         .arg(s.throttledInInterval);
    if (s.limitedBy != Transfer::LimitedBy::Nothing)
    {
        health += u" · "_s + tr("limited by %1").arg(Transfer::limitedByText(s.limitedBy));
    }
    if (s.paused)
    {
        health += u" · "_s + tr("PAUSED");
    }
    lines << health;

    QList<Transfer::FileStatus> active = m_active.values();
    std::sort(active.begin(), active.end(),
              [](const Transfer::FileStatus &a, const Transfer::FileStatus &b) { return a.key < b.key; });
    for (qsizetype i = 0; i < active.size() && i < maxActiveShown; ++i)
    {
        const Transfer::FileStatus &file = active.at(i);
        QString left = u"  "_s + bar(file) + u" "_s;
        QString right = Util::formatBytes(file.bytesDone);
        if (file.bytesTotal > 0)
        {
            right += u"/"_s + Util::formatBytes(file.bytesTotal);
        }
        if (file.rate > 0 || s.elapsedMs >= 1000)
        {
            right += u" "_s + Util::formatRate(file.rate);
        }
        if (file.bytesTotal > 0 && file.rate > 1)
        {
            right += u" "_s + tr("ETA %1").arg(Util::formatDuration(qint64((file.bytesTotal - file.bytesDone) / file.rate)));
        }
        const QString state = stateWord(file.state);
        if (!state.isEmpty())
        {
            right += u" "_s + state;
        }
        if (file.retries > 0)
        {
            right += u" "_s + tr("retry %1").arg(file.retries);
        }
        right = right.leftJustified(28) + u" "_s;
        const qsizetype room = m_width - 1 - left.size() - right.size();
        lines << left + right + elideLeft(nameOf(file), room);
    }
    if (active.size() > maxActiveShown)
    {
        lines << u"  "_s + tr("… and %1 more active").arg(active.size() - maxActiveShown);
    }
    return lines;
}

namespace
{
/// The first `max` files of a list in the summary's order (by reason, then as found) and how many there were:
/// bounded however long the report (a million skipped files of a dry run are read once, not kept).
class FirstByReason
{
public:
    explicit FirstByReason(int max)
        : m_max(max)
    {
    }

    void add(const Transfer::FileStatus &file)
    {
        ++m_count;
        if (m_max <= 0)
            return;
        Entry entry {reasonOf(file), file};
        // After every entry of the same reason: files of one reason stay in the order found.
        const auto at = std::upper_bound(m_first.begin(), m_first.end(), entry.reason,
                                         [](const QString &reason, const Entry &e) { return reason < e.reason; });
        if (m_first.size() >= m_max && at == m_first.end())
            return;
        m_first.insert(at, std::move(entry));
        if (m_first.size() > m_max)
            m_first.removeLast();
    }
    [[nodiscard]] qsizetype count() const { return m_count; }

    /// "Title:" and a line a file, then "… and N more".
    void writeTo(QString &text, const QString &title) const
    {
        if (m_count == 0)
            return;
        text += title + u"\n"_s;
        for (const Entry &entry : m_first)
            text += u"  "_s + nameOf(entry.file) + u" — "_s + entry.reason + u"\n"_s;
        if (m_count > m_first.size())
            text += u"  "_s + ProgressDisplay::tr("… and %1 more (see --report)").arg(m_count - m_first.size()) + u"\n"_s;
    }

private:
    struct Entry
    {
        QString reason;
        Transfer::FileStatus file;
    };
    int m_max;
    qsizetype m_count = 0;
    QList<Entry> m_first;
};
} // namespace

QString ProgressDisplay::summary(const Transfer::Report &report, int maxListed)
{
    FirstByReason failed(maxListed);
    FirstByReason parked(maxListed);
    FirstByReason skipped(maxListed); ///< skipped for a reason other than "already there"
    int skippedTotal = 0;
    int done = 0;
    int cancelled = 0;
    QMap<QString, int> alreadyThere; ///< by what was compared (Transfer::alreadyThereText())
    qint64 bytes = 0;
    for (const Transfer::FileStatus &file : report.files)
    {
        switch (file.state)
        {
        case Transfer::FileState::Done:
            ++done;
            bytes += file.bytesDone;
            break;
        case Transfer::FileState::Failed:
            failed.add(file);
            break;
        case Transfer::FileState::Parked:
            parked.add(file);
            break;
        case Transfer::FileState::Skipped:
            ++skippedTotal;
            // Listing every unchanged file would bury the few skipped for a real reason: those are counted.
            if (isAlreadyThere(file))
                ++alreadyThere[Transfer::alreadyThereText(file)];
            else
                skipped.add(file);
            break;
        default:
            ++cancelled;
            break;
        }
    }
    qint64 ms = report.totals.elapsedMs;
    if (report.startedAt.isValid() && report.finishedAt.isValid())
    {
        ms = report.startedAt.msecsTo(report.finishedAt);
    }
    const double seconds = ms / 1000.0;
    const qint64 moved = std::max(bytes, report.totals.bytesDone);
    const double average = seconds > 0 ? moved / seconds : 0;

    QString text = filesText(report.files.size()) + u": "_s
        + tr("%1 done, %2 skipped, %3 failed, %4 parked, %5 not finished.")
                       .arg(done)
                       .arg(skippedTotal)
                       .arg(failed.count())
                       .arg(parked.count())
                       .arg(cancelled)
        + u"\n"_s
        + tr("%1 transferred in %2, average %3.")
              .arg(Util::formatBytes(moved), Util::formatDuration(qint64(seconds + 0.5)), Util::formatRate(average))
        + u"\n"_s;
    if (report.totals.throttledTotal > 0)
    {
        text += tr("%1 requests, %2 throttled by the server.").arg(report.totals.requestsTotal).arg(report.totals.throttledTotal)
            + u"\n"_s;
    }
    failed.writeTo(text, tr("Failed:"));
    parked.writeTo(text, tr("Parked (quota; retry later):"));
    for (auto it = alreadyThere.cbegin(); it != alreadyThere.cend(); ++it)
        text += u"%1 %2."_s.arg(it.value()).arg(it.key()) + u"\n"_s;
    skipped.writeTo(text, tr("Skipped:"));
    return text;
}

} // namespace Cli
