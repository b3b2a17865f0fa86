// SPDX-License-Identifier: GPL-3.0-or-later
// The local destination on its own: .partial then rename, nothing left on abort or failure, conflict
// policies, probe hashes, paths that would leave the folder, and a real full disk (a 1 MiB tmpfs, root only).
#include "destinations/localdestination.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestEngineLocalSink final : public QObject
{
    Q_OBJECT

private:
    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static QStringList allFiles(const QString &root)
    {
        QStringList files;
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << QDir(root).relativeFilePath(it.next());
        files.sort();
        return files;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<Net::Error>();
    }

    void writeFinishRenames()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        const QByteArray body = QByteArray(100000, 'x') + "tail";
        std::unique_ptr<Dest::Sink> sink(destination.openSink({u"A/B/file.bin"_s, body.size(), {}, {}, u"id1"_s},
                                                              Dest::ConflictPolicy::Overwrite));
        QVERIFY(sink->supportsRandomAccess());
        // Out of order, as ranged parts arrive.
        QCOMPARE(sink->write(50000, body.constData() + 50000, body.size() - 50000), body.size() - 50000);
        QCOMPARE(sink->write(0, body.constData(), 50000), 50000);
        QVERIFY(QFile::exists(dir.filePath(u"A/B/file.bin.partial"_s)));
        QVERIFY(!QFile::exists(dir.filePath(u"A/B/file.bin"_s)));
        QByteArray back(10, Qt::Uninitialized);
        QCOMPARE(sink->readBack(99998, back.data(), 6), 6);
        QCOMPARE(back.left(6), QByteArray("xxtail"));
        QSignalSpy committed(sink.get(), &Dest::Sink::committed);
        sink->finish();
        QVERIFY(committed.wait(2000));
        QCOMPARE(committed.at(0).at(0).toString(), dir.filePath(u"A/B/file.bin"_s));
        QCOMPARE(readFile(dir.filePath(u"A/B/file.bin"_s)), body);
        QCOMPARE(allFiles(dir.path()), QStringList {u"A/B/file.bin"_s});
    }

    void abortLeavesNothing()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        auto *sink = destination.openSink({u"x.bin"_s, 10, {}, {}, u"id"_s}, Dest::ConflictPolicy::Overwrite);
        QCOMPARE(sink->write(0, "12345", 5), 5);
        sink->abort();
        QCOMPARE(allFiles(dir.path()), QStringList());
        delete sink;
        // Destroying an unfinished sink aborts it too.
        {
            std::unique_ptr<Dest::Sink> s(destination.openSink({u"y.bin"_s, -1, {}, {}, u"id"_s}, Dest::ConflictPolicy::Overwrite));
            QCOMPARE(s->write(0, "12345", 5), 5);
        }
        QCOMPARE(allFiles(dir.path()), QStringList());
    }

    void overwriteAndKeepBoth()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        {
            QFile f(dir.filePath(u"a.txt"_s));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old");
        }
        {
            std::unique_ptr<Dest::Sink> sink(destination.openSink({u"a.txt"_s, 3, {}, {}, u"id"_s}, Dest::ConflictPolicy::KeepBoth));
            QCOMPARE(sink->write(0, "new", 3), 3);
            QSignalSpy committed(sink.get(), &Dest::Sink::committed);
            sink->finish();
            QVERIFY(committed.wait(2000));
            QCOMPARE(committed.at(0).at(0).toString(), dir.filePath(u"a (1).txt"_s));
        }
        QCOMPARE(readFile(dir.filePath(u"a.txt"_s)), QByteArray("old"));
        QCOMPARE(readFile(dir.filePath(u"a (1).txt"_s)), QByteArray("new"));
        {
            std::unique_ptr<Dest::Sink> sink(destination.openSink({u"a.txt"_s, 5, {}, {}, u"id"_s}, Dest::ConflictPolicy::Overwrite));
            QCOMPARE(sink->write(0, "newer", 5), 5);
            // Until finish() the old file is untouched.
            QCOMPARE(readFile(dir.filePath(u"a.txt"_s)), QByteArray("old"));
            QSignalSpy committed(sink.get(), &Dest::Sink::committed);
            sink->finish();
            QVERIFY(committed.wait(2000));
        }
        QCOMPARE(readFile(dir.filePath(u"a.txt"_s)), QByteArray("newer"));
        QCOMPARE(allFiles(dir.path()), (QStringList {u"a (1).txt"_s, u"a.txt"_s}));
    }

    void probeHashesExistingFile()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        const QByteArray body(3 << 20, 'q');
        {
            QFile f(dir.filePath(u"p.bin"_s));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(body);
        }
        bool called = false;
        std::optional<Dest::Existing> got;
        destination.probe(u"p.bin"_s, [&](std::optional<Dest::Existing> existing, const Net::Error &error) {
            called = true;
            QVERIFY(!error.isError());
            got = existing;
        });
        QTRY_VERIFY(called);
        QVERIFY(got.has_value());
        QCOMPARE(got->size, body.size());
        QCOMPARE(got->md5, QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex()));
        QCOMPARE(got->sha256, QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex()));
        called = false;
        destination.probe(u"missing.bin"_s, [&](std::optional<Dest::Existing> existing, const Net::Error &error) {
            called = true;
            QVERIFY(!existing);
            QVERIFY(!error.isError());
        });
        QTRY_VERIFY(called);
    }

    void pathsStayInside()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path() + u"/root"_s);
        QVERIFY(destination.absolutePath(u"../evil"_s).isEmpty());
        QVERIFY(destination.absolutePath(u"/etc/passwd"_s).isEmpty());
        QVERIFY(destination.absolutePath(u"a/../../evil"_s).isEmpty());
        QCOMPARE(destination.absolutePath(u"a/b"_s), dir.path() + u"/root/a/b"_s);
        std::unique_ptr<Dest::Sink> sink(destination.openSink({u"../evil"_s, 3, {}, {}, u"id"_s}, Dest::ConflictPolicy::Overwrite));
        QSignalSpy failed(sink.get(), &Dest::Sink::failed);
        QCOMPARE(sink->write(0, "abc", 3), -1);
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.at(0).at(0).value<Net::Error>().errorClass, Net::ErrorClass::Local);
        QVERIFY(!QFile::exists(dir.filePath(u"evil"_s)));
    }

    void checkCreatesAndRefuses()
    {
        QTemporaryDir dir;
        Dest::LocalDestination fresh(dir.filePath(u"new/folder"_s));
        Net::Error result;
        result.errorClass = Net::ErrorClass::Permanent;
        bool called = false;
        fresh.check([&](const Net::Error &e) { result = e; called = true; });
        QTRY_VERIFY(called);
        QVERIFY(!result.isError());
        QVERIFY(QFileInfo(dir.filePath(u"new/folder"_s)).isDir());
        QFile file(dir.filePath(u"plain"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        Dest::LocalDestination bad(dir.filePath(u"plain"_s));
        called = false;
        bad.check([&](const Net::Error &e) { result = e; called = true; });
        QTRY_VERIFY(called);
        QCOMPARE(result.errorClass, Net::ErrorClass::Local);
    }

    void diskFull_data()
    {
        QTest::addColumn<qint64>("expectedSize");
        QTest::newRow("size known (preallocation fails)") << qint64(4 << 20);
        QTest::newRow("size unknown (write fails)") << qint64(-1);
    }

    void diskFull()
    {
        QFETCH(qint64, expectedSize);
        QTemporaryDir dir;
        const QString mountPoint = dir.filePath(u"tiny"_s);
        QVERIFY(QDir().mkpath(mountPoint));
        if (QProcess::execute(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=1m"_s, u"tmpfs"_s, mountPoint}) != 0)
            QSKIP("cannot mount a small tmpfs here (needs root)");
        auto unmount = qScopeGuard([&] { QProcess::execute(u"umount"_s, {mountPoint}); });
        Dest::LocalDestination destination(mountPoint);
        std::unique_ptr<Dest::Sink> sink(destination.openSink({u"big.bin"_s, expectedSize, {}, {}, u"id"_s},
                                                              Dest::ConflictPolicy::Overwrite));
        QSignalSpy failed(sink.get(), &Dest::Sink::failed);
        const QByteArray block(256 * 1024, 'z');
        qint64 offset = 0;
        bool writeFailed = false;
        for (int i = 0; i < 16 && !writeFailed; ++i)
        {
            const qint64 n = sink->write(offset, block.constData(), block.size());
            if (n < 0)
                writeFailed = true;
            else
                offset += n;
        }
        QVERIFY(writeFailed);
        QVERIFY(failed.wait(2000) || failed.count() == 1);
        const auto error = failed.at(0).at(0).value<Net::Error>();
        QCOMPARE(error.errorClass, Net::ErrorClass::Local);
        QCOMPARE(error.reason, u"diskFull"_s);
        QVERIFY2(error.message.contains(u"big.bin.partial"_s), qPrintable(error.message));
        QCOMPARE(allFiles(mountPoint), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestEngineLocalSink)
#include "tst_engine_localsink.moc"
