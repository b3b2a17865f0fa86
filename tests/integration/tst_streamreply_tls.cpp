// SPDX-License-Identifier: GPL-3.0-or-later
// Net::StreamReply over TLS, against the sandbox's --tls (issue 14): Drive always answers over TLS, and Qt's
// QSslSocket announces every 4 KiB it decrypts. The body must still come to the reader in large pieces (4 KiB
// pieces were each written, counted and hashed on the network thread: 262,144 a GiB) and whole, byte for byte,
// whether the reader drops each piece at once or keeps them all (the reply reuses the buffers no one holds).
#include "net/network.h"
#include "net/streamreply.h"
#include "sandboxprocess.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray Token = "sandbox-static-token-for-tls-stream-tests";
const QString TenMiB = u"Drive Ingest Demo/Binary/10MiB.bin"_s;
constexpr qint64 TlsRecord = 16 * 1024; ///< the most one TLS record carries
} // namespace

class TestStreamReplyTls final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
        QCOMPARE(m_sandbox.baseUrl().scheme(), u"https"_s);
        QString error;
        QVERIFY2(Net::configureTls(m_sandbox.readyInfo().value(u"ca_file"_s).toString(), &error), qPrintable(error));
        m_id = m_sandbox.idOf(TenMiB);
        QVERIFY(!m_id.isEmpty());
        const SandboxProcess::Reply meta = m_sandbox.get(u"/drive/v3/files/%1?fields=size,md5Checksum"_s.arg(m_id),
                                                         {{"Authorization", "Bearer " + Token}});
        QCOMPARE(meta.status, 200);
        m_size = meta.json().value(u"size"_s).toString().toLongLong();
        m_md5 = meta.json().value(u"md5Checksum"_s).toString().toLatin1();
        QCOMPARE(m_size, qint64(10) << 20);
    }

    void aBodyComesInPiecesLargerThanTlsReads_data()
    {
        QTest::addColumn<qint64>("readBuffer");
        QTest::addColumn<bool>("keepPieces");
        QTest::newRow("unbounded, pieces dropped") << qint64(0) << false;
        QTest::newRow("256 KiB bound, pieces dropped") << qint64(256 << 10) << false;
        QTest::newRow("256 KiB bound, every piece kept") << qint64(256 << 10) << true;
    }

    void aBodyComesInPiecesLargerThanTlsReads()
    {
        QFETCH(qint64, readBuffer);
        QFETCH(bool, keepPieces);
        QNetworkRequest request(m_sandbox.url(u"/drive/v3/files/%1?alt=media"_s.arg(m_id)));
        request.setRawHeader("Authorization", "Bearer " + Token);
        Net::StreamReply reply(request, QNetworkProxy(QNetworkProxy::NoProxy));
        reply.setReadBufferSize(readBuffer);
        QSignalSpy finished(&reply, &QNetworkReply::finished);

        QCryptographicHash md5(QCryptographicHash::Md5);
        QList<QByteArray> kept;
        qint64 bytes = 0;
        int pieces = 0;
        const auto takeAll = [&] {
            for (QByteArray piece = reply.readChunk(qint64(1) << 30); !piece.isEmpty(); piece = reply.readChunk(qint64(1) << 30))
            {
                ++pieces;
                bytes += piece.size();
                md5.addData(piece);
                if (keepPieces)
                    kept.append(piece); // the reply must not write into a buffer someone holds
            }
        };
        connect(&reply, &QIODevice::readyRead, this, takeAll);
        QVERIFY(finished.wait(30000) || finished.size() == 1);
        takeAll();

        QCOMPARE(reply.error(), QNetworkReply::NoError);
        QCOMPARE(bytes, m_size);
        QCOMPARE(md5.result().toHex(), m_md5);
        if (keepPieces)
        {
            QCryptographicHash again(QCryptographicHash::Md5);
            for (const QByteArray &piece : std::as_const(kept))
                again.addData(piece);
            QCOMPARE(again.result().toHex(), m_md5); // nothing kept was overwritten afterwards
        }
        // At most one piece per TLS record (one read takes whatever the socket decrypted); reading on each of
        // QSslSocket's readyRead made four per record.
        QVERIFY2(pieces <= m_size / TlsRecord, qPrintable(u"%1 pieces for %2 bytes"_s.arg(pieces).arg(m_size)));
    }

private:
    SandboxProcess m_sandbox {QStringList {u"--tls"_s, u"--static-token"_s, QString::fromLatin1(Token)}};
    QString m_id;
    qint64 m_size = 0;
    QByteArray m_md5;
};

QTEST_GUILESS_MAIN(TestStreamReplyTls)
#include "tst_streamreply_tls.moc"
