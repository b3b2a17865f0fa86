// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive.h"
#include "drive_p.h"

#include "content.h"
#include "faults.h"
#include "query.h"
#include "server.h"
#include "stats.h"

namespace sandbox
{

using namespace drive_detail;

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
        Server::sendGoogleError(res, driveNotFound(id));
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
        if (it->kind == Item::Kind::Blob && !it->gone && it->driveId.empty() && !it->sharedWithMe)
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
    // One counter numbers every log's changes: a position is a valid token for the user's log and every drive's.
    if (req.has_param("driveId") && !m_content.findDrive(req.get_param_value("driveId")))
    {
        Server::sendGoogleError(res, driveNotFound(req.get_param_value("driveId")));
        return;
    }
    Server::sendJson(res, 200,
        { { "kind", "drive#startPageToken" }, { "startPageToken", std::to_string(m_content.nextPosition()) } });
}

void Drive::changesList(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    if (!req.has_param("pageToken"))
    {
        Server::sendGoogleError(res,
            GoogleError { 400, "Required parameter: pageToken", "required", "global", "pageToken", "parameter", {} });
        return;
    }
    const long long next = m_content.nextPosition();
    long long token = 0;
    if (!parseInt(req.get_param_value("pageToken"), &token) || token < 1 || token > next)
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
    bool supportsAll = false, includeAll = false, restrictToMyDrive = false;
    bool includeRemoved = true;
    if (!parseBoolParam(req, res, "supportsAllDrives", &supportsAll)
        || !parseBoolParam(req, res, "includeItemsFromAllDrives", &includeAll)
        || !parseBoolParam(req, res, "restrictToMyDrive", &restrictToMyDrive))
        return;
    if (req.has_param("includeRemoved") && !parseBoolParam(req, res, "includeRemoved", &includeRemoved))
        return;
    // driveId reads that shared drive's own log; without it, the user's corpus (shared-drive items never appear
    // there: Drive only shows some "based on usage", so a client must keep one token per shared drive).
    const std::string driveId = req.get_param_value("driveId");
    if (!driveId.empty() && !m_content.findDrive(driveId))
    {
        Server::sendGoogleError(res, driveNotFound(driveId));
        return;
    }
    FieldMask mask;
    if (!parseFields(req, res,
            "kind,nextPageToken,newStartPageToken,changes(kind,type,changeType,time,removed,fileId,"
            "file(kind,id,name,mimeType))",
            { "kind", "nextPageToken", "newStartPageToken", "changes", "*" }, {}, &mask))
        return;
    if (std::string bad; !mask.sub("changes").validate(kChangeFields, "file", kFileFields, &bad))
    {
        Server::sendGoogleError(res, invalidFields("changes/" + bad));
        return;
    }
    const FieldMask fileMask = mask.sub("changes").sub("file");
    const bool withHashes = mask.wants("*") || mask.sub("changes").wants("*")
        || (mask.sub("changes").wants("file")
            && (fileMask.isEmpty() || fileMask.wants("md5Checksum") || fileMask.wants("sha256Checksum")));
    bool more = false;
    const std::vector<Content::Change> entries = m_content.changes(
        driveId, token, std::size_t(pageSize),
        [&](const Content::Change &c)
        {
            const Item &item = *c.item;
            if (item.kind == Item::Kind::Root || item.kind == Item::Kind::DriveRoot)
                return false;
            if (c.removed)
                return includeRemoved;
            if (!restrictToMyDrive)
                return true;
            // Only the My Drive hierarchy: shared-with-me items and everything under them stay out.
            for (const Item *p = &item; p; p = p->parent.empty() ? nullptr : m_content.find(p->parent))
                if (p->kind == Item::Kind::Root)
                    return true;
            return false;
        },
        &more);
    nlohmann::json changes = nlohmann::json::array();
    for (const Content::Change &c : entries)
    {
        // A removal carries only the id (deleted and access lost look alike); otherwise the file's latest state.
        nlohmann::json change = { { "kind", "drive#change" }, { "type", "file" }, { "changeType", "file" },
            { "time", c.time }, { "removed", c.removed }, { "fileId", c.item->id } };
        if (!driveId.empty())
        {
            change["driveId"] = driveId;
            change["teamDriveId"] = driveId;
        }
        if (!c.removed)
            change["file"] = fileJson(*c.item, withHashes);
        changes.push_back(std::move(change));
    }
    nlohmann::json body = { { "kind", "drive#changeList" }, { "changes", changes } };
    if (more)
        body["nextPageToken"] = std::to_string(entries.back().position + 1);
    else
        body["newStartPageToken"] = std::to_string(next);
    Server::sendJson(res, 200, mask.apply(body));
}

void Drive::unknownRoute(const httplib::Request &req, httplib::Response &res, httplib::Ranges &)
{
    Server::sendGoogleError(res, GoogleError { 404, "Not Found: " + req.path.substr(0, 200), "notFound" });
}
} // namespace sandbox
