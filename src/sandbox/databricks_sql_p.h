// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internals of DatabricksSql, shared by databricks_sql.cpp (service, execution, routes) and databricks_sql_text.cpp
// (reading a statement's text into SQLite's words). Not part of the sandbox's interface.

#include "databricks_sql.h"

#include <functional>
#include <httplib.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace sandbox
{

class TokenAuthority;

inline constexpr std::size_t kMaxStatementBytes = 16ULL << 20; ///< §2: statement text ≤ 16 MiB
inline constexpr std::size_t kMaxParameters = 256; ///< §2: "the limit is 256" (drivers' server error; REST [inferred])

/// A statement that FAILED in SQL (HTTP 200, state FAILED): §2, "A statement that fails in SQL comes back HTTP 200".
struct SqlError
{
    std::string errorCode; ///< status.error.error_code (ServiceErrorCode)
    std::string message; ///< "[ERROR_CLASS] words"
    std::string sqlState;
};

/// A cursor over a statement's text: keywords, names and markers, quotes skipped as a unit.
struct Cursor
{
    const std::string &s;
    std::size_t i = 0;

    void skipWs();
    /// `kw` (any case) as a whole word next; consumed when true.
    bool keyword(const char *kw);
    bool consume(char c);
    /// One identifier part: `quoted` or [A-Za-z0-9_]+.
    std::optional<std::string> part();
};

/// Splits "a.b.c" (unquoted or `quoted` parts) into its parts; empty when it is not 1–3 identifier parts.
std::vector<std::string> splitName(const std::string &text);
/// Where `kw` appears next as a word outside quotes, from `from`; npos when nowhere.
std::size_t findKeyword(const std::string &s, std::size_t from, const std::string &kw);
std::string upper(std::string s);
/// A Databricks column or parameter type as SQLite declares it (TEXT, INTEGER, REAL); empty when unsupported.
std::string sqliteType(const std::string &type);
/// SQLite's declared type back in Databricks' words, for the result manifest.
std::string databricksType(const char *decl);
SqlError syntaxError(const std::string &near);

struct Parameter
{
    std::optional<std::string> value; ///< nullopt: NULL
    std::string type = "STRING";
};
using Parameters = std::map<std::string, Parameter>;

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
    void dump(const httplib::Request &req, httplib::Response &res);

    /// A route on the statement in the route's capture (auth, lock, 404 RESOURCE_DOES_NOT_EXIST when unknown):
    /// `act`'s answer is sent with 200.
    void onStatement(const httplib::Request &req, httplib::Response &res, const char *route,
        const std::function<nlohmann::json(Statement &)> &act);
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

} // namespace sandbox
