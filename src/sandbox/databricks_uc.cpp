// SPDX-License-Identifier: GPL-3.0-or-later
// Unity Catalog for the destination picker (databricks-wave2.md §3; sdk-go service/catalog impl.go, model.go):
// GET /api/2.1/unity-catalog/{catalogs,schemas,volumes} paged with max_results/page_token (a page may be empty
// and still carry a next_page_token: only a missing token ends a listing), GET …/volumes/{full_name},
// POST …/volumes (a MANAGED volume), and GET …/effective-permissions/{securable_type}/{full_name}. A volume
// without WRITE_VOLUME refuses Files API writes with 403 PERMISSION_DENIED (reads still work).
#include "databricks_uc.h"

#include "databricks_p.h"
#include "jwt.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <vector>

namespace sandbox
{

namespace
{
constexpr const char *kUser = "sandbox-user@example.com"; // the one principal (as /scim/v2/Me answers)
constexpr std::size_t kMaxCap = 1000; // the most any page holds, whatever max_results says

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// UC identifiers: no '.', ' ', '/', control characters; at most 255 characters [inferred from UC naming rules].
bool validName(const std::string &name)
{
    if (name.empty() || name.size() > 255)
        return false;
    return std::none_of(name.begin(), name.end(),
        [](unsigned char c) { return c == '.' || c == ' ' || c == '/' || c < 0x20 || c == 0x7f; });
}

std::string uuidOf(const std::string &text)
{
    const std::string hex = jwt::toHex(jwt::sha256Raw(text)).substr(0, 32);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-"
        + hex.substr(20, 12);
}

nlohmann::json catalogJson(const UcCatalog &c)
{
    return { { "name", c.name }, { "full_name", c.name }, { "catalog_type", "MANAGED_CATALOG" }, { "owner", kUser },
        { "comment", "" }, { "browse_only", false }, { "isolation_mode", "OPEN" }, { "securable_type", "CATALOG" },
        { "metastore_id", uuidOf("metastore") } };
}

nlohmann::json schemaJson(const UcCatalog &c, const UcSchema &s)
{
    return { { "name", s.name }, { "full_name", c.name + "." + s.name }, { "catalog_name", c.name },
        { "owner", kUser }, { "browse_only", false }, { "schema_id", uuidOf(c.name + "." + s.name) } };
}

nlohmann::json volumeJson(const UcCatalog &c, const UcSchema &s, const UcVolume &v)
{
    const std::string full = c.name + "." + s.name + "." + v.name;
    nlohmann::json j { { "name", v.name }, { "full_name", full }, { "catalog_name", c.name },
        { "schema_name", s.name }, { "volume_type", v.type },
        { "storage_location", "s3://sandbox-metastore/" + uuidOf(full) }, { "owner", kUser },
        { "volume_id", uuidOf(full) }, { "browse_only", false }, { "created_at", v.createdAtMs },
        { "updated_at", v.createdAtMs } };
    if (!v.comment.empty())
        j["comment"] = v.comment;
    return j;
}

bool flag(const nlohmann::json &o, const char *key, bool fallback)
{
    return o.contains(key) && o[key].is_boolean() ? o[key].get<bool>() : fallback;
}
} // namespace

void UnityCatalog::load(const nlohmann::json &config, const std::set<std::string> &knownVolumes)
{
    catalogs.clear();
    const std::int64_t created = nowMs();
    for (const auto &key : knownVolumes)
    {
        const std::vector<std::string> parts = splitPath(key);
        if (parts.size() != 3)
            continue;
        UcCatalog &c = catalogs[parts[0]];
        c.name = parts[0];
        UcSchema &s = c.schemas[parts[1]];
        s.name = parts[1];
        UcVolume &v = s.volumes[parts[2]];
        v.name = parts[2];
        v.createdAtMs = created;
    }
    if (!config.is_object() || !config.contains("catalogs") || !config["catalogs"].is_array())
        return;
    for (const auto &cj : config["catalogs"])
    {
        const std::string cname = cj.is_object() ? lower(cj.value("name", std::string())) : std::string();
        if (!validName(cname))
            continue;
        UcCatalog &c = catalogs[cname];
        c.name = cname;
        c.useCatalog = flag(cj, "use_catalog", true);
        for (const auto &sj : cj.value("schemas", nlohmann::json::array()))
        {
            const std::string sname = sj.is_object() ? lower(sj.value("name", std::string())) : std::string();
            if (!validName(sname))
                continue;
            UcSchema &s = c.schemas[sname];
            s.name = sname;
            s.useSchema = flag(sj, "use_schema", true);
            s.createVolume = flag(sj, "create_volume", true);
            for (const auto &vj : sj.value("volumes", nlohmann::json::array()))
            {
                const std::string vname = vj.is_object() ? lower(vj.value("name", std::string())) : std::string();
                if (!validName(vname))
                    continue;
                UcVolume &v = s.volumes[vname];
                v.name = vname;
                v.readable = flag(vj, "readable", true);
                v.writable = flag(vj, "writable", true);
                v.comment = vj.value("comment", std::string());
                v.createdAtMs = created;
            }
        }
    }
}

const UcVolume *UnityCatalog::volume(const std::string &key) const
{
    const std::vector<std::string> parts = splitPath(key);
    if (parts.size() != 3)
        return nullptr;
    const auto c = catalogs.find(parts[0]);
    if (c == catalogs.end())
        return nullptr;
    const auto s = c->second.schemas.find(parts[1]);
    if (s == c->second.schemas.end())
        return nullptr;
    const auto v = s->second.volumes.find(parts[2]);
    return v == s->second.volumes.end() ? nullptr : &v->second;
}

// ---- hooks called by DatabricksService (databricks.cpp) --------------------------------------------------

void DatabricksService::Impl::loadUnityCatalog(const nlohmann::json &config)
{
    uc = std::make_shared<UnityCatalog>();
    ucConfig = config;
    uc->load(config, knownVolumes);
    // Every volume of the metastore is a Files API volume.
    for (const auto &[cname, c] : uc->catalogs)
        for (const auto &[sname, s] : c.schemas)
            for (const auto &[vname, v] : s.volumes)
                knownVolumes.insert(cname + "/" + sname + "/" + vname);
}

void DatabricksService::Impl::applyUnityCatalogFaults(const nlohmann::json &faults)
{
    if (faults.contains("uc_page_size") && faults["uc_page_size"].is_number_unsigned())
        uc->pageSize = std::clamp<std::size_t>(faults["uc_page_size"].get<std::size_t>(), 1, kMaxCap);
    if (faults.contains("uc_empty_pages") && faults["uc_empty_pages"].is_boolean())
        uc->emptyPages = faults["uc_empty_pages"].get<bool>();
}

void DatabricksService::Impl::resetUnityCatalog()
{
    // Volumes made through the API are forgotten, as uploads are; the manifest's metastore comes back.
    for (const auto &[cname, c] : uc->catalogs)
        for (const auto &[sname, s] : c.schemas)
            for (const auto &[vname, v] : s.volumes)
                if (v.created)
                    knownVolumes.erase(cname + "/" + sname + "/" + vname);
    uc->load(ucConfig, knownVolumes);
    uc->pageSize = UnityCatalog::kDefaultPageSize;
    uc->emptyPages = false;
}

bool DatabricksService::Impl::refusesWrite(const std::string &key, httplib::Response &res)
{
    const UcVolume *v = uc->volume(key);
    if (!v || v->writable)
        return false;
    // Reading needs READ VOLUME only; every other Files API call writes (or prepares a write).
    static const std::set<std::string> reads { "dbx.files.get", "dbx.files.head", "dbx.dirs.get", "dbx.dirs.head",
        "dbx.files.download_url" };
    if (reads.count(currentRoute()) && v->readable)
        return false;
    std::string name = key;
    std::replace(name.begin(), name.end(), '/', '.');
    sendDbxError(res, 403, "PERMISSION_DENIED",
        std::string("User does not have ") + (reads.count(currentRoute()) ? "READ VOLUME" : "WRITE VOLUME")
            + " on Volume '" + name + "'.");
    return true;
}

// ---- routes ----------------------------------------------------------------------------------------------

namespace
{
std::string pageToken(char kind, std::size_t offset)
{
    std::string token(1, kind);
    token += std::to_string(offset);
    return token;
}

/// The max_results parameter: absent → -1; not a number or negative → nullopt.
std::optional<long long> maxResults(const httplib::Request &req)
{
    if (!req.has_param("max_results"))
        return -1;
    const std::string text = req.get_param_value("max_results");
    char *end = nullptr;
    const long long n = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || n < 0)
        return std::nullopt;
    return n;
}

/// The page of `items` a listing request asks for (databricks-wave2.md §3 pagination): max_results absent =
/// everything when `legacyAll`, 0 = the server's page, > 0 = min(value, cap), < 0 or not a number = 400.
/// Tokens are "o<offset>" (a page of items) and "e<offset>" (that page, after its empty page).
bool sendPage(const httplib::Request &req, httplib::Response &res, const std::vector<nlohmann::json> &items,
    const char *key, bool legacyAll, std::size_t serverPage, bool emptyPages)
{
    std::size_t size = serverPage;
    const std::optional<long long> n = maxResults(req);
    if (!n)
    {
        sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "max_results must be a non-negative integer.");
        return false;
    }
    if (*n >= 0)
        size = *n == 0 ? serverPage : std::min<std::size_t>(std::size_t(*n), serverPage);
    else if (legacyAll)
    {
        size = std::max<std::size_t>(items.size(), 1);
        emptyPages = false;
    }
    std::size_t offset = 0;
    bool afterEmpty = false;
    const std::string token = req.get_param_value("page_token");
    if (!token.empty())
    {
        char *end = nullptr;
        const unsigned long long n = std::strtoull(token.c_str() + 1, &end, 10);
        if ((token[0] != 'o' && token[0] != 'e') || token.size() < 2 || *end != '\0' || n > items.size())
        {
            sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Invalid page token.");
            return false;
        }
        offset = std::size_t(n);
        afterEmpty = token[0] == 'e';
    }
    nlohmann::json body = nlohmann::json::object();
    if (emptyPages && !afterEmpty && offset < items.size())
    {
        // An empty page that does not end the listing (proto3 JSON omits the empty list [inferred]).
        body["next_page_token"] = pageToken('e', offset);
        sendJsonBody(res, 200, body);
        return true;
    }
    const std::size_t end = std::min(items.size(), offset + size);
    if (end > offset)
        body[key] = nlohmann::json(std::vector<nlohmann::json>(items.begin() + std::ptrdiff_t(offset),
            items.begin() + std::ptrdiff_t(end)));
    if (end < items.size())
        body["next_page_token"] = pageToken('o', end);
    sendJsonBody(res, 200, body);
    return true;
}

std::string param(const httplib::Request &req, const char *name)
{
    return lower(req.get_param_value(name));
}

nlohmann::json privilegeList(std::initializer_list<std::pair<bool, const char *>> granted)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &[has, name] : granted)
        if (has)
            list.push_back({ { "privilege", name } });
    return list;
}
} // namespace

void DatabricksService::Impl::registerUnityCatalog(httplib::Server &server)
{
    Impl *d = this;
    server.Get("/api/2.1/unity-catalog/catalogs",
        [d](const httplib::Request &req, httplib::Response &res)
        {
            nameRequest("dbx.uc.catalogs");
            if (!d->admit(req, res))
                return;
            std::lock_guard lock(d->mutex);
            std::vector<nlohmann::json> items;
            for (const auto &[name, c] : d->uc->catalogs)
                items.push_back(catalogJson(c));
            sendPage(req, res, items, "catalogs", true, d->uc->pageSize, d->uc->emptyPages);
        });
    server.Get("/api/2.1/unity-catalog/schemas",
        [d](const httplib::Request &req, httplib::Response &res)
        {
            nameRequest("dbx.uc.schemas");
            if (!d->admit(req, res))
                return;
            std::lock_guard lock(d->mutex);
            const std::string cname = param(req, "catalog_name");
            if (cname.empty())
                return sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "catalog_name is required.");
            const auto c = d->uc->catalogs.find(cname);
            if (c == d->uc->catalogs.end())
                return sendDbxError(res, 404, "NOT_FOUND", "Catalog '" + cname + "' does not exist.");
            std::vector<nlohmann::json> items;
            for (const auto &[name, s] : c->second.schemas)
                items.push_back(schemaJson(c->second, s));
            sendPage(req, res, items, "schemas", true, d->uc->pageSize, d->uc->emptyPages);
        });
    server.Get("/api/2.1/unity-catalog/volumes",
        [d](const httplib::Request &req, httplib::Response &res)
        {
            nameRequest("dbx.uc.volumes");
            if (!d->admit(req, res))
                return;
            std::lock_guard lock(d->mutex);
            const std::string cname = param(req, "catalog_name");
            const std::string sname = param(req, "schema_name");
            if (cname.empty() || sname.empty())
                return sendDbxError(
                    res, 400, "INVALID_PARAMETER_VALUE", "catalog_name and schema_name are required.");
            const auto c = d->uc->catalogs.find(cname);
            if (c == d->uc->catalogs.end() || !c->second.schemas.count(sname))
                return sendDbxError(res, 404, "NOT_FOUND", "Schema '" + cname + "." + sname + "' does not exist.");
            const UcSchema &s = c->second.schemas.at(sname);
            std::vector<nlohmann::json> items;
            for (const auto &[name, v] : s.volumes)
                items.push_back(volumeJson(c->second, s, v));
            sendPage(req, res, items, "volumes", false, d->uc->pageSize, d->uc->emptyPages);
        });
    server.Get(R"(/api/2\.1/unity-catalog/volumes/([^/]+))",
        [d](const httplib::Request &req, httplib::Response &res)
        {
            nameRequest("dbx.uc.volumes.get");
            if (!d->admit(req, res))
                return;
            std::lock_guard lock(d->mutex);
            std::string key = lower(req.matches[1].str());
            std::replace(key.begin(), key.end(), '.', '/');
            const std::vector<std::string> parts = splitPath(key);
            if (!d->uc->volume(key))
                return sendDbxError(res, 404, "NOT_FOUND", "Volume '" + req.matches[1].str() + "' does not exist.");
            const UcCatalog &c = d->uc->catalogs.at(parts[0]);
            const UcSchema &s = c.schemas.at(parts[1]);
            sendJsonBody(res, 200, volumeJson(c, s, s.volumes.at(parts[2])));
        });
    server.Post("/api/2.1/unity-catalog/volumes",
        [d](const httplib::Request &req, httplib::Response &res) { d->createVolume(req, res); });
    server.Get(R"(/api/2\.1/unity-catalog/effective-permissions/([A-Za-z_]+)/([^/]+))",
        [d](const httplib::Request &req, httplib::Response &res) { d->effectivePermissions(req, res); });
}

void DatabricksService::Impl::createVolume(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.uc.volumes.create");
    if (!admit(req, res))
        return;
    const auto body = parseJsonBody(req, res, false);
    if (!body)
        return;
    const std::string cname = lower(body->value("catalog_name", std::string()));
    const std::string sname = lower(body->value("schema_name", std::string()));
    const std::string vname = lower(body->value("name", std::string()));
    const std::string type = body->value("volume_type", std::string("MANAGED"));
    if (cname.empty() || sname.empty() || vname.empty())
        return sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "catalog_name, schema_name and name are required.");
    if (!validName(vname))
        return sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Invalid volume name '" + vname + "'.");
    if (type != "MANAGED" && type != "EXTERNAL")
        return sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Invalid volume_type '" + type + "'.");
    if (type == "EXTERNAL")
        return sendDbxError(res, 400, "INVALID_PARAMETER_VALUE",
            body->contains("storage_location") ? "The sandbox has no external locations: create a MANAGED volume."
                                               : "storage_location is required for an EXTERNAL volume.");
    if (type == "MANAGED" && body->contains("storage_location"))
        return sendDbxError(
            res, 400, "INVALID_PARAMETER_VALUE", "storage_location must not be given for a MANAGED volume.");
    std::lock_guard lock(mutex);
    const auto c = uc->catalogs.find(cname);
    if (c == uc->catalogs.end())
        return sendDbxError(res, 404, "NOT_FOUND", "Catalog '" + cname + "' does not exist.");
    const auto s = c->second.schemas.find(sname);
    if (s == c->second.schemas.end())
        return sendDbxError(res, 404, "NOT_FOUND", "Schema '" + cname + "." + sname + "' does not exist.");
    // USE CATALOG + USE SCHEMA + CREATE VOLUME (docs.databricks.com/en/volumes/privileges.html).
    if (!c->second.useCatalog || !s->second.useSchema || !s->second.createVolume)
        return sendDbxError(res, 403, "PERMISSION_DENIED",
            "User does not have USE CATALOG, USE SCHEMA and CREATE VOLUME on Schema '" + cname + "." + sname + "'.");
    if (s->second.volumes.count(vname))
        return sendDbxError(
            res, 409, "ALREADY_EXISTS", "Volume '" + cname + "." + sname + "." + vname + "' already exists.");
    UcVolume &v = s->second.volumes[vname];
    v.name = vname;
    v.comment = body->value("comment", std::string());
    v.createdAtMs = nowMs();
    v.created = true;
    const std::string key = cname + "/" + sname + "/" + vname;
    knownVolumes.insert(key);
    std::error_code ec;
    fs::create_directories(volumes / key, ec);
    sendJsonBody(res, 200, volumeJson(c->second, s->second, v));
}

void DatabricksService::Impl::effectivePermissions(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.uc.permissions");
    if (!admit(req, res))
        return;
    const std::string type = lower(req.matches[1].str());
    const std::string full = lower(req.matches[2].str());
    // unset = all; 0 = the server's page; 1–149 invalid; ≥ 150 = min(value, cap) (§3).
    if (const std::optional<long long> n = maxResults(req); !n || (*n > 0 && *n < 150))
        return sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "max_results must be 0 or at least 150.");
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t dot = full.find('.'); ; dot = full.find('.', start))
    {
        parts.push_back(full.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    const std::size_t wanted = type == "catalog" ? 1 : type == "schema" ? 2 : type == "volume" ? 3 : 0;
    if (wanted == 0)
        return sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", "Unsupported securable type '" + type + "'.");
    std::lock_guard lock(mutex);
    const auto c = parts.size() == wanted ? uc->catalogs.find(parts[0]) : uc->catalogs.end();
    const UcSchema *s = nullptr;
    if (c != uc->catalogs.end() && wanted >= 2)
    {
        const auto it = c->second.schemas.find(parts[1]);
        s = it == c->second.schemas.end() ? nullptr : &it->second;
    }
    const UcVolume *v = s && wanted == 3 ? uc->volume(parts[0] + "/" + parts[1] + "/" + parts[2]) : nullptr;
    if (c == uc->catalogs.end() || (wanted >= 2 && !s) || (wanted == 3 && !v))
        return sendDbxError(res, 404, "NOT_FOUND", req.matches[1].str() + " '" + full + "' does not exist.");
    nlohmann::json privileges;
    if (wanted == 1)
        privileges = privilegeList({ { true, "BROWSE" }, { c->second.useCatalog, "USE_CATALOG" } });
    else if (wanted == 2)
        privileges = privilegeList({ { true, "BROWSE" }, { s->useSchema, "USE_SCHEMA" },
            { s->createVolume, "CREATE_VOLUME" } });
    else
    {
        // A volume in forbidden_volumes (a fault) has lost both volume privileges.
        const bool forbidden = forbiddenVolumes.count(parts[0] + "/" + parts[1] + "/" + parts[2]) > 0;
        privileges = privilegeList({ { true, "BROWSE" }, { v->readable && !forbidden, "READ_VOLUME" },
            { v->writable && !forbidden, "WRITE_VOLUME" } });
    }
    nlohmann::json assignments = nlohmann::json::array();
    const std::string principal = req.get_param_value("principal");
    if (principal.empty() || principal == kUser)
        assignments.push_back({ { "principal", kUser }, { "privileges", privileges } });
    sendJsonBody(res, 200, { { "privilege_assignments", assignments } });
}

} // namespace sandbox
