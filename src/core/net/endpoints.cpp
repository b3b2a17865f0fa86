// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/endpoints.h"

using namespace Qt::StringLiterals;

namespace Net
{
Endpoints Endpoints::google()
{
    Endpoints e;
    e.driveApi = QUrl(u"https://www.googleapis.com/drive/v3/"_s);
    e.oauthAuthorize = QUrl(u"https://accounts.google.com/o/oauth2/v2/auth"_s);
    e.oauthToken = QUrl(u"https://oauth2.googleapis.com/token"_s);
    e.oauthRevoke = QUrl(u"https://oauth2.googleapis.com/revoke"_s);
    return e;
}

Endpoints Endpoints::sandbox(const QUrl &base)
{
    // Keep scheme, host and port only; a trailing slash or path on the base must not double up.
    QUrl root = base.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    const auto at = [&root](const QString &path)
    {
        QUrl url = root;
        url.setPath(path);
        return url;
    };
    Endpoints e;
    e.driveApi = at(u"/drive/v3/"_s);
    e.oauthAuthorize = at(u"/o/oauth2/v2/auth"_s);
    e.oauthToken = at(u"/token"_s);
    e.oauthRevoke = at(u"/revoke"_s);
    e.databricksHost = root;
    return e;
}

} // namespace Net
