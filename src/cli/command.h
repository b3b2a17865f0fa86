// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;
class QTextStream;

namespace Cli
{
/// Where a command reads and writes. Injected so tests can run commands in-process on QBuffers.
struct Streams
{
    QTextStream *out = nullptr;
    QTextStream *err = nullptr;
    QTextStream *in = nullptr;
};

/**
 * One subcommand (`ingest`, `login`, …), KeePassXC style: a name, a one-line description, its options,
 * and execute(). `args` starts with the command name, as QCommandLineParser expects.
 */
class Command
{
public:
    Command(QString name, QString description, const Streams &streams);
    virtual ~Command();
    Command(const Command &) = delete;
    Command &operator=(const Command &) = delete;

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString description() const { return m_description; }

    /// Returns the process exit code (Cli::ExitCode).
    virtual int execute(const QStringList &args) = 0;

    /// Full `<command> --help` text.
    [[nodiscard]] QString helpText() const;

protected:
    /// The command's own options (`--help` is added by parse()).
    [[nodiscard]] virtual QList<QCommandLineOption> options() const { return {}; }
    /// Positional arguments for the help text, e.g. {"SOURCE...", "Drive ids or share links"}.
    [[nodiscard]] virtual QList<QPair<QString, QString>> positionals() const { return {}; }
    /// Extra paragraphs printed after the options in `--help` (exit codes, examples).
    [[nodiscard]] virtual QString epilogue() const { return {}; }

    /// Sets up `parser` with options(), parses `args`. Returns false when the command must end now,
    /// with `*exitCode` set: 0 after `--help`, ExitUsage after a parse error (message on err()).
    bool parse(QCommandLineParser &parser, const QStringList &args, int *exitCode);
    /// Prints "<prog> <command>: <message>" and a hint on err(); returns ExitUsage.
    int usageError(const QString &message);
    /// Prints "<prog> <command>: <message>" on err(), secrets redacted and control characters escaped (the
    /// message may carry a server's words or a Drive name).
    void printError(const QString &message);
    /// usageError() for ExitUsage, printError() for any other code; returns `exitCode`.
    int failWith(int exitCode, const QString &message);

    QTextStream &out() const { return *m_streams.out; }
    QTextStream &err() const { return *m_streams.err; }
    QTextStream *in() const { return m_streams.in; }
    [[nodiscard]] const Streams &streams() const { return m_streams; }

private:
    QString m_name;
    QString m_description;
    Streams m_streams;
};

} // namespace Cli
