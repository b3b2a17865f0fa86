// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's Unity Catalog (databricks-wave2.md §3): catalogs, schemas and volumes from the manifest paged with
// max_results/page_token, empty pages that still carry a token, effective permissions per securable, POST volumes
// (MANAGED) with its errors, and the Files API refusing writes into a volume without WRITE VOLUME.
#include "databrickstestutil.h"
#include "sandboxprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace DatabricksTest;

namespace
{
const char *const kManifest = R"({
  "my_drive": [{"name": "A", "children": [{"name": "x.bin", "size": 10}]}],
  "databricks": {"catalogs": [
    {"name": "sales", "schemas": [
      {"name": "raw", "volumes": [{"name": "incoming"}, {"name": "reference", "writable": false},
                                  {"name": "zeta"}]},
      {"name": "locked", "create_volume": false},
      {"name": "hidden", "use_schema": false}]},
    {"name": "closed", "use_catalog": false, "schemas": [{"name": "s"}]}]}
})";
} // namespace

class TestSandboxUnityCatalog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void listsWhatTheManifestAndBuiltInsHold();
    void pagesFollowTokensThroughEmptyPages();
    void pagingParametersAreChecked();
    void effectivePermissionsPerSecurable();
    void readOnlyVolumeRefusesWrites();
    void createManagedVolume();
    void createErrors();

private:
    /// Every item of a listing, following next_page_token; `pages` counts the requests, `empty` the empty pages.
    QJsonArray listAll(const QString &pathAndQuery, const QString &key, int *pages = nullptr, int *empty = nullptr);
    static QStringList names(const QJsonArray &items);

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
};

void TestSandboxUnityCatalog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile manifest(m_dir.filePath(u"uc.json"_s));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write(kManifest);
    manifest.close();
    m_sandbox = std::make_unique<SandboxProcess>(QStringList { u"--manifest"_s, manifest.fileName() });
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

void TestSandboxUnityCatalog::init()
{
    QVERIFY(m_sandbox->reset());
}

QJsonArray TestSandboxUnityCatalog::listAll(const QString &pathAndQuery, const QString &key, int *pages, int *empty)
{
    QJsonArray all;
    QString token;
    int count = 0;
    int emptyCount = 0;
    do
    {
        const QString url = pathAndQuery + (token.isEmpty() ? QString() : u"&page_token="_s + token);
        const auto reply = m_sandbox->get(url, kPat);
        if (reply.status != 200 || ++count > 50)
        {
            qWarning() << url << reply.status << reply.body;
            return {};
        }
        const QJsonArray items = reply.json().value(key).toArray();
        emptyCount += items.isEmpty() ? 1 : 0;
        for (const auto &item : items)
            all.append(item);
        token = reply.json().value(u"next_page_token"_s).toString();
    } while (!token.isEmpty());
    if (pages)
        *pages = count;
    if (empty)
        *empty = emptyCount;
    return all;
}

QStringList TestSandboxUnityCatalog::names(const QJsonArray &items)
{
    QStringList out;
    for (const auto &item : items)
        out.append(item.toObject().value(u"name"_s).toString());
    return out;
}

void TestSandboxUnityCatalog::listsWhatTheManifestAndBuiltInsHold()
{
    // The built-in volumes (main.default.landing/archive) are in the metastore too.
    QCOMPARE(names(listAll(u"/api/2.1/unity-catalog/catalogs?max_results=0"_s, u"catalogs"_s)),
        (QStringList { u"closed"_s, u"main"_s, u"sales"_s }));
    QCOMPARE(names(listAll(u"/api/2.1/unity-catalog/schemas?catalog_name=main&max_results=0"_s, u"schemas"_s)),
        QStringList { u"default"_s });
    QCOMPARE(
        names(listAll(u"/api/2.1/unity-catalog/volumes?catalog_name=main&schema_name=default&max_results=0"_s,
            u"volumes"_s)),
        (QStringList { u"archive"_s, u"landing"_s }));
    const QJsonArray volumes
        = listAll(u"/api/2.1/unity-catalog/volumes?catalog_name=sales&schema_name=raw&max_results=0"_s, u"volumes"_s);
    QCOMPARE(names(volumes), (QStringList { u"incoming"_s, u"reference"_s, u"zeta"_s }));
    const QJsonObject first = volumes.first().toObject();
    QCOMPARE(first.value(u"full_name"_s).toString(), u"sales.raw.incoming"_s);
    QCOMPARE(first.value(u"catalog_name"_s).toString(), u"sales"_s);
    QCOMPARE(first.value(u"schema_name"_s).toString(), u"raw"_s);
    QCOMPARE(first.value(u"volume_type"_s).toString(), u"MANAGED"_s);
    // One volume by its full name.
    const auto one = m_sandbox->get(u"/api/2.1/unity-catalog/volumes/sales.raw.zeta"_s, kPat);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json().value(u"full_name"_s).toString(), u"sales.raw.zeta"_s);
    QCOMPARE(m_sandbox->get(u"/api/2.1/unity-catalog/volumes/sales.raw.nope"_s, kPat).status, 404);
    // Unknown parents, missing parameters, no token.
    QCOMPARE(m_sandbox->get(u"/api/2.1/unity-catalog/schemas?catalog_name=nope"_s, kPat).status, 404);
    QCOMPARE(m_sandbox->get(u"/api/2.1/unity-catalog/volumes?catalog_name=sales&schema_name=nope"_s, kPat).status,
        404);
    QCOMPARE(m_sandbox->get(u"/api/2.1/unity-catalog/volumes?catalog_name=sales"_s, kPat).status, 400);
    QCOMPARE(m_sandbox->get(u"/api/2.1/unity-catalog/catalogs"_s).status, 401);
}

void TestSandboxUnityCatalog::pagesFollowTokensThroughEmptyPages()
{
    const QString volumes = u"/api/2.1/unity-catalog/volumes?catalog_name=sales&schema_name=raw"_s;
    // max_results > 0 caps the page.
    int pages = 0;
    int empty = 0;
    QCOMPARE(names(listAll(volumes + u"&max_results=1"_s, u"volumes"_s, &pages, &empty)).size(), 3);
    QCOMPARE(pages, 3);
    QCOMPARE(empty, 0);
    // The server's page (max_results=0) with a small cap, and empty pages that carry a token.
    QVERIFY(m_sandbox->setFaults(QJsonObject { { u"databricks"_s,
        QJsonObject { { u"uc_page_size"_s, 2 }, { u"uc_empty_pages"_s, true } } } }));
    const auto firstPage = m_sandbox->get(volumes + u"&max_results=0"_s, kPat);
    QCOMPARE(firstPage.status, 200);
    QVERIFY(firstPage.json().value(u"volumes"_s).toArray().isEmpty());
    QVERIFY(!firstPage.json().value(u"next_page_token"_s).toString().isEmpty());
    QCOMPARE(names(listAll(volumes + u"&max_results=0"_s, u"volumes"_s, &pages, &empty)),
        (QStringList { u"incoming"_s, u"reference"_s, u"zeta"_s }));
    QCOMPARE(pages, 4); // empty, 2 items, empty, 1 item
    QCOMPARE(empty, 2);
    // A cap above the server's page is lowered to it.
    QCOMPARE(m_sandbox->get(volumes + u"&max_results=50&page_token=e0"_s, kPat)
                 .json()
                 .value(u"volumes"_s)
                 .toArray()
                 .size(),
        2);
    // Catalogs and schemas page the same way.
    QCOMPARE(names(listAll(u"/api/2.1/unity-catalog/catalogs?max_results=0"_s, u"catalogs"_s, &pages, &empty)).size(),
        3);
    QCOMPARE(empty, 2);
    // An empty listing is one page without a token.
    const auto none = m_sandbox->get(u"/api/2.1/unity-catalog/volumes?catalog_name=sales&schema_name=locked&max_results=0"_s, kPat);
    QCOMPARE(none.status, 200);
    QVERIFY(!none.json().contains(u"next_page_token"_s));
    // Reset forgets the knobs.
    QVERIFY(m_sandbox->reset());
    const auto plain = m_sandbox->get(volumes + u"&max_results=0"_s, kPat);
    QCOMPARE(plain.json().value(u"volumes"_s).toArray().size(), 3);
    QVERIFY(!plain.json().contains(u"next_page_token"_s));
}

void TestSandboxUnityCatalog::pagingParametersAreChecked()
{
    const QString catalogs = u"/api/2.1/unity-catalog/catalogs"_s;
    QCOMPARE(m_sandbox->get(catalogs + u"?max_results=-1"_s, kPat).status, 400);
    QCOMPARE(m_sandbox->get(catalogs + u"?max_results=abc"_s, kPat).status, 400);
    const auto badToken = m_sandbox->get(catalogs + u"?max_results=0&page_token=zz"_s, kPat);
    QCOMPARE(badToken.status, 400);
    QCOMPARE(badToken.json().value(u"error_code"_s).toString(), u"INVALID_PARAMETER_VALUE"_s);
    // Without max_results the (legacy) answer holds everything.
    QVERIFY(m_sandbox->setFaults(QJsonObject { { u"databricks"_s, QJsonObject { { u"uc_page_size"_s, 1 } } } }));
    const auto all = m_sandbox->get(catalogs, kPat);
    QCOMPARE(all.json().value(u"catalogs"_s).toArray().size(), 3);
    QVERIFY(!all.json().contains(u"next_page_token"_s));
}

void TestSandboxUnityCatalog::effectivePermissionsPerSecurable()
{
    const auto privileges = [this](const QString &type, const QString &name)
    {
        const auto reply = m_sandbox->get(u"/api/2.1/unity-catalog/effective-permissions/"_s + type + u'/' + name, kPat);
        QStringList out;
        if (reply.status != 200)
            return QStringList { QString::number(reply.status) };
        const QJsonArray assignments = reply.json().value(u"privilege_assignments"_s).toArray();
        for (const auto &a : assignments)
        {
            if (a.toObject().value(u"principal"_s).toString() != u"sandbox-user@example.com"_s)
                return QStringList { u"wrong principal"_s };
            for (const auto &p : a.toObject().value(u"privileges"_s).toArray())
                out.append(p.toObject().value(u"privilege"_s).toString());
        }
        return out;
    };
    QCOMPARE(privileges(u"volume"_s, u"sales.raw.incoming"_s),
        (QStringList { u"BROWSE"_s, u"READ_VOLUME"_s, u"WRITE_VOLUME"_s }));
    QCOMPARE(privileges(u"volume"_s, u"sales.raw.reference"_s), (QStringList { u"BROWSE"_s, u"READ_VOLUME"_s }));
    QCOMPARE(privileges(u"VOLUME"_s, u"main.default.landing"_s),
        (QStringList { u"BROWSE"_s, u"READ_VOLUME"_s, u"WRITE_VOLUME"_s }));
    QCOMPARE(privileges(u"schema"_s, u"sales.raw"_s),
        (QStringList { u"BROWSE"_s, u"USE_SCHEMA"_s, u"CREATE_VOLUME"_s }));
    QCOMPARE(privileges(u"schema"_s, u"sales.hidden"_s), (QStringList { u"BROWSE"_s, u"CREATE_VOLUME"_s }));
    QCOMPARE(privileges(u"catalog"_s, u"sales"_s), (QStringList { u"BROWSE"_s, u"USE_CATALOG"_s }));
    QCOMPARE(privileges(u"catalog"_s, u"closed"_s), QStringList { u"BROWSE"_s });
    QCOMPARE(privileges(u"volume"_s, u"sales.raw.nope"_s), QStringList { u"404"_s });
    QCOMPARE(privileges(u"table"_s, u"sales.raw.t"_s), QStringList { u"400"_s });
    // A volume in forbidden_volumes has lost both volume privileges.
    QVERIFY(m_sandbox->setFaults(QJsonObject { { u"databricks"_s,
        QJsonObject { { u"forbidden_volumes"_s, QJsonArray { u"/Volumes/sales/raw/incoming"_s } } } } }));
    QCOMPARE(privileges(u"volume"_s, u"sales.raw.incoming"_s), QStringList { u"BROWSE"_s });
    // Another principal holds nothing here; max_results 1–149 is invalid.
    const auto other = m_sandbox->get(
        u"/api/2.1/unity-catalog/effective-permissions/volume/sales.raw.zeta?principal=someone@example.com"_s, kPat);
    QCOMPARE(other.status, 200);
    QVERIFY(other.json().value(u"privilege_assignments"_s).toArray().isEmpty());
    QCOMPARE(
        m_sandbox->get(u"/api/2.1/unity-catalog/effective-permissions/volume/sales.raw.zeta?max_results=10"_s, kPat)
            .status,
        400);
}

void TestSandboxUnityCatalog::readOnlyVolumeRefusesWrites()
{
    const QByteArray data = bytes(1000, 5);
    const auto refused = m_sandbox->request("PUT", u"/api/2.0/fs/files/Volumes/sales/raw/reference/a.bin"_s, data, kPat);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.json().value(u"error_code"_s).toString(), u"PERMISSION_DENIED"_s);
    QVERIFY(refused.json().value(u"message"_s).toString().contains(u"WRITE VOLUME"_s));
    QCOMPARE(m_sandbox->request("PUT", u"/api/2.0/fs/directories/Volumes/sales/raw/reference/d"_s, {}, kPat).status,
        403);
    // Reading needs only READ VOLUME.
    QCOMPARE(m_sandbox->request("HEAD", u"/api/2.0/fs/directories/Volumes/sales/raw/reference"_s, {}, kPat).status,
        200);
    // A writable volume of the manifest takes the same upload.
    QCOMPARE(m_sandbox->request("PUT", u"/api/2.0/fs/files/Volumes/sales/raw/incoming/a.bin"_s, data, kPat).status,
        204);
    QVERIFY(m_sandbox->stats().value(u"uploads"_s).toObject().contains(u"/Volumes/sales/raw/incoming/a.bin"_s));
}

void TestSandboxUnityCatalog::createManagedVolume()
{
    const auto created = m_sandbox->request("POST", u"/api/2.1/unity-catalog/volumes"_s,
        json({ { u"catalog_name"_s, u"sales"_s }, { u"schema_name"_s, u"raw"_s }, { u"name"_s, u"Landing2"_s },
            { u"volume_type"_s, u"MANAGED"_s }, { u"comment"_s, u"made by a test"_s } }),
        kJson);
    QCOMPARE(created.status, 200);
    QCOMPARE(created.json().value(u"full_name"_s).toString(), u"sales.raw.landing2"_s); // UC stores lower case
    QCOMPARE(created.json().value(u"volume_type"_s).toString(), u"MANAGED"_s);
    QVERIFY(!created.json().value(u"volume_id"_s).toString().isEmpty());
    // Listed, writable, and a Files API volume at once.
    QVERIFY(names(listAll(u"/api/2.1/unity-catalog/volumes?catalog_name=sales&schema_name=raw&max_results=0"_s,
                      u"volumes"_s))
                .contains(u"landing2"_s));
    const auto perms
        = m_sandbox->get(u"/api/2.1/unity-catalog/effective-permissions/volume/sales.raw.landing2"_s, kPat).json();
    QVERIFY(QJsonDocument(perms).toJson().contains("WRITE_VOLUME"));
    QCOMPARE(m_sandbox->request("PUT", u"/api/2.0/fs/files/Volumes/sales/raw/landing2/f.bin"_s, bytes(10, 1), kPat)
                 .status,
        204);
    // Reset forgets it, as it forgets uploads.
    QVERIFY(m_sandbox->reset());
    QCOMPARE(m_sandbox->request("PUT", u"/api/2.0/fs/files/Volumes/sales/raw/landing2/f.bin"_s, bytes(10, 1), kPat)
                 .status,
        404);
}

void TestSandboxUnityCatalog::createErrors()
{
    const auto create = [this](const QJsonObject &body)
    { return m_sandbox->request("POST", u"/api/2.1/unity-catalog/volumes"_s, json(body), kJson); };
    const QJsonObject base { { u"catalog_name"_s, u"sales"_s }, { u"schema_name"_s, u"raw"_s },
        { u"name"_s, u"incoming"_s }, { u"volume_type"_s, u"MANAGED"_s } };
    const auto exists = create(base);
    QCOMPARE(exists.status, 409);
    QCOMPARE(exists.json().value(u"error_code"_s).toString(), u"ALREADY_EXISTS"_s);
    QJsonObject missingSchema = base;
    missingSchema[u"schema_name"_s] = u"nope"_s;
    const auto missing = create(missingSchema);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json().value(u"error_code"_s).toString(), u"NOT_FOUND"_s);
    QJsonObject locked = base;
    locked[u"schema_name"_s] = u"locked"_s;
    QCOMPARE(create(locked).status, 403); // no CREATE VOLUME
    QJsonObject badName = base;
    badName[u"name"_s] = u"a.b"_s;
    QCOMPARE(create(badName).status, 400);
    QJsonObject external = base;
    external[u"name"_s] = u"ext"_s;
    external[u"volume_type"_s] = u"EXTERNAL"_s;
    QCOMPARE(create(external).status, 400); // no storage_location
    QCOMPARE(m_sandbox->request("POST", u"/api/2.1/unity-catalog/volumes"_s, "{not json", kJson).status, 400);
}

QTEST_GUILESS_MAIN(TestSandboxUnityCatalog)
#include "tst_sandbox_unitycatalog.moc"
