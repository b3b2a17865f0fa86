// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/runoutcome.h"
#include "transfer/snapshot.h"

#include <QWidget>

class IngestLogPanel;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QTableWidget;
class ThroughputChart;

/// Totals, the "what limits the run" line, the throughput chart and, at the end, the report.
class Dashboard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Dashboard)

public:
    explicit Dashboard(QWidget *parent = nullptr);

    void applySnapshot(const Transfer::Snapshot &snapshot);
    /// The run\'s end: its totals, the problem files, and what a saved report says. `stops` is what ended the run
    /// early (a sign-in refused, the destination failed, the user cancelled): the outcome is decided from both, as the
    /// CLI decides it.
    void showReport(const Transfer::Report &report, const Transfer::RunOutcome::Stops &stops = {});
    /// Writes the shown report (JSON, or CSV by the suffix); empty on success, else why not.
    [[nodiscard]] QString saveReportTo(const QString &fileName) const;
    void reset();
    /// 1, 5 or 30: the chart's time window (the selector follows).
    void setWindowMinutes(int minutes);

    [[nodiscard]] ThroughputChart *chart() const { return m_chart; }
    /// The report's ingest log outcome and load snippet (IngestLogFlow fills it).
    [[nodiscard]] IngestLogPanel *logPanel() const { return m_logPanel; }
    [[nodiscard]] QString limitingText() const;
    [[nodiscard]] bool hasReport() const { return m_hasReport; }
    [[nodiscard]] const Transfer::Report &report() const { return m_report; }
    /// Where "Save report…" opens: the folder saved to last, else the run's local destination, else home.
    [[nodiscard]] QString reportFolder() const;

public slots:
    void saveReport();

private:
    QLabel *addTotal(QGridLayout *grid, int row, int column, const QString &label);
    /// The totals box; a run that is over shows no rate, no ETA and no requests per second.
    void showTotals(const Transfer::Snapshot &snapshot);

    ThroughputChart *m_chart = nullptr;
    QComboBox *m_window = nullptr;
    QLabel *m_limit = nullptr;
    QLabel *m_files = nullptr;
    QLabel *m_failed = nullptr;
    QLabel *m_left = nullptr;
    QLabel *m_bytes = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_average = nullptr;
    QLabel *m_eta = nullptr;
    QLabel *m_requests = nullptr;
    QWidget *m_reportBox = nullptr;
    QLabel *m_reportSummary = nullptr;
    QTableWidget *m_problems = nullptr;
    QPushButton *m_save = nullptr;
    IngestLogPanel *m_logPanel = nullptr;
    Transfer::Report m_report;
    Transfer::RunOutcome::Stops m_stops;
    QString m_lastReportFolder;
    bool m_hasReport = false;
};
