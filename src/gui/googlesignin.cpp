// SPDX-License-Identifier: GPL-3.0-or-later
#include "googlesignin.h"

#include "appsettings.h"
#include "auth/googletokenprovider.h"
#include "auth/accounts.h"
#include "auth/oauthflow.h"
#include "auth/serviceaccount.h"
#include "auth/tokenrequest.h"
#include "auth/tokenstore.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QFileDialog>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace GoogleSignIn
{
namespace
{
AccountSession googleSession(const Net::Endpoints &endpoints, const Auth::OAuthClient &client, const QString &name,
                             const Auth::TokenResponse &tokens)
{
    AccountSession session;
    session.accountName = name;
    session.endpoints = endpoints;
    // The refresh token stays in this closure (memory only): each provider renews its own access token.
    session.tokenFactory = [endpoints, client, name, tokens](QNetworkAccessManager *nam, QObject *parent) -> Net::TokenProvider * {
        return new Auth::GoogleTokenProvider(nam, endpoints, client, name, tokens.refreshToken, parent, tokens);
    };
    return session;
}

const QString KeptAccountName = u"desktop"_s; // the flow does not learn the e-mail; one kept sign-in per app
} // namespace

void restore(Auth::TokenStore *store, Auth::Accounts *accounts, QObject *context,
             std::function<void(const AccountSession &)> done)
{
    if (!store || !accounts)
        return;
    std::optional<Auth::Account> account;
    for (const Auth::Account &a : accounts->list())
        if (a.kind == Auth::Account::Kind::Google && !account)
            account = a;
    if (!account)
        return;
    const Auth::Account kept = *account;
    store->read(kept.storeKey(), context, [kept, done](const Auth::TokenStore::Result &result) {
        if (!result.ok())
            return;
        const std::optional<Auth::GoogleSecret> secret = Auth::GoogleSecret::fromBlob(result.data);
        if (!secret)
            return;
        Auth::TokenResponse tokens;
        tokens.refreshToken = secret->refreshToken;
        done(googleSession(Net::Endpoints::google(), Auth::OAuthClient {kept.clientId, secret->clientSecret}, kept.name, tokens));
    });
}

MainWindow::GoogleSignIn make(QNetworkAccessManager *nam, AppSettings *settings, Auth::TokenStore *store,
                              Auth::Accounts *accounts)
{
    return [nam, settings, store, accounts](QWidget *window, std::function<void(const AccountSession &, const QString &)> done) {
        const QString key = u"google/clientFile"_s;
        QString path = settings->settings()->value(key).toString();
        QString error;
        std::optional<Auth::OAuthClient> client;
        if (!path.isEmpty())
            client = Auth::OAuthClient::fromFile(path, &error);
        if (!client)
        {
            path = QFileDialog::getOpenFileName(
                window, QCoreApplication::translate("GoogleSignIn", "Choose your OAuth client file (client_secret_….json)"),
                QString(), QCoreApplication::translate("GoogleSignIn", "OAuth client (*.json);;All files (*)"));
            if (path.isEmpty())
                return done({}, QString());
            client = Auth::OAuthClient::fromFile(path, &error);
            if (!client)
                return done({}, error);
            settings->settings()->setValue(key, path);
        }
        const Net::Endpoints endpoints = Net::Endpoints::google();
        auto *flow = new Auth::GoogleOAuthFlow(nam, endpoints, *client, window);
        QObject::connect(flow, &Auth::GoogleOAuthFlow::authorizationUrlReady, flow,
                         [](const QUrl &url) { QDesktopServices::openUrl(url); });
        const Auth::OAuthClient oauthClient = *client;
        QObject::connect(flow, &Auth::GoogleOAuthFlow::succeeded, flow,
                         [flow, endpoints, oauthClient, done, store, accounts](const Auth::TokenResponse &tokens) {
            flow->deleteLater();
            const AccountSession session = googleSession(endpoints, oauthClient, KeptAccountName, tokens);
            if (store && accounts && !tokens.refreshToken.isEmpty())
            {
                // Kept for the next start: the name in the account list, the secrets in the keychain only.
                Auth::Account account;
                account.kind = Auth::Account::Kind::Google;
                account.name = KeptAccountName;
                account.clientId = oauthClient.clientId;
                account.added = QDateTime::currentDateTimeUtc();
                const Auth::GoogleSecret secret {tokens.refreshToken, oauthClient.clientSecret};
                store->write(account.storeKey(), secret.toBlob(), store, [accounts, account](const Auth::TokenStore::Result &r) {
                    if (r.ok())
                        accounts->save(account);
                });
            }
            done(session, QString());
        });
        QObject::connect(flow, &Auth::GoogleOAuthFlow::failed, flow, [flow, done](const QString &message) {
            flow->deleteLater();
            done({}, message);
        });
        if (!flow->start())
        {
            const QString message = flow->errorString();
            flow->deleteLater();
            done({}, message);
        }
    };
}
std::optional<AccountSession> serviceAccount(QWidget *window, QString *error)
{
    const QString path = QFileDialog::getOpenFileName(
        window, QCoreApplication::translate("GoogleSignIn", "Choose a service-account key (JSON)"), QString(),
        QCoreApplication::translate("GoogleSignIn", "Service-account key (*.json);;All files (*)"));
    if (path.isEmpty())
        return std::nullopt;
    const std::optional<Auth::ServiceAccountKey> key = Auth::ServiceAccountKey::fromFile(path, error);
    if (!key)
        return std::nullopt;
    AccountSession session;
    session.accountName = u"service:"_s + key->clientEmail;
    session.endpoints = Net::Endpoints::google();
    const Net::Endpoints endpoints = session.endpoints;
    const Auth::ServiceAccountKey k = *key;
    session.tokenFactory = [endpoints, k](QNetworkAccessManager *nam, QObject *parent) -> Net::TokenProvider * {
        return new Auth::ServiceAccountTokenProvider(nam, endpoints, k, QString(), parent);
    };
    return session;
}
} // namespace GoogleSignIn
