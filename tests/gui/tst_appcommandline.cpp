// SPDX-License-Identifier: GPL-3.0-or-later
// The app as a process, the way a terminal user meets it: --help and --version answer without a display.
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAppCommandLine final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void answersWithoutDisplay_data();
    void answersWithoutDisplay();

private:
    QString m_app;
};

void TestAppCommandLine::initTestCase()
{
    m_app = qEnvironmentVariable("DI_APP");
    if (m_app.isEmpty())
        QSKIP("DI_APP is not set (run through ctest)");
}

void TestAppCommandLine::answersWithoutDisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--help") << u"--help"_s << u"--screenshots <dir>"_s;
    QTest::newRow("-h") << u"-h"_s << u"--sandbox"_s;
    QTest::newRow("--version") << u"--version"_s << u"drive-ingest "_s;
}

void TestAppCommandLine::answersWithoutDisplay()
{
    QFETCH(QString, option);
    QFETCH(QString, expected);
    // No display of any kind, and no platform chosen for Qt: what ssh or a plain terminal gives.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"QT_QPA_PLATFORM"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
        env.remove(name);
    QProcess app;
    app.setProcessEnvironment(env);
    app.start(m_app, {option});
    QVERIFY(app.waitForFinished(30000));
    const QString out = QString::fromLocal8Bit(app.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(app.readAllStandardError());
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(app.exitCode() == 0, qPrintable(err));
    QVERIFY2(out.contains(expected), qPrintable(out + err));
}

QTEST_GUILESS_MAIN(TestAppCommandLine)
#include "tst_appcommandline.moc"
