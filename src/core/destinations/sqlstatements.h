// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/error.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Dest
{
class DatabricksClient;

/// One named parameter of a statement: the text uses `:name`; `value` nullopt is SQL NULL; `type` a SQL type
/// ("STRING", "BIGINT", "TIMESTAMP", "DOUBLE"…) the server casts the value to (reference databricks-wave2.md §2).
struct SqlParameter
{
    QString name;
    std::optional<QString> value;
    QString type = QStringLiteral("STRING");
};

/// What one statement came to.
struct SqlResult
{
    QString statementId;
    QString state;       ///< the final state: SUCCEEDED, FAILED, CANCELED, CLOSED (empty when never accepted)
    QString sqlState;    ///< FAILED: the SQLSTATE ("42601")
    QStringList columns; ///< SUCCEEDED: the result's column names
    QList<QStringList> rows; ///< SUCCEEDED: the first chunk's rows (JSON_ARRAY, INLINE), values as text
    Net::Error error;    ///< set unless SUCCEEDED: an HTTP error, or the statement's own error (Permanent)
};

/**
 * The SQL Statement Execution API 2.0 on one workspace's DatabricksClient (its queue, retries and token):
 *
 *   execute() ─▶ POST /api/2.0/sql/statements {warehouse_id, statement, parameters, wait_timeout}
 *        │  SUCCEEDED / FAILED / CANCELED / CLOSED ──────────────────────────────▶ done(result)
 *        └─ PENDING / RUNNING ─▶ wait (100 ms, doubling to 5 s) ─▶ GET …/statements/{id} ─┘ (again until final)
 *
 * A statement that fails in SQL comes back HTTP 200 with state FAILED: done() gets it as a Permanent error
 * carrying the server's message and SQLSTATE. Request-level problems (unknown warehouse, too many parameters,
 * auth) are the client's HTTP errors. `done` runs once, on this object's thread, unless `context` died first.
 */
class SqlStatements final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlStatements)

public:
    using Done = std::function<void(const SqlResult &result)>;

    SqlStatements(DatabricksClient *client, const QString &warehouseId, QObject *parent = nullptr);

    /// How long the server may hold the submit before answering ("0s" or "5s".."50s"; default "10s").
    void setWaitTimeout(const QString &waitTimeout) { m_waitTimeout = waitTimeout; }
    /// The first pause between polls (doubles up to 5 s); default 100 ms.
    void setPollInterval(int ms) { m_firstPollMs = qMax(1, ms); }

    void execute(const QString &statement, const QList<SqlParameter> &parameters, QObject *context, Done done);

    /// The request body execute() sends (exposed for tests).
    [[nodiscard]] QByteArray requestBody(const QString &statement, const QList<SqlParameter> &parameters) const;
    /// Reads one answer (submit or poll); `result.state` empty when the body is not a statement answer.
    [[nodiscard]] static SqlResult parseAnswer(const QByteArray &body);
    [[nodiscard]] static bool isFinal(const QString &state);

private:
    struct Run;
    void handle(const std::shared_ptr<Run> &run, const Net::Error &error, const QByteArray &body);
    void poll(const std::shared_ptr<Run> &run);

    DatabricksClient *m_client;
    QString m_warehouseId;
    QString m_waitTimeout = QStringLiteral("10s");
    int m_firstPollMs = 100;
};

} // namespace Dest
