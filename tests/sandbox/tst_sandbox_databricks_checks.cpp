// SPDX-License-Identifier: GPL-3.0-or-later
// What a Databricks client checks against the sandbox: who a token belongs to (GET /api/2.0/preview/scim/v2/Me,
// refused for a bad token), and the short-store fault, where an upload is answered 2xx while the stored file is
// shorter than what was sent (Files API PUT and DBFS put alike), visible only to HEAD / get-status.
#include "databrickstestutil.h"
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace DatabricksTest;

class TestSandboxDatabricksChecks final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void scimMeNamesTheCaller();
    void shortStoreIsAnsweredAsSuccess();
    void errorsLimitedToRoutes();

private:
    SandboxProcess m_sandbox;
};

void TestSandboxDatabricksChecks::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
}

void TestSandboxDatabricksChecks::init()
{
    QVERIFY(m_sandbox.reset());
}

void TestSandboxDatabricksChecks::scimMeNamesTheCaller()
{
    const QString me = u"/api/2.0/preview/scim/v2/Me"_s;
    const auto ok = m_sandbox.get(me, kPat);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json().value(u"userName"_s).toString(), u"sandbox-user@example.com"_s);
    QVERIFY(ok.json().value(u"active"_s).toBool());
    QVERIFY(!ok.json().value(u"id"_s).toString().isEmpty());

    const auto missing = m_sandbox.get(me);
    QCOMPARE(missing.status, 401);
    const auto invalid = m_sandbox.get(me, { { "Authorization", "Bearer dapi-wrong" } });
    QCOMPARE(invalid.status, 403);
    QCOMPARE(invalid.json().value(u"message"_s).toString(), u"Invalid access token."_s);
    // Counted under its own route.
    const QJsonObject byRoute = m_sandbox.stats().value(u"by_route"_s).toObject().value(u"dbx.scim.me"_s).toObject();
    QCOMPARE(byRoute.value(u"200"_s).toInt(), 1);
    QCOMPARE(byRoute.value(u"403"_s).toInt(), 1);
}

void TestSandboxDatabricksChecks::shortStoreIsAnsweredAsSuccess()
{
    QVERIFY(m_sandbox.setFaults(QJsonObject { { u"databricks"_s,
        QJsonObject { { u"short_store_times"_s, 2 }, { u"short_store_bytes"_s, 100 } } } }));
    const QByteArray data = bytes(300000, 3);
    const QString file = u"/api/2.0/fs/files/Volumes/main/default/landing/short.bin"_s;
    // The PUT is answered as usual; only HEAD tells the stored size.
    QCOMPARE(m_sandbox.request("PUT", file, data, kPat).status, 204);
    const auto stored = m_sandbox.get(file, kPat);
    QCOMPARE(stored.status, 200);
    QCOMPARE(stored.body, data.left(data.size() - 100));
    const QJsonObject upload
        = m_sandbox.stats().value(u"uploads"_s).toObject().value(u"/Volumes/main/default/landing/short.bin"_s).toObject();
    QCOMPARE(qint64(upload.value(u"size"_s).toDouble()), qint64(data.size() - 100));
    QCOMPARE(upload.value(u"md5"_s).toString().toLatin1(), md5Hex(data.left(data.size() - 100)));

    // DBFS: the same storage, answered 200.
    const auto put = m_sandbox.request("POST", u"/api/2.0/dbfs/put"_s,
        json({ { u"path"_s, u"/short/d.bin"_s }, { u"contents"_s, QString::fromLatin1(data.left(1000).toBase64()) },
            { u"overwrite"_s, true } }),
        kJson);
    QCOMPARE(put.status, 200);
    const auto status = m_sandbox.get(u"/api/2.0/dbfs/get-status?path=/short/d.bin"_s, kPat);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value(u"file_size"_s).toInteger(), 900);

    // Used up: the next upload is stored whole.
    QCOMPARE(m_sandbox.stats().value(u"databricks"_s).toObject().value(u"faults"_s).toObject()
                 .value(u"short_store_times"_s).toInt(),
        0);
    QCOMPARE(m_sandbox.request("PUT", file, data, kPat).status, 204);
    QCOMPARE(m_sandbox.get(file, kPat).body, data);
}

void TestSandboxDatabricksChecks::errorsLimitedToRoutes()
{
    // Uploads fail (a constant 500) while directories still answer.
    QVERIFY(m_sandbox.setFaults(QJsonObject { { u"databricks"_s,
        QJsonObject { { u"error_rate"_s, 1.0 }, { u"error_status"_s, 500 },
            { u"error_routes"_s, QJsonArray { u"dbx.files.put"_s } } } } }));
    const QString dir = u"/api/2.0/fs/directories/Volumes/main/default/landing/routes"_s;
    QCOMPARE(m_sandbox.request("PUT", dir, {}, kPat).status / 100, 2);
    const QString file = u"/api/2.0/fs/files/Volumes/main/default/landing/routes/a.bin"_s;
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_sandbox.request("PUT", file, "abc", kPat).status, 500);
    QCOMPARE(m_sandbox.get(dir, kPat).status, 200);
    const QJsonObject byRoute = m_sandbox.stats().value(u"by_route"_s).toObject();
    QCOMPARE(byRoute.value(u"dbx.files.put"_s).toObject().value(u"500"_s).toInt(), 3);
    QCOMPARE(byRoute.value(u"dbx.dirs.put"_s).toObject().value(u"500"_s).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestSandboxDatabricksChecks)
#include "tst_sandbox_databricks_checks.moc"
