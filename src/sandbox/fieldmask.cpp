// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldmask.h"

#include <cctype>

namespace sandbox
{

class FieldMaskParser
{
public:
    explicit FieldMaskParser(const std::string &text)
        : m_text(text)
    {
    }

    bool parseList(FieldMask *out, bool nested)
    {
        for (;;)
        {
            skipSpace();
            if (!parseItem(out))
                return false;
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',')
            {
                ++m_pos;
                continue;
            }
            if (nested)
            {
                if (m_pos < m_text.size() && m_text[m_pos] == ')')
                {
                    ++m_pos;
                    return true;
                }
                return false;
            }
            return m_pos == m_text.size();
        }
    }

    std::string rest() const { return m_text.substr(std::min(m_pos, m_text.size())); }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }

    bool parseItem(FieldMask *out)
    {
        std::string name;
        while (m_pos < m_text.size()
            && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '_' || m_text[m_pos] == '*'
                || m_text[m_pos] == '@' || m_text[m_pos] == '.' || m_text[m_pos] == '-'))
            name.push_back(m_text[m_pos++]);
        if (name.empty())
            return false;
        if (name == "*")
        {
            out->m_all = true;
            return true;
        }
        FieldMask &child = out->m_fields[name];
        if (m_pos < m_text.size() && m_text[m_pos] == '/')
        {
            ++m_pos;
            return parseItem(&child);
        }
        if (m_pos < m_text.size() && m_text[m_pos] == '(')
        {
            ++m_pos;
            return parseList(&child, true);
        }
        // A bare name selects the whole sub-object, even if a narrower selection came before.
        child = FieldMask {};
        return true;
    }

    const std::string &m_text;
    std::size_t m_pos = 0;
};

bool FieldMask::parse(const std::string &text, FieldMask *out, std::string *bad)
{
    FieldMaskParser p(text);
    FieldMask m;
    if (!p.parseList(&m, false))
    {
        *bad = text;
        return false;
    }
    *out = std::move(m);
    return true;
}

bool FieldMask::validate(const std::set<std::string> &allowed, const std::string &nested,
    const std::set<std::string> &nestedAllowed, std::string *bad) const
{
    for (const auto &[name, sub] : m_fields)
    {
        if (!allowed.count(name))
        {
            *bad = name;
            return false;
        }
        if (!nested.empty() && name == nested && !sub.validate(nestedAllowed, {}, {}, bad))
        {
            *bad = name + "/" + *bad;
            return false;
        }
    }
    return true;
}

bool FieldMask::wants(const std::string &name) const
{
    return m_all || m_fields.count(name) > 0;
}

FieldMask FieldMask::sub(const std::string &name) const
{
    auto it = m_fields.find(name);
    return it == m_fields.end() ? FieldMask {} : it->second;
}

nlohmann::json FieldMask::apply(const nlohmann::json &value) const
{
    if (isEmpty() || m_all)
        return value;
    if (value.is_array())
    {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &v : value)
            out.push_back(apply(v));
        return out;
    }
    if (!value.is_object())
        return value;
    nlohmann::json out = nlohmann::json::object();
    for (const auto &[name, sub] : m_fields)
    {
        auto it = value.find(name);
        if (it != value.end())
            out[name] = sub.apply(*it);
    }
    return out;
}

} // namespace sandbox
