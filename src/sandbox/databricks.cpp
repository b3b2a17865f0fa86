// SPDX-License-Identifier: GPL-3.0-or-later
#include "databricks.h"

#include "databricks_p.h"
#include "jwt.h"
#include "oauth.h"
#include "stats.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <ctime>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sandbox
{

// ---- service --------------------------------------------------------------------------------------------

DatabricksService::Impl::Impl(Stats &s, TokenAuthority &a, const fs::path &dataDir)
    : stats(s)
    , auth(a)
    , root(dataDir / "databricks")
    , volumes(root / "volumes")
    , dbfs(root / "dbfs")
    , tmp(root / "tmp")
{
}

DatabricksService::DatabricksService(
    Stats &stats, TokenAuthority &auth, const fs::path &dataDir, const nlohmann::json &config)
    : m_d(std::make_unique<Impl>(stats, auth, dataDir))
{
    m_d->knownVolumes = { "main/default/landing", "main/default/archive" };
    if (config.is_object())
    {
        for (const auto &v : config.value("volumes", nlohmann::json::array()))
        {
            if (!v.is_string())
                continue;
            const std::string key = volumeKey(v.get<std::string>());
            if (std::count(key.begin(), key.end(), '/') == 2)
                m_d->knownVolumes.insert(key);
        }
        for (const auto &t : config.value("tokens", nlohmann::json::array()))
            if (t.is_string())
                auth.addDatabricksToken(t.get<std::string>());
        for (const auto &sp : config.value("service_principals", nlohmann::json::array()))
            if (sp.is_object())
                auth.addServicePrincipal(sp.value("client_id", ""), sp.value("client_secret", ""));
    }
    m_d->loadUnityCatalog(config);
    reset();
    Impl *d = m_d.get();
    // What is in flight, so tests can check that failed or abandoned uploads leave nothing behind.
    stats.setSection("databricks",
        [d]
        {
            std::lock_guard lock(d->mutex);
            nlohmann::json volumes = nlohmann::json::array();
            for (const auto &v : d->knownVolumes)
                volumes.push_back("/Volumes/" + v);
            return nlohmann::json { { "volumes", volumes }, { "dbfs_open_handles", d->handles.size() },
                { "multipart_sessions", d->sessions.size() }, { "presigned_urls", d->presigned.size() },
                { "faults",
                    { { "error_rate", d->errorRate }, { "error_status", d->errorStatus },
                        { "error_times", d->errorTimes }, { "retry_after_s", d->retryAfterS },
                        { "reset_put_after_bytes", d->resetPutAfterBytes }, { "reset_put_times", d->resetPutTimes },
                        { "forbidden_volumes", d->forbiddenVolumes }, { "dbfs_handle_idle_s", d->dbfsHandleIdleS },
                        { "max_put_bytes", d->maxPutBytes }, { "presigned_disabled", d->presignedDisabled },
                        { "error_routes", d->errorRoutes }, { "short_store_times", d->shortStoreTimes },
                        { "short_store_bytes", d->shortStoreBytes } } } };
        });
}

DatabricksService::~DatabricksService() = default;

void DatabricksService::setBaseUrl(const std::string &baseUrl)
{
    std::lock_guard lock(m_d->mutex);
    m_d->baseUrl = baseUrl;
    while (!m_d->baseUrl.empty() && m_d->baseUrl.back() == '/')
        m_d->baseUrl.pop_back();
}

void DatabricksService::applyFaults(const nlohmann::json &faults)
{
    if (!faults.is_object())
        return;
    std::lock_guard lock(m_d->mutex);
    Impl &d = *m_d;
    if (faults.contains("error_rate") && faults["error_rate"].is_number())
        d.errorRate = faults["error_rate"].get<double>();
    if (faults.contains("error_status") && faults["error_status"].is_number_integer())
        d.errorStatus = faults["error_status"].get<int>();
    if (faults.contains("retry_after_s") && faults["retry_after_s"].is_number_integer())
        d.retryAfterS = faults["retry_after_s"].get<int>();
    if (faults.contains("error_times") && faults["error_times"].is_number_integer())
        d.errorTimes = faults["error_times"].get<int>();
    if (faults.contains("reset_put_after_bytes") && faults["reset_put_after_bytes"].is_number_unsigned())
    {
        d.resetPutAfterBytes = faults["reset_put_after_bytes"].get<std::uint64_t>();
        d.resetPutTimes = d.resetPutAfterBytes > 0 ? 1 : 0;
    }
    if (faults.contains("reset_put_times") && faults["reset_put_times"].is_number_integer())
        d.resetPutTimes = faults["reset_put_times"].get<int>();
    if (faults.contains("forbidden_volumes") && faults["forbidden_volumes"].is_array())
    {
        d.forbiddenVolumes.clear();
        for (const auto &v : faults["forbidden_volumes"])
            if (v.is_string())
                d.forbiddenVolumes.insert(volumeKey(v.get<std::string>()));
    }
    if (faults.contains("dbfs_handle_idle_s") && faults["dbfs_handle_idle_s"].is_number_integer())
        d.dbfsHandleIdleS = faults["dbfs_handle_idle_s"].get<int>();
    if (faults.contains("max_put_bytes") && faults["max_put_bytes"].is_number_unsigned())
        d.maxPutBytes = faults["max_put_bytes"].get<std::uint64_t>();
    if (faults.contains("presigned_disabled") && faults["presigned_disabled"].is_boolean())
        d.presignedDisabled = faults["presigned_disabled"].get<bool>();
    if (faults.contains("error_routes") && faults["error_routes"].is_array())
    {
        d.errorRoutes.clear();
        for (const auto &r : faults["error_routes"])
            if (r.is_string())
                d.errorRoutes.insert(r.get<std::string>());
    }
    if (faults.contains("short_store_times") && faults["short_store_times"].is_number_integer())
        d.shortStoreTimes = faults["short_store_times"].get<int>();
    if (faults.contains("short_store_bytes") && faults["short_store_bytes"].is_number_unsigned())
        d.shortStoreBytes = std::max<std::uint64_t>(1, faults["short_store_bytes"].get<std::uint64_t>());
    d.applyUnityCatalogFaults(faults);
    d.rng.seed(0x5eed);
}

void DatabricksService::reset()
{
    std::lock_guard lock(m_d->mutex);
    Impl &d = *m_d;
    d.errorRate = 0;
    d.errorStatus = 503;
    d.retryAfterS = 1;
    d.errorTimes = 0;
    d.resetPutAfterBytes = 0;
    d.resetPutTimes = 0;
    d.forbiddenVolumes.clear();
    d.dbfsHandleIdleS = 600;
    d.maxPutBytes = 5ULL << 30;
    d.presignedDisabled = false;
    d.errorRoutes.clear();
    d.shortStoreTimes = 0;
    d.shortStoreBytes = 1;
    d.rng.seed(0x5eed);
    d.sessions.clear();
    d.presigned.clear();
    d.handles.clear();
    d.resetUnityCatalog();
    std::error_code ec;
    fs::remove_all(d.root, ec);
    fs::create_directories(d.tmp, ec);
    fs::create_directories(d.dbfs, ec);
    for (const auto &v : d.knownVolumes)
        fs::create_directories(d.volumes / v, ec);
}

std::string DatabricksService::Impl::base(const httplib::Request &req)
{
    std::lock_guard lock(mutex);
    if (!baseUrl.empty())
        return baseUrl;
    return "http://" + req.get_header_value("Host");
}

bool DatabricksService::Impl::takeReset()
{
    std::lock_guard lock(mutex);
    if (resetPutTimes <= 0)
        return false;
    --resetPutTimes;
    return true;
}

fs::path DatabricksService::Impl::newTempPath()
{
    return tmp / ("upload-" + jwt::randomUrlSafe(12));
}

bool DatabricksService::Impl::admit(const httplib::Request &req, httplib::Response &res, bool needsAuth)
{
    if (needsAuth && !checkDatabricksAuth(auth, req, res))
        return false;
    int status = 0;
    int retryAfter = 1;
    {
        std::lock_guard lock(mutex);
        const bool targeted = errorRoutes.empty() || errorRoutes.count(currentRoute()) > 0;
        if (targeted && errorTimes > 0)
        {
            --errorTimes;
            status = errorStatus;
        }
        else if (targeted && errorRate > 0 && std::uniform_real_distribution<double>(0.0, 1.0)(rng) < errorRate)
        {
            status = errorStatus;
        }
        retryAfter = retryAfterS;
    }
    if (status == 0)
        return true;
    if (status == 429)
    {
        stats.countThrottled();
        res.set_header("Retry-After", std::to_string(retryAfter));
        sendDbxError(res, 429, "REQUEST_LIMIT_EXCEEDED", "Too many requests. Please wait a moment and try again.");
    }
    else if (status == 503)
    {
        stats.countThrottled();
        res.set_header("Retry-After", std::to_string(retryAfter));
        sendDbfsError(res, 503, "TEMPORARILY_UNAVAILABLE",
            "The service at this URL is taking too long to process your request. Please try again later "
            "or try a faster operation.");
    }
    else
    {
        sendDbxError(res, status, "INTERNAL_ERROR", "Injected failure.");
    }
    return false;
}

void DatabricksService::Impl::drainBody(
    const httplib::Request &req, httplib::Response &res, const httplib::ContentReader *reader)
{
    if (!reader)
        return;
    const std::string length = req.get_header_value("Content-Length");
    if (!length.empty() && std::strtoull(length.c_str(), nullptr, 10) > kDrainLimit)
    {
        stopReading(req, res);
        return;
    }
    std::uint64_t seen = 0;
    const bool ok = (*reader)(
        [&seen](const char *, std::size_t n)
        {
            seen += n;
            return seen <= kDrainLimit;
        });
    if (!ok)
        stopReading(req, res);
}

std::optional<DatabricksService::Impl::VolumePath> DatabricksService::Impl::volumePath(
    const std::string &raw, httplib::Response &res)
{
    const std::string prefix = "/Volumes/";
    if (raw.compare(0, prefix.size(), prefix) != 0)
    {
        sendDbxError(res, 400, "INVALID_PARAMETER_VALUE",
            "Invalid path: expected an absolute path /Volumes/<catalog>/<schema>/<volume>/...");
        return std::nullopt;
    }
    std::vector<std::string> parts = splitPath(raw.substr(prefix.size()));
    if (!parts.empty() && parts.back().empty())
        parts.pop_back(); // a trailing slash names the same directory
    for (const auto &part : parts)
    {
        if (part.empty() || part == "." || part == ".." || part.find('\0') != std::string::npos || part.size() > 255)
        {
            sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Invalid path: " + raw);
            return std::nullopt;
        }
    }
    if (parts.size() < 3)
    {
        sendDbxError(res, 400, "INVALID_PARAMETER_VALUE",
            "Invalid path: expected an absolute path /Volumes/<catalog>/<schema>/<volume>/...");
        return std::nullopt;
    }
    VolumePath vp;
    vp.volumeKey = lower(parts[0] + "/" + parts[1] + "/" + parts[2]);
    {
        std::lock_guard lock(mutex);
        if (!knownVolumes.count(vp.volumeKey))
        {
            sendDbxError(
                res, 404, "NOT_FOUND", "Volume '" + parts[0] + "." + parts[1] + "." + parts[2] + "' does not exist.");
            return std::nullopt;
        }
        if (forbiddenVolumes.count(vp.volumeKey))
        {
            sendDbxError(res, 403, "PERMISSION_DENIED",
                "User does not have READ VOLUME and WRITE VOLUME on Volume '" + parts[0] + "." + parts[1] + "."
                    + parts[2] + "'.");
            return std::nullopt;
        }
        if (refusesWrite(vp.volumeKey, res))
            return std::nullopt;
    }
    vp.canonical = "/Volumes/" + vp.volumeKey;
    vp.disk = volumes / vp.volumeKey;
    for (std::size_t i = 3; i < parts.size(); ++i)
    {
        vp.canonical += "/" + parts[i];
        vp.disk /= parts[i];
    }
    vp.isVolumeRoot = parts.size() == 3;
    return vp;
}

std::optional<DatabricksService::Impl::VolumePath> DatabricksService::Impl::admitPath(
    const httplib::Request &req, httplib::Response &res)
{
    if (!admit(req, res))
        return std::nullopt;
    return volumePath(req.matches[1].str(), res);
}

std::optional<DatabricksService::Impl::JsonPathCall> DatabricksService::Impl::admitJsonPath(
    const httplib::Request &req, httplib::Response &res)
{
    if (!admit(req, res))
        return std::nullopt;
    auto body = parseJsonBody(req, res, false);
    if (!body)
        return std::nullopt;
    auto vp = volumePath(body->value("path", std::string()), res);
    if (!vp)
        return std::nullopt;
    return JsonPathCall { std::move(*body), std::move(*vp) };
}

bool DatabricksService::Impl::creatable(const VolumePath &vp, bool overwrite, httplib::Response &res)
{
    if (vp.isVolumeRoot || fs::is_directory(vp.disk))
    {
        sendDbxError(res, 409, "ALREADY_EXISTS", "A directory already exists at " + vp.canonical + ".");
        return false;
    }
    if (!overwrite && fs::exists(vp.disk))
    {
        sendDbxError(res, 409, "ALREADY_EXISTS", "The file being created already exists.");
        return false;
    }
    return true;
}

std::map<std::string, DatabricksService::Impl::Session>::iterator DatabricksService::Impl::findSession(
    const std::string &token, const VolumePath &vp, httplib::Response &res)
{
    const auto it = sessions.find(token);
    if (it != sessions.end() && it->second.path == vp.canonical)
        return it;
    sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Invalid session token.");
    return sessions.end();
}

namespace
{
std::string md5OfFile(const fs::path &path)
{
    Md5 md5;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return md5.hexDigest();
    std::vector<char> buffer(kReadChunk);
    for (;;)
    {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n <= 0)
            break;
        md5.update(buffer.data(), static_cast<std::size_t>(n));
    }
    ::close(fd);
    return md5.hexDigest();
}
} // namespace

bool DatabricksService::Impl::commitFile(TempFile &file, const fs::path &target, bool overwrite,
    const std::string &displayPath, httplib::Response &res, bool dbfsErrors)
{
    const auto conflict = [&](const std::string &message)
    {
        if (dbfsErrors)
            sendDbfsError(res, 400, "RESOURCE_ALREADY_EXISTS", message);
        else
            sendDbxError(res, 409, "ALREADY_EXISTS", message);
        return false;
    };
    std::uint64_t size = file.size();
    std::string md5 = file.md5Hex();
    {
        std::lock_guard lock(mutex);
        if (shortStoreTimes > 0 && size > 0)
        {
            // The storage behind the API keeps fewer bytes than it was sent, and the API still answers success.
            --shortStoreTimes;
            size -= std::min(size, shortStoreBytes);
            std::error_code resizeError;
            fs::resize_file(file.path(), size, resizeError);
            md5 = md5OfFile(file.path());
        }
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (ec || !fs::is_directory(target.parent_path()))
            return conflict("A file exists at a parent of " + displayPath + ".");
        if (fs::is_directory(target))
            return conflict("A directory already exists at " + displayPath + ".");
        if (!overwrite && fs::exists(target))
            return conflict(dbfsErrors ? "A file or directory already exists at the input path " + displayPath + "."
                                       : "The file being created already exists.");
        fs::rename(file.path(), target, ec);
        if (ec)
        {
            if (dbfsErrors)
                sendDbfsError(res, 500, "IO_ERROR", "Could not store " + displayPath + ": " + ec.message());
            else
                sendDbxError(res, 500, "INTERNAL_ERROR", "Could not store " + displayPath + ": " + ec.message());
            return false;
        }
        file.release();
    }
    // Stats has its own lock: recorded outside ours so the two are never nested.
    stats.recordUpload(displayPath, size, md5);
    return true;
}

// ---- routes ---------------------------------------------------------------------------------------------

void DatabricksService::registerRoutes(httplib::Server &server)
{
    Impl *d = m_d.get();
    const std::string files = R"(/api/2\.0/fs/files(/[\s\S]*))";
    const std::string dirs = R"(/api/2\.0/fs/directories(/[\s\S]*))";
    const std::string presigned = R"(/_presigned/([A-Za-z0-9_-]+))";

    // A body-less PUT (zero-byte file) reaches the plain handler, any other the streaming one.
    server.Put(files,
        [d](const httplib::Request &req, httplib::Response &res, const httplib::ContentReader &reader)
        { d->filesPut(req, res, &reader); });
    server.Put(files, [d](const httplib::Request &req, httplib::Response &res) { d->filesPut(req, res, nullptr); });
    server.Get(files, [d](const httplib::Request &req, httplib::Response &res) { d->filesGet(req, res); });
    server.Delete(files, [d](const httplib::Request &req, httplib::Response &res) { d->filesDelete(req, res); });
    server.Post(files, [d](const httplib::Request &req, httplib::Response &res) { d->filesPost(req, res); });

    server.Put(dirs,
        [d](const httplib::Request &req, httplib::Response &res, const httplib::ContentReader &reader)
        {
            d->drainBody(req, res, &reader);
            d->dirsPut(req, res);
        });
    server.Put(dirs, [d](const httplib::Request &req, httplib::Response &res) { d->dirsPut(req, res); });
    server.Get(dirs, [d](const httplib::Request &req, httplib::Response &res) { d->dirsGet(req, res); });
    server.Delete(dirs, [d](const httplib::Request &req, httplib::Response &res) { d->dirsDelete(req, res); });

    server.Post("/api/2.0/fs/create-upload-part-urls",
        [d](const httplib::Request &req, httplib::Response &res) { d->createPartUrls(req, res); });
    server.Post("/api/2.0/fs/create-abort-upload-url",
        [d](const httplib::Request &req, httplib::Response &res) { d->createAbortUrl(req, res); });
    server.Put(presigned,
        [d](const httplib::Request &req, httplib::Response &res, const httplib::ContentReader &reader)
        { d->presignedPut(req, res, &reader); });
    server.Put(
        presigned, [d](const httplib::Request &req, httplib::Response &res) { d->presignedPut(req, res, nullptr); });
    server.Delete(
        presigned, [d](const httplib::Request &req, httplib::Response &res) { d->presignedDelete(req, res); });

    server.Post("/api/2.0/fs/create-download-url",
        [d](const httplib::Request &req, httplib::Response &res) { d->createDownloadUrl(req, res); });
    server.Get(presigned, [d](const httplib::Request &req, httplib::Response &res) { d->presignedGet(req, res); });

    server.Get("/api/2.0/preview/scim/v2/Me",
        [d](const httplib::Request &req, httplib::Response &res) { d->scimMe(req, res); });

    d->registerDbfs(server);
    d->registerUnityCatalog(server);
}

} // namespace sandbox
