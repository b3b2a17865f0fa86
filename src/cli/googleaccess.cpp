// SPDX-License-Identifier: GPL-3.0-or-later
#include "googleaccess.h"

#include "exitcode.h"
#include "optionnames.h"

#include "auth/accounts.h"
#include "net/tokenprovider.h"
#include "util/redactor.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Cli
{
namespace
{
const char tokenEnv[] = "DRIVE_INGEST_ACCESS_TOKEN";
constexpr qint64 maxTokenFileSize = 64 * 1024;

/// `parser.isSet(name)` for an option the command may not declare (QCommandLineParser warns about those).
bool isSet(const QCommandLineParser &parser, const QString &name)
{
    return parser.optionNames().contains(name);
}

/// The OAuth endpoints `login` and `logout` can move one by one: the option, its help, the endpoint it sets.
struct EndpointOverride
{
    const QString &name;
    const char *help;
    QUrl Net::Endpoints::*url;
};
const EndpointOverride endpointOverrides[] = {
    {Opt::authUrl, QT_TRANSLATE_NOOP("Cli::GoogleAccess", "Override the OAuth authorization endpoint."), &Net::Endpoints::oauthAuthorize},
    {Opt::tokenUrl, QT_TRANSLATE_NOOP("Cli::GoogleAccess", "Override the OAuth token endpoint."), &Net::Endpoints::oauthToken},
    {Opt::revokeUrl, QT_TRANSLATE_NOOP("Cli::GoogleAccess", "Override the OAuth revocation endpoint."), &Net::Endpoints::oauthRevoke},
};
} // namespace

QList<QCommandLineOption> GoogleAccess::endpointOptions()
{
    return {
        {Opt::sandbox, tr("Point every Google and Databricks endpoint at a drive-ingest-sandbox base URL."), u"URL"_s},
        {Opt::caFile, tr("Also trust this PEM CA (the sandbox's --tls CA)."), u"FILE"_s},
    };
}

QList<QCommandLineOption> GoogleAccess::oauthEndpointOptions()
{
    QList<QCommandLineOption> list = endpointOptions();
    for (const EndpointOverride &option : endpointOverrides)
        list.append({option.name, tr(option.help), u"URL"_s});
    return list;
}

QList<QCommandLineOption> GoogleAccess::options()
{
    return endpointOptions()
        + QList<QCommandLineOption> {
            {Opt::accessTokenFile, tr("Read the Google access token from this file (or set DRIVE_INGEST_ACCESS_TOKEN). Tokens are never taken from the command line."), u"FILE"_s},
            {Opt::account, tr("Use the signed-in Google account NAME (see 'login')."), u"NAME"_s},
            {Opt::serviceAccount, tr("Use a service account key file for an unattended run."), u"KEY.json"_s},
            {Opt::subject, tr("With --service-account: act as this user (domain-wide delegation)."), u"USER"_s},
        };
}

std::optional<Net::Endpoints> GoogleAccess::endpointsFrom(const QCommandLineParser &parser, QString *error)
{
    Net::Endpoints endpoints = Net::Endpoints::google();
    if (isSet(parser, Opt::sandbox))
    {
        const QUrl url(parser.value(Opt::sandbox), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1) || url.host().isEmpty())
        {
            *error = tr("--sandbox takes a base URL such as http://127.0.0.1:8080");
            return std::nullopt;
        }
        endpoints = Net::Endpoints::sandbox(url);
    }
    for (const EndpointOverride &option : endpointOverrides)
    {
        if (!isSet(parser, option.name))
            continue;
        const QUrl url(parser.value(option.name), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
        {
            *error = tr("--%1 takes a URL").arg(option.name);
            return std::nullopt;
        }
        endpoints.*option.url = url;
    }
    if (isSet(parser, Opt::caFile))
    {
        const QFileInfo ca(parser.value(Opt::caFile));
        if (!ca.isFile() || !ca.isReadable())
        {
            *error = tr("--ca-file: cannot read %1").arg(parser.value(Opt::caFile));
            return std::nullopt;
        }
        endpoints.extraCaFile = ca.absoluteFilePath();
    }
    return endpoints;
}

std::optional<GoogleAccess> GoogleAccess::fromParser(const QCommandLineParser &parser, QString *error)
{
    GoogleAccess access;
    const std::optional<Net::Endpoints> endpoints = endpointsFrom(parser, error);
    if (!endpoints)
        return std::nullopt;
    access.endpoints = *endpoints;
    access.sandbox = parser.isSet(Opt::sandbox);
    const int tokenSources = int(parser.isSet(Opt::accessTokenFile)) + int(parser.isSet(Opt::account)) + int(parser.isSet(Opt::serviceAccount));
    if (tokenSources > 1)
    {
        *error = tr("use only one of --access-token-file, --account and --service-account");
        return std::nullopt;
    }
    if (parser.isSet(Opt::subject) && !parser.isSet(Opt::serviceAccount))
    {
        *error = tr("--subject needs --service-account");
        return std::nullopt;
    }
    access.accessTokenFile = parser.value(Opt::accessTokenFile);
    access.tokenSource.account = parser.value(Opt::account);
    access.tokenSource.serviceAccountKeyFile = parser.value(Opt::serviceAccount);
    access.tokenSource.subject = parser.value(Opt::subject);
    access.tokenSource.endpoints = access.endpoints;
    return access;
}

GoogleAccess::Token GoogleAccess::tokenFactory(const TokenFactoryResolver &resolver) const
{
    Token result;
    TokenSource source = tokenSource;
    if (source.account.isEmpty() && source.serviceAccountKeyFile.isEmpty() && accessTokenFile.isEmpty()
        && qgetenv(tokenEnv).trimmed().isEmpty() && resolver)
    {
        // Nothing named: the one signed-in Google account (at this run's token endpoint) is the one meant;
        // several need --account; none falls through to the "no access token" advice below.
        QString why;
        int signedIn = 0;
        const std::optional<Auth::Account> only = Auth::Accounts().onlyGoogle(endpoints.oauthToken.toString(), &why, &signedIn);
        if (only)
        {
            source.account = only->name;
            result.note = tr("using account %1").arg(only->name);
        }
        else if (signedIn > 1)
        {
            return {{}, ExitAuth, why, {}};
        }
    }
    if (!source.account.isEmpty() || !source.serviceAccountKeyFile.isEmpty())
    {
        if (!resolver)
        {
            return {{}, ExitUsage, tr("--account and --service-account are not available in this build"), {}};
        }
        QString error;
        result.factory = resolver(source, &error);
        if (!result.factory)
        {
            return {{}, ExitAuth, error, result.note};
        }
        return result;
    }

    QByteArray token;
    if (!accessTokenFile.isEmpty())
    {
        QFile file(accessTokenFile);
        if (!file.open(QIODevice::ReadOnly))
        {
            return {{}, ExitUsage, tr("--access-token-file: cannot read %1: %2").arg(accessTokenFile, file.errorString()), {}};
        }
        token = file.read(maxTokenFileSize).trimmed();
    }
    else
    {
        token = qgetenv(tokenEnv).trimmed();
    }
    if (token.isEmpty())
    {
        return {{}, ExitAuth,
                tr("no access token: use --access-token-file FILE, set %1, or sign in and use --account NAME.")
                    .arg(QLatin1StringView(tokenEnv)),
                {}};
    }
    // From here on the value cannot reach a log line, a report or an error text.
    Util::registerSecret(token);
    const QString accountName = sandbox ? u"sandbox"_s : u"access-token"_s;
    result.factory = [token, accountName](QNetworkAccessManager *, QObject *parent) -> Net::TokenProvider *
    {
        return new Net::StaticTokenProvider(token, accountName, parent);
    };
    return result;
}

} // namespace Cli
