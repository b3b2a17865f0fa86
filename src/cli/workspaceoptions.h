// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/databrickscredentials.h"
#include "destinations/destinationspec.h"
#include "net/endpoints.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class QCommandLineParser;

namespace Cli
{
/**
 * The Databricks workspace of a Volume or DBFS run, as `ingest` takes it: `--databricks-host URL`,
 * `--profile NAME`, the DATABRICKS_* environment and ~/.databrickscfg ($DATABRICKS_CONFIG_FILE), resolved by
 * Auth::DatabricksConfig (the official SDKs' rules). `--sandbox URL` is the workspace only when none of those
 * names one; then a DEFAULT profile or `default_profile` is not used either (a sandbox trial never writes into
 * a real workspace by accident). Credentials the config does not give come from the keychain
 * (`databricks-login`), or for the sandbox's own workspace its built-in token, as before profiles existed.
 */
struct Workspace
{
    Q_DECLARE_TR_FUNCTIONS(Cli::Workspace)

public:
    QString host; ///< normalised; empty for a local destination
    /// From the options, the environment or a profile; nullopt: what the keychain keeps (or the sandbox's own).
    std::optional<Auth::DatabricksCredentials> credentials;
    bool keptSignIn = false; ///< auth_type oauth-u2m: the kept credentials must be a browser sign-in
    QString origin;          ///< where host and credentials came from, for messages (never a value)

    /// --databricks-host and --profile, for `ingest`'s option list.
    [[nodiscard]] static QList<QCommandLineOption> options();
    /// The paragraph of `ingest --help` that says how the workspace is found.
    [[nodiscard]] static QString helpText();

    /// The workspace for `destination`; nullopt with a usage message in `*error` (a missing profile,
    /// conflicting credentials, no workspace named, --profile with a local destination…). `environment` is the
    /// process environment (Auth::DatabricksConfig::processEnvironment()); the config file is read here.
    [[nodiscard]] static std::optional<Workspace> fromParser(const QCommandLineParser &parser,
                                                             const Dest::DestinationSpec &destination, bool sandbox,
                                                             const Net::Endpoints &endpoints,
                                                             const QHash<QString, QString> &environment, QString *error);

    /// The credentials the run uses: `credentials` when the config gave them, else the keychain's (or the
    /// sandbox's built-in token for its own workspace). nullopt with `*error` (an auth problem).
    [[nodiscard]] std::optional<Auth::DatabricksCredentials> load(bool sandbox, const Net::Endpoints &endpoints,
                                                                  QString *error) const;
};

} // namespace Cli
