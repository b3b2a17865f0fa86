// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 11, the local folder's side of resume, on real files: checkpoints announced with durable() after the
// bytes were synced, suspend() keeping the partial, a new sink continuing it byte-exact (same revision, long
// enough) or starting over (another revision, a shorter partial); and the destination's own small files
// (writeWhole/readWhole/listNames) atomic and below the root only.
#include "destinations/localdestination.h"
#include "tst_resume_support.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using ResumeTest::randomBody;
using ResumeTest::readWhole;
using ResumeTest::writeWhole;
using ResumeTest::allFiles;
using ResumeTest::readFile;
using ResumeTest::writeRange;
using ResumeTest::commit;

namespace
{
constexpr qint64 Interval = 64 * 1024;


Dest::Target target(const QString &path, qint64 size, const QString &revision, qint64 resumeAt = 0)
{
    Dest::Target t;
    t.relativePath = path;
    t.expectedSize = size;
    t.driveId = u"idResume"_s;
    t.revision = revision;
    t.resume.offset = resumeAt;
    return t;
}

// The last durable() offset once at least `atLeast` was announced; -1 on a timeout.
qint64 waitDurable(QSignalSpy &spy, qint64 atLeast)
{
    const auto last = [&spy] { return spy.isEmpty() ? qint64(0) : spy.last().at(0).toLongLong(); };
    return QTest::qWaitFor([&] { return last() >= atLeast; }, 5000) ? last() : -1;
}

// A run that wrote body[0, upTo) of `path` (revision `revision`) and was suspended once `upTo` was durable
// (upTo: a multiple of Interval). The kept partial's path; empty when `upTo` was never announced.
QString suspendedAt(Dest::LocalDestination &destination, const QString &path, const QString &revision,
                    const QByteArray &body, qint64 upTo)
{
    std::unique_ptr<Dest::Sink> first(destination.openSink(target(path, body.size(), revision),
                                                           Dest::ConflictPolicy::Overwrite));
    QSignalSpy durable(first.get(), &Dest::Sink::durable);
    if (!writeRange(first.get(), body, 0, upTo) || waitDurable(durable, upTo) != upTo)
        return {};
    first->suspend();
    return static_cast<Dest::LocalSink *>(first.get())->partialPath();
}
} // namespace

class TestDestLocalResume final : public QObject
{
    Q_OBJECT

private slots:
    void continuesKeptPartialByteExact()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        destination.setCheckpointInterval(Interval);
        const QByteArray body = randomBody(10 * Interval + 123, 1);
        QString partial;
        qint64 durableAt = 0;
        {
            std::unique_ptr<Dest::Sink> first(destination.openSink(target(u"A/f.bin"_s, body.size(), u"r1"_s),
                                                                   Dest::ConflictPolicy::Overwrite));
            QCOMPARE(first->checkpointInterval(), Interval);
            QCOMPARE(first->startOffset(), 0);
            QSignalSpy durable(first.get(), &Dest::Sink::durable);
            QVERIFY(writeRange(first.get(), body, 0, 4 * Interval + 5000));
            durableAt = waitDurable(durable, 4 * Interval);
            QCOMPARE(durableAt, 4 * Interval);
            qint64 previous = 0;
            for (const QList<QVariant> &signal : durable)
            {
                const qint64 offset = signal.at(0).toLongLong();
                QVERIFY(offset > previous);
                QCOMPARE(offset % Interval, 0);
                previous = offset;
            }
            partial = static_cast<Dest::LocalSink *>(first.get())->partialPath();
            first->suspend();
        }
        // Kept, and nothing at the final name.
        QCOMPARE(allFiles(dir.path()), QStringList {QDir(dir.path()).relativeFilePath(partial)});
        QVERIFY(readFile(partial).startsWith(body.left(durableAt)));

        std::unique_ptr<Dest::Sink> second(destination.openSink(target(u"A/f.bin"_s, body.size(), u"r1"_s, durableAt),
                                                                Dest::ConflictPolicy::Overwrite));
        QCOMPARE(second->startOffset(), durableAt);
        QCOMPARE(static_cast<Dest::LocalSink *>(second.get())->partialPath(), partial);
        // readBack sees the kept prefix (a caller without a hash state re-reads it).
        QByteArray head(1000, Qt::Uninitialized);
        QCOMPARE(second->readBack(durableAt - 1000, head.data(), head.size()), 1000);
        QCOMPARE(head, body.mid(durableAt - 1000, 1000));
        QVERIFY(writeRange(second.get(), body, durableAt, body.size()));
        QVERIFY(commit(second.get()));
        QCOMPARE(allFiles(dir.path()), QStringList {u"A/f.bin"_s});
        QVERIFY(readFile(dir.filePath(u"A/f.bin"_s)) == body);
    }

    void outOfOrderPartsCheckpointTheContiguousPrefix()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        destination.setCheckpointInterval(Interval);
        const QByteArray body = randomBody(6 * Interval, 2);
        std::unique_ptr<Dest::Sink> sink(destination.openSink(target(u"p.bin"_s, body.size(), u"r"_s),
                                                              Dest::ConflictPolicy::Overwrite));
        QSignalSpy durable(sink.get(), &Dest::Sink::durable);
        // A later range first: nothing before it is written, so nothing is durable.
        QVERIFY(writeRange(sink.get(), body, 3 * Interval, 6 * Interval));
        QVERIFY(!durable.wait(300));
        QVERIFY(writeRange(sink.get(), body, 0, 3 * Interval));
        QCOMPARE(waitDurable(durable, 6 * Interval), 6 * Interval);
        QVERIFY(commit(sink.get()));
        QVERIFY(readFile(dir.filePath(u"p.bin"_s)) == body);
    }

    void syncHoldsThePrefixBackTwoIntervalsAhead()
    {
        // A disk slower than the network: while a checkpoint's fdatasync runs, the prefix may run at most two
        // intervals past what is durable (a kill loses that much at most); readyForMore() once the sync lands.
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        destination.setCheckpointInterval(Interval);
        const QByteArray body = randomBody(4 * Interval, 5);
        std::unique_ptr<Dest::Sink> sink(destination.openSink(target(u"b.bin"_s, body.size(), u"r"_s),
                                                              Dest::ConflictPolicy::Overwrite));
        QSignalSpy durable(sink.get(), &Dest::Sink::durable);
        QSignalSpy ready(sink.get(), &Dest::Sink::readyForMore);
        // No event is processed below: the sync started at the first boundary cannot be seen to land.
        QCOMPARE(sink->write(0, body.constData(), Interval), Interval);
        QCOMPARE(sink->write(Interval, body.constData() + Interval, Interval), Interval);
        QCOMPARE(sink->write(2 * Interval, body.constData() + 2 * Interval, 1000), 0);
        // A range ahead of the prefix (another stream's part) is not held back.
        QCOMPARE(sink->write(3 * Interval, body.constData() + 3 * Interval, Interval), Interval);
        QVERIFY(ready.wait(5000));
        QVERIFY(!durable.isEmpty());
        QVERIFY(writeRange(sink.get(), body, 2 * Interval, 3 * Interval));
        QVERIFY(commit(sink.get()));
        QVERIFY(readFile(dir.filePath(u"b.bin"_s)) == body);
    }

    void anotherRevisionStartsOver()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        destination.setCheckpointInterval(Interval);
        const QByteArray oldBody = randomBody(5 * Interval, 3);
        const QByteArray newBody = randomBody(5 * Interval + 9, 4);
        const QString oldPartial = suspendedAt(destination, u"f.bin"_s, u"r1"_s, oldBody, 2 * Interval);
        QVERIFY(QFile::exists(oldPartial));
        std::unique_ptr<Dest::Sink> second(destination.openSink(target(u"f.bin"_s, newBody.size(), u"r2"_s, 2 * Interval),
                                                                Dest::ConflictPolicy::Overwrite));
        QCOMPARE(second->startOffset(), 0);
        const QString newPartial = static_cast<Dest::LocalSink *>(second.get())->partialPath();
        QVERIFY(newPartial != oldPartial);
        QVERIFY(!QFile::exists(oldPartial)); // the stale revision's bytes are gone
        QCOMPARE(allFiles(dir.path()), QStringList {QFileInfo(newPartial).fileName()});
        QVERIFY(writeRange(second.get(), newBody, 0, newBody.size()));
        QVERIFY(commit(second.get()));
        QCOMPARE(allFiles(dir.path()), QStringList {u"f.bin"_s});
        QVERIFY(readFile(dir.filePath(u"f.bin"_s)) == newBody);
    }

    void shorterPartialStartsOver()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        destination.setCheckpointInterval(Interval);
        const QByteArray body = randomBody(4 * Interval, 5);
        const QString partial = suspendedAt(destination, u"s.bin"_s, u"r"_s, body, 2 * Interval);
        QVERIFY(QFile::exists(partial));
        // Lost its tail (a file system that did not keep what it said was synced, or a hand at work).
        QVERIFY(QFile::resize(partial, 2 * Interval - 1));
        std::unique_ptr<Dest::Sink> second(destination.openSink(target(u"s.bin"_s, body.size(), u"r"_s, 2 * Interval),
                                                                Dest::ConflictPolicy::Overwrite));
        QCOMPARE(second->startOffset(), 0);
        QVERIFY(writeRange(second.get(), body, 0, body.size()));
        QVERIFY(commit(second.get()));
        QVERIFY(readFile(dir.filePath(u"s.bin"_s)) == body);
        QCOMPARE(allFiles(dir.path()), QStringList {u"s.bin"_s});
    }

    void withoutListenerNothingIsKept()
    {
        // No journal listens: no checkpoint is ever announced, so suspend() cannot leave anything to continue.
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        destination.setCheckpointInterval(Interval);
        std::unique_ptr<Dest::Sink> sink(destination.openSink(target(u"n.bin"_s, 3 * Interval, u"r"_s),
                                                              Dest::ConflictPolicy::Overwrite));
        const QByteArray body = randomBody(3 * Interval, 6);
        QVERIFY(writeRange(sink.get(), body, 0, 2 * Interval));
        sink->suspend();
        QCOMPARE(allFiles(dir.path()), QStringList());
    }

    void abortRemovesContinuedPartial()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        destination.setCheckpointInterval(Interval);
        const QByteArray body = randomBody(3 * Interval, 7);
        QVERIFY(!suspendedAt(destination, u"x.bin"_s, u"r"_s, body, Interval).isEmpty());
        std::unique_ptr<Dest::Sink> second(destination.openSink(target(u"x.bin"_s, body.size(), u"r"_s, Interval),
                                                                Dest::ConflictPolicy::Overwrite));
        QCOMPARE(second->startOffset(), Interval);
        second->abort();
        QCOMPARE(allFiles(dir.path()), QStringList());
    }

    void wholeFilesRoundTrip()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path() + u"/root"_s);
        QVERIFY(QDir().mkpath(dir.path() + u"/root"_s));
        const QString runs = u"_drive_ingest/runs"_s;
        QCOMPARE(ResumeTest::listNames(destination, runs), QStringList()); // no folder yet: empty, no error
        QCOMPARE(writeWhole(destination, runs + u"/r1.jsonl"_s, "{\"a\":1}\n"_ba), QString());
        QCOMPARE(writeWhole(destination, runs + u"/r2.jsonl"_s, "{\"b\":2}\n"_ba), QString());
        QCOMPARE(writeWhole(destination, runs + u"/r1.jsonl"_s, "{\"a\":3}\n"_ba), QString()); // replaced
        QCOMPARE(readFile(dir.path() + u"/root/_drive_ingest/runs/r1.jsonl"_s), "{\"a\":3}\n"_ba);
        QCOMPARE(readWhole(destination, runs + u"/r1.jsonl"_s, 100), "{\"a\":3}\n"_ba);
        QCOMPARE(readWhole(destination, runs + u"/r1.jsonl"_s, 3), "<error tooLarge>"_ba);
        QCOMPARE(readWhole(destination, runs + u"/none.jsonl"_s, 100), "<error notFound>"_ba);
        QCOMPARE(ResumeTest::listNames(destination, runs), (QStringList {u"r1.jsonl"_s, u"r2.jsonl"_s}));
        QCOMPARE(allFiles(dir.path()), (QStringList {u"root/_drive_ingest/runs/r1.jsonl"_s, u"root/_drive_ingest/runs/r2.jsonl"_s}));
    }

    void wholeFilesStayBelowRoot()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.path() + u"/root"_s));
        QVERIFY(QDir().mkpath(dir.path() + u"/outside"_s));
        Dest::LocalDestination destination(dir.path() + u"/root"_s);
        QCOMPARE(writeWhole(destination, u"../escape.jsonl"_s, "x"_ba), u"invalidDestination"_s);
        // A link planted below the root is never walked through.
        QVERIFY(QFile::link(dir.path() + u"/outside"_s, dir.path() + u"/root/_drive_ingest"_s));
        QCOMPARE(writeWhole(destination, u"_drive_ingest/runs/r.jsonl"_s, "x"_ba), u"symlinkInPath"_s);
        QCOMPARE(readWhole(destination, u"_drive_ingest/runs/r.jsonl"_s, 10), "<error notFound>"_ba);
        QCOMPARE(allFiles(dir.path() + u"/outside"_s), QStringList());
    }

    void failedWholeWriteKeepsOldContent()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        QCOMPARE(writeWhole(destination, u"_drive_ingest/runs/r.jsonl"_s, "old content\n"_ba), QString());
        // The file system refuses the new bytes half-way: a file-size limit of 1000 bytes (EFBIG past it).
        struct rlimit before {};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &before), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = before;
        small.rlim_cur = 1000;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
        const QString reason = writeWhole(destination, u"_drive_ingest/runs/r.jsonl"_s, QByteArray(5000, 'n'));
        ::setrlimit(RLIMIT_FSIZE, &before);
        std::signal(SIGXFSZ, previousHandler);
        QCOMPARE(reason, u"writeError"_s);
        QCOMPARE(readFile(dir.filePath(u"_drive_ingest/runs/r.jsonl"_s)), "old content\n"_ba);
        QCOMPARE(allFiles(dir.path()), QStringList {u"_drive_ingest/runs/r.jsonl"_s}); // no temporary left
    }

};

QTEST_GUILESS_MAIN(TestDestLocalResume)
#include "tst_dest_localresume.moc"
