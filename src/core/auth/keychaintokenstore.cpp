// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/keychaintokenstore.h"

#include "util/redactor.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace Auth
{
namespace
{
TokenStore::Result resultOf(const QKeychain::Job *job)
{
    TokenStore::Result result;
    switch (job->error())
    {
    case QKeychain::NoError:
        result.status = TokenStore::Result::Status::Ok;
        break;
    case QKeychain::EntryNotFound:
        result.status = TokenStore::Result::Status::NotFound;
        break;
    default:
        result.status = TokenStore::Result::Status::Failed;
        // Sign-ins are never written anywhere else, so say what to fix rather than fall back.
        result.errorString = QObject::tr("The OS keychain refused the request (%1). On Linux a Secret Service "
                                         "(gnome-keyring or KWallet) must be running and unlocked in this session; "
                                         "for unattended runs use --service-account instead.")
                                 .arg(job->errorString());
        break;
    }
    return result;
}

void run(QKeychain::Job *job, QObject *context, TokenStore::Callback done,
    std::function<void(QKeychain::Job *, TokenStore::Result &)> extract = {})
{
    // Stored secrets are for us alone: no plaintext fallback even where QtKeychain offers one.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    // Without a context (fire and forget) the job itself receives its own signal.
    const bool hasContext = context != nullptr;
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, hasContext ? context : job,
        [guard, hasContext, done = std::move(done), extract = std::move(extract)](QKeychain::Job *finished)
        {
            TokenStore::Result result = resultOf(finished);
            if (extract && result.ok())
                extract(finished, result);
            if (hasContext && guard && done)
                done(result);
        });
    job->start();
}
} // namespace

KeychainTokenStore::KeychainTokenStore(const QString &service, QObject *parent)
    : TokenStore(parent)
    , m_service(service)
{
}

KeychainTokenStore::~KeychainTokenStore() = default;

void KeychainTokenStore::write(const QString &key, const QByteArray &secret, QObject *context, Callback done)
{
    Util::registerSecret(secret);
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(secret);
    run(job, context, std::move(done));
}

void KeychainTokenStore::read(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    run(job, context, std::move(done),
        [](QKeychain::Job *finished, TokenStore::Result &result)
        {
            result.data = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
            Util::registerSecret(result.data);
        });
}

void KeychainTokenStore::remove(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    run(job, context, std::move(done));
}

void probeTokenStore(TokenStore *store, QObject *context, TokenStore::Callback done)
{
    static const QString key = QStringLiteral("drive-ingest/write-probe");
    QPointer<TokenStore> guard(store);
    store->write(key, QByteArrayLiteral("probe"), context,
        [guard, context, done = std::move(done)](const TokenStore::Result &written)
        {
            if (!written.ok() || !guard)
            {
                done(written);
                return;
            }
            guard->remove(key, context,
                [done](const TokenStore::Result &removed)
                {
                    // NotFound after our own write would be odd but leaves nothing behind: the store works.
                    done(removed.status == TokenStore::Result::Status::Failed ? removed : TokenStore::Result { TokenStore::Result::Status::Ok, {}, {} });
                });
        });
}

QString KeychainTokenStore::description() const
{
    return tr("OS keychain");
}

} // namespace Auth
