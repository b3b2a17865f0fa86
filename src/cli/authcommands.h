// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"
#include "ingestcommand.h"
#include "auth/databrickscredentials.h"
#include "auth/tokenstore.h"
#include "net/endpoints.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <QUrl>
#include <chrono>
#include <functional>
#include <memory>

class QCommandLineParser;
class QTextStream;

namespace Auth
{
class TokenStore;
} // namespace Auth

namespace Cli
{
/// The secret store the CLI uses: the OS keychain, service "drive-ingest" (or $DRIVE_INGEST_KEYCHAIN_SERVICE,
/// so tests and trials never touch a user's real entries).
[[nodiscard]] std::unique_ptr<Auth::TokenStore> makeTokenStore();

/// Runs an asynchronous call to completion: the CLI has nothing else to do meanwhile. `start` gets the
/// context to answer on and the function to call when done; false when no answer came within `limit`.
bool await(const std::function<void(QObject *context, std::function<void()> finished)> &start,
           std::chrono::seconds limit = std::chrono::seconds(60));
/// Runs a TokenStore call to completion.
Auth::TokenStore::Result waitFor(const std::function<void(QObject *, Auth::TokenStore::Callback)> &start);
/// Prints the consent-page address and where the answer is awaited, and opens it in the system browser
/// (xdg-open) unless `openBrowser` is false or there is none: `login` and `databricks-login --browser`.
void presentAuthorizationUrl(QTextStream &out, const QUrl &url, const QUrl &redirectUri, bool openBrowser);

/// The common wiring of a browser sign-in run from a command (Auth::GoogleOAuthFlow, Auth::DatabricksSignIn):
/// the consent address goes to `*url` (shown once the keychain is known to be usable), warnings to `err`, and
/// a failure to `*failure`, quitting `loop`. The caller connects `succeeded`, whose arguments differ.
template <typename SignIn>
void watchSignIn(SignIn *signIn, QEventLoop &loop, QTextStream &err, QUrl *url, QString *failure)
{
    QObject::connect(signIn, &SignIn::authorizationUrlReady, &loop, [url](const QUrl &address) { *url = address; });
    QObject::connect(signIn, &SignIn::warning, &loop, [&err](const QString &message) {
        err << QCoreApplication::translate("Cli::Auth", "warning: %1").arg(message) << QStringLiteral("\n");
        err.flush();
    });
    QObject::connect(signIn, &SignIn::failed, &loop, [&loop, failure](const QString &message) {
        *failure = message;
        loop.quit();
    });
}

/// For `ingest --account NAME` / `--service-account KEY.json [--subject USER]`: checks the account or key now
/// (reading the keychain) and returns a factory the engine runs on its thread. Empty with `*error` otherwise.
[[nodiscard]] TokenFactoryResolver makeTokenFactoryResolver();

/// The credentials a Volume/DBFS run into workspace `host` uses (Auth::AccountService::loadWorkspace(): what
/// `databricks-login` kept, else `builtIn`, the sandbox's own). nullopt with `*error` when there are none.
[[nodiscard]] std::optional<Auth::DatabricksCredentials> loadDatabricksCredentials(
    const QString &host, const std::optional<Auth::DatabricksCredentials> &builtIn, QString *error);

/// `login [--account NAME] [--no-browser] [--client-id ID] [--client-secret-file F] [--port N] [endpoints]`
class LoginCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli::LoginCommand)

public:
    explicit LoginCommand(const Streams &streams);
    int execute(const QStringList &args) override;

protected:
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    [[nodiscard]] QString epilogue() const override;
};

/// `logout [--account NAME]`: revokes, deletes the keychain entry, forgets the account.
class LogoutCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli::LogoutCommand)

public:
    explicit LogoutCommand(const Streams &streams);
    int execute(const QStringList &args) override;

protected:
    [[nodiscard]] QList<QCommandLineOption> options() const override;
};

/// `accounts`: the signed-in Google accounts and Databricks workspaces (never a secret).
class AccountsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli::AccountsCommand)

public:
    explicit AccountsCommand(const Streams &streams);
    int execute(const QStringList &args) override;
};

/// `databricks-login --host URL [--client-id ID]`: a PAT, or with --client-id a service principal's OAuth
/// secret, read from standard input only (never from an argument: argv is visible in `ps`).
/// `databricks-login --host URL --browser [--client-id APP] [--no-browser] [--port N] [--timeout S]`: the user
/// signs in in the browser (OAuth U2M, Auth::DatabricksSignIn); the refresh token goes to the OS keychain.
class DatabricksLoginCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli::DatabricksLoginCommand)

public:
    explicit DatabricksLoginCommand(const Streams &streams);
    int execute(const QStringList &args) override;

protected:
    [[nodiscard]] QList<QCommandLineOption> options() const override;

private:
    [[nodiscard]] static QList<QCommandLineOption> browserOptions(); ///< databricksbrowserlogin.cpp
    int browserSignIn(const QCommandLineParser &parser, const QString &host); ///< databricksbrowserlogin.cpp
};

} // namespace Cli
