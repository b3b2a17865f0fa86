// SPDX-License-Identifier: GPL-3.0-or-later
// Dest::DestinationSpec: the one set of rules for the CLI's --to and the app's destination field, rule by rule
// (issue 15 finding 6: a bare /Volumes/… is never a local folder; dbfs:/Volumes/… is the Volume it names).
#include "destinations/destinationspec.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Dest::DestinationSpec;

class TestDestinationSpec final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("path");
        const int local = int(DestinationSpec::Kind::Local);
        const int volume = int(DestinationSpec::Kind::Volume);
        const int dbfs = int(DestinationSpec::Kind::Dbfs);
        // Local folders.
        QTest::newRow("abs") << u"/data/in/"_s << true << local << u"/data/in"_s;
        QTest::newRow("dots") << u"/data/./x/../in"_s << true << local << u"/data/in"_s;
        QTest::newRow("relative") << u"rel/dir"_s << true << local << QDir::current().absoluteFilePath(u"rel/dir"_s);
        QTest::newRow("file url") << u"file:///data/in"_s << true << local << u"/data/in"_s;
        QTest::newRow("file:") << u"file:/data/in"_s << true << local << u"/data/in"_s;
        QTest::newRow("spaces trimmed") << u"  /data/in  "_s << true << local << u"/data/in"_s;
        QTest::newRow("VolumesX is local") << u"/VolumesX/a/b/c"_s << true << local << u"/VolumesX/a/b/c"_s;
        QTest::newRow("dbfsx is local") << u"/dbfsx/a"_s << true << local << u"/dbfsx/a"_s;
        QTest::newRow("relative Volumes is local") << u"Volumes/a/b/c"_s << true << local
                                                   << QDir::current().absoluteFilePath(u"Volumes/a/b/c"_s);
        // The explicit opt-in for a local folder under /Volumes or /dbfs.
        QTest::newRow("local: Volumes") << u"local:/Volumes/main/default/landing/x"_s << true << local
                                        << u"/Volumes/main/default/landing/x"_s;
        QTest::newRow("LOCAL: case") << u"LOCAL:/Volumes/disk"_s << true << local << u"/Volumes/disk"_s;
        QTest::newRow("file url Volumes") << u"file:///Volumes/disk/in"_s << true << local << u"/Volumes/disk/in"_s;
        QTest::newRow("local: dbfs") << u"local:/dbfs/tmp"_s << true << local << u"/dbfs/tmp"_s;
        // Volumes: what a Databricks user types, the databricks fs cp form, the old volume: form.
        QTest::newRow("bare Volumes") << u"/Volumes/main/default/landing/x"_s << true << volume
                                      << u"/Volumes/main/default/landing/x"_s;
        QTest::newRow("bare Volumes root") << u"/Volumes/main/default/landing"_s << true << volume
                                           << u"/Volumes/main/default/landing"_s;
        QTest::newRow("dbfs:/Volumes") << u"dbfs:/Volumes/main/default/landing/x"_s << true << volume
                                       << u"/Volumes/main/default/landing/x"_s;
        QTest::newRow("/dbfs/Volumes") << u"/dbfs/Volumes/main/default/landing"_s << true << volume
                                       << u"/Volumes/main/default/landing"_s;
        QTest::newRow("volume") << u"volume:/Volumes/main/raw/landing"_s << true << volume << u"/Volumes/main/raw/landing"_s;
        QTest::newRow("volume sub") << u"volume:/Volumes/main/raw/landing/a b/c/"_s << true << volume
                                    << u"/Volumes/main/raw/landing/a b/c"_s;
        QTest::newRow("volume short") << u"volume:/Volumes/main/raw"_s << false << 0 << QString();
        QTest::newRow("volume dotdot") << u"volume:/Volumes/main/raw/v/../../x"_s << false << 0 << QString();
        QTest::newRow("volume not Volumes") << u"volume:/tmp/x"_s << false << 0 << QString();
        // A bare /Volumes path too short for a Volume is refused, never taken as a local folder.
        QTest::newRow("bare Volumes short") << u"/Volumes/disk/in"_s << false << 0 << QString();
        QTest::newRow("bare Volumes alone") << u"/Volumes"_s << false << 0 << QString();
        QTest::newRow("bare Volumes dotdot") << u"/Volumes/a/b/c/../../../../tmp"_s << false << 0 << QString();
        QTest::newRow("dbfs:/Volumes short") << u"dbfs:/Volumes/main"_s << false << 0 << QString();
        // DBFS.
        QTest::newRow("dbfs") << u"dbfs:/tmp/in"_s << true << dbfs << u"/tmp/in"_s;
        QTest::newRow("dbfs root") << u"dbfs:/"_s << true << dbfs << u"/"_s;
        QTest::newRow("/dbfs fuse") << u"/dbfs/tmp/in"_s << true << dbfs << u"/tmp/in"_s;
        QTest::newRow("/dbfs alone") << u"/dbfs"_s << true << dbfs << u"/"_s;
        QTest::newRow("dbfs relative") << u"dbfs:tmp"_s << false << 0 << QString();
        QTest::newRow("dbfs dotdot") << u"dbfs:/tmp/../x"_s << false << 0 << QString();
        QTest::newRow("/dbfs dotdot") << u"/dbfs/tmp/../../etc"_s << false << 0 << QString();
        // Nothing, and schemes we do not write to.
        QTest::newRow("empty") << QString() << false << 0 << QString();
        QTest::newRow("blank") << u"   "_s << false << 0 << QString();
        QTest::newRow("s3") << u"s3://bucket"_s << false << 0 << QString();
        QTest::newRow("abfss") << u"abfss://c@a.dfs.core.windows.net/x"_s << false << 0 << QString();
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, kind);
        QFETCH(QString, path);
        QString error;
        const auto spec = DestinationSpec::parse(text, &error);
        QVERIFY2(spec.has_value() == valid, qPrintable(error));
        if (valid)
        {
            QCOMPARE(int(spec->kind), kind);
            QCOMPARE(spec->path, path);
            QCOMPARE(spec->original, text);
            QVERIFY(error.isEmpty());
            // describe() is the canonical text: read back, it names the same destination.
            const auto again = DestinationSpec::parse(spec->describe(), &error);
            QVERIFY2(again, qPrintable(spec->describe()));
            QCOMPARE(again->kind, spec->kind);
            QCOMPARE(again->path, spec->path);
        }
        else
        {
            QVERIFY(!error.isEmpty());
        }
    }

    void messagesSayWhatToType()
    {
        QString error;
        QVERIFY(!DestinationSpec::parse(u"/Volumes/disk/in"_s, &error));
        QVERIFY2(error.contains(u"/Volumes/<catalog>/<schema>/<volume>"_s), qPrintable(error));
        QVERIFY2(error.contains(u"local:/Volumes/disk/in"_s), qPrintable(error));
        QVERIFY(!DestinationSpec::parse(u"s3://bucket"_s, &error));
        QVERIFY2(error.contains(u"'s3:'"_s), qPrintable(error));
        QVERIFY(!DestinationSpec::parse(u"dbfs:tmp"_s, &error));
        QVERIFY2(error.contains(u"dbfs:/"_s), qPrintable(error));
        QVERIFY(!DestinationSpec::parse(u"volume:/tmp/x"_s, &error));
        QVERIFY2(!error.contains(u"local:"_s), qPrintable(error)); // not a /Volumes path: no local hint
    }

    void describeForms()
    {
        QString error;
        QCOMPARE(DestinationSpec::parse(u"/data/in"_s, &error)->describe(), u"/data/in"_s);
        QCOMPARE(DestinationSpec::parse(u"local:/Volumes/disk/in"_s, &error)->describe(), u"local:/Volumes/disk/in"_s);
        QCOMPARE(DestinationSpec::parse(u"local:/dbfs"_s, &error)->describe(), u"local:/dbfs"_s);
        QCOMPARE(DestinationSpec::parse(u"dbfs:/Volumes/c/s/v/x"_s, &error)->describe(), u"/Volumes/c/s/v/x"_s);
        QCOMPARE(DestinationSpec::parse(u"/dbfs/tmp/x"_s, &error)->describe(), u"dbfs:/tmp/x"_s);
        QVERIFY(DestinationSpec::parse(u"/dbfs/tmp"_s, &error)->isDatabricks());
        QVERIFY(!DestinationSpec::parse(u"/tmp"_s, &error)->isDatabricks());
        QCOMPARE(DestinationSpec::kindName(DestinationSpec::Kind::Volume), u"volume"_s);
    }

    void validateRefusesAFile()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"name.txt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QString error;
        const auto onFile = DestinationSpec::parse(file.fileName(), &error);
        QVERIFY(onFile);
        QVERIFY2(onFile->validate().contains(u"not a folder"_s), qPrintable(onFile->validate()));
        // A folder, or a path that does not exist yet (it is created as a folder), is fine.
        QVERIFY(DestinationSpec::parse(dir.path(), &error)->validate().isEmpty());
        QVERIFY(DestinationSpec::parse(dir.filePath(u"out/name.txt"_s), &error)->validate().isEmpty());
        // Remote paths are checked by their destination at the start of the run.
        QVERIFY(DestinationSpec::parse(u"/Volumes/c/s/v"_s, &error)->validate().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDestinationSpec)
#include "tst_destinationspec.moc"
