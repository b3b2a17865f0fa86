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
        Server::sendGoogleError(res, driveNotFound(driveId));
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
    int parentTerms = 0;
    if (!q.empty())
    {
        std::string why;
        if (!Query::parse(q, m_content.rootId(), &predicate, &why, &parentTerms))
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

    // Drive's known bug (google-drive-api.md §2, issuetracker 149522397): a query OR-ing several parents now and
    // then answers nothing at all. The fault reproduces it on the first page, so a client's fallback is tested.
    if (parentTerms > 1 && !req.has_param("pageToken") && m_faults.takeGroupedListBug())
    {
        const nlohmann::json empty
            = { { "kind", "drive#fileList" }, { "incompleteSearch", false }, { "files", nlohmann::json::array() } };
        Server::sendJson(res, 200, mask.apply(empty));
        return;
    }

    std::vector<const Item *> results;
    const bool bothFlags = supportsAll && includeAll;
    if (spaces != "appDataFolder")
    {
        for (const auto &it : m_content.items())
        {
            const Item &item = *it;
            if (item.kind == Item::Kind::Root || item.kind == Item::Kind::DriveRoot || item.gone)
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
} // namespace sandbox
