// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's SQL Statement Execution API and warehouses over real loopback HTTP (reference
// databricks-wave2.md §2): statements executed against its SQLite table store, named parameters, states and
// wait_timeout, the slow-warehouse knob, request-level errors vs FAILED statements, and the /_sandbox/sql dump.
#include "databrickstestutil.h"
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace DatabricksTest;

class TestSandboxSql final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void warehousesListed();
    void createInsertSelectAndDump();
    void zeroWaitIsPendingThenPolled();
    void slowWarehouseKeepsRunning();
    void requestErrors();
    void failedStatements();
    void resetDropsTables();

private:
    QJsonObject execute(const QJsonObject &body, int expectStatus = 200);
    QJsonObject poll(const QString &id);
    QString m_warehouse;
    SandboxProcess m_sandbox;
};

QJsonObject TestSandboxSql::execute(const QJsonObject &body, int expectStatus)
{
    QJsonObject withWarehouse = body;
    if (!withWarehouse.contains(u"warehouse_id"_s))
        withWarehouse.insert(u"warehouse_id"_s, m_warehouse);
    const auto reply = m_sandbox.request("POST", u"/api/2.0/sql/statements"_s, json(withWarehouse), kJson);
    if (reply.status != expectStatus)
        qWarning("status %d: %s", reply.status, reply.body.constData());
    [&] { QCOMPARE(reply.status, expectStatus); }();
    return reply.json();
}

QJsonObject TestSandboxSql::poll(const QString &id)
{
    const auto reply = m_sandbox.get(u"/api/2.0/sql/statements/"_s + id, kPat);
    [&] { QCOMPARE(reply.status, 200); }();
    return reply.json();
}

static QString stateOf(const QJsonObject &answer)
{
    return answer.value(u"status"_s).toObject().value(u"state"_s).toString();
}

void TestSandboxSql::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
}

void TestSandboxSql::init()
{
    QVERIFY(m_sandbox.reset());
    const auto reply = m_sandbox.get(u"/api/2.0/sql/warehouses"_s, kPat);
    QCOMPARE(reply.status, 200);
    m_warehouse = reply.json().value(u"warehouses"_s).toArray().first().toObject().value(u"id"_s).toString();
    QVERIFY(!m_warehouse.isEmpty());
}

void TestSandboxSql::warehousesListed()
{
    const auto list = m_sandbox.get(u"/api/2.0/sql/warehouses"_s, kPat).json();
    const QJsonObject first = list.value(u"warehouses"_s).toArray().first().toObject();
    QCOMPARE(first.value(u"state"_s).toString(), u"RUNNING"_s);
    QVERIFY(!first.value(u"name"_s).toString().isEmpty());
    QCOMPARE(m_sandbox.get(u"/api/2.0/sql/warehouses/"_s + m_warehouse, kPat).json().value(u"id"_s).toString(), m_warehouse);
    QCOMPARE(m_sandbox.get(u"/api/2.0/sql/warehouses/0000000000000000"_s, kPat).status, 404);
    // Databricks auth like every other route.
    QCOMPARE(m_sandbox.get(u"/api/2.0/sql/warehouses"_s).status, 401);
    QCOMPARE(m_sandbox.get(u"/api/2.0/sql/warehouses"_s, {{"Authorization", "Bearer nope"}}).status, 403);
}

void TestSandboxSql::createInsertSelectAndDump()
{
    QJsonObject created = execute({{u"statement"_s,
                                    u"CREATE TABLE IF NOT EXISTS Cat.s.log (id STRING, n BIGINT, at TIMESTAMP, x DOUBLE) USING DELTA"_s}});
    QCOMPARE(stateOf(created), u"SUCCEEDED"_s);
    // Again: IF NOT EXISTS keeps the table.
    QCOMPARE(stateOf(execute({{u"statement"_s, u"CREATE TABLE IF NOT EXISTS cat.s.log (id STRING) USING DELTA"_s}})),
             u"SUCCEEDED"_s);

    const QJsonArray params {
        QJsonObject {{u"name"_s, u"tbl"_s}, {u"value"_s, u"cat.s.log"_s}},
        QJsonObject {{u"name"_s, u"a"_s}, {u"value"_s, u"0012"_s}},
        QJsonObject {{u"name"_s, u"b"_s}, {u"value"_s, u"42"_s}, {u"type"_s, u"BIGINT"_s}},
        QJsonObject {{u"name"_s, u"c"_s}, {u"value"_s, u"2026-12-03T06:00:00.000Z"_s}, {u"type"_s, u"TIMESTAMP"_s}},
        QJsonObject {{u"name"_s, u"d"_s}, {u"type"_s, u"BIGINT"_s}}, // no value: NULL
        QJsonObject {{u"name"_s, u"e"_s}, {u"value"_s, u"0.25"_s}, {u"type"_s, u"DOUBLE"_s}},
    };
    const QJsonObject inserted = execute({{u"statement"_s,
                                           u"INSERT INTO IDENTIFIER(:tbl) (id, n, at, x) VALUES (:a, :b, :c, :e), (:a, :d, NULL, NULL)"_s},
                                          {u"parameters"_s, params}});
    QCOMPARE(stateOf(inserted), u"SUCCEEDED"_s);
    QCOMPARE(inserted.value(u"result"_s).toObject().value(u"data_array"_s).toArray().first().toArray().first().toString(), u"2"_s);

    const QJsonObject selected = execute({{u"statement"_s, u"SELECT id, n FROM `cat`.s.LOG WHERE n = :b"_s},
                                          {u"parameters"_s, QJsonArray {params.at(2)}}});
    QCOMPARE(stateOf(selected), u"SUCCEEDED"_s);
    const QJsonArray columns = selected.value(u"manifest"_s).toObject().value(u"schema"_s).toObject().value(u"columns"_s).toArray();
    QCOMPARE(columns.size(), 2);
    QCOMPARE(columns.at(1).toObject().value(u"name"_s).toString(), u"n"_s);
    // JSON_ARRAY: every value as a string.
    QCOMPARE(selected.value(u"result"_s).toObject().value(u"data_array"_s).toArray(),
             (QJsonArray {QJsonArray {u"0012"_s, u"42"_s}}));

    const auto dump = m_sandbox.get(u"/_sandbox/sql?table=CAT.S.LOG"_s);
    QCOMPARE(dump.status, 200);
    QCOMPARE(dump.json().value(u"columns"_s).toArray(), (QJsonArray {u"id"_s, u"n"_s, u"at"_s, u"x"_s}));
    // Typed as stored: a STRING stays a string ("0012", not 12), NULL is null.
    QCOMPARE(dump.json().value(u"rows"_s).toArray(),
             (QJsonArray {QJsonArray {u"0012"_s, 42, u"2026-12-03T06:00:00.000Z"_s, 0.25},
                          QJsonArray {u"0012"_s, QJsonValue(), QJsonValue(), QJsonValue()}}));
    QCOMPARE(m_sandbox.get(u"/_sandbox/sql?table=cat.s.nothing"_s).status, 404);
}

void TestSandboxSql::zeroWaitIsPendingThenPolled()
{
    execute({{u"statement"_s, u"CREATE TABLE t1 (v STRING)"_s}});
    const QJsonObject submitted = execute({{u"statement"_s, u"INSERT INTO t1 VALUES (:v)"_s},
                                           {u"parameters"_s, QJsonArray {QJsonObject {{u"name"_s, u"v"_s}, {u"value"_s, u"x"_s}}}},
                                           {u"wait_timeout"_s, u"0s"_s}});
    QCOMPARE(stateOf(submitted), u"PENDING"_s);
    const QString id = submitted.value(u"statement_id"_s).toString();
    QVERIFY(!id.isEmpty());
    // Not run yet: the table is empty until the statement is polled.
    QCOMPARE(m_sandbox.get(u"/_sandbox/sql?table=main.default.t1"_s).json().value(u"rows"_s).toArray().size(), 0);
    QCOMPARE(stateOf(poll(id)), u"SUCCEEDED"_s);
    QCOMPARE(stateOf(poll(id)), u"SUCCEEDED"_s); // final states stay
    QCOMPARE(m_sandbox.get(u"/_sandbox/sql?table=main.default.t1"_s).json().value(u"rows"_s).toArray().size(), 1);
    QCOMPARE(m_sandbox.get(u"/api/2.0/sql/statements/01f0-unknown"_s, kPat).status, 404);
}

void TestSandboxSql::slowWarehouseKeepsRunning()
{
    QVERIFY(m_sandbox.setFaults({{u"sql"_s, QJsonObject {{u"pending_polls"_s, 1}, {u"running_polls"_s, 2}}}}));
    // With the default wait the answer comes back unfinished; CONTINUE keeps it going.
    const QJsonObject submitted = execute({{u"statement"_s, u"CREATE TABLE slow (v STRING)"_s}});
    QCOMPARE(stateOf(submitted), u"PENDING"_s);
    const QString id = submitted.value(u"statement_id"_s).toString();
    QStringList states;
    for (int i = 0; i < 4; ++i)
        states << stateOf(poll(id));
    QCOMPARE(states, (QStringList {u"PENDING"_s, u"RUNNING"_s, u"RUNNING"_s, u"SUCCEEDED"_s}));
    // on_wait_timeout CANCEL ends an unfinished statement when the wait runs out.
    const QJsonObject cancelled = execute({{u"statement"_s, u"SELECT 1"_s}, {u"wait_timeout"_s, u"5s"_s},
                                           {u"on_wait_timeout"_s, u"CANCEL"_s}});
    QCOMPARE(stateOf(cancelled), u"CANCELED"_s);
    // The cancel route on a running statement.
    const QString other = execute({{u"statement"_s, u"SELECT 1"_s}}).value(u"statement_id"_s).toString();
    QCOMPARE(m_sandbox.request("POST", u"/api/2.0/sql/statements/"_s + other + u"/cancel"_s, {}, kPat).status, 200);
    QCOMPARE(stateOf(poll(other)), u"CANCELED"_s);
}

void TestSandboxSql::requestErrors()
{
    // Request-level problems are HTTP errors with {error_code, message}, not FAILED statements.
    QJsonObject answer = execute({{u"statement"_s, u"SELECT 1"_s}, {u"warehouse_id"_s, u"0000000000000000"_s}}, 404);
    QCOMPARE(answer.value(u"error_code"_s).toString(), u"RESOURCE_DOES_NOT_EXIST"_s);
    QVERIFY(answer.value(u"message"_s).toString().contains(u"0000000000000000"_s));
    answer = execute({{u"statement"_s, u"SELECT 1"_s}, {u"wait_timeout"_s, u"3s"_s}}, 400);
    QCOMPARE(answer.value(u"error_code"_s).toString(), u"INVALID_PARAMETER_VALUE"_s);
    execute({{u"warehouse_id"_s, m_warehouse}}, 400); // no statement
    QJsonArray many;
    for (int i = 0; i < 257; ++i)
        many.append(QJsonObject {{u"name"_s, u"p%1"_s.arg(i)}, {u"value"_s, u"v"_s}});
    answer = execute({{u"statement"_s, u"SELECT 1"_s}, {u"parameters"_s, many}}, 400);
    QVERIFY(answer.value(u"message"_s).toString().contains(u"the limit is 256"_s));
    many.removeLast();
    QCOMPARE(stateOf(execute({{u"statement"_s, u"SELECT 1"_s}, {u"parameters"_s, many}})), u"SUCCEEDED"_s);
    const auto noAuth = m_sandbox.request("POST", u"/api/2.0/sql/statements"_s,
                                          json({{u"statement"_s, u"SELECT 1"_s}, {u"warehouse_id"_s, m_warehouse}}),
                                          {{"Content-Type", "application/json"}});
    QCOMPARE(noAuth.status, 401);
}

void TestSandboxSql::failedStatements()
{
    // A statement that fails in SQL: HTTP 200, state FAILED, error + SQLSTATE.
    QJsonObject answer = execute({{u"statement"_s, u"CREATE TABLE (oops"_s}});
    QCOMPARE(stateOf(answer), u"FAILED"_s);
    QJsonObject status = answer.value(u"status"_s).toObject();
    QCOMPARE(status.value(u"sql_state"_s).toString(), u"42601"_s);
    QVERIFY(status.value(u"error"_s).toObject().value(u"message"_s).toString().startsWith(u"[PARSE_SYNTAX_ERROR]"_s));
    QCOMPARE(stateOf(execute({{u"statement"_s, u"DROP TABLE x"_s}})), u"FAILED"_s);
    QCOMPARE(stateOf(execute({{u"statement"_s, u"CREATE TABLE t (v STRUCT<a: INT>)"_s}})), u"FAILED"_s);

    answer = execute({{u"statement"_s, u"SELECT * FROM c.s.missing"_s}});
    QCOMPARE(answer.value(u"status"_s).toObject().value(u"sql_state"_s).toString(), u"42P01"_s);

    execute({{u"statement"_s, u"CREATE TABLE t2 (n BIGINT)"_s}});
    answer = execute({{u"statement"_s, u"INSERT INTO t2 VALUES (:n)"_s}});
    QCOMPARE(answer.value(u"status"_s).toObject().value(u"sql_state"_s).toString(), u"42P02"_s); // unbound
    answer = execute({{u"statement"_s, u"INSERT INTO t2 VALUES (:n)"_s},
                      {u"parameters"_s, QJsonArray {QJsonObject {{u"name"_s, u"n"_s}, {u"value"_s, u"12x"_s}, {u"type"_s, u"BIGINT"_s}}}}});
    QCOMPARE(answer.value(u"status"_s).toObject().value(u"sql_state"_s).toString(), u"22018"_s); // cast
    QCOMPARE(m_sandbox.get(u"/_sandbox/sql?table=main.default.t2"_s).json().value(u"rows"_s).toArray().size(), 0);
}

void TestSandboxSql::resetDropsTables()
{
    execute({{u"statement"_s, u"CREATE TABLE a.b.c (v STRING)"_s}});
    QCOMPARE(m_sandbox.get(u"/_sandbox/sql?table=a.b.c"_s).status, 200);
    QVERIFY(m_sandbox.reset());
    QCOMPARE(m_sandbox.get(u"/_sandbox/sql?table=a.b.c"_s).status, 404);
}

QTEST_GUILESS_MAIN(TestSandboxSql)
#include "tst_sandbox_sql.moc"
