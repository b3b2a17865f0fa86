// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/dbfsdestination.h"

#include "destinations/databricksclient.h"
#include "destinations/pathmapper.h"
#include "util/logging.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray pathQuery(const QString &path)
{
    return "path="_ba + QUrl::toPercentEncoding(path);
}

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash <= 0 ? u"/"_s : path.left(slash);
}
} // namespace

DbfsDestination::DbfsDestination(QNetworkAccessManager *nam, Net::TokenProvider *tokens, const QUrl &host,
                                 const QString &root, QObject *parent)
    : Destination(parent)
    , m_client(new DatabricksClient(nam, tokens, host, this))
    , m_root(root.endsWith(u'/') && root.size() > 1 ? root.chopped(1) : root)
{
}

DbfsDestination::~DbfsDestination() = default;

QString DbfsDestination::dbfsPath(const QString &relativePath) const
{
    if (relativePath.isEmpty())
        return m_root;
    return m_root == u"/"_s ? QString(u'/' + relativePath) : QString(m_root + u'/' + relativePath);
}

QString DbfsDestination::describe() const
{
    return u"dbfs:"_s + m_root;
}

QString DbfsDestination::locationOf(const QString &relativePath) const
{
    return u"dbfs:"_s + dbfsPath(relativePath);
}

void DbfsDestination::check(std::function<void(const Net::Error &)> done)
{
    const auto finish = [this, done](const Net::Error &error, const DatabricksResponse &) {
        if (!error.isError() || error.errorClass == Net::ErrorClass::Auth)
        {
            done(error);
            return;
        }
        Net::Error e = error;
        e.errorClass = Net::ErrorClass::Local;
        e.message = tr("Cannot write to %1: %2").arg(describe(), error.message);
        done(e);
    };
    if (!m_root.startsWith(u'/') || m_root.startsWith(u"/Volumes/"_s) || m_root == u"/Volumes"_s)
    {
        Net::Error e;
        e.errorClass = Net::ErrorClass::Local;
        e.reason = u"badDestination"_s;
        e.message = tr("%1 is not a DBFS folder (Volumes take volume:/Volumes/…)").arg(m_root);
        QMetaObject::invokeMethod(this, [done, e] { done(e); }, Qt::QueuedConnection);
        return;
    }
    m_client->dbfs("POST"_ba, "mkdirs"_ba, json({{u"path"_s, m_root}}), this, finish);
}

void DbfsDestination::probe(const QString &relativePath,
                            std::function<void(std::optional<Existing>, const Net::Error &)> done)
{
    m_client->dbfs("GET"_ba, "get-status"_ba, pathQuery(dbfsPath(relativePath)), this,
                   [done](const Net::Error &error, const DatabricksResponse &response) {
                       if (error.isError())
                       {
                           if (error.httpStatus == 404)
                               done(std::nullopt, {});
                           else
                               done(std::nullopt, error);
                           return;
                       }
                       const QJsonObject o = QJsonDocument::fromJson(response.body).object();
                       Existing existing;
                       existing.size = o.value(u"is_dir"_s).toBool() ? -1 : qint64(o.value(u"file_size"_s).toDouble(-1));
                       done(existing, {});
                   });
}

Sink *DbfsDestination::openSink(const Target &target, ConflictPolicy policy)
{
    return new DbfsSink(this, target.relativePath, target.expectedSize, policy);
}

// ---- DbfsSink --------------------------------------------------------------------------------------------

DbfsSink::DbfsSink(DbfsDestination *destination, const QString &relativePath, qint64 expectedSize,
                   ConflictPolicy policy, QObject *parent)
    : Sink(parent)
    , m_destination(destination)
    , m_client(destination->client())
    , m_relativePath(relativePath)
    , m_path(destination->dbfsPath(relativePath))
    , m_expectedSize(expectedSize)
    , m_policy(policy)
{
    m_filling.reserve(DbfsDestination::BlockSize);
    connect(m_client, &DatabricksClient::rejected, this, [this](const Net::Error &error) {
        if (!m_done)
            fail(error);
    });
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_policy == ConflictPolicy::KeepBoth)
                resolveName(0);
            else
            {
                m_nameSettled = true;
                pump();
            }
        },
        Qt::QueuedConnection);
}

DbfsSink::~DbfsSink()
{
    if (!m_done)
        abort();
}

bool DbfsSink::overwrite() const
{
    // Keep-both settled on a free name; a file appearing there meanwhile must not be replaced.
    return m_policy != ConflictPolicy::KeepBoth;
}

void DbfsSink::resolveName(int n)
{
    const QString base = m_destination->dbfsPath(m_relativePath);
    const QString candidate = n == 0 ? base : QString(parentOf(base) + u'/' + PathMapper::keepBothName(base.section(u'/', -1), n));
    m_client->dbfs("GET"_ba, "get-status"_ba, pathQuery(candidate), this,
                   [this, n, candidate](const Net::Error &error, const DatabricksResponse &) {
                       if (m_done)
                           return;
                       if (!error.isError() && n < 1000)
                       {
                           resolveName(n + 1);
                           return;
                       }
                       if (error.isError() && error.httpStatus != 404)
                       {
                           fail(error);
                           return;
                       }
                       m_path = candidate;
                       m_nameSettled = true;
                       pump();
                   });
}

qint64 DbfsSink::write(qint64 offset, const char *data, qint64 length)
{
    if (m_done)
        return -1;
    if (offset != m_written)
    {
        fail({Net::ErrorClass::Permanent, 0, u"outOfOrder"_s,
              tr("A DBFS upload takes bytes in order: got offset %1, expected %2").arg(offset).arg(m_written)});
        return -1;
    }
    qint64 taken = 0;
    while (taken < length)
    {
        const qint64 room = DbfsDestination::BlockSize - m_filling.size();
        if (room > 0)
        {
            const qint64 n = qMin(room, length - taken);
            m_filling.append(data + taken, n);
            taken += n;
            m_written += n;
            continue;
        }
        // A full block and more to come: this file needs a handle; hand the block over if one may go.
        pump();
        if (m_done)
            return -1;
        if (m_filling.size() >= DbfsDestination::BlockSize)
            break;
    }
    if (taken < length)
        m_blocked = true;
    return taken;
}

void DbfsSink::pump()
{
    if (m_done || !m_nameSettled || !m_client)
        return;
    const bool full = m_filling.size() >= DbfsDestination::BlockSize;
    const bool needHandle = m_expectedSize > DbfsDestination::BlockSize || (full && !m_finishRequested)
        || m_written > DbfsDestination::BlockSize;
    if (m_handle < 0)
    {
        if (m_creating)
            return;
        if (needHandle)
        {
            create();
            return;
        }
        if (m_finishRequested)
            putWhole();
        return;
    }
    if (m_sending || m_closing)
        return;
    if (full || (m_finishRequested && !m_filling.isEmpty()))
    {
        QByteArray block = std::exchange(m_filling, {});
        m_filling.reserve(DbfsDestination::BlockSize);
        sendBlock(block);
        if (m_blocked)
        {
            m_blocked = false;
            // Queued: pump() may run inside write(); the engine must not re-enter it.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (!m_done)
                        emit readyForMore();
                },
                Qt::QueuedConnection);
        }
        return;
    }
    if (m_finishRequested && m_filling.isEmpty())
        close();
}

void DbfsSink::create()
{
    m_creating = true;
    m_client->dbfs("POST"_ba, "create"_ba, json({{u"path"_s, m_path}, {u"overwrite"_s, overwrite()}}), this,
                   [this](const Net::Error &error, const DatabricksResponse &response) {
                       m_creating = false;
                       if (m_done)
                           return;
                       if (error.isError())
                       {
                           fail(error);
                           return;
                       }
                       m_handle = qint64(QJsonDocument::fromJson(response.body).object().value(u"handle"_s).toDouble(-1));
                       if (m_handle < 0)
                       {
                           fail({Net::ErrorClass::Transient, response.status, u"badResponse"_s,
                                 tr("DBFS create gave no handle")});
                           return;
                       }
                       pump();
                   });
}

namespace
{
Net::Error handleError(const Net::Error &error)
{
    if (error.reason != u"RESOURCE_DOES_NOT_EXIST"_s)
        return error;
    // The handle expired (10 minutes idle) or the server forgot it: start the file again from a clean start.
    Net::Error e = error;
    e.errorClass = Net::ErrorClass::Transient;
    e.reason = u"dbfsHandleExpired"_s;
    e.message = DbfsSink::tr("The DBFS upload handle expired: %1").arg(error.message);
    return e;
}
} // namespace

void DbfsSink::sendBlock(const QByteArray &block)
{
    m_sending = true;
    const QByteArray body = "{\"handle\":"_ba + QByteArray::number(m_handle) + ",\"data\":\""_ba + block.toBase64() + "\"}"_ba;
    m_client->dbfs("POST"_ba, "add-block"_ba, body, this, [this](const Net::Error &error, const DatabricksResponse &) {
        m_sending = false;
        if (m_done)
            return;
        if (error.isError())
        {
            fail(handleError(error));
            return;
        }
        pump();
    });
}

void DbfsSink::close()
{
    m_closing = true;
    m_client->dbfs("POST"_ba, "close"_ba, json({{u"handle"_s, m_handle}}), this,
                   [this](const Net::Error &error, const DatabricksResponse &) {
                       if (m_done)
                           return;
                       if (error.isError())
                       {
                           fail(handleError(error));
                           return;
                       }
                       commit();
                   });
}

void DbfsSink::putWhole()
{
    m_closing = true;
    const QByteArray body = json({{u"path"_s, m_path},
                                  {u"overwrite"_s, overwrite()},
                                  {u"contents"_s, QString::fromLatin1(m_filling.toBase64())}});
    m_filling.clear();
    m_client->dbfs("POST"_ba, "put"_ba, body, this, [this](const Net::Error &error, const DatabricksResponse &) {
        if (m_done)
            return;
        if (error.isError())
        {
            fail(error);
            return;
        }
        commit();
    });
}

void DbfsSink::finish()
{
    if (m_done || m_finishRequested)
        return;
    if (m_expectedSize >= 0 && m_written != m_expectedSize)
    {
        fail({Net::ErrorClass::Permanent, 0, u"sizeMismatch"_s, tr("%1 of %2 bytes arrived").arg(m_written).arg(m_expectedSize)});
        return;
    }
    m_finishRequested = true;
    pump();
}

void DbfsSink::commit()
{
    if (m_done)
        return;
    m_done = true;
    emit committed(u"dbfs:"_s + m_path);
}

void DbfsSink::fail(const Net::Error &error)
{
    if (m_done)
        return;
    m_done = true;
    qCInfo(lcDest) << "DBFS" << m_path << Net::errorClassName(error.errorClass) << error.reason << error.message;
    if (m_handle >= 0 || m_closing)
        removeFile();
    emit failed(error);
}

void DbfsSink::abort()
{
    if (m_done)
        return;
    m_done = true;
    if (m_handle >= 0 || m_closing)
        removeFile();
}

void DbfsSink::removeFile()
{
    if (!m_client)
        return;
    const QString path = m_path;
    const auto remove = [client = m_client, path] {
        if (!client)
            return;
        client->dbfs("POST"_ba, "delete"_ba, json({{u"path"_s, path}, {u"recursive"_s, false}}), client,
                     [path](const Net::Error &error, const DatabricksResponse &) {
                         if (error.isError())
                             qCWarning(lcDest) << "could not remove" << path << ":" << error.message;
                     });
    };
    if (m_handle >= 0 && !m_closing)
    {
        // Close the handle first so the half file cannot appear after the delete; then delete it.
        m_client->dbfs("POST"_ba, "close"_ba, json({{u"handle"_s, m_handle}}), m_client,
                       [remove](const Net::Error &, const DatabricksResponse &) { remove(); });
        return;
    }
    remove();
}

} // namespace Dest
