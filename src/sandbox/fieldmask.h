// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace sandbox
{

/// A `fields` partial-response mask: "nextPageToken,files(id,name),capabilities/canDownload,*".
class FieldMask
{
public:
    /// False with the offending text in *bad on a syntax error.
    static bool parse(const std::string &text, FieldMask *out, std::string *bad);

    /// Every name at this level must be in `allowed` (or "*"); a name in `nested` is checked one level
    /// deeper against `nestedAllowed`. Returns false with the first unknown name in *bad.
    bool validate(const std::set<std::string> &allowed, const std::string &nested,
        const std::set<std::string> &nestedAllowed, std::string *bad) const;

    [[nodiscard]] bool isEmpty() const { return !m_all && m_fields.empty(); }
    [[nodiscard]] bool wants(const std::string &name) const;
    /// The mask below `name`; an empty mask means "all of it".
    [[nodiscard]] FieldMask sub(const std::string &name) const;
    [[nodiscard]] nlohmann::json apply(const nlohmann::json &value) const;

private:
    bool m_all = false;
    std::map<std::string, FieldMask> m_fields;

    friend class FieldMaskParser;
};

} // namespace sandbox
