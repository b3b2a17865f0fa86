// SPDX-License-Identifier: GPL-3.0-or-later
#include "testkeys.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace Qt::StringLiterals;

namespace
{
struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return length > 0 && data ? QByteArray(data, qsizetype(length)) : QByteArray();
}
} // namespace

namespace TestKeys
{
QByteArray rsaPrivateKeyPem(QByteArray *publicKeyPem)
{
    const std::unique_ptr<EVP_PKEY, KeyFree> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)));
    const std::unique_ptr<BIO, BioFree> priv(BIO_new(BIO_s_mem()));
    const std::unique_ptr<BIO, BioFree> pub(BIO_new(BIO_s_mem()));
    if (!key || !priv || !pub || PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1
        || PEM_write_bio_PUBKEY(pub.get(), key.get()) != 1)
    {
        return {};
    }
    if (publicKeyPem)
    {
        *publicKeyPem = bioBytes(pub.get());
    }
    return bioBytes(priv.get());
}

QByteArray serviceAccountJson(const QByteArray &privateKeyPem, const QString &clientEmail, const QString &keyId,
                              const QString &tokenUri)
{
    return QJsonDocument(QJsonObject {
                             {u"type"_s, u"service_account"_s},
                             {u"project_id"_s, u"test-project"_s},
                             {u"private_key_id"_s, keyId},
                             {u"private_key"_s, QString::fromLatin1(privateKeyPem)},
                             {u"client_email"_s, clientEmail},
                             {u"client_id"_s, u"100000000000000000001"_s},
                             {u"auth_uri"_s, u"https://accounts.google.com/o/oauth2/auth"_s},
                             {u"token_uri"_s, tokenUri},
                         })
        .toJson();
}

QByteArray withPrivateKey(const QByteArray &json, const QByteArray &privateKeyPem)
{
    QJsonObject object = QJsonDocument::fromJson(json).object();
    object.insert(u"private_key"_s, QString::fromLatin1(privateKeyPem));
    return QJsonDocument(object).toJson();
}
} // namespace TestKeys
