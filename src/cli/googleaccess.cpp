// SPDX-License-Identifier: GPL-3.0-or-later
#include "googleaccess.h"

#include "exitcode.h"

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
const QString optSandbox = u"sandbox"_s;
const QString optCaFile = u"ca-file"_s;
const QString optTokenFile = u"access-token-file"_s;
const QString optAccount = u"account"_s;
const QString optServiceAccount = u"service-account"_s;
const QString optSubject = u"subject"_s;

const char tokenEnv[] = "DRIVE_INGEST_ACCESS_TOKEN";
constexpr qint64 maxTokenFileSize = 64 * 1024;
} // namespace

QList<QCommandLineOption> GoogleAccess::options()
{
    return {
        {optSandbox, tr("Point every Google and Databricks endpoint at a drive-ingest-sandbox base URL."), u"URL"_s},
        {optCaFile, tr("Also trust this PEM CA (the sandbox's --tls CA)."), u"FILE"_s},
        {optTokenFile, tr("Read the Google access token from this file (or set DRIVE_INGEST_ACCESS_TOKEN). Tokens are never taken from the command line."), u"FILE"_s},
        {optAccount, tr("Use the signed-in Google account NAME (see 'login')."), u"NAME"_s},
        {optServiceAccount, tr("Use a service account key file for an unattended run."), u"KEY.json"_s},
        {optSubject, tr("With --service-account: act as this user (domain-wide delegation)."), u"USER"_s},
    };
}

std::optional<GoogleAccess> GoogleAccess::fromParser(const QCommandLineParser &parser, QString *error)
{
    GoogleAccess access;
    if (parser.isSet(optSandbox))
    {
        const QUrl url(parser.value(optSandbox), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1) || url.host().isEmpty())
        {
            *error = tr("--sandbox takes a base URL such as http://127.0.0.1:8080");
            return std::nullopt;
        }
        access.endpoints = Net::Endpoints::sandbox(url);
        access.sandbox = true;
    }
    else
    {
        access.endpoints = Net::Endpoints::google();
    }
    if (parser.isSet(optCaFile))
    {
        const QFileInfo ca(parser.value(optCaFile));
        if (!ca.isFile() || !ca.isReadable())
        {
            *error = tr("--ca-file: cannot read %1").arg(parser.value(optCaFile));
            return std::nullopt;
        }
        access.endpoints.extraCaFile = ca.absoluteFilePath();
    }
    const int tokenSources = int(parser.isSet(optTokenFile)) + int(parser.isSet(optAccount)) + int(parser.isSet(optServiceAccount));
    if (tokenSources > 1)
    {
        *error = tr("use only one of --access-token-file, --account and --service-account");
        return std::nullopt;
    }
    if (parser.isSet(optSubject) && !parser.isSet(optServiceAccount))
    {
        *error = tr("--subject needs --service-account");
        return std::nullopt;
    }
    access.accessTokenFile = parser.value(optTokenFile);
    access.tokenSource.account = parser.value(optAccount);
    access.tokenSource.serviceAccountKeyFile = parser.value(optServiceAccount);
    access.tokenSource.subject = parser.value(optSubject);
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
