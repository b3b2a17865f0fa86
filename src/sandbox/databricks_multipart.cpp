// SPDX-License-Identifier: GPL-3.0-or-later
// The multipart upload flow of DatabricksService (AWS flavour) and presigned URLs served by the sandbox.
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

namespace
{

// The expiry of a new presigned URL: an hour from now unless the request gives one; nullopt after a 400 when
// the given one is malformed.
std::optional<std::chrono::system_clock::time_point> urlExpiry(
    const std::optional<std::string> &given, httplib::Response &res)
{
    if (!given)
        return std::chrono::system_clock::now() + std::chrono::hours(1);
    const auto parsed = parseExpireTime(*given);
    if (!parsed)
        sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Invalid expire_time.");
    return parsed;
}

// Which presigned URLs a method accepts (Presigned::part: 0 abort, -1 download, else an upload part). A PUT to a
// download URL passes here and then finds no upload session (404 NoSuchUpload), as before.
bool isDownloadUrl(int part)
{
    return part == -1;
}

bool isAbortUrl(int part)
{
    return part == 0;
}

bool isNotAbortUrl(int part)
{
    return part != 0;
}

} // namespace

// ---- multipart upload (AWS flavour) ---------------------------------------------------------------------

void DatabricksService::Impl::filesPost(const httplib::Request &req, httplib::Response &res)
{
    const std::string action = req.get_param_value("action");
    nameRequest(action == "initiate-upload" ? "dbx.multipart.initiate"
            : action == "complete-upload"                 ? "dbx.multipart.complete"
                                                          : "dbx.files.post");
    const auto vp = admitPath(req, res);
    if (!vp)
        return;
    if (action == "initiate-upload")
        initiateUpload(req, res, *vp);
    else if (action == "complete-upload")
        completeUpload(req, res, *vp);
    else
        sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Unsupported action: " + action);
}

void DatabricksService::Impl::initiateUpload(const httplib::Request &req, httplib::Response &res, const VolumePath &vp)
{
    const auto overwrite = parseBool(req, "overwrite", true);
    if (!overwrite)
    {
        sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Invalid value for overwrite.");
        return;
    }
    std::lock_guard lock(mutex);
    if (presignedDisabled)
    {
        sendDbxError(
            res, 403, "PERMISSION_DENIED", "Presigned URLs API is not enabled", "FILES_API_API_IS_NOT_ENABLED");
        return;
    }
    if (!creatable(vp, *overwrite, res))
        return;
    const std::string token = jwt::randomUrlSafe(24);
    Session s;
    s.path = vp.canonical;
    s.overwrite = *overwrite;
    s.dir = tmp / ("mp-" + token);
    std::error_code ec;
    fs::create_directories(s.dir, ec);
    sessions[token] = std::move(s);
    sendJsonBody(res, 200, { { "multipart_upload", { { "session_token", token } } } });
}

void DatabricksService::Impl::createPartUrls(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.multipart.urls");
    const auto call = admitJsonPath(req, res);
    if (!call)
        return;
    const nlohmann::json &body = call->body;
    const std::string token = body.value("session_token", std::string());
    const auto start = body.contains("start_part_number") && body["start_part_number"].is_number_integer()
        ? body["start_part_number"].get<long>()
        : 1L;
    const auto count = body.contains("count") && body["count"].is_number_integer() ? body["count"].get<long>() : 1L;
    if (start < 1 || count < 1 || start + count - 1 > 10000)
    {
        sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Part numbers must be within 1..10000.");
        return;
    }
    std::optional<std::string> givenExpiry;
    if (body.contains("expire_time"))
        givenExpiry = body["expire_time"].is_string() ? body["expire_time"].get<std::string>() : std::string();
    const auto expires = urlExpiry(givenExpiry, res);
    if (!expires)
        return;
    const std::string b = base(req);
    std::lock_guard lock(mutex);
    if (findSession(token, call->path, res) == sessions.end())
        return;
    nlohmann::json urls = nlohmann::json::array();
    for (long part = start; part < start + count; ++part)
    {
        const std::string key = jwt::randomUrlSafe(24);
        presigned[key] = Presigned { token, static_cast<int>(part), *expires, {} };
        urls.push_back({ { "part_number", part }, { "url", b + "/_presigned/" + key },
            { "headers", { { { "name", "Content-Type" }, { "value", "application/octet-stream" } } } } });
    }
    sendJsonBody(res, 200, { { "upload_part_urls", urls } });
}

void DatabricksService::Impl::createAbortUrl(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.multipart.abort_url");
    const auto call = admitJsonPath(req, res);
    if (!call)
        return;
    const std::string b = base(req);
    std::lock_guard lock(mutex);
    const std::string token = call->body.value("session_token", std::string());
    if (findSession(token, call->path, res) == sessions.end())
        return;
    const std::string key = jwt::randomUrlSafe(24);
    presigned[key] = Presigned { token, 0, std::chrono::system_clock::now() + std::chrono::hours(1), {} };
    sendJsonBody(res, 200,
        { { "abort_upload_url", { { "url", b + "/_presigned/" + key }, { "headers", nlohmann::json::array() } } } });
}

void DatabricksService::Impl::createDownloadUrl(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.files.download_url");
    if (!admit(req, res))
        return;
    const auto vp = volumePath(req.get_param_value("path"), res);
    if (!vp || !statFile(vp->disk, res))
        return;
    const auto expires = urlExpiry(
        req.has_param("expire_time") ? std::optional(req.get_param_value("expire_time")) : std::nullopt, res);
    if (!expires)
        return;
    const std::string b = base(req);
    std::lock_guard lock(mutex);
    const std::string key = jwt::randomUrlSafe(24);
    Presigned p;
    p.part = -1;
    p.expires = *expires;
    p.download = vp->disk;
    presigned[key] = p;
    sendJsonBody(res, 200, { { "url", b + "/_presigned/" + key }, { "headers", nlohmann::json::array() } });
}

void DatabricksService::Impl::presignedGet(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.presigned.get");
    if (!admit(req, res, false))
        return;
    fs::path disk;
    {
        std::lock_guard lock(mutex);
        const auto it = findPresigned(req, isDownloadUrl, res);
        if (it == presigned.end())
            return;
        disk = it->second.download;
    }
    const auto info = statPath(disk);
    if (!info || info->isDir)
    {
        sendS3Error(res, 404, "NoSuchKey", "The specified key does not exist.");
        return;
    }
    serveFile(req, res, disk, *info);
}

void DatabricksService::Impl::presignedPut(
    const httplib::Request &req, httplib::Response &res, const httplib::ContentReader *reader)
{
    nameRequest("dbx.multipart.part");
    if (!admit(req, res, false))
        return drainBody(req, res, reader);
    fs::path partPath;
    fs::path tempPath;
    int part = 0;
    std::string sessionToken;
    std::uint64_t resetAt = 0;
    {
        std::lock_guard lock(mutex);
        const auto it = findPresigned(req, isNotAbortUrl, res);
        if (it == presigned.end())
            return drainBody(req, res, reader);
        const auto session = findUpload(it->second.session, res);
        if (session == sessions.end())
            return drainBody(req, res, reader);
        part = it->second.part;
        sessionToken = it->second.session;
        partPath = session->second.dir / std::to_string(part);
        tempPath = session->second.dir / (std::to_string(part) + ".tmp-" + jwt::randomUrlSafe(6));
        resetAt = resetPutTimes > 0 ? resetPutAfterBytes : 0;
    }
    TempFile file(tempPath);
    bool reset = false;
    const bool complete = !reader
        || (*reader)(
            [&](const char *data, std::size_t n)
            {
                if (resetAt > 0 && file.size() + n >= resetAt && takeReset())
                {
                    reset = true;
                    return false;
                }
                stats.addBytesIn(n);
                return file.write(data, n);
            });
    if (reset)
    {
        abortConnection(req);
        res.status = 500;
        return;
    }
    if (!complete || !file.closeFile())
    {
        sendS3Error(res, 400, "IncompleteBody",
            "You did not provide the number of bytes specified by the "
            "Content-Length HTTP header.");
        stopReading(req, res);
        return;
    }
    const std::string etag = file.md5Hex();
    std::lock_guard lock(mutex);
    const auto session = findUpload(sessionToken, res);
    if (session == sessions.end())
        return;
    std::error_code ec;
    fs::rename(file.path(), partPath, ec);
    if (ec)
    {
        sendS3Error(res, 500, "InternalError", "We encountered an internal error. Please try again.");
        return;
    }
    file.release();
    session->second.parts[part] = etag;
    res.status = 200;
    res.set_header("ETag", "\"" + etag + "\"");
}

void DatabricksService::Impl::presignedDelete(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.multipart.abort");
    if (!admit(req, res, false))
        return;
    std::lock_guard lock(mutex);
    const auto it = findPresigned(req, isAbortUrl, res);
    if (it == presigned.end())
        return;
    const std::string token = it->second.session;
    const auto session = findUpload(token, res);
    if (session == sessions.end())
        return;
    std::error_code ec;
    fs::remove_all(session->second.dir, ec);
    sessions.erase(session);
    std::erase_if(presigned, [&token](const auto &entry) { return entry.second.session == token; });
    res.status = 204;
}

std::map<std::string, DatabricksService::Impl::Presigned>::iterator DatabricksService::Impl::findPresigned(
    const httplib::Request &req, bool (*accepts)(int part), httplib::Response &res)
{
    const auto it = presigned.find(req.matches[1].str());
    if (it == presigned.end() || !accepts(it->second.part))
    {
        sendS3Error(res, 403, "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided.");
        return presigned.end();
    }
    if (std::chrono::system_clock::now() >= it->second.expires)
    {
        sendS3Error(res, 403, "AccessDenied", "Request has expired");
        return presigned.end();
    }
    return it;
}

std::map<std::string, DatabricksService::Impl::Session>::iterator DatabricksService::Impl::findUpload(
    const std::string &token, httplib::Response &res)
{
    const auto it = sessions.find(token);
    if (it == sessions.end())
        sendS3Error(res, 404, "NoSuchUpload", "The specified upload does not exist.");
    return it;
}

void DatabricksService::Impl::completeUpload(const httplib::Request &req, httplib::Response &res, const VolumePath &vp)
{
    const auto body = parseJsonBody(req, res, false);
    if (!body)
        return;
    const std::string token = req.get_param_value("session_token");
    if (req.has_param("upload_type") && req.get_param_value("upload_type") != "multipart")
    {
        sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Unsupported upload_type.");
        return;
    }
    Session session;
    {
        std::lock_guard lock(mutex);
        const auto it = findSession(token, vp, res);
        if (it == sessions.end())
            return;
        const auto &parts = body->value("parts", nlohmann::json::array());
        if (!parts.is_array() || parts.empty())
        {
            sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "The list of parts must not be empty.");
            return;
        }
        long previous = 0;
        std::vector<int> order;
        for (const auto &p : parts)
        {
            const long number = p.is_object() && p.contains("part_number") && p["part_number"].is_number_integer()
                ? p["part_number"].get<long>()
                : 0;
            std::string etag = p.is_object() ? p.value("etag", std::string()) : std::string();
            etag.erase(std::remove(etag.begin(), etag.end(), '"'), etag.end());
            if (number <= previous)
            {
                sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Parts must be listed in ascending order.");
                return;
            }
            const auto uploaded = it->second.parts.find(static_cast<int>(number));
            if (uploaded == it->second.parts.end() || uploaded->second != etag)
            {
                sendDbxError(res, 400, "INVALID_PARAMETER_VALUE",
                    "Part " + std::to_string(number) + " was not uploaded or its ETag does not match.");
                return;
            }
            previous = number;
            order.push_back(static_cast<int>(number));
        }
        session = it->second;
        session.parts.clear();
        for (const int n : order)
            session.parts[n] = {};
        sessions.erase(it);
        std::erase_if(presigned, [&token](const auto &entry) { return entry.second.session == token; });
    }
    TempFile file(newTempPath());
    std::vector<char> buf(1 << 20);
    bool ok = file.ok();
    for (const auto &[number, unused] : session.parts)
    {
        const int fd = ::open((session.dir / std::to_string(number)).c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
        {
            ok = false;
            break;
        }
        ssize_t n = 0;
        while (ok && (n = ::read(fd, buf.data(), buf.size())) > 0)
            ok = file.write(buf.data(), static_cast<std::size_t>(n));
        ok = ok && n == 0;
        ::close(fd);
    }
    std::error_code ec;
    fs::remove_all(session.dir, ec);
    if (!ok || !file.closeFile())
    {
        sendDbxError(res, 500, "INTERNAL_ERROR", "Could not assemble the upload.");
        return;
    }
    if (commitFile(file, vp.disk, session.overwrite, vp.canonical, res, false))
        sendJsonBody(res, 200, nlohmann::json::object());
}

} // namespace sandbox
