// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/serviceaccount.h"

#include "auth/googletokenprovider.h"
#include "auth/oauthflow.h"
#include "auth/tokenrenewal.h"
#include "util/logging.h"
#include "util/redactor.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace Qt::StringLiterals;

namespace Auth
{
namespace
{
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

QString tr(const char *text)
{
    return QCoreApplication::translate("Auth::ServiceAccount", text);
}

PkeyPtr readPrivateKey(const QByteArray &pem)
{
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    if (!bio)
        return {};
    // No passphrase callback: service-account keys are never encrypted, and a prompt would hang a CLI run.
    return PkeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, const_cast<char *>("")));
}
} // namespace

std::optional<ServiceAccountKey> ServiceAccountKey::fromJson(const QByteArray &json, QString *errorMessage)
{
    const auto fail = [errorMessage](const QString &message)
    {
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(tr("The service-account key file is not valid JSON (%1). Download a new JSON key from the Google "
                       "Cloud console (IAM → Service accounts → Keys).")
                        .arg(parseError.errorString()));
    const QJsonObject object = document.object();
    const QString type = object.value(u"type"_s).toString();
    if (object.contains(u"installed"_s) || object.contains(u"web"_s))
        return fail(tr("This file is an OAuth client (\"client_secret\" file), not a service-account key. Use it with "
                       "`login --client-secret-file`, or download a service-account JSON key."));
    if (type != u"service_account"_s)
        return fail(tr("This is not a service-account key file (its type is \"%1\", expected \"service_account\").")
                        .arg(type.isEmpty() ? tr("missing") : type));
    ServiceAccountKey key;
    key.clientEmail = object.value(u"client_email"_s).toString();
    key.privateKeyId = object.value(u"private_key_id"_s).toString();
    key.privateKeyPem = object.value(u"private_key"_s).toString().toUtf8();
    key.tokenUri = object.value(u"token_uri"_s).toString();
    key.projectId = object.value(u"project_id"_s).toString();
    if (key.tokenUri.isEmpty())
        key.tokenUri = u"https://oauth2.googleapis.com/token"_s;
    Util::registerSecret(key.privateKeyPem);
    if (key.clientEmail.isEmpty())
        return fail(tr("The service-account key file has no \"client_email\"."));
    if (key.privateKeyPem.isEmpty())
        return fail(tr("The service-account key file has no \"private_key\"."));
    const PkeyPtr pkey = readPrivateKey(key.privateKeyPem);
    if (!pkey)
        return fail(tr("The private key in the service-account key file is not a readable PEM key (the file was "
                       "edited or truncated). Download a new JSON key."));
    if (EVP_PKEY_base_id(pkey.get()) != EVP_PKEY_RSA)
        return fail(tr("The private key in the service-account key file is not an RSA key; Google signs service "
                       "accounts with RS256 only."));
    return key;
}

std::optional<ServiceAccountKey> ServiceAccountKey::fromFile(const QString &path, QString *errorMessage)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
    {
        if (errorMessage)
            *errorMessage = tr("Cannot read the service-account key file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QString error;
    auto key = fromJson(file.read(1 << 20), &error);
    if (!key && errorMessage)
        *errorMessage = u"%1: %2"_s.arg(path, error);
    return key;
}

QByteArray createServiceAccountJwt(const ServiceAccountKey &key, const QString &scope, const QString &subject,
    const QDateTime &issuedAt, QString *errorMessage)
{
    QJsonObject header { { u"alg"_s, u"RS256"_s }, { u"typ"_s, u"JWT"_s } };
    if (!key.privateKeyId.isEmpty())
        header.insert(u"kid"_s, key.privateKeyId);
    const qint64 iat = issuedAt.toSecsSinceEpoch();
    QJsonObject claims {
        { u"iss"_s, key.clientEmail },
        { u"scope"_s, scope },
        { u"aud"_s, key.tokenUri },
        { u"iat"_s, iat },
        { u"exp"_s, iat + 3600 },
    };
    if (!subject.isEmpty())
        claims.insert(u"sub"_s, subject);
    const QByteArray signingInput = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(base64url) + '.'
        + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(base64url);

    const PkeyPtr pkey = readPrivateKey(key.privateKeyPem);
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    size_t length = 0;
    if (!pkey || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, pkey.get()) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &length,
               reinterpret_cast<const unsigned char *>(signingInput.constData()),
               static_cast<size_t>(signingInput.size()))
            != 1)
    {
        if (errorMessage)
            *errorMessage = tr("Could not sign the service-account token with the key of %1.").arg(key.clientEmail);
        return {};
    }
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
            reinterpret_cast<const unsigned char *>(signingInput.constData()), static_cast<size_t>(signingInput.size()))
        != 1)
    {
        if (errorMessage)
            *errorMessage = tr("Could not sign the service-account token with the key of %1.").arg(key.clientEmail);
        return {};
    }
    signature.resize(static_cast<qsizetype>(length));
    const QByteArray jwt = signingInput + '.' + signature.toBase64(base64url);
    Util::registerSecret(jwt);
    return jwt;
}

ServiceAccountTokenProvider::ServiceAccountTokenProvider(QNetworkAccessManager *nam, const Net::Endpoints &endpoints,
    const ServiceAccountKey &key, const QString &subject, QObject *parent)
    : Net::TokenProvider(parent)
    , m_nam(nam)
    , m_endpoints(endpoints)
    , m_key(key)
    , m_subject(subject)
    , m_scope(QString::fromLatin1(driveReadOnlyScope))
    , m_renewal(new TokenRenewal([this] { return sendGrant(); }, this))
{
    Util::registerSecret(m_key.privateKeyPem);
    connect(m_renewal, &TokenRenewal::renewDue, this, &ServiceAccountTokenProvider::refresh);
    QTimer::singleShot(0, this, &ServiceAccountTokenProvider::refresh);
}

// The request in flight is aborted by m_renewal, without calling back.
ServiceAccountTokenProvider::~ServiceAccountTokenProvider() = default;

QByteArray ServiceAccountTokenProvider::accessToken() const
{
    return m_accessToken;
}

QString ServiceAccountTokenProvider::accountName() const
{
    return m_subject.isEmpty() ? u"service:%1"_s.arg(m_key.clientEmail)
                               : u"service:%1 as %2"_s.arg(m_key.clientEmail, m_subject);
}

void ServiceAccountTokenProvider::setScope(const QString &scope)
{
    m_scope = scope;
}

void ServiceAccountTokenProvider::refresh()
{
    m_renewal->request(); // coalesced with the grant in flight
}

QNetworkReply *ServiceAccountTokenProvider::sendGrant()
{
    QString error;
    const QByteArray jwt = createServiceAccountJwt(m_key, m_scope, m_subject, QDateTime::currentDateTimeUtc(), &error);
    if (jwt.isEmpty())
    {
        QTimer::singleShot(0, this, [this, error] { emit refreshFailed(error); });
        return nullptr;
    }
    const QByteArray form = encodeForm({
        { "grant_type"_ba, "urn:ietf:params:oauth:grant-type:jwt-bearer"_ba },
        { "assertion"_ba, jwt },
    });
    return postTokenRequest(m_nam, m_endpoints.oauthToken, form, {}, this,
        [this](const TokenReply &reply)
        {
            if (reply.ok)
            {
                m_accessToken = reply.response.accessToken;
                m_renewal->succeeded(std::chrono::seconds(reply.response.expiresIn));
                emit refreshed();
                return;
            }
            if (m_renewal->retryLater(reply.isTransient()))
                return;
            const QString message = describeTokenError(reply, TokenGrant::JwtBearer, accountName());
            qCWarning(lcAuth).noquote() << message;
            emit refreshFailed(message);
        });
}

} // namespace Auth
