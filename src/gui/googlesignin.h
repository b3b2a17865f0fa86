// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mainwindow.h"

#include <optional>

class AppSettings;
class QNetworkAccessManager;

namespace Auth
{
class Accounts;
class TokenStore;
} // namespace Auth

/// The window's "Sign in with Google": asks once for the user's own OAuth client file ("Desktop app" client
/// from the Google Cloud console; its path is remembered, its secret is not), runs Auth::GoogleOAuthFlow and
/// opens the consent page in the system browser.
namespace GoogleSignIn
{
/// `store` and `accounts` (optional) keep the sign-in: the account name in the shared account list (the CLI's
/// too), the refresh token and client secret in the OS keychain.
[[nodiscard]] MainWindow::GoogleSignIn make(QNetworkAccessManager *nam, AppSettings *settings,
                                            Auth::TokenStore *store = nullptr, Auth::Accounts *accounts = nullptr);
/// The first Google account kept earlier (by the app or `drive-ingest-cli login`), read back from the
/// keychain; calls `done` with it, or not at all when there is none or it cannot be read.
void restore(Auth::TokenStore *store, Auth::Accounts *accounts, QObject *context,
             std::function<void(const AccountSession &)> done);
/// Asks for a service-account key file and makes a session of it; nullopt when cancelled or invalid (`error`).
[[nodiscard]] std::optional<AccountSession> serviceAccount(QWidget *window, QString *error);
}
