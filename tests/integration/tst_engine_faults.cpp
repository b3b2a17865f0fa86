// SPDX-License-Identifier: GPL-3.0-or-later
// One test per fault class of DESIGN.md "Errors and retries", each against the real sandbox: the outcome,
// what the sandbox saw, and that no .partial or half file remains.
#include "tst_engine_support.h"

#include <QJsonArray>
#include <QProcess>
#include <QStorageInfo>
#include <QSet>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace EngineTest;

class TestEngineFaults final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    QJsonObject m_small;  ///< a binary of 64 KiB .. 2 MiB
    QJsonObject m_small2; ///< another one
    QJsonObject m_medium; ///< 1 MiB .. 16 MiB
    QJsonObject m_large;  ///< 4 MiB .. 32 MiB: four parts of at least 1 MiB

    void applyFileFaults(const QString &id, const QJsonObject &faults)
    {
        QVERIFY(m_sandbox->setFaults(QJsonObject {{u"files"_s, QJsonObject {{id, faults}}}}));
    }

private slots:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxProcess>(QStringList {u"--static-token"_s, QString::fromLatin1(Token), u"--quiet"_s});
        if (!m_sandbox->start())
            QSKIP(qPrintable(u"sandbox not available: "_s + m_sandbox->errorString()));
        m_small = findBinary(*m_sandbox, 60 * 1024, 2 << 20);
        m_small2 = findBinary(*m_sandbox, 1, 2 << 20, {m_small.value(u"id"_s).toString()});
        m_medium = findBinary(*m_sandbox, 1 << 20, 16 << 20);
        m_large = findBinary(*m_sandbox, 4 << 20, 32 << 20);
        QVERIFY(!m_large.isEmpty());
        QVERIFY2(!m_small.isEmpty() && !m_small2.isEmpty() && !m_medium.isEmpty(), "demo tree lacks small binaries");
    }

    void init()
    {
        QVERIFY(m_sandbox->reset());
    }

    void throttlingStorm()
    {
        // Every request over 3/s is refused with 429 + Retry-After: the run slows down and still completes.
        QVERIFY(m_sandbox->setFaults({{u"quota_qps"_s, 3}, {u"quota_burst"_s, 2}, {u"quota_status"_s, 429}, {u"retry_after_s"_s, 1}}));
        QTemporaryDir dir;
        const QList<Drive::DriveRef> sources {ref(m_small.value(u"id"_s).toString()), ref(m_small2.value(u"id"_s).toString()),
                                              ref(m_medium.value(u"id"_s).toString())};
        const RunResult r = runIngest(*m_sandbox, sources, dir.path(), fastOptions());
        QVERIFY(r.finished);
        QCOMPARE(r.report.totals.filesDone, 3);
        QVERIFY(r.report.totals.throttledTotal > 0);
        QVERIFY(m_sandbox->stats().value(u"throttled"_s).toInt() > 0);
        for (const QJsonObject &item : {m_small, m_small2, m_medium})
        {
            const Transfer::FileStatus *f = recordFor(r.report, item.value(u"id"_s).toString());
            QVERIFY(f);
            QCOMPARE(md5Of(f->destinationPath), item.value(u"md5"_s).toString());
        }
        QVERIFY(partialsUnder(dir.path()).isEmpty());
    }

    void serverErrorBurst()
    {
        const QString id = m_small.value(u"id"_s).toString();
        applyFileFaults(id, {{u"error_times"_s, 2}, {u"error_status"_s, 503}});
        QTemporaryDir dir;
        const RunResult r = runIngest(*m_sandbox, {ref(id)}, dir.path(), fastOptions());
        QCOMPARE(r.report.totals.filesDone, 1);
        const Transfer::FileStatus *f = recordFor(r.report, id);
        QVERIFY(f);
        QVERIFY(f->retries >= 2);
        QCOMPARE(md5Of(f->destinationPath), m_small.value(u"md5"_s).toString());
        const auto seen = mediaRequests(*m_sandbox, id);
        QVERIFY(seen.size() >= 3);
        QCOMPARE(seen.at(0).first, 503);
        QCOMPARE(seen.at(1).first, 503);
        QVERIFY(partialsUnder(dir.path()).isEmpty());
    }

    void resetMidBody()
    {
        const QString id = m_medium.value(u"id"_s).toString();
        const qint64 size = m_medium.value(u"size"_s).toVariant().toLongLong();
        applyFileFaults(id, {{u"reset_after_bytes"_s, 300000}, {u"reset_times"_s, 1}});
        QTemporaryDir dir;
        const RunResult r = runIngest(*m_sandbox, {ref(id)}, dir.path(), fastOptions());
        QCOMPARE(r.report.totals.filesDone, 1);
        const Transfer::FileStatus *f = recordFor(r.report, id);
        QVERIFY(f);
        QCOMPARE(f->bytesDone, size);
        QCOMPARE(md5Of(f->destinationPath), m_medium.value(u"md5"_s).toString());
        // The request after the reset resumed from the last good byte, not from 0 (log order may vary).
        QTRY_VERIFY_WITH_TIMEOUT(mediaRequests(*m_sandbox, id).size() >= 2, 10000);
        qint64 resumedFrom = -1;
        for (const auto &[status, range] : mediaRequests(*m_sandbox, id))
        {
            if (range.startsWith(u"bytes="_s))
                resumedFrom = range.mid(6, range.indexOf(u'-') - 6).toLongLong();
        }
        QVERIFY2(resumedFrom > 0 && resumedFrom <= 300000, qPrintable(QString::number(resumedFrom)));
        QVERIFY(partialsUnder(dir.path()).isEmpty());
    }

    void rangedPartsResume()
    {
        // Above the threshold the file comes as 4 ranged parts written in place; the first two bodies
        // break mid-way and their parts resume from their own last good byte.
        const QString id = m_large.value(u"id"_s).toString();
        const qint64 size = m_large.value(u"size"_s).toVariant().toLongLong();
        applyFileFaults(id, {{u"reset_after_bytes"_s, 100000}, {u"reset_times"_s, 2}});
        QTemporaryDir dir;
        Transfer::RunOptions options = fastOptions();
        options.rangedThreshold = 512 * 1024;
        options.streams = 4;
        const RunResult r = runIngest(*m_sandbox, {ref(id)}, dir.path(), options);
        QCOMPARE(r.report.totals.filesDone, 1);
        const Transfer::FileStatus *f = recordFor(r.report, id);
        QVERIFY(f);
        QCOMPARE(f->bytesDone, size);
        QVERIFY(f->retries >= 2);
        QCOMPARE(md5Of(f->destinationPath), m_large.value(u"md5"_s).toString());
        QTRY_VERIFY_WITH_TIMEOUT(mediaRequests(*m_sandbox, id).size() >= 6, 10000);
        QSet<QString> ranges;
        for (const auto &[status, range] : mediaRequests(*m_sandbox, id))
        {
            QVERIFY2(range.startsWith(u"bytes="_s), qPrintable(range));
            ranges.insert(range);
        }
        // 4 part ranges plus 2 resumed ones, all different.
        QVERIFY2(ranges.size() >= 6, qPrintable(QStringList(ranges.cbegin(), ranges.cend()).join(u", "_s)));
        QVERIFY(partialsUnder(dir.path()).isEmpty());
    }

    void stall()
    {
        const QString id = m_small.value(u"id"_s).toString();
        applyFileFaults(id, {{u"stall_after_bytes"_s, 20000}, {u"stall_ms"_s, 3000}, {u"stall_times"_s, 1}});
        QTemporaryDir dir;
        Transfer::RunOptions options = fastOptions();
        options.stallTimeoutMs = 1000;
        const RunResult r = runIngest(*m_sandbox, {ref(id)}, dir.path(), options);
        QCOMPARE(r.report.totals.filesDone, 1);
        const Transfer::FileStatus *f = recordFor(r.report, id);
        QVERIFY(f);
        QVERIFY(f->retries >= 1);
        QCOMPARE(md5Of(f->destinationPath), m_small.value(u"md5"_s).toString());
        // The stalled request is logged when the sandbox's handler ends, after its stall.
        QTRY_VERIFY_WITH_TIMEOUT(mediaRequests(*m_sandbox, id).size() >= 2, 10000);
        bool resumed = false;
        for (const auto &[status, range] : mediaRequests(*m_sandbox, id))
            resumed = resumed || (range.startsWith(u"bytes="_s) && !range.startsWith(u"bytes=0-"_s));
        QVERIFY2(resumed, "the request after the stall did not resume with Range");
        QVERIFY(partialsUnder(dir.path()).isEmpty());
    }

    void aStalledPartIsSplit()
    {
        // Two streams; one part's answer stalls for 3 s after 100 kB. The other stream takes the rest of the
        // file, then the second half of the stalled part (RangedFetch::split): a GET that starts at a whole MiB
        // inside the stalled range and ends where it ends; the stalled GET stops at that cut. The file is whole.
        const QJsonObject big = findBinary(*m_sandbox, 64 << 20, 256 << 20);
        QVERIFY2(!big.isEmpty(), "demo tree lacks a binary of 64-256 MiB");
        const QString id = big.value(u"id"_s).toString();
        applyFileFaults(id, {{u"stall_after_bytes"_s, 100000}, {u"stall_ms"_s, 3000}, {u"stall_times"_s, 1}});
        QTemporaryDir dir;
        Transfer::RunOptions options = fastOptions();
        options.streams = 2;
        const RunResult r = runIngest(*m_sandbox, {ref(id)}, dir.path(), options);
        QCOMPARE(r.report.totals.filesDone, 1);
        const Transfer::FileStatus *f = recordFor(r.report, id);
        QVERIFY(f);
        QCOMPARE(md5Of(f->destinationPath), big.value(u"md5"_s).toString());
        struct Range
        {
            qint64 first = 0;
            qint64 last = 0;
        };
        QList<Range> ranges;
        const auto collect = [&] {
            ranges.clear();
            for (const auto &[status, range] : mediaRequests(*m_sandbox, id))
            {
                const QStringList ends = range.mid(6).split(u'-');
                if (range.startsWith(u"bytes="_s) && ends.size() == 2)
                    ranges.append({ends.at(0).toLongLong(), ends.at(1).toLongLong()});
            }
            for (const Range &outer : ranges)
            {
                for (const Range &inner : ranges)
                {
                    if (inner.first > outer.first + 100000 && inner.first <= outer.last && inner.last == outer.last
                        && inner.first % (1 << 20) == 0)
                        return true;
                }
            }
            return false;
        };
        // The stalled request is logged when the sandbox's handler ends, after its stall.
        QTRY_VERIFY_WITH_TIMEOUT(collect(), 10000);
        QVERIFY(partialsUnder(dir.path()).isEmpty());
    }

    void chunksAskedTogetherGrowInFileOrder()
    {
        // A slow link (8 MB/s a connection): default options start one stream, measure it and step up, asking
        // for several chunks at once. Those grow in file order (RangedFetch::nextChunk()), so they end in order
        // and the hash follows them; equal chunks all ended together and the whole wave was read back and
        // hashed after the last byte (180 ms of a 1.05 s file). The file is whole.
        const QJsonObject big = findBinary(*m_sandbox, 64 << 20, 256 << 20);
        QVERIFY2(!big.isEmpty(), "demo tree lacks a binary of 64-256 MiB");
        const QString id = big.value(u"id"_s).toString();
        QVERIFY(m_sandbox->setFaults({{u"latency_ms"_s, 20}, {u"bandwidth_bps"_s, 8000000}}));
        QTemporaryDir dir;
        const RunResult r = runIngest(*m_sandbox, {ref(id)}, dir.path(), fastOptions());
        QCOMPARE(r.report.totals.filesDone, 1);
        const Transfer::FileStatus *f = recordFor(r.report, id);
        QVERIFY(f);
        QCOMPARE(md5Of(f->destinationPath), big.value(u"md5"_s).toString());
        // The chunks as asked, in file order: from 0, each the first GET that starts where the one before ends
        // (a split's GET starts inside a chunk, so it is not in the chain).
        QMap<qint64, qint64> lastByFirst;
        for (const auto &[status, range] : mediaRequests(*m_sandbox, id))
        {
            const QStringList ends = range.mid(6).split(u'-');
            if (range.startsWith(u"bytes="_s) && ends.size() == 2 && !lastByFirst.contains(ends.at(0).toLongLong()))
                lastByFirst.insert(ends.at(0).toLongLong(), ends.at(1).toLongLong());
        }
        QList<qint64> lengths;
        for (qint64 at = 0; lastByFirst.contains(at); at = lastByFirst.value(at) + 1)
            lengths.append(lastByFirst.value(at) + 1 - at);
        QVERIFY2(lengths.size() >= 4, qPrintable(u"chunks %1"_s.arg(lengths.size())));
        // The first chunk was asked alone; the last takes what is left. Those between were asked together.
        for (qsizetype i = 2; i + 1 < lengths.size(); ++i)
            QVERIFY2(lengths.at(i) > lengths.at(i - 1), qPrintable(u"chunk %1: %2 bytes after %3"_s.arg(i).arg(lengths.at(i)).arg(lengths.at(i - 1))));
    }

    void wrongChecksum()
    {
        const QString id = m_small.value(u"id"_s).toString();
        applyFileFaults(id, {{u"wrong_md5"_s, true}});
        QTemporaryDir dir;
        const RunResult r = runIngest(*m_sandbox, {ref(id)}, dir.path(), fastOptions());
        QCOMPARE(r.report.totals.filesFailed, 1);
        const Transfer::FileStatus *f = recordFor(r.report, id);
        QVERIFY(f);
        QCOMPARE(f->state, Transfer::FileState::Failed);
        QVERIFY2(f->lastError.message.contains(u"checksum mismatch"_s), qPrintable(f->lastError.message));
        // Retried from 0 before giving up; nothing at the final path, nothing beside it.
        QCOMPARE(mediaRequests(*m_sandbox, id).size(), Transfer::RunOptions().maxChecksumTries);
        QVERIFY(filesUnder(dir.path()).isEmpty());
    }

    void tokenExpiry()
    {
        const QString id = m_small.value(u"id"_s).toString();
        QTemporaryDir dir;
        const RunResult r = runIngest(*m_sandbox, {ref(id)}, dir.path(), fastOptions(), TokenKind::Expiring);
        QCOMPARE(r.report.totals.filesDone, 1);
        QVERIFY(r.authRequired.isEmpty());
        // The sandbox refused the expired token at least once before the refreshed one worked.
        bool saw401 = false;
        for (const QJsonValue &v : m_sandbox->stats().value(u"log"_s).toArray())
            saw401 = saw401 || v.toObject().value(u"status"_s).toInt() == 401;
        QVERIFY(saw401);
        const Transfer::FileStatus *f = recordFor(r.report, id);
        QVERIFY(f);
        QCOMPARE(md5Of(f->destinationPath), m_small.value(u"md5"_s).toString());
    }

    void tokenRefusedStopsRun()
    {
        // A static token that the server refuses cannot be refreshed: authRequired, files failed, no partials.
        QTemporaryDir dir;
        SandboxProcess other({u"--static-token"_s, u"some-other-token-123456"_s, u"--quiet"_s});
        QVERIFY(other.start());
        const QString id = findBinary(other, 1, 2 << 20).value(u"id"_s).toString();
        const RunResult r = runIngest(other, {ref(id)}, dir.path(), fastOptions());
        QVERIFY(r.finished);
        QCOMPARE(r.authRequired.size(), 1);
        QCOMPARE(r.report.totals.filesDone, 0);
        QVERIFY(filesUnder(dir.path()).isEmpty());
    }

    void downloadQuota()
    {
        const QString parked = m_small.value(u"id"_s).toString();
        const QString fine = m_small2.value(u"id"_s).toString();
        applyFileFaults(parked, {{u"download_quota_exceeded"_s, true}});
        QTemporaryDir dir;
        const RunResult r = runIngest(*m_sandbox, {ref(parked), ref(fine)}, dir.path(), fastOptions());
        QCOMPARE(r.report.totals.filesParked, 1);
        QCOMPARE(r.report.totals.filesDone, 1);
        const Transfer::FileStatus *p = recordFor(r.report, parked);
        QVERIFY(p);
        QCOMPARE(p->state, Transfer::FileState::Parked);
        QCOMPARE(p->lastError.reason, u"downloadQuotaExceeded"_s);
        // Not hammered: one media request only.
        QCOMPARE(mediaRequests(*m_sandbox, parked).size(), 1);
        QVERIFY(!QFile::exists(p->destinationPath));
        QVERIFY(partialsUnder(dir.path()).isEmpty());
    }

    void diskFull()
    {
        QTemporaryDir dir;
        const QString mountPoint = dir.filePath(u"tiny"_s);
        QVERIFY(QDir().mkpath(mountPoint));
        if (QProcess::execute(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=512k"_s, u"tmpfs"_s, mountPoint}) != 0)
            QSKIP("cannot mount a small tmpfs here (needs root)");
        auto unmount = qScopeGuard([&] { QProcess::execute(u"umount"_s, {mountPoint}); });
        // Full for everyone: 16 KiB left (a file merely bigger than what is free fails alone, issue 16 item 11,
        // tst_engine_localnames::oneFileDoesNotStopTheRun).
        {
            QFile filler(mountPoint + u"/filler"_s);
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const qint64 fill = QStorageInfo(mountPoint).bytesAvailable() - 16 * 1024;
            QVERIFY(fill > 0);
            QCOMPARE(filler.write(QByteArray(fill, 'f')), fill);
        }
        const QString id = m_medium.value(u"id"_s).toString();
        const RunResult r = runIngest(*m_sandbox, {ref(id), ref(m_small.value(u"id"_s).toString())}, mountPoint, fastOptions());
        QVERIFY(r.finished);
        QCOMPARE(r.runFailures.size(), 1);
        QCOMPARE(r.runFailures.at(0).errorClass, Net::ErrorClass::Local);
        QCOMPARE(r.runFailures.at(0).reason, u"diskFull"_s);
        QVERIFY(partialsUnder(mountPoint).isEmpty());
        // The run stops at the first file that finds the disk full; the other source may not even be listed by
        // then (the two are resolved in parallel), so it may have no record. Every file that has one is not
        // presented as landed, and nothing of it is at the destination.
        QVERIFY(!r.report.files.isEmpty());
        for (const Transfer::FileStatus &f : r.report.files)
        {
            QVERIFY2(f.state != Transfer::FileState::Done, qPrintable(f.drivePath));
            QVERIFY2(!QFile::exists(f.destinationPath), qPrintable(f.destinationPath));
        }
        if (const Transfer::FileStatus *medium = recordFor(r.report, id))
            QVERIFY(!QFile::exists(medium->destinationPath));
    }

    void cancelLeavesNothing()
    {
        // 200 KB/s per connection: a MiB-sized file is still in flight when cancel() arrives.
        QVERIFY(m_sandbox->setFaults({{u"bandwidth_bps"_s, 200000}}));
        const QString id = m_medium.value(u"id"_s).toString();
        QTemporaryDir dir;
        const RunResult r = runIngest(*m_sandbox, {ref(id)}, dir.path(), fastOptions(), TokenKind::Static, 30000,
                                      [](Transfer::EngineHost &host, const Transfer::Snapshot &) { host.cancel(); });
        QCOMPARE(r.report.totals.filesCancelled, 1);
        QVERIFY(filesUnder(dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEngineFaults)
#include "tst_engine_faults.moc"
