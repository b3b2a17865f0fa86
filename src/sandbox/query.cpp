// SPDX-License-Identifier: GPL-3.0-or-later
#include "query.h"

#include "content.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace sandbox
{

namespace
{
struct Token
{
    enum class Type
    {
        Word,
        String,
        Op,
        LParen,
        RParen,
        End,
    };
    Type type = Type::End;
    std::string text;
};

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

bool tokenize(const std::string &q, std::vector<Token> *out, std::string *error)
{
    std::size_t i = 0;
    while (i < q.size())
    {
        const char c = q[i];
        if (std::isspace(static_cast<unsigned char>(c)))
        {
            ++i;
        }
        else if (c == '\'')
        {
            std::string s;
            ++i;
            bool closed = false;
            while (i < q.size())
            {
                if (q[i] == '\\' && i + 1 < q.size())
                {
                    s.push_back(q[i + 1]);
                    i += 2;
                }
                else if (q[i] == '\'')
                {
                    closed = true;
                    ++i;
                    break;
                }
                else
                    s.push_back(q[i++]);
            }
            if (!closed)
            {
                *error = "unterminated string";
                return false;
            }
            out->push_back({ Token::Type::String, s });
        }
        else if (c == '(')
        {
            out->push_back({ Token::Type::LParen, "(" });
            ++i;
        }
        else if (c == ')')
        {
            out->push_back({ Token::Type::RParen, ")" });
            ++i;
        }
        else if (c == '=' || c == '!' || c == '<' || c == '>')
        {
            std::string op(1, c);
            if (i + 1 < q.size() && q[i + 1] == '=')
                op.push_back('=');
            if (op == "!")
            {
                *error = "unexpected '!'";
                return false;
            }
            out->push_back({ Token::Type::Op, op });
            i += op.size();
        }
        else if (std::isalpha(static_cast<unsigned char>(c)))
        {
            std::string w;
            while (i < q.size() && (std::isalnum(static_cast<unsigned char>(q[i])) || q[i] == '_'))
                w.push_back(q[i++]);
            out->push_back({ Token::Type::Word, w });
        }
        else
        {
            *error = std::string("unexpected character '") + c + "'";
            return false;
        }
    }
    out->push_back({ Token::Type::End, {} });
    return true;
}

class Parser
{
public:
    Parser(std::vector<Token> tokens, std::string rootId)
        : m_tokens(std::move(tokens))
        , m_rootId(std::move(rootId))
    {
    }

    bool parse(Query::Predicate *out, std::string *error)
    {
        Query::Predicate p;
        if (!parseOr(&p))
        {
            *error = m_error;
            return false;
        }
        if (peek().type != Token::Type::End)
        {
            *error = "unexpected '" + peek().text + "'";
            return false;
        }
        *out = std::move(p);
        return true;
    }
    [[nodiscard]] int parentTerms() const { return m_parentTerms; }

private:
    const Token &peek() const { return m_tokens[m_pos]; }
    Token next() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }
    bool isWord(const char *w) const { return peek().type == Token::Type::Word && lower(peek().text) == w; }
    bool fail(const std::string &why)
    {
        if (m_error.empty())
            m_error = why;
        return false;
    }

    bool parseOr(Query::Predicate *out)
    {
        Query::Predicate left;
        if (!parseAnd(&left))
            return false;
        while (isWord("or"))
        {
            next();
            Query::Predicate right;
            if (!parseAnd(&right))
                return false;
            left = [l = std::move(left), r = std::move(right)](const Item &i) { return l(i) || r(i); };
        }
        *out = std::move(left);
        return true;
    }

    bool parseAnd(Query::Predicate *out)
    {
        Query::Predicate left;
        if (!parseUnary(&left))
            return false;
        while (isWord("and"))
        {
            next();
            Query::Predicate right;
            if (!parseUnary(&right))
                return false;
            left = [l = std::move(left), r = std::move(right)](const Item &i) { return l(i) && r(i); };
        }
        *out = std::move(left);
        return true;
    }

    bool parseUnary(Query::Predicate *out)
    {
        if (isWord("not"))
        {
            next();
            Query::Predicate inner;
            if (!parseUnary(&inner))
                return false;
            *out = [p = std::move(inner)](const Item &i) { return !p(i); };
            return true;
        }
        if (peek().type == Token::Type::LParen)
        {
            next();
            if (!parseOr(out))
                return false;
            if (next().type != Token::Type::RParen)
                return fail("missing ')'");
            return true;
        }
        return parseTerm(out);
    }

    bool parseBool(bool *b)
    {
        const Token t = next();
        if (t.type == Token::Type::Word && (t.text == "true" || t.text == "false"))
        {
            *b = t.text == "true";
            return true;
        }
        return fail("expected true or false");
    }

    bool parseTerm(Query::Predicate *out)
    {
        const Token first = next();
        if (first.type == Token::Type::String)
        {
            // 'ID' in parents
            if (!isWord("in"))
                return fail("expected 'in' after a string");
            next();
            const Token field = next();
            if (field.type != Token::Type::Word || field.text != "parents")
                return fail("only 'in parents' is supported");
            const std::string id = first.text == "root" ? m_rootId : first.text;
            ++m_parentTerms;
            *out = [id](const Item &i) { return i.parent == id; };
            return true;
        }
        if (first.type != Token::Type::Word)
            return fail("expected a field name");
        const std::string field = first.text;
        const Token op = next();
        const bool isContains = op.type == Token::Type::Word && op.text == "contains";
        if (op.type != Token::Type::Op && !isContains)
            return fail("expected an operator after " + field);
        const std::string o = isContains ? "contains" : op.text;
        if (field == "trashed" || field == "sharedWithMe" || field == "starred")
        {
            bool value = false;
            if ((o != "=" && o != "!=") || !parseBool(&value))
                return fail("bad " + field + " term");
            const bool neg = o == "!=";
            if (field == "trashed")
                *out = [value, neg](const Item &i) { return (i.trashed == value) != neg; };
            else if (field == "sharedWithMe")
                *out = [value, neg](const Item &i) { return (i.sharedWithMe == value) != neg; };
            else
                *out = [value, neg](const Item &) { return (false == value) != neg; };
            return true;
        }
        const Token value = next();
        if (value.type != Token::Type::String)
            return fail("expected a quoted value after " + field + " " + o);
        const std::string v = value.text;
        if (field == "mimeType")
        {
            if (o != "=" && o != "!=")
                return fail("mimeType supports = and !=");
            const bool neg = o == "!=";
            *out = [v, neg](const Item &i) { return (i.mimeType == v) != neg; };
            return true;
        }
        if (field == "name" || field == "fullText")
        {
            const std::string lv = lower(v);
            if (o == "contains")
            {
                *out = [lv](const Item &i) { return lower(i.name).find(lv) != std::string::npos; };
                return true;
            }
            if (field == "name" && (o == "=" || o == "!="))
            {
                // Drive compares names case-insensitively.
                const bool neg = o == "!=";
                *out = [lv, neg](const Item &i) { return (lower(i.name) == lv) != neg; };
                return true;
            }
            return fail("bad operator for " + field);
        }
        if (field == "modifiedTime" || field == "createdTime")
        {
            const bool modified = field == "modifiedTime";
            // Both sides RFC 3339 UTC: the string order is the time order (inputs without 'Z' are UTC too).
            std::string cmp = v;
            if (!cmp.empty() && cmp.back() == 'Z')
                cmp.pop_back();
            auto get = [modified](const Item &i)
            {
                std::string t = modified ? i.modifiedTime : i.createdTime;
                t.pop_back();
                return t;
            };
            if (o == "=")
                *out = [get, cmp](const Item &i) { return get(i).rfind(cmp, 0) == 0; };
            else if (o == "!=")
                *out = [get, cmp](const Item &i) { return get(i).rfind(cmp, 0) != 0; };
            else if (o == "<")
                *out = [get, cmp](const Item &i) { return get(i) < cmp; };
            else if (o == "<=")
                *out = [get, cmp](const Item &i) { return get(i) <= cmp; };
            else if (o == ">")
                *out = [get, cmp](const Item &i) { return get(i) > cmp; };
            else if (o == ">=")
                *out = [get, cmp](const Item &i) { return get(i) >= cmp; };
            else
                return fail("bad operator for " + field);
            return true;
        }
        return fail("unsupported field " + field);
    }

    std::vector<Token> m_tokens;
    std::string m_rootId;
    std::size_t m_pos = 0;
    std::string m_error;
    int m_parentTerms = 0;
};
} // namespace

bool Query::parse(const std::string &q, const std::string &rootId, Predicate *out, std::string *error, int *parentTerms)
{
    std::vector<Token> tokens;
    if (!tokenize(q, &tokens, error))
        return false;
    Parser p(std::move(tokens), rootId);
    if (!p.parse(out, error))
        return false;
    if (parentTerms)
        *parentTerms = p.parentTerms();
    return true;
}

} // namespace sandbox
