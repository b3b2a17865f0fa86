// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "util/cryptoruntime.h"
#include "util/redactor.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Before anything touches OpenSSL: no OpenSSL cleanup at exit racing threads that are still exiting.
    Util::disableOpenSslExitCleanup();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("drive-ingest-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DI_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("drive-ingest"));
    // Before anything can log: every line passes the secret filter.
    Util::installRedactingMessageHandler();

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    return Cli::run(QCoreApplication::arguments(), Cli::Streams {&out, &err, &in});
}
