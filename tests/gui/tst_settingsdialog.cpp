// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "settingsdialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private slots:
    void roundTripWithoutSecrets();
    void conflictChoicesAreThePolicies();
};

void TestSettingsDialog::roundTripWithoutSecrets()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"settings.ini"_s);
    {
        QSettings qsettings(path, QSettings::IniFormat);
        AppSettings settings(&qsettings);
        QCOMPARE(settings.parallel(), 4); // DESIGN.md defaults
        // Streams: automatic by default, as in the CLI (issue 14: one stream, more while they raise the rate).
        QCOMPARE(settings.runOptions().streams, 0);
        QCOMPARE(settings.runOptions().exportFormats.value(u"application/vnd.google-apps.document"_s),
                 u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s);

        SettingsDialog dialog(&settings);
        QCOMPARE(dialog.findChild<QSpinBox *>(u"streams"_s)->text(), u"Automatic"_s);
        dialog.findChild<QSpinBox *>(u"parallel"_s)->setValue(7);
        dialog.findChild<QSpinBox *>(u"streams"_s)->setValue(2);
        dialog.findChild<QDoubleSpinBox *>(u"requestRate"_s)->setValue(3.5);
        dialog.findChild<QSpinBox *>(u"bandwidth"_s)->setValue(40);
        QComboBox *conflict = dialog.findChild<QComboBox *>(u"conflict"_s);
        conflict->setCurrentIndex(conflict->findData(int(Dest::ConflictPolicy::KeepBoth)));
        QComboBox *sheets = dialog.findChild<QComboBox *>(u"sheetsFormat"_s);
        sheets->setCurrentIndex(sheets->findData(u"text/csv"_s));
        dialog.findChild<QRadioButton *>(u"proxyManual"_s)->setChecked(true);
        QVERIFY(dialog.findChild<QLineEdit *>(u"proxyHost"_s)->isEnabled());
        dialog.findChild<QLineEdit *>(u"proxyHost"_s)->setText(u"proxy.internal"_s);
        dialog.findChild<QSpinBox *>(u"proxyPort"_s)->setValue(3128);
        dialog.accept();
    }
    QSettings qsettings(path, QSettings::IniFormat);
    AppSettings settings(&qsettings);
    const Transfer::RunOptions options = settings.runOptions();
    QCOMPARE(options.parallel, 7);
    QCOMPARE(options.streams, 2);
    QCOMPARE(options.requestsPerSecond, 3.5);
    QCOMPARE(options.bandwidthLimit, 40000000);
    QCOMPARE(options.conflict, Dest::ConflictPolicy::KeepBoth);
    QCOMPARE(options.exportFormats.value(u"application/vnd.google-apps.spreadsheet"_s), u"text/csv"_s);
    QCOMPARE(settings.proxyMode(), AppSettings::ProxyMode::Manual);
    QCOMPARE(settings.proxyHost(), u"proxy.internal"_s);
    QCOMPARE(settings.proxyPort(), 3128);

    // Nothing that looks like a secret is written.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray ini = file.readAll().toLower();
    for (const char *word : {"token", "secret", "password"})
        QVERIFY2(!ini.contains(word), word);
}

void TestSettingsDialog::conflictChoicesAreThePolicies()
{
    // Issue 15 finding 7: the app offers what the CLI does ("update" included), "skip" (leave it alone) first
    // and by default, stored under the CLI's names.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"settings.ini"_s);
    {
        QSettings qsettings(path, QSettings::IniFormat);
        AppSettings settings(&qsettings);
        QCOMPARE(settings.conflictPolicy(), Dest::ConflictPolicy::Skip);
        SettingsDialog dialog(&settings);
        QComboBox *conflict = dialog.findChild<QComboBox *>(u"conflict"_s);
        QCOMPARE(conflict->count(), 4);
        QCOMPARE(conflict->itemData(0).toInt(), int(Dest::ConflictPolicy::Skip));
        QCOMPARE(conflict->currentData().toInt(), int(Dest::ConflictPolicy::Skip));
        for (const Dest::ConflictPolicy policy : {Dest::ConflictPolicy::Skip, Dest::ConflictPolicy::Update,
                                                  Dest::ConflictPolicy::Overwrite, Dest::ConflictPolicy::KeepBoth})
            QVERIFY(conflict->findData(int(policy)) >= 0);
        conflict->setCurrentIndex(conflict->findData(int(Dest::ConflictPolicy::Update)));
        dialog.accept();
    }
    QSettings qsettings(path, QSettings::IniFormat);
    QCOMPARE(qsettings.value(u"transfer/conflict"_s).toString(), u"update"_s);
    AppSettings settings(&qsettings);
    QCOMPARE(settings.runOptions().conflict, Dest::ConflictPolicy::Update);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
