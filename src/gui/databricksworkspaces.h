// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/accounts.h"
#include "auth/databrickscredentials.h"
#include "destinationchoice.h"

#include <QObject>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Auth
{
class TokenStore;
}

/**
 * The Databricks workspaces the user keeps: the same list as `drive-ingest-cli databricks-login` and
 * `accounts` (Auth::Accounts, kind Databricks), with the PAT or the service principal's secret in the
 * TokenStore only. Also the destination check before a run: a token can be had and the workspace takes it.
 * Every call is asynchronous; `done` runs once on `context`'s thread, never after `context` died.
 */
class DatabricksWorkspaces final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabricksWorkspaces)

public:
    /// Empty `error` means success.
    using Done = std::function<void(const QString &error)>;
    using Loaded = std::function<void(const std::optional<Auth::DatabricksCredentials> &credentials, const QString &error)>;

    /// None owned; all must outlive this object.
    DatabricksWorkspaces(QNetworkAccessManager *nam, Auth::TokenStore *store, Auth::Accounts *accounts,
                         QObject *parent = nullptr);
    ~DatabricksWorkspaces() override;

    /// The kept workspaces, by host.
    [[nodiscard]] QList<Auth::Account> list() const;

    /// A workspace named by a profile of ~/.databrickscfg ($DATABRICKS_CONFIG_FILE): read, never written.
    struct Profile
    {
        QString key;      ///< profileKey(name): what a choice keeps instead of a host
        QString name;
        QString host;     ///< normalised; empty when the profile names none
        QString authType; ///< "pat", "oauth-m2m", "databricks-cli", … (never a secret)
        QString file;     ///< the config file's path
    };
    /// The profiles that name a workspace, read from the file now (the same file and rules as the CLI's).
    [[nodiscard]] static QList<Profile> profiles();
    /// "profile:NAME": a choice that is a profile, not a kept host.
    [[nodiscard]] static QString profileKey(const QString &name);
    /// The profile name of a profileKey(); empty for a host.
    [[nodiscard]] static QString profileName(const QString &key);
    /// Keeps the credentials (replacing those of the same host) once the workspace accepts them
    /// (Auth::checkDatabricksCredentials(), as databricks-login does): a typo should fail here, not an hour
    /// into a run.
    void add(const Auth::DatabricksCredentials &credentials, QObject *context, Done done);
    /// "Sign in to Databricks": the browser sign-in to `hostText` (Auth::DatabricksSignIn, the same as
    /// `databricks-login --browser`; an empty `clientId` is the default app), `openUrl` showing the consent page;
    /// then the sign-in is kept like add() keeps credentials. `done` gets the normalised host or an error.
    void signIn(const QString &hostText, const QString &clientId, const std::function<void(const QUrl &)> &openUrl,
                QObject *context, std::function<void(const QString &host, const QString &error)> done);
    /// Deletes the keychain entry and forgets the workspace.
    void remove(const QString &host, QObject *context, Done done);
    /// The credentials a run into `host` uses (Auth::AccountService::loadWorkspace(): the kept ones, else
    /// `builtIn`, the sandbox's own). `host` may be a profileKey(): the profile's (Auth::DatabricksConfig, with
    /// the environment, as `ingest --profile`), completed by what is kept for its host when it names no credential.
    void load(const QString &host, const std::optional<Auth::DatabricksCredentials> &builtIn, QObject *context, Loaded done);
    /// The run's destination check: fetches a token (service principal) and asks the workspace about the
    /// destination's root (the Volume, or DBFS "/"); fails with a human reason when the workspace refuses the
    /// credentials or the Volume does not exist.
    void check(const Auth::DatabricksCredentials &credentials, const DestinationChoice &destination, QObject *context,
               Done done);

signals:
    /// The list changed (added or removed here).
    void changed();

private:
    /// Writes checked credentials to the store and the account list.
    void keep(const Auth::DatabricksCredentials &credentials, Done finish);
    void loadProfile(const QString &name, const std::optional<Auth::DatabricksCredentials> &builtIn, QObject *context,
                     Loaded done);

    QNetworkAccessManager *m_nam;
    Auth::TokenStore *m_store;
    Auth::Accounts *m_accounts;
};
