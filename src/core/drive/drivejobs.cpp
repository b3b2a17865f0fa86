// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive/drivejobs.h"

#include "drive/driveclient.h"
#include "net/apicall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Drive
{
namespace
{
Net::Error malformed(const QString &what)
{
    Net::Error e;
    e.errorClass = Net::ErrorClass::Transient; // a truncated or garbled answer is worth another try upstream
    e.reason = u"malformedResponse"_s;
    e.message = u"Drive sent an answer that is not the expected JSON (%1)."_s.arg(what);
    return e;
}

Net::Error refused(const QString &reason, const QString &message)
{
    Net::Error e;
    e.errorClass = Net::ErrorClass::Permanent;
    e.reason = reason;
    e.message = message;
    return e;
}

/// Entries of the arrays in a JSON object ({"files":[{…},{…}]} → 2; an empty array counts 1), counted on the
/// raw bytes without building anything, and no further than `limit` + 1: a hostile page is refused before it
/// is parsed (829,000 entries under the 64 MiB body cap took 3.6 GB once parsed).
qint64 countTopLevelEntries(const QByteArray &json, qint64 limit)
{
    qint64 count = 0;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : json)
    {
        if (inString)
        {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c)
        {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            if (depth == 1)
                ++count; // a value of the top-level object opens: its first entry, if any
            ++depth;
            break;
        case ',':
            if (depth == 2 && ++count > limit)
                return count; // one more entry in it
            break;
        case '}':
        case ']':
            --depth;
            break;
        default:
            break;
        }
    }
    return count;
}
} // namespace

// ---- FileJob -------------------------------------------------------------------------------------------------

FileJob::FileJob(Net::ApiCall *call, QObject *parent)
    : QObject(parent)
    , m_call(call)
{
    connect(call, &Net::ApiCall::finished, this,
        [this](const Net::Error &error, const QByteArray &body)
        {
            DriveFile file;
            Net::Error result = error;
            if (!error.isError())
            {
                const QJsonDocument doc = QJsonDocument::fromJson(body);
                if (doc.isObject() && doc.object().contains(u"id"_s))
                    file = DriveFile::fromJson(doc.object());
                else
                    result = malformed(u"file"_s);
            }
            emit finished(result, file);
            deleteLater();
        });
    call->start();
}

void FileJob::abort()
{
    if (m_call)
        m_call->abort();
}

// ---- ListJob -------------------------------------------------------------------------------------------------

ListJob::ListJob(DriveClient *client, const QUrl &url, const QByteArray &resourceKeys, Kind kind, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_url(url)
    , m_resourceKeys(resourceKeys)
    , m_kind(kind)
{
    const int pageSize = std::clamp(QUrlQuery(url).queryItemValue(u"pageSize"_s).toInt(), 1, MaxItemsPerPage);
    m_maxPages = int(2 * MaxItemsPerListing / pageSize) + 100;
}

void ListJob::start()
{
    if (m_started)
        return;
    m_started = true;
    fetch({});
}

void ListJob::abort()
{
    if (m_finished)
        return;
    if (m_call)
    {
        m_call->abort(); // finishes the job through the call's Cancelled result
        return;
    }
    Net::Error e;
    e.errorClass = Net::ErrorClass::Cancelled;
    e.reason = u"cancelled"_s;
    m_finished = true;
    emit finished(e);
    deleteLater();
}

int ListJob::pages() const
{
    return m_pages;
}

qint64 ListJob::items() const
{
    return m_items;
}

std::optional<Net::Error> ListJob::refuseNext(const QString &next) const
{
    if (next.size() > MaxPageTokenLength)
        return refused(u"pageTokenTooLong"_s,
            u"Drive sent a page token of %1 characters; a listing stops past %2."_s.arg(next.size())
                .arg(MaxPageTokenLength));
    if (m_tokens.contains(next))
        return refused(u"pagingLoop"_s,
            u"Drive sent a page token it had sent before, so the listing would never end (after %1 pages)."_s.arg(
                m_pages));
    if (m_pages >= m_maxPages)
        return refused(u"tooManyPages"_s,
            u"The listing did not end after %1 pages (%2 entries); an honest one needs fewer."_s.arg(m_pages).arg(
                m_items));
    return std::nullopt;
}

void ListJob::fetch(const QString &pageToken)
{
    QUrl url = m_url;
    if (!pageToken.isEmpty())
    {
        QString query = url.query(QUrl::FullyEncoded);
        query += u"&pageToken="_s + QString::fromLatin1(QUrl::toPercentEncoding(pageToken));
        url.setQuery(query, QUrl::TolerantMode);
    }
    Net::ApiCall *call = m_client->newCall(url, m_resourceKeys);
    call->setParent(this);
    m_call = call;
    connect(call, &Net::ApiCall::finished, this,
        [this](const Net::Error &error, const QByteArray &body)
        {
            m_call = nullptr;
            Net::Error result = error;
            QString next;
            const qint64 entries = error.isError() ? 0 : countTopLevelEntries(body, MaxItemsPerPage);
            if (entries > MaxItemsPerPage)
            {
                result = refused(u"pageTooLarge"_s,
                    u"Drive sent more than %1 entries in one page of the listing; a page holds %1 at most."_s.arg(
                        MaxItemsPerPage));
            }
            else if (!error.isError())
            {
                const QJsonDocument doc = QJsonDocument::fromJson(body);
                const QJsonObject o = doc.object();
                const QString key = m_kind == Kind::Files ? u"files"_s : u"drives"_s;
                // An empty page may come as a bare {} under a fields mask: only non-objects are garbage.
                if (!doc.isObject())
                {
                    result = malformed(key);
                }
                else
                {
                    const QJsonArray array = o.value(key).toArray();
                    QList<DriveFile> items;
                    items.reserve(array.size());
                    for (const QJsonValue &v : array)
                    {
                        DriveFile f = DriveFile::fromJson(v.toObject());
                        if (m_kind == Kind::Drives)
                        {
                            f.mimeType = QString::fromLatin1(FolderMime);
                            f.driveId = f.id;
                        }
                        if (!f.resourceKey.isEmpty())
                            m_client->addResourceKey(f.id, f.resourceKey);
                        if (!f.shortcutTargetResourceKey.isEmpty())
                            m_client->addResourceKey(f.shortcutTargetId, f.shortcutTargetResourceKey);
                        items.append(std::move(f));
                    }
                    ++m_pages;
                    m_items += items.size();
                    next = o.value(u"nextPageToken"_s).toString();
                    emit page(items);
                }
            }
            if (!result.isError() && !next.isEmpty())
            {
                if (const std::optional<Net::Error> stop = refuseNext(next))
                {
                    result = *stop;
                }
                else
                {
                    m_tokens.insert(next);
                    fetch(next);
                    return;
                }
            }
            m_finished = true;
            emit finished(result);
            deleteLater();
        });
    call->start();
}

} // namespace Drive
