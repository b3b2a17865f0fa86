// SPDX-License-Identifier: GPL-3.0-or-later
#include "authcommands.h"

#include "auth/accounts.h"
#include "auth/accountservice.h"
#include "auth/databrickscredentials.h"
#include "auth/keychaintokenstore.h"
#include "auth/oauthflow.h"
#include "auth/serviceaccount.h"
#include "exitcode.h"
#include "optionnames.h"
#include "net/network.h"
#include "util/logging.h"
#include "util/redactor.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <optional>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Cli
{
namespace
{
QString tr(const char *text)
{
    return QCoreApplication::translate("Cli::Auth", text);
}
} // namespace

bool await(const std::function<void(QObject *context, std::function<void()> finished)> &start,
           std::chrono::seconds limit)
{
    QEventLoop loop;
    bool answered = false;
    start(&loop, [&] {
        answered = true;
        loop.quit();
    });
    if (!answered)
    {
        QTimer::singleShot(limit, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return answered;
}

Auth::TokenStore::Result waitFor(const std::function<void(QObject *, Auth::TokenStore::Callback)> &start)
{
    Auth::TokenStore::Result result;
    result.errorString = tr("The OS keychain did not answer within 60 s.");
    await([&](QObject *context, std::function<void()> finished) {
        start(context, [&result, finished](const Auth::TokenStore::Result &r) {
            result = r;
            finished();
        });
    });
    return result;
}

namespace
{
/// Reads one line from `in` without echoing it when it is a terminal.
QByteArray readSecretLine(QTextStream *in, QTextStream &err, const QString &prompt)
{
    const bool tty = isatty(STDIN_FILENO) != 0;
    termios saved {};
    if (tty)
    {
        err << prompt << u' ';
        err.flush();
        if (tcgetattr(STDIN_FILENO, &saved) == 0)
        {
            termios quiet = saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    const QString line = in ? in->readLine() : QString();
    if (tty)
    {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err << u'\n';
        err.flush();
    }
    QByteArray secret = line.trimmed().toUtf8();
    Util::registerSecret(secret);
    return secret;
}

} // namespace

std::unique_ptr<Auth::TokenStore> makeTokenStore()
{
    const QString service = qEnvironmentVariable("DRIVE_INGEST_KEYCHAIN_SERVICE", u"drive-ingest"_s);
    return std::make_unique<Auth::KeychainTokenStore>(service);
}

TokenFactoryResolver makeTokenFactoryResolver()
{
    return [](const TokenSource &source, QString *error) -> Transfer::EngineHost::TokenFactory
    {
        const Net::Endpoints endpoints = source.endpoints;
        if (!source.serviceAccountKeyFile.isEmpty())
        {
            const auto key = Auth::ServiceAccountKey::fromFile(source.serviceAccountKeyFile, error);
            if (!key)
                return {};
            const QString subject = source.subject;
            return
                [endpoints, key = *key, subject](QNetworkAccessManager *nam, QObject *parent) -> Net::TokenProvider *
            { return new Auth::ServiceAccountTokenProvider(nam, endpoints, key, subject, parent); };
        }
        const auto account = Auth::Accounts().find(Auth::Account::Kind::Google, source.account);
        if (!account)
        {
            *error = tr("No signed-in Google account \"%1\". Sign in first: drive-ingest-cli login --account %1 "
                        "(drive-ingest-cli accounts lists the accounts).")
                         .arg(source.account);
            return {};
        }
        const std::unique_ptr<Auth::TokenStore> store = makeTokenStore();
        std::optional<Auth::GoogleSignIn> signIn;
        *error = tr("The OS keychain did not answer within 60 s.");
        await([&](QObject *context, std::function<void()> finished) {
            Auth::AccountService(store.get()).loadGoogle(*account, context, [&, finished](const auto &loaded, const QString &why) {
                signIn = loaded;
                if (!loaded)
                    *error = tr("%1 (drive-ingest-cli login --account %2)").arg(why, source.account);
                finished();
            });
        });
        if (!signIn)
            return {};
        return signIn->tokenFactory(endpoints);
    };
}

std::optional<Auth::DatabricksCredentials> loadDatabricksCredentials(const QString &hostText,
                                                                     const std::optional<Auth::DatabricksCredentials> &builtIn,
                                                                     QString *error)
{
    const QString host = Auth::DatabricksCredentials::normaliseHost(hostText);
    if (host.isEmpty())
    {
        *error = tr("\"%1\" is not a Databricks workspace URL (https://<workspace host>).").arg(hostText);
        return std::nullopt;
    }
    const std::unique_ptr<Auth::TokenStore> store = makeTokenStore();
    Auth::Accounts accounts;
    std::optional<Auth::DatabricksCredentials> credentials;
    *error = tr("The OS keychain did not answer within 60 s.");
    await([&](QObject *context, std::function<void()> finished) {
        Auth::AccountService(store.get(), &accounts).loadWorkspace(host, builtIn, context, [&, finished](const auto &loaded, const QString &why) {
            credentials = loaded;
            if (!loaded)
                *error = tr("%1 Run: drive-ingest-cli databricks-login --host %2").arg(why, host);
            finished();
        });
    });
    return credentials;
}

LoginCommand::LoginCommand(const Streams &streams)
    : Command(
        u"login"_s, tr("Sign in to a Google account in the browser and keep the sign-in in the OS keychain."), streams)
{
}

QList<QCommandLineOption> LoginCommand::options() const
{
    QList<QCommandLineOption> list {
        { Opt::account, tr("Name for this account (default: the account's e-mail address)."), u"NAME"_s },
        { Opt::noBrowser, tr("Do not open a browser; print the address to open instead.") },
        { Opt::clientId, tr("Your OAuth client id (type \"Desktop app\"; see README, \"Sign in to Google\")."), u"ID"_s },
        { Opt::clientSecretFile,
            tr("The client's JSON file from the Google Cloud console, or a file with the client secret on its first "
               "line."),
            u"FILE"_s },
        { Opt::port, tr("Receive the browser's answer on this 127.0.0.1 port (default: a random free port)."), u"N"_s },
        { Opt::timeout, tr("Give up after this many seconds without an answer (default 300)."), u"S"_s },
    };
    list += GoogleAccess::oauthEndpointOptions();
    return list;
}

QString LoginCommand::epilogue() const
{
    return tr("The browser's answer arrives on http://127.0.0.1:<port>/ (this machine only). Nothing secret is "
              "printed or written to settings: the refresh token and the client secret go to the OS keychain.\n"
              "With --sandbox URL the sandbox's built-in OAuth client is used.\n");
}

int LoginCommand::execute(const QStringList &args)
{
    QCommandLineParser parser;
    int exitCode = ExitUsage;
    if (!parse(parser, args, &exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    QString error;
    const std::optional<Net::Endpoints> endpoints = GoogleAccess::endpointsFrom(parser, &error);
    if (!endpoints || !Net::configureTls(endpoints->extraCaFile, &error))
        return usageError(error);

    Auth::OAuthClient client;
    if (parser.isSet(Opt::sandbox))
        client = Auth::OAuthClient::sandbox();
    if (parser.isSet(Opt::clientSecretFile))
    {
        const auto fromFile = Auth::OAuthClient::fromFile(parser.value(Opt::clientSecretFile), &error);
        if (!fromFile)
            return usageError(error);
        client.clientSecret = fromFile->clientSecret;
        if (!fromFile->clientId.isEmpty())
            client.clientId = fromFile->clientId;
    }
    if (parser.isSet(Opt::clientId))
        client.clientId = parser.value(Opt::clientId);
    if (!client.isValid() || client.clientSecret.isEmpty())
        return usageError(tr("an OAuth client is needed: --client-secret-file FILE (the JSON of a \"Desktop app\" "
                             "client from the Google Cloud console), optionally with --client-id ID. The README "
                             "section \"Sign in to Google\" shows how to create one."));
    quint16 port = 0;
    if (parser.isSet(Opt::port))
    {
        bool ok = false;
        const uint value = parser.value(Opt::port).toUInt(&ok);
        if (!ok || value == 0 || value > 65535)
            return usageError(tr("--port takes a port number (1-65535)"));
        port = static_cast<quint16>(value);
    }
    int timeoutSeconds = 300;
    if (parser.isSet(Opt::timeout))
    {
        bool ok = false;
        timeoutSeconds = parser.value(Opt::timeout).toInt(&ok);
        if (!ok || timeoutSeconds <= 0)
            return usageError(tr("--timeout takes a number of seconds"));
    }

    QNetworkAccessManager nam;
    Auth::GoogleOAuthFlow flow(&nam, *endpoints, client);
    flow.setFixedPort(port);
    flow.setTimeout(std::chrono::seconds(timeoutSeconds));
    const QString requestedName = parser.value(Opt::account);
    if (requestedName.contains(u'@'))
        flow.setLoginHint(requestedName);
    const bool openBrowser = !parser.isSet(Opt::noBrowser);

    QEventLoop loop;
    std::optional<Auth::TokenResponse> tokens;
    QString failure;
    QUrl authorizationUrl; // shown only once the keychain is known to be usable
    watchSignIn(&flow, loop, err(), &authorizationUrl, &failure);
    QObject::connect(&flow, &Auth::GoogleOAuthFlow::succeeded, &loop,
        [&](const Auth::TokenResponse &t)
        {
            tokens = t;
            loop.quit();
        });
    if (!flow.start())
        return usageError(flow.errorString());
    // The sign-in is kept only in the OS keychain: find out now whether it can be, not after the browser
    // has said "Signed in".
    const std::unique_ptr<Auth::TokenStore> store = makeTokenStore();
    const Auth::TokenStore::Result usable = waitFor([&](QObject *context, Auth::TokenStore::Callback done)
        { Auth::probeTokenStore(store.get(), context, done); });
    if (!usable.ok())
    {
        flow.abort();
        err() << u"drive-ingest-cli login: "_s
              << tr("the sign-in could not be kept, so it was not started: %1\nStart and unlock a keyring first: "
                    "gnome-keyring (gnome-keyring-daemon --start --components=secrets, in a D-Bus session) or KWallet; "
                    "or use --service-account for unattended runs.")
                     .arg(usable.errorString)
              << u"\n"_s;
        err().flush();
        return ExitAuth;
    }

    presentAuthorizationUrl(out(), authorizationUrl, flow.redirectUri(), openBrowser);
    loop.exec();
    if (!tokens)
    {
        err() << u"drive-ingest-cli login: "_s << Util::redact(failure) << u"\n"_s;
        err().flush();
        return ExitAuth;
    }

    QString name = requestedName;
    if (name.isEmpty())
        await([&](QObject *context, std::function<void()> finished) {
            Auth::AccountService::fetchEmail(&nam, *endpoints, tokens->accessToken, context, [&name, finished](const QString &email) {
                name = email;
                finished();
            });
        });
    if (name.isEmpty())
        name = u"default"_s;
    const Auth::Account account { Auth::Account::Kind::Google, name, client.clientId, endpoints->oauthToken.toString(),
        QDateTime::currentDateTimeUtc() };
    const QByteArray blob = Auth::GoogleSecret { tokens->refreshToken, client.clientSecret }.toBlob();
    const Auth::TokenStore::Result written = waitFor([&](QObject *context, Auth::TokenStore::Callback done)
        { store->write(account.storeKey(), blob, context, done); });
    if (!written.ok())
    {
        err() << u"drive-ingest-cli login: "_s
              << tr("signed in, but the sign-in could not be saved: %1").arg(written.errorString) << u"\n"_s;
        err().flush();
        return ExitAuth;
    }
    Auth::Accounts().save(account);
    out() << tr("Signed in as \"%1\". Use it with: drive-ingest-cli ingest … --account %1").arg(name) << u"\n"_s;
    out().flush();
    return ExitSuccess;
}

LogoutCommand::LogoutCommand(const Streams &streams)
    : Command(u"logout"_s, tr("Sign out: revoke the sign-in, delete it from the OS keychain and forget the account."),
        streams)
{
}

QList<QCommandLineOption> LogoutCommand::options() const
{
    QList<QCommandLineOption> list {
        { Opt::account, tr("The Google account name, or a Databricks workspace URL (default: the only Google account)."),
            u"NAME"_s },
    };
    list += GoogleAccess::oauthEndpointOptions();
    return list;
}

int LogoutCommand::execute(const QStringList &args)
{
    QCommandLineParser parser;
    int exitCode = ExitUsage;
    if (!parse(parser, args, &exitCode))
        return exitCode;
    QString error;
    const std::optional<Net::Endpoints> endpoints = GoogleAccess::endpointsFrom(parser, &error);
    if (!endpoints || !Net::configureTls(endpoints->extraCaFile, &error))
        return usageError(error);
    Auth::Accounts accounts;
    const QList<Auth::Account> all = accounts.list();
    std::optional<Auth::Account> account;
    const QString name = parser.value(Opt::account);
    if (name.isEmpty())
    {
        // The one Google account; Databricks workspaces are signed out only by naming them.
        account = accounts.onlyGoogle({}, &error);
        if (!account)
            return usageError(all.isEmpty() ? tr("no account is signed in") : error);
    }
    else
    {
        account = accounts.find(Auth::Account::Kind::Google, name);
        if (!account)
            account = accounts.find(Auth::Account::Kind::Databricks, Auth::DatabricksCredentials::normaliseHost(name));
        if (!account)
            return usageError(tr("no signed-in account \"%1\" (see drive-ingest-cli accounts)").arg(name));
    }

    QNetworkAccessManager nam;
    const std::unique_ptr<Auth::TokenStore> store = makeTokenStore();
    auto *job = new Auth::SignOutJob(&nam, store.get(), &accounts, *endpoints, *account);
    QEventLoop loop;
    bool ok = false;
    QString message;
    QObject::connect(job, &Auth::SignOutJob::finished, &loop,
        [&](bool success, const QString &text)
        {
            ok = success;
            message = text;
            loop.quit();
        });
    job->start();
    loop.exec();
    (ok ? out() : err()) << Util::redact(message) << u"\n"_s;
    out().flush();
    err().flush();
    return ok ? ExitSuccess : ExitAuth;
}

AccountsCommand::AccountsCommand(const Streams &streams)
    : Command(u"accounts"_s, tr("List the signed-in Google accounts and Databricks workspaces."), streams)
{
}

int AccountsCommand::execute(const QStringList &args)
{
    QCommandLineParser parser;
    int exitCode = ExitUsage;
    if (!parse(parser, args, &exitCode))
        return exitCode;
    const QList<Auth::Account> accounts = Auth::Accounts().list();
    if (accounts.isEmpty())
    {
        out() << tr("No accounts. Sign in with: drive-ingest-cli login") << u"\n"_s;
        out().flush();
        return ExitSuccess;
    }
    for (const Auth::Account &account : accounts)
    {
        QString line = Auth::Account::kindName(account.kind).leftJustified(12) + account.name;
        if (account.kind == Auth::Account::Kind::Google)
            line += u"  (client %1)"_s.arg(account.clientId);
        else
            line += account.detail == u"oauth-m2m"_s   ? u"  (service principal %1)"_s.arg(account.clientId)
                : account.detail == u"oauth-u2m"_s ? u"  (browser sign-in, app %1)"_s.arg(account.clientId)
                                                   : u"  (personal access token)"_s;
        out() << Util::escapeControls(line) << u"\n"_s; // names come from Google's userinfo
    }
    out().flush();
    return ExitSuccess;
}

DatabricksLoginCommand::DatabricksLoginCommand(const Streams &streams)
    : Command(u"databricks-login"_s,
        tr("Save Databricks credentials for a workspace: a personal access token, or with --client-id a "
           "service principal's OAuth secret. The secret is read from standard input and saved only once the "
           "workspace accepts it."),
        streams)
{
}

QList<QCommandLineOption> DatabricksLoginCommand::options() const
{
    return QList<QCommandLineOption> {
        { Opt::host, tr("The workspace URL, e.g. https://dbc-a1b2c3d4-e5f6.cloud.databricks.com"), u"URL"_s },
        { Opt::clientId,
            tr("A service principal's OAuth client id (machine-to-machine); its secret comes on standard input. "
               "With --browser: the OAuth app to sign in with (default: databricks-cli)."),
            u"ID"_s },
    } + browserOptions();
}

int DatabricksLoginCommand::execute(const QStringList &args)
{
    QCommandLineParser parser;
    int exitCode = ExitUsage;
    if (!parse(parser, args, &exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("the token or secret is read from standard input, never from an argument"));
    const QString host = Auth::DatabricksCredentials::normaliseHost(parser.value(Opt::host));
    if (host.isEmpty())
        return usageError(tr("--host takes the workspace URL (https://…)"));
    if (parser.isSet(Opt::browser))
        return browserSignIn(parser, host);
    Auth::DatabricksCredentials credentials;
    credentials.host = host;
    credentials.clientId = parser.value(Opt::clientId);
    credentials.kind = credentials.clientId.isEmpty() ? Auth::DatabricksCredentials::Kind::PersonalAccessToken
                                                      : Auth::DatabricksCredentials::Kind::OAuthM2M;
    credentials.secret = readSecretLine(
        in(), err(), credentials.clientId.isEmpty() ? tr("Personal access token:") : tr("Client secret:"));
    if (credentials.secret.isEmpty())
        return usageError(tr("nothing on standard input: pipe the token or secret in, e.g. "
                             "drive-ingest-cli databricks-login --host URL < token-file"));

    // Checked against the workspace before anything is kept: a typo should fail here, not an hour into a run.
    // The same check as the app's Databricks workspaces dialog.
    QNetworkAccessManager nam;
    QEventLoop loop;
    Auth::DatabricksCheck check;
    Auth::checkDatabricksCredentials(&nam, credentials, &loop,
        [&](const Auth::DatabricksCheck &result)
        {
            check = result;
            loop.quit();
        });
    loop.exec();
    if (check.outcome == Auth::DatabricksCheck::Outcome::BadHost)
        return usageError(check.message);
    if (check.outcome != Auth::DatabricksCheck::Outcome::Accepted)
    {
        err() << u"drive-ingest-cli databricks-login: "_s << Util::redact(check.message) << u" "_s
              << tr("Nothing was saved.") << u"\n"_s;
        err().flush();
        return check.outcome == Auth::DatabricksCheck::Outcome::Refused ? ExitAuth : ExitDestination;
    }
    const std::unique_ptr<Auth::TokenStore> store = makeTokenStore();
    const QByteArray blob = credentials.toSecretBlob();
    const Auth::TokenStore::Result written = waitFor([&](QObject *context, Auth::TokenStore::Callback done)
        { store->write(Auth::DatabricksCredentials::storeKey(host), blob, context, done); });
    if (!written.ok())
    {
        err() << u"drive-ingest-cli databricks-login: "_s << written.errorString << u"\n"_s;
        err().flush();
        return ExitAuth;
    }
    Auth::Accounts().save({ Auth::Account::Kind::Databricks, host, credentials.clientId,
        credentials.kind == Auth::DatabricksCredentials::Kind::OAuthM2M ? u"oauth-m2m"_s : u"pat"_s,
        QDateTime::currentDateTimeUtc() });
    out() << tr("Signed in to %1 as %2; saved the credentials in the OS keychain.").arg(host, check.userName) << u"\n"_s;
    out().flush();
    return ExitSuccess;
}

} // namespace Cli
