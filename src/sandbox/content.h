// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faults.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
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
    std::int64_t version = 0; ///< Drive's `version`: rises with every change to the item
    int revision = 0; ///< blobs: number of `modify` mutations (new headRevisionId each)
    bool gone = false; ///< deleted or unshared: kept in memory (never freed), invisible to every route
    std::string goneReason; ///< "deleted" or "unshared"
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

/// The tree served as Drive: built-in demo, manifest or local folder, changed afterwards only by mutate().
/// Readers hold readLock() while they look at items (Drive's routes hold it for a whole handler); mutate() takes
/// the lock exclusively. Items are never freed while the process runs (delete only marks them `gone`), and a
/// download copies its item at its start. Hashes are computed lazily (thread-safe) and cached in memory and in a
/// cache dir shared by sandbox processes.
///
/// The change log: every change has a position (1, 2, …: one counter for every log); each corpus (the user's,
/// key "", and every shared drive, key = its id) keeps the latest position of each of its items, so a window of
/// the log holds each changed item once, in its latest state. Loading logs every item once (positions 1..N).
class Content
{
public:
    /// One entry of a change log, as changes.list needs it.
    struct Change
    {
        std::int64_t position = 0;
        const Item *item = nullptr;
        std::string time;
        bool removed = false; ///< gone, or no longer in this log's corpus
    };
    Content(std::uint64_t seed, std::string cacheDir);
    Content(const Content &) = delete;
    Content &operator=(const Content &) = delete;

    bool loadDemo(std::string *error);
    bool loadManifest(const std::string &file, std::string *error);
    bool loadRoot(const std::string &dir, std::string *error);

    /// Shared lock over the item table: hold it while using anything find()/items() returned.
    [[nodiscard]] std::shared_lock<std::shared_mutex> readLock() const { return std::shared_lock(m_lock); }

    [[nodiscard]] const Item *find(const std::string &id) const; ///< also resolves "root"; never a gone item
    [[nodiscard]] const std::vector<const Item *> &children(const std::string &parentId) const;
    /// Every item, gone ones included (skip Item::gone).
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

    /// Applies a JSON list of operations (POST /_sandbox/mutate; see README.md) all or nothing, under the
    /// exclusive lock. On success `states` holds a copy of each operation's item after the batch; on a bad
    /// operation nothing changes and `error` names it.
    bool mutate(const nlohmann::json &ops, std::vector<Item> *states, std::string *error);
    /// The position the next change will get (changes.getStartPageToken). Caller holds readLock().
    [[nodiscard]] std::int64_t nextPosition() const { return m_position + 1; }
    /// Entries of log `logKey` ("" = the user's corpus) at positions >= from, in order, until `accept` has taken
    /// `max` of them; `*more` tells whether entries remain after the last one returned. Caller holds readLock().
    std::vector<Change> changes(const std::string &logKey, std::int64_t from, std::size_t max,
        const std::function<bool(const Change &)> &accept, bool *more) const;

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
    void finish(); ///< after loading: the children index and the initial change log
    void rebuildChildren();
    void unlinkChild(const Item &item); ///< drops the item from its parent's children (exclusive lock held)
    /// Records the item's current state at a new position of its corpus's log.
    void logChange(const Item &item, const std::string &time);
    /// One mutation; `remember` is called with each existing item before it changes, `touched` collects
    /// every item changed (the operation's own first).
    bool applyOperation(const nlohmann::json &op, const std::function<void(Item *)> &remember,
        std::vector<Item *> *touched, std::string *error);

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

    mutable std::shared_mutex m_lock; ///< the item table, the children index and the change logs
    struct ChangeLog
    {
        std::map<std::int64_t, std::pair<std::string, std::string>> byPosition; ///< position → (id, time)
        std::map<std::string, std::int64_t> positionOf; ///< id → its latest position
    };
    std::map<std::string, ChangeLog> m_logs; ///< "" = the user's corpus, else a shared drive's id
    std::int64_t m_position = 0; ///< the last position given
    std::uint64_t m_added = 0; ///< ids of added items

    std::mutex m_hashMutex; ///< serialises hashing: one big file at a time is plenty
    std::map<std::string, Hashes> m_hashes;
};

} // namespace sandbox
