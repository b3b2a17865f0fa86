// SPDX-License-Identifier: GPL-3.0-or-later
#include "googlesignin.h"

#include "appsettings.h"
#include "auth/googletokenprovider.h"
#include "auth/oauthflow.h"
#include "auth/serviceaccount.h"
#include "auth/tokenrequest.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QFileDialog>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace GoogleSignIn
{
MainWindow::GoogleSignIn make(QNetworkAccessManager *nam, AppSettings *settings)
{
    return [nam, settings](QWidget *window, std::function<void(const AccountSession &, const QString &)> done) {
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
                         [flow, endpoints, oauthClient, done](const Auth::TokenResponse &tokens) {
            AccountSession session;
            session.accountName = QCoreApplication::translate("GoogleSignIn", "Google account");
            session.endpoints = endpoints;
            // The refresh token stays in this closure (memory only): each provider renews its own access token.
            const QString name = session.accountName;
            session.tokenFactory = [endpoints, oauthClient, name, tokens](QNetworkAccessManager *nam,
                                                                          QObject *parent) -> Auth::TokenProvider * {
                return new Auth::GoogleTokenProvider(nam, endpoints, oauthClient, name, tokens.refreshToken, parent, tokens);
            };
            flow->deleteLater();
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
    session.tokenFactory = [endpoints, k](QNetworkAccessManager *nam, QObject *parent) -> Auth::TokenProvider * {
        return new Auth::ServiceAccountTokenProvider(nam, endpoints, k, QString(), parent);
    };
    return session;
}
} // namespace GoogleSignIn
