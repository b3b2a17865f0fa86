// SPDX-License-Identifier: GPL-3.0-or-later
// Drive v3 metadata routes of drive-ingest-sandbox: paging, fields, q, shared drives, error shapes, changes.
#include "sandboxtestutil.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <zlib.h>

using namespace Qt::StringLiterals;
using namespace SandboxTest;

class TestSandboxDrive final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pagingToTheEnd_data();
    void pagingToTheEnd();
    void defaultFields();
    void fieldsPartialResponse();
    void badFieldMask_data();
    void badFieldMask();
    void trashedIncludedUnlessFiltered();
    void querySubset_data();
    void querySubset();
    void badQuery_data();
    void badQuery();
    void pageSizeBounds_data();
    void pageSizeBounds();
    void unknownPageToken();
    void sharedDriveFlags();
    void authErrors();
    void notFoundShape();
    void jsonIsGzippedWhenAsked();
    void resourceKey();
    void aboutNeedsFields();
    void changesToTheEnd();
    void orderByAndTimes();

private:
    QStringList listAll(const QString &query, int pageSize, int *pages = nullptr, int *emptyPages = nullptr);
    int count(const QString &query);

    SandboxProcess m_sandbox { { u"--static-token"_s, QString::fromLatin1(kToken), u"--quiet"_s } };
    Tree m_tree;
};

void TestSandboxDrive::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    m_tree = loadTree(m_sandbox);
    QVERIFY(!m_tree.demoRootId.isEmpty());
    QCOMPARE(m_tree.demoRootId, m_sandbox.readyInfo().value(u"demo_root_id"_s).toString());
}

QStringList TestSandboxDrive::listAll(const QString &query, int pageSize, int *pages, int *emptyPages)
{
    QStringList ids;
    QString token;
    int n = 0, empty = 0;
    for (int guard = 0; guard < 10000; ++guard)
    {
        QString path = u"/drive/v3/files?pageSize=%1&fields=nextPageToken,files(id)"_s.arg(pageSize);
        if (!query.isEmpty())
            path += u"&q="_s + enc(query);
        if (!token.isEmpty())
            path += u"&pageToken="_s + enc(token);
        const SandboxProcess::Reply r = m_sandbox.get(path, auth());
        if (r.status != 200)
        {
            qWarning() << "list failed" << r.status << r.body;
            return {};
        }
        const QJsonArray files = r.json().value(u"files"_s).toArray();
        ++n;
        if (files.isEmpty())
            ++empty;
        for (const QJsonValue &f : files)
            ids << f.toObject().value(u"id"_s).toString();
        token = r.json().value(u"nextPageToken"_s).toString();
        if (token.isEmpty())
            break;
    }
    if (pages)
        *pages = n;
    if (emptyPages)
        *emptyPages = empty;
    return ids;
}

int TestSandboxDrive::count(const QString &query)
{
    return int(listAll(query, 1000).size());
}

void TestSandboxDrive::pagingToTheEnd_data()
{
    QTest::addColumn<int>("pageSize");
    for (int size : { 1, 2, 7, 100, 1000 })
        QTest::addRow("%d", size) << size;
}

void TestSandboxDrive::pagingToTheEnd()
{
    QFETCH(int, pageSize);
    // Everything a plain client sees: My Drive and "Shared with me", no shared-drive items, no roots.
    QSet<QString> expected;
    for (const QJsonObject &item : m_tree.items)
    {
        if (item.contains(u"kind"_s) || !item.value(u"driveId"_s).toString().isEmpty())
            continue;
        expected.insert(item.value(u"id"_s).toString());
    }
    int pages = 0, empty = 0;
    const QStringList ids = listAll({}, pageSize, &pages, &empty);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size()); // no duplicates across pages
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()), expected);
    if (pageSize < 100)
    {
        QVERIFY2(empty > 0, "Drive hands out empty pages before the end; so must the sandbox");
        QVERIFY(pages > ids.size() / pageSize);
    }
    // The same holds for one folder.
    const QStringList demo = listAll(u"'%1' in parents"_s.arg(m_tree.demoRootId), pageSize);
    int children = 0;
    for (const QJsonObject &item : m_tree.items)
        children += item.value(u"parents"_s).toArray().contains(QJsonValue(m_tree.demoRootId)) ? 1 : 0;
    QCOMPARE(demo.size(), children);
}

void TestSandboxDrive::defaultFields()
{
    const SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files?pageSize=5"_s, auth());
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"kind"_s).toString(), u"drive#fileList"_s);
    QVERIFY(o.contains(u"incompleteSearch"_s));
    QVERIFY(o.contains(u"nextPageToken"_s));
    const QJsonArray files = o.value(u"files"_s).toArray();
    QCOMPARE(files.size(), 5);
    for (const QJsonValue &f : files)
    {
        QStringList keys = f.toObject().keys();
        keys.sort();
        QCOMPARE(keys, (QStringList { u"id"_s, u"kind"_s, u"mimeType"_s, u"name"_s }));
    }
    // files.get without fields: the same four.
    const QString id = m_tree.id(u"Drive Ingest Demo/Binary/1MiB.bin"_s);
    QStringList keys = m_sandbox.get(u"/drive/v3/files/"_s + id, auth()).json().keys();
    keys.sort();
    QCOMPARE(keys, (QStringList { u"id"_s, u"kind"_s, u"mimeType"_s, u"name"_s }));
}

void TestSandboxDrive::fieldsPartialResponse()
{
    const QString binary = m_tree.id(u"Drive Ingest Demo/Binary"_s);
    SandboxProcess::Reply r
        = m_sandbox.get(u"/drive/v3/files?q=%1&fields=%2"_s.arg(enc(u"'%1' in parents"_s.arg(binary)),
                            enc(u"files(id,name,size,md5Checksum,sha256Checksum,parents)"_s)),
            auth());
    QCOMPARE(r.status, 200);
    QVERIFY(!r.json().contains(u"kind"_s)); // not asked for
    const QJsonArray files = r.json().value(u"files"_s).toArray();
    QVERIFY(files.size() >= 8);
    for (const QJsonValue &v : files)
    {
        const QJsonObject f = v.toObject();
        QVERIFY(f.value(u"size"_s).isString()); // int64 as a JSON string
        QCOMPARE(f.value(u"md5Checksum"_s).toString().size(), 32);
        QCOMPARE(f.value(u"sha256Checksum"_s).toString().size(), 64);
        QCOMPARE(f.value(u"parents"_s).toArray(), QJsonArray { binary });
        QVERIFY(!f.contains(u"mimeType"_s));
        const QJsonObject t = m_tree.byId.value(f.value(u"id"_s).toString());
        QCOMPARE(f.value(u"size"_s).toString().toLongLong(), t.value(u"size"_s).toInteger());
    }
    // Folders, Docs and shortcuts: no size, no checksums.
    const QString docs = m_tree.id(u"Drive Ingest Demo/Docs"_s);
    r = m_sandbox.get(u"/drive/v3/files?q=%1&fields=%2"_s.arg(
                          enc(u"'%1' in parents"_s.arg(docs)), enc(u"files(id,size,md5Checksum,exportLinks)"_s)),
        auth());
    for (const QJsonValue &v : r.json().value(u"files"_s).toArray())
    {
        QVERIFY(!v.toObject().contains(u"size"_s));
        QVERIFY(!v.toObject().contains(u"md5Checksum"_s));
    }
    const QString shortcut = m_tree.id(u"Drive Ingest Demo/Shortcuts/Shortcut to 1MiB"_s);
    const QJsonObject sc
        = m_sandbox.get(u"/drive/v3/files/%1?fields=%2"_s.arg(shortcut, enc(u"size,shortcutDetails"_s)), auth()).json();
    QVERIFY(!sc.contains(u"size"_s));
    QCOMPARE(sc.value(u"shortcutDetails"_s).toObject().value(u"targetId"_s).toString(),
        m_tree.id(u"Drive Ingest Demo/Binary/1MiB.bin"_s));
    // Without nextPageToken in the mask, no token comes back even when there is more.
    r = m_sandbox.get(u"/drive/v3/files?pageSize=1&fields=files(id)"_s, auth());
    QCOMPARE(r.status, 200);
    QVERIFY(!r.json().contains(u"nextPageToken"_s));
    // Path form and '*'.
    r = m_sandbox.get(u"/drive/v3/files/%1?fields=%2"_s.arg(shortcut, enc(u"capabilities/canDownload,id"_s)), auth());
    QCOMPARE(r.json().value(u"capabilities"_s).toObject().keys(), QStringList { u"canDownload"_s });
    r = m_sandbox.get(u"/drive/v3/files/%1?fields=*"_s.arg(m_tree.id(u"Drive Ingest Demo/Binary/1KiB.bin"_s)), auth());
    QVERIFY(r.json().contains(u"md5Checksum"_s));
    QVERIFY(r.json().contains(u"modifiedTime"_s));
}

void TestSandboxDrive::badFieldMask_data()
{
    QTest::addColumn<QString>("mask");
    QTest::addRow("unknown file field") << u"files(id,nosuchfield)"_s;
    QTest::addRow("unknown top-level") << u"nextPageToken,bogus"_s;
    QTest::addRow("unbalanced") << u"files(id"_s;
    QTest::addRow("empty item") << u"files(id,,name)"_s;
}

void TestSandboxDrive::badFieldMask()
{
    QFETCH(QString, mask);
    const SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files?fields="_s + enc(mask), auth());
    QCOMPARE(r.status, 400);
    QCOMPARE(reason(r), u"invalidParameter"_s);
    const QJsonObject e = r.json().value(u"error"_s).toObject().value(u"errors"_s).toArray().first().toObject();
    QCOMPARE(e.value(u"location"_s).toString(), u"fields"_s);
    QVERIFY(e.value(u"message"_s).toString().startsWith(u"Invalid field selection"_s));
}

void TestSandboxDrive::trashedIncludedUnlessFiltered()
{
    const QString demo = m_tree.demoRootId;
    const QStringList all = listAll(u"'%1' in parents"_s.arg(demo), 100);
    const QStringList live = listAll(u"'%1' in parents and trashed = false"_s.arg(demo), 100);
    const QStringList trashed = listAll(u"'%1' in parents and trashed = true"_s.arg(demo), 100);
    const QString old = m_tree.id(u"Drive Ingest Demo/old-trashed.bin"_s);
    QVERIFY(all.contains(old));
    QVERIFY(!live.contains(old));
    QVERIFY(trashed.contains(old));
    QCOMPARE(all.size(), live.size() + trashed.size());
}

void TestSandboxDrive::querySubset_data()
{
    QTest::addColumn<QString>("q");
    QTest::addColumn<int>("expected");
    QTest::addRow("name = (case-insensitive)") << u"name = 'SAME.TXT'"_s << 2;
    QTest::addRow("name contains") << u"name contains 'KiB.bin'"_s << 2;
    QTest::addRow("name with slash") << u"name = 'a/b slash.txt'"_s << 1;
    QTest::addRow("escaped quote") << u"name = 'it\\'s not there'"_s << 0;
    QTest::addRow("escaped backslash") << u"name = 'back\\\\slash'"_s << 0;
    QTest::addRow("mimeType =") << u"mimeType = 'application/vnd.google-apps.document' and trashed = false"_s
                                << 2; // + 1 in the shared drive
    QTest::addRow("sharedWithMe") << u"sharedWithMe = true"_s << 3;
    QTest::addRow("or + parentheses") << u"(name = 'CON' or name = '..') and trashed = false"_s << 2;
    QTest::addRow("not") << u"not trashed = false"_s << 2;
    QTest::addRow("shortcuts") << u"mimeType = 'application/vnd.google-apps.shortcut'"_s << 4;
}

void TestSandboxDrive::querySubset()
{
    QFETCH(QString, q);
    QFETCH(int, expected);
    QCOMPARE(count(q), expected);
}

void TestSandboxDrive::badQuery_data()
{
    QTest::addColumn<QString>("q");
    QTest::addRow("unknown field") << u"owner = 'me'"_s;
    QTest::addRow("unterminated string") << u"name = 'abc"_s;
    QTest::addRow("dangling and") << u"trashed = false and"_s;
    QTest::addRow("missing paren") << u"(trashed = false"_s;
    QTest::addRow("bad bool") << u"trashed = maybe"_s;
    QTest::addRow("garbage") << u"%%%"_s;
}

void TestSandboxDrive::badQuery()
{
    QFETCH(QString, q);
    const SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files?q="_s + enc(q), auth());
    QCOMPARE(r.status, 400);
    QCOMPARE(reason(r), u"invalid"_s);
    QCOMPARE(r.json()[u"error"_s][u"message"_s].toString(), u"Invalid Value"_s);
    QCOMPARE(r.json()[u"error"_s][u"errors"_s][0][u"location"_s].toString(), u"q"_s);
}

void TestSandboxDrive::pageSizeBounds_data()
{
    QTest::addColumn<QString>("pageSize");
    QTest::addColumn<int>("status");
    QTest::addRow("0") << u"0"_s << 400;
    QTest::addRow("1") << u"1"_s << 200;
    QTest::addRow("1000") << u"1000"_s << 200;
    QTest::addRow("1001") << u"1001"_s << 400;
    QTest::addRow("-5") << u"-5"_s << 400;
    QTest::addRow("abc") << u"abc"_s << 400;
}

void TestSandboxDrive::pageSizeBounds()
{
    QFETCH(QString, pageSize);
    QFETCH(int, status);
    const SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files?pageSize="_s + pageSize, auth());
    QCOMPARE(r.status, status);
    if (status == 400)
        QCOMPARE(reason(r), u"invalid"_s);
}

void TestSandboxDrive::unknownPageToken()
{
    SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files?pageToken=notatoken"_s, auth());
    QCOMPARE(r.status, 400);
    QCOMPARE(reason(r), u"invalid"_s);
    // A token belongs to its query.
    r = m_sandbox.get(u"/drive/v3/files?pageSize=1&fields=nextPageToken"_s, auth());
    const QString token = r.json().value(u"nextPageToken"_s).toString();
    QVERIFY(!token.isEmpty());
    r = m_sandbox.get(u"/drive/v3/files?pageToken=%1&q=%2"_s.arg(enc(token), enc(u"trashed = true"_s)), auth());
    QCOMPARE(r.status, 400);
    r = m_sandbox.get(u"/drive/v3/files?pageSize=3&pageToken="_s + enc(token), auth()); // pageSize may change
    QCOMPARE(r.status, 200);
}

void TestSandboxDrive::sharedDriveFlags()
{
    const QString teamFolder = m_tree.id(u"Team Drive/Team folder"_s);
    const QString teamFile = m_tree.id(u"Team Drive/team-report.csv"_s);
    const QString driveId = m_tree.byPath.value(u"Team Drive"_s).value(u"id"_s).toString();
    QVERIFY(!teamFolder.isEmpty() && !driveId.isEmpty());
    const QString inFolder = enc(u"'%1' in parents"_s.arg(teamFolder));

    // Without the flags, shared-drive items are simply missing.
    SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files?q="_s + inFolder, auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"files"_s).toArray().size(), 0);
    r = m_sandbox.get(u"/drive/v3/files?q=%1&includeItemsFromAllDrives=true"_s.arg(inFolder), auth());
    QCOMPARE(r.json().value(u"files"_s).toArray().size(), 0);
    r = m_sandbox.get(
        u"/drive/v3/files?q=%1&supportsAllDrives=true&includeItemsFromAllDrives=true"_s.arg(inFolder), auth());
    QCOMPARE(r.json().value(u"files"_s).toArray().size(), 2);

    r = m_sandbox.get(u"/drive/v3/files/"_s + teamFile, auth());
    QCOMPARE(r.status, 404);
    QCOMPARE(reason(r), u"notFound"_s);
    r = m_sandbox.get(u"/drive/v3/files/%1?supportsAllDrives=true&fields=id,driveId"_s.arg(teamFile), auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"driveId"_s).toString(), driveId);
    r = m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(teamFile), auth());
    QCOMPARE(r.status, 404);

    // corpora=drive lists exactly that drive.
    r = m_sandbox.get(
        u"/drive/v3/files?corpora=drive&driveId=%1&supportsAllDrives=true&includeItemsFromAllDrives=true&fields=files(id,driveId)"_s
            .arg(driveId),
        auth());
    QCOMPARE(r.status, 200);
    const QJsonArray files = r.json().value(u"files"_s).toArray();
    QCOMPARE(files.size(), 4);
    for (const QJsonValue &f : files)
        QCOMPARE(f.toObject().value(u"driveId"_s).toString(), driveId);
    r = m_sandbox.get(u"/drive/v3/files?corpora=drive&supportsAllDrives=true&includeItemsFromAllDrives=true"_s, auth());
    QCOMPARE(r.status, 400);
    r = m_sandbox.get(u"/drive/v3/files?corpora=nonsense"_s, auth());
    QCOMPARE(r.status, 400);

    r = m_sandbox.get(u"/drive/v3/drives"_s, auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"drives"_s).toArray().size(), 1);
    QCOMPARE(r.json()[u"drives"_s][0][u"id"_s].toString(), driveId);
    QCOMPARE(m_sandbox.get(u"/drive/v3/drives?pageSize=101"_s, auth()).status, 400);
}

void TestSandboxDrive::authErrors()
{
    SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files"_s);
    QCOMPARE(r.status, 401);
    QCOMPARE(reason(r), u"required"_s);
    QCOMPARE(r.json()[u"error"_s][u"details"_s][0][u"reason"_s].toString(), u"CREDENTIALS_MISSING"_s);
    QCOMPARE(r.json()[u"error"_s][u"status"_s].toString(), u"UNAUTHENTICATED"_s);

    r = m_sandbox.get(u"/drive/v3/files"_s, { { "Authorization", "Bearer not-a-token" } });
    QCOMPARE(r.status, 401);
    QCOMPARE(reason(r), u"authError"_s);
    QCOMPARE(r.json()[u"error"_s][u"message"_s].toString(), u"Invalid Credentials"_s);
    QCOMPARE(r.json()[u"error"_s][u"errors"_s][0][u"domain"_s].toString(), u"global"_s);
    QVERIFY(r.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer realm=\"https://accounts.google.com/\""));
}

void TestSandboxDrive::notFoundShape()
{
    const SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files/1NoSuchFileIdAtAllInThisSandbox000"_s, auth());
    QCOMPARE(r.status, 404);
    const QJsonObject e = r.json().value(u"error"_s).toObject();
    QCOMPARE(e.value(u"code"_s).toInt(), 404);
    QCOMPARE(e.value(u"message"_s).toString(), u"File not found: 1NoSuchFileIdAtAllInThisSandbox000."_s);
    const QJsonObject item = e.value(u"errors"_s).toArray().first().toObject();
    QCOMPARE(item.value(u"reason"_s).toString(), u"notFound"_s);
    QCOMPARE(item.value(u"location"_s).toString(), u"fileId"_s);
    QCOMPARE(item.value(u"locationType"_s).toString(), u"parameter"_s);
    QCOMPARE(e.value(u"status"_s).toString(), u"NOT_FOUND"_s);
}

namespace
{
/// The gzip member in `body` inflated (zlib's gzip mode); empty when it is not one whole gzip stream.
QByteArray gunzip(const QByteArray &body)
{
    z_stream z {};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return {};
    QByteArray out;
    char buf[16384];
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
    z.avail_in = uInt(body.size());
    int rc = Z_OK;
    while (rc == Z_OK)
    {
        z.next_out = reinterpret_cast<Bytef *>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, qsizetype(sizeof buf - z.avail_out));
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END && z.avail_in == 0 ? out : QByteArray();
}
} // namespace

void TestSandboxDrive::jsonIsGzippedWhenAsked()
{
    // Google compresses JSON (answers and errors) for a client that sends Accept-Encoding: gzip and "gzip" in its
    // User-Agent (reference: performance); media bytes never.
    const QList<QPair<QByteArray, QByteArray>> gzip = auth({ { "Accept-Encoding", "gzip" },
                                                            { "User-Agent", "drive-ingest-test (gzip)" } });
    const QString list = u"/drive/v3/files?pageSize=50&fields=files(id,name)"_s;
    const SandboxProcess::Reply plain = m_sandbox.get(list, auth({ { "Accept-Encoding", "identity" } }));
    QCOMPARE(plain.status, 200);
    QVERIFY(plain.header("Content-Encoding").isEmpty());
    SandboxProcess::Reply r = m_sandbox.get(list, gzip);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Encoding"), "gzip"_ba);
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    QCOMPARE(r.header("Content-Length").toLongLong(), r.body.size());
    QVERIFY(r.body.size() < plain.body.size());
    QCOMPARE(gunzip(r.body), plain.body);

    r = m_sandbox.get(u"/drive/v3/files/1NoSuchFileIdAtAllInThisSandbox000"_s, gzip);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.header("Content-Encoding"), "gzip"_ba);
    QCOMPARE(QJsonDocument::fromJson(gunzip(r.body)).object()[u"error"_s][u"code"_s].toInt(), 404);

    // Accept-Encoding alone (no "gzip" in the User-Agent) is not enough.
    r = m_sandbox.get(list, auth({ { "Accept-Encoding", "gzip" }, { "User-Agent", "drive-ingest-test" } }));
    QVERIFY(r.header("Content-Encoding").isEmpty());
    QCOMPARE(r.body, plain.body);

    // Media stays byte-exact, whatever the client accepts.
    const QString id = m_tree.id(u"Drive Ingest Demo/readme.txt"_s); // text/plain, 512 bytes
    QVERIFY(!id.isEmpty());
    r = m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(id), gzip);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Encoding").isEmpty());
    QCOMPARE(r.header("Content-Length"), "512"_ba);
    QCOMPARE(r.body.size(), 512);
}

void TestSandboxDrive::resourceKey()
{
    const QJsonObject item = m_tree.byPath.value(u"Link-shared (resource key).bin"_s);
    const QString id = item.value(u"id"_s).toString();
    const QByteArray key = item.value(u"resourceKey"_s).toString().toUtf8();
    QCOMPARE(m_sandbox.get(u"/drive/v3/files/"_s + id, auth()).status, 404);
    const auto header = auth({ { "X-Goog-Drive-Resource-Keys", "other/x, " + id.toUtf8() + "/" + key } });
    QCOMPARE(m_sandbox.get(u"/drive/v3/files/"_s + id, header).status, 200);
    QCOMPARE(m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(id), header).body.size(), 4321);
}

void TestSandboxDrive::aboutNeedsFields()
{
    SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/about"_s, auth());
    QCOMPARE(r.status, 400);
    QCOMPARE(reason(r), u"required"_s);
    r = m_sandbox.get(u"/drive/v3/about?fields=user,storageQuota"_s, auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()[u"user"_s][u"me"_s].toBool(), true);
    QVERIFY(r.json()[u"storageQuota"_s][u"usage"_s].isString());
    QVERIFY(!r.json().contains(u"exportFormats"_s));
}

void TestSandboxDrive::changesToTheEnd()
{
    SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/changes/startPageToken"_s, auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"kind"_s).toString(), u"drive#startPageToken"_s);
    const QString start = r.json().value(u"startPageToken"_s).toString();
    QVERIFY(!start.isEmpty());
    // From the beginning of history to now: every visible item once, then newStartPageToken == start.
    QString token = u"1"_s;
    QSet<QString> seen;
    QString newStart;
    for (int guard = 0; guard < 1000 && newStart.isEmpty(); ++guard)
    {
        r = m_sandbox.get(u"/drive/v3/changes?pageSize=7&pageToken="_s + token, auth());
        QCOMPARE(r.status, 200);
        for (const QJsonValue &c : r.json().value(u"changes"_s).toArray())
            seen.insert(c.toObject().value(u"fileId"_s).toString());
        token = r.json().value(u"nextPageToken"_s).toString();
        newStart = r.json().value(u"newStartPageToken"_s).toString();
    }
    QCOMPARE(newStart, start);
    QCOMPARE(seen.size(), count({}));
    r = m_sandbox.get(u"/drive/v3/changes?pageToken="_s + start, auth());
    QCOMPARE(r.json().value(u"changes"_s).toArray().size(), 0);
    QCOMPARE(m_sandbox.get(u"/drive/v3/changes?pageToken=banana"_s, auth()).status, 400);
    QCOMPARE(m_sandbox.get(u"/drive/v3/changes"_s, auth()).status, 400);
}

void TestSandboxDrive::orderByAndTimes()
{
    const QString q = enc(u"'%1' in parents"_s.arg(m_tree.id(u"Drive Ingest Demo/Binary"_s)));
    SandboxProcess::Reply r
        = m_sandbox.get(u"/drive/v3/files?q=%1&orderBy=name%20desc&fields=files(name)"_s.arg(q), auth());
    QCOMPARE(r.status, 200);
    QStringList names;
    for (const QJsonValue &f : r.json().value(u"files"_s).toArray())
        names << f.toObject().value(u"name"_s).toString();
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(),
        [](const QString &a, const QString &b) { return a.toLower().toUtf8() > b.toLower().toUtf8(); });
    QCOMPARE(names, sorted);
    QCOMPARE(m_sandbox.get(u"/drive/v3/files?orderBy=size"_s, auth()).status, 400);
    QCOMPARE(count(u"modifiedTime > '2000-01-01T00:00:00'"_s), count({}));
    QCOMPARE(count(u"modifiedTime < '2000-01-01T00:00:00Z'"_s), 0);
    const QJsonObject one = m_sandbox
                                .get(u"/drive/v3/files/%1?fields=modifiedTime,createdTime"_s.arg(
                                         m_tree.id(u"Drive Ingest Demo/readme.txt"_s)),
                                    auth())
                                .json();
    const QString modified = one.value(u"modifiedTime"_s).toString();
    QVERIFY(QDateTime::fromString(modified, Qt::ISODateWithMs).isValid());
    QVERIFY(modified.endsWith(u'Z'));
    QVERIFY(one.value(u"createdTime"_s).toString() <= modified);
}

QTEST_GUILESS_MAIN(TestSandboxDrive)
#include "tst_sandbox_drive.moc"
