// SPDX-License-Identifier: GPL-3.0-or-later
// Grouped listings of drive-ingest-sandbox (issue 12, "Fast listing"): several `'ID' in parents` terms OR-ed in one
// files.list query, as rclone's ListR sends them, and the fault reproducing Drive's bug on such queries
// (google-drive-api.md §2, resume-incremental.md §2).
#include "sandboxtestutil.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace SandboxTest;

namespace
{
struct Listed
{
    int status = 0;
    QStringList ids; ///< every page, in order
    QHash<QString, QString> parentOf;
    int pages = 0;
};
} // namespace

class TestSandboxListing final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void groupedEqualsTheUnionOfSingles_data();
    void groupedEqualsTheUnionOfSingles();
    void groupedInASharedDrive();
    void fiftyParentsFitOneRequest();
    void groupedBugAnswersAnEmptyLastPage();
    void badGroupedQueriesAre400();

private:
    Listed list(const QString &q, int pageSize, const QString &extra = {});
    QString id(const QString &path) const { return m_tree.id(path); }

    SandboxProcess m_sandbox { { u"--static-token"_s, QString::fromLatin1(kToken), u"--quiet"_s } };
    Tree m_tree;
};

void TestSandboxListing::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    m_tree = loadTree(m_sandbox);
}

void TestSandboxListing::init()
{
    QVERIFY(m_sandbox.reset());
}

Listed TestSandboxListing::list(const QString &q, int pageSize, const QString &extra)
{
    Listed out;
    QString token;
    for (int guard = 0; guard < 1000; ++guard)
    {
        QString path = u"/drive/v3/files?pageSize=%1&fields=nextPageToken,files(id,parents)&q=%2%3"_s.arg(pageSize).arg(
            enc(q), extra);
        if (!token.isEmpty())
            path += u"&pageToken="_s + enc(token);
        const SandboxProcess::Reply r = m_sandbox.get(path, auth());
        out.status = r.status;
        if (r.status != 200)
            return out;
        ++out.pages;
        for (const QJsonValue &v : r.json().value(u"files"_s).toArray())
        {
            const QJsonObject f = v.toObject();
            out.ids.append(f.value(u"id"_s).toString());
            out.parentOf.insert(f.value(u"id"_s).toString(), f.value(u"parents"_s).toArray().first().toString());
        }
        token = r.json().value(u"nextPageToken"_s).toString();
        if (token.isEmpty())
            break;
    }
    return out;
}

void TestSandboxListing::groupedEqualsTheUnionOfSingles_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("one page") << 1000;
    QTest::newRow("pages of 3 (folders spread over pages)") << 3;
}

void TestSandboxListing::groupedEqualsTheUnionOfSingles()
{
    QFETCH(int, pageSize);
    const QStringList folders { id(u"Drive Ingest Demo/Binary"_s), id(u"Drive Ingest Demo/Docs"_s),
        id(u"Drive Ingest Demo/Deep"_s), id(u"Drive Ingest Demo"_s) };
    for (const QString &f : folders)
        QVERIFY(!f.isEmpty());

    QSet<QString> expected;
    QHash<QString, QString> expectedParent;
    QStringList terms;
    for (const QString &folder : folders)
    {
        const Listed one = list(u"'%1' in parents and trashed = false"_s.arg(folder), 1000);
        QCOMPARE(one.status, 200);
        QVERIFY(!one.ids.isEmpty());
        for (const QString &child : one.ids)
        {
            expected.insert(child);
            expectedParent.insert(child, folder);
        }
        terms.append(u"'%1' in parents"_s.arg(folder));
    }
    const Listed grouped = list(u"("_s + terms.join(u" or "_s) + u") and trashed = false"_s, pageSize);
    QCOMPARE(grouped.status, 200);
    // Each child once, with the parent it was listed under, whatever page it came on.
    QCOMPARE(grouped.ids.size(), expected.size());
    QCOMPARE(QSet<QString>(grouped.ids.begin(), grouped.ids.end()), expected);
    for (const QString &child : grouped.ids)
        QCOMPARE(grouped.parentOf.value(child), expectedParent.value(child));
    if (pageSize == 3)
    {
        QVERIFY(grouped.pages > expected.size() / 3);
        // The order is the sandbox's order for any query: the same as without the trashed term, filtered.
        const Listed all = list(u"("_s + terms.join(u" or "_s) + u")"_s, 1000);
        QStringList live = all.ids;
        live.removeIf([&expected](const QString &i) { return !expected.contains(i); });
        QCOMPARE(grouped.ids, live);
        QVERIFY(all.ids.size() > grouped.ids.size()); // the demo root holds a trashed file and folder
    }
}

void TestSandboxListing::groupedInASharedDrive()
{
    const QString drive = id(u"Team Drive"_s);
    const QString folder = id(u"Team Drive/Team folder"_s);
    QVERIFY(!drive.isEmpty() && !folder.isEmpty());
    const QString q = u"('%1' in parents or '%2' in parents) and trashed = false"_s.arg(drive, folder);
    const QString flags = u"&supportsAllDrives=true&includeItemsFromAllDrives=true"_s;
    const Listed inDrive = list(q, 1000, flags + u"&corpora=drive&driveId="_s + drive);
    QCOMPARE(inDrive.status, 200);
    // team-report.csv and Team folder under the drive; team-data.bin and Team doc under the folder.
    QCOMPARE(inDrive.ids.size(), 4);
    QCOMPARE(inDrive.parentOf.values().count(drive), 2);
    QCOMPARE(inDrive.parentOf.values().count(folder), 2);
    // Without the all-drives flags shared-drive items stay out, grouped or not.
    QCOMPARE(list(q, 1000).ids.size(), 0);
    QCOMPARE(list(q, 1000, flags).ids.size(), 4);
}

void TestSandboxListing::fiftyParentsFitOneRequest()
{
    // rclone groups 50 folders; with 33-character ids that is well inside the 8 KiB request line.
    QStringList terms;
    QSet<QString> folders;
    for (const QJsonObject &item : std::as_const(m_tree.items))
    {
        if (terms.size() == 50)
            break;
        terms.append(u"'%1' in parents"_s.arg(item.value(u"id"_s).toString()));
        if (item.value(u"mimeType"_s).toString() == u"application/vnd.google-apps.folder"_s)
            folders.insert(item.value(u"id"_s).toString());
    }
    QCOMPARE(terms.size(), 50);
    const Listed grouped = list(u"("_s + terms.join(u" or "_s) + u") and trashed = false"_s, 1000,
        u"&supportsAllDrives=true&includeItemsFromAllDrives=true"_s);
    QCOMPARE(grouped.status, 200);
    QVERIFY(!grouped.ids.isEmpty());
    for (const QString &child : grouped.ids)
        QVERIFY(folders.contains(grouped.parentOf.value(child)) || grouped.parentOf.value(child) == m_tree.rootId);
}

void TestSandboxListing::groupedBugAnswersAnEmptyLastPage()
{
    const QString binary = id(u"Drive Ingest Demo/Binary"_s);
    const QString docs = id(u"Drive Ingest Demo/Docs"_s);
    const QString grouped = u"('%1' in parents or '%2' in parents) and trashed = false"_s.arg(binary, docs);
    const QString single = u"'%1' in parents and trashed = false"_s.arg(binary);
    const int children = int(list(grouped, 1000).ids.size());
    const int binaryChildren = int(list(single, 1000).ids.size());
    QVERIFY(children > binaryChildren && binaryChildren > 0);

    QVERIFY(m_sandbox.setFaults({ { u"grouped_list_empty_times"_s, 2 } }));
    // One-parent queries are never hit and do not use the fault up.
    QCOMPARE(list(single, 1000).ids.size(), binaryChildren);
    // Twice an empty page with no nextPageToken: to a client, a grouped listing that found nothing.
    for (int i = 0; i < 2; ++i)
    {
        const SandboxProcess::Reply r = m_sandbox.get(
            u"/drive/v3/files?q=%1&fields=nextPageToken,files(id)&pageSize=5"_s.arg(enc(grouped)), auth());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"files"_s).toArray().size(), 0);
        QVERIFY(!r.json().contains(u"nextPageToken"_s));
    }
    // Then the query answers again.
    QCOMPARE(list(grouped, 1000).ids.size(), children);
    // Only a first page is hit: a listing begun before the fault goes on whole.
    const SandboxProcess::Reply first
        = m_sandbox.get(u"/drive/v3/files?q=%1&fields=nextPageToken,files(id)&pageSize=2"_s.arg(enc(grouped)), auth());
    QCOMPARE(first.json().value(u"files"_s).toArray().size(), 2);
    QVERIFY(m_sandbox.setFaults({ { u"grouped_list_empty_times"_s, 1 } }));
    const SandboxProcess::Reply second
        = m_sandbox.get(u"/drive/v3/files?q=%1&fields=nextPageToken,files(id)&pageSize=2&pageToken=%2"_s.arg(
                            enc(grouped), enc(first.json().value(u"nextPageToken"_s).toString())),
            auth());
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json().value(u"files"_s).toArray().size(), 2);
    QVERIFY(m_sandbox.reset()); // reset turns the fault off
    QCOMPARE(list(grouped, 1000).ids.size(), children);
    // A bad value is refused like any other knob.
    QCOMPARE(m_sandbox
                 .request("POST", u"/_sandbox/faults"_s, R"({"grouped_list_empty_times": -1})",
                     { { "Content-Type", "application/json" } })
                 .status,
        400);
}

void TestSandboxListing::badGroupedQueriesAre400()
{
    const QString binary = id(u"Drive Ingest Demo/Binary"_s);
    for (const QString &q : { u"('%1' in parents or) and trashed = false"_s.arg(binary),
             u"('%1' in parents or '%1' in owners)"_s.arg(binary), u"('%1' in parents"_s.arg(binary) })
    {
        const SandboxProcess::Reply r = m_sandbox.get(u"/drive/v3/files?q=%1&fields=files(id)"_s.arg(enc(q)), auth());
        QCOMPARE(r.status, 400);
        QCOMPARE(reason(r), u"invalid"_s);
    }
}

QTEST_GUILESS_MAIN(TestSandboxListing)
#include "tst_sandbox_listing.moc"
