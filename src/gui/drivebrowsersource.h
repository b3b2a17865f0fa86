// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "browsersource.h"
#include "runcontroller.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

#include <deque>
#include <memory>

class QNetworkAccessManager;

namespace Drive
{
class DriveClient;
class ListJob;
} // namespace Drive

/// BrowserSource over Drive::DriveClient on the GUI thread (listing is async; nothing blocks). ListJob pages
/// arrive on their own; they are handed to the model one per fetchMore(), so the tree grows page by page.
class DriveBrowserSource final : public BrowserSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DriveBrowserSource)

public:
    DriveBrowserSource(QNetworkAccessManager *nam, const AccountSession &session, QObject *parent = nullptr);
    ~DriveBrowserSource() override;

    void listPage(quint64 ticket, Root root, const QString &folderId, const QString &pageToken) override;
    /// files.list with q "name contains '…' and trashed = false" in the search's corpus.
    void searchPage(quint64 ticket, const Search &search, const QString &pageToken) override;

private:
    struct Listing
    {
        QPointer<Drive::ListJob> job;
        std::deque<QList<Drive::DriveFile>> pages;
        bool done = false;
        QString error;
        quint64 waitingTicket = 0;
    };
    void deliver(const QString &id);
    /// The next page of a listing already under way (`pageToken` is its id).
    void continueListing(quint64 ticket, const QString &pageToken);
    void track(quint64 ticket, Drive::ListJob *job, bool drives);

    Drive::DriveClient *m_client = nullptr;
    QHash<QString, std::shared_ptr<Listing>> m_listings;
    QSet<QString> m_driveIds;
    quint64 m_nextListing = 0;
};
