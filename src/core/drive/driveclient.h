// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/drivefile.h"
#include "drive/drivejobs.h"
#include "net/backoff.h"
#include "net/endpoints.h"

#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Net
{
class TokenProvider;
}

namespace Net
{
class ApiCall;
class Pacer;
struct RequestCounters;
} // namespace Net

namespace Drive
{
/// Drive v3 over one QNetworkAccessManager (google-drive-api.md). Metadata calls go through Net::ApiCall (pacer,
/// backoff, one token refresh) and return self-deleting job objects that finish exactly once on this object's
/// thread. Content requests are only *built* here: the engine sends and streams them itself.
/// Every request carries both all-drives flags where Drive takes them, an explicit `fields` projection, and
/// X-Goog-Drive-Resource-Keys whenever a resource key for the item is known.
class DriveClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DriveClient)

public:
    DriveClient(QNetworkAccessManager *nam, Net::TokenProvider *tokens, Net::Pacer *pacer,
        const Net::Endpoints &endpoints, QObject *parent = nullptr);

    void setCounters(Net::RequestCounters *counters);
    void setBackoffPolicy(const Net::BackoffPolicy &policy);
    /// Media over HTTP/2 (default off: parallel ranges need separate TCP connections, rclone does the same).
    void setMediaHttp2Allowed(bool allowed);

    /// Remembers a resource key (from a share link or a listing) so every later request for `id` carries it.
    void addResourceKey(const QString &id, const QString &resourceKey);
    [[nodiscard]] QString resourceKey(const QString &id) const;

    [[nodiscard]] FileJob *getFile(const QString &id, const QString &resourceKey = {});
    /// Children of a folder, trashed ones excluded, page by page.
    [[nodiscard]] ListJob *listChildren(const QString &folderId, int pageSize = 1000);
    /// rclone's ListR grouping (resume-incremental.md §2): 50 folders per query at most.
    static constexpr int MaxParentsPerQuery = 50;
    /// Children of several folders in one query, `('a' in parents or 'b' in parents …) and trashed = false`
    /// (one folder: the same query as listChildren). Every child carries `parents`, so the caller spreads them
    /// back. `driveId` non-empty: every folder lies in that shared drive, listed with corpora=drive&driveId.
    /// Beware Drive's bug on grouped queries (google-drive-api.md §2): an empty answer may be false.
    [[nodiscard]] ListJob *listChildrenOf(
        const QStringList &folderIds, const QString &driveId = {}, int pageSize = 1000);
    [[nodiscard]] ListJob *listSharedWithMe(int pageSize = 1000);
    [[nodiscard]] ListJob *listSharedDrives(int pageSize = 100);
    /// Top level of a shared drive (corpora=drive&driveId=…).
    [[nodiscard]] ListJob *listDriveRoot(const QString &driveId, int pageSize = 1000);
    /// changes/startPageToken (google-drive-api.md §7): the current position of the user's change log, or of the
    /// shared drive `driveId`'s. Not started; the body is `{"startPageToken": …}`.
    [[nodiscard]] Net::ApiCall *startPageToken(const QString &driveId = {});
    /// One page of changes.list (resume-incremental.md §1b) from `pageToken`, removals included, in the user's
    /// log or `driveId`'s. Not started; the body is `{changes, nextPageToken | newStartPageToken}`.
    [[nodiscard]] Net::ApiCall *listChanges(const QString &pageToken, const QString &driveId = {}, int pageSize = 1000);
    /// about?fields=user,storageQuota: the body is the JSON object.
    [[nodiscard]] Net::ApiCall *about();

    /// GET files/{id}?alt=media. Range only when from > 0 or to >= 0, never for a 0-byte file.
    [[nodiscard]] QNetworkRequest mediaRequest(
        const DriveFile &file, qint64 from = 0, qint64 to = -1, bool acknowledgeAbuse = false) const;
    /// GET files/{id}/export?mimeType=… (10 MB limit; no Range).
    [[nodiscard]] QNetworkRequest exportRequest(const DriveFile &file, const QString &mimeType) const;
    /// The file's exportLinks URL for `mimeType` (no 10 MB limit). Empty URL when the file has none. The
    /// bearer goes only where Net::mayCarryBearer() lets the Drive API's token go (Google's hosts over https,
    /// or the very origin of a sandbox). Whether the URL may be opened at all is Net::isServerUrlAllowed().
    [[nodiscard]] QNetworkRequest exportLinkRequest(const DriveFile &file, const QString &mimeType) const;

    /// A paced, retried JSON call on the Drive API (path relative to driveApi, e.g. "files/ID").
    [[nodiscard]] Net::ApiCall *newCall(const QUrl &url, const QByteArray &resourceKeys = {});
    [[nodiscard]] QUrl apiUrl(const QString &relativePath, const QList<QPair<QString, QString>> &query) const;
    [[nodiscard]] QByteArray resourceKeysHeader(const QStringList &ids) const;

    /// A q string literal: backslash and quote escaped, in single quotes.
    [[nodiscard]] static QString quoteQueryString(const QString &value);
    [[nodiscard]] static QString listFields();

    [[nodiscard]] const Net::Endpoints &endpoints() const;
    [[nodiscard]] Net::Pacer *pacer() const;

private:
    [[nodiscard]] QByteArray bearer() const;
    [[nodiscard]] ListJob *startList(const QUrl &url, const QByteArray &resourceKeys, ListJob::Kind kind);

    QNetworkAccessManager *m_nam;
    QPointer<Net::TokenProvider> m_tokens;
    QPointer<Net::Pacer> m_pacer;
    Net::Endpoints m_endpoints;
    Net::RequestCounters *m_counters = nullptr;
    Net::BackoffPolicy m_backoffPolicy;
    bool m_mediaHttp2 = false;
    QHash<QString, QString> m_resourceKeys;
};

} // namespace Drive
