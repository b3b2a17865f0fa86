// SPDX-License-Identifier: GPL-3.0-or-later
// DatabricksSql: a statement's text read into SQLite's words (reference: databricks-wave2.md §2).
#include "databricks_sql_p.h"

#include "databricks_p.h"

#include <algorithm>
#include <cctype>

namespace sandbox
{
namespace
{
bool isIdentChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
} // namespace

void Cursor::skipWs()
{
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
}

bool Cursor::keyword(const char *kw)
{
    skipWs();
    const std::size_t n = std::char_traits<char>::length(kw);
    if (s.size() - i < n || lower(s.substr(i, n)) != lower(kw) || (i + n < s.size() && isIdentChar(s[i + n])))
        return false;
    i += n;
    return true;
}

bool Cursor::consume(char c)
{
    skipWs();
    if (i < s.size() && s[i] == c)
    {
        ++i;
        return true;
    }
    return false;
}

std::optional<std::string> Cursor::part()
{
    skipWs();
    if (i < s.size() && s[i] == '`')
    {
        const auto end = s.find('`', i + 1);
        if (end == std::string::npos || end == i + 1)
            return std::nullopt;
        std::string p = s.substr(i + 1, end - i - 1);
        i = end + 1;
        return p;
    }
    const std::size_t start = i;
    while (i < s.size() && isIdentChar(s[i]))
        ++i;
    if (i == start)
        return std::nullopt;
    return s.substr(start, i - start);
}

std::vector<std::string> splitName(const std::string &text)
{
    std::string copy = text;
    Cursor c { copy };
    std::vector<std::string> parts;
    do
    {
        auto p = c.part();
        if (!p)
            return {};
        parts.push_back(*p);
    } while (c.consume('.'));
    c.skipWs();
    if (c.i != copy.size() || parts.size() > 3)
        return {};
    return parts;
}

std::size_t findKeyword(const std::string &s, std::size_t from, const std::string &kw)
{
    const std::string want = lower(kw);
    for (std::size_t i = from; i < s.size(); ++i)
    {
        const char c = s[i];
        if (c == '\'' || c == '"' || c == '`')
        {
            const auto end = s.find(c, i + 1);
            if (end == std::string::npos)
                return std::string::npos;
            i = end;
            continue;
        }
        if ((i == 0 || !isIdentChar(s[i - 1])) && lower(s.substr(i, want.size())) == want
            && (i + want.size() >= s.size() || !isIdentChar(s[i + want.size()])))
            return i;
    }
    return std::string::npos;
}

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

// Text types must say TEXT, or SQLite's NUMERIC affinity would turn "0012" into 12.
std::string sqliteType(const std::string &type)
{
    const std::string t = upper(type);
    if (t == "STRING" || t == "TIMESTAMP" || t == "TIMESTAMP_NTZ" || t == "DATE" || t.rfind("VARCHAR", 0) == 0)
        return "TEXT";
    if (t == "BOOLEAN" || t == "INT" || t == "INTEGER" || t == "BIGINT" || t == "LONG" || t == "SMALLINT"
        || t == "TINYINT")
        return "INTEGER";
    if (t == "DOUBLE" || t == "FLOAT" || t.rfind("DECIMAL", 0) == 0)
        return "REAL";
    return "";
}

std::string databricksType(const char *decl)
{
    const std::string t = upper(decl ? decl : "");
    if (t == "INTEGER")
        return "LONG";
    if (t == "REAL")
        return "DOUBLE";
    return "STRING";
}

SqlError syntaxError(const std::string &near)
{
    return { "BAD_REQUEST", "[PARSE_SYNTAX_ERROR] Syntax error at or near '" + near + "'. SQLSTATE: 42601", "42601" };
}

std::optional<std::string> DatabricksSql::Impl::tableName(Cursor &c, const Statement &st)
{
    std::vector<std::string> parts;
    const std::size_t start = c.i;
    if (c.keyword("IDENTIFIER"))
    {
        if (!c.consume('(') || !c.consume(':'))
            return std::nullopt;
        const auto marker = c.part();
        if (!marker || !c.consume(')'))
            return std::nullopt;
        const auto p = st.parameters.find(*marker);
        if (p == st.parameters.end() || !p->second.value)
            return std::nullopt;
        parts = splitName(*p->second.value);
        if (parts.empty())
            return std::nullopt;
    }
    else
    {
        c.i = start;
        do
        {
            const auto p = c.part();
            if (!p)
                return std::nullopt;
            parts.push_back(*p);
        } while (c.consume('.'));
        if (parts.size() > 3)
            return std::nullopt;
    }
    if (parts.size() < 3)
        parts.insert(parts.begin(), st.schema);
    if (parts.size() < 3)
        parts.insert(parts.begin(), st.catalog);
    for (const auto &p : parts)
        if (p.find('"') != std::string::npos || p.find('.') != std::string::npos)
            return std::nullopt;
    // Appended, not `"\"" + …`: GCC 12 warns falsely (-Wrestrict) on a literal + std::string&& here.
    std::string quoted(1, '"');
    quoted += lower(parts[0] + "." + parts[1] + "." + parts[2]);
    quoted += '"';
    return quoted;
}

std::optional<SqlError> DatabricksSql::Impl::translate(const Statement &st, std::string *out)
{
    std::string text = st.text;
    while (!text.empty() && (std::isspace(static_cast<unsigned char>(text.back())) || text.back() == ';'))
        text.pop_back();
    Cursor c { text };
    const auto nearHere = [&c, &text]()
    {
        c.skipWs();
        return text.substr(c.i, std::min<std::size_t>(20, text.size() - c.i));
    };
    if (c.keyword("CREATE"))
    {
        if (!c.keyword("TABLE"))
            return syntaxError(nearHere());
        const bool ifNotExists = c.keyword("IF");
        if (ifNotExists && (!c.keyword("NOT") || !c.keyword("EXISTS")))
            return syntaxError(nearHere());
        const auto name = tableName(c, st);
        if (!name || !c.consume('('))
            return syntaxError(nearHere());
        // Columns: "name TYPE [NOT NULL]" separated by commas at depth 0.
        const std::size_t close = text.rfind(')');
        if (close == std::string::npos || close < c.i)
            return syntaxError(nearHere());
        Cursor tail { text, close + 1 };
        if (tail.keyword("USING") && !tail.keyword("DELTA"))
            return syntaxError("USING");
        tail.skipWs();
        if (tail.i != text.size())
            return syntaxError(text.substr(tail.i, 20));
        std::string columns;
        std::string body = text.substr(c.i, close - c.i);
        std::size_t depth = 0;
        std::size_t from = 0;
        for (std::size_t k = 0; k <= body.size(); ++k)
        {
            if (k < body.size() && body[k] == '(')
                ++depth;
            else if (k < body.size() && body[k] == ')' && depth > 0)
                --depth;
            if (k < body.size() && (body[k] != ',' || depth > 0))
                continue;
            const std::string def = body.substr(from, k - from);
            from = k + 1;
            Cursor d { def };
            const auto column = d.part();
            const auto type = d.part();
            if (type && d.consume('('))
            {
                const auto end = def.find(')', d.i);
                if (end == std::string::npos)
                    return syntaxError(def);
                d.i = end + 1;
            }
            const std::string rest = def.substr(std::min(d.i, def.size()));
            Cursor r { rest };
            const bool notNull = r.keyword("NOT") && r.keyword("NULL");
            r.skipWs();
            if (!column || !type || sqliteType(*type).empty() || r.i != rest.size())
                return syntaxError(def.substr(0, 20));
            columns += (columns.empty() ? "" : ", ") + std::string("\"") + lower(*column) + "\" " + sqliteType(*type)
                + (notNull ? " NOT NULL" : "");
        }
        *out = std::string("CREATE TABLE ") + (ifNotExists ? "IF NOT EXISTS " : "") + *name + " (" + columns + ")";
        return std::nullopt;
    }
    if (c.keyword("INSERT"))
    {
        if (!c.keyword("INTO"))
            return syntaxError(nearHere());
        const auto name = tableName(c, st);
        if (!name)
            return syntaxError(nearHere());
        *out = "INSERT INTO " + *name + " " + text.substr(c.i);
        return std::nullopt;
    }
    if (c.keyword("SELECT"))
    {
        const std::size_t from = findKeyword(text, c.i, "FROM");
        if (from == std::string::npos)
        {
            *out = text;
            return std::nullopt;
        }
        Cursor f { text, from + 4 };
        const auto name = tableName(f, st);
        if (!name)
            return syntaxError(text.substr(from, 20));
        *out = text.substr(0, from) + "FROM " + *name + " " + text.substr(f.i);
        return std::nullopt;
    }
    return syntaxError(nearHere());
}

} // namespace sandbox
