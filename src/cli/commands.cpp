// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "authcommands.h"
#include "exitcode.h"
#include "ingestcommand.h"
#include "jobscommand.h"
#include "lscommand.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Cli
{
std::vector<std::unique_ptr<Command>> makeCommands(const Streams &streams)
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<IngestCommand>(streams, makeTokenFactoryResolver()));
    commands.push_back(std::make_unique<LsCommand>(streams, makeTokenFactoryResolver()));
    commands.push_back(std::make_unique<JobsCommand>(streams));
    commands.push_back(std::make_unique<VerifyCommand>(streams));
    // Sign-in commands (login, logout, accounts, databricks-login) register here.
    commands.push_back(std::make_unique<LoginCommand>(streams));
    commands.push_back(std::make_unique<LogoutCommand>(streams));
    commands.push_back(std::make_unique<AccountsCommand>(streams));
    commands.push_back(std::make_unique<DatabricksLoginCommand>(streams));
    return commands;
}

bool takeLogOptions(QStringList *args, Util::LogOptions *options, QString *error)
{
    QStringList kept;
    for (qsizetype i = 0; i < args->size(); ++i)
    {
        const QString &arg = args->at(i);
        if (i > 0 && (arg == "-v"_L1 || arg == "--verbose"_L1))
        {
            options->verbose = true;
        }
        else if (arg == "--log-file"_L1)
        {
            if (i + 1 >= args->size() || args->at(i + 1).isEmpty())
            {
                *error = QCoreApplication::translate("Cli", "--log-file needs a file name");
                return false;
            }
            options->file = args->at(++i);
        }
        else if (arg.startsWith("--log-file="_L1))
        {
            options->file = arg.mid(11);
            if (options->file.isEmpty())
            {
                *error = QCoreApplication::translate("Cli", "--log-file needs a file name");
                return false;
            }
        }
        else
        {
            kept << arg;
        }
    }
    *args = kept;
    return true;
}

QString exitCodesText()
{
    // Keep in step with the table in README.md ("Command line"): tst_cli_commands compares the two.
    return QCoreApplication::translate("Cli",
                                       "Exit codes:\n"
                                       "  0    every file done (or skipped: already at the destination)\n"
                                       "  1    the run ended, but some files failed or were parked (quota: retry later), or a SOURCE\n"
                                       "       was not found (a well-formed id that does not exist or is not shared with you)\n"
                                       "  2    usage error: bad option, a SOURCE that is not a Drive id or link, a DEST of unknown form or\n"
                                       "       an existing file\n"
                                       "  3    authentication: no token, or the token was refused and could not be refreshed\n"
                                       "  4    destination or local error: DEST cannot be created or written, disk full\n"
                                       "       (the run stopped early)\n"
                                       "  5    journal: in use by another drive-ingest process, its folder read-only or full, or\n"
                                       "       written by a newer version (nothing was fetched; --no-journal runs without it)\n"
                                       "  130  interrupted (SIGINT: Ctrl-C, or SIGTERM); finished files stay, nothing half-written\n");
}

QString mainHelpText(const std::vector<std::unique_ptr<Command>> &commands)
{
    QString text = QCoreApplication::translate("Cli",
                                               "Usage: drive-ingest-cli <command> [options] [arguments]\n"
                                               "       drive-ingest-cli --help | --version | <command> --help\n\n"
                                               "Global options: -v, --verbose (the engine's log on stderr), --log-file FILE (the log into FILE).\n\n"
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

int run(const QStringList &arguments, const Streams &streams)
{
    const std::vector<std::unique_ptr<Command>> commands = makeCommands(streams);
    QTextStream &out = *streams.out;
    QTextStream &err = *streams.err;
    // main() set the log up already; here they only must not reach the commands' parsers.
    QStringList args = arguments;
    Util::LogOptions ignored;
    QString logError;
    if (!takeLogOptions(&args, &ignored, &logError))
    {
        err << u"drive-ingest-cli: "_s << logError << u"\n"_s;
        err.flush();
        return ExitUsage;
    }

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
    if (first == "--version"_L1 || first == "-V"_L1)
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
               .arg(Util::escapeControls(name))
        << u"\n"_s;
    err.flush();
    return ExitUsage;
}

} // namespace Cli
