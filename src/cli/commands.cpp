// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "authcommands.h"
#include "exitcode.h"
#include "ingestcommand.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Cli
{
std::vector<std::unique_ptr<Command>> makeCommands(const Streams &streams)
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<IngestCommand>(streams, makeTokenFactoryResolver()));
    // Sign-in commands (login, logout, accounts, databricks-login) register here.
    commands.push_back(std::make_unique<LoginCommand>(streams));
    commands.push_back(std::make_unique<LogoutCommand>(streams));
    commands.push_back(std::make_unique<AccountsCommand>(streams));
    commands.push_back(std::make_unique<DatabricksLoginCommand>(streams));
    return commands;
}

QString exitCodesText()
{
    return QCoreApplication::translate("Cli",
                                       "Exit codes:\n"
                                       "  0    every file done (or skipped: already at the destination)\n"
                                       "  1    the run ended but some files failed or were parked (retry later)\n"
                                       "  2    usage error\n"
                                       "  3    authentication: no token, or the token was refused\n"
                                       "  4    destination or local error (run stopped early)\n"
                                       "  130  interrupted (Ctrl-C / SIGTERM); finished files stay, nothing half-written\n");
}

QString mainHelpText(const std::vector<std::unique_ptr<Command>> &commands)
{
    QString text = QCoreApplication::translate("Cli",
                                               "Usage: drive-ingest-cli <command> [options] [arguments]\n"
                                               "       drive-ingest-cli --help | --version | <command> --help\n\n"
                                               "Stream Google Drive files into a local folder, a Unity Catalog Volume or DBFS.\n\n"
                                               "Commands:\n");
    qsizetype width = 0;
    for (const auto &command : commands)
    {
        width = std::max(width, command->name().size());
    }
    for (const auto &command : commands)
    {
        text += u"  "_s + command->name().leftJustified(width + 3) + command->description() + u"\n"_s;
    }
    text += u"\n"_s + exitCodesText();
    return text;
}

int run(const QStringList &args, const Streams &streams)
{
    const std::vector<std::unique_ptr<Command>> commands = makeCommands(streams);
    QTextStream &out = *streams.out;
    QTextStream &err = *streams.err;

    const QString first = args.value(1);
    if (first.isEmpty())
    {
        err << mainHelpText(commands);
        err.flush();
        return ExitUsage;
    }
    if (first == "--help"_L1 || first == "-h"_L1 || (first == "help"_L1 && args.size() == 2))
    {
        out << mainHelpText(commands);
        out.flush();
        return ExitSuccess;
    }
    if (first == "--version"_L1 || first == "-v"_L1)
    {
        out << u"drive-ingest-cli "_s << QStringLiteral(DI_VERSION) << u"\n"_s;
        out.flush();
        return ExitSuccess;
    }
    const bool helpFor = first == "help"_L1;
    const QString name = helpFor ? args.value(2) : first;
    for (const auto &command : commands)
    {
        if (command->name() == name)
        {
            if (helpFor)
            {
                out << command->helpText();
                out.flush();
                return ExitSuccess;
            }
            return command->execute(args.mid(1));
        }
    }
    err << QCoreApplication::translate("Cli", "drive-ingest-cli: unknown command '%1'. Try 'drive-ingest-cli --help'.")
               .arg(name)
        << u"\n"_s;
    err.flush();
    return ExitUsage;
}

} // namespace Cli
