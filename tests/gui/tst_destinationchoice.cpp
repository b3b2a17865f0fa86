// SPDX-License-Identifier: GPL-3.0-or-later
// The app's destination field read by the CLI's rules (Dest::DestinationSpec), issue 15 finding 6.
#include "destinationchoice.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Kind = AppSettings::DestinationKind;

class TestDestinationChoice final : public QObject
{
    Q_OBJECT

private slots:
    void sameSyntaxAsTheCli_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path"); // empty: refused
        QTest::newRow("volume") << int(Kind::Volume) << u"/Volumes/main/default/landing/x"_s << u"/Volumes/main/default/landing/x"_s;
        QTest::newRow("volume, databricks fs form") << int(Kind::Volume) << u"dbfs:/Volumes/main/default/landing"_s
                                                    << u"/Volumes/main/default/landing"_s;
        QTest::newRow("volume, CLI form") << int(Kind::Volume) << u"volume:/Volumes/main/default/landing"_s
                                          << u"/Volumes/main/default/landing"_s;
        QTest::newRow("volume too short") << int(Kind::Volume) << u"/Volumes/main"_s << QString();
        QTest::newRow("volume with a local path") << int(Kind::Volume) << u"/tmp/x"_s << QString();
        QTest::newRow("dbfs") << int(Kind::Dbfs) << u"dbfs:/tmp/in"_s << u"/tmp/in"_s;
        QTest::newRow("dbfs bare") << int(Kind::Dbfs) << u"/tmp/in"_s << u"/tmp/in"_s;
        QTest::newRow("dbfs fuse") << int(Kind::Dbfs) << u"/dbfs/tmp/in"_s << u"/tmp/in"_s;
        QTest::newRow("dbfs with a volume") << int(Kind::Dbfs) << u"/Volumes/main/default/landing"_s << QString();
        // "Local folder" with a Databricks path is refused: never a new local /Volumes folder.
        QTest::newRow("local with a volume") << int(Kind::LocalFolder) << u"/Volumes/main/default/landing/x"_s << QString();
        QTest::newRow("local with dbfs") << int(Kind::LocalFolder) << u"dbfs:/tmp"_s << QString();
        QTest::newRow("local opt-in") << int(Kind::LocalFolder) << u"local:/Volumes/main/default/landing/x"_s
                                      << u"/Volumes/main/default/landing/x"_s;
        QTest::newRow("local") << int(Kind::LocalFolder) << u"/tmp/in/"_s << u"/tmp/in"_s;
        QTest::newRow("unknown scheme") << int(Kind::LocalFolder) << u"s3://bucket"_s << QString();
        QTest::newRow("empty") << int(Kind::LocalFolder) << u"  "_s << QString();
    }

    void sameSyntaxAsTheCli()
    {
        QFETCH(int, kind);
        QFETCH(QString, text);
        QFETCH(QString, path);
        const DestinationChoice choice = {Kind(kind), text};
        QString error;
        const auto spec = choice.spec(&error);
        QCOMPARE(spec.has_value(), !path.isEmpty());
        if (spec)
            QCOMPARE(spec->path, path);
        else
            QVERIFY(!error.isEmpty() && choice.check() == error);
    }

    void localChecks()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"name.txt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const auto check = [](Kind kind, const QString &text) { return DestinationChoice {kind, text}.check(); };
        QVERIFY(check(Kind::LocalFolder, dir.path()).isEmpty());
        QVERIFY(check(Kind::LocalFolder, dir.filePath(u"new"_s)).isEmpty());
        QVERIFY(check(Kind::LocalFolder, file.fileName()).contains(u"not a folder"_s));
        const QString volume = check(Kind::LocalFolder, u"/Volumes/main/default/landing/x"_s);
        QVERIFY2(volume.contains(u"Databricks Volume"_s) && volume.contains(u"local:"_s), qPrintable(volume));
    }
};

QTEST_MAIN(TestDestinationChoice)
#include "tst_destinationchoice.moc"
