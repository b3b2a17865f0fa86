// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/volumedestination.h"

#include "destinations/databricksclient.h"
#include "destinations/relativepath.h"
#include "destinations/volumeuploadpipe.h"
#include "net/errorclassifier.h"
#include "net/httpput.h"
#include "net/network.h"
#include "util/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
/// An export is a few MB at most; beyond this something is wrong and memory must not follow it.
constexpr qint64 MaxBufferedExport = 128LL * 1024 * 1024;

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash <= 0 ? u"/"_s : path.left(slash);
}
} // namespace

VolumeDestination::VolumeDestination(QNetworkAccessManager *nam, Net::TokenProvider *tokens, const QUrl &host,
                                     const QString &root, QObject *parent)
    : DatabricksDestination(nam, tokens, host, root, u"volume:"_s, parent)
{
}

VolumeDestination::~VolumeDestination() = default;

bool VolumeDestination::isVolumePath(const QString &path)
{
    if (!path.startsWith(u"/Volumes/"_s))
        return false;
    const QStringList parts = path.mid(9).split(u'/');
    if (parts.size() < 3)
        return false;
    for (const QString &p : parts)
    {
        if (p.isEmpty() || p == u"."_s || p == u".."_s)
            return false;
    }
    return true;
}

QString VolumeDestination::rootProblem() const
{
    if (!isVolumePath(root()))
        return tr("%1 is not a Volume path: use /Volumes/<catalog>/<schema>/<volume>[/path]").arg(root());
    return {};
}

void VolumeDestination::makeRoot(std::function<void(const Net::Error &)> done)
{
    // mkdir -p of the root: proves the volume exists, the token works and we may write.
    client()->ensureDirectory(root(), this, std::move(done));
}

QString VolumeDestination::cannotWriteText(const QString &detail) const
{
    return tr("Cannot write to %1: %2").arg(describe(), detail);
}

void VolumeDestination::stat(const QString &path, QObject *context, DatabricksClient::Done done)
{
    client()->call("HEAD"_ba, client()->url("/api/2.0/fs/files"_ba + DatabricksClient::encodePath(path)), {}, {}, context,
                   std::move(done));
}

Existing VolumeDestination::existingFrom(const DatabricksResponse &response) const
{
    Existing existing;
    bool ok = false;
    existing.size = response.header("Content-Length"_ba).toLongLong(&ok);
    if (!ok)
        existing.size = -1;
    return existing;
}

Sink *VolumeDestination::openSink(const Target &target, ConflictPolicy policy)
{
    return new VolumeSink(this, target.relativePath, target.expectedSize, policy, target.resume);
}

// ---- VolumeSink ------------------------------------------------------------------------------------------

VolumeSink::VolumeSink(VolumeDestination *destination, const QString &relativePath, qint64 expectedSize,
                       ConflictPolicy policy, const Target::Partial &resume, QObject *parent)
    : DatabricksSink(destination, relativePath, expectedSize, policy, parent)
    , m_requestedPath(m_path)
{
    if (resume.offset > 0 && multipart() && !continueFrom(resume))
        qCInfo(lcDest) << "cannot continue" << m_path << "from byte" << resume.offset << ": starting over";
    // Our own socket unless only a caching proxy serves the workspace (a plain socket cannot use one).
    m_useSocket = streaming() && destination->streamTransport() == VolumeDestination::StreamTransport::Socket
        && Net::HttpPut::tunnelProxyFor(m_client->host()).has_value();
    if (streaming() && !m_useSocket)
    {
        m_pipe = new VolumeUploadPipe(expectedSize, destination->pipeCapacity(), this);
        connect(m_pipe, &VolumeUploadPipe::spaceAvailable, this, [this] {
            if (m_blocked && !m_done)
            {
                m_blocked = false;
                emit readyForMore();
            }
        });
    }
}

VolumeSink::~VolumeSink()
{
    if (!m_done)
        abort();
}

VolumeDestination *VolumeSink::volume() const
{
    return static_cast<VolumeDestination *>(m_destination.data());
}

bool VolumeSink::multipart() const
{
    return m_expectedSize > volume()->singlePutLimit();
}

bool VolumeSink::streaming() const
{
    return !multipart() && m_expectedSize > volume()->bufferedLimit();
}

void VolumeSink::start()
{
    m_ready = true;
    if (multipart() && !m_resumeSession.isEmpty())
        checkSession();
    else if (multipart())
        initiateMultipart();
    else if (streaming() && m_useSocket)
        startSocketPut();
    else if (streaming())
        startStreamingPut();
    else if (m_finishRequested)
        putBuffered();
}

void VolumeSink::begin()
{
    m_client->ensureDirectory(parentOf(m_path), this, [this](const Net::Error &error) {
        if (m_done)
            return;
        if (error.isError())
        {
            fail(error);
            return;
        }
        if (!m_resumePath.isEmpty())
        {
            m_path = m_resumePath; // the session writes there: its name was settled by the first run
            nameSettled();
            return;
        }
        settleName();
    }, m_budget);
}

void VolumeSink::nameSettled()
{
    start();
}

QUrl VolumeSink::filesUrl(bool withOverwrite) const
{
    return m_client->url("/api/2.0/fs/files"_ba + DatabricksClient::encodePath(m_path),
                         withOverwrite ? "overwrite=true"_ba : QByteArray());
}

void VolumeSink::startStreamingPut()
{
    if (m_done || !m_client)
        return;
    m_bearerUsed = m_client->bearer();
    QNetworkRequest request = Net::makeRequest(filesUrl(true), m_bearerUsed);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/octet-stream"_ba);
    // Known length: QNAM streams a sequential device instead of buffering it whole.
    request.setHeader(QNetworkRequest::ContentLengthHeader, m_expectedSize);
    // Without this QNAM reads the whole device into memory before sending (Qt 6.4 QNetworkReplyHttpImpl).
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    // No transfer timeout: a PUT may wait on a slow Drive side; the engine's stall timer watches that.
    QNetworkReply *reply = m_client->nam()->put(request, m_pipe);
    Net::guardRedirects(reply);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, &VolumeSink::onStreamFinished);
}

void VolumeSink::onStreamFinished()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    if (m_done)
        return;
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    Net::Error error = Net::classifyReply(reply, Net::Service::Databricks, body);
    if (!error.isError())
    {
        m_uploaded = true;
        if (m_finishRequested)
            commit();
        return;
    }
    qCInfo(lcDest) << "PUT" << m_path << Net::errorClassName(error.errorClass) << error.reason << error.message;
    if (error.errorClass == Net::ErrorClass::Cancelled)
    {
        // Not ours (abort() disconnects first): a reset or Qt giving up on the body.
        error.errorClass = Net::ErrorClass::Transient;
        error.reason = u"connectionReset"_s;
    }
    if (error.errorClass == Net::ErrorClass::Auth)
    {
        failOnRefusedToken(error.httpStatus);
        return;
    }
    // Everything went out and still no answer: the server may have stored it. Leave nothing behind.
    const bool ambiguous = m_finishRequested && m_pipe && m_pipe->drained() == m_expectedSize;
    fail(error, ambiguous);
}

void VolumeSink::startSocketPut()
{
    if (m_done || !m_client)
        return;
    auto *put = new Net::HttpPut(filesUrl(true), m_expectedSize, this);
    // Kept to tell a stale token from a refused one; it goes into the request and nowhere else.
    m_bearerUsed = m_client->bearer();
    const QByteArray authorization = Net::makeRequest(m_client->host(), m_bearerUsed).rawHeader("Authorization"_ba);
    if (!authorization.isEmpty())
        put->setRawHeader("Authorization"_ba, authorization);
    put->setRawHeader("Content-Type"_ba, "application/octet-stream"_ba);
    put->setMaxQueued(volume()->pipeCapacity());
    connect(put, &Net::HttpPut::readyForBody, this, [this] {
        if (m_done)
            return;
        if (m_finishRequested && m_holdingLastByte)
            sendLastByte();
        if (m_blocked)
        {
            m_blocked = false;
            emit readyForMore();
        }
    });
    connect(put, &Net::HttpPut::finished, this, &VolumeSink::onSocketPutFinished);
    m_put = put;
    put->start();
}

qint64 VolumeSink::writeSocket(const char *data, qint64 length)
{
    if (m_written + length > m_expectedSize)
    {
        fail({Net::ErrorClass::Permanent, 0, u"sizeMismatch"_s,
              tr("More than the %1 bytes Drive announced arrived").arg(m_expectedSize)});
        return -1;
    }
    if (!m_put || m_put->isFinished())
    {
        m_blocked = true; // not connected yet (readyForBody follows), or finished (its signal follows)
        return 0;
    }
    // Everything but the file's last byte may go now.
    const qint64 now = std::min(length, m_expectedSize - 1 - m_written);
    qint64 taken = now > 0 ? std::max<qint64>(0, m_put->write(data, now)) : 0;
    m_written += taken;
    if (taken == now && taken < length && m_written == m_expectedSize - 1)
    {
        m_lastByte = data[taken];
        m_holdingLastByte = true;
        ++taken;
        ++m_written;
    }
    if (taken < length)
        m_blocked = true;
    return taken;
}

void VolumeSink::sendLastByte()
{
    if (!m_put || !m_holdingLastByte)
        return;
    // 0 when the socket's queue is full: readyForBody() calls again.
    if (m_put->write(&m_lastByte, 1) == 1)
        m_holdingLastByte = false;
}

void VolumeSink::onSocketPutFinished()
{
    Net::HttpPut *put = m_put.data();
    if (!put || m_done)
        return;
    const Net::HttpPut::Result &r = put->result();
    Net::Error error = Net::classifyDatabricks(r.networkError, r.status, r.body, r.header("Retry-After"_ba));
    const bool allSent = m_finishRequested && !m_holdingLastByte && put->bodyQueued() == m_expectedSize;
    if (!error.isError() && !allSent)
    {
        // A success before the whole body went out cannot be a stored file: treat it as a broken upload.
        error = {Net::ErrorClass::Transient, r.status, u"earlyAnswer"_s,
                 tr("The server answered HTTP %1 before the upload was complete").arg(r.status)};
    }
    m_put = nullptr;
    put->deleteLater();
    if (!error.isError())
    {
        m_uploaded = true;
        commit();
        return;
    }
    if (r.detail.isEmpty())
        qCInfo(lcDest) << "PUT" << m_path << Net::errorClassName(error.errorClass) << error.reason << error.message;
    else
        qCInfo(lcDest) << "PUT" << m_path << Net::errorClassName(error.errorClass) << error.reason << error.message
                       << "(" << r.detail << ")";
    if (error.errorClass == Net::ErrorClass::Auth)
    {
        failOnRefusedToken(error.httpStatus);
        return;
    }
    if (r.status == 0 && !allSent && error.errorClass == Net::ErrorClass::Transient)
    {
        // The connection broke mid-body with no answer. A server that refuses a large body early (invalid
        // token, throttling) and closes without reading the rest resets the connection, and the answer is
        // lost with it. One cheap control call learns what the workspace says now: the client refreshes or
        // rejects the token, and waits out a Retry-After, as for any call; a refusal (token, permission) is
        // the file's reason, anything else lets it start again. A GET, not a HEAD: the error body tells an
        // invalid token from a missing permission.
        const QUrl probe = m_client->url("/api/2.0/fs/directories"_ba + DatabricksClient::encodePath(parentOf(m_path)),
                                         "page_size=1"_ba);
        m_client->call("GET"_ba, probe, {}, {}, this, [this, error](const Net::Error &probeError, const DatabricksResponse &) {
            if (m_done)
                return;
            qCInfo(lcDest) << "after the broken PUT the workspace answers:"
                           << (probeError.isError() ? probeError.toString() : u"OK"_s);
            const bool refused = probeError.errorClass == Net::ErrorClass::Auth || probeError.errorClass == Net::ErrorClass::Permanent;
            fail(refused ? probeError : error);
        });
        return;
    }
    // Everything went out and still no answer: the server may have stored it. Leave nothing behind.
    fail(error, allSent && r.status == 0);
}

void VolumeSink::putBuffered()
{
    if (m_done || !m_client)
        return;
    const QByteArray body = std::exchange(m_buffer, {});
    m_client->call("PUT"_ba, filesUrl(true), body, "application/octet-stream"_ba, this,
                   [this](const Net::Error &error, const DatabricksResponse &) {
                       if (m_done)
                           return;
                       if (error.isError())
                       {
                           fail(error);
                           return;
                       }
                       m_uploaded = true;
                       commit();
                   }, m_budget);
}

QString VolumeSink::outOfOrderText(qint64 offset) const
{
    return tr("A Volume upload takes bytes in order: got offset %1, expected %2").arg(offset).arg(m_written);
}

qint64 VolumeSink::take(const char *data, qint64 length)
{
    if (multipart())
        return takePart(data, length);
    if (!streaming())
    {
        if (m_buffer.size() + length > (m_expectedSize < 0 ? MaxBufferedExport : volume()->bufferedLimit()))
        {
            fail({Net::ErrorClass::Permanent, 0, u"exportTooLarge"_s,
                  tr("More than %1 bytes arrived for a file buffered in memory").arg(m_buffer.size() + length)});
            return -1;
        }
        m_buffer.append(data, length);
        m_written += length;
        return length;
    }
    if (m_useSocket)
        return writeSocket(data, length);
    const qint64 taken = m_pipe->push(data, length);
    m_written += taken;
    if (taken < length)
        m_blocked = true;
    return taken;
}

void VolumeSink::finish()
{
    if (m_done || m_finishRequested)
        return;
    m_finishRequested = true;
    if ((multipart() || streaming()) && m_written != m_expectedSize)
    {
        fail({Net::ErrorClass::Permanent, 0, u"sizeMismatch"_s,
              tr("%1 of %2 bytes arrived").arg(m_written).arg(m_expectedSize)});
        return;
    }
    if (multipart())
    {
        pumpMultipart();
        return;
    }
    if (streaming())
    {
        if (m_uploaded)
            commit();
        else if (m_useSocket)
            sendLastByte(); // the server completes the upload only now
        else
            m_pipe->release(); // the server completes the upload only now
        return;
    }
    if (m_ready)
        putBuffered();
}

bool VolumeSink::mayBeStored() const
{
    return m_uploaded || (m_reply && m_finishRequested && m_pipe && m_pipe->drained() == m_expectedSize)
        || (m_put && !m_put->isFinished() && m_finishRequested && m_put->bodyQueued() == m_expectedSize);
}

void VolumeSink::dropUpload(bool removeFinal)
{
    if (m_put)
    {
        m_put->abort(); // before the held-back last byte: the server drops the partial upload
        m_put->deleteLater();
        m_put = nullptr;
    }
    if (m_reply)
    {
        QNetworkReply *reply = m_reply.data();
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort(); // before the held-back last byte: the server drops the partial upload
        reply->deleteLater();
    }
    if (removeFinal)
        removeFinalPath();
    abortMultipart();
}

void VolumeSink::failOnRefusedToken(int httpStatus)
{
    // The workspace refreshes its token once for all sinks: this file then starts again with the new token
    // (a transient failure the engine retries), or the workspace is rejected and so is this file.
    m_client->handleAuthFailure(m_bearerUsed, this, [this, httpStatus](bool retry) {
        if (m_done)
            return;
        if (retry)
            fail({Net::ErrorClass::Transient, httpStatus, u"tokenRefreshed"_s,
                  tr("The Databricks token was refreshed; the upload starts again")});
        else
            fail(m_client->rejectedError());
    });
}

void VolumeSink::removeFinalPath()
{
    if (!m_client)
        return;
    // Fire and forget, owned by the client: the sink is usually deleted right after.
    const QString path = m_path;
    m_client->call("DELETE"_ba, filesUrl(false), {}, {}, m_client, [path](const Net::Error &error, const DatabricksResponse &) {
        if (error.isError() && error.httpStatus != 404)
            qCWarning(lcDest) << "could not remove" << path << ":" << error.message;
    });
}

// Issue 12: a copy deleted under --mirror (databricks-api.md §3 Files API: DELETE of a missing file is 404, here
// "already gone"; DELETE of a folder that is not empty is 400 FILES_API_DIRECTORY_IS_NOT_EMPTY, which ends the climb).
void VolumeDestination::remove(const QString &relativePath, std::function<void(const Net::Error &)> done)
{
    if (!isSafeRelativePath(relativePath))
    {
        QMetaObject::invokeMethod(this, [relativePath, done = std::move(done)] { done(unsafePathError(relativePath)); },
                                  Qt::QueuedConnection);
        return;
    }
    auto folders = std::make_shared<QStringList>(foldersAbove(relativePath));
    auto climb = std::make_shared<std::function<void()>>();
    *climb = [this, folders, climb, done] {
        if (folders->isEmpty())
        {
            const auto finish = done; // this lambda dies with the next line
            *climb = nullptr;         // breaks the cycle climb → lambda → climb
            finish({});
            return;
        }
        const QString folder = absolutePath(folders->takeFirst());
        client()->call("DELETE"_ba, client()->url("/api/2.0/fs/directories"_ba + DatabricksClient::encodePath(folder)),
                       {}, {}, this, [folders, climb](const Net::Error &error, const DatabricksResponse &) {
                           if (error.isError())
                               folders->clear(); // not empty (or gone already): the folders above stay
                           (*climb)();
                       });
    };
    const QByteArray file = DatabricksClient::encodePath(absolutePath(relativePath));
    client()->call("DELETE"_ba, client()->url("/api/2.0/fs/files"_ba + file), {}, {}, this,
                   [climb, done](const Net::Error &error, const DatabricksResponse &) {
                       if (error.isError() && error.httpStatus != 404)
                       {
                           *climb = nullptr;
                           done(error);
                           return;
                       }
                       (*climb)();
                   });
}

} // namespace Dest
