// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/accountservice.h"

#include "auth/googletokenprovider.h"
#include "auth/tokenstore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Auth
{
TokenFactory GoogleSignIn::tokenFactory(const Net::Endpoints &endpoints, const TokenResponse &first) const
{
    // The refresh token stays in this closure (memory only): each provider renews its own access token.
    return [endpoints, client = client, name = name, refreshToken = refreshToken,
            first](QNetworkAccessManager *nam, QObject *parent) -> Net::TokenProvider * {
        return new GoogleTokenProvider(nam, endpoints, client, name, refreshToken, parent, first);
    };
}

AccountService::AccountService(TokenStore *store, Accounts *accounts)
    : m_store(store)
    , m_accounts(accounts)
{
}

Net::Endpoints AccountService::endpointsFor(const Account &account)
{
    const QUrl tokenUrl(account.detail);
    const QString host = tokenUrl.host();
    if (tokenUrl.isValid() && (host == u"127.0.0.1"_s || host == u"localhost"_s || host == u"::1"_s))
        return Net::Endpoints::sandbox(tokenUrl);
    return Net::Endpoints::google();
}

void AccountService::loadGoogle(const Account &account, QObject *context, GoogleLoaded done) const
{
    if (!m_store)
        return done(std::nullopt, tr("No place to keep sign-ins in this build."));
    const QString where = m_store->description();
    m_store->read(account.storeKey(), context, [account, where, done](const TokenStore::Result &result) {
        if (!result.ok())
        {
            done(std::nullopt, result.status == TokenStore::Result::Status::NotFound
                                   ? tr("The sign-in of \"%1\" is missing from the %2. Sign in again.").arg(account.name, where)
                                   : result.errorString);
            return;
        }
        const std::optional<GoogleSecret> secret = GoogleSecret::fromBlob(result.data);
        if (!secret)
            return done(std::nullopt, tr("The saved sign-in of \"%1\" is unreadable. Sign in again.").arg(account.name));
        done(GoogleSignIn {account.name, OAuthClient {account.clientId, secret->clientSecret}, secret->refreshToken}, QString());
    });
}

void AccountService::loadDatabricks(const QString &host, QObject *context, DatabricksLoaded done) const
{
    if (!m_store)
        return done(std::nullopt, tr("No place to keep credentials in this build."));
    const QString where = m_store->description();
    m_store->read(DatabricksCredentials::storeKey(host), context, [host, where, done](const TokenStore::Result &result) {
        if (!result.ok())
        {
            done(std::nullopt, result.status == TokenStore::Result::Status::NotFound
                                   ? tr("No Databricks credentials for %1 in the %2.").arg(host, where)
                                   : result.errorString);
            return;
        }
        const std::optional<DatabricksCredentials> credentials = DatabricksCredentials::fromSecretBlob(host, result.data);
        done(credentials, credentials ? QString() : tr("The saved Databricks credentials for %1 are unreadable.").arg(host));
    });
}

void AccountService::loadWorkspace(const QString &host, const std::optional<DatabricksCredentials> &builtIn,
                                   QObject *context, DatabricksLoaded done) const
{
    const bool kept = m_accounts && m_accounts->find(Account::Kind::Databricks, host);
    if (builtIn && !kept)
        return done(builtIn, QString());
    loadDatabricks(host, context, std::move(done));
}

void AccountService::keepGoogle(const GoogleSignIn &signIn, const Net::Endpoints &endpoints, QObject *context,
                                std::function<void(bool ok, const QString &error)> done) const
{
    if (!m_store || !m_accounts)
        return done(false, tr("No place to keep sign-ins in this build."));
    Account account;
    account.kind = Account::Kind::Google;
    account.name = signIn.name;
    account.clientId = signIn.client.clientId;
    account.detail = endpoints.oauthToken.toString();
    account.added = QDateTime::currentDateTimeUtc();
    const QByteArray blob = GoogleSecret {signIn.refreshToken, signIn.client.clientSecret}.toBlob();
    Accounts *accounts = m_accounts;
    m_store->write(account.storeKey(), blob, context, [accounts, account, done](const TokenStore::Result &result) {
        if (result.ok())
            accounts->save(account);
        done(result.ok(), result.errorString);
    });
}

void AccountService::fetchEmail(QNetworkAccessManager *nam, const Net::Endpoints &endpoints, const QByteArray &accessToken,
                                QObject *context, std::function<void(const QString &email)> done)
{
    QNetworkRequest request(endpoints.driveApi.resolved(QUrl(u"about?fields=user(emailAddress)"_s)));
    request.setRawHeader("Authorization"_ba, "Bearer "_ba + accessToken);
    request.setTransferTimeout(20000);
    QNetworkReply *reply = nam->get(request);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done] {
        reply->deleteLater();
        QString email;
        if (reply->error() == QNetworkReply::NoError)
            email = QJsonDocument::fromJson(reply->readAll()).object().value(u"user"_s).toObject().value(u"emailAddress"_s).toString();
        done(email);
    });
}

} // namespace Auth
