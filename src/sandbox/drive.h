// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fieldmask.h"

#include <httplib.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

namespace sandbox
{

class Content;
class Faults;
class Server;
class Stats;
struct Item;

/// Google Drive v3 on /drive/v3/... plus the exportLinks URLs (/feeds/download/...).
class Drive
{
public:
    explicit Drive(Server &server);
    Drive(const Drive &) = delete;
    Drive &operator=(const Drive &) = delete;

    void registerRoutes(httplib::Server &http);
    /// Forgets issued page tokens (POST /_sandbox/reset).
    void reset();

private:
    struct Flags
    {
        bool supportsAllDrives = false;
        bool includeItemsFromAllDrives = false;
    };
    using Handler = void (Drive::*)(const httplib::Request &, httplib::Response &, httplib::Ranges &);

    /// Route name, auth, quota and error-rate, then the handler, then JSON compression.
    void guarded(const char *route, Handler handler, const httplib::Request &req, httplib::Response &res);
    /// Auth, quota and error-rate: false when one of them answered.
    bool admitted(const httplib::Request &req, httplib::Response &res);
    /// Gzips a JSON answer for a client that accepts it (guarded() left Accept-Encoding only to those).
    static void compressJson(const httplib::Request &req, httplib::Response &res);

    void filesList(const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges);
    void filesGet(const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges);
    void filesExport(const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges);
    void exportLink(const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges);
    void drivesList(const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges);
    void drivesGet(const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges);
    void about(const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges);
    void changesStart(const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges);
    void changesList(const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges);
    void unknownRoute(const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges);

    void media(const Item &item, const httplib::Request &req, httplib::Response &res, httplib::Ranges &ranges);
    void sendExport(const Item &item, const std::string &mime, const std::string &ext, httplib::Response &res);
    /// Looks the id up as the caller may see it; answers 404 itself when not.
    const Item *visibleItem(const std::string &id, const httplib::Request &req, httplib::Response &res);
    bool parseFields(const httplib::Request &req, httplib::Response &res, const std::string &defaults,
        const std::set<std::string> &top, const std::string &nested, FieldMask *mask);
    bool parseBoolParam(const httplib::Request &req, httplib::Response &res, const char *name, bool *out);
    nlohmann::json fileJson(const Item &item, bool withHashes);

    Server &m_server;
    Content &m_content;
    Stats &m_stats;
    Faults &m_faults;

    struct PageToken
    {
        std::string signature;
        std::size_t offset = 0;
        int page = 0;
    };
    std::mutex m_mutex;
    std::map<std::string, PageToken> m_pageTokens;
    std::uint64_t m_tokenCounter = 0;
};

} // namespace sandbox
