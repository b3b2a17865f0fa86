// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's DBFS API 2.0 over real loopback HTTP: create/add-block/close, handle expiry, put (JSON and
// multipart form), get-status, list, mkdirs, move, delete, read, and its separation from /Volumes.
#include "databrickstestutil.h"
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace DatabricksTest;

class TestSandboxDbfs final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void dbfsBlocksThenRead();
    void dbfsHandleExpires();
    void dbfsPutMoveListDelete();

private:
    SandboxProcess m_sandbox;
};

void TestSandboxDbfs::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
}

void TestSandboxDbfs::init()
{
    QVERIFY(m_sandbox.reset());
}

void TestSandboxDbfs::dbfsBlocksThenRead()
{
    const auto create = m_sandbox.request("POST", u"/api/2.0/dbfs/create"_s, R"({"path":"/ingest/a/b.bin"})", kJson);
    QCOMPARE(create.status, 200);
    const qint64 handle = create.json().value(u"handle"_s).toInteger();
    const QByteArray data = bytes(2 * 1024 * 1024 + 100, 11);
    for (qsizetype off = 0; off < data.size(); off += 1024 * 1024)
    {
        const auto add = m_sandbox.request("POST", u"/api/2.0/dbfs/add-block"_s,
            json(
                { { u"handle"_s, handle }, { u"data"_s, QString::fromLatin1(data.mid(off, 1024 * 1024).toBase64()) } }),
            kJson);
        QCOMPARE(add.status, 200);
    }
    const auto tooBig = m_sandbox.request("POST", u"/api/2.0/dbfs/add-block"_s,
        json({ { u"handle"_s, handle }, { u"data"_s, QString::fromLatin1(bytes(1024 * 1024 + 1, 12).toBase64()) } }),
        kJson);
    QCOMPARE(tooBig.status, 400);
    QCOMPARE(tooBig.json().value(u"error_code"_s).toString(), u"MAX_BLOCK_SIZE_EXCEEDED"_s);

    // Nothing visible until close.
    QCOMPARE(m_sandbox.get(u"/api/2.0/dbfs/get-status?path=/ingest/a/b.bin"_s, kPat).status, 404);
    const auto section = [this] { return m_sandbox.stats().value(u"databricks"_s).toObject(); };
    QCOMPARE(section().value(u"dbfs_open_handles"_s).toInt(), 1);
    QCOMPARE(m_sandbox.request("POST", u"/api/2.0/dbfs/close"_s, json({ { u"handle"_s, handle } }), kJson).status, 200);
    QCOMPARE(section().value(u"dbfs_open_handles"_s).toInt(), 0);
    const auto status = m_sandbox.get(u"/api/2.0/dbfs/get-status?path=/ingest/a/b.bin"_s, kPat);
    QCOMPARE(status.status, 200);
    QCOMPARE(qint64(status.json().value(u"file_size"_s).toDouble()), qint64(data.size()));
    QCOMPARE(status.json().value(u"is_dir"_s).toBool(), false);

    QByteArray back;
    for (qsizetype off = 0; off < data.size() + 10; off += 1024 * 1024)
    {
        const auto read
            = m_sandbox.get(u"/api/2.0/dbfs/read?path=/ingest/a/b.bin&offset=%1&length=1048576"_s.arg(off), kPat);
        QCOMPARE(read.status, 200);
        back += QByteArray::fromBase64(read.json().value(u"data"_s).toString().toLatin1());
    }
    QVERIFY(back == data);
    QCOMPARE(m_sandbox.stats()
                 .value(u"uploads"_s)
                 .toObject()
                 .value(u"dbfs:/ingest/a/b.bin"_s)
                 .toObject()
                 .value(u"md5"_s)
                 .toString()
                 .toLatin1(),
        md5Hex(data));

    const auto unknown = m_sandbox.request(
        "POST", u"/api/2.0/dbfs/add-block"_s, json({ { u"handle"_s, handle }, { u"data"_s, u""_s } }), kJson);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.json().value(u"error_code"_s).toString(), u"RESOURCE_DOES_NOT_EXIST"_s);
    const auto exists = m_sandbox.request("POST", u"/api/2.0/dbfs/create"_s, R"({"path":"/ingest/a/b.bin"})", kJson);
    QCOMPARE(exists.status, 400);
    QCOMPARE(exists.json().value(u"error_code"_s).toString(), u"RESOURCE_ALREADY_EXISTS"_s);
    QCOMPARE(
        m_sandbox.request("POST", u"/api/2.0/dbfs/create"_s, R"({"path":"/ingest/a/b.bin","overwrite":true})", kJson)
            .status,
        200);
}

void TestSandboxDbfs::dbfsHandleExpires()
{
    QVERIFY(m_sandbox.setFaults(QJsonObject { { u"databricks"_s, QJsonObject { { u"dbfs_handle_idle_s"_s, 1 } } } }));
    const auto create = m_sandbox.request("POST", u"/api/2.0/dbfs/create"_s, R"({"path":"/idle.bin"})", kJson);
    QCOMPARE(create.status, 200);
    const qint64 handle = create.json().value(u"handle"_s).toInteger();
    QTest::qWait(1500);
    const auto late = m_sandbox.request(
        "POST", u"/api/2.0/dbfs/add-block"_s, json({ { u"handle"_s, handle }, { u"data"_s, u"aGVsbG8="_s } }), kJson);
    QCOMPARE(late.status, 404);
    QCOMPARE(late.json().value(u"error_code"_s).toString(), u"RESOURCE_DOES_NOT_EXIST"_s);
    QCOMPARE(m_sandbox.request("POST", u"/api/2.0/dbfs/close"_s, json({ { u"handle"_s, handle } }), kJson).status, 404);
    QCOMPARE(m_sandbox.get(u"/api/2.0/dbfs/get-status?path=/idle.bin"_s, kPat).status, 404);
}

void TestSandboxDbfs::dbfsPutMoveListDelete()
{
    const QByteArray small = "hello dbfs";
    QCOMPARE(m_sandbox
                 .request("POST", u"/api/2.0/dbfs/put"_s,
                     json({ { u"path"_s, u"/dir/p.txt"_s }, { u"contents"_s, QString::fromLatin1(small.toBase64()) } }),
                     kJson)
                 .status,
        200);
    const auto again = m_sandbox.request(
        "POST", u"/api/2.0/dbfs/put"_s, json({ { u"path"_s, u"/dir/p.txt"_s }, { u"contents"_s, u"eA=="_s } }), kJson);
    QCOMPARE(again.status, 400);
    QCOMPARE(again.json().value(u"error_code"_s).toString(), u"RESOURCE_ALREADY_EXISTS"_s);
    const auto big = m_sandbox.request("POST", u"/api/2.0/dbfs/put"_s,
        json({ { u"path"_s, u"/dir/big.txt"_s },
            { u"contents"_s, QString::fromLatin1(bytes(1024 * 1024 + 1, 13).toBase64()) } }),
        kJson);
    QCOMPARE(big.status, 400);
    QCOMPARE(big.json().value(u"error_code"_s).toString(), u"MAX_BLOCK_SIZE_EXCEEDED"_s);

    // multipart/form-data put streams a large file.
    const QByteArray file = bytes(3 * 1024 * 1024, 14);
    const QByteArray boundary = "sandboxBoundary42";
    QByteArray body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n/dir/form.bin\r\n"
        + "--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"contents\"; filename=\"form.bin\"\r\nContent-Type: "
          "application/octet-stream\r\n\r\n"
        + file + "\r\n--" + boundary + "--\r\n";
    QCOMPARE(m_sandbox
                 .request("POST", u"/api/2.0/dbfs/put"_s, body,
                     { { "Authorization", "Bearer dapi-sandbox-token" },
                         { "Content-Type", "multipart/form-data; boundary=" + boundary } })
                 .status,
        200);
    const auto formStatus = m_sandbox.get(u"/api/2.0/dbfs/get-status?path=dbfs:/dir/form.bin"_s, kPat);
    QCOMPARE(qint64(formStatus.json().value(u"file_size"_s).toDouble()), qint64(file.size()));

    QCOMPARE(m_sandbox.request("POST", u"/api/2.0/dbfs/mkdirs"_s, R"({"path":"/dir/sub/deeper"})", kJson).status, 200);
    QCOMPARE(m_sandbox.request("POST", u"/api/2.0/dbfs/mkdirs"_s, R"({"path":"/dir/p.txt/x"})", kJson).status, 400);
    QCOMPARE(m_sandbox
                 .request("POST", u"/api/2.0/dbfs/move"_s,
                     R"({"source_path":"/dir/p.txt","destination_path":"/dir/sub/q.txt"})", kJson)
                 .status,
        200);
    const auto missingSource = m_sandbox.request(
        "POST", u"/api/2.0/dbfs/move"_s, R"({"source_path":"/dir/p.txt","destination_path":"/x.txt"})", kJson);
    QCOMPARE(missingSource.status, 404);
    QCOMPARE(missingSource.json().value(u"error_code"_s).toString(), u"RESOURCE_DOES_NOT_EXIST"_s);
    const auto moved = m_sandbox.get(u"/api/2.0/dbfs/read?path=/dir/sub/q.txt"_s, kPat);
    QCOMPARE(QByteArray::fromBase64(moved.json().value(u"data"_s).toString().toLatin1()), small);
    QCOMPARE(m_sandbox.get(u"/api/2.0/dbfs/read?path=/dir/sub/q.txt&length=1048577"_s, kPat)
                 .json()
                 .value(u"error_code"_s)
                 .toString(),
        u"MAX_READ_SIZE_EXCEEDED"_s);

    const auto list = m_sandbox.get(u"/api/2.0/dbfs/list?path=/dir"_s, kPat);
    QCOMPARE(list.status, 200);
    QStringList paths;
    for (const auto &f : list.json().value(u"files"_s).toArray())
        paths << f.toObject().value(u"path"_s).toString();
    QCOMPARE(paths, (QStringList { u"/dir/form.bin"_s, u"/dir/sub"_s }));

    const auto notEmpty = m_sandbox.request("POST", u"/api/2.0/dbfs/delete"_s, R"({"path":"/dir"})", kJson);
    QCOMPARE(notEmpty.status, 400);
    QCOMPARE(
        m_sandbox.request("POST", u"/api/2.0/dbfs/delete"_s, R"({"path":"/dir","recursive":true})", kJson).status, 200);
    QCOMPARE(m_sandbox.get(u"/api/2.0/dbfs/get-status?path=/dir"_s, kPat).status, 404);
    QCOMPARE(m_sandbox.request("POST", u"/api/2.0/dbfs/delete"_s, R"({"path":"/dir"})", kJson).status, 200);

    // DBFS and Volumes are separate namespaces.
    const auto volumes = m_sandbox.get(u"/api/2.0/dbfs/get-status?path=/Volumes/main/default/landing"_s, kPat);
    QCOMPARE(volumes.status, 400);
    QCOMPARE(volumes.json().value(u"message"_s).toString(), u"No operations allowed on this path"_s);
}

QTEST_GUILESS_MAIN(TestSandboxDbfs)
#include "tst_sandbox_dbfs.moc"
