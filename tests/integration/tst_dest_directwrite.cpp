// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14 (CPU per GiB): a large file written in order goes through O_DIRECT (Dest::DirectWriter) where the
// folder's file system takes it. The bytes land whole whatever the chunking, a chunk asked for ahead joins,
// ranged parts beyond that fall back to the page cache, reading back sees bytes still in a buffer, durable
// checkpoints follow what landed, and abort leaves nothing. On a file system without O_DIRECT (tmpfs) the same
// writes go through the page cache and the same checks hold.
#include "destinations/localdestination.h"
#include "tst_resume_support.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <linux/magic.h>
#include <sys/vfs.h>

using namespace Qt::StringLiterals;
using ResumeTest::allFiles;
using ResumeTest::commit;
using ResumeTest::readFile;
using ResumeTest::writeRange;

namespace
{
constexpr qint64 MiB = 1 << 20;

// What DirectWriter takes: a local ext2/3/4, XFS or Btrfs folder.
bool folderTakesDirect(const QString &path)
{
    struct statfs fs {};
    if (::statfs(QFile::encodeName(path).constData(), &fs) != 0)
        return false;
    const auto type = static_cast<unsigned long>(fs.f_type);
    return type == EXT4_SUPER_MAGIC || type == XFS_SUPER_MAGIC || type == BTRFS_SUPER_MAGIC;
}

} // namespace

class TestDestDirectWrite final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<Net::Error>();
    }

    void largeFileInOrderLandsWhole_data()
    {
        QTest::addColumn<QString>("base");
        QTest::newRow("work folder") << QDir::tempPath();
        if (QDir(u"/dev/shm"_s).exists())
            QTest::newRow("tmpfs (no O_DIRECT: page cache)") << u"/dev/shm"_s;
    }

    void largeFileInOrderLandsWhole()
    {
        QFETCH(QString, base);
        QTemporaryDir dir(base + u"/directwrite-XXXXXX"_s);
        QVERIFY(dir.isValid());
        Dest::LocalDestination destination(dir.path());
        const QByteArray body = ResumeTest::randomBody(40 * MiB + 12345, 1);
        std::unique_ptr<Dest::Sink> sink(destination.openSink({u"big.bin"_s, body.size(), {}, {}, u"id1"_s, {}, {}},
                                                              Dest::ConflictPolicy::Overwrite));
        auto *local = static_cast<Dest::LocalSink *>(sink.get());
        QCOMPARE(local->writesDirect(), folderTakesDirect(dir.path()));
        // Pieces that never line up with a buffer or the alignment.
        QVERIFY(writeRange(sink.get(), body, 0, 20 * MiB + 777, 700001));
        // Read back across what landed and what may still sit in a buffer.
        QByteArray back(2 * MiB, Qt::Uninitialized);
        QCOMPARE(sink->readBack(18 * MiB + 777, back.data(), back.size()), back.size());
        QCOMPARE(back, body.mid(18 * MiB + 777, back.size()));
        QVERIFY(writeRange(sink.get(), body, 20 * MiB + 777, body.size(), 524288));
        QVERIFY(commit(sink.get()));
        QCOMPARE(readFile(dir.filePath(u"big.bin"_s)), body);
        QCOMPARE(allFiles(dir.path()), QStringList {u"big.bin"_s});
    }

    void aChunkAskedAheadJoinsAndMoreFallBack()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        const QByteArray body = ResumeTest::randomBody(48 * MiB + 5, 2);
        std::unique_ptr<Dest::Sink> sink(destination.openSink({u"ranged.bin"_s, body.size(), {}, {}, u"id2"_s, {}, {}},
                                                              Dest::ConflictPolicy::Overwrite));
        auto *local = static_cast<Dest::LocalSink *>(sink.get());
        const bool direct = folderTakesDirect(dir.path());
        QCOMPARE(local->writesDirect(), direct);
        // One stream: its chunk [0, 16 MiB) and the next one, asked for ahead, interleaved.
        QVERIFY(writeRange(sink.get(), body, 0, 10 * MiB + 3, 300007));
        QVERIFY(writeRange(sink.get(), body, 16 * MiB, 17 * MiB + 11, 300007));
        QVERIFY(writeRange(sink.get(), body, 10 * MiB + 3, 16 * MiB, 300007));
        QVERIFY(writeRange(sink.get(), body, 17 * MiB + 11, 30 * MiB, 300007));
        QCOMPARE(local->writesDirect(), direct);
        // Two more ranged parts at once: through the page cache from there, nothing lost.
        QVERIFY(writeRange(sink.get(), body, 40 * MiB, 44 * MiB, 1 << 20));
        QVERIFY(writeRange(sink.get(), body, 35 * MiB + 1, 40 * MiB, 1 << 20));
        QVERIFY(!local->writesDirect());
        QVERIFY(writeRange(sink.get(), body, 30 * MiB, 35 * MiB + 1, 1 << 20));
        QVERIFY(writeRange(sink.get(), body, 44 * MiB, body.size(), 1 << 20));
        QVERIFY(commit(sink.get()));
        QCOMPARE(readFile(dir.filePath(u"ranged.bin"_s)), body);
        QCOMPARE(allFiles(dir.path()), QStringList {u"ranged.bin"_s});
    }

    void aShortWriteIsWokenWhateverTheOtherStreamWrote()
    {
        // A stream and its next chunk share the sink: one told "no room" must hear readyForMore() even when
        // the other one's write after it was taken whole (one flag for both once lost the wake-up: a 60 s stall).
        QTemporaryDir dir;
        if (!folderTakesDirect(dir.path()))
            QSKIP("the temporary folder's file system does not take O_DIRECT");
        Dest::LocalDestination destination(dir.path());
        const QByteArray body = ResumeTest::randomBody(32 * MiB, 6);
        std::unique_ptr<Dest::Sink> sink(destination.openSink({u"two.bin"_s, body.size(), {}, {}, u"id6"_s, {}, {}},
                                                              Dest::ConflictPolicy::Overwrite));
        QVERIFY(static_cast<Dest::LocalSink *>(sink.get())->writesDirect());
        const qint64 ahead = 16 * MiB;
        QCOMPARE(sink->write(ahead, body.constData() + ahead, 1000), 1000); // the next chunk: a buffer of its own
        QSignalSpy ready(sink.get(), &Dest::Sink::readyForMore);
        qint64 at = 0;
        for (;;) // the first stream fills the other buffers (no event loop: nothing lands meanwhile)
        {
            const qint64 taken = sink->write(at, body.constData() + at, MiB);
            QVERIFY(taken >= 0);
            at += taken;
            if (taken < MiB)
                break;
            QVERIFY(at < ahead);
        }
        QCOMPARE(sink->write(ahead + 1000, body.constData() + ahead + 1000, 1000), 1000);
        QVERIFY(ready.wait(5000));
        QVERIFY(writeRange(sink.get(), body, at, ahead, MiB));
        QVERIFY(writeRange(sink.get(), body, ahead + 2000, body.size(), MiB));
        QVERIFY(commit(sink.get()));
        QCOMPARE(readFile(dir.filePath(u"two.bin"_s)), body);
    }

    void durableCheckpointsFollowWhatLanded()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        destination.setCheckpointInterval(4 * MiB);
        const QByteArray body = ResumeTest::randomBody(30 * MiB, 3);
        std::unique_ptr<Dest::Sink> sink(destination.openSink({u"durable.bin"_s, body.size(), {}, {}, u"id3"_s, {}, {}},
                                                              Dest::ConflictPolicy::Overwrite));
        QList<qint64> durable;
        connect(sink.get(), &Dest::Sink::durable, this, [&](qint64 offset, const QByteArray &) {
            // What is announced durable is in the file already, read through another descriptor.
            QFile file(static_cast<Dest::LocalSink *>(sink.get())->partialPath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.read(offset), body.left(offset));
            durable << offset;
        });
        QVERIFY(writeRange(sink.get(), body, 0, body.size(), 1 << 20));
        QTRY_VERIFY_WITH_TIMEOUT(!durable.isEmpty() && durable.last() >= 24 * MiB, 5000);
        for (qint64 offset : std::as_const(durable))
            QCOMPARE(offset % (4 * MiB), 0);
        QVERIFY(std::is_sorted(durable.begin(), durable.end()));
        QVERIFY(commit(sink.get()));
        QCOMPARE(readFile(dir.filePath(u"durable.bin"_s)), body);
    }

    void abortLeavesNothing()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        const QByteArray body = ResumeTest::randomBody(32 * MiB, 4);
        std::unique_ptr<Dest::Sink> sink(destination.openSink({u"gone.bin"_s, body.size(), {}, {}, u"id4"_s, {}, {}},
                                                              Dest::ConflictPolicy::Overwrite));
        QVERIFY(writeRange(sink.get(), body, 0, 20 * MiB + 9, 1 << 20));
        sink->abort(); // buffers may still be with the worker
        QCOMPARE(allFiles(dir.path()), QStringList());
    }

    void offWritesThroughThePageCache()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        destination.setDirectWrites(false);
        const QByteArray body = ResumeTest::randomBody(20 * MiB, 5);
        std::unique_ptr<Dest::Sink> sink(destination.openSink({u"off.bin"_s, body.size(), {}, {}, u"id5"_s, {}, {}},
                                                              Dest::ConflictPolicy::Overwrite));
        QVERIFY(!static_cast<Dest::LocalSink *>(sink.get())->writesDirect());
        QVERIFY(writeRange(sink.get(), body, 0, body.size(), 1 << 20));
        QVERIFY(commit(sink.get()));
        QCOMPARE(readFile(dir.filePath(u"off.bin"_s)), body);
    }
};

QTEST_GUILESS_MAIN(TestDestDirectWrite)
#include "tst_dest_directwrite.moc"
