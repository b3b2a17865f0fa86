// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive/driveclient.h"

#include "net/tokenprovider.h"
#include "net/apicall.h"
#include "net/network.h"
#include "net/pacer.h"

#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace Drive
{
namespace
{
const QString TrueValue = u"true"_s;
}

DriveClient::DriveClient(QNetworkAccessManager *nam, Net::TokenProvider *tokens, Net::Pacer *pacer,
    const Net::Endpoints &endpoints, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_tokens(tokens)
    , m_pacer(pacer)
    , m_endpoints(endpoints)
{
}

void DriveClient::setCounters(Net::RequestCounters *counters)
{
    m_counters = counters;
}

void DriveClient::setBackoffPolicy(const Net::BackoffPolicy &policy)
{
    m_backoffPolicy = policy;
}

void DriveClient::setMediaHttp2Allowed(bool allowed)
{
    m_mediaHttp2 = allowed;
}

void DriveClient::addResourceKey(const QString &id, const QString &resourceKey)
{
    if (!id.isEmpty() && !resourceKey.isEmpty())
        m_resourceKeys.insert(id, resourceKey);
}

QString DriveClient::resourceKey(const QString &id) const
{
    return m_resourceKeys.value(id);
}

const Net::Endpoints &DriveClient::endpoints() const
{
    return m_endpoints;
}

Net::Pacer *DriveClient::pacer() const
{
    return m_pacer;
}

QByteArray DriveClient::bearer() const
{
    return m_tokens ? m_tokens->accessToken() : QByteArray();
}

QString DriveClient::quoteQueryString(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s);
    escaped.replace(u'\'', u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

QString DriveClient::listFields()
{
    return u"nextPageToken,incompleteSearch,files("_s + DriveFile::fieldsMask() + u')';
}

QUrl DriveClient::apiUrl(const QString &relativePath, const QList<QPair<QString, QString>> &query) const
{
    QUrl url = m_endpoints.driveApi;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    // Ids are [A-Za-z0-9_-]; anything else is percent-encoded rather than trusted as a path.
    QStringList segments = relativePath.split(u'/');
    for (QString &segment : segments)
        segment = QString::fromLatin1(QUrl::toPercentEncoding(segment));
    url.setPath(path + segments.join(u'/'), QUrl::TolerantMode);
    // QUrlQuery would leave '+' alone, which servers read as a space: encode every value ourselves.
    QStringList items;
    for (const auto &[key, value] : query)
        items.append(QString::fromLatin1(QUrl::toPercentEncoding(key)) + u'='
            + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    if (!items.isEmpty())
        url.setQuery(items.join(u'&'), QUrl::TolerantMode);
    return url;
}

QByteArray DriveClient::resourceKeysHeader(const QStringList &ids) const
{
    QByteArrayList parts;
    for (const QString &id : ids)
    {
        const QString key = m_resourceKeys.value(id);
        if (!key.isEmpty())
            parts.append((id + u'/' + key).toUtf8());
    }
    return parts.join(',');
}

Net::ApiCall *DriveClient::newCall(const QUrl &url, const QByteArray &resourceKeys)
{
    auto factory = [url, resourceKeys](const QByteArray &bearer)
    {
        QNetworkRequest request = Net::makeRequest(url, bearer);
        request.setRawHeader("Accept", "application/json");
        if (!resourceKeys.isEmpty())
            request.setRawHeader("X-Goog-Drive-Resource-Keys", resourceKeys);
        return request;
    };
    auto *call = new Net::ApiCall(m_nam, m_tokens, m_pacer, Net::Service::Drive, "GET", std::move(factory), {}, this);
    call->setBackoffPolicy(m_backoffPolicy);
    call->setCounters(m_counters);
    return call;
}

FileJob *DriveClient::getFile(const QString &id, const QString &resourceKey)
{
    addResourceKey(id, resourceKey);
    const QUrl url
        = apiUrl(u"files/"_s + id, { { u"fields"_s, DriveFile::fieldsMask() }, { u"supportsAllDrives"_s, TrueValue } });
    Net::ApiCall *call = newCall(url, resourceKeysHeader({ id }));
    auto *job = new FileJob(call, this);
    call->setParent(job);
    connect(job, &FileJob::finished, this,
        [this](const Net::Error &error, const DriveFile &file)
        {
            if (!error.isError())
            {
                addResourceKey(file.id, file.resourceKey);
                addResourceKey(file.shortcutTargetId, file.shortcutTargetResourceKey);
            }
        });
    return job;
}

ListJob *DriveClient::startList(const QUrl &url, const QByteArray &resourceKeys, ListJob::Kind kind)
{
    auto *job = new ListJob(this, url, resourceKeys, kind, this);
    job->start();
    return job;
}

ListJob *DriveClient::listChildren(const QString &folderId, int pageSize)
{
    const QString q = quoteQueryString(folderId) + u" in parents and trashed = false"_s;
    const QUrl url = apiUrl(u"files"_s,
        { { u"q"_s, q }, { u"pageSize"_s, QString::number(pageSize) }, { u"fields"_s, listFields() },
            { u"supportsAllDrives"_s, TrueValue }, { u"includeItemsFromAllDrives"_s, TrueValue } });
    return startList(url, resourceKeysHeader({ folderId }), ListJob::Kind::Files);
}

ListJob *DriveClient::listChildrenOf(const QStringList &folderIds, const QString &driveId, int pageSize)
{
    Q_ASSERT(!folderIds.isEmpty() && folderIds.size() <= MaxParentsPerQuery);
    QStringList terms;
    terms.reserve(folderIds.size());
    for (const QString &id : folderIds)
        terms.append(quoteQueryString(id) + u" in parents"_s);
    const QString parents = terms.size() == 1 ? terms.first() : u'(' + terms.join(u" or "_s) + u')';
    QList<QPair<QString, QString>> query { { u"q"_s, parents + u" and trashed = false"_s } };
    if (!driveId.isEmpty())
        query += { { u"corpora"_s, u"drive"_s }, { u"driveId"_s, driveId } };
    query += { { u"pageSize"_s, QString::number(pageSize) }, { u"fields"_s, listFields() },
        { u"supportsAllDrives"_s, TrueValue }, { u"includeItemsFromAllDrives"_s, TrueValue } };
    return startList(apiUrl(u"files"_s, query), resourceKeysHeader(folderIds), ListJob::Kind::Files);
}

ListJob *DriveClient::listSharedWithMe(int pageSize)
{
    const QUrl url = apiUrl(u"files"_s,
        { { u"q"_s, u"sharedWithMe = true and trashed = false"_s }, { u"pageSize"_s, QString::number(pageSize) },
            { u"fields"_s, listFields() }, { u"supportsAllDrives"_s, TrueValue },
            { u"includeItemsFromAllDrives"_s, TrueValue } });
    return startList(url, {}, ListJob::Kind::Files);
}

ListJob *DriveClient::listSharedDrives(int pageSize)
{
    const QUrl url = apiUrl(u"drives"_s,
        { { u"pageSize"_s, QString::number(std::clamp(pageSize, 1, 100)) },
            { u"fields"_s, u"nextPageToken,drives(id,name)"_s } });
    return startList(url, {}, ListJob::Kind::Drives);
}

ListJob *DriveClient::listDriveRoot(const QString &driveId, int pageSize)
{
    const QString q = quoteQueryString(driveId) + u" in parents and trashed = false"_s;
    const QUrl url = apiUrl(u"files"_s,
        { { u"q"_s, q }, { u"corpora"_s, u"drive"_s }, { u"driveId"_s, driveId },
            { u"pageSize"_s, QString::number(pageSize) }, { u"fields"_s, listFields() },
            { u"supportsAllDrives"_s, TrueValue }, { u"includeItemsFromAllDrives"_s, TrueValue } });
    return startList(url, {}, ListJob::Kind::Files);
}

Net::ApiCall *DriveClient::startPageToken(const QString &driveId)
{
    QList<QPair<QString, QString>> query { { u"supportsAllDrives"_s, TrueValue } };
    if (!driveId.isEmpty())
        query.append({ u"driveId"_s, driveId });
    return newCall(apiUrl(u"changes/startPageToken"_s, query));
}

Net::ApiCall *DriveClient::listChanges(const QString &pageToken, const QString &driveId, int pageSize)
{
    QList<QPair<QString, QString>> query { { u"pageToken"_s, pageToken },
        { u"pageSize"_s, QString::number(std::clamp(pageSize, 1, 1000)) }, { u"includeRemoved"_s, TrueValue },
        { u"supportsAllDrives"_s, TrueValue }, { u"includeItemsFromAllDrives"_s, TrueValue },
        { u"fields"_s,
            u"nextPageToken,newStartPageToken,changes(changeType,removed,fileId,time,driveId,file("_s
                + DriveFile::fieldsMask() + u"))"_s } };
    if (!driveId.isEmpty())
        query.append({ u"driveId"_s, driveId });
    return newCall(apiUrl(u"changes"_s, query));
}

Net::ApiCall *DriveClient::about()
{
    Net::ApiCall *call = newCall(apiUrl(u"about"_s, { { u"fields"_s, u"user,storageQuota"_s } }));
    call->start();
    return call;
}

QNetworkRequest DriveClient::mediaRequest(const DriveFile &file, qint64 from, qint64 to, bool acknowledgeAbuse) const
{
    QList<QPair<QString, QString>> query { { u"alt"_s, u"media"_s }, { u"supportsAllDrives"_s, TrueValue } };
    if (acknowledgeAbuse)
        query.append({ u"acknowledgeAbuse"_s, TrueValue });
    QNetworkRequest request = Net::makeRequest(
        apiUrl(u"files/"_s + file.id, query), bearer(), m_mediaHttp2 ? Net::Http2::Allowed : Net::Http2::Off);
    // Byte offsets must mean file offsets: no transparent compression on content.
    request.setRawHeader("Accept-Encoding", "identity");
    if ((from > 0 || to >= 0) && file.size != 0)
    {
        QByteArray range = "bytes=" + QByteArray::number(std::max<qint64>(0, from)) + '-';
        if (to >= 0)
            range += QByteArray::number(to);
        request.setRawHeader("Range", range);
    }
    const QString key = file.resourceKey.isEmpty() ? m_resourceKeys.value(file.id) : file.resourceKey;
    if (!key.isEmpty())
        request.setRawHeader("X-Goog-Drive-Resource-Keys", (file.id + u'/' + key).toUtf8());
    return request;
}

QNetworkRequest DriveClient::exportRequest(const DriveFile &file, const QString &mimeType) const
{
    QNetworkRequest request
        = Net::makeRequest(apiUrl(u"files/"_s + file.id + u"/export"_s,
                               { { u"mimeType"_s, mimeType }, { u"supportsAllDrives"_s, TrueValue } }),
            bearer(), Net::Http2::Allowed);
    const QString key = file.resourceKey.isEmpty() ? m_resourceKeys.value(file.id) : file.resourceKey;
    if (!key.isEmpty())
        request.setRawHeader("X-Goog-Drive-Resource-Keys", (file.id + u'/' + key).toUtf8());
    return request;
}

QNetworkRequest DriveClient::exportLinkRequest(const DriveFile &file, const QString &mimeType) const
{
    QString link;
    for (auto it = file.exportLinks.begin(); it != file.exportLinks.end(); ++it)
    {
        if (it.key().compare(mimeType, Qt::CaseInsensitive) == 0)
        {
            link = it.value();
            break;
        }
    }
    if (link.isEmpty())
        return QNetworkRequest();
    const QUrl url(link);
    const QByteArray token = Net::mayCarryBearer(m_endpoints.driveApi, url) ? bearer() : QByteArray();
    QNetworkRequest request = Net::makeRequest(url, token, m_mediaHttp2 ? Net::Http2::Allowed : Net::Http2::Off);
    const QString key = file.resourceKey.isEmpty() ? m_resourceKeys.value(file.id) : file.resourceKey;
    if (!key.isEmpty())
        request.setRawHeader("X-Goog-Drive-Resource-Keys", (file.id + u'/' + key).toUtf8());
    return request;
}

} // namespace Drive
