// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyview.h"

#include "formatting.h"
#include "transfer/jobtally.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace JobHistory
{
QString stateText(const QString &stateName)
{
    // Format::stateTexts()'s walk over the states.
    for (int state = int(Transfer::FileState::Queued); state <= int(Transfer::FileState::Parked); ++state)
        if (Transfer::fileStateName(Transfer::FileState(state)) == stateName)
            return Format::stateText(Transfer::FileState(state));
    return stateName;
}

QString jobTitle(const Journal::JobRow &job)
{
    return job.name.isEmpty() ? job.sources.join(u", "_s) : job.name;
}

std::optional<Interrupted> interruptedJob(const Journal::Reader &reader)
{
    if (!reader.isOpen() || reader.isInUse())
        return std::nullopt;
    std::optional<Journal::JobRow> found;
    QDateTime foundStarted;
    for (const Journal::JobRow &job : reader.jobRows())
    {
        const std::optional<Journal::RunRow> last = reader.lastRun(job.id);
        if (!last || !last->outcome.isEmpty() || (found && last->started <= foundStarted))
            continue;
        found = job;
        foundStarted = last->started;
    }
    if (!found)
        return std::nullopt;
    return Interrupted{*found, Transfer::JobTally::of(reader.filesByState(found->id)).notDone()};
}
} // namespace JobHistory

namespace
{
QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

/// A read-only table of rows; `stretch` is the column that takes the room left.
QTableWidget *makeTable(const QStringList &headers, int stretch, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    table->setWordWrap(false);
    return table;
}

QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(Format::visibleText(text));
    item->setTextAlignment(alignment);
    item->setToolTip(text);
    return item;
}

QTableWidgetItem *number(qint64 value)
{
    return cell(QLocale().toString(value), Qt::AlignRight | Qt::AlignVCenter);
}
} // namespace

HistoryView::HistoryView(const QString &journalPath, QWidget *parent)
    : QDialog(parent)
    , m_path(journalPath)
{
    setObjectName(u"historyView"_s);
    setWindowTitle(tr("History"));
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_jobsTable = makeTable({tr("Job"), tr("Destination"), tr("Last run"), tr("Done"), tr("Failed"), tr("Pending"),
                             tr("Skipped"), tr("Bytes")},
                            1, splitter);
    m_runsTable = makeTable({tr("Started"), tr("Ended"), tr("Outcome"), tr("Files")}, 2, splitter);
    auto *receipts = new QWidget(splitter);
    auto *receiptsLayout = new QVBoxLayout(receipts);
    receiptsLayout->setContentsMargins(0, 0, 0, 0);
    m_receiptsNote = new QLabel(receipts);
    receiptsLayout->addWidget(m_receiptsNote);
    m_receiptsTable
        = makeTable({tr("File"), tr("Destination path"), tr("Bytes"), tr("Status"), tr("Reason")}, 4, receipts);
    receiptsLayout->addWidget(m_receiptsTable);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 3);
    layout->addWidget(splitter, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_runAgain = buttons->addButton(tr("&Run again"), QDialogButtonBox::ActionRole);
    m_runAgain->setToolTip(tr("Starts a run of the job's sources into its destination: files done before are skipped, "
                              "unfinished ones go on."));
    QPushButton *refreshButton = buttons->addButton(tr("Re&fresh"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(refreshButton, &QPushButton::clicked, this, &HistoryView::refresh);
    connect(m_runAgain, &QPushButton::clicked, this, [this] {
        const int row = selectedRow(m_jobsTable);
        if (row >= 0)
            emit runAgain(m_jobs.at(row).job);
    });
    connect(m_jobsTable, &QTableWidget::itemSelectionChanged, this, [this] {
        showRuns();
        updateButtons();
    });
    connect(m_runsTable, &QTableWidget::itemSelectionChanged, this, &HistoryView::showReceipts);
    resize(1000, 700);
    updateButtons();
}

HistoryView::~HistoryView() = default;

void HistoryView::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    refresh();
}

void HistoryView::hideEvent(QHideEvent *event)
{
    // No connection left open on the journal while nobody looks.
    m_reader.close();
    QDialog::hideEvent(event);
}

QString HistoryView::statusText() const
{
    return m_status->text();
}

int HistoryView::selectedRow(const QTableWidget *table) const
{
    const QModelIndexList rows = table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void HistoryView::refresh()
{
    const int row = selectedRow(m_jobsTable);
    const qint64 selected = row >= 0 ? m_jobs.at(row).job.id : 0;
    QString error;
    const Journal::Result opened = m_reader.open(m_path);
    m_jobs = opened.ok() ? m_reader.jobs(&error) : QList<Journal::Reader::JobSummary>();
    if (!opened.ok())
        error = opened.message;
    if (!error.isEmpty())
        m_status->setText(tr("Cannot read the journal %1: %2").arg(m_path, error));
    else if (m_jobs.isEmpty())
        m_status->setText(tr("No ingest has been recorded yet (journal: %1).").arg(m_path));
    else
        m_status->setText(tr("Journal: %1").arg(m_path));
    // A run that never ended is interrupted, unless the journal is in use: then its newest run is going on.
    m_liveRun = 0;
    if (m_reader.isInUse())
        for (const Journal::Reader::JobSummary &summary : std::as_const(m_jobs))
            if (summary.lastRun && summary.lastRun->outcome.isEmpty())
                m_liveRun = std::max(m_liveRun, summary.lastRun->id);
    showJobs();
    const auto again = std::find_if(m_jobs.cbegin(), m_jobs.cend(),
                                    [selected](const Journal::Reader::JobSummary &s) { return s.job.id == selected; });
    if (again != m_jobs.cend())
        m_jobsTable->selectRow(int(again - m_jobs.cbegin()));
    else if (!m_jobs.isEmpty())
        m_jobsTable->selectRow(0);
}

void HistoryView::showJobs()
{
    const QSignalBlocker blocker(m_jobsTable);
    m_jobsTable->clearSelection();
    m_jobsTable->clearContents();
    m_jobsTable->setRowCount(int(m_jobs.size()));
    for (int row = 0; row < m_jobs.size(); ++row)
    {
        const Journal::Reader::JobSummary &summary = m_jobs.at(row);
        const Transfer::JobTally files = Transfer::JobTally::of(summary.filesByState);
        QString lastRun;
        if (summary.lastRun)
        {
            lastRun = tr("%1 (%2)").arg(timeText(summary.lastRun->started), outcomeText(*summary.lastRun));
        }
        QTableWidgetItem *title = cell(JobHistory::jobTitle(summary.job));
        title->setToolTip(summary.job.sources.join(u'\n'));
        m_jobsTable->setItem(row, 0, title);
        m_jobsTable->setItem(row, 1, cell(summary.job.destination));
        m_jobsTable->setItem(row, 2, cell(lastRun));
        m_jobsTable->setItem(row, 3, number(files.done));
        m_jobsTable->setItem(row, 4, number(files.failed));
        m_jobsTable->setItem(row, 5, number(files.pending));
        m_jobsTable->setItem(row, 6, number(files.skipped));
        m_jobsTable->setItem(row, 7, cell(Format::bytes(summary.bytes), Qt::AlignRight | Qt::AlignVCenter));
    }
    m_jobsTable->resizeColumnsToContents();
    showRuns();
    updateButtons();
}

void HistoryView::showRuns()
{
    const QSignalBlocker blocker(m_runsTable);
    const int job = selectedRow(m_jobsTable);
    m_runs.clear();
    QMap<qint64, qint64> receipts;
    if (job >= 0)
    {
        m_runs = m_reader.runs(m_jobs.at(job).job.id);
        receipts = m_reader.receiptCounts(m_jobs.at(job).job.id);
    }
    std::reverse(m_runs.begin(), m_runs.end()); // the latest first
    m_runsTable->clearContents();
    m_runsTable->setRowCount(int(m_runs.size()));
    for (int row = 0; row < m_runs.size(); ++row)
    {
        const Journal::RunRow &run = m_runs.at(row);
        m_runsTable->setItem(row, 0, cell(timeText(run.started)));
        m_runsTable->setItem(row, 1, cell(timeText(run.ended)));
        m_runsTable->setItem(row, 2, cell(outcomeText(run)));
        m_runsTable->setItem(row, 3, number(receipts.value(run.id)));
    }
    m_runsTable->resizeColumnsToContents();
    if (!m_runs.isEmpty())
        m_runsTable->selectRow(0);
    showReceipts();
}

void HistoryView::showReceipts()
{
    const int row = selectedRow(m_runsTable);
    const QList<Journal::FileRow> receipts
        = row >= 0 ? m_reader.receipts(m_runs.at(row).id, receiptLimit) : QList<Journal::FileRow>();
    m_receiptsNote->setText(receipts.size() >= receiptLimit
                                ? tr("The first %L1 receipts of this run:").arg(receiptLimit)
                                : tr("Receipts of this run:"));
    m_receiptsTable->clearContents();
    m_receiptsTable->setRowCount(int(receipts.size()));
    for (int i = 0; i < receipts.size(); ++i)
    {
        const Journal::FileRow &file = receipts.at(i);
        m_receiptsTable->setItem(i, 0, cell(file.drivePath.isEmpty() ? file.relativePath : file.drivePath));
        m_receiptsTable->setItem(i, 1, cell(file.destinationPath));
        m_receiptsTable->setItem(i, 2, cell(Format::bytes(file.bytes), Qt::AlignRight | Qt::AlignVCenter));
        m_receiptsTable->setItem(i, 3, cell(JobHistory::stateText(file.state)));
        m_receiptsTable->setItem(i, 4, cell(file.reason));
    }
    m_receiptsTable->resizeColumnsToContents();
}

QString HistoryView::outcomeText(const Journal::RunRow &run) const
{
    if (!run.outcome.isEmpty())
        return run.outcome;
    return run.id == m_liveRun ? tr("running") : tr("interrupted");
}

void HistoryView::setRunAgainAllowed(bool allowed)
{
    m_runAgainAllowed = allowed;
    updateButtons();
}

void HistoryView::updateButtons()
{
    m_runAgain->setEnabled(m_runAgainAllowed && selectedRow(m_jobsTable) >= 0);
}
