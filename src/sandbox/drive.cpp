// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive.h"

#include "content.h"
#include "faults.h"
#include "query.h"
#include "server.h"
#include "stats.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <openssl/evp.h>

namespace sandbox
{

namespace
{
const std::set<std::string> kFileFields = { "kind", "id", "name", "mimeType", "description", "starred", "trashed",
    "explicitlyTrashed", "trashingUser", "trashedTime", "parents", "properties", "appProperties", "spaces", "version",
    "webContentLink", "webViewLink", "iconLink", "hasThumbnail", "thumbnailLink", "thumbnailVersion", "viewedByMe",
    "viewedByMeTime", "createdTime", "modifiedTime", "modifiedByMeTime", "modifiedByMe", "sharedWithMeTime",
    "sharingUser", "owners", "teamDriveId", "driveId", "lastModifyingUser", "shared", "ownedByMe", "capabilities",
    "viewersCanCopyContent", "copyRequiresWriterPermission", "writersCanShare", "permissions", "permissionIds",
    "hasAugmentedPermissions", "folderColorRgb", "originalFilename", "fullFileExtension", "fileExtension",
    "md5Checksum", "sha1Checksum", "sha256Checksum", "size", "quotaBytesUsed", "headRevisionId", "contentHints",
    "imageMediaMetadata", "videoMediaMetadata", "isAppAuthorized", "exportLinks", "shortcutDetails",
    "contentRestrictions", "resourceKey", "linkShareMetadata", "labelInfo", "downloadRestrictions",
    "inheritedPermissionsDisabled", "*" };

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string md5Hex(const std::string &s)
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    EVP_Digest(s.data(), s.size(), d, &len, EVP_md5(), nullptr);
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < len; ++i)
    {
        out.push_back(digits[d[i] >> 4]);
        out.push_back(digits[d[i] & 15]);
    }
    return out;
}

bool parseInt(const std::string &s, long long *out)
{
    if (s.empty())
        return false;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && p == s.data() + s.size();
}

GoogleError invalidParam(const std::string &location, const std::string &message = "Invalid Value")
{
    return GoogleError { 400, message, "invalid", "global", location, "parameter", {} };
}

GoogleError insufficientPermissions(const std::string &id)
{
    return GoogleError { 403, "The user does not have sufficient permissions for file " + id + ".",
        "insufficientFilePermissions" };
}

GoogleError notFound(const std::string &id)
{
    return GoogleError { 404, "File not found: " + id + ".", "notFound", "global", "fileId", "parameter", {} };
}

std::string exportPathSegment(const std::string &mime)
{
    if (mime == "application/vnd.google-apps.spreadsheet")
        return "spreadsheets";
    if (mime == "application/vnd.google-apps.presentation")
        return "presentations";
    if (mime == "application/vnd.google-apps.drawing")
        return "drawings";
    if (mime == "application/vnd.google-apps.script")
        return "scripts";
    return "documents";
}

std::string extensionOf(const std::string &name)
{
    const auto dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? std::string() : name.substr(dot + 1);
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

    const Server::AuthCheck auth = m_server.googleAuth ? m_server.googleAuth(req) : Server::AuthCheck::Valid;
    if (auth == Server::AuthCheck::Missing)
    {
        res.set_header("WWW-Authenticate", R"(Bearer realm="https://accounts.google.com/")");
        Server::sendGoogleError(res,
            GoogleError {
                401, "Login Required.", "required", "global", "Authorization", "header", "CREDENTIALS_MISSING" });
        return;
    }
    if (auth != Server::AuthCheck::Valid)
    {
        res.set_header("WWW-Authenticate", R"(Bearer realm="https://accounts.google.com/", error="invalid_token")");
        Server::sendGoogleError(res,
            GoogleError { 401, "Invalid Credentials", "authError", "global", "Authorization", "header",
                auth == Server::AuthCheck::Expired ? "ACCESS_TOKEN_EXPIRED" : "ACCESS_TOKEN_TYPE_UNSUPPORTED" });
        return;
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
        return;
    }
    if (m_faults.shouldFail())
    {
        if (m_faults.global().errorStatus == 503)
            Server::sendGoogleError(res, GoogleError { 503, "The service is currently unavailable.", "backendError" });
        else
            Server::sendGoogleError(res, GoogleError { 500, "Backend Error", "backendError" });
        return;
    }
    (this->*handler)(req, res, ranges);
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
        Server::sendGoogleError(res,
            GoogleError {
                400, "Invalid field selection " + bad, "invalidParameter", "global", "fields", "parameter", {} });
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
              { "spaces", { "drive" } }, { "version", std::to_string(item.change + 1) },
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
        j["headRevisionId"] = Content::makeId(m_content.seed(), "rev:" + item.id, 52, "0B");
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

void Drive::filesList(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    bool supportsAll = false, includeAll = false, legacyTeam = false, legacyInclude = false;
    if (!parseBoolParam(req, res, "supportsAllDrives", &supportsAll)
        || !parseBoolParam(req, res, "includeItemsFromAllDrives", &includeAll)
        || !parseBoolParam(req, res, "supportsTeamDrives", &legacyTeam)
        || !parseBoolParam(req, res, "includeTeamDriveItems", &legacyInclude))
        return;
    supportsAll = supportsAll || legacyTeam;
    includeAll = includeAll || legacyInclude;

    long long pageSize = 100;
    if (req.has_param("pageSize"))
    {
        const std::string v = req.get_param_value("pageSize");
        if (!parseInt(v, &pageSize) || pageSize < 1 || pageSize > 1000)
        {
            Server::sendGoogleError(
                res, invalidParam("pageSize", "Invalid value '" + v + "'. Values must be within the range: [1, 1000]"));
            return;
        }
    }
    const std::string corpora = req.has_param("corpora") ? req.get_param_value("corpora") : "user";
    if (corpora != "user" && corpora != "domain" && corpora != "drive" && corpora != "allDrives")
    {
        Server::sendGoogleError(res, invalidParam("corpora"));
        return;
    }
    std::string driveId = req.get_param_value("driveId");
    if (driveId.empty())
        driveId = req.get_param_value("teamDriveId");
    if ((corpora == "drive") != !driveId.empty())
    {
        Server::sendGoogleError(res,
            invalidParam("driveId",
                "The driveId parameter must be specified if and only if "
                "corpora is set to drive."));
        return;
    }
    if ((corpora == "drive" || corpora == "allDrives") && !includeAll)
    {
        Server::sendGoogleError(res,
            invalidParam("includeItemsFromAllDrives",
                "The includeItemsFromAllDrives parameter must be set to true when "
                "corpora is set to drive or allDrives."));
        return;
    }
    if (!driveId.empty() && !m_content.findDrive(driveId))
    {
        Server::sendGoogleError(res,
            GoogleError {
                404, "Shared drive not found: " + driveId, "notFound", "global", "driveId", "parameter", {} });
        return;
    }
    const std::string spaces = req.has_param("spaces") ? req.get_param_value("spaces") : "drive";
    if (spaces != "drive" && spaces != "appDataFolder" && spaces != "drive,appDataFolder")
    {
        Server::sendGoogleError(res, invalidParam("spaces"));
        return;
    }
    Query::Predicate predicate;
    const std::string q = req.get_param_value("q");
    if (!q.empty())
    {
        std::string why;
        if (!Query::parse(q, m_content.rootId(), &predicate, &why))
        {
            Server::sendGoogleError(res, invalidParam("q"));
            return;
        }
    }
    // orderBy: "name", "modifiedTime desc", "folder,name", ...
    std::vector<std::pair<std::string, bool>> order;
    const std::string orderBy = req.get_param_value("orderBy");
    {
        static const std::set<std::string> keys = { "createdTime", "folder", "modifiedByMeTime", "modifiedTime", "name",
            "name_natural", "quotaBytesUsed", "recency", "sharedWithMeTime", "starred", "viewedByMeTime" };
        std::size_t start = 0;
        while (!orderBy.empty() && start <= orderBy.size())
        {
            std::size_t comma = orderBy.find(',', start);
            if (comma == std::string::npos)
                comma = orderBy.size();
            std::string part = orderBy.substr(start, comma - start);
            part.erase(0, part.find_first_not_of(' '));
            part.erase(part.find_last_not_of(' ') + 1);
            bool desc = false;
            if (part.size() > 5 && part.substr(part.size() - 5) == " desc")
            {
                desc = true;
                part = part.substr(0, part.size() - 5);
                part.erase(part.find_last_not_of(' ') + 1);
            }
            if (!keys.count(part))
            {
                Server::sendGoogleError(res, invalidParam("orderBy", "Invalid Value"));
                return;
            }
            order.emplace_back(part, desc);
            start = comma + 1;
        }
    }
    FieldMask mask;
    if (!parseFields(req, res, "kind,incompleteSearch,nextPageToken,files(kind,id,name,mimeType)",
            { "kind", "incompleteSearch", "nextPageToken", "files", "*" }, "files", &mask))
        return;

    const std::string signature = q + '\x1f' + corpora + '\x1f' + driveId + '\x1f' + (supportsAll ? "1" : "0")
        + (includeAll ? "1" : "0") + '\x1f' + orderBy + '\x1f' + spaces;
    PageToken position;
    if (req.has_param("pageToken"))
    {
        std::lock_guard lock(m_mutex);
        auto it = m_pageTokens.find(req.get_param_value("pageToken"));
        if (it == m_pageTokens.end() || it->second.signature != signature)
        {
            Server::sendGoogleError(res, invalidParam("pageToken"));
            return;
        }
        position = it->second;
    }

    std::vector<const Item *> results;
    const bool bothFlags = supportsAll && includeAll;
    if (spaces != "appDataFolder")
    {
        for (const auto &it : m_content.items())
        {
            const Item &item = *it;
            if (item.kind == Item::Kind::Root || item.kind == Item::Kind::DriveRoot)
                continue;
            if (corpora == "drive")
            {
                if (item.driveId != driveId)
                    continue;
            }
            else if (!item.driveId.empty() && !bothFlags)
                continue;
            if (predicate && !predicate(item))
                continue;
            results.push_back(&item);
        }
    }
    if (!order.empty())
    {
        std::stable_sort(results.begin(), results.end(),
            [&order](const Item *a, const Item *b)
            {
                for (const auto &[key, desc] : order)
                {
                    int c = 0;
                    if (key == "folder")
                        c = int(b->isFolder()) - int(a->isFolder());
                    else if (key == "name" || key == "name_natural")
                        c = lower(a->name).compare(lower(b->name));
                    else if (key == "modifiedTime" || key == "modifiedByMeTime" || key == "recency"
                        || key == "viewedByMeTime")
                        c = a->modifiedTime.compare(b->modifiedTime);
                    else if (key == "createdTime")
                        c = a->createdTime.compare(b->createdTime);
                    else if (key == "quotaBytesUsed")
                        c = a->size < b->size ? -1 : a->size > b->size ? 1 : 0;
                    if (c != 0)
                        return desc ? c > 0 : c < 0;
                }
                return false;
            });
    }

    // Like Drive, hand out an empty page now and then and a short one, before the end.
    std::size_t take = std::size_t(pageSize);
    const bool more = position.offset + take < results.size();
    if (more && position.page % 5 == 2)
        take = 0;
    else if (more && position.page % 5 == 4)
        take = std::max<std::size_t>(1, take / 2);
    const std::size_t begin = std::min(position.offset, results.size());
    const std::size_t end = std::min(begin + take, results.size());

    const FieldMask filesMask = mask.sub("files");
    const bool withHashes = mask.wants("*")
        || (mask.wants("files")
            && (filesMask.isEmpty() || filesMask.wants("md5Checksum") || filesMask.wants("sha256Checksum")));
    nlohmann::json files = nlohmann::json::array();
    for (std::size_t i = begin; i < end; ++i)
        files.push_back(fileJson(*results[i], withHashes));
    nlohmann::json body = { { "kind", "drive#fileList" }, { "incompleteSearch", false }, { "files", files } };
    if (end < results.size())
    {
        std::lock_guard lock(m_mutex);
        const std::string token
            = Content::makeId(m_content.seed(), "page:" + std::to_string(++m_tokenCounter), 40, "~!");
        m_pageTokens[token] = PageToken { signature, end, position.page + 1 };
        body["nextPageToken"] = token;
    }
    Server::sendJson(res, 200, mask.apply(body));
}

void Drive::filesGet(const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges)
{
    const std::string id = req.matches[1];
    const std::string alt = req.has_param("alt") ? req.get_param_value("alt") : "json";
    if (alt != "json" && alt != "media")
    {
        Server::sendGoogleError(res, invalidParam("alt"));
        return;
    }
    FieldMask mask;
    if (alt == "json" && !parseFields(req, res, "kind,id,name,mimeType", kFileFields, {}, &mask))
        return;
    const Item *item = visibleItem(id, req, res);
    if (!item)
        return;
    if (alt == "media")
    {
        media(*item, req, res, ranges);
        return;
    }
    const bool withHashes = mask.wants("*") || mask.wants("md5Checksum") || mask.wants("sha256Checksum");
    Server::sendJson(res, 200, mask.apply(fileJson(*item, withHashes)));
}

void Drive::media(const Item &item, const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges)
{
    if (item.kind != Item::Kind::Blob)
    {
        Server::sendGoogleError(res,
            GoogleError { 403,
                "Only files with binary content can be downloaded. Use Export with "
                "Docs Editors files.",
                "fileNotDownloadable", "global", "alt", "parameter", {} });
        return;
    }
    const FileFaults f = m_faults.fileFaults(item.id);
    if (f.insufficientPermissions)
    {
        Server::sendGoogleError(res, insufficientPermissions(item.id));
        return;
    }
    bool acknowledge = false;
    if (!parseBoolParam(req, res, "acknowledgeAbuse", &acknowledge))
        return;
    if (f.abusive && !acknowledge)
    {
        Server::sendGoogleError(res,
            GoogleError { 403,
                "This file has been identified as malware or spam and cannot be "
                "downloaded.",
                "cannotDownloadAbusiveFile", "global", "acknowledgeAbuse", "parameter", {} });
        return;
    }
    if (f.downloadQuotaExceeded)
    {
        Server::sendGoogleError(res,
            GoogleError { 403, "The download quota for this file has been exceeded.", "downloadQuotaExceeded", "global",
                {}, {}, "DOWNLOAD_QUOTA_EXCEEDED" });
        return;
    }
    const Faults::MediaPlan plan = m_faults.planMedia(item.id);
    if (plan.errorStatus)
    {
        if (plan.errorStatus == 503)
            Server::sendGoogleError(res, GoogleError { 503, "The service is currently unavailable.", "backendError" });
        else if (plan.errorStatus == 429)
            Server::sendGoogleError(
                res, GoogleError { 429, "Rate Limit Exceeded", "rateLimitExceeded", "usageLimits" });
        else if (plan.errorStatus == 403)
            Server::sendGoogleError(
                res, GoogleError { 403, "User Rate Limit Exceeded", "userRateLimitExceeded", "usageLimits" });
        else
            Server::sendGoogleError(res, GoogleError { plan.errorStatus, "Backend Error", "backendError" });
        return;
    }
    // cpp-httplib 0.11.4 never checks ranges against the length: clamp, resolve suffixes, refuse the rest.
    const auto size = static_cast<ssize_t>(item.size);
    if (ranges.size() > 1)
        ranges.clear(); // Drive documents one range per request; serve the whole body
    for (auto &r : ranges)
    {
        if (r.first == -1)
        {
            r.first = std::max<ssize_t>(0, size - r.second);
            r.second = size - 1;
        }
        if (r.second == -1 || r.second >= size)
            r.second = size - 1;
        if (r.first >= size || r.first > r.second || r.second < 0)
        {
            res.set_header("Content-Range", "bytes */" + std::to_string(item.size));
            Server::sendGoogleError(res,
                GoogleError { 416, "Request range not satisfiable", "requestedRangeNotSatisfiable", "global", "Range",
                    "header", {} });
            return;
        }
    }
    res.set_header("Content-Disposition", "attachment");
    res.set_header("Cache-Control", "private, max-age=0, must-revalidate");
    res.set_header("X-GUploader-UploadID", Content::makeId(m_content.seed(), "upload:" + item.id, 60, "AD"));
    if (item.size == 0)
    {
        res.status = 200;
        res.set_content(std::string(), item.mimeType);
        return;
    }
    if (!ranges.empty())
    {
        const_cast<httplib::Request &>(req).ranges = ranges;
        res.status = 206;
    }
    else
        res.status = 200;
    Content *content = &m_content;
    const Item *it = &item;
    m_server.streamBody(
        res, std::int64_t(item.size), item.mimeType,
        [content, it](std::uint64_t offset, char *out, std::size_t len)
        { return content->read(*it, offset, out, len); },
        plan);
}

void Drive::sendExport(const Item &item, const std::string &mime, const std::string &ext, httplib::Response &res)
{
    if (m_faults.fileFaults(item.id).insufficientPermissions)
    {
        Server::sendGoogleError(res, insufficientPermissions(item.id));
        return;
    }
    const Faults::MediaPlan plan = m_faults.planMedia(item.id);
    if (plan.errorStatus)
    {
        Server::sendGoogleError(res,
            GoogleError { plan.errorStatus,
                plan.errorStatus == 503 ? "The service is currently unavailable." : "Backend Error", "backendError" });
        return;
    }
    const std::uint64_t size = Content::exportSize(item, ext);
    const std::uint64_t key = Content::exportKey(item, ext);
    res.status = 200;
    res.set_header("Cache-Control", "private, max-age=0, must-revalidate");
    // Built on the fly: no length up front, no Range.
    m_server.streamBody(
        res, -1, mime,
        [size, key](std::uint64_t offset, char *out, std::size_t len) -> std::size_t
        {
            if (offset >= size)
                return 0;
            const std::size_t n = std::size_t(std::min<std::uint64_t>(len, size - offset));
            Content::generate(key, offset, out, n);
            return n;
        },
        plan);
}

void Drive::filesExport(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    const std::string id = req.matches[1];
    if (!req.has_param("mimeType") || req.get_param_value("mimeType").empty())
    {
        Server::sendGoogleError(res,
            GoogleError { 400, "Required parameter: mimeType", "required", "global", "mimeType", "parameter", {} });
        return;
    }
    const Item *item = visibleItem(id, req, res);
    if (!item)
        return;
    if (item->kind != Item::Kind::Google)
    {
        Server::sendGoogleError(res,
            GoogleError { 403, "Export only supports Docs Editors files.", "fileNotExportable", "global", {}, {}, {} });
        return;
    }
    const std::string wanted = lower(req.get_param_value("mimeType"));
    const ExportFormat *format = nullptr;
    for (const ExportFormat &f : Content::exportFormats(item->mimeType))
        if (lower(f.mimeType) == wanted)
            format = &f;
    if (!format)
    {
        Server::sendGoogleError(res,
            GoogleError { 400, "The requested conversion is not supported.", "badRequest", "global", "convertTo",
                "parameter", {} });
        return;
    }
    if (Content::exportSize(*item, format->extension) > kExportLimit)
    {
        Server::sendGoogleError(res,
            GoogleError {
                403, "This file is too large to be exported.", "exportSizeLimitExceeded", "global", {}, {}, {} });
        return;
    }
    sendExport(*item, req.get_param_value("mimeType"), format->extension, res);
}

void Drive::exportLink(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    const std::string id = req.get_param_value("id");
    const Item *item = m_content.find(id);
    if (!item || item->kind != Item::Kind::Google)
    {
        Server::sendGoogleError(res, notFound(id));
        return;
    }
    const std::string ext = lower(req.get_param_value("exportFormat"));
    for (const ExportFormat &f : Content::exportFormats(item->mimeType))
    {
        if (f.extension == ext)
        {
            // exportLinks have no 10 MB cap: that is why clients fall back to them.
            sendExport(*item, f.mimeType, ext, res);
            return;
        }
    }
    Server::sendGoogleError(res,
        GoogleError { 400, "The requested conversion is not supported.", "badRequest", "global", "exportFormat",
            "parameter", {} });
}

void Drive::drivesList(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    long long pageSize = 10;
    if (req.has_param("pageSize"))
    {
        const std::string v = req.get_param_value("pageSize");
        if (!parseInt(v, &pageSize) || pageSize < 1 || pageSize > 100)
        {
            Server::sendGoogleError(
                res, invalidParam("pageSize", "Invalid value '" + v + "'. Values must be within the range: [1, 100]"));
            return;
        }
    }
    FieldMask mask;
    if (!parseFields(
            req, res, "kind,nextPageToken,drives(kind,id,name)", { "kind", "nextPageToken", "drives", "*" }, {}, &mask))
        return;
    std::size_t offset = 0;
    if (req.has_param("pageToken"))
    {
        std::lock_guard lock(m_mutex);
        auto it = m_pageTokens.find(req.get_param_value("pageToken"));
        if (it == m_pageTokens.end() || it->second.signature != "drives")
        {
            Server::sendGoogleError(res, invalidParam("pageToken"));
            return;
        }
        offset = it->second.offset;
    }
    const auto &drives = m_content.sharedDrives();
    nlohmann::json list = nlohmann::json::array();
    const std::size_t end = std::min(drives.size(), offset + std::size_t(pageSize));
    for (std::size_t i = offset; i < end; ++i)
        list.push_back({ { "kind", "drive#drive" }, { "id", drives[i].id }, { "name", drives[i].name },
            { "hidden", false }, { "createdTime", "2024-01-02T03:04:05.678Z" },
            { "capabilities", { { "canListChildren", true }, { "canDownload", true } } } });
    nlohmann::json body = { { "kind", "drive#driveList" }, { "drives", list } };
    if (end < drives.size())
    {
        std::lock_guard lock(m_mutex);
        const std::string token
            = Content::makeId(m_content.seed(), "dpage:" + std::to_string(++m_tokenCounter), 40, "~!");
        m_pageTokens[token] = PageToken { "drives", end, 0 };
        body["nextPageToken"] = token;
    }
    Server::sendJson(res, 200, mask.apply(body));
}

void Drive::drivesGet(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    const std::string id = req.matches[1];
    const SharedDrive *d = m_content.findDrive(id);
    if (!d)
    {
        Server::sendGoogleError(res,
            GoogleError { 404, "Shared drive not found: " + id, "notFound", "global", "driveId", "parameter", {} });
        return;
    }
    Server::sendJson(
        res, 200, { { "kind", "drive#drive" }, { "id", d->id }, { "name", d->name }, { "hidden", false } });
}

void Drive::about(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    if (!req.has_param("fields"))
    {
        Server::sendGoogleError(res,
            GoogleError { 400, "The 'fields' parameter is required for this method.", "required", "global", "fields",
                "parameter", {} });
        return;
    }
    FieldMask mask;
    if (!parseFields(req, res, {},
            { "kind", "user", "storageQuota", "exportFormats", "importFormats", "maxImportSizes", "maxUploadSize",
                "appInstalled", "folderColorPalette", "driveThemes", "canCreateDrives", "canCreateTeamDrives",
                "teamDriveThemes", "*" },
            {}, &mask))
        return;
    std::uint64_t usage = 0;
    for (const auto &it : m_content.items())
        if (it->kind == Item::Kind::Blob && it->driveId.empty() && !it->sharedWithMe)
            usage += it->size;
    nlohmann::json formats = nlohmann::json::object();
    for (const char *m : { "application/vnd.google-apps.document", "application/vnd.google-apps.spreadsheet",
             "application/vnd.google-apps.presentation", "application/vnd.google-apps.drawing",
             "application/vnd.google-apps.script" })
    {
        nlohmann::json targets = nlohmann::json::array();
        for (const ExportFormat &f : Content::exportFormats(m))
            targets.push_back(f.mimeType);
        formats[m] = targets;
    }
    nlohmann::json body = { { "kind", "drive#about" },
        { "user",
            { { "kind", "drive#user" }, { "displayName", "Sandbox User" },
                { "emailAddress", "sandbox.user@example.com" }, { "me", true },
                { "permissionId", "0000000000000000001" } } },
        { "storageQuota",
            { { "limit", "16106127360" }, { "usage", std::to_string(usage) }, { "usageInDrive", std::to_string(usage) },
                { "usageInDriveTrash", "0" } } },
        { "exportFormats", formats }, { "importFormats", nlohmann::json::object() },
        { "maxImportSizes", nlohmann::json::object() }, { "maxUploadSize", "5242880000000" }, { "appInstalled", false },
        { "folderColorPalette", nlohmann::json::array() }, { "driveThemes", nlohmann::json::array() },
        { "canCreateDrives", true } };
    Server::sendJson(res, 200, mask.apply(body));
}

void Drive::changesStart(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    if (req.has_param("driveId") && !m_content.findDrive(req.get_param_value("driveId")))
    {
        Server::sendGoogleError(res,
            GoogleError { 404, "Shared drive not found: " + req.get_param_value("driveId"), "notFound", "global",
                "driveId", "parameter", {} });
        return;
    }
    Server::sendJson(res, 200,
        { { "kind", "drive#startPageToken" }, { "startPageToken", std::to_string(m_content.items().size() + 1) } });
}

void Drive::changesList(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    if (!req.has_param("pageToken"))
    {
        Server::sendGoogleError(res,
            GoogleError { 400, "Required parameter: pageToken", "required", "global", "pageToken", "parameter", {} });
        return;
    }
    const long long last = static_cast<long long>(m_content.items().size()) + 1;
    long long token = 0;
    if (!parseInt(req.get_param_value("pageToken"), &token) || token < 1 || token > last)
    {
        Server::sendGoogleError(res, invalidParam("pageToken"));
        return;
    }
    long long pageSize = 100;
    if (req.has_param("pageSize"))
    {
        const std::string v = req.get_param_value("pageSize");
        if (!parseInt(v, &pageSize) || pageSize < 1 || pageSize > 1000)
        {
            Server::sendGoogleError(
                res, invalidParam("pageSize", "Invalid value '" + v + "'. Values must be within the range: [1, 1000]"));
            return;
        }
    }
    bool supportsAll = false, includeAll = false;
    if (!parseBoolParam(req, res, "supportsAllDrives", &supportsAll)
        || !parseBoolParam(req, res, "includeItemsFromAllDrives", &includeAll))
        return;
    const std::string driveId = req.get_param_value("driveId");
    FieldMask mask;
    if (!parseFields(req, res,
            "kind,nextPageToken,newStartPageToken,changes(kind,type,changeType,time,removed,fileId,"
            "file(kind,id,name,mimeType))",
            { "kind", "nextPageToken", "newStartPageToken", "changes", "*" }, {}, &mask))
        return;
    const FieldMask fileMask = mask.sub("changes").sub("file");
    const bool withHashes = mask.wants("*") || mask.sub("changes").wants("*")
        || (mask.sub("changes").wants("file")
            && (fileMask.isEmpty() || fileMask.wants("md5Checksum") || fileMask.wants("sha256Checksum")));
    nlohmann::json changes = nlohmann::json::array();
    long long index = token;
    const auto &items = m_content.items();
    while (index < last && static_cast<long long>(changes.size()) < pageSize)
    {
        const Item &item = *items[std::size_t(index - 1)];
        ++index;
        if (item.kind == Item::Kind::Root || item.kind == Item::Kind::DriveRoot)
            continue;
        if (!driveId.empty() ? item.driveId != driveId : (!item.driveId.empty() && !(supportsAll && includeAll)))
            continue;
        changes.push_back(
            { { "kind", "drive#change" }, { "type", "file" }, { "changeType", "file" }, { "time", item.modifiedTime },
                { "removed", false }, { "fileId", item.id }, { "file", fileJson(item, withHashes) } });
    }
    nlohmann::json body = { { "kind", "drive#changeList" }, { "changes", changes } };
    if (index < last)
        body["nextPageToken"] = std::to_string(index);
    else
        body["newStartPageToken"] = std::to_string(last);
    Server::sendJson(res, 200, mask.apply(body));
}

void Drive::unknownRoute(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    Server::sendGoogleError(res, GoogleError { 404, "Not Found: " + req.path.substr(0, 200), "notFound" });
}

} // namespace sandbox
