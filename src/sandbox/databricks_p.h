// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internals of DatabricksService, shared by databricks.cpp (service, admission, routes), databricks_util.cpp
// (helpers), databricks_files.cpp, databricks_multipart.cpp and databricks_dbfs.cpp. Not part of the sandbox's
// interface.

#include "databricks.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <httplib.h>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace sandbox
{

namespace fs = std::filesystem;
using SteadyClock = std::chrono::steady_clock;

/// MD5 over a stream of chunks (OpenSSL EVP).
class Md5
{
public:
    Md5();
    ~Md5();
    Md5(const Md5 &) = delete;
    Md5 &operator=(const Md5 &) = delete;
    void update(const char *data, std::size_t size);
    std::string hexDigest(); ///< finalises
private:
    void *m_ctx = nullptr;
};

/// A file being written in the temp area: renamed into place by the caller when complete, removed otherwise.
class TempFile
{
public:
    explicit TempFile(const fs::path &path);
    ~TempFile(); ///< removes the file unless released
    TempFile(const TempFile &) = delete;
    TempFile &operator=(const TempFile &) = delete;
    bool ok() const { return m_fd >= 0; }
    bool write(const char *data, std::size_t size); ///< buffered: few large write(2) calls for 4 KiB chunks
    bool closeFile(); ///< flushes; false when any write failed
    void release() { m_path.clear(); }
    const fs::path &path() const { return m_path; }
    std::uint64_t size() const { return m_size; }
    std::string md5Hex() { return m_md5.hexDigest(); }

private:
    fs::path m_path;
    bool flush();
    bool writeAll(const char *data, std::size_t size);

    int m_fd = -1;
    std::uint64_t m_size = 0;
    std::vector<char> m_buffer;
    bool m_failed = false;
    Md5 m_md5;
};

struct PathInfo
{
    bool isDir = false;
    std::uint64_t size = 0;
    std::int64_t mtimeMs = 0;
};

struct UnityCatalog;

struct DatabricksService::Impl
{
    Impl(Stats &s, TokenAuthority &a, const fs::path &dataDir);

    Stats &stats;
    TokenAuthority &auth;
    fs::path root; ///< <data-dir>/databricks
    fs::path volumes; ///< root/volumes/<catalog>/<schema>/<volume>/…
    fs::path dbfs; ///< root/dbfs/…
    fs::path tmp; ///< root/tmp: uploads in progress
    std::mutex mutex; ///< guards everything below and namespace changes (rename, mkdir, delete)
    std::set<std::string> knownVolumes; ///< "catalog/schema/volume", lower case
    std::string baseUrl;

    // Faults
    double errorRate = 0;
    int errorStatus = 503;
    int retryAfterS = 1;
    int errorTimes = 0;
    std::uint64_t resetPutAfterBytes = 0;
    int resetPutTimes = 0; ///< PUT bodies still to break (each at resetPutAfterBytes)
    std::set<std::string> forbiddenVolumes;
    int dbfsHandleIdleS = 600;
    std::uint64_t maxPutBytes = 5ULL << 30;
    bool presignedDisabled = false;
    std::set<std::string> errorRoutes; ///< routes error_times/error_rate hit (Stats names); empty = every route
    int shortStoreTimes = 0; ///< uploads still to store short while answering success
    std::uint64_t shortStoreBytes = 1; ///< bytes each of them loses at its end
    std::mt19937_64 rng { 0x5eed };

    // Multipart sessions and presigned URLs
    struct Session
    {
        std::string path; ///< canonical /Volumes/… path
        bool overwrite = true;
        fs::path dir;
        std::map<int, std::string> parts; ///< part number -> etag (md5 hex)
    };
    std::map<std::string, Session> sessions;
    struct Presigned
    {
        std::string session;
        int part = 0; ///< 0: abort URL, -1: download URL
        std::chrono::system_clock::time_point expires;
        fs::path download; ///< the file a download URL serves
    };
    std::map<std::string, Presigned> presigned;

    // DBFS write handles
    struct Handle
    {
        std::string path; ///< DBFS path, "/…"
        bool overwrite = false;
        std::unique_ptr<TempFile> file;
        SteadyClock::time_point lastUsed;
    };
    std::map<std::int64_t, Handle> handles;
    std::int64_t nextHandle = 7001;

    // Common helpers (databricks.cpp)
    std::string base(const httplib::Request &req);
    fs::path newTempPath();
    /// Claims one reset of a PUT body that reached resetPutAfterBytes; false when none is left.
    bool takeReset();
    /// Auth + fault gate for an API request: false when `res` already holds the answer.
    bool admit(const httplib::Request &req, httplib::Response &res, bool needsAuth = true);
    /// Reads and discards a request body we are refusing, so the connection stays usable.
    void drainBody(const httplib::Request &req, httplib::Response &res, const httplib::ContentReader *reader);

    // Files API (databricks_files.cpp) and multipart upload (databricks_multipart.cpp)
    struct VolumePath
    {
        std::string canonical; ///< /Volumes/cat/schema/vol/rest (volume part lower case)
        std::string volumeKey; ///< cat/schema/vol
        fs::path disk;
        bool isVolumeRoot = false;
    };
    /// Validates a Files API path; on failure writes the error and returns nullopt.
    std::optional<VolumePath> volumePath(const std::string &raw, httplib::Response &res);
    /// admit() + the volume path in the route's first capture; nullopt when `res` already holds the answer.
    std::optional<VolumePath> admitPath(const httplib::Request &req, httplib::Response &res);
    struct JsonPathCall
    {
        nlohmann::json body;
        VolumePath path; ///< the body's "path"
    };
    /// admit() + a JSON object body (Files API error shape) + its "path"; nullopt when `res` holds the answer.
    std::optional<JsonPathCall> admitJsonPath(const httplib::Request &req, httplib::Response &res);
    /// 409 ALREADY_EXISTS unless a file may be created at `vp` (not a directory; not existing unless overwrite).
    /// Callers hold the mutex.
    bool creatable(const VolumePath &vp, bool overwrite, httplib::Response &res);
    /// The multipart session `token` for `vp`; otherwise 400 "Invalid session token." and sessions.end().
    /// Callers hold the mutex.
    std::map<std::string, Session>::iterator findSession(
        const std::string &token, const VolumePath &vp, httplib::Response &res);
    void filesPut(const httplib::Request &req, httplib::Response &res, const httplib::ContentReader *reader);
    void filesGet(const httplib::Request &req, httplib::Response &res);
    void filesDelete(const httplib::Request &req, httplib::Response &res);
    void filesPost(const httplib::Request &req, httplib::Response &res);
    void dirsPut(const httplib::Request &req, httplib::Response &res);
    void dirsGet(const httplib::Request &req, httplib::Response &res);
    void dirsDelete(const httplib::Request &req, httplib::Response &res);
    void createPartUrls(const httplib::Request &req, httplib::Response &res);
    void createAbortUrl(const httplib::Request &req, httplib::Response &res);
    void presignedPut(const httplib::Request &req, httplib::Response &res, const httplib::ContentReader *reader);
    void createDownloadUrl(const httplib::Request &req, httplib::Response &res);
    void presignedGet(const httplib::Request &req, httplib::Response &res);
    /// GET/HEAD body of a stored file: If-Unmodified-Since, validated ranges, streamed from disk.
    void serveFile(const httplib::Request &req, httplib::Response &res, const fs::path &disk, const PathInfo &info);
    void presignedDelete(const httplib::Request &req, httplib::Response &res);
    /// GET /api/2.0/preview/scim/v2/Me: who the token belongs to.
    void scimMe(const httplib::Request &req, httplib::Response &res);
    /// The presigned URL in the route's first capture when `accepts(part)`; otherwise 403 SignatureDoesNotMatch
    /// (or AccessDenied once expired) and presigned.end(). Callers hold the mutex.
    std::map<std::string, Presigned>::iterator findPresigned(
        const httplib::Request &req, bool (*accepts)(int part), httplib::Response &res);
    /// The multipart session `token` as its presigned URLs see it; otherwise 404 NoSuchUpload and sessions.end().
    /// Callers hold the mutex.
    std::map<std::string, Session>::iterator findUpload(const std::string &token, httplib::Response &res);
    void completeUpload(const httplib::Request &req, httplib::Response &res, const VolumePath &vp);
    void initiateUpload(const httplib::Request &req, httplib::Response &res, const VolumePath &vp);
    /// Moves a finished (closed) temp file to `target` (parents created) and records the upload in Stats under
    /// `displayPath`. False + error written when it cannot.
    bool commitFile(TempFile &file, const fs::path &target, bool overwrite, const std::string &displayPath,
        httplib::Response &res, bool dbfsErrors);

    // Unity Catalog (databricks_uc.cpp): the metastore, guarded by `mutex`; the hooks below run under it.
    std::shared_ptr<UnityCatalog> uc;
    nlohmann::json ucConfig; ///< the manifest section it was built from
    void loadUnityCatalog(const nlohmann::json &config); ///< also adds its volumes to knownVolumes
    void applyUnityCatalogFaults(const nlohmann::json &faults);
    void resetUnityCatalog(); ///< forgets created volumes and the listing faults
    /// 403 PERMISSION_DENIED for a Files API call on a volume without WRITE VOLUME (READ VOLUME for a read).
    bool refusesWrite(const std::string &volumeKey, httplib::Response &res);
    void registerUnityCatalog(httplib::Server &server);
    void createVolume(const httplib::Request &req, httplib::Response &res);
    void effectivePermissions(const httplib::Request &req, httplib::Response &res);

    // DBFS (databricks_dbfs.cpp)
    void registerDbfs(httplib::Server &server);
    std::optional<fs::path> dbfsPath(const std::string &raw, httplib::Response &res);
    void expireHandles();
    /// The open write handle named by the body's "handle" (idle ones expire first); otherwise 404
    /// RESOURCE_DOES_NOT_EXIST and handles.end(). Callers hold the mutex.
    std::map<std::int64_t, Handle>::iterator findHandle(const nlohmann::json &body, httplib::Response &res);
};

// Shared helpers (databricks_util.cpp).
/// Stats::nameCurrentRequest() that also remembers the name for this thread's request (see currentRoute()).
void nameRequest(const std::string &route);
/// The name given to the request this thread handles ("" before nameRequest()).
const std::string &currentRoute();
inline constexpr std::uint64_t kDrainLimit = 64ULL << 20; ///< a refused body up to this size is read and dropped
inline constexpr std::size_t kReadChunk = 256 * 1024;
std::string requestId();
std::string lower(std::string s);
std::vector<std::string> splitPath(const std::string &p);
/// Parses "YYYY-MM-DDTHH:MM:SSZ"; nullopt when malformed.
std::optional<std::chrono::system_clock::time_point> parseExpireTime(const std::string &s);
/// A true/false query parameter; `absent` when missing, nullopt when it is something else.
std::optional<bool> parseBool(const httplib::Request &req, const char *name, bool absent);
/// Cloud-storage (S3) style XML error, as presigned URLs answer.
void sendS3Error(httplib::Response &res, int status, const std::string &code, const std::string &message);
/// Stop reading from the client: the answer still goes out, then the connection closes.
void stopReading(const httplib::Request &req, httplib::Response &res);

/// A Databricks API request's bearer (PAT or OAuth token) checked; otherwise 401 (none sent) or 403 "Invalid
/// access token." written and false. Every Databricks route of the sandbox answers these.
bool checkDatabricksAuth(TokenAuthority &auth, const httplib::Request &req, httplib::Response &res);

// Error answers in the documented shapes (databricks_util.cpp).
void sendDbxError(httplib::Response &res, int status, const std::string &code, const std::string &message,
    const std::string &reason = {});
void sendDbfsError(httplib::Response &res, int status, const std::string &code, const std::string &message);
void sendJsonBody(httplib::Response &res, int status, const nlohmann::json &body);
/// The request body as a JSON object; otherwise 400 MALFORMED_REQUEST in the DBFS or Files API shape and nullopt.
std::optional<nlohmann::json> parseJsonBody(const httplib::Request &req, httplib::Response &res, bool dbfs);
/// The same for a body read by hand (a streamed request).
std::optional<nlohmann::json> parseJsonText(const std::string &text, httplib::Response &res, bool dbfs);
/// lstat-free stat of a path in the data dir; nullopt when it does not exist.
std::optional<PathInfo> statPath(const fs::path &p);
/// statPath() of a file the Files API reads; otherwise 404 NOT_FOUND "The file being accessed…" and nullopt.
std::optional<PathInfo> statFile(const fs::path &p, httplib::Response &res);
/// statPath() of a directory; otherwise 404 NOT_FOUND "The directory being accessed…" and nullopt.
std::optional<PathInfo> statDir(const fs::path &p, httplib::Response &res);
/// "catalog/schema/volume" in lower case from a configured "/Volumes/…/" or "…" volume path.
std::string volumeKey(std::string path);
std::string httpDate(std::int64_t unixSeconds);
/// Drops the TCP connection of `req` under the server's feet (RST), to emulate a network failure.
bool abortConnection(const httplib::Request &req);

} // namespace sandbox
