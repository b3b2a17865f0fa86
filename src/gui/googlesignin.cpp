// SPDX-License-Identifier: GPL-3.0-or-later
#include "googlesignin.h"

#include "appsettings.h"
#include "auth/oauthflow.h"
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
        QObject::connect(flow, &Auth::GoogleOAuthFlow::succeeded, flow, [flow, endpoints, done](const Auth::TokenResponse &tokens) {
            AccountSession session;
            session.accountName = QCoreApplication::translate("GoogleSignIn", "Google account");
            session.endpoints = endpoints;
            session.staticToken = tokens.accessToken;
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
} // namespace GoogleSignIn
