// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/ingestlog.h"

#include "transfer/reportformat.h"
#include "util/redactor.h"

#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
/// The table's columns: shared ones take one parameter a statement, per-file ones one a row.
struct Column
{
    QString name;
    QString type;
    bool shared;
};

const QList<Column> &columnTable()
{
    static const QList<Column> table {
        {u"run_id"_s, u"STRING"_s, true},
        {u"job"_s, u"STRING"_s, true},
        {u"drive_id"_s, u"STRING"_s, false},
        {u"drive_path"_s, u"STRING"_s, false},
        {u"revision"_s, u"STRING"_s, false},
        {u"destination_path"_s, u"STRING"_s, false},
        {u"bytes"_s, u"BIGINT"_s, false},
        {u"md5"_s, u"STRING"_s, false},
        {u"sha256"_s, u"STRING"_s, false},
        {u"status"_s, u"STRING"_s, false},
        {u"reason"_s, u"STRING"_s, false},
        {u"reason_code"_s, u"STRING"_s, false},
        {u"seconds"_s, u"DOUBLE"_s, false},
        {u"run_started_at"_s, u"TIMESTAMP"_s, true},
        {u"run_finished_at"_s, u"TIMESTAMP"_s, true},
        {u"tool_version"_s, u"STRING"_s, true},
    };
    return table;
}

std::optional<QString> textOrNull(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return text;
}

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs); // as the JSON report writes it
}

/// One file's per-file values, in columnTable() order of the per-file columns.
QList<std::optional<QString>> fileValues(const FileStatus &file)
{
    const ReportFormat::Reason reason = ReportFormat::reasonOf(file);
    const qsizetype colon = file.hash.indexOf(u':');
    const QString algorithm = colon > 0 ? file.hash.left(colon).toLower() : QString();
    const QString digest = colon > 0 ? file.hash.mid(colon + 1) : QString();
    return {
        textOrNull(file.driveId),
        textOrNull(file.drivePath),
        std::nullopt, // revision: not in the report
        textOrNull(file.destinationPath),
        QString::number(file.bytesDone),
        algorithm == u"md5"_s ? textOrNull(digest) : std::nullopt,
        algorithm == u"sha256"_s ? textOrNull(digest) : std::nullopt,
        fileStateName(file.state),
        textOrNull(reason.text),
        textOrNull(reason.code),
        QString::number(file.seconds, 'g', 17),
    };
}
} // namespace

QString IngestLogTarget::tableProblem(const QString &table)
{
    static const QRegularExpression part(uR"((?:[A-Za-z0-9_]+|`[^`.]+`))"_s);
    static const QRegularExpression name(u"^"_s + part.pattern() + u"\\."_s + part.pattern() + u"\\."_s + part.pattern() + u"$"_s);
    if (name.match(table).hasMatch())
        return {};
    return IngestLog::tr("\"%1\" is not a table name of the form CATALOG.SCHEMA.TABLE (letters, digits and _; or `quoted`)")
        .arg(table);
}

IngestLogRun IngestLogRun::make(const QString &job)
{
    return {QUuid::createUuid().toString(QUuid::WithoutBraces), job, QStringLiteral(DI_VERSION)};
}

QString IngestLogRun::jobOf(QStringList sourceIds, const QString &destination)
{
    if (sourceIds.isEmpty())
        return destination;
    sourceIds.sort();
    return sourceIds.join(u',') + u" -> "_s + destination;
}

QString IngestLogOutcome::text() const
{
    if (ok())
        return (rowsWritten == 1 ? IngestLog::tr("Ingest log: %n row written to %1", nullptr, rowsWritten)
                                 : IngestLog::tr("Ingest log: %n rows written to %1", nullptr, rowsWritten))
            .arg(table);
    return IngestLog::tr("Ingest log failed: %1 (%2 of %3 rows written to %4)")
        .arg(Util::redact(error))
        .arg(rowsWritten)
        .arg(rowsTotal)
        .arg(table);
}

QStringList IngestLog::columns()
{
    QStringList names;
    for (const Column &column : columnTable())
        names.append(column.name);
    return names;
}

QString IngestLog::createStatement()
{
    QStringList defs;
    for (const Column &column : columnTable())
        defs.append(column.name + u' ' + column.type);
    return u"CREATE TABLE IF NOT EXISTS IDENTIFIER(:tbl) ("_s + defs.join(u", "_s) + u") USING DELTA"_s;
}

IngestLog::Statement IngestLog::create(const QString &table)
{
    return {createStatement(), {{u"tbl"_s, table, u"STRING"_s}}, 0};
}

QList<IngestLog::Statement> IngestLog::inserts(const QString &table, const Report &report, const IngestLogRun &run,
                                               int maxParams)
{
    const QList<Column> &all = columnTable();
    const QList<Dest::SqlParameter> shared {
        {u"tbl"_s, table, u"STRING"_s},
        {u"run_id"_s, run.runId, u"STRING"_s},
        {u"job"_s, textOrNull(run.job), u"STRING"_s},
        {u"run_started_at"_s, textOrNull(timestamp(report.startedAt)), u"TIMESTAMP"_s},
        {u"run_finished_at"_s, textOrNull(timestamp(report.finishedAt)), u"TIMESTAMP"_s},
        {u"tool_version"_s, run.toolVersion, u"STRING"_s},
    };
    QList<Column> perFile;
    for (const Column &column : all)
        if (!column.shared)
            perFile.append(column);
    const int rowsPerStatement = qMax(1, int((maxParams - shared.size()) / perFile.size()));

    QList<Statement> statements;
    auto file = report.files.begin();
    while (file != report.files.end())
    {
        Statement statement;
        statement.parameters = shared;
        QStringList tuples;
        for (; file != report.files.end() && statement.rows < rowsPerStatement; ++file)
        {
            const QList<std::optional<QString>> values = fileValues(*file);
            QStringList cells;
            int k = 0;
            for (const Column &column : all)
            {
                if (column.shared)
                {
                    cells.append(u':' + column.name);
                    continue;
                }
                const QString marker = u"r%1_%2"_s.arg(statement.rows).arg(k);
                cells.append(u':' + marker);
                statement.parameters.append({marker, values.at(k), column.type});
                ++k;
            }
            tuples.append(u'(' + cells.join(u", "_s) + u')');
            ++statement.rows;
        }
        statement.text = u"INSERT INTO IDENTIFIER(:tbl) ("_s + columns().join(u", "_s) + u") VALUES "_s + tuples.join(u", "_s);
        statements.append(statement);
    }
    return statements;
}

IngestLogWriter::IngestLogWriter(Dest::DatabricksClient *client, const IngestLogTarget &target, QObject *parent)
    : QObject(parent)
    , m_statements(new Dest::SqlStatements(client, target.warehouseId, this))
    , m_target(target)
{
}

void IngestLogWriter::write(const Report &report, const IngestLogRun &run)
{
    m_outcome = {};
    m_outcome.table = m_target.table;
    m_outcome.rowsTotal = int(report.files.size());
    m_pending = {IngestLog::create(m_target.table)};
    m_pending.append(IngestLog::inserts(m_target.table, report, run));
    next();
}

void IngestLogWriter::next()
{
    if (m_pending.isEmpty())
    {
        emit finished(m_outcome);
        return;
    }
    const IngestLog::Statement statement = m_pending.takeFirst();
    m_statements->execute(statement.text, statement.parameters, this,
                          [this, rows = statement.rows](const Dest::SqlResult &result)
                          {
                              if (result.error.isError())
                              {
                                  m_pending.clear();
                                  m_outcome.error = result.error.message.isEmpty() ? result.error.toString()
                                                                                   : result.error.message;
                                  emit finished(m_outcome);
                                  return;
                              }
                              m_outcome.rowsWritten += rows;
                              next();
                          });
}

} // namespace Transfer
