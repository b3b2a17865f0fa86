// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include "journal/journalrows.h"

#include <QCoreApplication>

#include <optional>

class QCommandLineParser;

namespace Journal
{
class Store;
}

namespace Cli
{
/**
 * `drive-ingest-cli jobs [show|forget NAME|KEY]` (issue 11): the journal's jobs with their last run and their
 * files by state; one job's runs; forgetting a job (its runs and files; nothing at the destination changes).
 */
class JobsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli::JobsCommand)

public:
    explicit JobsCommand(const Streams &streams);
    int execute(const QStringList &args) override;

protected:
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    [[nodiscard]] QList<QPair<QString, QString>> positionals() const override;
    [[nodiscard]] QString epilogue() const override;

private:
    int list(Journal::Store &store);
    int show(Journal::Store &store, const Journal::JobRow &job);
};

/**
 * `drive-ingest-cli verify JOB`: what the job's receipts (its done files in the journal) say is at the
 * destination, checked there: missing files, changed ones (size or hash differ) and extra files in the job's
 * folders that no receipt names. Exit 0 when everything matches, 1 when anything differs.
 */
class VerifyCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(Cli::VerifyCommand)

public:
    explicit VerifyCommand(const Streams &streams);
    int execute(const QStringList &args) override;

protected:
    [[nodiscard]] QList<QCommandLineOption> options() const override;
    [[nodiscard]] QList<QPair<QString, QString>> positionals() const override;
};

/// The job named `nameOrKey` (its name, its key or a unique start of its key of 6 characters or more).
[[nodiscard]] std::optional<Journal::JobRow> findJob(const Journal::Store &store, const QString &nameOrKey,
                                                     QString *error);

} // namespace Cli
