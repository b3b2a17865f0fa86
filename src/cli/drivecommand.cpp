// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivecommand.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Cli
{
DriveCommand::DriveCommand(QString name, QString description, const Streams &streams, TokenFactoryResolver resolver)
    : Command(std::move(name), std::move(description), streams)
    , m_resolver(std::move(resolver))
{
}

QList<QCommandLineOption> DriveCommand::options() const
{
    return ownOptions() + GoogleAccess::options();
}

std::optional<Transfer::EngineHost::TokenFactory> DriveCommand::googleToken(const GoogleAccess &access, int *exitCode)
{
    const GoogleAccess::Token token = access.tokenFactory(m_resolver);
    if (!token.note.isEmpty())
    {
        err() << u"drive-ingest-cli "_s << name() << u": "_s << token.note << u"\n"_s;
        err().flush();
    }
    if (!token.factory)
    {
        *exitCode = failWith(token.exitCode, token.error);
        return std::nullopt;
    }
    return token.factory;
}

} // namespace Cli
