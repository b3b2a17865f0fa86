// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard.h"
#include "reportwriter.h"
#include "throughputchart.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDashboard final : public QObject
{
    Q_OBJECT

private slots:
    void chartMemoryIsFlat();
    void chartWindowsAndMarkers();
    void totalsAndLimitingFactor();
    void reportSavedAsJsonAndCsv();
};

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
    s.limitingFactor = u"drive-pacing"_s;
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
    QCOMPARE(root.value(u"files"_s).toArray().at(1).toObject().value(u"state"_s).toString(), u"failed"_s);

    QVERIFY(ReportWriter::save(report, dir.filePath(u"r.csv"_s)).isEmpty());
    QFile csv(dir.filePath(u"r.csv"_s));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(1).contains("\"dir/a, with comma.txt\""));
    QVERIFY(lines.at(2).contains("Flagged as abusive"));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
