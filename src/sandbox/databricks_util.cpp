// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers of DatabricksService shared by its route files: request names, temp files, errors, paths, sockets.
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

namespace
{
constexpr std::size_t kWriteBuffer = 1024 * 1024;
thread_local std::string t_route;
} // namespace

void nameRequest(const std::string &route)
{
    t_route = route;
    Stats::nameCurrentRequest(route);
}

const std::string &currentRoute()
{
    return t_route;
}

std::string requestId()
{
    const std::string hex = jwt::toHex(jwt::sha256Raw(jwt::randomUrlSafe(16))).substr(0, 32);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-"
        + hex.substr(20, 12);
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::vector<std::string> splitPath(const std::string &p)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= p.size())
    {
        const auto slash = p.find('/', start);
        const auto end = slash == std::string::npos ? p.size() : slash;
        parts.push_back(p.substr(start, end - start));
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return parts;
}

/// Parses "YYYY-MM-DDTHH:MM:SSZ" (also with fractional seconds); nullopt when malformed.
std::optional<std::chrono::system_clock::time_point> parseExpireTime(const std::string &s)
{
    std::tm tm {};
    const char *end = strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
    if (!end)
        return std::nullopt;
    return std::chrono::system_clock::from_time_t(timegm(&tm));
}

std::optional<bool> parseBool(const httplib::Request &req, const char *name, bool absent)
{
    if (!req.has_param(name))
        return absent;
    const std::string v = lower(req.get_param_value(name));
    if (v == "true")
        return true;
    if (v == "false")
        return false;
    return std::nullopt;
}

void sendS3Error(httplib::Response &res, int status, const std::string &code, const std::string &message)
{
    res.status = status;
    res.set_content("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
            + "</Message><RequestId>" + requestId().substr(0, 16) + "</RequestId></Error>",
        "application/xml");
}

// ---- small shared helpers -------------------------------------------------------------------------------

Md5::Md5()
    : m_ctx(EVP_MD_CTX_new())
{
    EVP_DigestInit_ex(static_cast<EVP_MD_CTX *>(m_ctx), EVP_md5(), nullptr);
}

Md5::~Md5()
{
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX *>(m_ctx));
}

void Md5::update(const char *data, std::size_t size)
{
    EVP_DigestUpdate(static_cast<EVP_MD_CTX *>(m_ctx), data, size);
}

std::string Md5::hexDigest()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(static_cast<EVP_MD_CTX *>(m_ctx), digest, &len);
    return jwt::toHex(std::string_view(reinterpret_cast<const char *>(digest), len));
}

TempFile::TempFile(const fs::path &path)
    : m_path(path)
    , m_fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644))
{
}

TempFile::~TempFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_path.empty())
    {
        std::error_code ec;
        fs::remove(m_path, ec);
    }
}

bool TempFile::write(const char *data, std::size_t size)
{
    if (m_fd < 0 || m_failed)
        return false;
    m_md5.update(data, size);
    m_size += size;
    if (m_buffer.capacity() < kWriteBuffer)
        m_buffer.reserve(kWriteBuffer);
    if (m_buffer.size() + size > kWriteBuffer && !flush())
        return false;
    if (size >= kWriteBuffer)
        return writeAll(data, size);
    m_buffer.insert(m_buffer.end(), data, data + size);
    return true;
}

bool TempFile::flush()
{
    const bool ok = writeAll(m_buffer.data(), m_buffer.size());
    m_buffer.clear();
    return ok;
}

bool TempFile::writeAll(const char *data, std::size_t size)
{
    while (size > 0)
    {
        const ssize_t n = ::write(m_fd, data, size);
        if (n < 0)
        {
            if (errno == EINTR)
                continue;
            m_failed = true;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool TempFile::closeFile()
{
    if (m_fd < 0)
        return false;
    const bool flushed = !m_failed && flush();
    const bool ok = ::close(m_fd) == 0 && flushed;
    m_fd = -1;
    return ok;
}

bool checkDatabricksAuth(TokenAuthority &auth, const httplib::Request &req, httplib::Response &res)
{
    const auto check = auth.checkDatabricks(req);
    if (check == TokenAuthority::Check::Missing)
    {
        sendJsonBody(res, 401,
            { { "error_code", 401 },
                { "message",
                    "Credential was not sent or was of an unsupported type for this API. [ReqId: " + requestId()
                        + "]" } });
        return false;
    }
    if (check != TokenAuthority::Check::Valid)
    {
        sendJsonBody(res, 403, { { "error_code", 403 }, { "message", "Invalid access token." } });
        return false;
    }
    return true;
}

void sendJsonBody(httplib::Response &res, int status, const nlohmann::json &body)
{
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

void sendDbxError(
    httplib::Response &res, int status, const std::string &code, const std::string &message, const std::string &reason)
{
    nlohmann::json details = nlohmann::json::array();
    if (!reason.empty())
        details.push_back({ { "@type", "type.googleapis.com/google.rpc.ErrorInfo" }, { "reason", reason },
            { "domain", "filesystem.databricks.com" }, { "metadata", nlohmann::json::object() } });
    details.push_back({ { "@type", "type.googleapis.com/google.rpc.RequestInfo" }, { "request_id", requestId() },
        { "serving_data", "" } });
    sendJsonBody(res, status, { { "error_code", code }, { "message", message }, { "details", details } });
}

void sendDbfsError(httplib::Response &res, int status, const std::string &code, const std::string &message)
{
    sendJsonBody(res, status, { { "error_code", code }, { "message", message } });
}

std::optional<nlohmann::json> parseJsonBody(const httplib::Request &req, httplib::Response &res, bool dbfs)
{
    return parseJsonText(req.body, res, dbfs);
}

std::optional<nlohmann::json> parseJsonText(const std::string &text, httplib::Response &res, bool dbfs)
{
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_object())
        return j;
    const std::string message = "Invalid JSON given in the body of the request - expected a map";
    if (dbfs)
        sendDbfsError(res, 400, "MALFORMED_REQUEST", message);
    else
        sendDbxError(res, 400, "MALFORMED_REQUEST", message);
    return std::nullopt;
}

std::optional<PathInfo> statPath(const fs::path &p)
{
    struct stat st
    {
    };
    if (::stat(p.c_str(), &st) != 0)
        return std::nullopt;
    PathInfo info;
    info.isDir = S_ISDIR(st.st_mode);
    info.size = info.isDir ? 0 : static_cast<std::uint64_t>(st.st_size);
    info.mtimeMs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    return info;
}

std::optional<PathInfo> statFile(const fs::path &p, httplib::Response &res)
{
    auto info = statPath(p);
    if (info && !info->isDir)
        return info;
    sendDbxError(res, 404, "NOT_FOUND", "The file being accessed is not found.");
    return std::nullopt;
}

std::optional<PathInfo> statDir(const fs::path &p, httplib::Response &res)
{
    auto info = statPath(p);
    if (info && info->isDir)
        return info;
    sendDbxError(res, 404, "NOT_FOUND", "The directory being accessed is not found.");
    return std::nullopt;
}

std::string volumeKey(std::string path)
{
    if (path.rfind("/Volumes/", 0) == 0)
        path = path.substr(9);
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    return lower(path);
}

std::string httpDate(std::int64_t unixSeconds)
{
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return buf;
}

namespace
{

/// The socket of `req`, found by its ports (httplib does not hand handlers the socket).
int socketOf(const httplib::Request &req)
{
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator("/proc/self/fd", ec))
    {
        int fd = -1;
        try
        {
            fd = std::stoi(entry.path().filename().string());
        }
        catch (...)
        {
            continue;
        }
        sockaddr_storage local {};
        socklen_t len = sizeof local;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &len) != 0)
            continue;
        sockaddr_storage peer {};
        len = sizeof peer;
        if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &len) != 0)
            continue;
        const auto portOf = [](const sockaddr_storage &a) -> int
        {
            if (a.ss_family == AF_INET)
                return ntohs(reinterpret_cast<const sockaddr_in *>(&a)->sin_port);
            if (a.ss_family == AF_INET6)
                return ntohs(reinterpret_cast<const sockaddr_in6 *>(&a)->sin6_port);
            return -1;
        };
        if (portOf(local) == req.local_port && portOf(peer) == req.remote_port)
            return fd;
    }
    return -1;
}

} // namespace

void stopReading(const httplib::Request &req, httplib::Response &res)
{
    res.set_header("Connection", "close");
    const int fd = socketOf(req);
    if (fd >= 0)
        ::shutdown(fd, SHUT_RD);
}

bool abortConnection(const httplib::Request &req)
{
    const int fd = socketOf(req);
    if (fd < 0)
        return false;
    // Linger 0: the close that follows sends RST, like a middlebox dropping the connection.
    linger l { 1, 0 };
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::shutdown(fd, SHUT_RDWR);
    return true;
}

} // namespace sandbox
