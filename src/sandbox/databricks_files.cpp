// SPDX-License-Identifier: GPL-3.0-or-later
// The Files API half of DatabricksService: /Volumes paths, streaming PUT, ranged GET, HEAD, DELETE, directories.
#include "databricks_p.h"
#include "jwt.h"
#include "stats.h"

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace sandbox
{

// ---- Files API ------------------------------------------------------------------------------------------

void DatabricksService::Impl::filesPut(
    const httplib::Request &req, httplib::Response &res, const httplib::ContentReader *reader)
{
    nameRequest("dbx.files.put");
    const auto vp = admitPath(req, res);
    if (!vp)
        return drainBody(req, res, reader);
    const auto overwrite = parseBool(req, "overwrite", true);
    if (!overwrite)
    {
        sendDbxError(
            res, 400, "INVALID_PARAMETER_VALUE", "Invalid value for overwrite: " + req.get_param_value("overwrite"));
        return drainBody(req, res, reader);
    }
    std::uint64_t cap = 0;
    std::uint64_t resetAt = 0;
    {
        std::lock_guard lock(mutex);
        if (!creatable(*vp, *overwrite, res))
            return drainBody(req, res, reader);
        cap = maxPutBytes;
        resetAt = resetPutTimes > 0 ? resetPutAfterBytes : 0;
    }
    const std::string length = req.get_header_value("Content-Length");
    if (!length.empty() && std::strtoull(length.c_str(), nullptr, 10) > cap)
    {
        sendDbxError(res, 413, "INVALID_PARAMETER_VALUE",
            "The request body exceeds the maximum single-request upload size of " + std::to_string(cap)
                + " bytes; use a multipart upload.",
            "FILES_API_UPLOAD_SIZE_EXCEEDED");
        return drainBody(req, res, reader);
    }
    TempFile file(newTempPath());
    if (!file.ok())
    {
        sendDbxError(res, 500, "INTERNAL_ERROR", "Cannot create a temporary file.");
        return drainBody(req, res, reader);
    }
    bool reset = false;
    bool tooBig = false;
    std::uint64_t dropped = 0;
    bool ioError = false;
    const bool complete = !reader
        || (*reader)(
            [&](const char *data, std::size_t n)
            {
                if (resetAt > 0 && file.size() + n >= resetAt && takeReset())
                {
                    file.write(data, static_cast<std::size_t>(resetAt - file.size()));
                    reset = true;
                    return false;
                }
                if (tooBig || file.size() + n > cap)
                {
                    // Keep reading (and dropping) a while so the client gets to see the 413.
                    tooBig = true;
                    dropped += n;
                    return dropped <= kDrainLimit;
                }
                if (!file.write(data, n))
                {
                    ioError = true;
                    return false;
                }
                stats.addBytesIn(n);
                return true;
            });
    if (reset)
    {
        abortConnection(req);
        res.status = 500;
        return;
    }
    if (!complete || tooBig || !file.closeFile())
    {
        if (tooBig)
            sendDbxError(res, 413, "INVALID_PARAMETER_VALUE",
                "The request body exceeds the maximum single-request upload size of " + std::to_string(cap)
                    + " bytes; use a multipart upload.",
                "FILES_API_UPLOAD_SIZE_EXCEEDED");
        else if (ioError)
            sendDbxError(res, 500, "INTERNAL_ERROR", "Cannot write the upload.");
        else
            sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "The request body ended early.");
        if (!complete)
            stopReading(req, res);
        return;
    }
    if (commitFile(file, vp->disk, *overwrite, vp->canonical, res, false))
        res.status = 204;
}

void DatabricksService::Impl::filesGet(const httplib::Request &req, httplib::Response &res)
{
    const bool head = req.method == "HEAD";
    nameRequest(head ? "dbx.files.head" : "dbx.files.get");
    const auto vp = admitPath(req, res);
    if (!vp)
        return;
    if (const auto info = statFile(vp->disk, res))
        serveFile(req, res, vp->disk, *info);
}

void DatabricksService::Impl::serveFile(
    const httplib::Request &req, httplib::Response &res, const fs::path &disk, const PathInfo &info)
{
    const std::int64_t mtimeS = info.mtimeMs / 1000;
    if (req.has_header("If-Unmodified-Since"))
    {
        std::tm tm {};
        const std::string since = req.get_header_value("If-Unmodified-Since");
        if (strptime(since.c_str(), "%a, %d %b %Y %H:%M:%S", &tm) && mtimeS > timegm(&tm))
        {
            sendDbxError(res, 412, "FAILED_PRECONDITION", "The file has been modified since " + since + ".");
            return;
        }
    }
    const auto size = static_cast<ssize_t>(info.size);
    // cpp-httplib applies ranges without checking them against the length: clamp here, 416 when unsatisfiable.
    auto &ranges = const_cast<httplib::Request &>(req).ranges;
    for (auto &r : ranges)
    {
        if (r.first == -1)
        {
            if (r.second <= 0)
                r.first = size; // empty suffix: unsatisfiable
            else
                r.first = std::max<ssize_t>(0, size - r.second);
            r.second = size - 1;
        }
        if (r.second == -1 || r.second >= size)
            r.second = size - 1;
        if (r.first >= size || r.first > r.second)
        {
            ranges.clear();
            res.set_header("Content-Range", "bytes */" + std::to_string(size));
            sendDbxError(res, 416, "INVALID_PARAMETER_VALUE", "The requested range is not satisfiable.");
            return;
        }
    }
    res.set_header("Last-Modified", httpDate(mtimeS));
    if (size == 0)
    {
        res.set_content("", "application/octet-stream");
        return;
    }
    const int fd = ::open(disk.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
    {
        sendDbxError(res, 404, "NOT_FOUND", "The file being accessed is not found.");
        return;
    }
    Stats *st = &stats;
    res.set_content_provider(
        static_cast<std::size_t>(size), "application/octet-stream",
        [fd, st](std::size_t offset, std::size_t length, httplib::DataSink &sink)
        {
            std::vector<char> buf(std::min(length, kReadChunk));
            const ssize_t n = ::pread(fd, buf.data(), buf.size(), static_cast<off_t>(offset));
            if (n <= 0)
                return false;
            if (!sink.write(buf.data(), static_cast<std::size_t>(n)))
                return false;
            st->addBytesOut(static_cast<std::uint64_t>(n));
            return true;
        },
        [fd](bool) { ::close(fd); });
}

void DatabricksService::Impl::filesDelete(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.files.delete");
    const auto vp = admitPath(req, res);
    if (!vp)
        return;
    std::lock_guard lock(mutex);
    if (!statFile(vp->disk, res))
        return;
    std::error_code ec;
    fs::remove(vp->disk, ec);
    stats.removeUpload(vp->canonical);
    res.status = 204;
}

void DatabricksService::Impl::dirsPut(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.dirs.put");
    const auto vp = admitPath(req, res);
    if (!vp)
        return;
    std::lock_guard lock(mutex);
    // mkdir -p, refusing to go through or over a file.
    fs::path p = volumes / vp->volumeKey;
    const fs::path rel = vp->disk.lexically_relative(p);
    for (const auto &segment : rel)
    {
        if (segment == ".")
            continue;
        p /= segment;
        const auto info = statPath(p);
        if (info && !info->isDir)
        {
            sendDbxError(res, 409, "ALREADY_EXISTS", "A file already exists at " + vp->canonical + ".");
            return;
        }
    }
    std::error_code ec;
    fs::create_directories(vp->disk, ec);
    if (ec)
    {
        sendDbxError(res, 500, "INTERNAL_ERROR", "Cannot create the directory: " + ec.message());
        return;
    }
    res.status = 204;
}

void DatabricksService::Impl::dirsGet(const httplib::Request &req, httplib::Response &res)
{
    const bool head = req.method == "HEAD";
    nameRequest(head ? "dbx.dirs.head" : "dbx.dirs.get");
    const auto vp = admitPath(req, res);
    if (!vp || !statDir(vp->disk, res))
        return;
    if (head)
    {
        res.status = 200;
        return;
    }
    long pageSize = 1000;
    if (req.has_param("page_size"))
    {
        char *end = nullptr;
        const std::string v = req.get_param_value("page_size");
        pageSize = std::strtol(v.c_str(), &end, 10);
        if (v.empty() || *end != '\0' || pageSize < 1)
        {
            sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Invalid page_size: " + v);
            return;
        }
        pageSize = std::min(pageSize, 1000L);
    }
    std::string after;
    if (req.has_param("page_token") && !req.get_param_value("page_token").empty())
    {
        const auto decoded = jwt::base64UrlDecode(req.get_param_value("page_token"));
        if (!decoded || decoded->rfind("after:", 0) != 0)
        {
            sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Invalid page_token.");
            return;
        }
        after = decoded->substr(6);
    }
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(vp->disk, ec))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    auto it = after.empty() ? names.begin() : std::upper_bound(names.begin(), names.end(), after);
    nlohmann::json contents = nlohmann::json::array();
    std::string last;
    for (; it != names.end() && static_cast<long>(contents.size()) < pageSize; ++it)
    {
        const auto child = statPath(vp->disk / *it);
        if (!child)
            continue;
        nlohmann::json e { { "path", vp->canonical + "/" + *it }, { "name", *it }, { "is_directory", child->isDir },
            { "last_modified", child->mtimeMs } };
        if (!child->isDir)
            e["file_size"] = child->size;
        contents.push_back(std::move(e));
        last = *it;
    }
    nlohmann::json body { { "contents", contents } };
    if (it != names.end())
        body["next_page_token"] = jwt::base64UrlEncode("after:" + last);
    sendJsonBody(res, 200, body);
}

void DatabricksService::Impl::dirsDelete(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.dirs.delete");
    const auto vp = admitPath(req, res);
    if (!vp)
        return;
    if (vp->isVolumeRoot)
    {
        sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "The volume root cannot be deleted.");
        return;
    }
    std::lock_guard lock(mutex);
    if (!statDir(vp->disk, res))
        return;
    std::error_code ec;
    if (!fs::is_empty(vp->disk, ec))
    {
        sendDbxError(res, 400, "FAILED_PRECONDITION", "The directory being deleted is not empty.",
            "FILES_API_DIRECTORY_IS_NOT_EMPTY");
        return;
    }
    fs::remove(vp->disk, ec);
    res.status = 204;
}

void DatabricksService::Impl::scimMe(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.scim.me");
    if (!admit(req, res))
        return;
    // One identity for every token the sandbox accepts (sdk-go service/iam CurrentUserAPI.Me; what
    // `databricks current-user me` calls). Clients use it to check a credential before keeping it.
    const nlohmann::json email { { "type", "work" }, { "value", "sandbox-user@example.com" }, { "primary", true } };
    sendJsonBody(res, 200,
        { { "schemas", nlohmann::json::array({ "urn:ietf:params:scim:schemas:core:2.0:User" }) },
            { "id", "1000000000000001" }, { "userName", "sandbox-user@example.com" },
            { "displayName", "Sandbox User" }, { "active", true }, { "emails", nlohmann::json::array({ email }) } });
}

} // namespace sandbox
