// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The sandbox's Unity Catalog metastore: catalogs → schemas → volumes with the caller's privileges on each,
// as databricks-wave2.md §3 describes the listing, effective-permissions and volume-creation APIs. Owned by
// DatabricksService::Impl (`uc`) and guarded by its mutex; routes in databricks_uc.cpp.

#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace sandbox
{

struct UcVolume
{
    std::string name; ///< lower case, as UC stores identifiers
    bool readable = true; ///< READ_VOLUME
    bool writable = true; ///< WRITE_VOLUME
    std::string type = "MANAGED";
    std::string comment;
    std::int64_t createdAtMs = 0;
    bool created = false; ///< made through POST volumes (forgotten on reset)
};

struct UcSchema
{
    std::string name;
    bool useSchema = true; ///< USE_SCHEMA
    bool createVolume = true; ///< CREATE_VOLUME
    std::map<std::string, UcVolume> volumes;
};

struct UcCatalog
{
    std::string name;
    bool useCatalog = true; ///< USE_CATALOG
    std::map<std::string, UcSchema> schemas;
};

/// The metastore and its listing knobs.
///
/// Manifest (the "databricks" section, optional): `"catalogs": [{"name", "use_catalog": true, "schemas": [{"name",
/// "use_schema": true, "create_volume": true, "volumes": [{"name", "writable": true, "readable": true,
/// "comment"}]}]}]`. Every volume of "volumes" and the built-in ones are in it too (all privileges).
/// Faults (`POST /_sandbox/faults` "databricks"): `"uc_page_size": N` (the server-chosen page and the cap on
/// max_results; default 100), `"uc_empty_pages": true` (every page of items is preceded by an empty page that
/// carries a next_page_token).
struct UnityCatalog
{
    static constexpr std::size_t kDefaultPageSize = 100;

    std::map<std::string, UcCatalog> catalogs;
    std::size_t pageSize = kDefaultPageSize;
    bool emptyPages = false;

    /// Builds the metastore from the manifest section and the Files API's known volumes ("c/s/v" keys).
    void load(const nlohmann::json &config, const std::set<std::string> &knownVolumes);
    /// The volume of a "c/s/v" key; nullptr when unknown.
    [[nodiscard]] const UcVolume *volume(const std::string &key) const;
};

} // namespace sandbox
