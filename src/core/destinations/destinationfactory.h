// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/databrickscredentials.h"
#include "destinations/destinationspec.h"
#include "net/endpoints.h"

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QObject;

namespace Dest
{
class Destination;

/**
 * Where a run's files go, built once from what the user named: one set of rules for the CLI's `--to DEST
 * --databricks-host URL` and the app's destination field with its chosen workspace.
 *
 *   Local           -> LocalDestination(spec.path)
 *   Volume / Dbfs   -> VolumeDestination / DbfsDestination on `credentials.host`, with a DatabricksTokenProvider
 *                      over `credentials` (a PAT as is; a service principal's token fetched and renewed)
 *
 * The factory runs later on the engine's thread and captures copies only; every call builds a new destination
 * (with its own token provider) parented to `parent`.
 */
using DestinationFactory = std::function<Destination *(QNetworkAccessManager *nam, QObject *parent)>;

/// The sandbox plays the Databricks workspace too, and takes its built-in personal access token there
/// (tests/sandbox/oauth.h: `dapi-sandbox-token`). When `sandbox` is set and `host` is the sandbox's workspace
/// (`endpoints.databricksHost`, compared normalised), those credentials; nullopt for any other host, which
/// takes what `databricks-login` / the app's Databricks workspaces kept.
[[nodiscard]] std::optional<Auth::DatabricksCredentials> sandboxWorkspace(bool sandbox, const Net::Endpoints &endpoints,
                                                                          const QString &host);

/// The factory for `spec`. A Databricks spec needs `credentials` (their host is the workspace); nullopt with a
/// translated `*error` when it has none. A local spec ignores them.
[[nodiscard]] std::optional<DestinationFactory> destinationFactory(
    const DestinationSpec &spec, const std::optional<Auth::DatabricksCredentials> &credentials, QString *error);

} // namespace Dest
