// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/sqlstatements.h"
#include "transfer/snapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Dest
{
class DatabricksClient;
}

namespace Transfer
{
/// Where a run's ingest log goes: `--log-table CATALOG.SCHEMA.TABLE --warehouse ID`, or the app's settings.
struct IngestLogTarget
{
    QString table;       ///< "catalog.schema.table" as typed
    QString warehouseId; ///< the SQL warehouse that runs the statements

    [[nodiscard]] bool isSet() const { return !table.isEmpty(); }
    /// Empty when `table` is three identifier parts (letters, digits, '_'; optionally `quoted`); otherwise why
    /// not, translated.
    [[nodiscard]] static QString tableProblem(const QString &table);
};

/// The run the rows belong to (the same on every row).
struct IngestLogRun
{
    QString runId;       ///< a new UUID per run (make())
    QString job;         ///< what the run moved where (the caller's job identity)
    QString toolVersion; ///< DI_VERSION
    [[nodiscard]] static IngestLogRun make(const QString &job);
    /// The `job` of a run: what it moved where, "<id>[,<id>…] -> <destination>" (ids sorted), or the destination
    /// alone when the sources are not known (the app hands its queue to the engine).
    [[nodiscard]] static QString jobOf(QStringList sourceIds, const QString &destination);
};

/// What happened to the log: rows written, or why not. Never changes the run's own outcome.
struct IngestLogOutcome
{
    QString table;
    int rowsWritten = 0;
    int rowsTotal = 0;
    QString error; ///< empty when every row was written
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
    /// "Ingest log: 12 rows written to c.s.t" or "Ingest log failed: <why> (4 of 12 rows written to c.s.t)".
    [[nodiscard]] QString text() const;
};

/**
 * The ingest log table (issue 13): one row per file of the run's Transfer::Report, the same per-file rows as the
 * JSON report, appended with the SQL Statement Execution API (reference databricks-wave2.md §2):
 *
 *   CREATE TABLE IF NOT EXISTS IDENTIFIER(:tbl) (run_id STRING, job STRING, drive_id STRING, drive_path STRING,
 *     revision STRING, destination_path STRING, bytes BIGINT, md5 STRING, sha256 STRING, status STRING,
 *     reason STRING, reason_code STRING, seconds DOUBLE, run_started_at TIMESTAMP, run_finished_at TIMESTAMP,
 *     tool_version STRING) USING DELTA
 *   INSERT INTO IDENTIFIER(:tbl) (…) VALUES (:run_id, :job, :r0_0, …), (…)      one typed parameter a cell
 *
 * Run-wide values are shared parameters; each row adds one a per-file column, so a statement holds
 * floor((256 - shared) / per-file) rows and never more than 256 parameters (the API's cap). Empty texts are
 * NULL; md5/sha256 split the report's "algo:hex" hash; revision is NULL (the report does not carry it);
 * run_started_at/run_finished_at are the run's times (a report file has only its `seconds`).
 */
class IngestLog final
{
    Q_DECLARE_TR_FUNCTIONS(Transfer::IngestLog)

public:
    static constexpr int maxParameters = 256;

    [[nodiscard]] static QStringList columns(); ///< in table order
    [[nodiscard]] static QString createStatement();

    struct Statement
    {
        QString text;
        QList<Dest::SqlParameter> parameters;
        int rows = 0;
    };
    [[nodiscard]] static Statement create(const QString &table);
    /// The INSERTs for every file of `report`, in report order, each within `maxParams` parameters.
    [[nodiscard]] static QList<Statement> inserts(const QString &table, const Report &report, const IngestLogRun &run,
                                                  int maxParams = maxParameters);
};

/// Creates the table if missing and appends the run's rows, one statement after the other (each polled to a
/// final state); the first failure ends it. finished() once.
class IngestLogWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestLogWriter)

public:
    IngestLogWriter(Dest::DatabricksClient *client, const IngestLogTarget &target, QObject *parent = nullptr);

    [[nodiscard]] Dest::SqlStatements *statements() const { return m_statements; }
    void write(const Report &report, const IngestLogRun &run);

signals:
    void finished(const Transfer::IngestLogOutcome &outcome);

private:
    void next();

    Dest::SqlStatements *m_statements;
    IngestLogTarget m_target;
    QList<IngestLog::Statement> m_pending;
    IngestLogOutcome m_outcome;
};

} // namespace Transfer

Q_DECLARE_METATYPE(Transfer::IngestLogOutcome)
