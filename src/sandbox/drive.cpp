// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive.h"
#include "drive_p.h"

#include "content.h"
#include "faults.h"
#include "query.h"
#include "server.h"
#include "stats.h"

#include <optional>
#include <zlib.h>

namespace sandbox
{

using namespace drive_detail;

namespace
{
/// True when an Accept-Encoding value lists gzip with a non-zero q.
bool acceptsGzip(const std::string &acceptEncoding)
{
    std::size_t from = 0;
    while (from <= acceptEncoding.size())
    {
        const std::size_t comma = std::min(acceptEncoding.find(',', from), acceptEncoding.size());
        std::string coding = lower(acceptEncoding.substr(from, comma - from));
        coding.erase(std::remove_if(coding.begin(), coding.end(), [](unsigned char c) { return std::isspace(c); }),
            coding.end());
        const std::size_t semi = coding.find(';');
        if (coding.substr(0, semi) == "gzip")
        {
            const std::size_t q = coding.find("q=", semi == std::string::npos ? coding.size() : semi);
            return q == std::string::npos || coding.find_first_not_of("0.", q + 2) != std::string::npos;
        }
        from = comma + 1;
    }
    return false;
}

/// `in` as one gzip member (RFC 1952), or nothing when zlib fails.
std::optional<std::string> gzipped(const std::string &in)
{
    z_stream z {};
    // 15 window bits + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return std::nullopt;
    std::string out(deflateBound(&z, uLong(in.size())), '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        return std::nullopt;
    return out;
}
} // namespace


Drive::Drive(Server &server)
    : m_server(server)
    , m_content(server.content())
    , m_stats(server.stats())
    , m_faults(server.faults())
{
}

void Drive::reset()
{
    std::lock_guard lock(m_mutex);
    m_pageTokens.clear();
}

void Drive::registerRoutes(httplib::Server &http)
{
    auto route = [this](const char *name, Handler h)
    { return [this, name, h](const httplib::Request &req, httplib::Response &res) { guarded(name, h, req, res); }; };
    http.Get("/drive/v3/files", route("drive.files.list", &Drive::filesList));
    http.Get(R"(/drive/v3/files/([^/]+)/export)", route("drive.files.export", &Drive::filesExport));
    http.Get(R"(/drive/v3/files/([^/]+))",
        [this](const httplib::Request &req, httplib::Response &res)
        {
            guarded(req.get_param_value("alt") == "media" ? "drive.files.media" : "drive.files.get", &Drive::filesGet,
                req, res);
        });
    http.Get("/drive/v3/drives", route("drive.drives.list", &Drive::drivesList));
    http.Get(R"(/drive/v3/drives/([^/]+))", route("drive.drives.get", &Drive::drivesGet));
    http.Get("/drive/v3/about", route("drive.about", &Drive::about));
    http.Get("/drive/v3/changes/startPageToken", route("drive.changes.start", &Drive::changesStart));
    http.Get("/drive/v3/changes", route("drive.changes.list", &Drive::changesList));
    http.Get(R"(/feeds/download/([a-z]+)/export/Export)", route("drive.exportlink", &Drive::exportLink));
    http.Get(R"(/drive/.*)", route("drive.other", &Drive::unknownRoute));
}

void Drive::guarded(const char *route, Handler handler, const httplib::Request &req, httplib::Response &res)
{
    Stats::nameCurrentRequest(route);
    // httplib would apply a Range to any body (even error JSON): take them; media puts checked ones back.
    auto &mutableReq = const_cast<httplib::Request &>(req);
    httplib::Ranges ranges = std::move(mutableReq.ranges);
    mutableReq.ranges.clear();
    // Google compresses only for clients that say so twice (Accept-Encoding and "gzip" in the User-Agent);
    // media bodies stay byte-exact with their Content-Length and Range.
    if (req.get_header_value("User-Agent").find("gzip") == std::string::npos
        || route == std::string("drive.files.media"))
    {
        auto range = mutableReq.headers.equal_range("Accept-Encoding");
        mutableReq.headers.erase(range.first, range.second);
    }

    if (admitted(req, res))
    {
        // Mutations wait while a handler reads items; a media body streams later from its own copy.
        const auto lock = m_content.readLock();
        (this->*handler)(req, res, ranges);
    }
    compressJson(req, res);
}

void Drive::compressJson(const httplib::Request &req, httplib::Response &res)
{
    // httplib compresses only an exact "application/json"; Google's JSON says "; charset=UTF-8".
    if (res.body.empty() || res.has_header("Content-Encoding")
        || res.get_header_value("Content-Type").rfind("application/json", 0) != 0
        || !acceptsGzip(req.get_header_value("Accept-Encoding")))
        return;
    if (std::optional<std::string> body = gzipped(res.body))
    {
        res.body = std::move(*body);
        res.set_header("Content-Encoding", "gzip");
    }
}

bool Drive::admitted(const httplib::Request &req, httplib::Response &res)
{
    const Server::AuthCheck auth = m_server.googleAuth ? m_server.googleAuth(req) : Server::AuthCheck::Valid;
    if (auth == Server::AuthCheck::Missing)
    {
        res.set_header("WWW-Authenticate", R"(Bearer realm="https://accounts.google.com/")");
        Server::sendGoogleError(res,
            GoogleError {
                401, "Login Required.", "required", "global", "Authorization", "header", "CREDENTIALS_MISSING" });
        return false;
    }
    if (auth != Server::AuthCheck::Valid)
    {
        res.set_header("WWW-Authenticate", R"(Bearer realm="https://accounts.google.com/", error="invalid_token")");
        Server::sendGoogleError(res,
            GoogleError { 401, "Invalid Credentials", "authError", "global", "Authorization", "header",
                auth == Server::AuthCheck::Expired ? "ACCESS_TOKEN_EXPIRED" : "ACCESS_TOKEN_TYPE_UNSUPPORTED" });
        return false;
    }
    if (m_faults.shouldThrottle())
    {
        m_stats.countThrottled();
        const GlobalFaults g = m_faults.global();
        res.set_header("Retry-After", std::to_string(g.retryAfterS));
        if (g.quotaStatus == 429)
            Server::sendGoogleError(res,
                GoogleError {
                    429, "Rate Limit Exceeded", "rateLimitExceeded", "usageLimits", {}, {}, "RATE_LIMIT_EXCEEDED" });
        else
            Server::sendGoogleError(res,
                GoogleError { 403, "User Rate Limit Exceeded", "userRateLimitExceeded", "usageLimits", {}, {},
                    "RATE_LIMIT_EXCEEDED" });
        return false;
    }
    if (m_faults.shouldFail())
    {
        if (m_faults.global().errorStatus == 503)
            Server::sendGoogleError(res, GoogleError { 503, "The service is currently unavailable.", "backendError" });
        else
            Server::sendGoogleError(res, GoogleError { 500, "Backend Error", "backendError" });
        return false;
    }
    return true;
}

bool Drive::parseBoolParam(const httplib::Request &req, httplib::Response &res, const char *name, bool *out)
{
    *out = false;
    if (!req.has_param(name))
        return true;
    const std::string v = lower(req.get_param_value(name));
    if (v == "true" || v == "false")
    {
        *out = v == "true";
        return true;
    }
    Server::sendGoogleError(
        res, invalidParam(name, "Invalid value '" + req.get_param_value(name) + "'. Values must be true or false."));
    return false;
}

bool Drive::parseFields(const httplib::Request &req, httplib::Response &res, const std::string &defaults,
    const std::set<std::string> &top, const std::string &nested, FieldMask *mask)
{
    const bool given = req.has_param("fields");
    const std::string text = given ? req.get_param_value("fields") : defaults;
    std::string bad;
    if (!FieldMask::parse(text, mask, &bad)
        || !mask->validate(top, nested, nested.empty() ? std::set<std::string> {} : kFileFields, &bad))
    {
        Server::sendGoogleError(res, invalidFields(bad));
        return false;
    }
    return true;
}

const Item *Drive::visibleItem(const std::string &id, const httplib::Request &req, httplib::Response &res)
{
    const Item *item = m_content.find(id);
    bool all = false;
    if (!parseBoolParam(req, res, "supportsAllDrives", &all))
        return nullptr;
    bool team = false;
    if (!parseBoolParam(req, res, "supportsTeamDrives", &team))
        return nullptr;
    all = all || team;
    if (item && !item->driveId.empty() && !all)
        item = nullptr; // as in reality: shared-drive items are invisible to clients that don't opt in
    if (item && !item->resourceKey.empty())
    {
        const std::string wanted = item->id + "/" + item->resourceKey;
        const std::string header = req.get_header_value("X-Goog-Drive-Resource-Keys");
        bool ok = false;
        std::size_t start = 0;
        while (start <= header.size())
        {
            std::size_t comma = header.find(',', start);
            if (comma == std::string::npos)
                comma = header.size();
            std::string part = header.substr(start, comma - start);
            part.erase(0, part.find_first_not_of(' '));
            part.erase(part.find_last_not_of(' ') + 1);
            ok = ok || part == wanted;
            start = comma + 1;
        }
        if (!ok)
            item = nullptr;
    }
    if (!item)
        Server::sendGoogleError(res, notFound(id));
    return item;
}

nlohmann::json Drive::fileJson(const Item &item, bool withHashes)
{
    nlohmann::json j
        = { { "kind", "drive#file" }, { "id", item.id }, { "name", item.name }, { "mimeType", item.mimeType },
              { "starred", false }, { "trashed", item.trashed }, { "explicitlyTrashed", item.trashed },
              { "spaces", { "drive" } }, { "version", std::to_string(item.version) },
              { "createdTime", item.createdTime }, { "modifiedTime", item.modifiedTime }, { "viewedByMe", true },
              { "hasThumbnail", false }, { "isAppAuthorized", false }, { "copyRequiresWriterPermission", false },
              { "viewersCanCopyContent", true }, { "writersCanShare", true },
              { "webViewLink", m_server.baseUrl() + "/file/d/" + item.id + "/view?usp=drivesdk" } };
    if (!item.parent.empty())
        j["parents"] = { item.parent };
    if (!item.driveId.empty())
    {
        j["driveId"] = item.driveId;
        j["teamDriveId"] = item.driveId;
    }
    else
    {
        j["ownedByMe"] = !item.sharedWithMe;
        j["shared"] = item.sharedWithMe;
        j["owners"]
            = { { { "kind", "drive#user" }, { "displayName", item.sharedWithMe ? "Someone Else" : "Sandbox User" },
                { "emailAddress", item.sharedWithMe ? "someone.else@example.com" : "sandbox.user@example.com" },
                { "me", !item.sharedWithMe },
                { "permissionId", item.sharedWithMe ? "0000000000000000002" : "0000000000000000001" } } };
    }
    if (item.sharedWithMe)
        j["sharedWithMeTime"] = item.modifiedTime;
    const bool google = item.kind == Item::Kind::Google;
    j["capabilities"]
        = { { "canDownload",
                (item.kind == Item::Kind::Blob || (google && !Content::exportFormats(item.mimeType).empty()))
                    && !m_faults.fileFaults(item.id).insufficientPermissions },
              { "canListChildren", item.isFolder() }, { "canCopy", !item.isFolder() },
              { "canEdit", !item.sharedWithMe }, { "canTrash", !item.sharedWithMe }, { "canShare", true } };
    if (item.kind == Item::Kind::Blob)
    {
        j["size"] = std::to_string(item.size);
        j["quotaBytesUsed"] = std::to_string(item.size);
        j["originalFilename"] = item.name;
        std::string revision = "rev:" + item.id; // unchanged for never-modified items, as before mutations existed
        if (item.revision > 0)
            revision.append("#").append(std::to_string(item.revision));
        j["headRevisionId"] = Content::makeId(m_content.seed(), revision, 52, "0B");
        j["webContentLink"] = m_server.baseUrl() + "/uc?id=" + item.id + "&export=download";
        const std::string ext = extensionOf(item.name);
        if (!ext.empty())
        {
            j["fileExtension"] = ext;
            j["fullFileExtension"] = ext;
        }
        if (withHashes)
        {
            const FileFaults f = m_faults.fileFaults(item.id);
            if (f.wrongMd5)
            {
                // Metadata that lies: hashes of other bytes, well-formed.
                j["md5Checksum"] = md5Hex("wrong:" + item.id);
                j["sha256Checksum"] = md5Hex("wrong1:" + item.id) + md5Hex("wrong2:" + item.id);
            }
            else
            {
                const Hashes h = m_content.hashes(item);
                j["md5Checksum"] = h.md5;
                j["sha256Checksum"] = h.sha256;
            }
        }
    }
    else
        j["quotaBytesUsed"] = "0";
    if (google)
    {
        nlohmann::json links = nlohmann::json::object();
        for (const ExportFormat &f : Content::exportFormats(item.mimeType))
            links[f.mimeType] = m_server.baseUrl() + "/feeds/download/" + exportPathSegment(item.mimeType)
                + "/export/Export?id=" + item.id + "&exportFormat=" + f.extension;
        if (!links.empty())
            j["exportLinks"] = links;
    }
    if (item.kind == Item::Kind::Shortcut)
        j["shortcutDetails"] = { { "targetId", item.shortcutTargetId }, { "targetMimeType", item.shortcutTargetMime } };
    if (!item.resourceKey.empty())
        j["resourceKey"] = item.resourceKey;
    return j;
}
} // namespace sandbox
