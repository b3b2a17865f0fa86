// SPDX-License-Identifier: GPL-3.0-or-later
// OpenSSL EVP (Util::StreamHasher) against QCryptographicHash over 64 MiB in 1 MiB blocks, as a body streams.
// Run: ctest -L bench -R bench_hash -V   (or ./bench_hash -iterations 3)
#include "util/hasher.h"

#include <QCryptographicHash>
#include <QTest>

using Util::StreamHasher;

namespace
{
constexpr qsizetype BlockSize = 1024 * 1024;
constexpr int Blocks = 64;
} // namespace

class BenchHash final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void evpMd5();
    void qtMd5();
    void evpSha256();
    void qtSha256();
    void evpBoth();

private:
    QByteArray m_block;
};

void BenchHash::initTestCase()
{
    m_block = QByteArray(BlockSize, Qt::Uninitialized);
    for (qsizetype i = 0; i < m_block.size(); ++i)
    {
        m_block[i] = static_cast<char>((i * 131) ^ (i >> 9));
    }
}

void BenchHash::evpMd5()
{
    QByteArray digest;
    QBENCHMARK
    {
        StreamHasher hasher(StreamHasher::Md5);
        for (int i = 0; i < Blocks; ++i)
        {
            hasher.addData(m_block);
        }
        digest = hasher.md5Hex();
    }
    QCOMPARE(digest.size(), 32);
}

void BenchHash::qtMd5()
{
    QByteArray digest;
    QBENCHMARK
    {
        QCryptographicHash hash(QCryptographicHash::Md5);
        for (int i = 0; i < Blocks; ++i)
        {
            hash.addData(m_block);
        }
        digest = hash.result().toHex();
    }
    QCOMPARE(digest.size(), 32);
}

void BenchHash::evpSha256()
{
    QByteArray digest;
    QBENCHMARK
    {
        StreamHasher hasher(StreamHasher::Sha256);
        for (int i = 0; i < Blocks; ++i)
        {
            hasher.addData(m_block);
        }
        digest = hasher.sha256Hex();
    }
    QCOMPARE(digest.size(), 64);
}

void BenchHash::qtSha256()
{
    QByteArray digest;
    QBENCHMARK
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (int i = 0; i < Blocks; ++i)
        {
            hash.addData(m_block);
        }
        digest = hash.result().toHex();
    }
    QCOMPARE(digest.size(), 64);
}

void BenchHash::evpBoth()
{
    QByteArray digest;
    QBENCHMARK
    {
        StreamHasher hasher(StreamHasher::Md5 | StreamHasher::Sha256);
        for (int i = 0; i < Blocks; ++i)
        {
            hasher.addData(m_block);
        }
        digest = hasher.md5Hex() + hasher.sha256Hex();
    }
    QCOMPARE(digest.size(), 96);
}

QTEST_GUILESS_MAIN(BenchHash)
#include "bench_hash.moc"
