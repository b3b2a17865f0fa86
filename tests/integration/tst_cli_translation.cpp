// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 10 item 8: drive-ingest-cli speaks the system language like the app. Its strings reach the .ts files
// and the real CLI process loads the embedded translation for LANGUAGE/LANG.
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliTranslation final : public QObject
{
    Q_OBJECT

private slots:
    void followsTheSystemLanguage_data();
    void followsTheSystemLanguage();
};

void TestCliTranslation::followsTheSystemLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en") << u"en"_s << u"C.UTF-8"_s << u"drive-ingest-cli: cannot open the log file "_s;
    QTest::newRow("de") << u"de"_s << u"de_DE.UTF-8"_s << u"drive-ingest-cli: Die Protokolldatei "_s;
    QTest::newRow("fr") << u"fr"_s << u"fr_FR.UTF-8"_s << u"drive-ingest-cli : impossible d’ouvrir le journal "_s;
}

void TestCliTranslation::followsTheSystemLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, lang);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A log file in a folder that does not exist: the CLI says so before it does anything else.
    const QString logFile = dir.filePath(u"missing/engine.log"_s);

    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"LC_ALL"_s);
    env.remove(u"LC_MESSAGES"_s);
    env.insert(u"LANGUAGE"_s, language);
    env.insert(u"LANG"_s, lang);
    env.insert(u"HOME"_s, dir.path());
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    cli.setProcessEnvironment(env);
    cli.start(qEnvironmentVariable("DI_CLI"), { u"--log-file"_s, logFile, u"accounts"_s });
    QVERIFY2(cli.waitForFinished(30000), qPrintable(cli.errorString()));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitCode(), 2); // usage
    QVERIFY2(err.startsWith(expected), qPrintable(err));
    QVERIFY2(err.contains(logFile), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestCliTranslation)
#include "tst_cli_translation.moc"
