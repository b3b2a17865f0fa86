// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mainwindow.h"

#include "auth/oauthflow.h"
#include "net/endpoints.h"

#include <optional>

class AppSettings;
class QNetworkAccessManager;

namespace Auth
{
struct Account;
class Accounts;
class TokenStore;
} // namespace Auth

/// The window's "Sign in with Google": asks once for the user's own OAuth client file ("Desktop app" client
/// from the Google Cloud console; its path is remembered, its secret is not), runs Auth::GoogleOAuthFlow and
/// opens the consent page in the system browser. Each sign-in is kept under the account's e-mail address in the
/// account list shared with the CLI (`drive-ingest-cli accounts`), its secrets in the TokenStore only, so
/// several Google accounts live side by side.
namespace GoogleSignIn
{
struct Options
{
    QNetworkAccessManager *nam = nullptr;
    AppSettings *settings = nullptr;
    Auth::TokenStore *store = nullptr;   ///< optional: without it the sign-in lasts this session only
    Auth::Accounts *accounts = nullptr;  ///< optional, as `store`
    Net::Endpoints endpoints = Net::Endpoints::google();
    std::optional<Auth::OAuthClient> client;     ///< else the user's own client file (asked once)
    std::function<void(const QUrl &)> openUrl;   ///< else the system browser (tests play the browser here)
};

[[nodiscard]] MainWindow::GoogleSignIn make(const Options &options);
/// The endpoints a kept account signed in at: Google's, or the sandbox's when its token endpoint is on loopback
/// (`drive-ingest-cli login --sandbox URL`).
[[nodiscard]] Net::Endpoints endpointsFor(const Auth::Account &account);
/// A kept Google account's session, its secrets read back from `store`. `done` gets a session or an error.
void sessionFor(const Auth::Account &account, Auth::TokenStore *store, QObject *context,
                std::function<void(const AccountSession &, const QString &error)> done);
} // namespace GoogleSignIn
