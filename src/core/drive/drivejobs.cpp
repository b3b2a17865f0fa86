// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive/drivejobs.h"

#include "drive/driveclient.h"
#include "net/apicall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

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
            if (!error.isError())
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
                fetch(next);
                return;
            }
            m_finished = true;
            emit finished(result);
            deleteLater();
        });
    call->start();
}

} // namespace Drive
