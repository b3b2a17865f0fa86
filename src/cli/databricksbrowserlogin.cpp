// SPDX-License-Identifier: GPL-3.0-or-later
// `databricks-login --host URL --browser`: the browser sign-in to a workspace (OAuth U2M, issue 13), and the
// address presentation it shares with `login`.
#include "authcommands.h"

#include "auth/accounts.h"
#include "auth/databricksu2m.h"
#include "auth/keychaintokenstore.h"
#include "exitcode.h"
#include "optionnames.h"
#include "util/redactor.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Cli
{
void presentAuthorizationUrl(QTextStream &out, const QUrl &url, const QUrl &redirectUri, bool openBrowser)
{
    out << QCoreApplication::translate("Cli::Auth", "Open this address in a browser to sign in:") << u"\n"_s
        << url.toString(QUrl::FullyEncoded) << u"\n"_s;
    out << QCoreApplication::translate("Cli::Auth", "Waiting for the browser's answer on %1 …").arg(redirectUri.toString())
        << u"\n"_s;
    out.flush();
    const QString opener = QStandardPaths::findExecutable(u"xdg-open"_s);
    if (openBrowser && !opener.isEmpty())
        QProcess::startDetached(opener, { url.toString(QUrl::FullyEncoded) });
}

QList<QCommandLineOption> DatabricksLoginCommand::browserOptions()
{
    return {
        { Opt::browser,
            tr("Sign in as yourself in the browser (OAuth U2M) instead of reading a token; the sign-in is refreshed "
               "as needed.") },
        { Opt::noBrowser, tr("With --browser: do not open a browser; print the address to open instead.") },
        { Opt::port,
            tr("With --browser: receive the browser's answer on this port of localhost (default: 8020, or the next "
               "free one up to 8040)."),
            u"N"_s },
        { Opt::timeout, tr("With --browser: give up after this many seconds without an answer (default 300)."), u"S"_s },
    };
}

int DatabricksLoginCommand::browserSignIn(const QCommandLineParser &parser, const QString &host)
{
    int timeoutSeconds = 300;
    if (parser.isSet(Opt::timeout))
    {
        bool ok = false;
        timeoutSeconds = parser.value(Opt::timeout).toInt(&ok);
        if (!ok || timeoutSeconds <= 0)
            return usageError(tr("--timeout takes a number of seconds"));
    }
    QNetworkAccessManager nam;
    Auth::DatabricksSignIn signIn(&nam, host, parser.value(Opt::clientId));
    if (parser.isSet(Opt::port))
    {
        bool ok = false;
        const uint port = parser.value(Opt::port).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return usageError(tr("--port takes a port number (1-65535)"));
        signIn.flow()->setFixedPort(static_cast<quint16>(port));
    }
    signIn.flow()->setTimeout(std::chrono::seconds(timeoutSeconds));

    QEventLoop loop;
    QUrl authorizationUrl;
    std::optional<Auth::DatabricksCredentials> credentials;
    QString userName;
    QString failure;
    watchSignIn(&signIn, loop, err(), &authorizationUrl, &failure);
    QObject::connect(&signIn, &Auth::DatabricksSignIn::succeeded, &loop,
        [&](const Auth::DatabricksCredentials &signedIn, const QString &who)
        {
            credentials = signedIn;
            userName = who;
            loop.quit();
        });
    if (!signIn.start())
        return usageError(signIn.errorString());
    // As `login`: the sign-in is kept only in the OS keychain, so find out first whether it can be.
    const std::unique_ptr<Auth::TokenStore> store = makeTokenStore();
    const Auth::TokenStore::Result usable = waitFor([&](QObject *context, Auth::TokenStore::Callback done)
        { Auth::probeTokenStore(store.get(), context, done); });
    if (!usable.ok())
    {
        signIn.abort();
        return failWith(ExitAuth, tr("the sign-in could not be kept, so it was not started: %1").arg(usable.errorString));
    }
    presentAuthorizationUrl(out(), authorizationUrl, signIn.flow()->redirectUri(), !parser.isSet(Opt::noBrowser));
    loop.exec();
    if (!credentials)
        return failWith(ExitAuth, Util::redact(failure));

    const Auth::TokenStore::Result written = waitFor([&](QObject *context, Auth::TokenStore::Callback done)
        { store->write(Auth::DatabricksCredentials::storeKey(host), credentials->toSecretBlob(), context, done); });
    if (!written.ok())
        return failWith(ExitAuth, tr("signed in, but the sign-in could not be saved: %1").arg(written.errorString));
    Auth::Accounts().save({ Auth::Account::Kind::Databricks, host, credentials->clientId,
        Auth::DatabricksCredentials::kindName(credentials->kind), QDateTime::currentDateTimeUtc() });
    out() << tr("Signed in to %1 as %2; saved the sign-in in the OS keychain. Runs into this workspace use it: "
                "drive-ingest-cli ingest … --databricks-host %1")
                 .arg(host, userName)
          << u"\n"_s;
    out().flush();
    return ExitSuccess;
}

} // namespace Cli
