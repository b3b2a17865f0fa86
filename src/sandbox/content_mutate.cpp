// SPDX-License-Identifier: GPL-3.0-or-later
// Content's mutations (POST /_sandbox/mutate) and change logs (changes.getStartPageToken, changes.list).
#include "content.h"
#include "content_p.h"

#include <algorithm>
#include <chrono>
#include <set>

namespace sandbox
{

using namespace content_detail;

namespace
{
std::string nowRfc3339()
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    return rfc3339(std::uint64_t(ms / 1000 - 1704067200), unsigned(ms % 1000));
}

bool stringField(const nlohmann::json &op, const char *key, std::string *out, std::string *error)
{
    if (!op.contains(key) || !op.at(key).is_string() || op.at(key).get<std::string>().empty())
    {
        *error = std::string("needs a non-empty string \"") + key + "\"";
        return false;
    }
    *out = op.at(key).get<std::string>();
    return true;
}

bool sizeField(const nlohmann::json &op, const char *key, std::uint64_t fallback, std::uint64_t *out,
    std::string *error)
{
    *out = fallback;
    if (!op.contains(key))
        return true;
    if (!op.at(key).is_number_integer() || op.at(key).get<std::int64_t>() < 0)
    {
        *error = std::string("\"") + key + "\" must be a non-negative integer";
        return false;
    }
    *out = op.at(key).get<std::uint64_t>();
    return true;
}
} // namespace

void Content::logChange(const Item &item, const std::string &time)
{
    ChangeLog &log = m_logs[item.driveId];
    if (auto it = log.positionOf.find(item.id); it != log.positionOf.end())
        log.byPosition.erase(it->second); // a window holds each item once, in its latest state
    log.byPosition[++m_position] = { item.id, time };
    log.positionOf[item.id] = m_position;
}

std::vector<Content::Change> Content::changes(const std::string &logKey, std::int64_t from, std::size_t max,
    const std::function<bool(const Change &)> &accept, bool *more) const
{
    std::vector<Change> out;
    *more = false;
    auto log = m_logs.find(logKey);
    if (log == m_logs.end())
        return out;
    for (auto it = log->second.byPosition.lower_bound(from); it != log->second.byPosition.end(); ++it)
    {
        if (out.size() == max)
        {
            *more = true;
            break;
        }
        const Item *item = m_byId.at(it->second.first);
        Change c { it->first, item, it->second.second, item->gone || item->driveId != logKey };
        if (accept(c))
            out.push_back(std::move(c));
    }
    return out;
}

void Content::unlinkChild(const Item &item)
{
    if (auto it = m_children.find(item.parent); it != m_children.end())
        it->second.erase(std::remove(it->second.begin(), it->second.end(), &item), it->second.end());
}

bool Content::mutate(const nlohmann::json &ops, std::vector<Item> *states, std::string *error)
{
    if (!ops.is_array())
    {
        *error = "the body must be a JSON list of operations";
        return false;
    }
    std::unique_lock lock(m_lock);
    const std::size_t itemsBefore = m_items.size();
    std::map<std::string, Item> before; // undo: each existing item as it was before its first change
    auto remember = [&before](Item *item) { before.emplace(item->id, *item); };
    std::vector<Item *> touched;
    std::vector<Item *> own; // each operation's item, for the answer
    for (std::size_t i = 0; i < ops.size(); ++i)
    {
        const std::size_t first = touched.size();
        std::string why;
        bool ok = false;
        try
        {
            ok = applyOperation(ops[i], remember, &touched, &why);
        }
        catch (const nlohmann::json::exception &e)
        {
            why = std::string("a field has the wrong type (") + e.what() + ")";
        }
        if (!ok)
        {
            // All or nothing: put every changed item back and drop the ones this batch added (no reader can
            // hold them: they were never visible outside this exclusive lock).
            for (auto &[id, copy] : before)
                if (auto it = m_byId.find(id); it != m_byId.end())
                    *it->second = copy;
            while (m_items.size() > itemsBefore)
            {
                m_byId.erase(m_items.back()->id);
                m_items.pop_back();
            }
            rebuildChildren();
            *error = "operation " + std::to_string(i) + ": " + why;
            return false;
        }
        own.push_back(touched[first]);
    }
    const std::string now = nowRfc3339();
    for (Item *item : touched)
        logChange(*item, now);
    states->clear();
    for (const Item *item : own)
        states->push_back(*item);
    return true;
}

bool Content::applyOperation(const nlohmann::json &op, const std::function<void(Item *)> &remember,
    std::vector<Item *> *touched, std::string *error)
{
    if (!op.is_object() || !op.contains("op") || !op.at("op").is_string())
    {
        *error = "each operation must be an object with a string \"op\"";
        return false;
    }
    const std::string kind = op.at("op").get<std::string>();
    static const std::set<std::string> known
        = { "add", "modify", "rename", "move", "trash", "untrash", "delete", "unshare" };
    if (!known.count(kind))
    {
        *error = "unknown op \"" + kind + "\"";
        return false;
    }
    auto folderArg = [this, &op, error](const Item **out)
    {
        std::string id;
        if (!stringField(op, "parent", &id, error))
            return false;
        *out = find(id);
        if (!*out || !(*out)->isFolder())
        {
            *error = "parent " + id + " is not a folder";
            return false;
        }
        return true;
    };
    // Paths (for /_sandbox/tree) follow renames and moves through a whole subtree.
    std::function<void(Item *, const std::string &)> setPath = [this, &setPath](Item *item, const std::string &base)
    {
        item->path = base.empty() ? item->name : base + "/" + item->name;
        for (const Item *child : children(item->id))
            setPath(m_byId.at(child->id), item->path);
    };

    if (kind == "add")
    {
        const Item *parent = nullptr;
        auto item = std::make_unique<Item>();
        if (!folderArg(&parent) || !stringField(op, "name", &item->name, error)
            || !sizeField(op, "size", 0, &item->size, error))
            return false;
        item->id = makeId(m_seed, "added:" + std::to_string(++m_added));
        item->parent = parent->id;
        item->driveId = parent->driveId;
        item->sharedWithMe = parent->sharedWithMe;
        item->path = parent->path.empty() ? item->name : parent->path + "/" + item->name;
        item->mimeType = op.value("mimeType", op.value("folder", false) ? kFolderMime : guessMime(item->name));
        if (item->mimeType == kFolderMime)
            item->kind = Item::Kind::Folder;
        else if (item->mimeType == kShortcutMime)
        {
            *error = "adding shortcuts is not supported";
            return false;
        }
        else if (isGoogleMime(item->mimeType))
        {
            item->kind = Item::Kind::Google;
            if (!sizeField(op, "export_size", 4096 + hashString(m_seed, "export:" + item->id) % (256 * KiB),
                    &item->exportSize, error))
                return false;
        }
        if (item->kind != Item::Kind::Blob)
            item->size = 0;
        Item *added = addItem(std::move(item));
        added->version = 1;
        m_children[added->parent].push_back(added); // the children index follows each operation
        touched->push_back(added);
        return true;
    }

    std::string id;
    if (!stringField(op, "id", &id, error))
        return false;
    Item *item = const_cast<Item *>(find(id));
    if (!item)
    {
        *error = "no item " + id;
        return false;
    }
    if (item->kind == Item::Kind::Root || item->kind == Item::Kind::DriveRoot)
    {
        *error = "a root cannot be changed";
        return false;
    }
    remember(item);
    touched->push_back(item);
    ++item->version;
    if (kind == "modify")
    {
        if (item->kind != Item::Kind::Blob && item->kind != Item::Kind::Google)
        {
            *error = "only files and Google files have content to modify";
            return false;
        }
        // A new revision: new bytes (own stream), hashes and headRevisionId; the old bytes stay with downloads
        // that started before (they copied the item).
        ++item->revision;
        item->contentKey = hashString(m_seed, "content:" + item->id + "#" + std::to_string(item->revision));
        item->localPath.clear();
        item->modifiedTime = nowRfc3339();
        if (item->kind == Item::Kind::Blob)
            return sizeField(op, "size", item->size, &item->size, error);
        return sizeField(op, "export_size", item->exportSize + 1, &item->exportSize, error);
    }
    if (kind == "rename")
    {
        if (!stringField(op, "name", &item->name, error))
            return false;
        const Item *parent = item->parent.empty() ? nullptr : m_byId.at(item->parent);
        setPath(item, parent ? parent->path : std::string());
        return true;
    }
    if (kind == "move")
    {
        const Item *parent = nullptr;
        if (!folderArg(&parent))
            return false;
        for (const Item *p = parent; p; p = p->parent.empty() ? nullptr : m_byId.at(p->parent))
        {
            if (p == item)
            {
                *error = "cannot move " + id + " into itself";
                return false;
            }
        }
        if (parent->driveId != item->driveId)
        {
            *error = "moving between My Drive and a shared drive is not emulated";
            return false;
        }
        unlinkChild(*item);
        item->parent = parent->id;
        m_children[item->parent].push_back(item);
        setPath(item, parent->path);
        return true;
    }
    if (kind == "trash" || kind == "untrash")
    {
        item->trashed = kind == "trash";
        return true;
    }
    // delete / unshare: the item and everything under it disappear for the user (never freed).
    std::function<void(Item *)> remove = [&](Item *gone)
    {
        for (const Item *child : children(gone->id))
        {
            Item *c = m_byId.at(child->id);
            remember(c);
            touched->push_back(c);
            ++c->version;
            remove(c);
        }
        gone->gone = true;
        gone->goneReason = kind == "delete" ? "deleted" : "unshared";
    };
    remove(item);
    unlinkChild(*item); // its descendants stay listed under it: unreachable, since find() skips gone items
    return true;
}

} // namespace sandbox
