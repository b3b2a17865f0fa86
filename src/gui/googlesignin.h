// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mainwindow.h"

#include <optional>

class AppSettings;
class QNetworkAccessManager;

/// The window's "Sign in with Google": asks once for the user's own OAuth client file ("Desktop app" client
/// from the Google Cloud console; its path is remembered, its secret is not), runs Auth::GoogleOAuthFlow and
/// opens the consent page in the system browser.
namespace GoogleSignIn
{
[[nodiscard]] MainWindow::GoogleSignIn make(QNetworkAccessManager *nam, AppSettings *settings);
/// Asks for a service-account key file and makes a session of it; nullopt when cancelled or invalid (`error`).
[[nodiscard]] std::optional<AccountSession> serviceAccount(QWidget *window, QString *error);
}
