// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/snapshot.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>

class QTextStream;

namespace Cli
{
/**
 * What the user sees while `ingest` runs. Three modes:
 *   Live  — a terminal: a block of lines redrawn on every snapshot (~1/s) with ANSI cursor moves
 *           (no curses): totals, rate, ETA, throttling, then the active files with bars, rate and ETA.
 *   Plain — not a terminal (a log, a pipe, CI): one line every `plainIntervalMs`.
 *   Quiet — nothing while running.
 * Files that fail or are parked are announced as they happen (not in Quiet mode), and summary() prints
 * the end-of-run account with reasons.
 */
class ProgressDisplay final
{
    Q_DECLARE_TR_FUNCTIONS(Cli::ProgressDisplay)

public:
    enum class Mode
    {
        Live,
        Plain,
        Quiet,
    };

    ProgressDisplay(QTextStream &out, Mode mode, int terminalWidth = 100);
    ~ProgressDisplay();
    ProgressDisplay(const ProgressDisplay &) = delete;
    ProgressDisplay &operator=(const ProgressDisplay &) = delete;

    void setPlainInterval(qint64 ms) { m_plainIntervalMs = ms; }
    /// The terminal was resized: the next frame is laid out for the new width.
    void setWidth(int width) { m_width = std::max(width, 40); }
    void update(const Transfer::Snapshot &snapshot);
    /// A message that must not be overdrawn by the live block (warnings, "cancelling…").
    void message(const QString &text);
    /// Erases the live block (before the summary or an error).
    void clear();

    /// The end-of-run summary: counts, bytes, average rate, time, then failed/parked/skipped files with reasons.
    [[nodiscard]] static QString summary(const Transfer::Report &report, int maxListed = 20);

    /// The lines of the live block for one snapshot (exposed for tests).
    [[nodiscard]] QStringList liveLines(const Transfer::Snapshot &snapshot) const;
    /// The one plain progress line.
    [[nodiscard]] static QString plainLine(const Transfer::Snapshot &snapshot);

    /// Erases the live block; the caller holds the display lock (log lines from any thread come here).
    void eraseLocked();

private:
    void remember(const Transfer::Snapshot &snapshot);
    void announce(const Transfer::Snapshot &snapshot);
    void drawLive(const Transfer::Snapshot &snapshot);

    QTextStream &m_out;
    Mode m_mode;
    int m_width;
    int m_drawnLines = 0;
    qint64 m_plainIntervalMs = 5000;
    qint64 m_lastPlainMs = -1;
    QHash<quint64, Transfer::FileStatus> m_active; ///< key -> latest record of a file in flight
    QSet<quint64> m_announced;                    ///< failed/parked files already printed
    QString m_lastWait;                           ///< the wait last printed (Snapshot::waiting)
    bool m_guardingLog = false;                   ///< Live: log lines erase the block first
};

} // namespace Cli
