// SPDX-License-Identifier: GPL-3.0-or-later
// VolumeSink's multipart flow, for files above the single-PUT limit (databricks-api.md §4): initiate, then one
// part at a time (a presigned URL per part, asked again once when it expired), complete with the ETags; an
// unfinished session is aborted, a suspended one left open for a later run to continue (issue 11). The single
// PUT (buffered or streaming) is in volumedestination.cpp.
#include "destinations/volumedestination.h"

#include "destinations/databricksclient.h"
#include "util/logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaMethod>

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

// The state a durable() carries: which session, for which path and layout, and the parts it holds.
constexpr int StateVersion = 1;

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
                                               // Parts go up one at a time and in order: parts 1..n are a prefix.
                                               const qint64 durableEnd = qint64(partNumber) * volume()->partSize();
                                               if (durableEnd < m_expectedSize)
                                                   emit durable(durableEnd, resumeState());
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
                       if (error.isError() && m_startOffset > 0 && error.errorClass == Net::ErrorClass::Permanent)
                       {
                           sessionGone(error.httpStatus); // parts of the earlier run are not there any more
                           return;
                       }
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
    if (m_session.isEmpty())
        m_session = std::exchange(m_resumeSession, {}); // continued but not confirmed yet: still ours to end
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

qint64 VolumeSink::checkpointInterval() const
{
    return multipart() ? volume()->partSize() : 0;
}

QByteArray VolumeSink::resumeState() const
{
    QJsonArray parts;
    for (const auto &[number, etag] : m_etags)
        parts.append(QJsonArray {number, QString::fromUtf8(etag)});
    const QJsonObject state {{u"v"_s, StateVersion},
                             {u"kind"_s, u"volumeMultipart"_s},
                             {u"requested"_s, m_requestedPath},
                             {u"path"_s, m_path},
                             {u"size"_s, QString::number(m_expectedSize)},
                             {u"partSize"_s, QString::number(volume()->partSize())},
                             {u"session"_s, QString::fromUtf8(m_session)},
                             {u"parts"_s, parts}};
    return QJsonDocument(state).toJson(QJsonDocument::Compact);
}

bool VolumeSink::continueFrom(const Target::Partial &resume)
{
    const QJsonObject state = QJsonDocument::fromJson(resume.state).object();
    const QByteArray session = state.value(u"session"_s).toString().toUtf8();
    const QString path = state.value(u"path"_s).toString();
    const qint64 partSize = volume()->partSize();
    // Another file, size or layout, a session found gone in this run: the parts cannot be this file's prefix.
    if (state.value(u"v"_s).toInt() != StateVersion || state.value(u"kind"_s).toString() != u"volumeMultipart"_s
        || state.value(u"requested"_s).toString() != m_requestedPath || path.isEmpty() || session.isEmpty()
        || state.value(u"size"_s).toString() != QString::number(m_expectedSize)
        || state.value(u"partSize"_s).toString() != QString::number(partSize) || volume()->sessionLost(session))
        return false;
    const QJsonArray parts = state.value(u"parts"_s).toArray();
    if (resume.offset != qint64(parts.size()) * partSize || resume.offset >= m_expectedSize)
        return false;
    QList<QPair<int, QByteArray>> etags;
    for (const QJsonValue &p : parts)
    {
        const QJsonArray pair = p.toArray();
        const QByteArray etag = pair.at(1).toString().toUtf8();
        if (pair.size() != 2 || pair.at(0).toInt() != etags.size() + 1 || etag.isEmpty())
            return false;
        etags.append({pair.at(0).toInt(), etag});
    }
    m_etags = etags;
    m_partNumber = int(etags.size());
    m_written = resume.offset;
    m_startOffset = resume.offset;
    m_resumeSession = session;
    m_resumePath = path;
    return true;
}

void VolumeSink::checkSession()
{
    // No "list parts" call is documented (databricks-api.md §4): asking a URL for the next part is the cheapest
    // call that tells whether the workspace still knows the session. The parts' ETags are checked at complete.
    const QJsonObject request {{u"path"_s, m_path},
                              {u"session_token"_s, QString::fromUtf8(m_resumeSession)},
                              {u"start_part_number"_s, m_partNumber + 1},
                              {u"count"_s, 1},
                              {u"expire_time"_s, expireTime()}};
    m_client->call("POST"_ba, m_client->url("/api/2.0/fs/create-upload-part-urls"_ba),
                   QJsonDocument(request).toJson(QJsonDocument::Compact), "application/json"_ba, this,
                   [this](const Net::Error &error, const DatabricksResponse &) {
                       if (m_done)
                           return;
                       if (error.isError() && error.errorClass == Net::ErrorClass::Permanent
                           && (error.httpStatus == 400 || error.httpStatus == 404))
                       {
                           sessionGone(error.httpStatus);
                           return;
                       }
                       if (error.isError())
                       {
                           fail(error);
                           return;
                       }
                       qCInfo(lcDest) << "continuing" << m_path << "at part" << m_partNumber + 1;
                       m_session = std::exchange(m_resumeSession, {});
                       pumpMultipart();
                   }, m_budget);
}

void VolumeSink::sessionGone(int httpStatus)
{
    const QByteArray session = m_session.isEmpty() ? m_resumeSession : m_session;
    if (m_destination)
        volume()->forgetSession(session);
    m_session.clear();
    m_resumeSession.clear();
    // Nothing of the earlier run can be used: record that, and let the engine start the file again.
    emit durable(0, {});
    fail({Net::ErrorClass::Transient, httpStatus, u"resumeSessionLost"_s,
          tr("The workspace no longer knows the upload session of %1; the file starts again from its first byte")
              .arg(m_scheme + m_path)});
}

void VolumeSink::suspend()
{
    if (m_done)
        return;
    const bool open = !m_session.isEmpty() || !m_resumeSession.isEmpty();
    if (!multipart() || !open || !isSignalConnected(QMetaMethod::fromSignal(&Sink::durable)))
    {
        abort(); // a single PUT cannot continue; nobody recorded a checkpoint
        return;
    }
    // Answers to calls under way are dropped (m_done); a part in flight may still land: the next sink sends it
    // again under the same number, which replaces it.
    m_done = true;
    qCInfo(lcDest) << "left the upload session of" << m_path << "open after" << m_etags.size() << "parts";
}

} // namespace Dest
