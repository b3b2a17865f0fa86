// SPDX-License-Identifier: GPL-3.0-or-later
#include "content.h"
#include "content_p.h"

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

using namespace content_detail;

namespace
{
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

} // namespace sandbox
