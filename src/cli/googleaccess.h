// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/endpoints.h"
#include "transfer/enginehost.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QCommandLineParser;

namespace Cli
{
/// How a command asks the sign-in code for a token provider (`--account NAME`, `--service-account KEY.json
/// [--subject USER]`). Returns an empty factory with `*error` set when the account cannot be used.
struct TokenSource
{
    QString account;
    QString serviceAccountKeyFile;
    QString subject;
    Net::Endpoints endpoints;
};
using TokenFactoryResolver = std::function<Transfer::EngineHost::TokenFactory(const TokenSource &source, QString *error)>;

/**
 * Where Google is and who we are there, as every command that talks to Drive takes it (`ingest`, `ls`):
 * --sandbox URL, --ca-file, and one of --access-token-file (or DRIVE_INGEST_ACCESS_TOKEN), --account,
 * --service-account [--subject]. Tokens are never taken from the command line.
 */
struct GoogleAccess
{
    Q_DECLARE_TR_FUNCTIONS(Cli::GoogleAccess)

public:
    Net::Endpoints endpoints;
    bool sandbox = false;
    TokenSource tokenSource;  ///< account / service account, when given
    QString accessTokenFile;  ///< --access-token-file, when given

    [[nodiscard]] static QList<QCommandLineOption> options();
    /// The options as parsed; nullopt with `*error` (a usage error) when they do not fit together.
    [[nodiscard]] static std::optional<GoogleAccess> fromParser(const QCommandLineParser &parser, QString *error);

    /// --sandbox URL and --ca-file FILE: the part of options() that `login` and `logout` take too.
    [[nodiscard]] static QList<QCommandLineOption> endpointOptions();
    /// endpointOptions() and the one-by-one OAuth endpoint overrides (--auth-url, --token-url, --revoke-url).
    [[nodiscard]] static QList<QCommandLineOption> oauthEndpointOptions();
    /// The endpoints those options name (Google's by default; each option that `parser` knows and is set
    /// applies); nullopt with `*error` (a usage error) on a bad URL or an unreadable CA file.
    [[nodiscard]] static std::optional<Net::Endpoints> endpointsFrom(const QCommandLineParser &parser, QString *error);

    /// The token factory, or none with the exit code (ExitUsage or ExitAuth) and the message to print.
    struct Token
    {
        Transfer::EngineHost::TokenFactory factory;
        int exitCode = 0;
        QString error;
        QString note; ///< for stderr: which account was taken when none was named
    };
    [[nodiscard]] Token tokenFactory(const TokenFactoryResolver &resolver) const;
};

} // namespace Cli
