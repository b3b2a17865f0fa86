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
class Query
{
public:
    using Predicate = std::function<bool(const Item &)>;

    /// Parses q; on failure returns false and says why. `rootId` resolves the 'root' alias.
    static bool parse(const std::string &q, const std::string &rootId, Predicate *out, std::string *error);
};

} // namespace sandbox
