// SPDX-License-Identifier: GPL-3.0-or-later
#include "content.h"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <openssl/evp.h>
#include <set>
#include <unistd.h>

namespace sandbox
{

namespace
{
constexpr std::uint64_t KiB = 1024;
constexpr std::uint64_t MiB = 1024 * KiB;
constexpr std::uint64_t GiB = 1024 * MiB;
// Bump when generate() changes so stale cached hashes are never used.
constexpr int kGeneratorVersion = 1;
constexpr std::uint64_t kCacheThreshold = 8 * MiB;

std::uint64_t mix64(std::uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t hashString(std::uint64_t seed, const std::string &s)
{
    // FNV-1a, then mixed with the seed: stable across platforms and runs.
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s)
    {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return mix64(h ^ mix64(seed));
}

std::string toHex(const unsigned char *p, unsigned n)
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    s.reserve(n * 2);
    for (unsigned i = 0; i < n; ++i)
    {
        s.push_back(digits[p[i] >> 4]);
        s.push_back(digits[p[i] & 15]);
    }
    return s;
}

std::string rfc3339(std::uint64_t secondsSince2024, unsigned ms)
{
    // 2024-01-01T00:00:00Z = 1704067200
    const std::time_t t = std::time_t(1704067200 + secondsSince2024);
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03uZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
        tm.tm_hour, tm.tm_min, tm.tm_sec, ms % 1000);
    return buf;
}

std::string guessMime(const std::string &name)
{
    static const std::map<std::string, std::string> byExt = {
        { "txt", "text/plain" },
        { "csv", "text/csv" },
        { "json", "application/json" },
        { "pdf", "application/pdf" },
        { "png", "image/png" },
        { "jpg", "image/jpeg" },
        { "jpeg", "image/jpeg" },
        { "zip", "application/zip" },
        { "gz", "application/gzip" },
        { "parquet", "application/vnd.apache.parquet" },
        { "html", "text/html" },
        { "md", "text/markdown" },
    };
    const auto dot = name.rfind('.');
    if (dot != std::string::npos)
    {
        std::string ext = name.substr(dot + 1);
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (auto it = byExt.find(ext); it != byExt.end())
            return it->second;
    }
    return "application/octet-stream";
}

bool isGoogleMime(const std::string &m)
{
    return m.rfind("application/vnd.google-apps.", 0) == 0 && m != kFolderMime && m != kShortcutMime;
}

// The built-in demo tree, in manifest form (see README.md). A few entries are added in code (long names).
const char *kDemoManifest = R"json({
  "demo_root": "Drive Ingest Demo",
  "my_drive": [
    {"name": "Drive Ingest Demo", "children": [
      {"name": "Binary", "children": [
        {"name": "empty.bin", "size": 0},
        {"name": "one-byte.bin", "size": 1},
        {"name": "1KiB.bin", "size": 1024},
        {"name": "64KiB.bin", "size": 65536},
        {"name": "odd-1000003.bin", "size": 1000003},
        {"name": "1MiB.bin", "size": 1048576},
        {"name": "10MiB.bin", "size": 10485760},
        {"name": "100MiB.bin", "size": 104857600},
        {"name": "notes.txt", "size": 4096, "mimeType": "text/plain"},
        {"name": "data.csv", "size": 20000, "mimeType": "text/csv"}
      ]},
      {"name": "Large", "children": [
        {"name": "1GiB.bin", "size": 1073741824}
      ]},
      {"name": "Docs", "children": [
        {"name": "Project plan", "mimeType": "application/vnd.google-apps.document", "export_size": 48000},
        {"name": "Budget", "mimeType": "application/vnd.google-apps.spreadsheet", "export_size": 30000},
        {"name": "Kick-off deck", "mimeType": "application/vnd.google-apps.presentation", "export_size": 900000},
        {"name": "Architecture", "mimeType": "application/vnd.google-apps.drawing", "export_size": 60000},
        {"name": "Huge report", "mimeType": "application/vnd.google-apps.document", "export_size": 12582912},
        {"name": "Feedback form", "mimeType": "application/vnd.google-apps.form"},
        {"name": "Automation", "mimeType": "application/vnd.google-apps.script", "export_size": 3000}
      ]},
      {"name": "Deep", "children": [
        {"name": "level1", "children": [
          {"name": "level2", "children": [
            {"name": "level3", "children": [
              {"name": "level4", "children": [
                {"name": "deep.txt", "size": 777, "mimeType": "text/plain"}
              ]},
              {"name": "l3.bin", "size": 3333}
            ]},
            {"name": "l2.bin", "size": 2222}
          ]},
          {"name": "l1.bin", "size": 1111}
        ]}
      ]},
      {"name": "Odd names", "children": [
        {"name": "a/b slash.txt", "size": 100, "mimeType": "text/plain"},
        {"name": "..", "size": 101},
        {"name": ".", "size": 102},
        {"name": "../../escape.txt", "size": 103, "mimeType": "text/plain"},
        {"name": "ctrl\u0001\u0007\ttab\nnewline.txt", "size": 104, "mimeType": "text/plain"},
        {"name": "Cafe\u0301 NFD.txt", "size": 105, "mimeType": "text/plain"},
        {"name": "Caf\u00e9 NFC.txt", "size": 106, "mimeType": "text/plain"},
        {"name": "emoji \ud83d\ude00\ud83d\udcc1.bin", "size": 107},
        {"name": "CON", "size": 108},
        {"name": "trailing dot.", "size": 109},
        {"name": "same.txt", "size": 200, "mimeType": "text/plain"},
        {"name": "same.txt", "size": 201, "mimeType": "text/plain"},
        {"name": "same-folder-and-file"},
        {"name": "same-folder-and-file", "children": [{"name": "inside.txt", "size": 10, "mimeType": "text/plain"}]}
      ]},
      {"name": "Shortcuts", "children": [
        {"name": "Shortcut to 1MiB", "target": "Drive Ingest Demo/Binary/1MiB.bin"},
        {"name": "Shortcut to Docs", "target": "Drive Ingest Demo/Docs"},
        {"name": "Dangling shortcut", "target_id": "1DanglingTargetDoesNotExist0000000"},
        {"name": "Shortcut to the demo root", "target": "Drive Ingest Demo"}
      ]},
      {"name": "Faulty", "children": [
        {"name": "abusive.bin", "size": 5000, "faults": {"abusive": true}},
        {"name": "quota-exceeded.bin", "size": 6000, "faults": {"download_quota_exceeded": true}},
        {"name": "wrong-md5.bin", "size": 7000, "faults": {"wrong_md5": true}},
        {"name": "resets-once.bin", "size": 2097152, "faults": {"reset_after_bytes": 500000, "reset_times": 1}},
        {"name": "stalls-once.bin", "size": 1048576, "faults": {"stall_after_bytes": 65536, "stall_ms": 1500, "stall_times": 1}},
        {"name": "flaky-503.bin", "size": 8000, "faults": {"error_times": 2, "error_status": 503}}
      ]},
      {"name": "old-trashed.bin", "size": 1234, "trashed": true},
      {"name": "Trashed folder", "trashed": true, "children": [{"name": "in-trashed-folder.txt", "size": 12, "mimeType": "text/plain"}]},
      {"name": "readme.txt", "size": 512, "mimeType": "text/plain"}
    ]},
    {"name": "Outside the demo.txt", "size": 300, "mimeType": "text/plain"}
  ],
  "shared_with_me": [
    {"name": "Shared with me.pdf", "size": 250000, "mimeType": "application/pdf"},
    {"name": "Link-shared (resource key).bin", "size": 4321, "resource_key": "0-AbCdEfGhIjKlMnOpQrStUv"},
    {"name": "Shared folder", "children": [{"name": "shared-inner.bin", "size": 2048}]}
  ],
  "shared_drives": [
    {"name": "Team Drive", "children": [
      {"name": "team-report.csv", "size": 30000, "mimeType": "text/csv"},
      {"name": "Team folder", "children": [
        {"name": "team-data.bin", "size": 3145728},
        {"name": "Team doc", "mimeType": "application/vnd.google-apps.document", "export_size": 25000}
      ]}
    ]}
  ]
})json";
} // namespace

Content::Content(std::uint64_t seed, std::string cacheDir)
    : m_seed(seed)
    , m_cacheDir(std::move(cacheDir))
{
}

std::string Content::makeId(std::uint64_t seed, const std::string &key, std::size_t length, const std::string &prefix)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string id = prefix;
    std::uint64_t h = hashString(seed, key);
    while (id.size() < length)
    {
        h = mix64(h);
        for (int i = 0; i < 10 && id.size() < length; ++i)
            id.push_back(alphabet[(h >> (i * 6)) & 63]);
    }
    return id;
}

void Content::generate(std::uint64_t key, std::uint64_t offset, char *out, std::size_t len)
{
    // 8-byte words, word w = mix64(key + w): random access at any offset, several GB/s.
    std::uint64_t w = offset / 8;
    std::size_t skip = std::size_t(offset % 8);
    while (len > 0)
    {
        const std::uint64_t v = mix64(key + w * 0x9e3779b97f4a7c15ULL);
        if (skip == 0 && len >= 8)
        {
            std::memcpy(out, &v, 8);
            out += 8;
            len -= 8;
        }
        else
        {
            unsigned char bytes[8];
            std::memcpy(bytes, &v, 8);
            const std::size_t n = std::min<std::size_t>(8 - skip, len);
            std::memcpy(out, bytes + skip, n);
            out += n;
            len -= n;
            skip = 0;
        }
        ++w;
    }
}

Item *Content::addItem(std::unique_ptr<Item> item)
{
    Item *p = item.get();
    m_items.push_back(std::move(item));
    p->change = int(m_items.size());
    const std::uint64_t h = hashString(m_seed, p->id);
    p->createdTime = rfc3339(h % (300 * 86400), unsigned(h >> 40));
    p->modifiedTime = rfc3339(h % (300 * 86400) + (h >> 20) % (30 * 86400), unsigned(h >> 50));
    if (p->contentKey == 0)
        p->contentKey = hashString(m_seed, "content:" + p->id);
    m_byId[p->id] = p;
    return p;
}

bool Content::addNodes(const nlohmann::json &nodes, const std::string &parentId, const std::string &parentPath,
    const std::string &driveId, bool sharedWithMe, std::string *error,
    std::vector<std::pair<Item *, nlohmann::json>> *shortcuts)
{
    if (!nodes.is_array())
    {
        *error = "\"children\" of " + (parentPath.empty() ? std::string("the root") : parentPath) + " must be an array";
        return false;
    }
    std::map<std::string, int> seen;
    for (const nlohmann::json &n : nodes)
    {
        if (!n.is_object() || !n.contains("name") || !n.at("name").is_string())
        {
            *error = "every node needs a string \"name\" (under " + parentPath + ")";
            return false;
        }
        auto item = std::make_unique<Item>();
        item->name = n.at("name").get<std::string>();
        item->path = parentPath.empty() ? item->name : parentPath + "/" + item->name;
        const int dup = seen[item->name]++;
        const std::string key = item->path + (dup ? "#" + std::to_string(dup) : std::string());
        item->id = n.contains("id") ? n.at("id").get<std::string>() : makeId(m_seed, key);
        item->parent = parentId;
        item->driveId = driveId;
        item->sharedWithMe = sharedWithMe;
        item->trashed = n.value("trashed", false);
        item->resourceKey = n.value("resource_key", std::string());
        std::string type = n.value("type", std::string());
        if (type.empty())
            type = n.contains("children")                           ? "folder"
                : (n.contains("target") || n.contains("target_id")) ? "shortcut"
                : (n.contains("size") || n.contains("mimeType"))    ? "file"
                                                                    : "folder";
        if (type == "folder")
        {
            item->kind = Item::Kind::Folder;
            item->mimeType = kFolderMime;
        }
        else if (type == "shortcut")
        {
            item->kind = Item::Kind::Shortcut;
            item->mimeType = kShortcutMime;
        }
        else if (type == "file")
        {
            item->mimeType = n.value("mimeType", guessMime(item->name));
            if (isGoogleMime(item->mimeType))
            {
                item->kind = Item::Kind::Google;
                const std::uint64_t h = hashString(m_seed, "export:" + item->id);
                item->exportSize = n.value("export_size", std::uint64_t(4096 + h % (256 * KiB)));
            }
            else
            {
                item->kind = Item::Kind::Blob;
                if (n.contains("size") && !(n.at("size").is_number_integer() && n.at("size").get<std::int64_t>() >= 0))
                {
                    *error = "\"size\" of " + item->path + " must be a non-negative integer";
                    return false;
                }
                item->size = n.value("size", std::uint64_t(0));
                if (n.contains("seed"))
                    item->contentKey = hashString(n.at("seed").get<std::uint64_t>(), "content:" + item->id);
            }
            if (n.contains("faults"))
                item->faults = FileFaults::fromJson(n.at("faults"));
        }
        else
        {
            *error = "unknown node type \"" + type + "\" at " + item->path;
            return false;
        }
        Item *added = addItem(std::move(item));
        if (added->kind == Item::Kind::Shortcut)
            shortcuts->emplace_back(added, n);
        if (added->kind == Item::Kind::Folder && n.contains("children"))
        {
            if (!addNodes(n.at("children"), added->id, added->path, driveId, false, error, shortcuts))
                return false;
        }
    }
    return true;
}

bool Content::loadJson(const nlohmann::json &doc, std::string *error)
{
    try
    {
        if (!doc.is_object())
        {
            *error = "the manifest must be a JSON object";
            return false;
        }
        auto root = std::make_unique<Item>();
        root->kind = Item::Kind::Root;
        root->id = makeId(m_seed, "root:my-drive", 19, "0A");
        root->name = "My Drive";
        root->mimeType = kFolderMime;
        m_rootId = addItem(std::move(root))->id;

        std::vector<std::pair<Item *, nlohmann::json>> shortcuts;
        if (doc.contains("my_drive") && !addNodes(doc.at("my_drive"), m_rootId, {}, {}, false, error, &shortcuts))
            return false;
        if (doc.contains("shared_with_me") && !addNodes(doc.at("shared_with_me"), {}, {}, {}, true, error, &shortcuts))
            return false;
        if (doc.contains("shared_drives"))
        {
            for (const nlohmann::json &d : doc.at("shared_drives"))
            {
                SharedDrive drive;
                drive.name = d.value("name", std::string("Shared drive"));
                drive.id = d.contains("id") ? d.at("id").get<std::string>()
                                            : makeId(m_seed, "drive:" + drive.name, 19, "0A");
                m_drives.push_back(drive);
                auto droot = std::make_unique<Item>();
                droot->kind = Item::Kind::DriveRoot;
                droot->id = drive.id;
                droot->name = drive.name;
                droot->path = drive.name;
                droot->driveId = drive.id;
                droot->mimeType = kFolderMime;
                addItem(std::move(droot));
                if (d.contains("children")
                    && !addNodes(d.at("children"), drive.id, drive.name, drive.id, false, error, &shortcuts))
                    return false;
            }
        }
        std::map<std::string, const Item *> byPath;
        for (const auto &it : m_items)
            byPath.emplace(it->path, it.get()); // first of duplicates wins
        for (auto &[sc, n] : shortcuts)
        {
            if (n.contains("target_id"))
                sc->shortcutTargetId = n.at("target_id").get<std::string>();
            else
            {
                const std::string target = n.value("target", std::string());
                auto t = byPath.find(target);
                if (t == byPath.end())
                {
                    *error = "shortcut " + sc->path + ": no item at path \"" + target + "\"";
                    return false;
                }
                sc->shortcutTargetId = t->second->id;
            }
            const Item *t = find(sc->shortcutTargetId);
            sc->shortcutTargetMime
                = n.value("target_mimeType", t ? t->mimeType : std::string("application/octet-stream"));
        }
        const std::string demo = doc.value("demo_root", std::string());
        for (const auto &it : m_items)
        {
            if (!demo.empty() ? (it->path == demo && it->isFolder()) : (it->parent == m_rootId && it->isFolder()))
            {
                m_demoRootId = it->id;
                break;
            }
        }
        if (m_demoRootId.empty())
            m_demoRootId = m_rootId;
        if (doc.contains("oauth"))
            m_oauth = doc.at("oauth");
        if (doc.contains("databricks"))
            m_databricks = doc.at("databricks");
    }
    catch (const nlohmann::json::exception &e)
    {
        *error = std::string("manifest: ") + e.what();
        return false;
    }
    finish();
    return true;
}

bool Content::loadDemo(std::string *error)
{
    nlohmann::json doc = nlohmann::json::parse(kDemoManifest);
    // Entries awkward to spell in JSON.
    nlohmann::json &demo = doc["my_drive"][0]["children"];
    for (nlohmann::json &folder : demo)
    {
        if (folder.value("name", std::string()) == "Odd names")
        {
            std::string longName;
            while (longName.size() < 296)
                longName += "long-name-";
            longName.resize(296);
            folder["children"].push_back(
                { { "name", longName + ".txt" }, { "size", 300 }, { "mimeType", "text/plain" } });
        }
    }
    return loadJson(doc, error);
}

bool Content::loadManifest(const std::string &file, std::string *error)
{
    std::ifstream in(file);
    if (!in)
    {
        *error = "cannot read manifest " + file;
        return false;
    }
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded())
    {
        *error = "manifest " + file + " is not valid JSON";
        return false;
    }
    return loadJson(doc, error);
}

bool Content::loadRoot(const std::string &dir, std::string *error)
{
    // Directory iteration throws on I/O errors half-way; report them like any bad content.
    try
    {
        return loadRootTree(dir, error);
    }
    catch (const std::exception &e)
    {
        *error = std::string("--root: ") + e.what();
        return false;
    }
}

bool Content::loadRootTree(const std::string &dir, std::string *error)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path base = fs::canonical(dir, ec);
    if (ec || !fs::is_directory(base))
    {
        *error = "--root " + dir + " is not a directory";
        return false;
    }
    auto root = std::make_unique<Item>();
    root->kind = Item::Kind::Root;
    root->id = makeId(m_seed, "root:my-drive", 19, "0A");
    root->name = "My Drive";
    root->mimeType = kFolderMime;
    m_rootId = addItem(std::move(root))->id;
    m_demoRootId = m_rootId;

    // Depth-first in sorted order so ids and change numbers are stable; symlinks are not followed.
    std::vector<std::pair<fs::path, std::string>> stack { { base, m_rootId } };
    while (!stack.empty())
    {
        auto [dirPath, parentId] = stack.back();
        stack.pop_back();
        std::vector<fs::directory_entry> entries;
        for (const auto &e : fs::directory_iterator(dirPath, ec))
            entries.push_back(e);
        std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.path() < b.path(); });
        for (const auto &e : entries)
        {
            if (e.is_symlink(ec))
                continue;
            const std::string rel = fs::relative(e.path(), base, ec).generic_string();
            auto item = std::make_unique<Item>();
            item->name = e.path().filename().string();
            item->path = rel;
            item->id = makeId(m_seed, "local:" + rel);
            item->parent = parentId;
            if (e.is_directory(ec))
            {
                item->kind = Item::Kind::Folder;
                item->mimeType = kFolderMime;
                const std::string id = item->id;
                addItem(std::move(item));
                stack.emplace_back(e.path(), id);
            }
            else if (e.is_regular_file(ec))
            {
                item->kind = Item::Kind::Blob;
                item->mimeType = guessMime(item->name);
                item->size = e.file_size(ec);
                item->localPath = e.path().string();
                addItem(std::move(item));
            }
        }
    }
    finish();
    return true;
}

void Content::finish()
{
    m_children.clear();
    for (const auto &it : m_items)
    {
        if (!it->parent.empty())
            m_children[it->parent].push_back(it.get());
    }
}

const Item *Content::find(const std::string &id) const
{
    if (id == "root")
        return m_byId.at(m_rootId);
    auto it = m_byId.find(id);
    return it == m_byId.end() ? nullptr : it->second;
}

const std::vector<const Item *> &Content::children(const std::string &parentId) const
{
    static const std::vector<const Item *> none;
    auto it = m_children.find(parentId == "root" ? m_rootId : parentId);
    return it == m_children.end() ? none : it->second;
}

const SharedDrive *Content::findDrive(const std::string &id) const
{
    for (const SharedDrive &d : m_drives)
        if (d.id == id)
            return &d;
    return nullptr;
}

std::size_t Content::read(const Item &item, std::uint64_t offset, char *out, std::size_t len) const
{
    if (offset >= item.size)
        return 0;
    len = std::size_t(std::min<std::uint64_t>(len, item.size - offset));
    if (item.localPath.empty())
    {
        generate(item.contentKey, offset, out, len);
        return len;
    }
    const int fd = ::open(item.localPath.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    std::size_t done = 0;
    while (done < len)
    {
        const ssize_t n = ::pread(fd, out + done, len - done, off_t(offset + done));
        if (n <= 0)
            break;
        done += std::size_t(n);
    }
    ::close(fd);
    return done;
}

Hashes Content::hashes(const Item &item)
{
    std::lock_guard lock(m_hashMutex);
    if (auto it = m_hashes.find(item.id); it != m_hashes.end())
        return it->second;
    namespace fs = std::filesystem;
    // Generated content is a pure function of (key, size): share big results between processes.
    std::string cacheFile;
    if (item.localPath.empty() && item.size >= kCacheThreshold && !m_cacheDir.empty())
    {
        cacheFile = m_cacheDir + "/v" + std::to_string(kGeneratorVersion) + "-" + std::to_string(item.contentKey) + "-"
            + std::to_string(item.size);
        std::ifstream in(cacheFile);
        Hashes h;
        if (in >> h.md5 >> h.sha256 && h.md5.size() == 32 && h.sha256.size() == 64)
        {
            m_hashes[item.id] = h;
            return h;
        }
    }
    EVP_MD_CTX *md5 = EVP_MD_CTX_new();
    EVP_MD_CTX *sha = EVP_MD_CTX_new();
    EVP_DigestInit_ex(md5, EVP_md5(), nullptr);
    EVP_DigestInit_ex(sha, EVP_sha256(), nullptr);
    std::vector<char> buf(1 * MiB);
    std::uint64_t off = 0;
    while (off < item.size)
    {
        const std::size_t n = read(item, off, buf.data(), buf.size());
        if (n == 0)
            break;
        EVP_DigestUpdate(md5, buf.data(), n);
        EVP_DigestUpdate(sha, buf.data(), n);
        off += n;
    }
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    Hashes h;
    EVP_DigestFinal_ex(md5, d, &len);
    h.md5 = toHex(d, len);
    EVP_DigestFinal_ex(sha, d, &len);
    h.sha256 = toHex(d, len);
    EVP_MD_CTX_free(md5);
    EVP_MD_CTX_free(sha);
    m_hashes[item.id] = h;
    if (!cacheFile.empty())
    {
        std::error_code ec;
        fs::create_directories(m_cacheDir, ec);
        const std::string tmp = cacheFile + ".tmp" + std::to_string(::getpid());
        {
            std::ofstream out(tmp);
            out << h.md5 << ' ' << h.sha256 << '\n';
        }
        fs::rename(tmp, cacheFile, ec);
    }
    return h;
}

const std::vector<ExportFormat> &Content::exportFormats(const std::string &googleMime)
{
    static const std::map<std::string, std::vector<ExportFormat>> formats = {
        { "application/vnd.google-apps.document",
            { { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
                { "odt", "application/vnd.oasis.opendocument.text" }, { "rtf", "application/rtf" },
                { "pdf", "application/pdf" }, { "txt", "text/plain" }, { "html", "text/html" },
                { "zip", "application/zip" }, { "epub", "application/epub+zip" }, { "md", "text/markdown" } } },
        { "application/vnd.google-apps.spreadsheet",
            { { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
                { "ods", "application/x-vnd.oasis.opendocument.spreadsheet" }, { "pdf", "application/pdf" },
                { "zip", "application/zip" }, { "csv", "text/csv" }, { "tsv", "text/tab-separated-values" } } },
        { "application/vnd.google-apps.presentation",
            { { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
                { "odp", "application/vnd.oasis.opendocument.presentation" }, { "pdf", "application/pdf" },
                { "txt", "text/plain" }, { "jpg", "image/jpeg" }, { "png", "image/png" },
                { "svg", "image/svg+xml" } } },
        { "application/vnd.google-apps.drawing",
            { { "pdf", "application/pdf" }, { "jpg", "image/jpeg" }, { "png", "image/png" },
                { "svg", "image/svg+xml" } } },
        { "application/vnd.google-apps.script", { { "json", "application/vnd.google-apps.script+json" } } },
    };
    static const std::vector<ExportFormat> none;
    auto it = formats.find(googleMime);
    return it == formats.end() ? none : it->second;
}

std::string Content::exportMimeForExtension(const std::string &ext)
{
    for (const char *m : { "application/vnd.google-apps.document", "application/vnd.google-apps.spreadsheet",
             "application/vnd.google-apps.presentation", "application/vnd.google-apps.script" })
    {
        for (const ExportFormat &f : exportFormats(m))
            if (f.extension == ext)
                return f.mimeType;
    }
    return {};
}

std::uint64_t Content::exportSize(const Item &item, const std::string &extension)
{
    // Text renditions are smaller than the office formats; images of one slide/drawing are mid-sized.
    static const std::set<std::string> text = { "txt", "csv", "tsv", "md" };
    static const std::set<std::string> image = { "jpg", "png", "svg" };
    if (text.count(extension))
        return item.exportSize / 4 + 1;
    if (image.count(extension))
        return item.exportSize / 2 + 1;
    return item.exportSize + (hashString(0, extension) % 997);
}

std::uint64_t Content::exportKey(const Item &item, const std::string &extension)
{
    return hashString(item.contentKey, "export:" + extension);
}

} // namespace sandbox
