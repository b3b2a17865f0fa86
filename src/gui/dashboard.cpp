// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard.h"

#include "formatting.h"
#include "ingestlogpanel.h"
#include "pathdelegate.h"
#include "reportwriter.h"
#include "throughputchart.h"
#include "transfer/waitstatus.h"
#include "util/units.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

Dashboard::Dashboard(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);

    auto *totals = new QGroupBox(tr("Totals"), this);
    auto *grid = new QGridLayout(totals);
    // Two label/value pairs per row: values such as "487.0 MB of 1.1 GB" need the room in any language.
    m_files = addTotal(grid, 0, 0, tr("Files done:"));
    m_files->setObjectName(u"filesDone"_s);
    m_failed = addTotal(grid, 0, 2, tr("Failed:"));
    m_failed->setObjectName(u"filesFailed"_s);
    m_left = addTotal(grid, 1, 0, tr("Left:"));
    m_eta = addTotal(grid, 1, 2, tr("Time left:"));
    m_bytes = addTotal(grid, 2, 0, tr("Transferred:"));
    m_requests = addTotal(grid, 2, 2, tr("Requests:"));
    m_requests->setObjectName(u"requests"_s);
    m_rate = addTotal(grid, 3, 0, tr("Current rate:"));
    m_rate->setObjectName(u"currentRate"_s);
    m_average = addTotal(grid, 3, 2, tr("Average rate:"));
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setVerticalSpacing(2);
    layout->addWidget(totals);

    m_limit = new QLabel(this);
    m_limit->setObjectName(u"limitingFactor"_s);
    m_limit->setWordWrap(true);
    QFont bold = m_limit->font();
    bold.setBold(true);
    m_limit->setFont(bold);
    layout->addWidget(m_limit);

    auto *windowRow = new QHBoxLayout;
    windowRow->addWidget(new QLabel(tr("Show the last:"), this));
    m_window = new QComboBox(this);
    m_window->addItem(tr("1 minute"), 1);
    m_window->addItem(tr("5 minutes"), 5);
    m_window->addItem(tr("30 minutes"), 30);
    m_window->setCurrentIndex(1);
    windowRow->addWidget(m_window);
    windowRow->addStretch();
    layout->addLayout(windowRow);

    // Chart and report share the height; the user can move the line between them.
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    m_chart = new ThroughputChart(split);
    m_chart->setMinimumHeight(fontMetrics().height() * 14);
    split->addWidget(m_chart);
    layout->addWidget(split, 1);
    connect(m_window, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_chart->setWindowMinutes(m_window->itemData(i).toInt()); });

    m_reportBox = new QGroupBox(tr("Report"), split);
    auto *reportLayout = new QVBoxLayout(m_reportBox);
    m_reportSummary = new QLabel(m_reportBox);
    m_reportSummary->setWordWrap(true);
    reportLayout->addWidget(m_reportSummary);
    m_problems = new QTableWidget(0, 3, m_reportBox);
    m_problems->setHorizontalHeaderLabels({tr("File"), tr("State"), tr("Reason")});
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->horizontalHeader()->resizeSection(0, fontMetrics().horizontalAdvance(u'x') * 36);
    int stateWidth = 0;
    for (const QString &text : Format::stateTexts())
        stateWidth = std::max(stateWidth, fontMetrics().horizontalAdvance(text));
    m_problems->horizontalHeader()->resizeSection(1, stateWidth + 24);
    m_problems->setWordWrap(false);
    m_problems->setTextElideMode(Qt::ElideRight); // reasons read from their start; paths: PathDelegate
    m_problems->setItemDelegateForColumn(0, new PathDelegate(m_problems));
    m_problems->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_problems->verticalHeader()->hide();
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    reportLayout->addWidget(m_problems);
    m_logPanel = new IngestLogPanel(m_reportBox);
    reportLayout->addWidget(m_logPanel);
    m_save = new QPushButton(tr("Save report…"), m_reportBox);
    connect(m_save, &QPushButton::clicked, this, &Dashboard::saveReport);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch();
    saveRow->addWidget(m_save);
    reportLayout->addLayout(saveRow);
    split->addWidget(m_reportBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    reset();
}

QLabel *Dashboard::addTotal(QGridLayout *grid, int row, int column, const QString &label)
{
    grid->addWidget(new QLabel(label), row, column);
    auto *value = new QLabel(u"–"_s);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(value, row, column + 1);
    return value;
}

void Dashboard::reset()
{
    m_chart->clear();
    for (QLabel *l : {m_files, m_failed, m_left, m_bytes, m_rate, m_average, m_eta, m_requests})
        l->setText(u"–"_s);
    m_limit->clear();
    m_reportBox->hide();
    m_logPanel->clear();
    m_hasReport = false;
    m_report = {};
}

void Dashboard::applySnapshot(const Transfer::Snapshot &s)
{
    m_chart->addSample(double(s.elapsedMs) / 1000.0, s.rate, s.requestsInInterval, s.throttledInInterval);
    showTotals(s);
    if (s.paused)
        m_limit->setText(tr("Paused"));
    else if (!s.running)
        m_limit->clear();
    else if (s.waiting)
        m_limit->setText(Transfer::waitText(*s.waiting)); // a retry or a server's wait holds everything up
    else
    {
        const QString factor = Transfer::limitedByText(s.limitedBy);
        QString text = factor.isEmpty() ? tr("Nothing is holding the run back") : tr("Limited by %1").arg(factor);
        if (s.limitedBy == Transfer::LimitedBy::DrivePacing)
            text += u" — "_s + tr("%1 requests/s, %2").arg(s.paceRate, 0, 'f', 0).arg(Net::paceStateText(s.paceState));
        m_limit->setText(text);
    }
}

void Dashboard::setWindowMinutes(int minutes)
{
    const int i = m_window->findData(minutes);
    if (i >= 0)
        m_window->setCurrentIndex(i);
}

void Dashboard::showTotals(const Transfer::Snapshot &s)
{
    // Skipped files (already there, or nothing to download) are not counted as done: the report says the same.
    m_files->setText(s.filesSkipped > 0
                         ? tr("%1 of %2, %3 skipped").arg(s.filesDone).arg(s.filesTotal).arg(s.filesSkipped)
                         : tr("%1 of %2").arg(s.filesDone).arg(s.filesTotal));
    // Parked files are not failures: they are counted apart, in the report's words.
    m_failed->setText(s.filesParked > 0 ? tr("%1, %2 to retry later").arg(s.filesFailed).arg(s.filesParked)
                                        : QString::number(s.filesFailed));
    m_left->setText(QString::number(s.filesQueued + s.filesActive));
    const QString total = s.bytesTotalExact ? Format::bytes(s.bytesTotal) : tr("at least %1").arg(Format::bytes(s.bytesTotal));
    m_bytes->setText(tr("%1 of %2").arg(Format::bytes(s.bytesDone), total));
    m_average->setText(Format::rate(s.averageRate));
    if (s.finished || (!s.running && s.elapsedMs > 0))
    {
        // Over: nothing moves any more, whatever the last interval measured.
        m_rate->setText(tr("%1 (finished)").arg(Util::formatRate(0)));
        m_eta->setText(tr("finished"));
        m_requests->setText(tr("0/s, %1 throttled").arg(s.throttledTotal));
        return;
    }
    m_rate->setText(Format::rate(s.rate));
    m_eta->setText(Format::duration(s.etaSeconds));
    m_requests->setText(tr("%1/s, %2 throttled").arg(QLocale().toString(s.requestsPerSecond, 'f', 1)).arg(s.throttledTotal));
}

QString Dashboard::limitingText() const
{
    return m_limit->text();
}

void Dashboard::showReport(const Transfer::Report &report, const Transfer::RunOutcome::Stops &stops)
{
    m_report = report;
    m_stops = stops;
    m_hasReport = true;
    const Transfer::Snapshot &t = report.totals;
    Transfer::Snapshot over = t;
    over.running = false;
    over.finished = true;
    showTotals(over);
    m_limit->clear();
    m_reportSummary->setText(tr("%1 files done, %2 skipped, %3 failed, %4 to retry later, %5 cancelled; %6 in %7.")
                                 .arg(t.filesDone)
                                 .arg(t.filesSkipped)
                                 .arg(t.filesFailed)
                                 .arg(t.filesParked)
                                 .arg(t.filesCancelled)
                                 .arg(Format::bytes(t.bytesDone), Format::duration(t.elapsedMs / 1000)));
    m_problems->setRowCount(0);
    for (const Transfer::FileStatus &f : report.files)
    {
        using Transfer::FileState;
        if (f.state != FileState::Failed && f.state != FileState::Parked && f.state != FileState::Cancelled)
            continue;
        const int row = m_problems->rowCount();
        m_problems->insertRow(row);
        const QStringList cells {Format::visibleText(f.drivePath.isEmpty() ? f.driveId : f.drivePath), Format::stateText(f.state),
                                 f.lastError.message.isEmpty() ? f.lastError.reason : f.lastError.message};
        for (int column = 0; column < cells.size(); ++column)
        {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column)); // long paths and reasons are elided in the cell
            m_problems->setItem(row, column, item);
        }
    }
    m_problems->setVisible(m_problems->rowCount() > 0);
    m_reportBox->show();
}

QString Dashboard::reportFolder() const
{
    // Where the user saved last, else next to the files of this run (a local folder), else home; never the
    // working directory the app happened to start in.
    if (!m_lastReportFolder.isEmpty() && QFileInfo(m_lastReportFolder).isDir())
        return m_lastReportFolder;
    const QFileInfo destination(m_report.destination);
    if (!m_report.destination.isEmpty() && destination.isAbsolute() && destination.isDir())
        return destination.absoluteFilePath();
    return QDir::homePath();
}

QString Dashboard::saveReportTo(const QString &fileName) const
{
    return ReportWriter::save(m_report, fileName, m_stops);
}

void Dashboard::saveReport()
{
    if (!m_hasReport)
        return;
    QString selected;
    const QString name = QFileDialog::getSaveFileName(this, tr("Save report"), QDir(reportFolder()).filePath(u"drive-ingest-report.json"_s),
                                                      tr("JSON (*.json);;CSV (*.csv)"), &selected);
    if (name.isEmpty())
        return;
    m_lastReportFolder = QFileInfo(name).absolutePath();
    const QString error = saveReportTo(name);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Save report"), tr("The report could not be saved: %1").arg(error));
}
