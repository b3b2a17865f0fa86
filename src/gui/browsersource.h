// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/drivefile.h"

#include <QList>
#include <QObject>
#include <QString>

/// Where the Drive browser gets its pages from. The real one wraps Drive::DriveClient (async, GUI thread);
/// tests feed pages by hand. Every request carries a ticket that comes back with its answer.
class BrowserSource : public QObject
{
    Q_OBJECT

public:
    enum class Root
    {
        MyDrive,
        SharedWithMe,
        SharedDrives,
    };

    /// A name search in one corpus: My Drive (what the user can see outside shared drives), Shared with me,
    /// one shared drive (`driveId`) or all shared drives.
    struct Search
    {
        QString text;
        Root scope = Root::MyDrive;
        QString driveId;
    };

    using QObject::QObject;

    /// One page of a folder's children; `folderId` empty means the root's own listing (the shared drives
    /// themselves for SharedDrives). Answers with pageReady() or pageFailed().
    virtual void listPage(quint64 ticket, Root root, const QString &folderId, const QString &pageToken) = 0;
    /// One page of the items whose name contains `search.text`. Answers like listPage(); a source that cannot
    /// search answers pageFailed().
    virtual void searchPage(quint64 ticket, const Search &search, const QString &pageToken);

signals:
    void pageReady(quint64 ticket, const QList<Drive::DriveFile> &files, const QString &nextPageToken);
    void pageFailed(quint64 ticket, const QString &message);
};
