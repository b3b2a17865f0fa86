// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace httplib
{
class Server;
} // namespace httplib

namespace sandbox
{

class Stats;
class TokenAuthority;

/// Databricks Files API 2.0 (/Volumes), its multipart upload flow with presigned URLs served by the sandbox
/// itself (/_presigned/…), and the DBFS API 2.0. Everything is stored under `dataDir`; uploads stream to a
/// temporary file and are renamed into place only when complete. Thread-safe.
///
/// `config` is the manifest "databricks" section (all keys optional):
/// ```json
/// { "volumes": ["/Volumes/cat/schema/vol"], "tokens": ["dapi…"],
///   "service_principals": [{"client_id": "…", "client_secret": "…"}] }
/// ```
/// Built-in volumes: /Volumes/main/default/landing and /Volumes/main/default/archive. A "catalogs" key describes
/// the Unity Catalog metastore (databricks_uc.h).
/// Completed uploads go to Stats::recordUpload as "/Volumes/<catalog>/<schema>/<volume>/<path>" (volume part in
/// lower case) or "dbfs:/<path>". Stats sections: "databricks" (volumes, open DBFS handles, multipart sessions, faults).
class DatabricksService
{
public:
    DatabricksService(
        Stats &stats, TokenAuthority &auth, const std::filesystem::path &dataDir, const nlohmann::json &config);
    ~DatabricksService();
    DatabricksService(const DatabricksService &) = delete;
    DatabricksService &operator=(const DatabricksService &) = delete;

    /// /api/2.0/fs/files…, /api/2.0/fs/directories…, /api/2.0/fs/create-*-url, /_presigned/…, /api/2.0/dbfs/…,
    /// /api/2.0/preview/scim/v2/Me
    void registerRoutes(httplib::Server &server);
    /// The "databricks" object of POST /_sandbox/faults (keys absent keep their value):
    /// {"error_rate": 0..1, "error_status": 429|500|503, "retry_after_s": 1, "error_times": N,
    ///  "error_routes": ["dbx.files.put", …] (the routes the two above hit; empty = all),
    ///  "reset_put_after_bytes": N, "reset_put_times": 1 (PUT bodies to break), "forbidden_volumes": ["/Volumes/…"],
    ///  "dbfs_handle_idle_s": 600, "max_put_bytes": 5368709120, "presigned_disabled": bool,
    ///  "short_store_times": N, "short_store_bytes": 1 (the next N completed uploads are stored that many bytes
    ///  short while the API still answers success), "uc_page_size": N, "uc_empty_pages": bool (Unity Catalog
    ///  listings: databricks_uc.h)}
    void applyFaults(const nlohmann::json &faults);
    /// Presigned part URLs point here; default derived from the request's Host header (http).
    void setBaseUrl(const std::string &baseUrl);
    /// Forgets uploads (files on disk, DBFS tree, handles, multipart sessions) and faults.
    void reset();

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

} // namespace sandbox
