// SPDX-License-Identifier: GPL-3.0-or-later
// TreeWalker's fast listing (issue 12): up to 50 folders per files.list query, children spread back by parents,
// Drive's empty-answer bug handled by listing one folder per query; against the real sandbox over loopback HTTP.
#include "drive/driveclient.h"
#include "drive/treewalker.h"
#include "net/endpoints.h"
#include "net/tokenprovider.h"
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace
{
constexpr char Token[] = "listing-test-token";
constexpr int WideFolders = 1 + 8 + 8 * 12; // Wide, A0..A7, B0..B11 under each
// Big: the memory benchmark's shape (a top folder with as many children as each of its folders), scaled down.
constexpr int BigFolders = 40;
constexpr int BigFolderFiles = 300;
constexpr int BigTopFiles = BigFolderFiles - BigFolders;
// Three mime types among Big's files: text/plain, text/csv, application/json.
constexpr const char16_t *BigExtensions[] = { u"txt", u"csv", u"json" };

QJsonObject file(const QString &name, int size = 10)
{
    return { { u"name"_s, name }, { u"size"_s, size } };
}

QJsonObject folder(const QString &name, const QJsonArray &children)
{
    return { { u"name"_s, name }, { u"children"_s, children } };
}

/// Wide: 105 folders over three levels, files everywhere, a shortcut and a trashed file among them. Two empty
/// folders and two one-file folders at the top of My Drive; a shared drive of 12 folders with a subfolder each.
/// Big: BigFolders folders of BigFolderFiles files, and files beside them.
QJsonObject manifest()
{
    QJsonArray big;
    for (int f = 0; f < BigFolders; ++f)
    {
        QJsonArray files;
        for (int i = 0; i < BigFolderFiles; ++i)
            files.append(file(u"f%1.%2"_s.arg(i).arg(BigExtensions[i % 3]), 1));
        big.append(folder(u"F%1"_s.arg(f), files));
    }
    for (int i = 0; i < BigTopFiles; ++i)
        big.append(file(u"top%1.bin"_s.arg(i), 1));
    QJsonArray as;
    for (int a = 0; a < 8; ++a)
    {
        QJsonArray children { file(u"a%1.bin"_s.arg(a)) };
        for (int b = 0; b < 12; ++b)
        {
            QJsonArray leaf { file(u"b0.bin"_s), file(u"b1.bin"_s, 20 + b) };
            if (a == 2 && b == 3)
                leaf.append(QJsonObject { { u"name"_s, u"gone.bin"_s }, { u"size"_s, 5 }, { u"trashed"_s, true } });
            children.append(folder(u"B%1"_s.arg(b), leaf));
        }
        if (a == 0)
            children.append(
                QJsonObject { { u"name"_s, u"Shortcut to b0"_s }, { u"target"_s, u"Wide/A1/B0/b0.bin"_s } });
        as.append(folder(u"A%1"_s.arg(a), children));
    }
    as.append(file(u"top.txt"_s));
    QJsonArray team;
    for (int t = 0; t < 12; ++t)
        team.append(folder(u"T%1"_s.arg(t), { file(u"t.bin"_s), folder(u"U"_s, { file(u"u.bin"_s) }) }));
    return { { u"demo_root"_s, u"Wide"_s },
        { u"my_drive"_s,
            QJsonArray { folder(u"Wide"_s, as), folder(u"Empty1"_s, {}), folder(u"Empty2"_s, {}),
                folder(u"One1"_s, { file(u"one1.bin"_s) }), folder(u"One2"_s, { file(u"one2.bin"_s) }),
                folder(u"Big"_s, big) } },
        { u"shared_drives"_s, QJsonArray { QJsonObject { { u"name"_s, u"Team"_s }, { u"children"_s, team } } } } };
}

struct Walk
{
    QMap<QString, QStringList> children; ///< folder path -> "name|id" of every child, sorted
    QMap<QString, int> listedTimes; ///< folder path -> folderListed() count
    QStringList files;
    QHash<QString, Drive::DriveFile> found; ///< path -> the file as fileFound() gave it
    QMap<QString, QString> failed;
    bool finished = false;
    int filesList = 0; ///< files.list requests the sandbox answered
    qint64 heldPeak = 0; ///< TreeWalker::heldChildrenPeak()
};
} // namespace

class TestListingGrouped final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void wideTreeInFewRequests();
    void childrenSpreadOverPages();
    void sharedDriveFoldersShareAQuery();
    void emptyGroupIsListedOneByOne();
    void honestlyEmptyFoldersToo();
    void bugDuringAWholeWalk();
    void bigFoldersHoldAboutAPage();
    void smallFoldersStillGroup();

private:
    Walk walk(const std::function<void(Drive::TreeWalker &)> &feed, int groupSize, int maxConcurrent = 4,
        int pageSize = 1000);
    QString idOf(const QString &path) const { return m_ids.value(path); }

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Net::StaticTokenProvider> m_tokens;
    QHash<QString, QString> m_ids; ///< sandbox path -> id
};

void TestListingGrouped::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString manifestPath = m_dir.filePath(u"manifest.json"_s);
    QFile f(manifestPath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(manifest()).toJson());
    f.close();
    m_sandbox = std::make_unique<SandboxProcess>(
        QStringList { u"--static-token"_s, QString::fromLatin1(Token), u"--quiet"_s, u"--manifest"_s, manifestPath });
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_tokens = std::make_unique<Net::StaticTokenProvider>(Token, u"sandbox"_s);
    for (const QJsonValue &v : m_sandbox->get(u"/_sandbox/tree?hashes=false"_s).json().value(u"items"_s).toArray())
        m_ids.insert(v.toObject().value(u"path"_s).toString(), v.toObject().value(u"id"_s).toString());
    QVERIFY(!idOf(u"Wide/A7/B11"_s).isEmpty());
}

void TestListingGrouped::init()
{
    QVERIFY(m_sandbox->reset());
}

Walk TestListingGrouped::walk(
    const std::function<void(Drive::TreeWalker &)> &feed, int groupSize, int maxConcurrent, int pageSize)
{
    QObject scope;
    auto *client = new Drive::DriveClient(
        m_nam.get(), m_tokens.get(), nullptr, Net::Endpoints::sandbox(m_sandbox->baseUrl()), &scope);
    Net::BackoffPolicy fast;
    fast.initial = 20ms;
    fast.max = 200ms;
    fast.jitter = 10ms;
    client->setBackoffPolicy(fast);
    const QJsonObject before = m_sandbox->stats();
    Walk w;
    Drive::TreeWalker walker(client);
    walker.setGroupSize(groupSize);
    walker.setMaxConcurrent(maxConcurrent);
    walker.setPageSize(pageSize);
    connect(&walker, &Drive::TreeWalker::folderListed, &scope,
        [&w](const QStringList &segments, const QStringList &ids, const QList<Drive::DriveFile> &children)
        {
            if (segments.size() != ids.size())
                qWarning("segments and ids differ in length");
            const QString path = segments.join(u'/');
            QStringList names;
            for (const Drive::DriveFile &c : children)
                names.append(c.name + u'|' + c.id);
            names.sort();
            w.children.insert(path, names);
            ++w.listedTimes[path];
        });
    connect(&walker, &Drive::TreeWalker::fileFound, &scope,
        [&w](const QStringList &segments, const QStringList &, const Drive::DriveFile &f)
        {
            const QString path = (segments + QStringList { f.name }).join(u'/');
            w.files.append(path + u'|' + f.id);
            w.found.insert(path, f);
        });
    connect(&walker, &Drive::TreeWalker::itemFailed, &scope,
        [&w](const Drive::DriveRef &, const QString &path, const Net::Error &e) { w.failed.insert(path, e.reason); });
    connect(&walker, &Drive::TreeWalker::finished, &scope, [&w] { w.finished = true; });
    feed(walker);
    if (!QTest::qWaitFor([&w] { return w.finished; }, 60000))
        qWarning("the walk did not finish in time");
    w.files.sort();
    w.heldPeak = walker.heldChildrenPeak();
    const auto count = [](const QJsonObject &stats)
    {
        int n = 0;
        const QJsonObject byStatus = stats.value(u"by_route"_s).toObject().value(u"drive.files.list"_s).toObject();
        for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
            n += it.value().toInt();
        return n;
    };
    w.filesList = count(m_sandbox->stats()) - count(before);
    return w;
}

void TestListingGrouped::wideTreeInFewRequests()
{
    const auto feed = [this](Drive::TreeWalker &t) { t.add({ Drive::DriveRef { idOf(u"Wide"_s), {}, {} } }); };
    const Walk single = walk(feed, 1);
    const Walk grouped = walk(feed, Drive::DriveClient::MaxParentsPerQuery);
    QVERIFY(single.finished && grouped.finished);
    QVERIFY(grouped.failed.isEmpty());
    // One folder per request: one files.list per folder. Grouped: far fewer for the same answer.
    QCOMPARE(single.filesList, WideFolders);
    qInfo() << "files.list for" << WideFolders << "folders: one by one" << single.filesList << "grouped"
            << grouped.filesList;
    QVERIFY2(grouped.filesList <= WideFolders / 5, qPrintable(QString::number(grouped.filesList)));
    // Every folder announced once, with all its children (the shortcut as its target under its own name, the
    // trashed file left out), the same as one folder per request.
    QCOMPARE(grouped.children.size(), WideFolders);
    for (auto it = grouped.listedTimes.cbegin(); it != grouped.listedTimes.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QCOMPARE(grouped.children, single.children);
    QCOMPARE(grouped.files, single.files);
    QCOMPARE(grouped.files.size(), 1 + 8 + 8 * 12 * 2 + 1);
    QCOMPARE(grouped.children.value(u"Wide/A2/B3"_s).size(), 2);
    QVERIFY(grouped.children.value(u"Wide/A0"_s).contains(u"Shortcut to b0|"_s + idOf(u"Wide/A1/B0/b0.bin"_s)));
    QCOMPARE(grouped.children.value(u"Wide/A0"_s).size(), 1 + 12 + 1);
}

void TestListingGrouped::childrenSpreadOverPages()
{
    // Pages of 20 over groups of a few folders (Wide's 9 children make pairs of A folders of 13 children each, and
    // the B folders of two or three go by several): a folder's children come over several pages, mixed with its
    // mates'; it is announced once, complete, when its group's last page is in.
    const auto feed = [this](Drive::TreeWalker &t) { t.add({ Drive::DriveRef { idOf(u"Wide"_s), {}, {} } }); };
    const Walk grouped = walk(feed, Drive::DriveClient::MaxParentsPerQuery, 2, 20);
    const Walk single = walk(feed, 1, 4, 1000);
    QVERIFY(grouped.finished);
    qInfo() << "files.list for" << WideFolders << "folders in pages of 20:" << grouped.filesList;
    QCOMPARE(grouped.children, single.children);
    QCOMPARE(grouped.files, single.files);
    for (auto it = grouped.listedTimes.cbegin(); it != grouped.listedTimes.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QVERIFY(grouped.filesList < WideFolders); // folders were grouped
}

void TestListingGrouped::sharedDriveFoldersShareAQuery()
{
    // The drive itself, then its 12 folders, then their 12 subfolders (corpora=drive&driveId for each query).
    const auto feed = [this](Drive::TreeWalker &t) { t.add({ Drive::DriveRef { idOf(u"Team"_s), {}, {} } }); };
    const Walk single = walk(feed, 1, 1);
    const Walk grouped = walk(feed, Drive::DriveClient::MaxParentsPerQuery, 1);
    QVERIFY(grouped.failed.isEmpty());
    QCOMPARE(single.filesList, 1 + 12 + 12);
    QCOMPARE(grouped.filesList, 3);
    QCOMPARE(grouped.children, single.children);
    QCOMPARE(grouped.files.size(), 24);
    QCOMPARE(grouped.files, single.files);
    for (auto it = grouped.found.cbegin(); it != grouped.found.cend(); ++it)
        QCOMPARE(it.value().driveId, idOf(u"Team"_s));
}

void TestListingGrouped::emptyGroupIsListedOneByOne()
{
    // One slot: the two folders go in one query; Drive's bug answers it with nothing; each is asked alone.
    QVERIFY(m_sandbox->setFaults({ { u"grouped_list_empty_times"_s, 1 } }));
    const auto feed = [this](Drive::TreeWalker &t)
    {
        t.addFolder({ u"One1"_s }, { idOf(u"One1"_s) });
        t.addFolder({ u"One2"_s }, { idOf(u"One2"_s) });
    };
    const Walk w = walk(feed, Drive::DriveClient::MaxParentsPerQuery, 1);
    QVERIFY(w.finished);
    QCOMPARE(w.filesList, 1 + 2);
    QCOMPARE(w.children.value(u"One1"_s), QStringList { u"one1.bin|"_s + idOf(u"One1/one1.bin"_s) });
    QCOMPARE(w.children.value(u"One2"_s), QStringList { u"one2.bin|"_s + idOf(u"One2/one2.bin"_s) });
    QCOMPARE(w.files.size(), 2);
    // The bug used up, the same two folders take one query.
    const Walk again = walk(feed, Drive::DriveClient::MaxParentsPerQuery, 1);
    QCOMPARE(again.filesList, 1);
    QCOMPARE(again.children, w.children);
}

void TestListingGrouped::honestlyEmptyFoldersToo()
{
    // An empty answer cannot be told from the bug: two empty folders cost one grouped query and one each.
    const auto feed = [this](Drive::TreeWalker &t)
    {
        t.addFolder({ u"Empty1"_s }, { idOf(u"Empty1"_s) });
        t.addFolder({ u"Empty2"_s }, { idOf(u"Empty2"_s) });
    };
    const Walk w = walk(feed, Drive::DriveClient::MaxParentsPerQuery, 1);
    QVERIFY(w.finished);
    QCOMPARE(w.filesList, 3);
    QCOMPARE(w.children.size(), 2);
    QCOMPARE(w.listedTimes.value(u"Empty1"_s), 1);
    QCOMPARE(w.listedTimes.value(u"Empty2"_s), 1);
    QVERIFY(w.children.value(u"Empty1"_s).isEmpty() && w.children.value(u"Empty2"_s).isEmpty());
}

void TestListingGrouped::bugDuringAWholeWalk()
{
    const auto feed = [this](Drive::TreeWalker &t) { t.add({ Drive::DriveRef { idOf(u"Wide"_s), {}, {} } }); };
    // One query in flight: how folders are grouped then depends on the tree only, not on which answer came first,
    // so the two walks can be compared request by request.
    const Walk clean = walk(feed, Drive::DriveClient::MaxParentsPerQuery, 1);
    QVERIFY(m_sandbox->setFaults({ { u"grouped_list_empty_times"_s, 3 } }));
    const Walk buggy = walk(feed, Drive::DriveClient::MaxParentsPerQuery, 1);
    QVERIFY(buggy.finished && buggy.failed.isEmpty());
    // Nothing lost: the groups answered empty were listed again, folder by folder.
    QCOMPARE(buggy.children, clean.children);
    QCOMPARE(buggy.files, clean.files);
    for (auto it = buggy.listedTimes.cbegin(); it != buggy.listedTimes.cend(); ++it)
        QCOMPARE(it.value(), 1);
    // Each of the three empty answers was a query more, and its folders (two at least) were asked one by one.
    QVERIFY2(buggy.filesList >= clean.filesList + 3,
        qPrintable(u"%1 vs %2"_s.arg(buggy.filesList).arg(clean.filesList)));
}

void TestListingGrouped::bigFoldersHoldAboutAPage()
{
    // Issue 11 acceptance 4: a query holds its folders' children until its last page is in, so 40 folders spread
    // over 4 queries would hold 10 folders of 300 files each. Sized from the top folder's 300 children, a query
    // asks for one folder: about one page held per query in flight.
    constexpr int PageSize = BigFolderFiles;
    constexpr int MaxConcurrent = 4;
    const auto feed = [this](Drive::TreeWalker &t) { t.add({ Drive::DriveRef { idOf(u"Big"_s), {}, {} } }); };
    const Walk w = walk(feed, Drive::DriveClient::MaxParentsPerQuery, MaxConcurrent, PageSize);
    QVERIFY(w.finished && w.failed.isEmpty());
    qInfo() << "held at most" << w.heldPeak << "children, files.list" << w.filesList;
    QVERIFY2(w.heldPeak <= 2 * PageSize * MaxConcurrent, qPrintable(QString::number(w.heldPeak)));
    // Every file found once, every folder listed once.
    QCOMPARE(w.files.size(), BigFolders * BigFolderFiles + BigTopFiles);
    QCOMPARE(QSet<QString>(w.files.cbegin(), w.files.cend()).size(), w.files.size());
    QCOMPARE(w.listedTimes.size(), 1 + BigFolders);
    for (auto it = w.listedTimes.cbegin(); it != w.listedTimes.cend(); ++it)
        QCOMPARE(it.value(), 1);
    // Held children share their folder's id and their mime type (TreeWalker::heldForm): what is emitted is each
    // file's own.
    const QHash<QString, QString> mimeTypes { { u"txt"_s, u"text/plain"_s }, { u"csv"_s, u"text/csv"_s },
        { u"json"_s, u"application/json"_s } };
    for (int f = 0; f < BigFolders; ++f)
    {
        const QString folder = u"Big/F%1"_s.arg(f);
        for (int i = 0; i < BigFolderFiles; ++i)
        {
            const QString extension = QString::fromUtf16(BigExtensions[i % 3]);
            const Drive::DriveFile file = w.found.value(u"%1/f%2.%3"_s.arg(folder).arg(i).arg(extension));
            QCOMPARE(file.parents, QStringList { idOf(folder) });
            QCOMPARE(file.mimeType, mimeTypes.value(extension));
        }
    }
}

void TestListingGrouped::smallFoldersStillGroup()
{
    // Pages of 100 and folders of a dozen children or fewer: several folders still share each query.
    const auto feed = [this](Drive::TreeWalker &t) { t.add({ Drive::DriveRef { idOf(u"Wide"_s), {}, {} } }); };
    const Walk w = walk(feed, Drive::DriveClient::MaxParentsPerQuery, 4, 100);
    const Walk single = walk(feed, 1, 4, 100);
    QVERIFY(w.finished && w.failed.isEmpty());
    qInfo() << "files.list for" << WideFolders << "folders in pages of 100:" << w.filesList << "held at most"
            << w.heldPeak;
    QVERIFY2(w.filesList <= WideFolders / 4, qPrintable(QString::number(w.filesList)));
    QCOMPARE(w.children, single.children);
    QCOMPARE(w.files, single.files);
}

QTEST_GUILESS_MAIN(TestListingGrouped)
#include "tst_listing_grouped.moc"
