// SPDX-License-Identifier: GPL-3.0-or-later
// SQL Statement Execution API 2.0 and SQL warehouses (reference: databricks-wave2.md §2) on an in-memory SQLite.
#include "databricks_sql.h"

#include "databricks_p.h"
#include "databricks_sql_p.h"
#include "jwt.h"
#include "oauth.h"

#include <algorithm>
#include <cctype>

namespace sandbox
{

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
        if (upper(p->second.type) == "BOOLEAN" && (lower(v) == "true" || lower(v) == "false"))
        {
            sqlite3_bind_int(stmt, k, lower(v) == "true" ? 1 : 0);
            continue;
        }
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

void DatabricksSql::Impl::onStatement(const httplib::Request &req, httplib::Response &res, const char *route,
    const std::function<nlohmann::json(Statement &)> &act)
{
    nameRequest(route);
    if (!authorised(req, res))
        return;
    std::lock_guard lock(mutex);
    const auto it = statements.find(req.matches[1].str());
    if (it == statements.end())
        return sendDbxError(res, 404, "RESOURCE_DOES_NOT_EXIST", "Statement " + req.matches[1].str() + " not found.");
    sendJsonBody(res, 200, act(it->second));
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
        [d](const httplib::Request &req, httplib::Response &res)
        {
            d->onStatement(req, res, "dbx.sql.get",
                [d](Impl::Statement &st)
                {
                    d->advance(st);
                    return Impl::answer(st);
                });
        });
    server.Post(R"(/api/2\.0/sql/statements/([A-Za-z0-9-]+)/cancel)",
        [d](const httplib::Request &req, httplib::Response &res)
        {
            d->onStatement(req, res, "dbx.sql.cancel",
                [](Impl::Statement &st)
                {
                    // Best effort (§2): a statement already final stays as it ended.
                    if (st.state == "PENDING" || st.state == "RUNNING")
                        st.state = "CANCELED";
                    return nlohmann::json::object();
                });
        });
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
