// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"
#include "googleaccess.h"

#include <optional>

namespace Cli
{
/**
 * A command that talks to Drive (`ingest`, `ls`): its own options followed by GoogleAccess's (--sandbox,
 * --ca-file, --access-token-file, --account, --service-account, --subject), and the Google token they name,
 * found the same way for every such command.
 */
class DriveCommand : public Command
{
public:
    DriveCommand(QString name, QString description, const Streams &streams, TokenFactoryResolver resolver);

protected:
    /// The command's own options; options() adds GoogleAccess::options().
    [[nodiscard]] virtual QList<QCommandLineOption> ownOptions() const = 0;
    [[nodiscard]] QList<QCommandLineOption> options() const final;

    /// The Google token factory `access` names. Says on err() which account was taken when none was named;
    /// nullopt with `*exitCode` (ExitUsage or ExitAuth) after printing why there is none.
    [[nodiscard]] std::optional<Transfer::EngineHost::TokenFactory> googleToken(const GoogleAccess &access, int *exitCode);

private:
    TokenFactoryResolver m_resolver;
};

} // namespace Cli
