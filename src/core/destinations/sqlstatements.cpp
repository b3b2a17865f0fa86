// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/sqlstatements.h"

#include "destinations/databricksclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
constexpr int maxPollMs = 5000;
} // namespace

struct SqlStatements::Run
{
    QPointer<QObject> context;
    bool hasContext = false;
    Done done;
    QString statementId;
    int nextPollMs = 100;
};

SqlStatements::SqlStatements(DatabricksClient *client, const QString &warehouseId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_warehouseId(warehouseId)
{
}

QByteArray SqlStatements::requestBody(const QString &statement, const QList<SqlParameter> &parameters) const
{
    QJsonArray params;
    for (const SqlParameter &p : parameters)
    {
        QJsonObject param {{u"name"_s, p.name}, {u"type"_s, p.type}};
        if (p.value)
            param.insert(u"value"_s, *p.value); // omitted = NULL
        params.append(param);
    }
    QJsonObject body {
        {u"warehouse_id"_s, m_warehouseId},
        {u"statement"_s, statement},
        {u"wait_timeout"_s, m_waitTimeout},
        {u"on_wait_timeout"_s, u"CONTINUE"_s},
        {u"disposition"_s, u"INLINE"_s},
        {u"format"_s, u"JSON_ARRAY"_s},
    };
    if (!params.isEmpty())
        body.insert(u"parameters"_s, params);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

bool SqlStatements::isFinal(const QString &state)
{
    return state == u"SUCCEEDED"_s || state == u"FAILED"_s || state == u"CANCELED"_s || state == u"CLOSED"_s;
}

SqlResult SqlStatements::parseAnswer(const QByteArray &body)
{
    SqlResult result;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QJsonObject status = json.value(u"status"_s).toObject();
    result.statementId = json.value(u"statement_id"_s).toString();
    result.state = status.value(u"state"_s).toString();
    result.sqlState = status.value(u"sql_state"_s).toString();
    for (const QJsonValue &column : json.value(u"manifest"_s).toObject().value(u"schema"_s).toObject().value(u"columns"_s).toArray())
        result.columns.append(column.toObject().value(u"name"_s).toString());
    for (const QJsonValue &row : json.value(u"result"_s).toObject().value(u"data_array"_s).toArray())
    {
        QStringList values;
        for (const QJsonValue &value : row.toArray())
            values.append(value.toString());
        result.rows.append(values);
    }
    if (result.state == u"SUCCEEDED"_s || !isFinal(result.state))
        return result;
    result.error.errorClass = Net::ErrorClass::Permanent;
    const QJsonObject error = status.value(u"error"_s).toObject();
    result.error.reason = error.value(u"error_code"_s).toString(result.state);
    const QString message = error.value(u"message"_s).toString();
    result.error.message = !message.isEmpty() ? message
        : result.state == u"FAILED"_s         ? tr("the statement failed")
                                              : tr("the statement ended %1").arg(result.state);
    return result;
}

void SqlStatements::execute(const QString &statement, const QList<SqlParameter> &parameters, QObject *context, Done done)
{
    auto run = std::make_shared<Run>();
    run->context = context;
    run->hasContext = context != nullptr;
    run->done = std::move(done);
    run->nextPollMs = m_firstPollMs;
    m_client->call("POST"_ba, m_client->url("/api/2.0/sql/statements"_ba), requestBody(statement, parameters),
                   "application/json"_ba, this,
                   [this, run](const Net::Error &error, const DatabricksResponse &response) { handle(run, error, response.body); });
}

void SqlStatements::handle(const std::shared_ptr<Run> &run, const Net::Error &error, const QByteArray &body)
{
    if (run->hasContext && !run->context)
        return;
    SqlResult result;
    if (error.isError())
    {
        result.statementId = run->statementId;
        result.error = error;
        run->done(result);
        return;
    }
    result = parseAnswer(body);
    if (result.state.isEmpty())
    {
        result.error = {Net::ErrorClass::Permanent, 0, u"badAnswer"_s, tr("the SQL statements API gave an answer without a state")};
        run->done(result);
        return;
    }
    if (!run->statementId.isEmpty() && result.statementId.isEmpty())
        result.statementId = run->statementId;
    run->statementId = result.statementId;
    if (isFinal(result.state))
    {
        run->done(result);
        return;
    }
    // PENDING or RUNNING: poll, backing off (the reference asks for a poll at least every 15 min).
    const int delay = run->nextPollMs;
    run->nextPollMs = qMin(run->nextPollMs * 2, maxPollMs);
    QTimer::singleShot(delay, this, [this, run] { poll(run); });
}

void SqlStatements::poll(const std::shared_ptr<Run> &run)
{
    if (run->hasContext && !run->context)
        return;
    m_client->call("GET"_ba, m_client->url("/api/2.0/sql/statements/"_ba + QUrl::toPercentEncoding(run->statementId)), {},
                   {}, this,
                   [this, run](const Net::Error &error, const DatabricksResponse &response) { handle(run, error, response.body); });
}

} // namespace Dest
