// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/databrickscredentials.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Auth
{
/**
 * Which Databricks workspace and credentials the user configured, resolved the way the official SDKs do it
 * (reference/databricks-wave2.md §1; Go SDK `Config.EnsureResolved`). Pure: the caller hands in the options,
 * the environment and the config file's text, so every rule is testable without files or a real environment.
 * Nothing here ever writes ~/.databrickscfg.
 *
 * Rules, in order:
 *  1. Explicit options win (`--databricks-host`, `--profile`), then the environment (DATABRICKS_HOST,
 *     DATABRICKS_TOKEN, DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET, DATABRICKS_AUTH_TYPE,
 *     DATABRICKS_CONFIG_PROFILE; an empty variable counts as unset), then the profile fills what is still unset.
 *  2. The profile: `--profile`, else DATABRICKS_CONFIG_PROFILE, else `[__settings__] default_profile`, else
 *     `DEFAULT`. `[DEFAULT]` keys are not inherited by other profiles. `__settings__` is not a profile.
 *  3. When no profile was requested (neither --profile nor DATABRICKS_CONFIG_PROFILE) and a host or a
 *     credential is already set, the file is not read at all.
 *  4. A requested profile that is missing (or a missing file) is an error; a missing DEFAULT is not.
 *  5. Credentials of two kinds (a token and a client id/secret) without `auth_type` are an error.
 *  6. `auth_type`: `pat` (token), `oauth-m2m` (client id + secret), `databricks-cli` (the Databricks CLI
 *     gives the token: Kind::DatabricksCli), `oauth-u2m` (our own browser sign-in, kept in the keychain by
 *     `databricks-login --browser`: Kind::OAuthU2M without a secret, which the caller reads from the
 *     keychain). Without auth_type: a token means pat, a client id and secret mean oauth-m2m, neither means
 *     "only a host" (hasCredential false): the caller uses what the keychain keeps for that host, whatever kind
 *     it is (a kept browser sign-in included), as before profiles existed.
 * File syntax as the Go SDK (go-ini, SpaceBeforeInlineComment): `[name]` sections, `key = value` (or `:`),
 * whole-line `#`/`;` comments, inline comments only after a space (` #`, ` ;`), surrounding quotes stripped.
 */
struct DatabricksConfig
{
    Q_DECLARE_TR_FUNCTIONS(Auth::DatabricksConfig)

public:
    /// What the caller knows. Secrets may be in `environment` and `fileText`; they stay in memory.
    struct Input
    {
        QString profile;                     ///< --profile NAME (empty: not given)
        QString host;                        ///< --databricks-host URL (empty: not given)
        QHash<QString, QString> environment; ///< the process environment (only DATABRICKS_* keys are read)
        std::optional<QString> fileText;     ///< the config file's text; nullopt when there is no such file
        QString filePath;                    ///< for messages (configPath())
        /// False: DEFAULT and `default_profile` are not used when no profile was requested (the CLI with
        /// --sandbox: the sandbox is the workspace unless the user names one).
        bool implicitProfile = true;
    };

    /// One section of the file, for pickers (never a secret).
    struct Profile
    {
        QString name;
        QString host;     ///< normalised; empty when missing or not a workspace URL
        QString authType; ///< what auth_type says, or what the keys imply ("pat", "oauth-m2m"), or empty
    };

    DatabricksCredentials credentials; ///< host normalised; kind, clientId, secret, profile as resolved
    bool hasCredential = false;        ///< `credentials` are complete (pat, oauth-m2m, databricks-cli)
    /// auth_type oauth-u2m: the browser sign-in the keychain keeps for the host is to be used (kind OAuthU2M).
    /// Neither this nor hasCredential: a host only; what the keychain keeps for it (or the sandbox's own).
    bool keptSignIn = false;
    QString profile;                   ///< the profile read ("" when the file was not used)
    /// Where each value came from, by attribute ("host", "token", "client_id", "client_secret", "auth_type",
    /// "profile"): "--databricks-host", "DATABRICKS_TOKEN", "profile \"dev\" in /home/me/.databrickscfg"…
    QHash<QString, QString> sources;

    /// Resolves `input`; nullopt with a translated `*error` (missing profile, conflicting credentials, a bad
    /// host or auth_type, an incomplete credential). A result without a host means nobody named a workspace.
    [[nodiscard]] static std::optional<DatabricksConfig> resolve(const Input &input, QString *error);

    /// The config file: $DATABRICKS_CONFIG_FILE (a leading `~` expanded with $HOME), else $HOME/.databrickscfg.
    [[nodiscard]] static QString configPath(const QHash<QString, QString> &environment);
    /// The profiles in a config file's text, in file order (`__settings__` left out).
    [[nodiscard]] static QList<Profile> profiles(const QString &fileText);
    /// The process environment as resolve() takes it.
    [[nodiscard]] static QHash<QString, QString> processEnvironment();
    /// Reads the file at `path` (nullopt when it does not exist or cannot be read).
    [[nodiscard]] static std::optional<QString> readFile(const QString &path);

    /// "host from DATABRICKS_HOST, token from profile "dev" in …": for messages, never a value.
    [[nodiscard]] QString describeSources() const;
};

} // namespace Auth
