// SPDX-License-Identifier: GPL-3.0-or-later
// SQL Statement Execution API 2.0 and SQL warehouses (reference: databricks-wave2.md §2) on an in-memory SQLite.
#include "databricks_sql.h"

#include "databricks_p.h"
#include "jwt.h"
#include "oauth.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace sandbox
{
namespace
{
constexpr std::size_t kMaxStatementBytes = 16ULL << 20; ///< §2: statement text ≤ 16 MiB
constexpr std::size_t kMaxParameters = 256; ///< §2: "the limit is 256" (drivers' server error; REST [inferred])

/// A statement that FAILED in SQL (HTTP 200, state FAILED): §2, "A statement that fails in SQL comes back HTTP 200".
struct SqlError
{
    std::string errorCode; ///< status.error.error_code (ServiceErrorCode)
    std::string message; ///< "[ERROR_CLASS] words"
    std::string sqlState;
};

bool isIdentChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// A cursor over a statement's text: keywords, names and markers, quotes skipped as a unit.
struct Cursor
{
    const std::string &s;
    std::size_t i = 0;

    void skipWs()
    {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
            ++i;
    }
    bool keyword(const char *kw)
    {
        skipWs();
        const std::size_t n = std::char_traits<char>::length(kw);
        if (s.size() - i < n || lower(s.substr(i, n)) != lower(kw) || (i + n < s.size() && isIdentChar(s[i + n])))
            return false;
        i += n;
        return true;
    }
    bool consume(char c)
    {
        skipWs();
        if (i < s.size() && s[i] == c)
        {
            ++i;
            return true;
        }
        return false;
    }
    /// One identifier part: `quoted` or [A-Za-z0-9_]+.
    std::optional<std::string> part()
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
};

/// Splits "a.b.c" (unquoted parts) into its parts; empty when it is not 1–3 identifier parts.
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

/// Where `kw` appears next as a word outside quotes, from `from`; npos when nowhere.
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

/// A Databricks column type as SQLite declares it: text types must say TEXT, or SQLite's NUMERIC affinity would
/// turn "0012" into 12.
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

/// SQLite's declared type back in Databricks' words, for the result manifest.
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

struct Parameter
{
    std::optional<std::string> value; ///< nullopt: NULL
    std::string type = "STRING";
};
using Parameters = std::map<std::string, Parameter>;

} // namespace

struct DatabricksSql::Impl
{
    explicit Impl(TokenAuthority &a)
        : auth(a)
    {
    }
    ~Impl() { closeDb(); }

    TokenAuthority &auth;
    std::mutex mutex; ///< guards everything below
    sqlite3 *db = nullptr;
    nlohmann::json warehouses = nlohmann::json::array();
    int pendingPolls = 0;
    int runningPolls = 0;

    struct Statement
    {
        std::string id;
        std::string state; ///< PENDING, RUNNING, SUCCEEDED, FAILED, CANCELED
        std::string text;
        std::string catalog;
        std::string schema;
        Parameters parameters;
        int pendingPolls = 0;
        int runningPolls = 0;
        nlohmann::json result; ///< the final answer's manifest + result (SUCCEEDED) or status.error (FAILED)
    };
    std::map<std::string, Statement> statements;

    void openDb()
    {
        closeDb();
        sqlite3_open(":memory:", &db);
    }
    void closeDb()
    {
        if (db)
            sqlite3_close(db);
        db = nullptr;
    }

    bool authorised(const httplib::Request &req, httplib::Response &res);
    std::optional<nlohmann::json> warehouse(const std::string &id);
    void execute(const httplib::Request &req, httplib::Response &res);
    void poll(const httplib::Request &req, httplib::Response &res);
    void cancel(const httplib::Request &req, httplib::Response &res);
    void dump(const httplib::Request &req, httplib::Response &res);

    /// The statement `id`; otherwise 404 RESOURCE_DOES_NOT_EXIST and nullptr. Callers hold the mutex.
    Statement *statement(const std::string &id, httplib::Response &res);
    /// One poll's worth of progress: PENDING/RUNNING counts down, then the statement runs. Callers hold the mutex.
    void advance(Statement &st);
    /// Runs the statement against the store; fills st.state and st.result. Callers hold the mutex.
    void run(Statement &st);
    /// The statement in SQLite's words, or the SQL error it fails with.
    std::optional<SqlError> translate(const Statement &st, std::string *out);
    /// A table name (parts or IDENTIFIER(:p)) at `c` as the quoted SQLite name; nullopt when it is none.
    std::optional<std::string> tableName(Cursor &c, const Statement &st);
    static nlohmann::json answer(const Statement &st);
};

bool DatabricksSql::Impl::authorised(const httplib::Request &req, httplib::Response &res)
{
    return checkDatabricksAuth(auth, req, res);
}

std::optional<nlohmann::json> DatabricksSql::Impl::warehouse(const std::string &id)
{
    for (const auto &w : warehouses)
        if (w.value("id", "") == id)
            return w;
    return std::nullopt;
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
    return "\"" + lower(parts[0] + "." + parts[1] + "." + parts[2]) + "\"";
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
            std::string typeArgs;
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

void DatabricksSql::Impl::run(Statement &st)
{
    const auto fail = [&st](const SqlError &e)
    {
        st.state = "FAILED";
        st.result = { { "error", { { "error_code", e.errorCode }, { "message", e.message } } },
            { "sql_state", e.sqlState } };
    };
    std::string sql;
    if (const auto error = translate(st, &sql))
        return fail(*error);
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
    {
        const std::string why = sqlite3_errmsg(db);
        sqlite3_finalize(stmt);
        if (why.rfind("no such table", 0) == 0)
            return fail({ "BAD_REQUEST",
                "[TABLE_OR_VIEW_NOT_FOUND] The table or view cannot be found (" + why + "). SQLSTATE: 42P01",
                "42P01" });
        return fail(syntaxError(why));
    }
    // Named markers (§2: `:name` only), typed as `cast` would.
    for (int k = 1; k <= sqlite3_bind_parameter_count(stmt); ++k)
    {
        const char *marker = sqlite3_bind_parameter_name(stmt, k);
        const std::string name = marker && marker[0] == ':' ? marker + 1 : "";
        const auto p = st.parameters.find(name);
        if (name.empty() || p == st.parameters.end())
        {
            sqlite3_finalize(stmt);
            return fail({ "BAD_REQUEST",
                "[UNBOUND_SQL_PARAMETER] Found the unbound parameter: " + (name.empty() ? "?" : name)
                    + ". SQLSTATE: 42P02",
                "42P02" });
        }
        if (!p->second.value)
        {
            sqlite3_bind_null(stmt, k);
            continue;
        }
        const std::string &v = *p->second.value;
        const std::string kind = sqliteType(p->second.type);
        if (kind == "INTEGER" || kind == "REAL")
        {
            std::size_t used = 0;
            bool ok = !v.empty();
            try
            {
                if (kind == "INTEGER")
                    sqlite3_bind_int64(stmt, k, std::stoll(v, &used));
                else
                    sqlite3_bind_double(stmt, k, std::stod(v, &used));
            }
            catch (const std::exception &)
            {
                ok = false;
            }
            if (!ok || used != v.size())
            {
                sqlite3_finalize(stmt);
                return fail({ "BAD_REQUEST",
                    "[CAST_INVALID_INPUT] The value '" + v + "' of the type \"STRING\" cannot be cast to \""
                        + upper(p->second.type) + "\" because it is malformed. SQLSTATE: 22018",
                    "22018" });
            }
            continue;
        }
        sqlite3_bind_text(stmt, k, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
    nlohmann::json columns = nlohmann::json::array();
    const int columnCount = sqlite3_column_count(stmt);
    for (int k = 0; k < columnCount; ++k)
    {
        const std::string type = databricksType(sqlite3_column_decltype(stmt, k));
        columns.push_back({ { "name", sqlite3_column_name(stmt, k) }, { "type_name", type }, { "type_text", type },
            { "position", k } });
    }
    nlohmann::json rows = nlohmann::json::array();
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
    {
        nlohmann::json row = nlohmann::json::array();
        for (int k = 0; k < columnCount; ++k)
        {
            // JSON_ARRAY results carry every value as a string (or null).
            const auto *text = sqlite3_column_text(stmt, k);
            row.push_back(text ? nlohmann::json(reinterpret_cast<const char *>(text)) : nlohmann::json());
        }
        rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE)
    {
        const std::string why = sqlite3_errmsg(db);
        sqlite3_finalize(stmt);
        return fail({ "BAD_REQUEST", "[DELTA_INVALID_WRITE] " + why + ". SQLSTATE: 22000", "22000" });
    }
    sqlite3_finalize(stmt);
    if (columnCount == 0 && findKeyword(st.text, 0, "INSERT") != std::string::npos)
    {
        // An INSERT answers its counts (as Databricks SQL does).
        const std::string n = std::to_string(sqlite3_changes(db));
        columns = { { { "name", "num_affected_rows" }, { "type_name", "LONG" }, { "type_text", "LONG" },
                        { "position", 0 } },
            { { "name", "num_inserted_rows" }, { "type_name", "LONG" }, { "type_text", "LONG" }, { "position", 1 } } };
        rows = nlohmann::json::array({ nlohmann::json::array({ n, n }) });
    }
    const auto count = rows.size();
    st.state = "SUCCEEDED";
    st.result = { { "manifest",
                      { { "format", "JSON_ARRAY" },
                          { "schema", { { "column_count", columns.size() }, { "columns", columns } } },
                          { "total_row_count", count }, { "total_chunk_count", 1 }, { "truncated", false },
                          { "chunks", { { { "chunk_index", 0 }, { "row_offset", 0 }, { "row_count", count } } } } } },
        { "result",
            { { "chunk_index", 0 }, { "row_offset", 0 }, { "row_count", count }, { "data_array", rows } } } };
}

void DatabricksSql::Impl::advance(Statement &st)
{
    if (st.state != "PENDING" && st.state != "RUNNING")
        return;
    if (st.pendingPolls > 0)
    {
        --st.pendingPolls;
        st.state = "PENDING";
    }
    else if (st.runningPolls > 0)
    {
        --st.runningPolls;
        st.state = "RUNNING";
    }
    else
    {
        run(st);
    }
}

nlohmann::json DatabricksSql::Impl::answer(const Statement &st)
{
    nlohmann::json body = { { "statement_id", st.id }, { "status", { { "state", st.state } } } };
    if (st.state == "FAILED")
    {
        body["status"]["error"] = st.result.at("error");
        body["status"]["sql_state"] = st.result.at("sql_state");
    }
    else if (st.state == "SUCCEEDED")
    {
        body["manifest"] = st.result.at("manifest");
        body["result"] = st.result.at("result");
    }
    return body;
}

void DatabricksSql::Impl::execute(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.sql.execute");
    if (!authorised(req, res))
        return;
    const auto body = parseJsonBody(req, res, false);
    if (!body)
        return;
    const auto invalid = [&res](const std::string &message)
    { sendDbxError(res, 400, "INVALID_PARAMETER_VALUE", message); };
    if (!body->contains("statement") || !(*body)["statement"].is_string())
        return invalid("statement is required");
    if (!body->contains("warehouse_id") || !(*body)["warehouse_id"].is_string())
        return invalid("warehouse_id is required");
    Statement st;
    st.text = (*body)["statement"].get<std::string>();
    if (st.text.size() > kMaxStatementBytes)
        return invalid("The statement is too long: " + std::to_string(st.text.size())
            + " bytes were given but the limit is 16 MiB.");
    st.catalog = body->value("catalog", std::string("main"));
    st.schema = body->value("schema", std::string("default"));
    // wait_timeout: "0s" or "5s".."50s" (default 10s); on_wait_timeout: CONTINUE (default) | CANCEL.
    const std::string wait = body->value("wait_timeout", std::string("10s"));
    int waitS = -1;
    if (wait.size() >= 2 && wait.back() == 's'
        && std::all_of(wait.begin(), wait.end() - 1, [](unsigned char ch) { return std::isdigit(ch); }))
        waitS = std::atoi(wait.c_str());
    if (waitS != 0 && (waitS < 5 || waitS > 50))
        return invalid("wait_timeout must be 0s or between 5s and 50s, got '" + wait + "'.");
    const std::string onTimeout = body->value("on_wait_timeout", std::string("CONTINUE"));
    if (onTimeout != "CONTINUE" && onTimeout != "CANCEL")
        return invalid("on_wait_timeout must be CONTINUE or CANCEL.");
    const nlohmann::json params = body->value("parameters", nlohmann::json::array());
    if (!params.is_array())
        return invalid("parameters must be an array of {name, value, type}.");
    if (params.size() > kMaxParameters)
        return invalid("Parameterized query has too many parameters: " + std::to_string(params.size())
            + " parameters were given but the limit is 256.");
    for (const auto &p : params)
    {
        if (!p.is_object() || !p.contains("name") || !p["name"].is_string() || p["name"].get<std::string>().empty())
            return invalid("Every parameter needs a name.");
        Parameter parameter;
        if (p.contains("value") && p["value"].is_string())
            parameter.value = p["value"].get<std::string>();
        else if (p.contains("value") && !p["value"].is_null())
            return invalid("The value of parameter " + p["name"].get<std::string>() + " must be a string.");
        parameter.type = p.value("type", std::string("STRING"));
        if (sqliteType(parameter.type).empty())
            return invalid("Unsupported parameter type " + parameter.type + " (ARRAY, MAP and STRUCT are not allowed).");
        st.parameters[p["name"].get<std::string>()] = parameter;
    }

    std::lock_guard lock(mutex);
    const std::string warehouseId = (*body)["warehouse_id"].get<std::string>();
    // Request-level problem: a normal HTTP error, not a FAILED statement (§2) — code and words [inferred].
    if (!warehouse(warehouseId))
        return sendDbxError(res, 404, "RESOURCE_DOES_NOT_EXIST", "Warehouse " + warehouseId + " does not exist.");
    st.id = "01f0" + jwt::toHex(jwt::sha256Raw(jwt::randomUrlSafe(16))).substr(0, 28);
    st.id = st.id.substr(0, 8) + "-" + st.id.substr(8, 4) + "-" + st.id.substr(12, 4) + "-" + st.id.substr(16, 4)
        + "-" + st.id.substr(20, 12);
    st.state = "PENDING";
    st.pendingPolls = pendingPolls;
    st.runningPolls = runningPolls;
    if (waitS > 0)
    {
        // Waits (approximately, §2) for the statement: a fast one finishes inside the call.
        if (st.pendingPolls == 0 && st.runningPolls == 0)
            run(st);
        else if (onTimeout == "CANCEL")
            st.state = "CANCELED";
        else
            st.state = st.pendingPolls > 0 ? "PENDING" : "RUNNING";
    }
    const nlohmann::json out = answer(st);
    statements[st.id] = std::move(st);
    sendJsonBody(res, 200, out);
}

DatabricksSql::Impl::Statement *DatabricksSql::Impl::statement(const std::string &id, httplib::Response &res)
{
    const auto it = statements.find(id);
    if (it != statements.end())
        return &it->second;
    sendDbxError(res, 404, "RESOURCE_DOES_NOT_EXIST", "Statement " + id + " not found.");
    return nullptr;
}

void DatabricksSql::Impl::poll(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.sql.get");
    if (!authorised(req, res))
        return;
    std::lock_guard lock(mutex);
    Statement *st = statement(req.matches[1].str(), res);
    if (!st)
        return;
    advance(*st);
    sendJsonBody(res, 200, answer(*st));
}

void DatabricksSql::Impl::cancel(const httplib::Request &req, httplib::Response &res)
{
    nameRequest("dbx.sql.cancel");
    if (!authorised(req, res))
        return;
    std::lock_guard lock(mutex);
    Statement *st = statement(req.matches[1].str(), res);
    if (!st)
        return;
    if (st->state == "PENDING" || st->state == "RUNNING")
        st->state = "CANCELED";
    sendJsonBody(res, 200, nlohmann::json::object());
}

void DatabricksSql::Impl::dump(const httplib::Request &req, httplib::Response &res)
{
    const std::vector<std::string> parts = splitName(req.get_param_value("table"));
    if (parts.size() != 3)
        return sendJsonBody(res, 400, { { "error", "table=CATALOG.SCHEMA.TABLE is required" } });
    const std::string name = lower(parts[0] + "." + parts[1] + "." + parts[2]);
    std::lock_guard lock(mutex);
    sqlite3_stmt *stmt = nullptr;
    const std::string sql = "SELECT * FROM \"" + name + "\" ORDER BY rowid";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    {
        sqlite3_finalize(stmt);
        return sendJsonBody(res, 404, { { "error", "no table " + name } });
    }
    nlohmann::json columns = nlohmann::json::array();
    for (int k = 0; k < sqlite3_column_count(stmt); ++k)
        columns.push_back(sqlite3_column_name(stmt, k));
    nlohmann::json rows = nlohmann::json::array();
    while (sqlite3_step(stmt) == SQLITE_ROW)
    {
        nlohmann::json row = nlohmann::json::array();
        for (int k = 0; k < sqlite3_column_count(stmt); ++k)
        {
            switch (sqlite3_column_type(stmt, k))
            {
            case SQLITE_INTEGER:
                row.push_back(sqlite3_column_int64(stmt, k));
                break;
            case SQLITE_FLOAT:
                row.push_back(sqlite3_column_double(stmt, k));
                break;
            case SQLITE_NULL:
                row.push_back(nullptr);
                break;
            default:
                row.push_back(reinterpret_cast<const char *>(sqlite3_column_text(stmt, k)));
                break;
            }
        }
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    sendJsonBody(res, 200, { { "columns", columns }, { "rows", rows } });
}

DatabricksSql::DatabricksSql(TokenAuthority &auth, const nlohmann::json &config)
    : m_d(std::make_unique<Impl>(auth))
{
    if (config.is_object() && config.contains("warehouses") && config["warehouses"].is_array())
        for (const auto &w : config["warehouses"])
            if (w.is_object() && w.contains("id") && w["id"].is_string())
                m_d->warehouses.push_back({ { "id", w["id"] }, { "name", w.value("name", w["id"].get<std::string>()) } });
    if (m_d->warehouses.empty())
        m_d->warehouses.push_back({ { "id", kDefaultWarehouse }, { "name", "Sandbox Serverless Warehouse" } });
    for (auto &w : m_d->warehouses)
    {
        w["state"] = "RUNNING";
        w["cluster_size"] = "2X-Small";
        w["warehouse_type"] = "PRO";
        w["enable_serverless_compute"] = true;
        w["num_clusters"] = 1;
        w["auto_stop_mins"] = 10;
        w["health"] = { { "status", "HEALTHY" } };
    }
    reset();
}

DatabricksSql::~DatabricksSql() = default;

void DatabricksSql::applyFaults(const nlohmann::json &faults)
{
    if (!faults.is_object())
        return;
    std::lock_guard lock(m_d->mutex);
    if (faults.contains("pending_polls") && faults["pending_polls"].is_number_integer())
        m_d->pendingPolls = std::max(0, faults["pending_polls"].get<int>());
    if (faults.contains("running_polls") && faults["running_polls"].is_number_integer())
        m_d->runningPolls = std::max(0, faults["running_polls"].get<int>());
}

void DatabricksSql::reset()
{
    std::lock_guard lock(m_d->mutex);
    m_d->statements.clear();
    m_d->pendingPolls = 0;
    m_d->runningPolls = 0;
    m_d->openDb();
}

void DatabricksSql::registerRoutes(httplib::Server &server)
{
    Impl *d = m_d.get();
    server.Post("/api/2.0/sql/statements",
        [d](const httplib::Request &req, httplib::Response &res) { d->execute(req, res); });
    server.Get(R"(/api/2\.0/sql/statements/([A-Za-z0-9-]+))",
        [d](const httplib::Request &req, httplib::Response &res) { d->poll(req, res); });
    server.Post(R"(/api/2\.0/sql/statements/([A-Za-z0-9-]+)/cancel)",
        [d](const httplib::Request &req, httplib::Response &res) { d->cancel(req, res); });
    server.Get("/api/2.0/sql/warehouses",
        [d](const httplib::Request &req, httplib::Response &res)
        {
            nameRequest("dbx.sql.warehouses");
            if (!d->authorised(req, res))
                return;
            std::lock_guard lock(d->mutex);
            sendJsonBody(res, 200, { { "warehouses", d->warehouses } });
        });
    server.Get(R"(/api/2\.0/sql/warehouses/([A-Za-z0-9-]+))",
        [d](const httplib::Request &req, httplib::Response &res)
        {
            nameRequest("dbx.sql.warehouses");
            if (!d->authorised(req, res))
                return;
            std::lock_guard lock(d->mutex);
            const auto w = d->warehouse(req.matches[1].str());
            if (!w)
                return sendDbxError(
                    res, 404, "RESOURCE_DOES_NOT_EXIST", "Warehouse " + req.matches[1].str() + " does not exist.");
            sendJsonBody(res, 200, *w);
        });
    server.Get("/_sandbox/sql", [d](const httplib::Request &req, httplib::Response &res) { d->dump(req, res); });
}

} // namespace sandbox
