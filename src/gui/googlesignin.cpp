// SPDX-License-Identifier: GPL-3.0-or-later
#include "googlesignin.h"

#include "appsettings.h"
#include "auth/accounts.h"
#include "auth/googletokenprovider.h"
#include "auth/tokenrequest.h"
#include "auth/tokenstore.h"
#include "signinhelp.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
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

const QString FallbackAccountName = u"google"_s; // when Drive does not tell the e-mail address

/// Asks Drive who signed in (about.user.emailAddress), to name the kept account as the CLI does.
void fetchEmail(QNetworkAccessManager *nam, const Net::Endpoints &endpoints, const QByteArray &accessToken,
                QObject *context, std::function<void(const QString &)> done)
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
} // namespace

Net::Endpoints endpointsFor(const Auth::Account &account)
{
    const QUrl tokenUrl(account.detail);
    const QString host = tokenUrl.host();
    if (tokenUrl.isValid() && (host == u"127.0.0.1"_s || host == u"localhost"_s || host == u"::1"_s))
        return Net::Endpoints::sandbox(tokenUrl);
    return Net::Endpoints::google();
}

void sessionFor(const Auth::Account &account, Auth::TokenStore *store, QObject *context,
                std::function<void(const AccountSession &, const QString &error)> done)
{
    store->read(account.storeKey(), context, [account, done, store](const Auth::TokenStore::Result &result) {
        if (!result.ok())
        {
            done({}, result.status == Auth::TokenStore::Result::Status::NotFound
                         ? QCoreApplication::translate("GoogleSignIn", "The sign-in of %1 is missing from the %2. Sign in again.")
                               .arg(account.name, store->description())
                         : result.errorString);
            return;
        }
        const std::optional<Auth::GoogleSecret> secret = Auth::GoogleSecret::fromBlob(result.data);
        if (!secret)
        {
            done({}, QCoreApplication::translate("GoogleSignIn", "The saved sign-in of %1 is unreadable. Sign in again.").arg(account.name));
            return;
        }
        Auth::TokenResponse tokens;
        tokens.refreshToken = secret->refreshToken;
        done(googleSession(endpointsFor(account), Auth::OAuthClient {account.clientId, secret->clientSecret}, account.name, tokens),
             QString());
    });
}

MainWindow::GoogleSignIn make(const Options &options)
{
    return [options](QWidget *window, std::function<void(const AccountSession &, const QString &)> done) {
        std::optional<Auth::OAuthClient> client = options.client;
        if (!client)
        {
            const QString key = u"google/clientFile"_s;
            QString path = options.settings->settings()->value(key).toString();
            QString error;
            if (!path.isEmpty())
                client = Auth::OAuthClient::fromFile(path, &error);
            if (!client)
            {
                // Say what the file is and where it comes from before asking for it.
                if (!SignInHelp::explainClientFile(window))
                    return done({}, QString());
                path = QFileDialog::getOpenFileName(
                    window, QCoreApplication::translate("GoogleSignIn", "Choose your OAuth client file (client_secret_….json)"),
                    QString(), QCoreApplication::translate("GoogleSignIn", "OAuth client (*.json);;All files (*)"));
                if (path.isEmpty())
                    return done({}, QString());
                client = Auth::OAuthClient::fromFile(path, &error);
                if (!client)
                    return done({}, error);
                options.settings->settings()->setValue(key, path);
            }
        }
        const Net::Endpoints endpoints = options.endpoints;
        auto *flow = new Auth::GoogleOAuthFlow(options.nam, endpoints, *client, window);
        const std::function<void(const QUrl &)> openUrl = options.openUrl;
        QObject::connect(flow, &Auth::GoogleOAuthFlow::authorizationUrlReady, flow, [openUrl](const QUrl &url) {
            if (openUrl)
                openUrl(url);
            else
                QDesktopServices::openUrl(url);
        });
        const Auth::OAuthClient oauthClient = *client;
        QObject::connect(flow, &Auth::GoogleOAuthFlow::succeeded, flow, [flow, endpoints, oauthClient, done, options](const Auth::TokenResponse &tokens) {
            flow->deleteLater();
            QObject *context = flow->parent() ? flow->parent() : options.nam;
            fetchEmail(options.nam, endpoints, tokens.accessToken, context, [=](const QString &email) {
                const QString name = email.isEmpty() ? FallbackAccountName : email;
                const AccountSession session = googleSession(endpoints, oauthClient, name, tokens);
                if (!options.store || !options.accounts || tokens.refreshToken.isEmpty())
                    return done(session, QString());
                // Kept for the next start: the name in the account list, the secrets in the keychain only.
                Auth::Account account;
                account.kind = Auth::Account::Kind::Google;
                account.name = name;
                account.clientId = oauthClient.clientId;
                account.detail = endpoints.oauthToken.toString();
                account.added = QDateTime::currentDateTimeUtc();
                const Auth::GoogleSecret secret {tokens.refreshToken, oauthClient.clientSecret};
                Auth::Accounts *accounts = options.accounts;
                options.store->write(account.storeKey(), secret.toBlob(), context, [accounts, account, session, done](const Auth::TokenStore::Result &r) {
                    if (r.ok())
                        accounts->save(account);
                    // Signed in either way; without the keychain it lasts this session only.
                    done(session, QString());
                });
            });
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

} // namespace GoogleSignIn
