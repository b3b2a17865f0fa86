// SPDX-License-Identifier: GPL-3.0-or-later
// The tool's own small files on a Volume and on DBFS (issue 11: `_drive_ingest/runs/<run id>.jsonl`), through
// the calls the sinks use (databricks-api.md §3 Files API, §5 DBFS): written so that nobody sees half a file,
// read back whole, listed.
#include "destinations/dbfsdestination.h"
#include "destinations/pathmapper.h"
#include "destinations/relativepath.h"
#include "destinations/sinkfeeder.h"
#include "destinations/volumedestination.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <memory>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
constexpr int ListPageSize = 1000;

Net::Error outsideRoot(const QString &relativePath, const QString &root)
{
    return {Net::ErrorClass::Permanent, 0, u"invalidDestination"_s,
            DatabricksDestination::tr("The path %1 would leave %2.").arg(relativePath, root)};
}

Net::Error notFound(const QString &location)
{
    return {Net::ErrorClass::Permanent, 404, u"notFound"_s, DatabricksDestination::tr("%1 does not exist.").arg(location)};
}

Net::Error tooLarge(const QString &location, qint64 size, qint64 maxBytes)
{
    return {Net::ErrorClass::Permanent, 0, u"tooLarge"_s,
            DatabricksDestination::tr("%1 holds %2 bytes, more than the %3 expected.").arg(location).arg(size).arg(maxBytes)};
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash <= 0 ? u"/"_s : path.left(slash);
}

template <typename Done, typename... Args>
void answerLater(QObject *context, Done done, Args... args)
{
    QMetaObject::invokeMethod(context, [done = std::move(done), args...] { done(args...); }, Qt::QueuedConnection);
}
} // namespace

// ---- Volume ------------------------------------------------------------------------------------------------

void VolumeDestination::writeWhole(const QString &relativePath, const QByteArray &bytes,
                                   std::function<void(const Net::Error &)> done)
{
    if (!isSafeRelativePath(relativePath))
        return answerLater(this, std::move(done), outsideRoot(relativePath, root()));
    // One PUT with the whole body: the Files API stores it when the body is complete, replacing the old file.
    client()->call("PUT"_ba,
                   client()->url("/api/2.0/fs/files"_ba + DatabricksClient::encodePath(absolutePath(relativePath)),
                                 "overwrite=true"_ba),
                   bytes, "application/octet-stream"_ba, this,
                   [done = std::move(done)](const Net::Error &error, const DatabricksResponse &) { done(error); });
}

void VolumeDestination::writeWholeFrom(const QString &relativePath, const QString &sourcePath,
                                       std::function<void(const Net::Error &)> done)
{
    if (!isSafeRelativePath(relativePath))
        return answerLater(this, std::move(done), outsideRoot(relativePath, root()));
    // The sink's PUT (or multipart upload) stores the file when it is complete, replacing the old one.
    SinkFeeder::copy(this, relativePath, sourcePath, std::move(done));
}

void VolumeDestination::readWhole(const QString &relativePath, qint64 maxBytes,
                                  std::function<void(const QByteArray &, const Net::Error &)> done)
{
    if (!isSafeRelativePath(relativePath))
        return answerLater(this, std::move(done), QByteArray(), outsideRoot(relativePath, root()));
    const QString path = absolutePath(relativePath);
    const QString location = locationOf(relativePath);
    // HEAD first: a file larger than asked is refused before its body is read into memory.
    stat(path, this, [this, path, location, maxBytes, done](const Net::Error &error, const DatabricksResponse &head) {
        if (error.isError())
        {
            done({}, error.httpStatus == 404 ? notFound(location) : error);
            return;
        }
        const qint64 size = head.header("Content-Length"_ba).toLongLong();
        if (size > maxBytes)
        {
            done({}, tooLarge(location, size, maxBytes));
            return;
        }
        client()->call("GET"_ba, client()->url("/api/2.0/fs/files"_ba + DatabricksClient::encodePath(path)), {}, {}, this,
                       [location, maxBytes, done](const Net::Error &error, const DatabricksResponse &response) {
                           if (error.isError())
                               done({}, error.httpStatus == 404 ? notFound(location) : error);
                           else if (response.body.size() > maxBytes)
                               done({}, tooLarge(location, response.body.size(), maxBytes));
                           else
                               done(response.body, {});
                       });
    });
}

void VolumeDestination::listNames(const QString &relativeFolder,
                                  std::function<void(const QStringList &, const Net::Error &)> done)
{
    if (!relativeFolder.isEmpty() && !isSafeRelativePath(relativeFolder))
        return answerLater(this, std::move(done), QStringList(), outsideRoot(relativeFolder, root()));
    struct Listing
    {
        QStringList names;
        std::function<void(const QString &pageToken)> next;
    };
    auto listing = std::make_shared<Listing>();
    const QByteArray encoded = DatabricksClient::encodePath(absolutePath(relativeFolder));
    // Pages of at most 1000 entries until no next_page_token (databricks-api.md §3).
    listing->next = [this, listing, encoded, done](const QString &pageToken) {
        QByteArray query = "page_size="_ba + QByteArray::number(ListPageSize);
        if (!pageToken.isEmpty())
            query += "&page_token="_ba + QUrl::toPercentEncoding(pageToken);
        client()->call("GET"_ba, client()->url("/api/2.0/fs/directories"_ba + encoded, query), {}, {}, this,
                       [listing, done](const Net::Error &error, const DatabricksResponse &response) {
                           auto finish = [&](const QStringList &names, const Net::Error &e) {
                               listing->next = nullptr; // breaks the cycle listing → next → listing
                               done(names, e);
                           };
                           if (error.isError())
                           {
                               finish({}, error.httpStatus == 404 ? Net::Error {} : error);
                               return;
                           }
                           const QJsonObject page = QJsonDocument::fromJson(response.body).object();
                           for (const QJsonValue &entry : page.value(u"contents"_s).toArray())
                           {
                               const QJsonObject o = entry.toObject();
                               const QString name = o.value(u"name"_s).toString();
                               if (!o.value(u"is_directory"_s).toBool() && !isTemporaryName(name))
                                   listing->names.append(name);
                           }
                           const QString token = page.value(u"next_page_token"_s).toString();
                           if (!token.isEmpty())
                           {
                               listing->next(token);
                               return;
                           }
                           listing->names.sort();
                           finish(listing->names, {});
                       });
    };
    listing->next({});
}

// ---- DBFS --------------------------------------------------------------------------------------------------

void DbfsDestination::writeWhole(const QString &relativePath, const QByteArray &bytes,
                                 std::function<void(const Net::Error &)> done)
{
    if (!isSafeRelativePath(relativePath))
        return answerLater(this, std::move(done), outsideRoot(relativePath, root()));
    const QString path = absolutePath(relativePath);
    if (bytes.size() <= BlockSize)
    {
        // One put carries the whole file: it is there complete or not at all.
        client()->dbfs("POST"_ba, "put"_ba,
                       json({{u"path"_s, path}, {u"contents"_s, QString::fromLatin1(bytes.toBase64())}, {u"overwrite"_s, true}}),
                       this, [done = std::move(done)](const Net::Error &error, const DatabricksResponse &) { done(error); });
        return;
    }
    // Larger: written under a temporary name (create → add-block… → close), then moved over the name (see
    // replaceWith()): a reader may find no file for a moment, never half of one.
    const QString temp = parentOf(path) + u'/' + TemporaryPrefix.toString() + u"whole-"_s
        + QString::number(QRandomGenerator::global()->generate64(), 16) + u".partial"_s;
    struct Upload
    {
        qint64 handle = -1;
        qint64 sent = 0;
        std::function<void()> step;
    };
    auto upload = std::make_shared<Upload>();
    auto finish = [this, upload, temp, done](const Net::Error &error) {
        upload->step = nullptr;
        if (error.isError())
            client()->dbfs("POST"_ba, "delete"_ba, json({{u"path"_s, temp}, {u"recursive"_s, false}}), client(),
                           [](const Net::Error &, const DatabricksResponse &) {});
        done(error);
    };
    const auto then = [finish](std::function<void(const DatabricksResponse &)> next) {
        return [finish, next = std::move(next)](const Net::Error &error, const DatabricksResponse &response) {
            if (error.isError())
                finish(error);
            else
                next(response);
        };
    };
    upload->step = [this, upload, bytes, path, temp, finish, then] {
        if (upload->sent < bytes.size())
        {
            const QByteArray block = bytes.mid(upload->sent, BlockSize);
            upload->sent += block.size();
            client()->dbfs("POST"_ba, "add-block"_ba,
                           json({{u"handle"_s, upload->handle}, {u"data"_s, QString::fromLatin1(block.toBase64())}}), this,
                           then([upload](const DatabricksResponse &) { upload->step(); }));
            return;
        }
        client()->dbfs("POST"_ba, "close"_ba, json({{u"handle"_s, upload->handle}}), this,
                       then([this, path, temp, finish](const DatabricksResponse &) { replaceWith(temp, path, finish); }));
    };
    client()->dbfs("POST"_ba, "create"_ba, json({{u"path"_s, temp}, {u"overwrite"_s, true}}), this,
                   then([upload](const DatabricksResponse &response) {
                       upload->handle = QJsonDocument::fromJson(response.body).object().value(u"handle"_s).toInteger(-1);
                       upload->step();
                   }));
}

void DbfsDestination::writeWholeFrom(const QString &relativePath, const QString &sourcePath,
                                     std::function<void(const Net::Error &)> done)
{
    if (!isSafeRelativePath(relativePath))
        return answerLater(this, std::move(done), outsideRoot(relativePath, root()));
    // A DBFS sink writes at its path as it goes: under a temporary name beside it, then moved over the name.
    const qsizetype slash = relativePath.lastIndexOf(u'/');
    const QString temp = relativePath.left(slash + 1) + TemporaryPrefix.toString() + u"whole-"_s
        + QString::number(QRandomGenerator::global()->generate64(), 16) + u".partial"_s;
    SinkFeeder::copy(this, temp, sourcePath, [this, temp, relativePath, done = std::move(done)](const Net::Error &error) {
        if (error.isError())
            return done(error); // the sink removed its file
        replaceWith(absolutePath(temp), absolutePath(relativePath), [this, temp, done](const Net::Error &error) {
            if (error.isError())
                client()->dbfs("POST"_ba, "delete"_ba, json({{u"path"_s, absolutePath(temp)}, {u"recursive"_s, false}}),
                               client(), [](const Net::Error &, const DatabricksResponse &) {});
            done(error);
        });
    });
}

void DbfsDestination::replaceWith(const QString &temp, const QString &path, std::function<void(const Net::Error &)> done)
{
    // DBFS's move does not replace: the old file goes aside first and comes back if the new one cannot move in.
    const QString aside = parentOf(path) + u'/' + TemporaryPrefix.toString() + u"old-"_s
        + QString::number(QRandomGenerator::global()->generate64(), 16) + u".partial"_s;
    const auto move = [this](const QString &from, const QString &to, DatabricksClient::Done next) {
        client()->dbfs("POST"_ba, "move"_ba, json({{u"source_path"_s, from}, {u"destination_path"_s, to}}), this,
                       std::move(next));
    };
    const auto remove = [this](const QString &what) {
        client()->dbfs("POST"_ba, "delete"_ba, json({{u"path"_s, what}, {u"recursive"_s, false}}), client(),
                       [](const Net::Error &, const DatabricksResponse &) {});
    };
    move(path, aside, [move, remove, temp, path, aside, done](const Net::Error &error, const DatabricksResponse &) {
        const bool hadOld = !error.isError();
        if (error.isError() && error.httpStatus != 404) // 404: no old file
        {
            done(error);
            return;
        }
        move(temp, path, [move, remove, path, aside, hadOld, done](const Net::Error &error, const DatabricksResponse &) {
            if (error.isError() && hadOld)
                move(aside, path, [](const Net::Error &, const DatabricksResponse &) {});
            else if (hadOld)
                remove(aside);
            done(error);
        });
    });
}

void DbfsDestination::readWhole(const QString &relativePath, qint64 maxBytes,
                                std::function<void(const QByteArray &, const Net::Error &)> done)
{
    if (!isSafeRelativePath(relativePath))
        return answerLater(this, std::move(done), QByteArray(), outsideRoot(relativePath, root()));
    const QString path = absolutePath(relativePath);
    const QString location = locationOf(relativePath);
    stat(path, this, [this, path, location, maxBytes, done](const Net::Error &error, const DatabricksResponse &status) {
        const QJsonObject info = QJsonDocument::fromJson(status.body).object();
        if (error.isError() || info.value(u"is_dir"_s).toBool())
        {
            done({}, error.isError() && error.httpStatus != 404 ? error : notFound(location));
            return;
        }
        const qint64 size = info.value(u"file_size"_s).toInteger();
        if (size > maxBytes)
        {
            done({}, tooLarge(location, size, maxBytes));
            return;
        }
        // read gives at most 1 MB a call (databricks-api.md §5).
        struct Reading
        {
            QByteArray bytes;
            std::function<void()> next;
        };
        auto reading = std::make_shared<Reading>();
        reading->next = [this, reading, path, location, size, done] {
            const QByteArray query = "path="_ba + QUrl::toPercentEncoding(path) + "&offset="_ba
                + QByteArray::number(reading->bytes.size()) + "&length="_ba + QByteArray::number(BlockSize);
            client()->dbfs("GET"_ba, "read"_ba, query, this,
                           [reading, location, size, done](const Net::Error &error, const DatabricksResponse &response) {
                               const QJsonObject o = QJsonDocument::fromJson(response.body).object();
                               const QByteArray data = QByteArray::fromBase64(o.value(u"data"_s).toString().toLatin1());
                               if (!error.isError() && !data.isEmpty() && reading->bytes.size() + data.size() < size)
                               {
                                   reading->bytes += data;
                                   reading->next();
                                   return;
                               }
                               reading->next = nullptr;
                               reading->bytes += data;
                               if (error.isError())
                                   done({}, error.httpStatus == 404 ? notFound(location) : error);
                               else
                                   done(reading->bytes, {});
                           });
        };
        reading->next();
    });
}

void DbfsDestination::listNames(const QString &relativeFolder,
                                std::function<void(const QStringList &, const Net::Error &)> done)
{
    if (!relativeFolder.isEmpty() && !isSafeRelativePath(relativeFolder))
        return answerLater(this, std::move(done), QStringList(), outsideRoot(relativeFolder, root()));
    const QByteArray query = "path="_ba + QUrl::toPercentEncoding(absolutePath(relativeFolder));
    client()->dbfs("GET"_ba, "list"_ba, query, this, [done](const Net::Error &error, const DatabricksResponse &response) {
        if (error.isError())
        {
            done({}, error.httpStatus == 404 ? Net::Error {} : error);
            return;
        }
        QStringList names;
        for (const QJsonValue &entry : QJsonDocument::fromJson(response.body).object().value(u"files"_s).toArray())
        {
            const QJsonObject o = entry.toObject();
            const QString name = o.value(u"path"_s).toString().section(u'/', -1);
            if (!o.value(u"is_dir"_s).toBool() && !isTemporaryName(name))
                names.append(name);
        }
        names.sort();
        done(names, {});
    });
}

} // namespace Dest
