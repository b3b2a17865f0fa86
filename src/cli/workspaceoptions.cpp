// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspaceoptions.h"

#include "authcommands.h"
#include "optionnames.h"

#include "auth/databrickscli.h"
#include "auth/databricksconfig.h"
#include "destinations/destinationfactory.h"

#include <QCommandLineParser>
#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace Cli
{
QList<QCommandLineOption> Workspace::options()
{
    return {
        {Opt::databricksHost,
         tr("The Databricks workspace URL for Volume and DBFS destinations (default: from --profile, DATABRICKS_HOST "
            "or ~/.databrickscfg; with --sandbox and none of those: the sandbox)."),
         u"URL"_s},
        {Opt::profile,
         tr("The ~/.databrickscfg profile (or $DATABRICKS_CONFIG_FILE's) naming the workspace and its credentials, as "
            "the Databricks CLI and SDKs read it (auth_type pat, oauth-m2m, databricks-cli, oauth-u2m)."),
         u"NAME"_s},
    };
}

QString Workspace::helpText()
{
    return tr("Databricks workspace (Volume and DBFS destinations), as the Databricks CLI and SDKs find it: options\n"
              "first (--databricks-host, --profile), then DATABRICKS_HOST, DATABRICKS_TOKEN, DATABRICKS_CLIENT_ID,\n"
              "DATABRICKS_CLIENT_SECRET, DATABRICKS_AUTH_TYPE, DATABRICKS_CONFIG_PROFILE, then the profile in\n"
              "~/.databrickscfg or $DATABRICKS_CONFIG_FILE (--profile, else DATABRICKS_CONFIG_PROFILE, else\n"
              "[__settings__] default_profile, else DEFAULT). Without a named profile, a host or credential in the\n"
              "environment means the file is not read. With --sandbox and no workspace named, the sandbox is the\n"
              "workspace. Credentials not configured there are those 'databricks-login' kept for the host. The file\n"
              "is only read, never written.\n\n");
}

std::optional<Workspace> Workspace::fromParser(const QCommandLineParser &parser, const Dest::DestinationSpec &destination,
                                               bool sandbox, const Net::Endpoints &endpoints,
                                               const QHash<QString, QString> &environment, QString *error)
{
    const auto fail = [error](const QString &message) {
        *error = message;
        return std::nullopt;
    };
    const bool hostGiven = parser.isSet(Opt::databricksHost);
    const bool profileGiven = parser.isSet(Opt::profile);
    Workspace workspace;
    if (!destination.isDatabricks())
    {
        if (hostGiven || profileGiven)
            return fail(tr("--%1 is only for Volume (/Volumes/...) and DBFS (dbfs:/...) destinations")
                            .arg(hostGiven ? Opt::databricksHost : Opt::profile));
        return workspace;
    }
    Auth::DatabricksConfig::Input input;
    input.host = parser.value(Opt::databricksHost).trimmed();
    input.profile = parser.value(Opt::profile).trimmed();
    if (hostGiven && Auth::DatabricksCredentials::normaliseHost(input.host).isEmpty())
        return fail(tr("--databricks-host: \"%1\" is not a Databricks workspace URL").arg(parser.value(Opt::databricksHost)));
    if (profileGiven && input.profile.isEmpty())
        return fail(tr("--profile takes the name of a profile in ~/.databrickscfg"));
    input.environment = environment;
    input.filePath = Auth::DatabricksConfig::configPath(environment);
    input.fileText = Auth::DatabricksConfig::readFile(input.filePath);
    input.implicitProfile = !sandbox;
    const std::optional<Auth::DatabricksConfig> config = Auth::DatabricksConfig::resolve(input, error);
    if (!config)
        return std::nullopt;

    workspace.host = config->credentials.host;
    workspace.origin = config->describeSources();
    if (workspace.host.isEmpty() && sandbox)
    {
        workspace.host = Auth::DatabricksCredentials::normaliseHost(endpoints.databricksHost.toString());
        workspace.origin = tr("host from --sandbox") + (workspace.origin.isEmpty() ? QString() : u"; "_s + workspace.origin);
    }
    if (workspace.host.isEmpty())
    {
        // A bare /Volumes/... or /dbfs/... may have been meant as a local folder: say how to write that.
        const QString typed = destination.original.trimmed();
        const QString localHint = typed.startsWith(u'/') ? tr(" (a local folder there is written local:%1)").arg(typed) : QString();
        return fail(tr("%1 is a Databricks %2 destination: it needs a workspace: --databricks-host URL, --profile NAME "
                       "or DATABRICKS_HOST%3")
                        .arg(destination.describe(), Dest::DestinationSpec::kindName(destination.kind), localHint));
    }
    if (config->hasCredential)
    {
        workspace.credentials = config->credentials;
        workspace.credentials->host = workspace.host;
        if (workspace.credentials->kind == Auth::DatabricksCredentials::Kind::DatabricksCli
            && Auth::DatabricksCliToken::program().isEmpty())
            return fail(tr("auth_type databricks-cli (%1) needs the Databricks CLI, but there is no \"databricks\" "
                           "program on PATH. Install it or choose another auth_type.")
                            .arg(workspace.origin));
    }
    workspace.keptSignIn = config->keptSignIn;
    return workspace;
}

std::optional<Auth::DatabricksCredentials> Workspace::load(bool sandbox, const Net::Endpoints &endpoints,
                                                           QString *error) const
{
    if (credentials && credentials->kind == Auth::DatabricksCredentials::Kind::DatabricksCli)
    {
        // Ask the Databricks CLI once now: "not signed in" is said before Drive is listed, in the CLI's words.
        Auth::DatabricksCliToken cli(*credentials);
        QEventLoop loop;
        bool ok = false;
        QObject::connect(&cli, &Auth::DatabricksCliToken::finished, &loop, [&] {
            ok = true;
            loop.quit();
        });
        QObject::connect(&cli, &Auth::DatabricksCliToken::failed, &loop, [&](const QString &reason) {
            *error = reason;
            loop.quit();
        });
        cli.start(); // answers within its own time limit
        loop.exec();
        if (!ok)
            return std::nullopt;
    }
    if (credentials)
        return credentials;
    // What databricks-login kept for the workspace; else, for the sandbox's own, its built-in PAT.
    std::optional<Auth::DatabricksCredentials> kept
        = loadDatabricksCredentials(host, Dest::sandboxWorkspace(sandbox, endpoints, host), error);
    if (kept && keptSignIn && kept->kind != Auth::DatabricksCredentials::Kind::OAuthU2M)
    {
        *error = tr("auth_type oauth-u2m (%1) uses the browser sign-in kept for %2, and there is none. Sign in: "
                    "drive-ingest-cli databricks-login --host %2 --browser")
                     .arg(origin, host);
        return std::nullopt;
    }
    return kept;
}

} // namespace Cli
