// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Net
{
/// Every remote endpoint the engine talks to. Production values by default; `sandbox()` points all of
/// them at one drive-ingest-sandbox base URL. Each can be overridden one by one.
struct Endpoints
{
    QUrl driveApi;       ///< https://www.googleapis.com/drive/v3/   (always ends with '/')
    QUrl oauthAuthorize; ///< https://accounts.google.com/o/oauth2/v2/auth
    QUrl oauthToken;     ///< https://oauth2.googleapis.com/token
    QUrl oauthRevoke;    ///< https://oauth2.googleapis.com/revoke
    QUrl databricksHost; ///< https://<workspace host>; empty until chosen
    QString extraCaFile; ///< a PEM CA to trust in addition to the system store (the sandbox's --tls CA)

    [[nodiscard]] static Endpoints google();
    /// base = "http://127.0.0.1:PORT": driveApi = base/drive/v3/, oauth = base/o/oauth2/v2/auth, base/token,
    /// base/revoke, databricksHost = base.
    [[nodiscard]] static Endpoints sandbox(const QUrl &base);
};

} // namespace Net
