// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard.h"
#include "reportwriter.h"
#include "transfer/reportformat.h"
#include "throughputchart.h"

#include <QApplication>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

class TestDashboard final : public QObject
{
    Q_OBJECT

private slots:
    void chartMemoryIsFlat();
    void chartWindowsAndMarkers();
    void totalsAndLimitingFactor();
    void reportSavedAsJsonAndCsv();
    void finishedRunShowsNoRate();
    void saveReportOpensNearTheFiles();
};

namespace
{
/// Answers the next modal file dialog: records the folder it opened in, then saves to `saveAs` or cancels.
QString answerFileDialog(const std::function<void()> &open, const QString &saveAs = {})
{
    QString opened;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        opened = dialog->directory().absolutePath();
        if (saveAs.isEmpty())
        {
            dialog->reject();
            return;
        }
        // Typed as a whole path, as a user may: selectFile() into another folder races the folder's loading.
        auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
        QVERIFY(name);
        name->setText(saveAs);
        QMetaObject::invokeMethod(dialog, "accept");
    });
    poll.start();
    open();
    return opened;
}
} // namespace

void TestDashboard::chartMemoryIsFlat()
{
    ThroughputChart chart;
    for (int i = 0; i < 3 * ThroughputChart::Capacity; ++i)
        chart.addSample(i, 50e6 + (i % 7) * 1e6, 10, 0);
    QCOMPARE(chart.sampleCount(), ThroughputChart::Capacity);
    chart.setWindowMinutes(30);
    QVERIFY(chart.plottedPoints() <= ThroughputChart::MaxPoints + 1);
    QVERIFY(chart.plottedPoints() >= ThroughputChart::MaxPoints / 2);
}

void TestDashboard::chartWindowsAndMarkers()
{
    ThroughputChart chart;
    for (int i = 0; i < 120; ++i)
        chart.addSample(i, 1e6 * i, 5, i == 100 ? 3 : 0);
    chart.setWindowMinutes(1);
    QCOMPARE(chart.plottedPoints(), 60);
    QCOMPARE(chart.markerCount(), 1);
    chart.setWindowMinutes(5);
    QCOMPARE(chart.plottedPoints(), 120);
    QCOMPARE(chart.peakRate(), 119e6);
    // The same units as the numbers (issue 15 #23): MiB/s, not MB/s.
    QCOMPARE(chart.rateAxisTitle(), u"MiB/s"_s);
    chart.addSample(120, 3 * 1024 * 1024, 5, 0);
    QCOMPARE(chart.lastPlotted().y(), 3.0);
}

void TestDashboard::totalsAndLimitingFactor()
{
    Dashboard dashboard;
    Transfer::Snapshot s;
    s.running = true;
    s.filesTotal = 10;
    s.filesDone = 4;
    s.rate = 20e6;
    s.elapsedMs = 1000;
    s.limitedBy = Transfer::LimitedBy::DrivePacing;
    dashboard.applySnapshot(s);
    QCOMPARE(dashboard.chart()->sampleCount(), 1);
    QVERIFY(dashboard.limitingText().contains(u"pacing"_s));
    auto *files = dashboard.findChild<QLabel *>(u"filesDone"_s);
    QVERIFY(files);
    QCOMPARE(files->text(), u"4 of 10"_s);
    // Skipped files are not done: they show apart, as in the report.
    s.filesSkipped = 2;
    dashboard.applySnapshot(s);
    QCOMPARE(files->text(), u"4 of 10, 2 skipped"_s);
    s.paused = true;
    dashboard.applySnapshot(s);
    QCOMPARE(dashboard.limitingText(), u"Paused"_s);
}

void TestDashboard::reportSavedAsJsonAndCsv()
{
    Transfer::Report report;
    report.destination = u"/tmp/x"_s;
    report.totals.filesDone = 1;
    report.totals.filesFailed = 1;
    Transfer::FileStatus ok;
    ok.driveId = u"a"_s;
    ok.drivePath = u"dir/a, with comma.txt"_s;
    ok.state = Transfer::FileState::Done;
    ok.bytesDone = ok.bytesTotal = 5;
    Transfer::FileStatus bad;
    bad.driveId = u"b"_s;
    bad.drivePath = u"b.bin"_s;
    bad.state = Transfer::FileState::Failed;
    bad.lastError = Net::Error {Net::ErrorClass::Permanent, 403, u"cannotDownloadAbusiveFile"_s, u"Flagged as abusive"_s, {}};
    report.files = {ok, bad};

    Dashboard dashboard;
    dashboard.showReport(report);
    QVERIFY(dashboard.hasReport());

    QTemporaryDir dir;
    QVERIFY(ReportWriter::save(report, dir.filePath(u"r.json"_s)).isEmpty());
    QFile json(dir.filePath(u"r.json"_s));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(root.value(u"files"_s).toArray().size(), 2);
    // The CLI's --report schema (Transfer::ReportFormat): versioned, "status" per file, the outcome decided in core.
    QCOMPARE(root.value(u"version"_s).toInt(), Transfer::ReportFormat::version);
    QCOMPARE(root.value(u"files"_s).toArray().at(1).toObject().value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(root.value(u"outcome"_s).toString(), u"files-failed"_s);
    QCOMPARE(root.value(u"exitCode"_s).toInt(), 1);

    QVERIFY(ReportWriter::save(report, dir.filePath(u"r.csv"_s)).isEmpty());
    QFile csv(dir.filePath(u"r.csv"_s));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(QString::fromUtf8(lines.at(0)), Transfer::ReportFormat::csvColumns().join(u','));
    QVERIFY(lines.at(1).contains("\"dir/a, with comma.txt\""));
    QVERIFY(lines.at(2).contains("Flagged as abusive"));
}

void TestDashboard::finishedRunShowsNoRate()
{
    // Issue 15 #20: after the run the last interval's rate and requests/s stayed on screen, and "Failed: 4"
    // counted the parked files the report calls "to retry later".
    Dashboard dashboard;
    auto *rate = dashboard.findChild<QLabel *>(u"currentRate"_s);
    auto *requests = dashboard.findChild<QLabel *>(u"requests"_s);
    auto *failed = dashboard.findChild<QLabel *>(u"filesFailed"_s);
    QVERIFY(rate && requests && failed);
    Transfer::Snapshot s;
    s.running = true;
    s.elapsedMs = 5000;
    s.filesTotal = 10;
    s.filesDone = 6;
    s.filesFailed = 3;
    s.filesParked = 1;
    s.rate = 20 << 20;
    s.requestsPerSecond = 7.5;
    s.throttledTotal = 2;
    dashboard.applySnapshot(s);
    QCOMPARE(rate->text(), u"20.0 MiB/s"_s);
    QVERIFY2(requests->text().startsWith(u"7.5/s"_s), qPrintable(requests->text()));
    QCOMPARE(failed->text(), u"3, 1 to retry later"_s);

    Transfer::Report report;
    report.totals = s; // the engine's last totals still carry the last interval's rate
    report.totals.running = false;
    report.totals.finished = true;
    dashboard.showReport(report);
    QVERIFY2(!rate->text().contains(u"MiB"_s) && rate->text().contains(u"finished"_s), qPrintable(rate->text()));
    QVERIFY2(requests->text().startsWith(u"0/s"_s), qPrintable(requests->text()));
    QVERIFY(requests->text().contains(u"2 throttled"_s));
    QCOMPARE(failed->text(), u"3, 1 to retry later"_s);
    QVERIFY(dashboard.limitingText().isEmpty());
}

void TestDashboard::saveReportOpensNearTheFiles()
{
    // Issue 15 #24: "Save report…" opened in the working directory. Now: the run's local destination, then
    // the folder saved to last; home when the files went to Databricks.
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
    QTemporaryDir out;
    QTemporaryDir elsewhere;
    QVERIFY(out.isValid() && elsewhere.isValid());
    Transfer::Report report;
    report.destination = out.path();
    Dashboard dashboard;
    dashboard.show();
    dashboard.showReport(report);
    QCOMPARE(answerFileDialog([&] { dashboard.saveReport(); }), QDir(out.path()).absolutePath());

    const QString saved = QDir(elsewhere.path()).filePath(u"mine.json"_s);
    QCOMPARE(answerFileDialog([&] { dashboard.saveReport(); }, saved), QDir(out.path()).absolutePath());
    QVERIFY(QFileInfo::exists(saved));
    QCOMPARE(answerFileDialog([&] { dashboard.saveReport(); }), QDir(elsewhere.path()).absolutePath());

    Dashboard volume;
    report.destination = u"dbfs:/landing/run"_s; // not a folder on this computer
    volume.showReport(report);
    QCOMPARE(answerFileDialog([&] { volume.saveReport(); }), QDir::homePath());
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
