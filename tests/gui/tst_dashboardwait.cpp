// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard shows what the run waits for (issue 16 #10, issue 15 #10) where it says what holds it back.
#include "dashboard.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDashboardWait final : public QObject
{
    Q_OBJECT

private slots:
    void showsTheWaitWhileItLasts();
};

void TestDashboardWait::showsTheWaitWhileItLasts()
{
    Dashboard dashboard;
    Transfer::Snapshot s;
    s.running = true;
    s.limitedBy = Transfer::LimitedBy::DrivePacing;
    Transfer::Wait wait;
    wait.kind = Transfer::Wait::Kind::ServerAsked;
    wait.what = u"Drive"_s;
    wait.askedMs = 300'000;
    wait.remainingMs = 299'000;
    s.waiting = wait;
    dashboard.applySnapshot(s);
    QCOMPARE(dashboard.limitingText(), u"Drive asked to wait 5 min 00 s (throttled); requests resume in 4 min 59 s"_s);
    s.waiting.reset();
    dashboard.applySnapshot(s);
    QVERIFY(dashboard.limitingText().contains(u"pacing"_s));
}

QTEST_MAIN(TestDashboardWait)
#include "tst_dashboardwait.moc"
