// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "exitcode.h"

#include "util/logging.h"
#include "util/redactor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Cli
{
namespace
{
QString optionSyntax(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
    {
        names << (name.size() == 1 ? u"-"_s + name : u"--"_s + name);
    }
    QString syntax = names.join(u", "_s);
    if (!option.valueName().isEmpty())
    {
        syntax += u" "_s + option.valueName();
    }
    return syntax;
}

void appendColumns(QString &text, const QList<QPair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &row : rows)
    {
        width = std::max(width, row.first.size());
    }
    width = std::min<qsizetype>(width, 34);
    for (const auto &row : rows)
    {
        QString left = u"  "_s + row.first;
        if (row.first.size() > width)
        {
            text += left + u"\n"_s + QString(width + 4, u' ');
        }
        else
        {
            text += left.leftJustified(width + 4);
        }
        text += row.second + u"\n"_s;
    }
}
} // namespace

Command::Command(QString name, QString description, const Streams &streams)
    : m_name(std::move(name))
    , m_description(std::move(description))
    , m_streams(streams)
{
}

Command::~Command() = default;

QString Command::helpText() const
{
    QString usage = u"Usage: drive-ingest-cli "_s + m_name + u" [options]"_s;
    for (const auto &positional : positionals())
    {
        usage += u" "_s + positional.first;
    }
    QString text = usage + u"\n\n"_s + m_description + u"\n"_s;

    const QList<QPair<QString, QString>> args = positionals();
    if (!args.isEmpty())
    {
        text += u"\n"_s + QCoreApplication::translate("Cli::Command", "Arguments:") + u"\n"_s;
        appendColumns(text, args);
    }
    QList<QPair<QString, QString>> rows;
    for (const QCommandLineOption &option : options())
    {
        rows.append({optionSyntax(option), option.description()});
    }
    rows.append({u"-h, --help"_s, QCoreApplication::translate("Cli::Command", "Show this help.")});
    text += u"\n"_s + QCoreApplication::translate("Cli::Command", "Options:") + u"\n"_s;
    appendColumns(text, rows);

    const QString more = epilogue();
    if (!more.isEmpty())
    {
        text += u"\n"_s + more;
        if (!more.endsWith(u'\n'))
        {
            text += u"\n"_s;
        }
    }
    return text;
}

bool Command::parse(QCommandLineParser &parser, const QStringList &args, int *exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help({u"h"_s, u"help"_s}, QString());
    parser.addOption(help);
    parser.addOptions(options());
    // QCommandLineParser expects the program name first; here it is the command name.
    if (!parser.parse(args.isEmpty() ? QStringList {m_name} : args))
    {
        *exitCode = usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(help))
    {
        out() << helpText();
        out().flush();
        *exitCode = ExitSuccess;
        return false;
    }
    return true;
}

int Command::usageError(const QString &message)
{
    printError(message);
    err() << QCoreApplication::translate("Cli::Command", "Try 'drive-ingest-cli %1 --help'.").arg(m_name) << u"\n"_s;
    err().flush();
    return ExitUsage;
}

int Command::failWith(int exitCode, const QString &message)
{
    if (exitCode == ExitUsage)
    {
        return usageError(message);
    }
    printError(message);
    return exitCode;
}

void Command::printError(const QString &message)
{
    err() << u"drive-ingest-cli "_s << m_name << u": "_s << Util::escapeControls(Util::redact(message)) << u"\n"_s;
    err().flush();
}

} // namespace Cli
