// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/serviceaccount.h"
#include "testkeys.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace Qt::StringLiterals;

namespace
{
struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

QByteArray privatePem(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, length);
    BIO_free(bio);
    return pem;
}

QByteArray keyJson(const QByteArray &pem, const QString &type = u"service_account"_s)
{
    return QJsonDocument(QJsonObject {
                             { u"type"_s, type },
                             { u"project_id"_s, u"p"_s },
                             { u"private_key_id"_s, u"kid-123"_s },
                             { u"private_key"_s, QString::fromLatin1(pem) },
                             { u"client_email"_s, u"ingest@p.iam.gserviceaccount.com"_s },
                             { u"token_uri"_s, u"https://oauth2.googleapis.com/token"_s },
                         })
        .toJson();
}

bool verifyRs256(EVP_PKEY *key, const QByteArray &signingInput, const QByteArray &signature)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    bool ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.constData()),
               static_cast<size_t>(signature.size()), reinterpret_cast<const unsigned char *>(signingInput.constData()),
               static_cast<size_t>(signingInput.size()))
            == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

QJsonObject part(const QByteArray &jwt, int index)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(jwt.split('.').at(index), QByteArray::Base64UrlEncoding))
        .object();
}
} // namespace

class TestAuthJwt final : public QObject
{
    Q_OBJECT

private:
    PkeyPtr m_rsa;

private slots:
    void initTestCase()
    {
        m_rsa.reset(EVP_RSA_gen(2048));
        QVERIFY(m_rsa);
    }

    void jwtStructureAndSignature()
    {
        QString error;
        const auto key = Auth::ServiceAccountKey::fromJson(keyJson(privatePem(m_rsa.get())), &error);
        QVERIFY2(key, qPrintable(error));
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
        const QByteArray jwt
            = Auth::createServiceAccountJwt(*key, u"https://www.googleapis.com/auth/drive.readonly"_s, {}, now, &error);
        QVERIFY2(!jwt.isEmpty(), qPrintable(error));
        const QList<QByteArray> parts = jwt.split('.');
        QCOMPARE(parts.size(), 3);
        for (const QByteArray &p : parts)
        {
            QVERIFY(!p.contains('='));
            QVERIFY(!p.contains('+'));
            QVERIFY(!p.contains('/'));
        }
        const QJsonObject header = part(jwt, 0);
        QCOMPARE(header.value(u"alg"_s).toString(), u"RS256"_s);
        QCOMPARE(header.value(u"typ"_s).toString(), u"JWT"_s);
        QCOMPARE(header.value(u"kid"_s).toString(), u"kid-123"_s);
        const QJsonObject claims = part(jwt, 1);
        QCOMPARE(claims.value(u"iss"_s).toString(), u"ingest@p.iam.gserviceaccount.com"_s);
        QCOMPARE(claims.value(u"aud"_s).toString(), u"https://oauth2.googleapis.com/token"_s);
        QCOMPARE(claims.value(u"scope"_s).toString(), u"https://www.googleapis.com/auth/drive.readonly"_s);
        QCOMPARE(claims.value(u"iat"_s).toInteger(), 1'800'000'000);
        QCOMPARE(claims.value(u"exp"_s).toInteger(), 1'800'003'600);
        QVERIFY(!claims.contains(u"sub"_s));
        const QByteArray signature = QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding);
        QCOMPARE(signature.size(), 256);
        QVERIFY(verifyRs256(m_rsa.get(), parts.at(0) + '.' + parts.at(1), signature));
        // A changed claim no longer matches the signature.
        QVERIFY(!verifyRs256(m_rsa.get(), parts.at(0) + '.' + parts.at(1) + 'x', signature));
        // And another key does not verify it.
        PkeyPtr other(EVP_RSA_gen(2048));
        QVERIFY(!verifyRs256(other.get(), parts.at(0) + '.' + parts.at(1), signature));
    }

    void subjectForDelegation()
    {
        const auto key = Auth::ServiceAccountKey::fromJson(keyJson(privatePem(m_rsa.get())), nullptr);
        QVERIFY(key);
        const QByteArray jwt
            = Auth::createServiceAccountJwt(*key, u"s"_s, u"alice@example.com"_s, QDateTime::currentDateTimeUtc());
        QCOMPARE(part(jwt, 1).value(u"sub"_s).toString(), u"alice@example.com"_s);
    }

    void googleFormatKeyFileLoads()
    {
        // A key file as the Cloud console writes it (the PEM JSON-escaped with "\n", the extra fields), made here:
        // no private key lives in the repository.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"key.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(TestKeys::serviceAccountJson(privatePem(m_rsa.get()), u"robot@p.iam.gserviceaccount.com"_s,
                                                u"0123456789abcdef0123456789abcdef01234567"_s,
                                                u"http://127.0.0.1:1/token"_s));
        file.close();
        QString error;
        const auto key = Auth::ServiceAccountKey::fromFile(path, &error);
        QVERIFY2(key, qPrintable(error));
        QCOMPARE(key->clientEmail, u"robot@p.iam.gserviceaccount.com"_s);
        QCOMPARE(key->tokenUri, u"http://127.0.0.1:1/token"_s);
        QCOMPARE(key->projectId, u"test-project"_s);
        const QByteArray jwt = Auth::createServiceAccountJwt(*key, u"s"_s, {}, QDateTime::currentDateTimeUtc());
        const QList<QByteArray> parts = jwt.split('.');
        QCOMPARE(parts.size(), 3);
        QVERIFY(verifyRs256(m_rsa.get(), parts.at(0) + '.' + parts.at(1),
                            QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding)));
    }

    void malformedKeys_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray pem = privatePem(m_rsa.get());
        QTest::newRow("not json") << "{\"type\": \"service_account\","_ba << u"not valid JSON"_s;
        QTest::newRow("array") << "[1,2]"_ba << u"not valid JSON"_s;
        QTest::newRow("authorized_user") << keyJson(pem, u"authorized_user"_s) << u"\"authorized_user\""_s;
        QTest::newRow("no type") << keyJson(pem, QString()) << u"not a service-account key"_s;
        QTest::newRow("oauth client") << R"({"installed":{"client_id":"x","client_secret":"y"}})"_ba
                                      << u"OAuth client"_s;
        QByteArray truncated = pem;
        truncated.chop(200);
        QTest::newRow("truncated pem") << keyJson(truncated) << u"not a readable PEM key"_s;
        QByteArray garbled = pem;
        garbled[60] = '!';
        garbled[61] = '!';
        QTest::newRow("garbled pem") << keyJson(garbled) << u"not a readable PEM key"_s;
        QTest::newRow("no key") << keyJson(QByteArray()) << u"no \"private_key\""_s;
        PkeyPtr ec(EVP_EC_gen("P-256"));
        QTest::newRow("ec key") << keyJson(privatePem(ec.get())) << u"not an RSA key"_s;
        QJsonObject noEmail = QJsonDocument::fromJson(keyJson(pem)).object();
        noEmail.remove(u"client_email"_s);
        QTest::newRow("no email") << QJsonDocument(noEmail).toJson() << u"client_email"_s;
    }

    void malformedKeys()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!Auth::ServiceAccountKey::fromJson(json, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void missingFile()
    {
        QString error;
        QVERIFY(!Auth::ServiceAccountKey::fromFile(u"/nonexistent/key.json"_s, &error));
        QVERIFY(error.contains(u"/nonexistent/key.json"_s));
    }
};

QTEST_GUILESS_MAIN(TestAuthJwt)
#include "tst_auth_jwt.moc"
