// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace sandbox
{

struct Item;

/// The files.list `q` subset: 'ID' in parents, trashed, mimeType, name (=, !=, contains), fullText contains,
/// sharedWithMe, starred, modifiedTime/createdTime comparisons, and/or/not, parentheses, \' and \\ escapes.
/// Several parents may be OR-ed, as rclone's grouped listing does: `('a' in parents or 'b' in parents) and
/// trashed = false` (google-drive-api.md §2 "rclone's listing", resume-incremental.md §2 "Fast listing").
class Query
{
public:
    using Predicate = std::function<bool(const Item &)>;

    /// Parses q; on failure returns false and says why. `rootId` resolves the 'root' alias. `parentTerms`, if
    /// given, receives how many `'ID' in parents` terms q holds (more than one: a grouped listing).
    static bool parse(const std::string &q, const std::string &rootId, Predicate *out, std::string *error,
        int *parentTerms = nullptr);
};

} // namespace sandbox
