// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/drivefile.h"
#include "net/error.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <optional>

namespace Net
{
class ApiCall;
}

namespace Drive
{
class DriveClient;

/// files.get for metadata. Emits finished() exactly once (on the client's thread), then deletes itself.
class FileJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileJob)

public:
    FileJob(Net::ApiCall *call, QObject *parent);
    void abort();

signals:
    void finished(const Net::Error &error, const Drive::DriveFile &file);

private:
    QPointer<Net::ApiCall> m_call;
};

/// A paged list (files.list or drives.list): page() for every page as it arrives (possibly empty ones), until
/// the server gives no nextPageToken; then finished() exactly once, then the job deletes itself.
/// A hostile or broken server cannot make it run forever or eat the memory (issue 16): a page token seen
/// before ("pagingLoop"), a token over MaxPageTokenLength ("pageTokenTooLong"), more pages than the listing can
/// honestly need ("tooManyPages") or a page holding more than MaxItemsPerPage entries ("pageTooLarge", counted
/// before the page is parsed) end the listing with a Permanent error.
class ListJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListJob)

public:
    enum class Kind
    {
        Files, ///< {"files":[…]}
        Drives, ///< {"drives":[{id,name}]}: each drive as a folder-like DriveFile with driveId = id
    };

    /// Drive sends pageSize entries at most, and pageSize is 1000 at most (google-drive-api.md).
    static constexpr int MaxItemsPerPage = 1000;
    /// Drive's tokens are a few hundred characters; this leaves room and keeps request URLs sane.
    static constexpr int MaxPageTokenLength = 8192;
    /// A Drive folder holds 500,000 items at most: twice that, in pages of the size asked for, plus room for
    /// the empty pages Drive may send, is more than an honest listing needs.
    static constexpr qint64 MaxItemsPerListing = 1'000'000;

    /// `url` carries every query item except pageToken.
    ListJob(DriveClient *client, const QUrl &url, const QByteArray &resourceKeys, Kind kind, QObject *parent);

    /// Schedules the first page (the jobs DriveClient returns are started already).
    void start();
    void abort();
    [[nodiscard]] int pages() const;
    [[nodiscard]] qint64 items() const;

signals:
    void page(const QList<Drive::DriveFile> &items);
    void finished(const Net::Error &error);

private:
    void fetch(const QString &pageToken);
    /// The reason the listing must stop before `next` is fetched, if any.
    [[nodiscard]] std::optional<Net::Error> refuseNext(const QString &next) const;

    DriveClient *m_client;
    QUrl m_url;
    QByteArray m_resourceKeys;
    Kind m_kind;
    QPointer<Net::ApiCall> m_call;
    QSet<QString> m_tokens; ///< every page token followed so far
    int m_maxPages = 0;
    int m_pages = 0;
    qint64 m_items = 0;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace Drive
