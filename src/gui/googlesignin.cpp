// SPDX-License-Identifier: GPL-3.0-or-later
#include "googlesignin.h"

#include "appsettings.h"
#include "auth/accounts.h"
#include "auth/accountservice.h"
#include "auth/tokenstore.h"
#include "signinhelp.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QFileDialog>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace GoogleSignIn
{
namespace
{
AccountSession googleSession(const Net::Endpoints &endpoints, const Auth::GoogleSignIn &signIn,
                             const Auth::TokenResponse &first = {})
{
    AccountSession session;
    session.accountName = signIn.name;
    session.endpoints = endpoints;
    session.tokenFactory = signIn.tokenFactory(endpoints, first);
    return session;
}

const QString FallbackAccountName = u"google"_s; // when Drive does not tell the e-mail address
} // namespace

Net::Endpoints endpointsFor(const Auth::Account &account)
{
    return Auth::AccountService::endpointsFor(account);
}

void sessionFor(const Auth::Account &account, Auth::TokenStore *store, QObject *context,
                std::function<void(const AccountSession &, const QString &error)> done)
{
    Auth::AccountService(store).loadGoogle(account, context, [account, done](const std::optional<Auth::GoogleSignIn> &signIn,
                                                                             const QString &error) {
        if (!signIn)
            return done({}, error);
        done(googleSession(Auth::AccountService::endpointsFor(account), *signIn), QString());
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
            Auth::AccountService::fetchEmail(options.nam, endpoints, tokens.accessToken, context, [=](const QString &email) {
                const Auth::GoogleSignIn signIn {email.isEmpty() ? FallbackAccountName : email, oauthClient, tokens.refreshToken};
                const AccountSession session = googleSession(endpoints, signIn, tokens);
                if (!options.store || !options.accounts || tokens.refreshToken.isEmpty())
                    return done(session, QString());
                // Kept for the next start: the name in the account list, the secrets in the keychain only.
                // Signed in either way; without the keychain it lasts this session only.
                Auth::AccountService(options.store, options.accounts)
                    .keepGoogle(signIn, endpoints, context, [session, done](bool, const QString &) { done(session, QString()); });
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
