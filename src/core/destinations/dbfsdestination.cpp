// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/dbfsdestination.h"

#include "destinations/databricksclient.h"
#include "destinations/relativepath.h"
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
} // namespace

DbfsDestination::DbfsDestination(QNetworkAccessManager *nam, Net::TokenProvider *tokens, const QUrl &host,
                                 const QString &root, QObject *parent)
    : DatabricksDestination(nam, tokens, host, root, u"dbfs:"_s, parent)
{
}

DbfsDestination::~DbfsDestination() = default;

QString DbfsDestination::rootProblem() const
{
    if (!root().startsWith(u'/') || root().startsWith(u"/Volumes/"_s) || root() == u"/Volumes"_s)
        return tr("%1 is not a DBFS folder (Volumes take volume:/Volumes/…)").arg(root());
    return {};
}

void DbfsDestination::makeRoot(std::function<void(const Net::Error &)> done)
{
    client()->dbfs("POST"_ba, "mkdirs"_ba, json({{u"path"_s, root()}}), this,
                   [done](const Net::Error &error, const DatabricksResponse &) { done(error); });
}

QString DbfsDestination::cannotWriteText(const QString &detail) const
{
    return tr("Cannot write to %1: %2").arg(describe(), detail);
}

void DbfsDestination::stat(const QString &path, QObject *context, DatabricksClient::Done done)
{
    client()->dbfs("GET"_ba, "get-status"_ba, pathQuery(path), context, std::move(done));
}

Existing DbfsDestination::existingFrom(const DatabricksResponse &response) const
{
    const QJsonObject o = QJsonDocument::fromJson(response.body).object();
    Existing existing;
    existing.size = o.value(u"is_dir"_s).toBool() ? -1 : qint64(o.value(u"file_size"_s).toDouble(-1));
    return existing;
}

Sink *DbfsDestination::openSink(const Target &target, ConflictPolicy policy)
{
    return new DbfsSink(this, target.relativePath, target.expectedSize, policy);
}

// ---- DbfsSink --------------------------------------------------------------------------------------------

DbfsSink::DbfsSink(DbfsDestination *destination, const QString &relativePath, qint64 expectedSize,
                   ConflictPolicy policy, QObject *parent)
    : DatabricksSink(destination, relativePath, expectedSize, policy, parent)
{
    m_filling.reserve(DbfsDestination::BlockSize);
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

void DbfsSink::nameSettled()
{
    m_nameSettled = true;
    pump();
}

QString DbfsSink::outOfOrderText(qint64 offset) const
{
    return tr("A DBFS upload takes bytes in order: got offset %1, expected %2").arg(offset).arg(m_written);
}

qint64 DbfsSink::take(const char *data, qint64 length)
{
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
                   }, m_budget);
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
    }, m_budget);
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
                   }, m_budget);
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
    }, m_budget);
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

bool DbfsSink::mayBeStored() const
{
    return m_handle >= 0 || m_closing;
}

void DbfsSink::dropUpload(bool removeFinal)
{
    // Whatever create or put may have made at the path goes, on a failure as on an abort.
    if (removeFinal || mayBeStored())
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

// Issue 12: moves and removals of landed files (databricks-api.md §5 DBFS: move never replaces, answering
// RESOURCE_ALREADY_EXISTS; delete succeeds for a missing path; a non-recursive delete of a non-empty folder fails).
void DbfsDestination::move(const QString &from, const QString &to, std::function<void(const Net::Error &)> done)
{
    const bool safe = isSafeRelativePath(from) && isSafeRelativePath(to);
    if (!safe || from == to)
    {
        const Net::Error error = safe ? Net::Error {} : unsafePathError(isSafeRelativePath(from) ? to : from);
        QMetaObject::invokeMethod(this, [error, done = std::move(done)] { done(error); }, Qt::QueuedConnection);
        return;
    }
    const QString source = absolutePath(from);
    const QString target = absolutePath(to);
    const auto moveNow = [this, source, target, to, done] {
        client()->dbfs("POST"_ba, "move"_ba, json({{u"source_path"_s, source}, {u"destination_path"_s, target}}), this,
                       [to, done](const Net::Error &error, const DatabricksResponse &) {
                           if (error.reason == u"RESOURCE_ALREADY_EXISTS"_s)
                               done({Net::ErrorClass::Permanent, error.httpStatus, u"exists"_s,
                                     tr("%1 already exists: not replaced.").arg(to)});
                           else
                               done(error);
                       });
    };
    if (foldersAbove(from).value(0) == foldersAbove(to).value(0))
    {
        moveNow(); // a rename in place: its folder is there
        return;
    }
    // The reference does not say that move creates the target's folders: mkdirs first (it is `mkdir -p`).
    client()->dbfs("POST"_ba, "mkdirs"_ba, json({{u"path"_s, target.left(target.lastIndexOf(u'/'))}}), this,
                   [moveNow, done](const Net::Error &error, const DatabricksResponse &) {
                       if (error.isError())
                           done(error);
                       else
                           moveNow();
                   });
}

void DbfsDestination::remove(const QString &relativePath, std::function<void(const Net::Error &)> done)
{
    if (!isSafeRelativePath(relativePath))
    {
        QMetaObject::invokeMethod(this, [relativePath, done = std::move(done)] { done(unsafePathError(relativePath)); },
                                  Qt::QueuedConnection);
        return;
    }
    // The file, then each folder above it non-recursively (one that still holds something fails and ends the climb).
    auto paths = std::make_shared<QStringList>(QStringList {absolutePath(relativePath)});
    for (const QString &folder : foldersAbove(relativePath))
        paths->append(absolutePath(folder));
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, paths, step, done, count = paths->size()] {
        const bool file = paths->size() == count;
        client()->dbfs("POST"_ba, "delete"_ba, json({{u"path"_s, paths->takeFirst()}, {u"recursive"_s, false}}), this,
                       [paths, step, done, file](const Net::Error &error, const DatabricksResponse &) {
                           if (error.isError() || paths->isEmpty())
                           {
                               *step = nullptr; // breaks the cycle step → lambda → step
                               done(file ? error : Net::Error {}); // a folder that stays is no failure
                               return;
                           }
                           (*step)();
                       });
    };
    (*step)();
}

} // namespace Dest
