// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/destinationfactory.h"

#include "destinations/dbfsdestination.h"
#include "destinations/localdestination.h"
#include "destinations/volumedestination.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
/// The sandbox's default personal access token (tests/sandbox/oauth.cpp kDefaultPat).
constexpr char sandboxPat[] = "dapi-sandbox-token";
} // namespace

std::optional<Auth::DatabricksCredentials> sandboxWorkspace(bool sandbox, const Net::Endpoints &endpoints,
                                                            const QString &host)
{
    const QString wanted = Auth::DatabricksCredentials::normaliseHost(host);
    if (!sandbox || wanted.isEmpty() || wanted != Auth::DatabricksCredentials::normaliseHost(endpoints.databricksHost.toString()))
        return std::nullopt;
    Auth::DatabricksCredentials credentials;
    credentials.kind = Auth::DatabricksCredentials::Kind::PersonalAccessToken;
    credentials.host = wanted;
    credentials.secret = QByteArray(sandboxPat);
    return credentials;
}

std::optional<DestinationFactory> destinationFactory(const DestinationSpec &spec,
                                                     const std::optional<Auth::DatabricksCredentials> &credentials,
                                                     QString *error)
{
    const QString root = spec.path;
    switch (spec.kind)
    {
    case DestinationSpec::Kind::Local:
        return DestinationFactory([root](QNetworkAccessManager *, QObject *parent) -> Destination * {
            return new LocalDestination(root, parent);
        });
    case DestinationSpec::Kind::Volume:
    case DestinationSpec::Kind::Dbfs:
        break;
    }
    if (!credentials || credentials->host.isEmpty())
    {
        if (error)
            *error = QCoreApplication::translate("Dest::DestinationFactory",
                                                 "%1 is a Databricks %2 destination: it needs a Databricks workspace")
                         .arg(spec.describe(), DestinationSpec::kindName(spec.kind));
        return std::nullopt;
    }
    const bool volume = spec.kind == DestinationSpec::Kind::Volume;
    return DestinationFactory([volume, root, credentials = *credentials](QNetworkAccessManager *nam,
                                                                         QObject *parent) -> Destination * {
        auto *tokens = new Auth::DatabricksTokenProvider(nam, credentials, parent);
        const QUrl host(credentials.host);
        if (volume)
            return new VolumeDestination(nam, tokens, host, root, parent);
        return new DbfsDestination(nam, tokens, host, root, parent);
    });
}

} // namespace Dest
