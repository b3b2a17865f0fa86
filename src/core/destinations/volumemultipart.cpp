// SPDX-License-Identifier: GPL-3.0-or-later
// VolumeSink's multipart flow, for files above the single-PUT limit (databricks-api.md §4): initiate, then one
// part at a time (a presigned URL per part, asked again once when it expired), complete with the ETags; an
// unfinished session is aborted. The single PUT (buffered or streaming) is in volumedestination.cpp.
#include "destinations/volumedestination.h"

#include "destinations/databricksclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
QString expireTime()
{
    return QDateTime::currentDateTimeUtc().addSecs(3600).toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

QList<QPair<QByteArray, QByteArray>> headersOf(const QJsonObject &o)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QJsonValue &h : o.value(u"headers"_s).toArray())
        headers.append({h.toObject().value(u"name"_s).toString().toUtf8(), h.toObject().value(u"value"_s).toString().toUtf8()});
    return headers;
}
} // namespace

qint64 VolumeSink::takePart(const char *data, qint64 length)
{
    // One part in memory at a time: nothing more until it went up.
    if (m_partInFlight || m_part.size() >= volume()->partSize())
    {
        m_blocked = true;
        return 0;
    }
    const qint64 taken = qMin(length, volume()->partSize() - m_part.size());
    m_part.append(data, taken);
    m_written += taken;
    if (taken < length)
        m_blocked = true;
    pumpMultipart();
    return taken;
}

void VolumeSink::initiateMultipart()
{
    const QUrl url = m_client->url("/api/2.0/fs/files"_ba + DatabricksClient::encodePath(m_path),
                                   "action=initiate-upload&overwrite=true"_ba);
    m_client->call("POST"_ba, url, {}, {}, this, [this](const Net::Error &error, const DatabricksResponse &response) {
        if (m_done)
            return;
        if (error.isError())
        {
            fail(error);
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(response.body).object();
        m_session = o.value(u"multipart_upload"_s).toObject().value(u"session_token"_s).toString().toUtf8();
        if (m_session.isEmpty())
        {
            // GCP answers with a resumable upload, which this client does not speak.
            fail({Net::ErrorClass::Permanent, response.status, u"multipartUnsupported"_s,
                  tr("The workspace offered no multipart upload for a file above %1 bytes").arg(volume()->singlePutLimit())});
            return;
        }
        pumpMultipart();
    }, m_budget);
}

void VolumeSink::pumpMultipart()
{
    if (m_done || !m_ready || m_session.isEmpty() || m_partInFlight)
        return;
    const bool full = m_part.size() >= volume()->partSize();
    if (full || (m_finishRequested && !m_part.isEmpty()))
    {
        m_partInFlight = true;
        uploadPart(++m_partNumber, std::exchange(m_part, {}), false);
        return;
    }
    if (m_finishRequested && m_part.isEmpty())
        completeMultipart();
}

void VolumeSink::uploadPart(int partNumber, const QByteArray &data, bool freshUrl)
{
    const QJsonObject request {{u"path"_s, m_path},
                              {u"session_token"_s, QString::fromUtf8(m_session)},
                              {u"start_part_number"_s, partNumber},
                              {u"count"_s, 1},
                              {u"expire_time"_s, expireTime()}};
    m_client->call("POST"_ba, m_client->url("/api/2.0/fs/create-upload-part-urls"_ba),
                   QJsonDocument(request).toJson(QJsonDocument::Compact), "application/json"_ba, this,
                   [this, partNumber, data, freshUrl](const Net::Error &error, const DatabricksResponse &response) {
                       if (m_done)
                           return;
                       if (error.isError())
                       {
                           fail(error);
                           return;
                       }
                       const QJsonObject part = QJsonDocument::fromJson(response.body)
                                                    .object()
                                                    .value(u"upload_part_urls"_s)
                                                    .toArray()
                                                    .first()
                                                    .toObject();
                       const QUrl url = QUrl::fromEncoded(part.value(u"url"_s).toString().toUtf8(), QUrl::StrictMode);
                       m_client->presigned("PUT"_ba, url, data, headersOf(part), this,
                                           [this, partNumber, data, freshUrl](const Net::Error &error,
                                                                               const DatabricksResponse &response) {
                                               if (m_done)
                                                   return;
                                               if (error.isError() && error.reason == u"presignedRefused"_s && !freshUrl)
                                               {
                                                   uploadPart(partNumber, data, true); // an expired URL: ask for a new one
                                                   return;
                                               }
                                               if (error.isError())
                                               {
                                                   fail(error);
                                                   return;
                                               }
                                               m_etags.append({partNumber, response.header("ETag"_ba)});
                                               m_partInFlight = false;
                                               if (m_blocked)
                                               {
                                                   m_blocked = false;
                                                   emit readyForMore();
                                               }
                                               pumpMultipart();
                                           }, m_budget);
                   }, m_budget);
}

void VolumeSink::completeMultipart()
{
    m_partInFlight = true; // nothing else goes out
    QJsonArray parts;
    std::sort(m_etags.begin(), m_etags.end());
    for (const auto &[number, etag] : m_etags)
        parts.append(QJsonObject {{u"part_number"_s, number}, {u"etag"_s, QString::fromUtf8(etag)}});
    const QUrl url = m_client->url("/api/2.0/fs/files"_ba + DatabricksClient::encodePath(m_path),
                                   "action=complete-upload&upload_type=multipart&session_token="_ba
                                       + QUrl::toPercentEncoding(QString::fromUtf8(m_session)));
    m_client->call("POST"_ba, url, QJsonDocument(QJsonObject {{u"parts"_s, parts}}).toJson(QJsonDocument::Compact),
                   "application/json"_ba, this, [this](const Net::Error &error, const DatabricksResponse &) {
                       if (m_done)
                           return;
                       if (error.isError())
                       {
                           fail(error);
                           return;
                       }
                       m_session.clear(); // complete: nothing to abort
                       m_uploaded = true;
                       commit();
                   }, m_budget);
}

void VolumeSink::abortMultipart()
{
    if (m_session.isEmpty() || !m_client)
        return;
    const QByteArray session = std::exchange(m_session, {});
    const QJsonObject request {{u"path"_s, m_path},
                              {u"session_token"_s, QString::fromUtf8(session)},
                              {u"expire_time"_s, expireTime()}};
    QPointer<DatabricksClient> client = m_client;
    // Owned by the client: the sink is usually gone before the answer.
    m_client->call("POST"_ba, m_client->url("/api/2.0/fs/create-abort-upload-url"_ba),
                   QJsonDocument(request).toJson(QJsonDocument::Compact), "application/json"_ba, m_client,
                   [client](const Net::Error &error, const DatabricksResponse &response) {
                       if (error.isError() || !client)
                           return;
                       const QJsonObject o = QJsonDocument::fromJson(response.body).object().value(u"abort_upload_url"_s).toObject();
                       const QUrl url = QUrl::fromEncoded(o.value(u"url"_s).toString().toUtf8(), QUrl::StrictMode);
                       client->presigned("DELETE"_ba, url, {}, headersOf(o), client, [](const Net::Error &, const DatabricksResponse &) {});
                   });
}

} // namespace Dest
