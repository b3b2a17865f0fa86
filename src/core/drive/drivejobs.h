// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/drivefile.h"
#include "net/error.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

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

    DriveClient *m_client;
    QUrl m_url;
    QByteArray m_resourceKeys;
    Kind m_kind;
    QPointer<Net::ApiCall> m_call;
    int m_pages = 0;
    qint64 m_items = 0;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace Drive
