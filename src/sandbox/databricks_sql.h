// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <nlohmann/json.hpp>

namespace httplib
{
class Server;
} // namespace httplib

namespace sandbox
{

class TokenAuthority;

/// The SQL Statement Execution API 2.0 and SQL warehouses (reference: databricks-wave2.md §2), executed for real
/// against an in-memory SQLite table store: a Databricks table `catalog.schema.table` is the SQLite table named
/// by its full name in lower case. Statements understood: `CREATE TABLE [IF NOT EXISTS] name (col TYPE, …)
/// [USING DELTA]`, `INSERT INTO name …` and `SELECT … FROM name …`, with named `:markers` bound from the request's
/// `parameters` (typed as `cast` would); names may be 1–3 parts (the request's `catalog`/`schema` fill the rest)
/// or `IDENTIFIER(:param)`. Anything else is a statement that FAILED (HTTP 200) with PARSE_SYNTAX_ERROR.
/// Thread-safe.
///
/// `config` is the manifest "databricks" section; its optional `"warehouses": [{"id", "name"}]` replaces the
/// built-in warehouse (`kDefaultWarehouse`, "Sandbox Serverless Warehouse", RUNNING).
class DatabricksSql
{
public:
    static constexpr const char *kDefaultWarehouse = "a7c3e1f09b2d4e68";

    DatabricksSql(TokenAuthority &auth, const nlohmann::json &config);
    ~DatabricksSql();
    DatabricksSql(const DatabricksSql &) = delete;
    DatabricksSql &operator=(const DatabricksSql &) = delete;

    /// /api/2.0/sql/statements[/{id}[/cancel]], /api/2.0/sql/warehouses[/{id}], GET /_sandbox/sql?table=NAME
    /// (the table as {"columns":[names…],"rows":[[values…]…]}, values typed as stored; 404 for an unknown table).
    void registerRoutes(httplib::Server &server);
    /// The "sql" object of POST /_sandbox/faults (keys absent keep their value): {"pending_polls": N,
    /// "running_polls": N} — every statement submitted afterwards answers PENDING for its first N polls, then
    /// RUNNING for the next N, before it executes (a slow warehouse, reproducible).
    void applyFaults(const nlohmann::json &faults);
    /// Drops every table and statement and the faults.
    void reset();

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

} // namespace sandbox
