// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "journal/reader.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

/// How the app tells a journal's jobs and runs (issue 11): the engine's state names grouped as the History
/// view and the resume offer count them.
namespace JobHistory
{
/// The file state a journal row names (Transfer::fileStateName()), in the queue's words; the name when unknown.
[[nodiscard]] QString stateText(const QString &stateName);
/// The job as a line: its name, or its sources.
[[nodiscard]] QString jobTitle(const Journal::JobRow &job);
/// A job whose last run never ended: the app or the CLI was stopped, crashed or lost power.
struct Interrupted
{
    Journal::JobRow job;
    qint64 filesNotDone = 0; ///< Transfer::JobTally::notDone()
};
/// The interrupted job a start-up offers to resume: the one interrupted last. None while the journal is in use
/// (that run may be going on in another process). Counts the files of that job only (an index count).
[[nodiscard]] std::optional<Interrupted> interruptedJob(const Journal::Reader &reader);
} // namespace JobHistory

/**
 * File → History: the journal's jobs (name or sources, destination, last run, files done / failed / pending,
 * bytes), the runs of the selected job (started, ended, outcome; "interrupted" for a run that never ended),
 * and the receipts of the selected run (file, destination path, bytes, status, reason). Read through a
 * Journal::Reader, so it also shows a journal a run is writing; it reads again when shown and on Refresh.
 * "Run again" asks for a run of the selected job (runAgain()); the window's run flow starts it.
 */
class HistoryView final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryView)

public:
    /// At most this many receipts of a run are listed (a run may touch hundreds of thousands of files).
    static constexpr int receiptLimit = 10000;

    explicit HistoryView(const QString &journalPath, QWidget *parent = nullptr);
    ~HistoryView() override;

    /// Reads the journal again; keeps the selected job when it is still there.
    void refresh();
    /// Run again is offered only when a run can start (none in flight, an account shown).
    void setRunAgainAllowed(bool allowed);

    [[nodiscard]] QTableWidget *jobsTable() const { return m_jobsTable; }
    [[nodiscard]] QTableWidget *runsTable() const { return m_runsTable; }
    [[nodiscard]] QTableWidget *receiptsTable() const { return m_receiptsTable; }
    [[nodiscard]] QPushButton *runAgainButton() const { return m_runAgain; }
    /// The line above the tables: a read failure, or the journal's path.
    [[nodiscard]] QString statusText() const;

signals:
    void runAgain(const Journal::JobRow &job);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showJobs();
    void showRuns();
    void showReceipts();
    void updateButtons();
    [[nodiscard]] int selectedRow(const QTableWidget *table) const;
    /// The run's outcome as the engine named it; "interrupted" when it never ended, "running" for the run going on.
    [[nodiscard]] QString outcomeText(const Journal::RunRow &run) const;

    QString m_path;
    Journal::Reader m_reader;
    QList<Journal::Reader::JobSummary> m_jobs;
    QList<Journal::RunRow> m_runs;
    qint64 m_liveRun = 0; ///< the run going on while the journal is in use; 0 when none
    bool m_runAgainAllowed = true;

    QLabel *m_status = nullptr;
    QTableWidget *m_jobsTable = nullptr;
    QTableWidget *m_runsTable = nullptr;
    QLabel *m_receiptsNote = nullptr;
    QTableWidget *m_receiptsTable = nullptr;
    QPushButton *m_runAgain = nullptr;
};
