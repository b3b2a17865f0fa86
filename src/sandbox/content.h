// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faults.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sandbox
{

inline constexpr const char *kFolderMime = "application/vnd.google-apps.folder";
inline constexpr const char *kShortcutMime = "application/vnd.google-apps.shortcut";
inline constexpr std::uint64_t kExportLimit = 10 * 1024 * 1024; // Drive's documented 10 MB export cap

/// One Drive item: folder, blob, Google Workspace file, shortcut, My Drive root or shared-drive root.
struct Item
{
    enum class Kind
    {
        Root, ///< My Drive root ("root" alias)
        DriveRoot, ///< a shared drive's root folder (same id as the drive)
        Folder,
        Blob,
        Google, ///< Docs/Sheets/Slides/Drawings/Forms/...: exported, not downloaded
        Shortcut,
    };
    Kind kind = Kind::Blob;
    std::string id;
    std::string name;
    std::string mimeType;
    std::string parent; ///< empty for roots and "Shared with me" items
    std::string driveId; ///< shared-drive items only
    std::string path; ///< slash-joined names from its root (for tests)
    bool trashed = false;
    bool sharedWithMe = false;
    std::uint64_t size = 0; ///< blobs
    std::uint64_t contentKey = 0; ///< generator key (seed, id)
    std::string localPath; ///< --root: the file served
    std::uint64_t exportSize = 0; ///< Google types: base export size
    std::string shortcutTargetId;
    std::string shortcutTargetMime;
    std::string resourceKey; ///< non-empty: X-Goog-Drive-Resource-Keys required
    std::string createdTime;
    std::string modifiedTime;
    int change = 0; ///< index in the change log (1-based)
    FileFaults faults;

    [[nodiscard]] bool isFolder() const
    {
        return kind == Kind::Folder || kind == Kind::Root || kind == Kind::DriveRoot;
    }
};

struct SharedDrive
{
    std::string id;
    std::string name;
};

struct Hashes
{
    std::string md5;
    std::string sha256;
};

/// One export target of a Google type.
struct ExportFormat
{
    std::string extension;
    std::string mimeType;
};

/// The tree served as Drive: built-in demo, manifest or local folder. Immutable after load(); hashes are
/// computed lazily (thread-safe) and cached in memory and in a cache dir shared by sandbox processes.
class Content
{
public:
    Content(std::uint64_t seed, std::string cacheDir);
    Content(const Content &) = delete;
    Content &operator=(const Content &) = delete;

    bool loadDemo(std::string *error);
    bool loadManifest(const std::string &file, std::string *error);
    bool loadRoot(const std::string &dir, std::string *error);

    [[nodiscard]] const Item *find(const std::string &id) const; ///< also resolves "root"
    [[nodiscard]] const std::vector<const Item *> &children(const std::string &parentId) const;
    [[nodiscard]] const std::vector<std::unique_ptr<Item>> &items() const { return m_items; }
    [[nodiscard]] const std::vector<SharedDrive> &sharedDrives() const { return m_drives; }
    [[nodiscard]] const SharedDrive *findDrive(const std::string &id) const;
    [[nodiscard]] const std::string &rootId() const { return m_rootId; }
    [[nodiscard]] const std::string &demoRootId() const { return m_demoRootId; }
    [[nodiscard]] const nlohmann::json &oauthSection() const { return m_oauth; }
    [[nodiscard]] const nlohmann::json &databricksSection() const { return m_databricks; }
    [[nodiscard]] std::uint64_t seed() const { return m_seed; }

    /// True hashes of a blob's bytes (may take a second for 1 GiB on first call).
    Hashes hashes(const Item &item);
    /// Reads [offset, offset+len) of a blob into out; returns the bytes read (short only at EOF/error).
    std::size_t read(const Item &item, std::uint64_t offset, char *out, std::size_t len) const;

    static const std::vector<ExportFormat> &exportFormats(const std::string &googleMime);
    static std::string exportMimeForExtension(const std::string &ext);
    /// Generated export length for one format of a Google file.
    static std::uint64_t exportSize(const Item &item, const std::string &extension);
    static std::uint64_t exportKey(const Item &item, const std::string &extension);
    /// Deterministic bytes: byte i of stream `key` is a pure function of (key, i).
    static void generate(std::uint64_t key, std::uint64_t offset, char *out, std::size_t len);

    /// A realistic-looking id (33 chars, leading '1') derived from (seed, key).
    static std::string makeId(
        std::uint64_t seed, const std::string &key, std::size_t length = 33, const std::string &prefix = "1");

private:
    bool loadJson(const nlohmann::json &doc, std::string *error);
    bool loadRootTree(const std::string &dir, std::string *error);
    bool addNodes(const nlohmann::json &nodes, const std::string &parentId, const std::string &parentPath,
        const std::string &driveId, bool sharedWithMe, std::string *error,
        std::vector<std::pair<Item *, nlohmann::json>> *shortcuts);
    Item *addItem(std::unique_ptr<Item> item);
    void finish();

    std::uint64_t m_seed;
    std::string m_cacheDir;
    std::vector<std::unique_ptr<Item>> m_items;
    std::map<std::string, Item *> m_byId;
    std::map<std::string, std::vector<const Item *>> m_children;
    std::vector<SharedDrive> m_drives;
    std::string m_rootId;
    std::string m_demoRootId;
    nlohmann::json m_oauth = nlohmann::json::object();
    nlohmann::json m_databricks = nlohmann::json::object();

    std::mutex m_hashMutex; ///< serialises hashing: one big file at a time is plenty
    std::map<std::string, Hashes> m_hashes;
};

} // namespace sandbox
