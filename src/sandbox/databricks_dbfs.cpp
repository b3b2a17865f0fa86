// SPDX-License-Identifier: GPL-3.0-or-later
// The DBFS API 2.0 half of DatabricksService: JSON RPCs over a namespace separate from /Volumes.
#include "databricks_p.h"
#include "jwt.h"
#include "stats.h"

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

namespace sandbox
{

namespace
{

constexpr std::size_t kMaxBlock = 1 << 20;
constexpr std::size_t kDefaultRead = 512 * 1024;
// A JSON put carries at most 1 MB of data; its base64 text is 4/3 of that plus JSON framing.
constexpr std::size_t kMaxJsonPutBody = 2 << 20;

std::string str(const nlohmann::json &j, const char *key)
{
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

bool boolean(const nlohmann::json &j, const char *key)
{
    return j.contains(key) && j[key].is_boolean() && j[key].get<bool>();
}

nlohmann::json fileInfo(const std::string &path, const PathInfo &info)
{
    return { { "path", path }, { "is_dir", info.isDir }, { "file_size", info.size },
        { "modification_time", info.mtimeMs } };
}

void sendOk(httplib::Response &res)
{
    sendJsonBody(res, 200, nlohmann::json::object());
}

void sendNoSuchPath(httplib::Response &res, const std::string &path)
{
    sendDbfsError(res, 404, "RESOURCE_DOES_NOT_EXIST", "No file or directory exists on path " + path + ".");
}

} // namespace

std::optional<fs::path> DatabricksService::Impl::dbfsPath(const std::string &rawIn, httplib::Response &res)
{
    std::string raw = rawIn;
    if (raw.rfind("dbfs:", 0) == 0)
        raw = raw.substr(5);
    if (raw.empty() || raw[0] != '/')
    {
        sendDbfsError(res, 400, "INVALID_PARAMETER_VALUE", "Path must be absolute: " + rawIn);
        return std::nullopt;
    }
    if (raw == "/Volumes" || raw.rfind("/Volumes/", 0) == 0)
    {
        sendDbfsError(res, 400, "INVALID_PARAMETER_VALUE", "No operations allowed on this path");
        return std::nullopt;
    }
    fs::path disk = dbfs;
    std::size_t start = 1;
    while (start < raw.size())
    {
        auto slash = raw.find('/', start);
        if (slash == std::string::npos)
            slash = raw.size();
        const std::string part = raw.substr(start, slash - start);
        if (part == "." || part == ".." || part.find('\0') != std::string::npos || part.size() > 255)
        {
            sendDbfsError(res, 400, "INVALID_PARAMETER_VALUE", "Invalid path: " + rawIn);
            return std::nullopt;
        }
        if (!part.empty())
            disk /= part;
        start = slash + 1;
    }
    return disk;
}

void DatabricksService::Impl::expireHandles()
{
    // Callers hold the mutex.
    const auto now = SteadyClock::now();
    std::erase_if(handles,
        [&](const auto &entry) { return now - entry.second.lastUsed >= std::chrono::seconds(dbfsHandleIdleS); });
}

std::map<std::int64_t, DatabricksService::Impl::Handle>::iterator DatabricksService::Impl::findHandle(
    const nlohmann::json &body, httplib::Response &res)
{
    expireHandles();
    const std::int64_t id
        = body.contains("handle") && body["handle"].is_number_integer() ? body["handle"].get<std::int64_t>() : -1;
    const auto it = handles.find(id);
    if (it == handles.end())
        sendDbfsError(res, 404, "RESOURCE_DOES_NOT_EXIST", "Handle " + std::to_string(id) + " does not exist.");
    return it;
}

void DatabricksService::Impl::registerDbfs(httplib::Server &server)
{
    Impl *d = this;
    // The DBFS view of a disk path, "/a/b".
    const auto display = [d](const fs::path &disk)
    {
        const std::string rel = disk.lexically_relative(d->dbfs).generic_string();
        return rel == "." ? std::string("/") : "/" + rel;
    };
    const auto gate = [d](const char *op, const httplib::Request &req, httplib::Response &res)
    {
        nameRequest(std::string("dbx.dbfs.") + op);
        return d->admit(req, res);
    };
    // An RPC taking a JSON object: named, admitted and parsed before `handler(body, res)` runs.
    const auto postJson = [&server, gate](const char *op, auto handler)
    {
        server.Post(std::string("/api/2.0/dbfs/") + op,
            [op, gate, handler](const httplib::Request &req, httplib::Response &res)
            {
                if (!gate(op, req, res))
                    return;
                if (const auto body = parseJsonBody(req, res, true))
                    handler(*body, res);
            });
    };
    // A query on the `path` parameter: named, admitted and the path resolved before `handler` runs.
    const auto getPath = [&server, gate, d](const char *op, auto handler)
    {
        server.Get(std::string("/api/2.0/dbfs/") + op,
            [op, gate, d, handler](const httplib::Request &req, httplib::Response &res)
            {
                if (!gate(op, req, res))
                    return;
                if (const auto disk = d->dbfsPath(req.get_param_value("path"), res))
                    handler(req, res, *disk);
            });
    };
    // Puts a closed upload in place and answers it.
    const auto store = [d, display](TempFile &file, const fs::path &disk, bool overwrite, httplib::Response &res)
    {
        if (d->commitFile(file, disk, overwrite, "dbfs:" + display(disk), res, true))
            sendOk(res);
    };

    postJson("create",
        [d](const nlohmann::json &body, httplib::Response &res)
        {
            const auto disk = d->dbfsPath(str(body, "path"), res);
            if (!disk)
                return;
            const bool overwrite = boolean(body, "overwrite");
            std::lock_guard lock(d->mutex);
            d->expireHandles();
            const auto info = statPath(*disk);
            if (info && (info->isDir || !overwrite))
            {
                sendDbfsError(res, 400, "RESOURCE_ALREADY_EXISTS",
                    "A file or directory already exists at the input path dbfs:" + str(body, "path") + ".");
                return;
            }
            std::error_code ec;
            fs::create_directories(disk->parent_path(), ec);
            if (ec || !fs::is_directory(disk->parent_path()))
            {
                sendDbfsError(res, 400, "RESOURCE_ALREADY_EXISTS", "A file exists at a parent of the input path.");
                return;
            }
            const std::int64_t id = d->nextHandle++;
            Handle h;
            h.path = str(body, "path");
            h.overwrite = overwrite;
            h.file = std::make_unique<TempFile>(d->newTempPath());
            h.lastUsed = SteadyClock::now();
            d->handles[id] = std::move(h);
            sendJsonBody(res, 200, { { "handle", id } });
        });

    postJson("add-block",
        [d](const nlohmann::json &body, httplib::Response &res)
        {
            const auto data = jwt::base64Decode(str(body, "data"));
            if (!data)
            {
                sendDbfsError(res, 400, "INVALID_PARAMETER_VALUE", "The data is not valid base64.");
                return;
            }
            if (data->size() > kMaxBlock)
            {
                sendDbfsError(res, 400, "MAX_BLOCK_SIZE_EXCEEDED",
                    "The block size " + std::to_string(data->size()) + " exceeds the maximum of "
                        + std::to_string(kMaxBlock) + " bytes.");
                return;
            }
            std::lock_guard lock(d->mutex);
            const auto it = d->findHandle(body, res);
            if (it == d->handles.end())
                return;
            if (!it->second.file->write(data->data(), data->size()))
            {
                sendDbfsError(res, 400, "IO_ERROR", "Could not write the block.");
                return;
            }
            d->stats.addBytesIn(data->size());
            it->second.lastUsed = SteadyClock::now();
            sendOk(res);
        });

    postJson("close",
        [d, store](const nlohmann::json &body, httplib::Response &res)
        {
            Handle h;
            {
                std::lock_guard lock(d->mutex);
                const auto it = d->findHandle(body, res);
                if (it == d->handles.end())
                    return;
                h = std::move(it->second);
                d->handles.erase(it);
            }
            const auto disk = d->dbfsPath(h.path, res);
            if (!disk || !h.file->closeFile())
            {
                if (disk)
                    sendDbfsError(res, 400, "IO_ERROR", "Could not close the file.");
                return;
            }
            store(*h.file, *disk, h.overwrite, res);
        });

    const auto put
        = [d, gate, store](const httplib::Request &req, httplib::Response &res, const httplib::ContentReader *reader)
    {
        if (!gate("put", req, res))
            return d->drainBody(req, res, reader);
        std::string path;
        bool overwrite = false;
        auto file = std::make_unique<TempFile>(d->newTempPath());
        if (reader && req.is_multipart_form_data())
        {
            // Streamed form upload: fields path, overwrite and the file part "contents".
            std::string field;
            std::string value;
            const auto takeField = [&]
            {
                if (field == "path")
                    path = value;
                else if (field == "overwrite")
                    overwrite = value == "true";
            };
            const bool ok = (*reader)(
                [&](const httplib::MultipartFormData &part)
                {
                    takeField();
                    field = part.name;
                    value.clear();
                    return true;
                },
                [&](const char *data, std::size_t n)
                {
                    if (field == "contents")
                    {
                        d->stats.addBytesIn(n);
                        return file->write(data, n);
                    }
                    value.append(data, n);
                    return value.size() < 4096;
                });
            takeField();
            if (!ok)
            {
                sendDbfsError(res, 400, "INVALID_PARAMETER_VALUE", "Malformed multipart body.");
                res.set_header("Connection", "close");
                return;
            }
        }
        else
        {
            std::string text;
            bool tooLong = false;
            if (reader)
            {
                (*reader)(
                    [&](const char *data, std::size_t n)
                    {
                        text.append(data, n);
                        tooLong = text.size() > kMaxJsonPutBody;
                        return !tooLong;
                    });
            }
            if (tooLong)
            {
                sendDbfsError(res, 400, "MAX_BLOCK_SIZE_EXCEEDED",
                    "File uploads via the put API with inline contents are limited to 1 MB; use "
                    "create/add-block/close or a multipart form.");
                res.set_header("Connection", "close");
                return;
            }
            const auto body = parseJsonText(text, res, true);
            if (!body)
                return;
            path = str(*body, "path");
            overwrite = boolean(*body, "overwrite");
            const auto data = jwt::base64Decode(str(*body, "contents"));
            if (!data)
            {
                sendDbfsError(res, 400, "INVALID_PARAMETER_VALUE", "The contents are not valid base64.");
                return;
            }
            if (data->size() > kMaxBlock)
            {
                sendDbfsError(res, 400, "MAX_BLOCK_SIZE_EXCEEDED",
                    "File uploads via the put API with inline contents are limited to 1 MB.");
                return;
            }
            file->write(data->data(), data->size());
            d->stats.addBytesIn(data->size());
        }
        const auto disk = d->dbfsPath(path, res);
        if (!disk)
            return;
        if (!file->closeFile())
        {
            sendDbfsError(res, 400, "IO_ERROR", "Could not write the file.");
            return;
        }
        store(*file, *disk, overwrite, res);
    };
    server.Post("/api/2.0/dbfs/put",
        [put](const httplib::Request &req, httplib::Response &res, const httplib::ContentReader &reader)
        { put(req, res, &reader); });
    server.Post(
        "/api/2.0/dbfs/put", [put](const httplib::Request &req, httplib::Response &res) { put(req, res, nullptr); });

    getPath("get-status",
        [display](const httplib::Request &req, httplib::Response &res, const fs::path &disk)
        {
            const auto info = statPath(disk);
            if (!info)
                return sendNoSuchPath(res, req.get_param_value("path"));
            sendJsonBody(res, 200, fileInfo(display(disk), *info));
        });

    getPath("list",
        [display](const httplib::Request &req, httplib::Response &res, const fs::path &disk)
        {
            const auto info = statPath(disk);
            if (!info)
                return sendNoSuchPath(res, req.get_param_value("path"));
            nlohmann::json files = nlohmann::json::array();
            if (!info->isDir)
            {
                files.push_back(fileInfo(display(disk), *info));
            }
            else
            {
                std::vector<std::string> names;
                std::error_code ec;
                for (const auto &entry : fs::directory_iterator(disk, ec))
                    names.push_back(entry.path().filename().string());
                std::sort(names.begin(), names.end());
                for (const auto &name : names)
                    if (const auto child = statPath(disk / name))
                        files.push_back(fileInfo(display(disk / name), *child));
            }
            sendJsonBody(res, 200, { { "files", files } });
        });

    postJson("mkdirs",
        [d](const nlohmann::json &body, httplib::Response &res)
        {
            const auto disk = d->dbfsPath(str(body, "path"), res);
            if (!disk)
                return;
            std::lock_guard lock(d->mutex);
            std::error_code ec;
            fs::create_directories(*disk, ec);
            if (ec || !fs::is_directory(*disk))
            {
                sendDbfsError(res, 400, "RESOURCE_ALREADY_EXISTS",
                    "Cannot create directory " + str(body, "path") + " because a file exists at a prefix.");
                return;
            }
            sendOk(res);
        });

    postJson("move",
        [d](const nlohmann::json &body, httplib::Response &res)
        {
            const auto from = d->dbfsPath(str(body, "source_path"), res);
            if (!from)
                return;
            const auto to = d->dbfsPath(str(body, "destination_path"), res);
            if (!to)
                return;
            std::lock_guard lock(d->mutex);
            if (!statPath(*from))
                return sendNoSuchPath(res, str(body, "source_path"));
            if (statPath(*to))
            {
                sendDbfsError(res, 400, "RESOURCE_ALREADY_EXISTS",
                    "A file or directory already exists at the input path " + str(body, "destination_path") + ".");
                return;
            }
            const std::string fromText = from->lexically_normal().generic_string() + "/";
            if (to->lexically_normal().generic_string().rfind(fromText, 0) == 0 || *from == d->dbfs)
            {
                sendDbfsError(res, 400, "INVALID_PARAMETER_VALUE", "Cannot move a directory into itself.");
                return;
            }
            std::error_code ec;
            fs::create_directories(to->parent_path(), ec);
            fs::rename(*from, *to, ec);
            if (ec)
            {
                sendDbfsError(res, 400, "IO_ERROR", "Could not move: " + ec.message());
                return;
            }
            sendOk(res);
        });

    postJson("delete",
        [d, display](const nlohmann::json &body, httplib::Response &res)
        {
            const auto disk = d->dbfsPath(str(body, "path"), res);
            if (!disk)
                return;
            bool removedFile = false;
            {
                std::lock_guard lock(d->mutex);
                const auto info = statPath(*disk);
                std::error_code ec;
                if (info && info->isDir && !fs::is_empty(*disk, ec) && !boolean(body, "recursive"))
                {
                    sendDbfsError(res, 400, "IO_ERROR",
                        "Directory is not empty. Use recursive delete or remove contents first.");
                    return;
                }
                removedFile = info && !info->isDir;
                if (info && *disk != d->dbfs)
                    fs::remove_all(*disk, ec);
                else if (info)
                    for (const auto &entry : fs::directory_iterator(*disk, ec))
                        fs::remove_all(entry.path(), ec);
            }
            // A deleted file is no longer an upload (as for the Files API's DELETE); Stats' lock is not nested in ours.
            if (removedFile)
                d->stats.removeUpload("dbfs:" + display(*disk));
            sendOk(res);
        });

    getPath("read",
        [d](const httplib::Request &req, httplib::Response &res, const fs::path &disk)
        {
            const auto number = [&req](const char *name, long long fallback) -> std::optional<long long>
            {
                if (!req.has_param(name))
                    return fallback;
                const std::string v = req.get_param_value(name);
                char *end = nullptr;
                const long long n = std::strtoll(v.c_str(), &end, 10);
                if (v.empty() || *end != '\0')
                    return std::nullopt;
                return n;
            };
            const auto offset = number("offset", 0);
            const auto length = number("length", static_cast<long long>(kDefaultRead));
            if (!offset || !length || *offset < 0 || *length < 0)
            {
                sendDbfsError(res, 400, "INVALID_PARAMETER_VALUE", "offset and length must be non-negative integers.");
                return;
            }
            if (*length > static_cast<long long>(kMaxBlock))
            {
                sendDbfsError(res, 400, "MAX_READ_SIZE_EXCEEDED",
                    "Cannot read more than " + std::to_string(kMaxBlock) + " bytes at once.");
                return;
            }
            const auto info = statPath(disk);
            if (!info)
                return sendNoSuchPath(res, req.get_param_value("path"));
            if (info->isDir)
            {
                sendDbfsError(res, 400, "INVALID_PARAMETER_VALUE",
                    "Cannot read from a directory: " + req.get_param_value("path") + ".");
                return;
            }
            std::string data;
            if (static_cast<std::uint64_t>(*offset) < info->size)
            {
                data.resize(static_cast<std::size_t>(std::min<std::uint64_t>(
                    static_cast<std::uint64_t>(*length), info->size - static_cast<std::uint64_t>(*offset))));
                const int fd = ::open(disk.c_str(), O_RDONLY | O_CLOEXEC);
                ssize_t got = fd >= 0 ? ::pread(fd, data.data(), data.size(), static_cast<off_t>(*offset)) : -1;
                if (fd >= 0)
                    ::close(fd);
                data.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
            }
            d->stats.addBytesOut(data.size());
            sendJsonBody(res, 200, { { "bytes_read", data.size() }, { "data", jwt::base64Encode(data) } });
        });
}

} // namespace sandbox
