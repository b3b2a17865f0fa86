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

void DriveBrowserSource::continueListing(quint64 ticket, const QString &pageToken)
{
    const auto listing = m_listings.value(pageToken);
    if (!listing)
    {
        emit pageFailed(ticket, tr("The listing expired; collapse and expand the folder again."));
        return;
    }
    listing->waitingTicket = ticket;
    deliver(pageToken);
}

void DriveBrowserSource::searchPage(quint64 ticket, const Search &search, const QString &pageToken)
{
    if (!pageToken.isEmpty())
        return continueListing(ticket, pageToken);
    QString q = u"name contains "_s + Drive::DriveClient::quoteQueryString(search.text) + u" and trashed = false"_s;
    QList<QPair<QString, QString>> query {{u"pageSize"_s, QString::number(BrowsePageSize)},
                                          {u"fields"_s, Drive::DriveClient::listFields()},
                                          {u"supportsAllDrives"_s, u"true"_s}};
    switch (search.scope)
    {
    case Root::MyDrive:
        break; // corpora=user: My Drive and what is shared with the user, as Drive's own search box
    case Root::SharedWithMe:
        q += u" and sharedWithMe = true"_s;
        break;
    case Root::SharedDrives:
        query.append({u"includeItemsFromAllDrives"_s, u"true"_s});
        if (search.driveId.isEmpty())
        {
            query.append({u"corpora"_s, u"allDrives"_s});
        }
        else
        {
            query.append({u"corpora"_s, u"drive"_s});
            query.append({u"driveId"_s, search.driveId});
        }
        break;
    }
    query.prepend({u"q"_s, q});
    auto *job = new Drive::ListJob(m_client, m_client->apiUrl(u"files"_s, query), {}, Drive::ListJob::Kind::Files, this);
    job->start();
    track(ticket, job, false);
}

void DriveBrowserSource::listPage(quint64 ticket, Root root, const QString &folderId, const QString &pageToken)
{
    if (!pageToken.isEmpty())
        return continueListing(ticket, pageToken);
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
    track(ticket, job, root == Root::SharedDrives && folderId.isEmpty());
}

void DriveBrowserSource::track(quint64 ticket, Drive::ListJob *job, bool drives)
{
    const QString id = u"L"_s + QString::number(++m_nextListing);
    auto listing = std::make_shared<Listing>();
    listing->job = job;
    listing->waitingTicket = ticket;
    m_listings.insert(id, listing);
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
