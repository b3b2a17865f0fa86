// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drivecommand.h"

#include <QCoreApplication>

namespace Cli
{
/**
 * `drive-ingest-cli ls [SOURCE] [-R]`: what is there, before an `ingest`. One line per item: type, size,
 * modified time, id, name. SOURCE is anything `ingest` takes (an id, a share link, `root` / the My Drive link;
 * the default is `root`), or `shared-drives` (the shared drives as folders) or `shared-with-me`. A folder
 * shows its children; with -R every folder below, in blocks headed by the folder's path, walked by the same
 * TreeWalker as `ingest` (shortcuts followed, loops cut). Names are printed with control characters escaped.
 * Exit codes as `ingest`: 0, 1 (a SOURCE or folder could not be listed), 2 (usage), 3 (authentication).
 */
class LsCommand final : public DriveCommand
{
    Q_DECLARE_TR_FUNCTIONS(Cli::LsCommand)

public:
    explicit LsCommand(const Streams &streams, TokenFactoryResolver resolver = {});

    int execute(const QStringList &args) override;

protected:
    [[nodiscard]] QList<QCommandLineOption> ownOptions() const override;
    [[nodiscard]] QList<QPair<QString, QString>> positionals() const override;
    [[nodiscard]] QString epilogue() const override;
};

} // namespace Cli
