// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// The long option names of every command, in one place: an option two commands share (--sandbox, --account,
/// --ca-file, --client-id) is one name, spelled once.
namespace Cli::Opt
{
// Where Google is and who we are there (GoogleAccess: ingest, ls; login and logout take the endpoints).
inline const QString sandbox = QStringLiteral("sandbox");
inline const QString caFile = QStringLiteral("ca-file");
inline const QString accessTokenFile = QStringLiteral("access-token-file");
inline const QString account = QStringLiteral("account");
inline const QString serviceAccount = QStringLiteral("service-account");
inline const QString subject = QStringLiteral("subject");
inline const QString authUrl = QStringLiteral("auth-url");
inline const QString tokenUrl = QStringLiteral("token-url");
inline const QString revokeUrl = QStringLiteral("revoke-url");
// login, databricks-login
inline const QString noBrowser = QStringLiteral("no-browser");
inline const QString browser = QStringLiteral("browser");
inline const QString clientId = QStringLiteral("client-id");
inline const QString clientSecretFile = QStringLiteral("client-secret-file");
inline const QString port = QStringLiteral("port");
inline const QString timeout = QStringLiteral("timeout");
inline const QString host = QStringLiteral("host");
// ingest
inline const QString to = QStringLiteral("to");
inline const QString databricksHost = QStringLiteral("databricks-host");
inline const QString profile = QStringLiteral("profile"); // ~/.databrickscfg profile (workspaceoptions.h)
inline const QString parallel = QStringLiteral("parallel");
inline const QString streams = QStringLiteral("streams");
inline const QString qps = QStringLiteral("qps");
inline const QString qpsMax = QStringLiteral("qps-max");
inline const QString exportMap = QStringLiteral("export");
inline const QString conflict = QStringLiteral("on-conflict");
inline const QString dryRun = QStringLiteral("dry-run");
inline const QString report = QStringLiteral("report");
inline const QString quiet = QStringLiteral("quiet");
inline const QString bandwidth = QStringLiteral("bandwidth");
inline const QString retryTimeout = QStringLiteral("retry-timeout");
inline const QString logTable = QStringLiteral("log-table");
inline const QString warehouse = QStringLiteral("warehouse");
// ingest's journal (journaloptions.cpp); jobs and verify take --journal too
inline const QString journal = QStringLiteral("journal");
inline const QString noJournal = QStringLiteral("no-journal");
inline const QString job = QStringLiteral("job");
inline const QString verify = QStringLiteral("verify");
inline const QString mirror = QStringLiteral("mirror"); // issue 12
// ls
inline const QString recursive = QStringLiteral("recursive");
} // namespace Cli::Opt
