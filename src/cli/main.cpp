// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "exitcode.h"
#include "i18n.h"

#include "util/cryptoruntime.h"
#include "util/logging.h"
#include "util/redactor.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // Before anything touches OpenSSL: no OpenSSL cleanup at exit racing threads that are still exiting.
    Util::disableOpenSslExitCleanup();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("drive-ingest-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DI_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("drive-ingest"));
    // The same translations as the app, for the system language (LANGUAGE/LANG).
    QTranslator qtTranslator;
    QTranslator cliTranslator;
    I18n::installTranslators(qtTranslator, cliTranslator);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);

    // Before anything can log: the engine's lines stay off the terminal unless -v or --log-file asks for
    // them, and every line passes the secret filter on its way there.
    QStringList args = QCoreApplication::arguments();
    Util::LogOptions logOptions;
    QString error;
    if (!Cli::takeLogOptions(&args, &logOptions, &error))
    {
        err << u"drive-ingest-cli: "_s << error << u"\n"_s;
        return Cli::ExitUsage;
    }
    if (!Util::setUpLogging(logOptions, &error))
    {
        err << QCoreApplication::translate("Cli", "drive-ingest-cli: cannot open the log file %1: %2")
                   .arg(Util::escapeControls(logOptions.file), error)
            << u"\n"_s;
        return Cli::ExitUsage;
    }
    Util::installRedactingMessageHandler();

    return Cli::run(args, Cli::Streams {&out, &err, &in});
}
