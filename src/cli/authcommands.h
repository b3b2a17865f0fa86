// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"
#include "ingestcommand.h"
#include "auth/databrickscredentials.h"
#include "net/endpoints.h"

#include <QCoreApplication>
#include <functional>
#include <memory>

class QCommandLineParser;

namespace Auth
{
class TokenStore;
} // namespace Auth

namespace Cli
{
/// The secret store the CLI uses: the OS keychain, service "drive-ingest" (or $DRIVE_INGEST_KEYCHAIN_SERVICE,
/// so tests and trials never touch a user's real entries).
[[nodiscard]] std::unique_ptr<Auth::TokenStore> makeTokenStore();

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
class DatabricksLoginCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli::DatabricksLoginCommand)

public:
    explicit DatabricksLoginCommand(const Streams &streams);
    int execute(const QStringList &args) override;

protected:
    [[nodiscard]] QList<QCommandLineOption> options() const override;
};

} // namespace Cli
