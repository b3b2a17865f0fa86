// SPDX-License-Identifier: GPL-3.0-or-later
#include "databricksworkspaces.h"

#include "auth/accountservice.h"
#include "auth/databricksu2m.h"
#include "auth/databricksconfig.h"
#include "auth/tokenstore.h"
#include "destinations/databricksclient.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;

namespace
{
/// The Volume itself ("/Volumes/c/s/v") of a Volume path.
QString volumeRoot(const QString &path)
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    return u"/"_s + parts.mid(0, 4).join(u'/');
}

/// Runs `done` once, and only while `context` lives.
DatabricksWorkspaces::Done guarded(QObject *context, DatabricksWorkspaces::Done done)
{
    auto once = std::make_shared<bool>(false);
    return [guard = QPointer<QObject>(context), once, done = std::move(done)](const QString &error) {
        if (*once || !guard)
            return;
        *once = true;
        done(error);
    };
}
} // namespace

DatabricksWorkspaces::DatabricksWorkspaces(QNetworkAccessManager *nam, Auth::TokenStore *store, Auth::Accounts *accounts,
                                           QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_store(store)
    , m_accounts(accounts)
{
}

DatabricksWorkspaces::~DatabricksWorkspaces() = default;

QList<Auth::Account> DatabricksWorkspaces::list() const
{
    QList<Auth::Account> workspaces;
    if (!m_accounts)
        return workspaces;
    for (const Auth::Account &account : m_accounts->list())
        if (account.kind == Auth::Account::Kind::Databricks)
            workspaces.append(account);
    return workspaces;
}

void DatabricksWorkspaces::add(const Auth::DatabricksCredentials &credentials, QObject *context, Done done)
{
    const Done finish = guarded(context, std::move(done));
    if (!m_store || !m_accounts)
        return finish(tr("No place to keep credentials in this build."));
    // The check databricks-login makes: the same credentials get the same answer in the app and the CLI.
    Auth::checkDatabricksCredentials(m_nam, credentials, this, [this, credentials, finish](const Auth::DatabricksCheck &check) {
        if (check.outcome != Auth::DatabricksCheck::Outcome::Accepted)
            return finish(check.message);
        keep(credentials, finish);
    });
}

void DatabricksWorkspaces::keep(const Auth::DatabricksCredentials &credentials, Done finish)
{
    m_store->write(Auth::DatabricksCredentials::storeKey(credentials.host), credentials.toSecretBlob(), this,
                   [this, credentials, finish](const Auth::TokenStore::Result &result) {
        if (!result.ok())
            return finish(tr("The credentials could not be saved in the %1: %2")
                              .arg(m_store->description(), result.errorString));
        const bool pat = credentials.kind == Auth::DatabricksCredentials::Kind::PersonalAccessToken;
        // The same entry databricks-login writes, so the CLI sees this workspace too.
        m_accounts->save({Auth::Account::Kind::Databricks, credentials.host, pat ? QString() : credentials.clientId,
                          Auth::DatabricksCredentials::kindName(credentials.kind), QDateTime::currentDateTimeUtc()});
        emit changed();
        finish({});
    });
}

void DatabricksWorkspaces::signIn(const QString &hostText, const QString &clientId,
                                  const std::function<void(const QUrl &)> &openUrl, QObject *context,
                                  std::function<void(const QString &host, const QString &error)> done)
{
    auto *signIn = new Auth::DatabricksSignIn(m_nam, hostText, clientId, this);
    const QString host = signIn->flow()->host();
    const Done finish = guarded(context, [signIn, host, done = std::move(done)](const QString &error) {
        signIn->deleteLater();
        done(host, error);
    });
    if (!m_store || !m_accounts)
        return finish(tr("No place to keep credentials in this build."));
    // A sign-in nobody waits for any more (the dialog closed) stops listening for the browser at once.
    if (context)
        connect(context, &QObject::destroyed, signIn, [signIn] {
            signIn->abort();
            signIn->deleteLater();
        });
    connect(signIn, &Auth::DatabricksSignIn::authorizationUrlReady, signIn, openUrl);
    connect(signIn, &Auth::DatabricksSignIn::failed, signIn, finish);
    connect(signIn, &Auth::DatabricksSignIn::succeeded, signIn,
            [this, finish](const Auth::DatabricksCredentials &credentials) { keep(credentials, finish); });
    if (!signIn->start())
        finish(signIn->errorString());
}

void DatabricksWorkspaces::remove(const QString &host, QObject *context, Done done)
{
    const Done finish = guarded(context, std::move(done));
    if (!m_store || !m_accounts)
        return finish(tr("No place to keep credentials in this build."));
    std::optional<Auth::Account> account = m_accounts->find(Auth::Account::Kind::Databricks, host);
    if (!account)
        account = Auth::Account {Auth::Account::Kind::Databricks, host, {}, {}, {}};
    // SignOutJob deletes the keychain entry and the list entry, as `drive-ingest-cli logout` does.
    auto *job = new Auth::SignOutJob(m_nam, m_store, m_accounts, Net::Endpoints::google(), *account, this);
    connect(job, &Auth::SignOutJob::finished, this, [this, finish](bool ok, const QString &message) {
        emit changed();
        finish(ok ? QString() : message);
    });
    job->start();
}

void DatabricksWorkspaces::load(const QString &host, const std::optional<Auth::DatabricksCredentials> &builtIn,
                                QObject *context, Loaded done)
{
    if (const QString name = profileName(host); !name.isEmpty())
        return loadProfile(name, builtIn, context, std::move(done));
    QPointer<QObject> guard(context);
    Auth::AccountService(m_store, m_accounts).loadWorkspace(host, builtIn, this, [guard, done](const std::optional<Auth::DatabricksCredentials> &credentials,
                                                                            const QString &error) {
        if (guard)
            done(credentials, credentials ? QString() : error + u' ' + tr("Add the workspace again."));
    });
}

void DatabricksWorkspaces::check(const Auth::DatabricksCredentials &credentials, const DestinationChoice &destination,
                                 QObject *context, Done done)
{
    // Everything for one check hangs off `holder`, which goes when the answer is in.
    auto *holder = new QObject(this);
    const Done finish = guarded(context, [holder, done = std::move(done)](const QString &error) {
        holder->deleteLater();
        done(error);
    });
    auto *tokens = new Auth::DatabricksTokenProvider(m_nam, credentials, holder);
    auto *client = new Dest::DatabricksClient(m_nam, tokens, QUrl(credentials.host), holder);
    const QString host = credentials.host;
    const auto probe = [client, destination, host, finish] {
        const auto answer = [destination, host, finish](const Net::Error &error, const Dest::DatabricksResponse &) {
            if (!error.isError())
                return finish({});
            // Databricks answers 403 both for a bad token and for a Volume the principal may not use.
            if (error.errorClass == Net::ErrorClass::Auth || error.httpStatus == 401 || error.httpStatus == 403)
                return finish(tr("%1 refused access with these credentials (%2). Check them under Accounts → Databricks workspaces.")
                                  .arg(host, error.message.isEmpty() ? error.reason : error.message));
            if (error.httpStatus == 404 && destination.kind == AppSettings::DestinationKind::Volume)
                return finish(tr("The Volume %1 does not exist in %2.").arg(volumeRoot(destination.path), host));
            finish(tr("%1 could not be checked: %2").arg(host, error.message.isEmpty() ? error.reason : error.message));
        };
        if (destination.kind == AppSettings::DestinationKind::Volume)
        {
            const QUrl url = client->url("/api/2.0/fs/directories"_ba + Dest::DatabricksClient::encodePath(volumeRoot(destination.path)));
            client->call("HEAD"_ba, url, {}, {}, client, answer);
        }
        else
        {
            client->dbfs("GET"_ba, "get-status"_ba, "path=%2F"_ba, client, answer);
        }
    };
    // Every kind but a PAT gets its token asynchronously (a service principal, a browser sign-in, the CLI).
    if (credentials.kind == Auth::DatabricksCredentials::Kind::PersonalAccessToken)
        return probe();
    connect(tokens, &Net::TokenProvider::refreshed, holder, probe, Qt::SingleShotConnection);
    connect(tokens, &Net::TokenProvider::refreshFailed, holder, [finish](const QString &reason) { finish(reason); });
}

// ~/.databrickscfg profiles: listed and resolved with Auth::DatabricksConfig, the CLI's rules.
QList<DatabricksWorkspaces::Profile> DatabricksWorkspaces::profiles()
{
    QList<Profile> list;
    const QString file = Auth::DatabricksConfig::configPath(Auth::DatabricksConfig::processEnvironment());
    const std::optional<QString> text = Auth::DatabricksConfig::readFile(file);
    if (!text)
        return list;
    for (const Auth::DatabricksConfig::Profile &profile : Auth::DatabricksConfig::profiles(*text))
        if (!profile.host.isEmpty())
            list.append({profileKey(profile.name), profile.name, profile.host, profile.authType, file});
    return list;
}

QString DatabricksWorkspaces::profileKey(const QString &name)
{
    return u"profile:"_s + name;
}

QString DatabricksWorkspaces::profileName(const QString &key)
{
    return key.startsWith(u"profile:"_s) ? key.mid(8) : QString();
}

void DatabricksWorkspaces::loadProfile(const QString &name, const std::optional<Auth::DatabricksCredentials> &builtIn,
                                       QObject *context, Loaded done)
{
    Auth::DatabricksConfig::Input input;
    input.profile = name;
    input.environment = Auth::DatabricksConfig::processEnvironment();
    input.filePath = Auth::DatabricksConfig::configPath(input.environment);
    input.fileText = Auth::DatabricksConfig::readFile(input.filePath);
    QString error;
    const std::optional<Auth::DatabricksConfig> config = Auth::DatabricksConfig::resolve(input, &error);
    QPointer<QObject> guard(context);
    if (config && config->credentials.host.isEmpty())
        error = tr("The profile \"%1\" in %2 names no workspace (host).").arg(name, input.filePath);
    if (!config || config->credentials.host.isEmpty())
    {
        QTimer::singleShot(0, this, [guard, done, error] {
            if (guard)
                done(std::nullopt, error);
        });
        return;
    }
    if (config->hasCredential)
    {
        QTimer::singleShot(0, this, [guard, done, credentials = config->credentials] {
            if (guard)
                done(credentials, QString());
        });
        return;
    }
    // Only a host (or auth_type oauth-u2m): what is kept for it, as the CLI does.
    const bool keptSignIn = config->keptSignIn;
    const QString host = config->credentials.host;
    load(host, builtIn, context, [guard, done, keptSignIn, host](const std::optional<Auth::DatabricksCredentials> &kept,
                                                                 const QString &why) {
        if (kept && keptSignIn && kept->kind != Auth::DatabricksCredentials::Kind::OAuthU2M)
            return done(std::nullopt, tr("The profile asks for the browser sign-in to %1, and there is none: sign in "
                                         "to Databricks first.").arg(host));
        done(kept, why);
    });
}
