// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivebrowsersource.h"

#include "net/tokenprovider.h"
#include "drive/driveclient.h"
#include "drive/drivejobs.h"
#include "net/pacer.h"

using namespace Qt::StringLiterals;

namespace
{
constexpr int BrowsePageSize = 200; // small pages keep the first screen quick in huge folders
}

DriveBrowserSource::DriveBrowserSource(QNetworkAccessManager *nam, const AccountSession &session, QObject *parent)
    : BrowserSource(parent)
{
    Net::TokenProvider *tokens = session.tokens()(nam, this);
    auto *pacer = new Net::Pacer(10.0, 20, this);
    m_client = new Drive::DriveClient(nam, tokens, pacer, session.endpoints, this);
}

DriveBrowserSource::~DriveBrowserSource()
{
    for (const auto &listing : std::as_const(m_listings))
        if (listing->job)
            listing->job->abort();
}

void DriveBrowserSource::listPage(quint64 ticket, Root root, const QString &folderId, const QString &pageToken)
{
    if (!pageToken.isEmpty())
    {
        const auto listing = m_listings.value(pageToken);
        if (!listing)
        {
            emit pageFailed(ticket, tr("The listing expired; collapse and expand the folder again."));
            return;
        }
        listing->waitingTicket = ticket;
        deliver(pageToken);
        return;
    }
    Drive::ListJob *job = nullptr;
    if (folderId.isEmpty())
    {
        switch (root)
        {
        case Root::MyDrive:
            job = m_client->listChildren(u"root"_s, BrowsePageSize);
            break;
        case Root::SharedWithMe:
            job = m_client->listSharedWithMe(BrowsePageSize);
            break;
        case Root::SharedDrives:
            job = m_client->listSharedDrives();
            break;
        }
    }
    else if (m_driveIds.contains(folderId))
    {
        job = m_client->listDriveRoot(folderId, BrowsePageSize);
    }
    else
    {
        job = m_client->listChildren(folderId, BrowsePageSize);
    }
    const QString id = u"L"_s + QString::number(++m_nextListing);
    auto listing = std::make_shared<Listing>();
    listing->job = job;
    listing->waitingTicket = ticket;
    m_listings.insert(id, listing);
    const bool drives = root == Root::SharedDrives && folderId.isEmpty();
    connect(job, &Drive::ListJob::page, this, [this, id, listing, drives](const QList<Drive::DriveFile> &items) {
        if (drives)
            for (const Drive::DriveFile &f : items)
                m_driveIds.insert(f.id);
        listing->pages.push_back(items);
        deliver(id);
    });
    connect(job, &Drive::ListJob::finished, this, [this, id, listing](const Net::Error &error) {
        listing->done = true;
        if (error.isError())
            listing->error = error.message.isEmpty() ? error.reason : error.message;
        deliver(id);
    });
}

void DriveBrowserSource::deliver(const QString &id)
{
    const auto listing = m_listings.value(id);
    if (!listing || listing->waitingTicket == 0)
        return;
    const quint64 ticket = listing->waitingTicket;
    if (!listing->pages.empty())
    {
        const QList<Drive::DriveFile> items = listing->pages.front();
        listing->pages.pop_front();
        listing->waitingTicket = 0;
        const bool more = !listing->pages.empty() || !listing->done;
        if (!more)
            m_listings.remove(id);
        emit pageReady(ticket, items, more ? id : QString());
        return;
    }
    if (!listing->done)
        return;
    listing->waitingTicket = 0;
    m_listings.remove(id);
    if (!listing->error.isEmpty())
        emit pageFailed(ticket, listing->error);
    else
        emit pageReady(ticket, {}, QString());
}
