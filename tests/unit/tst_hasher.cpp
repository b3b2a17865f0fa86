// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/hasher.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using Util::StreamHasher;

namespace
{
// saveState(): magic (4), version (1), algorithms (1), bytes (8); then the md5 context's size (2) and bytes,
// whose first 16 bytes are A..D and next 4 the low bit counter.
constexpr qsizetype StreamHasherStateHeaderForTest = 14;
} // namespace

class TestHasher final : public QObject
{
    Q_OBJECT

private slots:
    void knownVectors_data();
    void knownVectors();
    void chunkedMatchesQCryptographicHash();
    void onlySelectedAlgorithms();
    void finalizeOnceAndReset();
    void move();
    void saveAndRestoreContinues_data();
    void saveAndRestoreContinues();
    void foreignStateRefused();
};

void TestHasher::knownVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("md5");
    QTest::addColumn<QByteArray>("sha256");
    QTest::newRow("empty") << QByteArray() << "d41d8cd98f00b204e9800998ecf8427e"_ba
                           << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_ba;
    QTest::newRow("abc") << "abc"_ba << "900150983cd24fb0d6963f7d28e17f72"_ba
                         << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_ba;
    QTest::newRow("fox") << "The quick brown fox jumps over the lazy dog"_ba << "9e107d9d372bb6826bd81d3542a419d6"_ba
                         << "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"_ba;
    QTest::newRow("million a") << QByteArray(1000000, 'a') << "7707d6ae4e027c70eea2a935c2296f21"_ba
                               << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"_ba;
}

void TestHasher::knownVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, md5);
    QFETCH(QByteArray, sha256);
    StreamHasher hasher(StreamHasher::Md5 | StreamHasher::Sha256);
    hasher.addData(input);
    QCOMPARE(hasher.md5Hex(), md5);
    QCOMPARE(hasher.sha256Hex(), sha256);
    QCOMPARE(hasher.bytesHashed(), input.size());
}

void TestHasher::chunkedMatchesQCryptographicHash()
{
    // Odd chunk sizes, as readyRead delivers them.
    QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    QRandomGenerator rng(42);
    for (char &c : data)
    {
        c = static_cast<char>(rng.bounded(256));
    }
    StreamHasher hasher(StreamHasher::Md5 | StreamHasher::Sha256);
    qsizetype offset = 0;
    qsizetype step = 1;
    while (offset < data.size())
    {
        const qsizetype n = std::min(step, data.size() - offset);
        hasher.addData(data.constData() + offset, n);
        offset += n;
        step = step * 3 + 7;
        if (step > 300000)
        {
            step = 13;
        }
    }
    QCOMPARE(hasher.md5Hex(), QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
    QCOMPARE(hasher.sha256Hex(), QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

void TestHasher::onlySelectedAlgorithms()
{
    StreamHasher md5Only(StreamHasher::Md5);
    md5Only.addData("abc"_ba);
    QCOMPARE(md5Only.md5Hex(), "900150983cd24fb0d6963f7d28e17f72"_ba);
    QVERIFY(md5Only.sha256Hex().isEmpty());
    QCOMPARE(md5Only.algorithms(), StreamHasher::Algorithms(StreamHasher::Md5));

    StreamHasher shaOnly(StreamHasher::Sha256);
    shaOnly.addData("abc"_ba);
    QVERIFY(shaOnly.md5Hex().isEmpty());
    QCOMPARE(shaOnly.sha256Hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_ba);
}

void TestHasher::finalizeOnceAndReset()
{
    StreamHasher hasher(StreamHasher::Md5 | StreamHasher::Sha256);
    hasher.addData("ab"_ba);
    hasher.addData("c"_ba);
    QCOMPARE(hasher.md5Hex(), "900150983cd24fb0d6963f7d28e17f72"_ba);
    QCOMPARE(hasher.md5Hex(), "900150983cd24fb0d6963f7d28e17f72"_ba); // same value, not a hash of nothing
    QTest::ignoreMessage(QtWarningMsg, "StreamHasher::addData after the digest was taken; call reset() first");
    hasher.addData("more"_ba);
    QCOMPARE(hasher.sha256Hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_ba);

    hasher.reset();
    QCOMPARE(hasher.bytesHashed(), 0);
    hasher.addData("The quick brown fox jumps over the lazy dog"_ba);
    QCOMPARE(hasher.md5Hex(), "9e107d9d372bb6826bd81d3542a419d6"_ba);
    hasher.reset();
    QCOMPARE(hasher.md5Hex(), "d41d8cd98f00b204e9800998ecf8427e"_ba);
}

void TestHasher::move()
{
    StreamHasher a(StreamHasher::Md5);
    a.addData("ab"_ba);
    StreamHasher b = std::move(a);
    b.addData("c"_ba);
    QCOMPARE(b.md5Hex(), "900150983cd24fb0d6963f7d28e17f72"_ba);
}

void TestHasher::saveAndRestoreContinues_data()
{
    QTest::addColumn<int>("algorithms");
    QTest::addColumn<int>("splitAt");
    // Split points inside a 64-byte block, on a block boundary and past 4 GiB of bits (the high counter word).
    QTest::newRow("both, mid-block") << int(StreamHasher::Md5 | StreamHasher::Sha256) << 1000003;
    QTest::newRow("both, block boundary") << int(StreamHasher::Md5 | StreamHasher::Sha256) << 1024 * 1024;
    QTest::newRow("md5 only") << int(StreamHasher::Md5) << 77;
    QTest::newRow("sha256 only") << int(StreamHasher::Sha256) << 5;
    QTest::newRow("nothing hashed yet") << int(StreamHasher::Md5 | StreamHasher::Sha256) << 0;
}

void TestHasher::saveAndRestoreContinues()
{
    QFETCH(int, algorithms);
    QFETCH(int, splitAt);
    QByteArray data(2 * 1024 * 1024 + 11, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (char &c : data)
        c = static_cast<char>(rng.bounded(256));
    const StreamHasher::Algorithms algos = StreamHasher::Algorithms::fromInt(algorithms);
    QByteArray saved;
    {
        StreamHasher first(algos);
        first.addData(data.constData(), splitAt);
        saved = first.saveState();
        QVERIFY(!saved.isEmpty());
    } // the hasher that saved is gone, as after a crash
    StreamHasher second(algos);
    second.addData("unrelated bytes the restore replaces"_ba);
    QVERIFY(second.restoreState(saved));
    QCOMPARE(second.bytesHashed(), qint64(splitAt));
    second.addData(data.constData() + splitAt, data.size() - splitAt);
    QCOMPARE(second.bytesHashed(), qint64(data.size()));
    if (algos.testFlag(StreamHasher::Md5))
        QCOMPARE(second.md5Hex(), QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
    if (algos.testFlag(StreamHasher::Sha256))
        QCOMPARE(second.sha256Hex(), QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    // After a digest the state is spent: nothing to save.
    QVERIFY(second.saveState().isEmpty());
}

void TestHasher::foreignStateRefused()
{
    StreamHasher both(StreamHasher::Md5 | StreamHasher::Sha256);
    both.addData("abcdefgh"_ba);
    const QByteArray good = both.saveState();
    QVERIFY(!good.isEmpty());

    StreamHasher target(StreamHasher::Md5 | StreamHasher::Sha256);
    target.addData("ab"_ba);
    QVERIFY(!target.restoreState({}));
    QVERIFY(!target.restoreState("garbage that is long enough to pass a size check, surely it is"_ba));
    QVERIFY(!target.restoreState(good.left(good.size() - 1))); // truncated
    QVERIFY(!target.restoreState(good + 'x')); // trailing bytes
    QByteArray otherVersion = good;
    otherVersion[4] = char(99);
    QVERIFY(!target.restoreState(otherVersion));
    QByteArray otherCount = good; // claims 9 bytes hashed; the contexts say 8
    otherCount[13] = char(9);
    QVERIFY(!target.restoreState(otherCount));
    QByteArray flipped = good; // a context's counter damaged
    flipped[StreamHasherStateHeaderForTest + 2 + 16] ^= 0x40;
    QVERIFY(!target.restoreState(flipped));
    // Another algorithm set is not this hasher's state.
    StreamHasher md5Only(StreamHasher::Md5);
    md5Only.addData("abcdefgh"_ba);
    QVERIFY(!target.restoreState(md5Only.saveState()));
    QVERIFY(!md5Only.restoreState(good));
    // Every refusal left the hasher as it was: "ab" + "c".
    QCOMPARE(target.bytesHashed(), 2);
    target.addData("c"_ba);
    QCOMPARE(target.md5Hex(), "900150983cd24fb0d6963f7d28e17f72"_ba);
    QCOMPARE(target.sha256Hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_ba);
}

QTEST_GUILESS_MAIN(TestHasher)
#include "tst_hasher.moc"
