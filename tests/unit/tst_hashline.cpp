// SPDX-License-Identifier: GPL-3.0-or-later
// Transfer::HashLine: a file's hash on a pool thread, fed shared buffers in order, with checkpoint states.
#include "transfer/hashline.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using Transfer::HashLine;
using Util::StreamHasher;

namespace
{
QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray out(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (qint64 i = 0; i < size; ++i)
        out[i] = char(generator.generate() & 0xff);
    return out;
}

QByteArray hexOf(const QByteArray &data, QCryptographicHash::Algorithm algorithm)
{
    return QCryptographicHash::hash(data, algorithm).toHex();
}

/// Feeds `data` from `from` in pieces of `piece` bytes (each its own QByteArray, as a reply hands them over).
void feedAll(HashLine &line, const QByteArray &data, qint64 from, qint64 piece)
{
    for (qint64 at = from; at < data.size(); at += piece)
    {
        const qint64 n = std::min(piece, data.size() - at);
        // A piece inside a larger buffer, at an offset: the line hashes exactly [pos, pos + n).
        const QByteArray buffer = QByteArray(7, 'p') + data.mid(at, n) + QByteArray(5, 's');
        line.feed(buffer, 7, n);
    }
}
} // namespace

class TestHashLine final : public QObject
{
    Q_OBJECT

private slots:
    void matchesOneShot_data()
    {
        QTest::addColumn<qint64>("piece");
        QTest::newRow("small pieces, hashed on the spot") << qint64(4093);
        QTest::newRow("1 MiB pieces, on the pool") << qint64(1 << 20);
        QTest::newRow("pieces past the queue bound") << HashLine::MaxQueued + 12345;
    }
    void matchesOneShot()
    {
        QFETCH(qint64, piece);
        const QByteArray data = randomBytes(13 * (1 << 20) + 777, 1);
        HashLine line(StreamHasher::Md5 | StreamHasher::Sha256);
        feedAll(line, data, 0, piece);
        QCOMPARE(line.bytesFed(), data.size());
        QCOMPARE(line.md5Hex(), hexOf(data, QCryptographicHash::Md5));
        QCOMPARE(line.sha256Hex(), hexOf(data, QCryptographicHash::Sha256));
        // The pool's CPU time is counted (the stream planner weighs it): md5 and sha256 over 13 MiB take ms.
        if (piece >= HashLine::InlineBelow)
            QVERIFY(line.cpuMs() > 0);
        else
            QCOMPARE(line.cpuMs(), 0);
    }

    void mixedPiecesKeepTheirOrder()
    {
        // Small pieces are hashed on the spot only when nothing waits: else they would overtake queued ones.
        const QByteArray data = randomBytes(9 * (1 << 20), 2);
        HashLine line(StreamHasher::Sha256);
        QRandomGenerator sizes(3);
        for (qint64 at = 0; at < data.size();)
        {
            const qint64 n = std::min<qint64>(data.size() - at, sizes.bounded(2) ? 1000 : (2 << 20));
            line.feed(data.mid(at, n), 0, n);
            at += n;
        }
        QCOMPARE(line.sha256Hex(), hexOf(data, QCryptographicHash::Sha256));
    }

    void theCallersBufferMayChangeAtOnce()
    {
        // A queued piece holds its own reference: the caller writing into its array detaches it.
        const QByteArray data = randomBytes(8 * (1 << 20), 4);
        HashLine line(StreamHasher::Sha256);
        QByteArray buffer;
        for (qint64 at = 0; at < data.size(); at += 1 << 20)
        {
            buffer = data.mid(at, 1 << 20);
            line.feed(buffer, 0, buffer.size());
            buffer.fill('x');
        }
        QCOMPARE(line.sha256Hex(), hexOf(data, QCryptographicHash::Sha256));
    }

    void checkpointsContinueTheHash()
    {
        constexpr qint64 MiB = 1 << 20;
        const QByteArray data = randomBytes(10 * MiB + MiB / 2, 5);
        HashLine line(StreamHasher::Sha256);
        line.setCheckpointInterval(MiB);
        feedAll(line, data, 0, 300001);
        const QByteArray at3 = line.takeCheckpoint(3 * MiB);
        QVERIFY(line.takeCheckpoint(3 * MiB + 1).isEmpty()); // not a multiple
        const QByteArray at7 = line.takeCheckpoint(7 * MiB);
        QVERIFY(!at3.isEmpty());
        QVERIFY(!at7.isEmpty());
        QVERIFY(line.takeCheckpoint(5 * MiB).isEmpty()); // older than one taken: dropped
        const QByteArray whole = line.sha256Hex();
        QCOMPARE(whole, hexOf(data, QCryptographicHash::Sha256));

        for (const auto &[offset, state] : {std::pair {3 * MiB, at3}, std::pair {7 * MiB, at7}})
        {
            HashLine resumed(StreamHasher::Sha256);
            resumed.setCheckpointInterval(MiB);
            QVERIFY(resumed.restoreState(state));
            QCOMPARE(resumed.bytesFed(), offset);
            feedAll(resumed, data, offset, 1 << 20);
            QVERIFY(!resumed.takeCheckpoint(9 * MiB).isEmpty()); // the multiples go on from the restored count
            QCOMPARE(resumed.sha256Hex(), whole);
        }
    }

    void aStateThatDoesNotFitIsRefused()
    {
        const QByteArray data = randomBytes(3 * (1 << 20), 6);
        HashLine line(StreamHasher::Md5);
        feedAll(line, data, 0, 1 << 20);
        QVERIFY(!line.restoreState("not a state"));
        QVERIFY(!line.restoreState(QByteArray())); // empty
        QCOMPARE(line.md5Hex(), hexOf(data, QCryptographicHash::Md5)); // unchanged, after the queue drained
    }

    void destroyedWithWorkQueued()
    {
        const QByteArray data = randomBytes(2 * HashLine::MaxQueued, 7);
        for (int i = 0; i < 20; ++i)
        {
            HashLine line(StreamHasher::Md5 | StreamHasher::Sha256);
            feedAll(line, data, 0, 1 << 20);
        } // each waits for the piece being hashed and drops the rest
        HashLine last(StreamHasher::Md5);
        feedAll(last, data, 0, 1 << 20);
        QCOMPARE(last.md5Hex(), hexOf(data, QCryptographicHash::Md5));
    }
};

QTEST_GUILESS_MAIN(TestHashLine)
#include "tst_hashline.moc"
