// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's mutable Drive (POST /_sandbox/mutate) and its changes feed (changes.getStartPageToken,
// changes.list): each operation's new state, all-or-nothing batches, one log per corpus, paging, removals,
// positions surviving /_sandbox/reset, and a download that keeps its bytes while its file changes.
#include "sandboxtestutil.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace SandboxTest;

class TestSandboxChanges final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addEachKind();
    void modifyIsANewRevision();
    void renameMoveTrashUntrash();
    void deleteAndUnshareRemove();
    void badOperationChangesNothing_data();
    void badOperationChangesNothing();
    void changesListLatestStateOnce();
    void pagingEndsWithNewStartPageToken();
    void removedChangesCarryOnlyTheId();
    void sharedDriveHasItsOwnLog();
    void restrictToMyDriveDropsSharedWithMe();
    void fieldsMaskApplies();
    void resetKeepsPositions();
    void downloadKeepsItsRevision();

private:
    SandboxProcess::Reply mutate(const QJsonArray &ops);
    /// The answer's items for a batch that must succeed.
    QJsonArray mutateOk(const QJsonArray &ops);
    QString startToken(const QString &driveId = {});
    /// Every page from `token`; `pages` counts them, `newStart` is the last page's newStartPageToken.
    QList<QJsonObject> allChanges(const QString &token, const QString &extra, int pageSize, int *pages = nullptr,
        QString *newStart = nullptr);
    QJsonObject fileGet(const QString &id, const QString &fields, int *status = nullptr);

    SandboxProcess m_sandbox { { u"--static-token"_s, QString::fromLatin1(kToken), u"--quiet"_s } };
    Tree m_tree;
    QString m_teamDrive;
};

namespace
{
QSet<QString> fileIds(const QList<QJsonObject> &changes)
{
    QSet<QString> ids;
    for (const QJsonObject &c : changes)
        ids.insert(c.value(u"fileId"_s).toString());
    return ids;
}

QJsonObject op(const QString &kind, const QString &id, const QJsonObject &more = {})
{
    QJsonObject o = more;
    o.insert(u"op"_s, kind);
    if (!id.isEmpty())
        o.insert(u"id"_s, id);
    return o;
}
} // namespace

void TestSandboxChanges::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    m_tree = loadTree(m_sandbox);
    m_teamDrive = m_tree.byPath.value(u"Team Drive"_s).value(u"id"_s).toString();
    QVERIFY(!m_teamDrive.isEmpty());
}

SandboxProcess::Reply TestSandboxChanges::mutate(const QJsonArray &ops)
{
    return m_sandbox.request("POST", u"/_sandbox/mutate"_s, QJsonDocument(ops).toJson(QJsonDocument::Compact),
        { { "Content-Type", "application/json" } });
}

QJsonArray TestSandboxChanges::mutateOk(const QJsonArray &ops)
{
    const SandboxProcess::Reply r = mutate(ops);
    if (r.status != 200)
        qWarning() << "mutate:" << r.status << r.body;
    const QJsonArray items = r.json().value(u"items"_s).toArray();
    return items.size() == ops.size() ? items : QJsonArray();
}

QString TestSandboxChanges::startToken(const QString &driveId)
{
    const QString query = driveId.isEmpty() ? QString() : u"?supportsAllDrives=true&driveId="_s + driveId;
    return m_sandbox.get(u"/drive/v3/changes/startPageToken"_s + query, auth())
        .json()
        .value(u"startPageToken"_s)
        .toString();
}

QList<QJsonObject> TestSandboxChanges::allChanges(
    const QString &token, const QString &extra, int pageSize, int *pages, QString *newStart)
{
    QList<QJsonObject> out;
    QString next = token;
    int count = 0;
    while (!next.isEmpty() && count < 1000)
    {
        const SandboxProcess::Reply r = m_sandbox.get(
            u"/drive/v3/changes?pageSize=%1&pageToken=%2%3"_s.arg(pageSize).arg(next, extra), auth());
        if (r.status != 200)
        {
            qWarning() << "changes.list:" << r.status << r.body;
            return {};
        }
        ++count;
        for (const QJsonValue &c : r.json().value(u"changes"_s).toArray())
            out.append(c.toObject());
        next = r.json().value(u"nextPageToken"_s).toString();
        if (newStart)
            *newStart = r.json().value(u"newStartPageToken"_s).toString();
        // nextPageToken and newStartPageToken never come together.
        if (!next.isEmpty() && r.json().contains(u"newStartPageToken"_s))
            return {};
    }
    if (pages)
        *pages = count;
    return out;
}

QJsonObject TestSandboxChanges::fileGet(const QString &id, const QString &fields, int *status)
{
    const SandboxProcess::Reply r
        = m_sandbox.get(u"/drive/v3/files/%1?supportsAllDrives=true&fields=%2"_s.arg(id, fields), auth());
    if (status)
        *status = r.status;
    return r.json();
}

void TestSandboxChanges::addEachKind()
{
    const QString binary = m_tree.id(u"Drive Ingest Demo/Binary"_s);
    const QJsonArray items = mutateOk({ QJsonObject { { u"op"_s, u"add"_s }, { u"parent"_s, binary },
                                            { u"name"_s, u"added.bin"_s }, { u"size"_s, 1000 } },
        QJsonObject { { u"op"_s, u"add"_s }, { u"parent"_s, binary }, { u"name"_s, u"Added folder"_s },
            { u"folder"_s, true } },
        QJsonObject { { u"op"_s, u"add"_s }, { u"parent"_s, binary }, { u"name"_s, u"Added doc"_s },
            { u"mimeType"_s, u"application/vnd.google-apps.document"_s } } });
    QCOMPARE(items.size(), 3);
    const QJsonObject file = items[0].toObject();
    QCOMPARE(file[u"name"_s].toString(), u"added.bin"_s);
    QCOMPARE(file[u"size"_s].toInteger(), 1000);
    QCOMPARE(file[u"parents"_s].toArray().first().toString(), binary);
    QCOMPARE(file[u"path"_s].toString(), u"Drive Ingest Demo/Binary/added.bin"_s);
    QCOMPARE(file[u"md5"_s].toString().size(), 32);
    QCOMPARE(items[1].toObject()[u"mimeType"_s].toString(), u"application/vnd.google-apps.folder"_s);
    QVERIFY(!items[2].toObject()[u"exportSizes"_s].toObject().isEmpty());

    // Drive serves them: listed under their parent, bytes of the announced size and md5.
    const SandboxProcess::Reply list = m_sandbox.get(
        u"/drive/v3/files?pageSize=1000&q="_s + enc(u"'%1' in parents"_s.arg(binary)), auth());
    QSet<QString> listed;
    for (const QJsonValue &f : list.json().value(u"files"_s).toArray())
        listed.insert(f.toObject().value(u"id"_s).toString());
    for (const QJsonValue &v : items)
        QVERIFY(listed.contains(v.toObject()[u"id"_s].toString()));
    const QByteArray bytes = m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(file[u"id"_s].toString()), auth()).body;
    QCOMPARE(bytes.size(), 1000);
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex()),
        file[u"md5"_s].toString());
    int status = 0;
    const QJsonObject doc = fileGet(items[2].toObject()[u"id"_s].toString(), u"mimeType,exportLinks"_s, &status);
    QCOMPARE(status, 200);
    QVERIFY(doc.contains(u"exportLinks"_s));
}

void TestSandboxChanges::modifyIsANewRevision()
{
    const QString id = m_tree.id(u"Drive Ingest Demo/Binary/1KiB.bin"_s);
    const QString fields = u"size,md5Checksum,sha256Checksum,headRevisionId,version"_s;
    const QJsonObject before = fileGet(id, fields);
    const QJsonArray items = mutateOk({ op(u"modify"_s, id, { { u"size"_s, 2000 } }) });
    QCOMPARE(items.size(), 1);
    QCOMPARE(items[0].toObject()[u"size"_s].toInteger(), 2000);
    const QJsonObject after = fileGet(id, fields);
    QCOMPARE(after[u"size"_s].toString(), u"2000"_s);
    QVERIFY(after[u"md5Checksum"_s].toString() != before[u"md5Checksum"_s].toString());
    QVERIFY(after[u"sha256Checksum"_s].toString() != before[u"sha256Checksum"_s].toString());
    QVERIFY(after[u"headRevisionId"_s].toString() != before[u"headRevisionId"_s].toString());
    QCOMPARE(after[u"version"_s].toString().toLongLong(), before[u"version"_s].toString().toLongLong() + 1);
    const QByteArray bytes = m_sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(id), auth()).body;
    QCOMPARE(bytes.size(), 2000);
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex()),
        after[u"md5Checksum"_s].toString());

    // A Google file's new revision: a new version and new export bytes.
    const QString docId = m_tree.id(u"Drive Ingest Demo/Docs/Budget"_s);
    const QString csv = u"/drive/v3/files/%1/export?mimeType=text/csv"_s.arg(docId);
    const QByteArray oldExport = m_sandbox.get(csv, auth()).body;
    const qint64 oldVersion = fileGet(docId, u"version"_s)[u"version"_s].toString().toLongLong();
    QCOMPARE(mutateOk({ op(u"modify"_s, docId) }).size(), 1);
    QCOMPARE(fileGet(docId, u"version"_s)[u"version"_s].toString().toLongLong(), oldVersion + 1);
    QVERIFY(m_sandbox.get(csv, auth()).body != oldExport);
}

void TestSandboxChanges::renameMoveTrashUntrash()
{
    const QString id = m_tree.id(u"Drive Ingest Demo/Binary/notes.txt"_s);
    const QString deep = m_tree.id(u"Drive Ingest Demo/Deep"_s);
    QJsonArray items = mutateOk({ op(u"rename"_s, id, { { u"name"_s, u"renamed.txt"_s } }),
        op(u"move"_s, id, { { u"parent"_s, deep } }), op(u"trash"_s, id) });
    QCOMPARE(items.size(), 3);
    QCOMPARE(items[0].toObject()[u"name"_s].toString(), u"renamed.txt"_s);
    QCOMPARE(items[1].toObject()[u"parents"_s].toArray().first().toString(), deep);
    QCOMPARE(items[1].toObject()[u"path"_s].toString(), u"Drive Ingest Demo/Deep/renamed.txt"_s);
    QCOMPARE(items[2].toObject()[u"trashed"_s].toBool(), true);
    QJsonObject now = fileGet(id, u"name,parents,trashed"_s);
    QCOMPARE(now[u"name"_s].toString(), u"renamed.txt"_s);
    QCOMPARE(now[u"parents"_s].toArray().first().toString(), deep);
    QCOMPARE(now[u"trashed"_s].toBool(), true);
    items = mutateOk({ op(u"untrash"_s, id) });
    QCOMPARE(items.size(), 1);
    QCOMPARE(items[0].toObject()[u"trashed"_s].toBool(), false);
    QCOMPARE(fileGet(id, u"trashed"_s)[u"trashed"_s].toBool(), false);

    // Renaming a folder carries its subtree's paths along.
    const QString level1 = m_tree.id(u"Drive Ingest Demo/Deep/level1"_s);
    QCOMPARE(mutateOk({ op(u"rename"_s, level1, { { u"name"_s, u"first"_s } }) }).size(), 1);
    const Tree tree = loadTree(m_sandbox);
    QCOMPARE(tree.byId.value(m_tree.id(u"Drive Ingest Demo/Deep/level1/l1.bin"_s))[u"path"_s].toString(),
        u"Drive Ingest Demo/Deep/first/l1.bin"_s);
}

void TestSandboxChanges::deleteAndUnshareRemove()
{
    // A file and a folder share this path: the tree's first is the file, which must stay.
    const QString sameNamedFile = m_tree.id(u"Drive Ingest Demo/Odd names/same-folder-and-file"_s);
    QString realFolder;
    for (const QJsonObject &item : m_tree.items)
        if (item[u"path"_s].toString() == u"Drive Ingest Demo/Odd names/same-folder-and-file"_s
            && item[u"mimeType"_s].toString() == u"application/vnd.google-apps.folder"_s)
            realFolder = item[u"id"_s].toString();
    QVERIFY(!realFolder.isEmpty());
    const QString inside = m_tree.id(u"Drive Ingest Demo/Odd names/same-folder-and-file/inside.txt"_s);
    const QString shared = m_tree.id(u"Shared with me.pdf"_s);
    const QJsonArray items = mutateOk({ op(u"delete"_s, realFolder), op(u"unshare"_s, shared) });
    QCOMPARE(items.size(), 2);
    QCOMPARE(items[0].toObject()[u"removed"_s].toString(), u"deleted"_s);
    QCOMPARE(items[1].toObject()[u"removed"_s].toString(), u"unshared"_s);
    for (const QString &id : { realFolder, inside, shared })
    {
        int status = 0;
        fileGet(id, u"id"_s, &status);
        QCOMPARE(status, 404);
        QVERIFY(!loadTree(m_sandbox).byId.contains(id));
    }
    QVERIFY(sameNamedFile != realFolder);
    int status = 0;
    fileGet(sameNamedFile, u"id"_s, &status);
    QCOMPARE(status, 200);
}

void TestSandboxChanges::badOperationChangesNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    const QByteArray readme = m_tree.id(u"Drive Ingest Demo/readme.txt"_s).toLatin1();
    const QByteArray demo = m_tree.demoRootId.toLatin1();
    const QByteArray rename = R"({"op":"rename","id":")" + readme + R"(","name":"changed.txt"})";
    QTest::addRow("unknown id") << "[" + rename + R"(,{"op":"trash","id":"1NoSuchItem"}])";
    QTest::addRow("unknown op") << "[" + rename + R"(,{"op":"explode","id":")" + readme + R"("}])";
    QTest::addRow("add without parent") << "[" + rename + R"(,{"op":"add","name":"x.bin"}])";
    QTest::addRow("add under a file") << "[" + rename + R"(,{"op":"add","parent":")" + readme + R"(","name":"x"}])";
    QTest::addRow("negative size") << "[" + rename + R"(,{"op":"add","parent":")" + demo
            + R"(","name":"x","size":-1}])";
    QTest::addRow("wrong type") << "[" + rename + R"(,{"op":"add","parent":")" + demo + R"(","name":"x","folder":"yes"}])";
    QTest::addRow("folder into itself") << "[" + rename + R"(,{"op":"move","id":")" + demo + R"(","parent":")" + demo
            + R"("}])";
    QTest::addRow("modify a folder") << "[" + rename + R"(,{"op":"modify","id":")" + demo + R"("}])";
    QTest::addRow("the same item deleted then renamed")
        << "[" + rename + R"(,{"op":"delete","id":")" + readme + R"("},)" + rename + "]";
    QTest::addRow("not a list") << R"({"op":"trash"})"_ba;
    QTest::addRow("not JSON") << "[{"_ba;
}

void TestSandboxChanges::badOperationChangesNothing()
{
    QFETCH(QByteArray, body);
    const QString readme = m_tree.id(u"Drive Ingest Demo/readme.txt"_s);
    const QString token = startToken();
    const int itemsBefore = int(loadTree(m_sandbox).items.size());
    const SandboxProcess::Reply r = m_sandbox.request("POST", u"/_sandbox/mutate"_s, body);
    QCOMPARE(r.status, 400);
    QVERIFY(!r.json().value(u"error"_s).toString().isEmpty());
    QCOMPARE(fileGet(readme, u"name"_s)[u"name"_s].toString(), u"readme.txt"_s);
    QCOMPARE(int(loadTree(m_sandbox).items.size()), itemsBefore);
    QCOMPARE(startToken(), token);
    QVERIFY(allChanges(token, {}, 100).isEmpty());
}

void TestSandboxChanges::changesListLatestStateOnce()
{
    const QString token = startToken();
    QVERIFY(!token.isEmpty());
    const QString demo = m_tree.demoRootId;
    const QString renamed = m_tree.id(u"Drive Ingest Demo/Binary/data.csv"_s);
    const QString trashed = m_tree.id(u"Drive Ingest Demo/Binary/64KiB.bin"_s);
    const QJsonArray added = mutateOk({ QJsonObject { { u"op"_s, u"add"_s }, { u"parent"_s, demo },
                                            { u"name"_s, u"fresh.bin"_s }, { u"size"_s, 10 } },
        op(u"rename"_s, renamed, { { u"name"_s, u"first.csv"_s } }), op(u"trash"_s, trashed) });
    QCOMPARE(added.size(), 3);
    const QString fresh = added[0].toObject()[u"id"_s].toString();
    QCOMPARE(mutateOk({ op(u"rename"_s, renamed, { { u"name"_s, u"second.csv"_s } }),
                 op(u"modify"_s, fresh, { { u"size"_s, 20 } }) })
                 .size(),
        2);

    QString newStart;
    const QList<QJsonObject> changes = allChanges(token,
        u"&fields=newStartPageToken,nextPageToken,changes(fileId,removed,changeType,time,file(name,size,trashed))"_s,
        100, nullptr, &newStart);
    QCOMPARE(changes.size(), 3); // each changed item once
    QCOMPARE(fileIds(changes), (QSet<QString> { fresh, renamed, trashed }));
    for (const QJsonObject &c : changes)
    {
        QCOMPARE(c[u"removed"_s].toBool(), false);
        QCOMPARE(c[u"changeType"_s].toString(), u"file"_s);
        QVERIFY(c[u"time"_s].toString().endsWith(u'Z'));
        const QJsonObject file = c[u"file"_s].toObject();
        const QString id = c[u"fileId"_s].toString();
        if (id == renamed)
            QCOMPARE(file[u"name"_s].toString(), u"second.csv"_s); // the latest state
        else if (id == fresh)
            QCOMPARE(file[u"size"_s].toString(), u"20"_s);
        else
            QCOMPARE(file[u"trashed"_s].toBool(), true);
    }
    QCOMPARE(newStart, startToken());
    QVERIFY(allChanges(newStart, {}, 100).isEmpty());
}

void TestSandboxChanges::pagingEndsWithNewStartPageToken()
{
    const QString token = startToken();
    const QString deep = m_tree.id(u"Drive Ingest Demo/Deep"_s);
    QJsonArray ops;
    for (int i = 0; i < 5; ++i)
        ops.append(QJsonObject {
            { u"op"_s, u"add"_s }, { u"parent"_s, deep }, { u"name"_s, u"page-%1.bin"_s.arg(i) }, { u"size"_s, i } });
    const QJsonArray added = mutateOk(ops);
    QCOMPARE(added.size(), 5);
    QSet<QString> expected;
    for (const QJsonValue &v : added)
        expected.insert(v.toObject()[u"id"_s].toString());

    // Page by page: nextPageToken and no newStartPageToken until the last page.
    SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/changes?pageSize=2&pageToken="_s + token, auth());
    QCOMPARE(r.json()[u"changes"_s].toArray().size(), 2);
    QVERIFY(r.json().contains(u"nextPageToken"_s));
    QVERIFY(!r.json().contains(u"newStartPageToken"_s));
    int pages = 0;
    QString newStart;
    const QList<QJsonObject> changes = allChanges(token, {}, 2, &pages, &newStart);
    QCOMPARE(pages, 3);
    QCOMPARE(changes.size(), 5);
    QCOMPARE(fileIds(changes), expected);
    QCOMPARE(newStart, startToken());
    QCOMPARE(m_sandbox.get(u"/drive/v3/changes?pageToken=%1"_s.arg(newStart.toLongLong() + 1), auth()).status, 400);
}

void TestSandboxChanges::removedChangesCarryOnlyTheId()
{
    const QString token = startToken();
    const QString deleted = m_tree.id(u"Drive Ingest Demo/Binary/one-byte.bin"_s);
    const QString unshared = m_tree.id(u"Link-shared (resource key).bin"_s);
    QCOMPARE(mutateOk({ op(u"delete"_s, deleted), op(u"unshare"_s, unshared) }).size(), 2);
    const QList<QJsonObject> changes = allChanges(token, u"&fields=*"_s, 100);
    QCOMPARE(fileIds(changes), (QSet<QString> { deleted, unshared }));
    for (const QJsonObject &c : changes)
    {
        QCOMPARE(c[u"removed"_s].toBool(), true);
        QVERIFY(!c.contains(u"file"_s));
    }
    QVERIFY(allChanges(token, u"&includeRemoved=false"_s, 100).isEmpty());
}

void TestSandboxChanges::sharedDriveHasItsOwnLog()
{
    const QString userToken = startToken();
    const QString driveToken = startToken(m_teamDrive);
    QVERIFY(!driveToken.isEmpty());
    const QString teamFile = m_tree.id(u"Team Drive/team-report.csv"_s);
    const QString myFile = m_tree.id(u"Outside the demo.txt"_s);
    QVERIFY(!teamFile.isEmpty());
    QCOMPARE(mutateOk({ op(u"rename"_s, teamFile, { { u"name"_s, u"team-renamed.csv"_s } }),
                 op(u"rename"_s, myFile, { { u"name"_s, u"mine-renamed.txt"_s } }) })
                 .size(),
        2);
    // The user's log holds only My Drive's change, even with every all-drives flag.
    const QList<QJsonObject> user
        = allChanges(userToken, u"&supportsAllDrives=true&includeItemsFromAllDrives=true"_s, 100);
    QCOMPARE(fileIds(user), QSet<QString> { myFile });
    const QList<QJsonObject> team = allChanges(driveToken,
        u"&supportsAllDrives=true&driveId=%1&fields=*"_s.arg(m_teamDrive), 100);
    QCOMPARE(fileIds(team), QSet<QString> { teamFile });
    QCOMPARE(team.first()[u"driveId"_s].toString(), m_teamDrive);
    QCOMPARE(team.first()[u"file"_s].toObject()[u"name"_s].toString(), u"team-renamed.csv"_s);
    QCOMPARE(team.first()[u"file"_s].toObject()[u"driveId"_s].toString(), m_teamDrive);
    QCOMPARE(m_sandbox.get(u"/drive/v3/changes?pageToken=1&driveId=0ANoSuchDrive"_s, auth()).status, 404);
}

void TestSandboxChanges::restrictToMyDriveDropsSharedWithMe()
{
    const QString token = startToken();
    const QString shared = m_tree.id(u"Shared folder/shared-inner.bin"_s);
    const QString mine = m_tree.id(u"Drive Ingest Demo/Binary/10MiB.bin"_s);
    QVERIFY(!shared.isEmpty());
    QCOMPARE(mutateOk({ op(u"trash"_s, shared), op(u"trash"_s, mine) }).size(), 2);
    QCOMPARE(fileIds(allChanges(token, {}, 100)), (QSet<QString> { shared, mine }));
    QCOMPARE(fileIds(allChanges(token, u"&restrictToMyDrive=true"_s, 100)), QSet<QString> { mine });
}

void TestSandboxChanges::fieldsMaskApplies()
{
    const QString token = startToken();
    const QString id = m_tree.id(u"Drive Ingest Demo/Binary/odd-1000003.bin"_s);
    QCOMPARE(mutateOk({ op(u"trash"_s, id) }).size(), 1);
    const SandboxProcess::Reply r = m_sandbox.get(
        u"/drive/v3/changes?pageToken=%1&fields=newStartPageToken,changes(fileId,file(name,md5Checksum))"_s.arg(token),
        auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().keys(), (QStringList { u"changes"_s, u"newStartPageToken"_s }));
    const QJsonObject c = r.json()[u"changes"_s].toArray().first().toObject();
    QCOMPARE(c.keys(), (QStringList { u"file"_s, u"fileId"_s }));
    QCOMPARE(c[u"file"_s].toObject().keys(), (QStringList { u"md5Checksum"_s, u"name"_s }));
    QCOMPARE(m_sandbox.get(u"/drive/v3/changes?pageToken=%1&fields=changes(bogus)"_s.arg(token), auth()).status, 400);
}

void TestSandboxChanges::resetKeepsPositions()
{
    const QString token = startToken();
    const QString id = m_tree.id(u"Drive Ingest Demo/Binary/1MiB.bin"_s);
    QCOMPARE(mutateOk({ op(u"rename"_s, id, { { u"name"_s, u"after-reset.bin"_s } }) }).size(), 1);
    QVERIFY(m_sandbox.reset());
    const QList<QJsonObject> changes = allChanges(token, {}, 100);
    QCOMPARE(fileIds(changes), QSet<QString> { id });
    QCOMPARE(changes.first()[u"file"_s].toObject()[u"name"_s].toString(), u"after-reset.bin"_s);
}

void TestSandboxChanges::downloadKeepsItsRevision()
{
    const QString id = m_tree.id(u"Drive Ingest Demo/Binary/100MiB.bin"_s);
    const QString oldMd5 = fileGet(id, u"md5Checksum"_s)[u"md5Checksum"_s].toString();
    QCOMPARE(oldMd5.size(), 32);

    // A download that cannot finish by itself: the reply buffers 64 KiB and nobody reads until the file changed.
    QNetworkAccessManager nam;
    QNetworkRequest request(m_sandbox.url(u"/drive/v3/files/%1?alt=media"_s.arg(id)));
    request.setRawHeader("Authorization", QByteArray("Bearer ") + kToken);
    QNetworkReply *reply = nam.get(request);
    reply->setReadBufferSize(64 * 1024);
    QEventLoop loop;
    connect(reply, &QNetworkReply::metaDataChanged, &loop, &QEventLoop::quit);
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    QCOMPARE(mutateOk({ op(u"modify"_s, id, { { u"size"_s, 4096 } }) }).size(), 1);
    QVERIFY(!reply->isFinished()); // the change happened during the download
    const QString newMd5 = fileGet(id, u"md5Checksum"_s)[u"md5Checksum"_s].toString();
    QVERIFY(newMd5 != oldMd5);

    QCryptographicHash md5(QCryptographicHash::Md5);
    qint64 total = 0;
    connect(reply, &QNetworkReply::readyRead, &loop, &QEventLoop::quit);
    while (true)
    {
        const QByteArray chunk = reply->readAll();
        md5.addData(chunk);
        total += chunk.size();
        if (reply->isFinished() && reply->bytesAvailable() == 0)
            break;
        if (chunk.isEmpty())
            loop.exec();
    }
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(total, 104857600);
    QCOMPARE(QString::fromLatin1(md5.result().toHex()), oldMd5); // the old revision, whole
    delete reply;
}

QTEST_GUILESS_MAIN(TestSandboxChanges)
#include "tst_sandbox_changes.moc"
