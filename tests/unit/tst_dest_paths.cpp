// SPDX-License-Identifier: GPL-3.0-or-later
// Databricks destination paths and the streaming PUT body: per-segment percent-encoding (space, '#', '?',
// '+' as %2B, '%', UTF-8), URLs that keep that encoding, Volume/DBFS path rules, and the bounded upload pipe
// (backpressure, the held-back last byte).
#include "destinations/databricksclient.h"
#include "destinations/dbfsdestination.h"
#include "destinations/volumedestination.h"
#include "destinations/volumeuploadpipe.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDestPaths final : public QObject
{
    Q_OBJECT

private slots:
    void encodePath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("plain") << u"/Volumes/c/s/v/a.txt"_s << "/Volumes/c/s/v/a.txt"_ba;
        QTest::newRow("space") << u"/Volumes/c/s/v/a b.txt"_s << "/Volumes/c/s/v/a%20b.txt"_ba;
        QTest::newRow("hash and question") << u"/Volumes/c/s/v/x#1?.txt"_s << "/Volumes/c/s/v/x%231%3F.txt"_ba;
        QTest::newRow("plus") << u"/Volumes/c/s/v/a+b"_s << "/Volumes/c/s/v/a%2Bb"_ba;
        QTest::newRow("percent") << u"/Volumes/c/s/v/100%"_s << "/Volumes/c/s/v/100%25"_ba;
        QTest::newRow("unicode") << u"/Volumes/c/s/v/Caf\u00e9 \U0001F600"_s
                                 << "/Volumes/c/s/v/Caf%C3%A9%20%F0%9F%98%80"_ba;
        QTest::newRow("reserved") << u"/dbfs/a&b=c:d@e$f;g,h"_s << "/dbfs/a%26b%3Dc%3Ad%40e%24f%3Bg%2Ch"_ba;
        QTest::newRow("unreserved stay") << u"/x/A-z_0.9~"_s << "/x/A-z_0.9~"_ba;
    }

    void encodePath()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, encoded);
        QCOMPARE(Dest::DatabricksClient::encodePath(path), encoded);
    }

    void urlKeepsEncoding()
    {
        QNetworkAccessManager nam;
        Dest::DatabricksClient client(&nam, nullptr, QUrl(u"https://dbc-1.cloud.databricks.com/"_s));
        QCOMPARE(client.hostText(), u"https://dbc-1.cloud.databricks.com"_s);
        const QByteArray path = Dest::DatabricksClient::encodePath(u"/Volumes/c/s/v/a+b #?%\u00e9.bin"_s);
        const QUrl url = client.url("/api/2.0/fs/files"_ba + path, "overwrite=true"_ba);
        QVERIFY(url.isValid());
        QCOMPARE(url.toEncoded(),
                 "https://dbc-1.cloud.databricks.com/api/2.0/fs/files/Volumes/c/s/v/a%2Bb%20%23%3F%25%C3%A9.bin?overwrite=true"_ba);
        // A host given with a path or trailing slash is reduced to scheme + host (+ port).
        Dest::DatabricksClient sandbox(&nam, nullptr, QUrl(u"http://127.0.0.1:8080/some/path/"_s));
        QCOMPARE(sandbox.url("/api/2.0/dbfs/create"_ba).toString(), u"http://127.0.0.1:8080/api/2.0/dbfs/create"_s);
    }

    void volumePaths()
    {
        QVERIFY(Dest::VolumeDestination::isVolumePath(u"/Volumes/c/s/v"_s));
        QVERIFY(Dest::VolumeDestination::isVolumePath(u"/Volumes/c/s/v/sub/dir"_s));
        QVERIFY(!Dest::VolumeDestination::isVolumePath(u"/Volumes/c/s"_s));
        QVERIFY(!Dest::VolumeDestination::isVolumePath(u"/Volumes/c//v"_s));
        QVERIFY(!Dest::VolumeDestination::isVolumePath(u"/Volumes/c/s/v/../x"_s));
        QVERIFY(!Dest::VolumeDestination::isVolumePath(u"/tmp/x"_s));

        QNetworkAccessManager nam;
        Dest::VolumeDestination volume(&nam, nullptr, QUrl(u"http://127.0.0.1:1"_s), u"/Volumes/c/s/v/in/"_s);
        QCOMPARE(volume.describe(), u"volume:/Volumes/c/s/v/in"_s);
        QCOMPARE(volume.locationOf(u"a/b c.txt"_s), u"volume:/Volumes/c/s/v/in/a/b c.txt"_s);
        QCOMPARE(volume.maxParallelSinks(), 8);

        Dest::DbfsDestination dbfs(&nam, nullptr, QUrl(u"http://127.0.0.1:1"_s), u"/"_s);
        QCOMPARE(dbfs.locationOf(u"x/y.bin"_s), u"dbfs:/x/y.bin"_s);
        Dest::DbfsDestination dbfsSub(&nam, nullptr, QUrl(u"http://127.0.0.1:1"_s), u"/ingest/"_s);
        QCOMPARE(dbfsSub.describe(), u"dbfs:/ingest"_s);
        QCOMPARE(dbfsSub.locationOf(u"y.bin"_s), u"dbfs:/ingest/y.bin"_s);
    }

    void pipeBackpressure()
    {
        Dest::VolumeUploadPipe pipe(10, 4);
        QVERIFY(pipe.isSequential());
        QVERIFY(pipe.isReadable());
        QSignalSpy ready(&pipe, &QIODevice::readyRead);
        QSignalSpy space(&pipe, &Dest::VolumeUploadPipe::spaceAvailable);
        QCOMPARE(pipe.push("abcdef", 6), 4); // capacity 4
        QCOMPARE(ready.count(), 1);
        QCOMPARE(pipe.push("ef", 2), 0); // full
        char buf[16];
        QCOMPARE(pipe.read(buf, 3), 3);
        QCOMPARE(QByteArray(buf, 3), "abc"_ba);
        QTRY_COMPARE(space.count(), 1); // queued, once per full episode
        QCOMPARE(pipe.push("efghij", 6), 3); // wraps around the ring
        QCOMPARE(pipe.read(buf, 16), 4);
        QCOMPARE(QByteArray(buf, 4), "defg"_ba);
        QCOMPARE(pipe.push("hijk", 4), 3); // never more than total
        QCOMPARE(pipe.pushed(), 10);
        QCOMPARE(pipe.push("k", 1), 0); // never more than total
        // The last byte waits for release().
        QCOMPARE(pipe.bytesAvailable(), 2);
        QCOMPARE(pipe.read(buf, 16), 2);
        QCOMPARE(QByteArray(buf, 2), "hi"_ba);
        QCOMPARE(pipe.read(buf, 16), 0);
        QVERIFY(!pipe.atEnd());
        pipe.release();
        QCOMPARE(pipe.read(buf, 16), 1);
        QCOMPARE(buf[0], 'j');
        QVERIFY(pipe.atEnd());
        QCOMPARE(pipe.read(buf, 16), -1);
    }
};

QTEST_GUILESS_MAIN(TestDestPaths)
#include "tst_dest_paths.moc"
