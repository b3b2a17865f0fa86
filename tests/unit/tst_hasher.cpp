// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/hasher.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using Util::StreamHasher;

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

QTEST_GUILESS_MAIN(TestHasher)
#include "tst_hasher.moc"
