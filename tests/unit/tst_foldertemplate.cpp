// SPDX-License-Identifier: GPL-3.0-or-later
// The Unity Catalog picker's pure rules: a destination folder's {yyyy}/{mm}/{dd}/{job} placeholders expanded when
// a run starts (Dest::expandFolderTemplate), and whether effective permissions allow writing into a volume
// (Dest::VolumeAccess::from: WRITE VOLUME with USE CATALOG and USE SCHEMA).
#include "destinations/foldertemplate.h"
#include "destinations/unitycatalog.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestFolderTemplate final : public QObject
{
    Q_OBJECT

private slots:
    void expands_data();
    void expands();
    void unknownPlaceholderIsAnError();
    void detectsPlaceholders();
    void volumePath();
    void access_data();
    void access();
};

void TestFolderTemplate::expands_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("job");
    QTest::addColumn<QString>("expected");
    const QDate d(2026, 3, 7);
    QTest::newRow("none") << u"/Volumes/c/s/v/in"_s << d << u"j"_s << u"/Volumes/c/s/v/in"_s;
    QTest::newRow("date") << u"/Volumes/c/s/v/{yyyy}/{mm}/{dd}"_s << d << u"j"_s << u"/Volumes/c/s/v/2026/03/07"_s;
    QTest::newRow("inside a name") << u"run-{yyyy}{mm}{dd}"_s << QDate(2027, 12, 31) << QString() << u"run-20271231"_s;
    QTest::newRow("twice") << u"{dd}/{dd}"_s << d << QString() << u"07/07"_s;
    QTest::newRow("job") << u"drive/{job}/{yyyy}"_s << d << u"Q1 reports"_s << u"drive/Q1 reports/2026"_s;
    QTest::newRow("job with a slash stays one segment") << u"{job}"_s << d << u"a/b"_s << u"a／b"_s;
    QTest::newRow("job .. cannot climb") << u"x/{job}"_s << d << u".."_s << u"x/__"_s;
    QTest::newRow("empty job") << u"{job}"_s << d << u"  "_s << u"ingest"_s;
    QTest::newRow("stray braces stay") << u"{a b}/{}/{"_s << d << QString() << u"{a b}/{}/{"_s;
    QTest::newRow("early year padded") << u"{yyyy}"_s << QDate(987, 1, 2) << QString() << u"0987"_s;
}

void TestFolderTemplate::expands()
{
    QFETCH(QString, folder);
    QFETCH(QDate, date);
    QFETCH(QString, job);
    QFETCH(QString, expected);
    QString error;
    QCOMPARE(Dest::expandFolderTemplate(folder, date, job, &error), expected);
    QVERIFY(error.isEmpty());
}

void TestFolderTemplate::unknownPlaceholderIsAnError()
{
    QString error;
    QCOMPARE(Dest::expandFolderTemplate(u"/Volumes/c/s/v/{yyy}/{mm}"_s, QDate(2026, 1, 1), {}, &error), QString());
    QVERIFY(error.contains(u"{yyy}"_s));
    QVERIFY(error.contains(u"{yyyy}"_s)); // says what is known
    error.clear();
    QCOMPARE(Dest::expandFolderTemplate(u"{YYYY}"_s, QDate(2026, 1, 1), {}, &error), QString()); // case matters
    QVERIFY(!error.isEmpty());
}

void TestFolderTemplate::detectsPlaceholders()
{
    QVERIFY(Dest::hasFolderPlaceholders(u"a/{mm}"_s));
    QVERIFY(Dest::hasFolderPlaceholders(u"{oops}"_s));
    QVERIFY(!Dest::hasFolderPlaceholders(u"a/{}/b {x y}"_s));
}

void TestFolderTemplate::volumePath()
{
    QCOMPARE(Dest::UnityCatalog::volumePath(u"c"_s, u"s"_s, u"v"_s), u"/Volumes/c/s/v"_s);
    QCOMPARE(Dest::UnityCatalog::volumePath(u"c"_s, u"s"_s, u"v"_s, u" /in/{yyyy}/ "_s), u"/Volumes/c/s/v/in/{yyyy}"_s);
}

void TestFolderTemplate::access_data()
{
    QTest::addColumn<QStringList>("catalog");
    QTest::addColumn<QStringList>("schema");
    QTest::addColumn<QStringList>("volume");
    QTest::addColumn<bool>("writable");
    QTest::addColumn<int>("missing");
    const QStringList useCatalog {u"BROWSE"_s, u"USE_CATALOG"_s};
    const QStringList useSchema {u"USE_SCHEMA"_s};
    QTest::newRow("all three") << useCatalog << useSchema << QStringList {u"READ_VOLUME"_s, u"WRITE_VOLUME"_s} << true << 0;
    QTest::newRow("read only") << useCatalog << useSchema << QStringList {u"READ_VOLUME"_s} << false << 1;
    QTest::newRow("no use schema") << useCatalog << QStringList {u"CREATE_VOLUME"_s} << QStringList {u"WRITE_VOLUME"_s}
                                   << false << 1;
    QTest::newRow("no use catalog") << QStringList {u"BROWSE"_s} << useSchema << QStringList {u"WRITE_VOLUME"_s} << false
                                    << 1;
    QTest::newRow("nothing") << QStringList() << QStringList() << QStringList() << false << 3;
    QTest::newRow("all privileges") << QStringList {u"ALL_PRIVILEGES"_s} << QStringList {u"ALL_PRIVILEGES"_s}
                                    << QStringList {u"ALL_PRIVILEGES"_s} << true << 0;
    QTest::newRow("spelled with spaces") << QStringList {u"USE CATALOG"_s} << QStringList {u"use schema"_s}
                                         << QStringList {u"WRITE VOLUME"_s} << true << 0;
}

void TestFolderTemplate::access()
{
    QFETCH(QStringList, catalog);
    QFETCH(QStringList, schema);
    QFETCH(QStringList, volume);
    QFETCH(bool, writable);
    QFETCH(int, missing);
    const Dest::VolumeAccess a = Dest::VolumeAccess::from(u"c.s.v"_s, catalog, schema, volume);
    QCOMPARE(a.writable, writable);
    QCOMPARE(a.missing.size(), missing);
    QCOMPARE(a.reason().isEmpty(), writable);
    if (!volume.contains(u"WRITE_VOLUME"_s) && !writable && missing > 0)
        QVERIFY(a.reason().contains(u"WRITE VOLUME on c.s.v"_s));
}

QTEST_GUILESS_MAIN(TestFolderTemplate)
#include "tst_foldertemplate.moc"
