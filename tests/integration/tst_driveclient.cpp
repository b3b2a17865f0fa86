// SPDX-License-Identifier: GPL-3.0-or-later
// DriveClient, ApiCall and TreeWalker against the real sandbox over loopback HTTP.
#include "net/tokenprovider.h"
#include "drive/driveclient.h"
#include "drive/treewalker.h"
#include "net/apicall.h"
#include "net/endpoints.h"
#include "net/network.h"
#include "net/pacer.h"
#include "net/requestcounters.h"
#include "sandboxprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace
{
const QByteArray Token = "sandbox-static-token-for-h4-tests";
const QString DemoRoot = u"Drive Ingest Demo"_s;
const QString LinkSharedKey = u"0-AbCdEfGhIjKlMnOpQrStUv"_s;

/// Starts with a token the sandbox rejects; refresh() hands out the good one, asynchronously like a real one.
class SwitchingTokenProvider final : public Net::TokenProvider
{
public:
    explicit SwitchingTokenProvider(QByteArray first, QByteArray afterRefresh)
        : m_token(std::move(first))
        , m_next(std::move(afterRefresh))
    {
    }
    QByteArray accessToken() const override { return m_token; }
    void refresh() override
    {
        ++refreshes;
        QTimer::singleShot(10, this,
            [this]
            {
                m_token = m_next;
                emit refreshed();
            });
    }
    QString accountName() const override { return u"test"_s; }
    int refreshes = 0;

private:
    QByteArray m_token;
    QByteArray m_next;
};

struct WalkResult
{
    QStringList files; ///< "path|id"
    QStringList folders;
    QMap<QString, QString> skipped; ///< path -> reason
    QMap<QString, QString> failed; ///< path -> reason
    bool finished = false;
};
} // namespace

class TestDriveClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void listsTheDemoTreeCompletely();
    void smallPagesPageToTheEnd();
    void topLevelShortcutsAndDuplicates();
    void walkerAbortStopsEverything();
    void sharedDriveVisible();
    void sharedWithMeAndResourceKey();
    void mediaAndExportRequests();
    void throttlingStormSurvivedPacerSlows();
    void pacedBelowTheQuotaIsNotThrottled();
    void serverErrorBurstRetried();
    void expiredTokenRefreshedOnce();
    void unrefreshableTokenFailsAsAuth();
    void abortFinishesOnceAsCancelled();
    void tlsTrustsOnlyTheGivenCa();

private:
    Drive::DriveClient *client(Net::TokenProvider *tokens = nullptr, Net::Pacer *pacer = nullptr);
    WalkResult walk(Drive::DriveClient *c, const std::function<void(Drive::TreeWalker &)> &feed, int pageSize = 1000);
    QJsonArray treeItems();
    QJsonObject item(const QString &path);
    QByteArray fetch(const QNetworkRequest &request, int *status);

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Net::StaticTokenProvider> m_tokens;
    std::unique_ptr<QObject> m_scope; ///< owns per-test objects
    Net::RequestCounters m_counters;
};

void TestDriveClient::initTestCase()
{
    m_sandbox = std::make_unique<SandboxProcess>(QStringList { u"--static-token"_s, QString::fromLatin1(Token) });
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_tokens = std::make_unique<Net::StaticTokenProvider>(Token, u"sandbox"_s);
}

void TestDriveClient::init()
{
    QVERIFY(m_sandbox->reset());
    m_scope = std::make_unique<QObject>();
    m_counters.requests = 0;
    m_counters.throttled = 0;
    m_counters.retries = 0;
    m_counters.authRefreshes = 0;
    m_counters.failures = 0;
}

Drive::DriveClient *TestDriveClient::client(Net::TokenProvider *tokens, Net::Pacer *pacer)
{
    auto *c = new Drive::DriveClient(m_nam.get(), tokens ? tokens : m_tokens.get(), pacer,
        Net::Endpoints::sandbox(m_sandbox->baseUrl()), m_scope.get());
    c->setCounters(&m_counters);
    Net::BackoffPolicy fast;
    fast.initial = 20ms;
    fast.max = 200ms;
    fast.jitter = 10ms;
    c->setBackoffPolicy(fast);
    return c;
}

WalkResult TestDriveClient::walk(
    Drive::DriveClient *c, const std::function<void(Drive::TreeWalker &)> &feed, int pageSize)
{
    WalkResult r;
    Drive::TreeWalker walker(c);
    walker.setPageSize(pageSize);
    const auto join
        = [](const QStringList &segments, const QString &name) { return (segments + QStringList { name }).join(u'/'); };
    connect(&walker, &Drive::TreeWalker::fileFound, this,
        [&](const QStringList &segments, const QStringList &ids, const Drive::DriveFile &f)
        {
            Q_UNUSED(ids);
            r.files.append(join(segments, f.name) + u'|' + f.id);
        });
    connect(&walker, &Drive::TreeWalker::folderListed, this,
        [&](const QStringList &segments, const QStringList &ids, const QList<Drive::DriveFile> &)
        {
            if (segments.size() != ids.size())
                qWarning("segments and ids differ in length");
            r.folders.append(segments.join(u'/'));
        });
    connect(&walker, &Drive::TreeWalker::itemSkipped, this,
        [&](const QString &path, const QString &reason) { r.skipped.insert(path, reason); });
    connect(&walker, &Drive::TreeWalker::itemFailed, this,
        [&](const Drive::DriveRef &, const QString &path, const Net::Error &e) { r.failed.insert(path, e.reason); });
    connect(&walker, &Drive::TreeWalker::finished, this, [&] { r.finished = true; });
    feed(walker);
    if (!QTest::qWaitFor([&r] { return r.finished; }, 30000))
        qWarning("the walk did not finish in time");
    r.files.sort();
    r.folders.sort();
    return r;
}

QJsonArray TestDriveClient::treeItems()
{
    return m_sandbox->get(u"/_sandbox/tree"_s).json().value(u"items"_s).toArray();
}

QJsonObject TestDriveClient::item(const QString &path)
{
    for (const QJsonValue &v : treeItems())
        if (v.toObject().value(u"path"_s).toString() == path)
            return v.toObject();
    return {};
}

QByteArray TestDriveClient::fetch(const QNetworkRequest &request, int *status)
{
    QNetworkReply *reply = m_nam->get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(20000);
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

void TestDriveClient::listsTheDemoTreeCompletely()
{
    const QString rootId = m_sandbox->readyInfo().value(u"demo_root_id"_s).toString();
    QVERIFY(!rootId.isEmpty());

    // Expected from the sandbox's own view: every non-trashed blob/Google file under the demo root whose
    // ancestors are not trashed, plus the file shortcut as its target under the shortcut's name.
    QHash<QString, QJsonObject> byId;
    const QJsonArray items = treeItems();
    for (const QJsonValue &v : items)
        byId.insert(v.toObject().value(u"id"_s).toString(), v.toObject());
    QStringList expectedFiles;
    QStringList expectedFolders { DemoRoot };
    for (const QJsonValue &v : items)
    {
        const QJsonObject o = v.toObject();
        const QString path = o.value(u"path"_s).toString();
        if (!path.startsWith(DemoRoot + u'/'))
            continue;
        bool hidden = false;
        for (QJsonObject cur = o; !cur.isEmpty();
             cur = byId.value(cur.value(u"parents"_s).toArray().first().toString()))
            hidden = hidden || cur.value(u"trashed"_s).toBool();
        const QString mime = o.value(u"mimeType"_s).toString();
        if (hidden || mime == QLatin1StringView(Drive::ShortcutMime))
            continue;
        if (mime == QLatin1StringView(Drive::FolderMime))
            expectedFolders.append(path);
        else
            expectedFiles.append(path + u'|' + o.value(u"id"_s).toString());
    }
    const QString oneMiB = item(DemoRoot + u"/Binary/1MiB.bin"_s).value(u"id"_s).toString();
    QVERIFY(!oneMiB.isEmpty());
    expectedFiles.append(DemoRoot + u"/Shortcuts/Shortcut to 1MiB|"_s + oneMiB);
    expectedFiles.sort();
    expectedFolders.sort();
    QVERIFY(expectedFiles.size() > 30);
    QVERIFY(expectedFolders.size() > 8);

    Drive::DriveClient *c = client();
    const WalkResult r = walk(c, [&](Drive::TreeWalker &w) { w.add({ Drive::DriveRef { rootId, {}, {} } }); });
    QVERIFY(r.finished);
    QCOMPARE(r.files, expectedFiles);
    QCOMPARE(r.folders, expectedFolders);
    // Shortcuts: dangling reported, loop to the root cut, folder shortcut to an already listed folder skipped.
    QCOMPARE(r.failed.value(DemoRoot + u"/Shortcuts/Dangling shortcut"_s), u"danglingShortcut"_s);
    QCOMPARE(r.failed.size(), 1);
    QCOMPARE(r.skipped.value(DemoRoot + u"/Shortcuts/Shortcut to the demo root"_s), u"loop"_s);
    QCOMPARE(r.skipped.value(DemoRoot + u"/Shortcuts/Shortcut to Docs"_s), u"alreadyListed"_s);
    QVERIFY(!r.files.join(u'\n').contains(u"trashed"_s));
}

void TestDriveClient::smallPagesPageToTheEnd()
{
    const QString rootId = m_sandbox->readyInfo().value(u"demo_root_id"_s).toString();
    Drive::DriveClient *c = client();
    const WalkResult big = walk(
        c,
        [&](Drive::TreeWalker &w) {
            w.add({ Drive::DriveRef { rootId, {}, {} } });
        },
        1000);
    const qint64 bigRequests = m_counters.requests;
    const WalkResult small = walk(
        c,
        [&](Drive::TreeWalker &w) {
            w.add({ Drive::DriveRef { rootId, {}, {} } });
        },
        2);
    QVERIFY(big.finished && small.finished);
    QCOMPARE(small.files, big.files);
    QCOMPARE(small.folders, big.folders);
    // Many more list calls for the same result: the pages were really small and followed to the end.
    QVERIFY2(m_counters.requests - bigRequests > 2 * bigRequests,
        qPrintable(u"%1 vs %2"_s.arg(m_counters.requests - bigRequests).arg(bigRequests)));
    const QJsonObject routes = m_sandbox->stats().value(u"by_route"_s).toObject();
    QVERIFY(routes.value(u"drive.files.list"_s).toObject().value(u"200"_s).toInt() > 20);
}

void TestDriveClient::topLevelShortcutsAndDuplicates()
{
    const auto idOf = [this](const QString &path) { return item(DemoRoot + u'/' + path).value(u"id"_s).toString(); };
    const QString fileShortcut = idOf(u"Shortcuts/Shortcut to 1MiB"_s);
    const QString dangling = idOf(u"Shortcuts/Dangling shortcut"_s);
    const QString folderShortcut = idOf(u"Shortcuts/Shortcut to Docs"_s);
    const QString docs = idOf(u"Docs"_s);
    const QString trashed = idOf(u"old-trashed.bin"_s);
    const QString oneMiB = idOf(u"Binary/1MiB.bin"_s);
    QVERIFY(!fileShortcut.isEmpty() && !dangling.isEmpty() && !folderShortcut.isEmpty() && !trashed.isEmpty());

    Drive::DriveClient *c = client();
    const WalkResult r = walk(c,
        [&](Drive::TreeWalker &w)
        {
            w.add({ Drive::DriveRef { fileShortcut, {}, {} }, Drive::DriveRef { dangling, {}, {} },
                Drive::DriveRef { folderShortcut, {}, {} }, Drive::DriveRef { docs, {}, {} },
                Drive::DriveRef { trashed, {}, {} } });
        });
    QVERIFY(r.finished);
    // The file shortcut: the target's id under the shortcut's name, at the top.
    QVERIFY2(r.files.contains(u"Shortcut to 1MiB|"_s + oneMiB), qPrintable(r.files.join(u'\n')));
    QCOMPARE(r.failed.value(u"Dangling shortcut"_s), u"danglingShortcut"_s);
    QCOMPARE(r.skipped.value(u"old-trashed.bin"_s), u"trashed"_s);
    // Docs asked for twice (through its shortcut and directly): listed once, under the first name seen.
    QCOMPARE(r.folders.size(), 1);
    QCOMPARE(r.skipped.size(), 2);
    const int docsFiles = int(
        std::count_if(r.files.begin(), r.files.end(), [](const QString &f) { return f.contains(u"Project plan|"_s); }));
    QCOMPARE(docsFiles, 1);
}

void TestDriveClient::walkerAbortStopsEverything()
{
    const QString rootId = m_sandbox->readyInfo().value(u"demo_root_id"_s).toString();
    Drive::DriveClient *c = client();
    Drive::TreeWalker walker(c);
    walker.setPageSize(1);
    int folders = 0;
    int finished = 0;
    connect(&walker, &Drive::TreeWalker::folderListed, this, [&] { ++folders; });
    connect(&walker, &Drive::TreeWalker::finished, this, [&] { ++finished; });
    walker.add({ Drive::DriveRef { rootId, {}, {} } });
    QTRY_VERIFY_WITH_TIMEOUT(folders >= 1, 10000);
    walker.abort();
    const int foldersAtAbort = folders;
    QTRY_COMPARE(finished, 1);
    QTest::qWait(500);
    QCOMPARE(finished, 1);
    QCOMPARE(folders, foldersAtAbort);
    QVERIFY(!walker.isRunning());
}

void TestDriveClient::sharedDriveVisible()
{
    Drive::DriveClient *c = client();
    QList<Drive::DriveFile> drives;
    Drive::ListJob *job = c->listSharedDrives();
    connect(job, &Drive::ListJob::page, this, [&](const QList<Drive::DriveFile> &page) { drives += page; });
    QSignalSpy done(job, &Drive::ListJob::finished);
    QVERIFY(done.wait(10000));
    QVERIFY(!done.first().first().value<Net::Error>().isError());
    const auto team
        = std::find_if(drives.begin(), drives.end(), [](const auto &d) { return d.name == u"Team Drive"_s; });
    QVERIFY(team != drives.end());
    QVERIFY(team->isFolder());

    QStringList rootNames;
    Drive::ListJob *root = c->listDriveRoot(team->id);
    connect(root, &Drive::ListJob::page, this,
        [&](const QList<Drive::DriveFile> &page)
        {
            for (const auto &f : page)
                rootNames.append(f.name);
        });
    QSignalSpy rootDone(root, &Drive::ListJob::finished);
    QVERIFY(rootDone.wait(10000));
    QVERIFY2(rootNames.contains(u"team-report.csv"_s) && rootNames.contains(u"Team folder"_s),
        qPrintable(rootNames.join(u", "_s)));

    const WalkResult r = walk(c, [&](Drive::TreeWalker &w) { w.addFolder({ team->name }, { team->id }); });
    QVERIFY(r.finished);
    const QString all = r.files.join(u'\n');
    QVERIFY2(all.contains(u"Team Drive/Team folder/team-data.bin|"_s), qPrintable(all));
    QVERIFY(all.contains(u"Team Drive/team-report.csv|"_s));
    QVERIFY(all.contains(u"Team Drive/Team folder/Team doc|"_s));
}

void TestDriveClient::sharedWithMeAndResourceKey()
{
    Drive::DriveClient *c = client();
    QList<Drive::DriveFile> shared;
    Drive::ListJob *job = c->listSharedWithMe();
    connect(job, &Drive::ListJob::page, this, [&](const QList<Drive::DriveFile> &page) { shared += page; });
    QSignalSpy done(job, &Drive::ListJob::finished);
    QVERIFY(done.wait(10000));
    const auto linked = std::find_if(
        shared.begin(), shared.end(), [](const auto &f) { return f.name == u"Link-shared (resource key).bin"_s; });
    QVERIFY(linked != shared.end());
    const QString id = linked->id;

    // Without the key Drive answers 404; a fresh client that knows nothing proves it.
    Drive::DriveClient *blank = client();
    QSignalSpy noKey(blank->getFile(id), &Drive::FileJob::finished);
    QVERIFY(noKey.wait(10000));
    const auto missing = noKey.first().first().value<Net::Error>();
    QCOMPARE(missing.httpStatus, 404);
    QCOMPARE(missing.errorClass, Net::ErrorClass::Permanent);

    // With the key from the link: metadata and bytes.
    QSignalSpy withKey(blank->getFile(id, LinkSharedKey), &Drive::FileJob::finished);
    QVERIFY(withKey.wait(10000));
    QVERIFY2(!withKey.first().first().value<Net::Error>().isError(),
        qPrintable(withKey.first().first().value<Net::Error>().toString()));
    const auto file = withKey.first().at(1).value<Drive::DriveFile>();
    QCOMPARE(file.size, 4321);
    const QNetworkRequest media = blank->mediaRequest(file);
    QCOMPARE(media.rawHeader("X-Goog-Drive-Resource-Keys"), (id + u'/' + LinkSharedKey).toUtf8());
    int status = 0;
    QCOMPARE(fetch(media, &status).size(), 4321);
    QCOMPARE(status, 200);
}

void TestDriveClient::mediaAndExportRequests()
{
    Drive::DriveClient *c = client();
    const QString kib = item(DemoRoot + u"/Binary/1KiB.bin"_s).value(u"id"_s).toString();
    QSignalSpy got(c->getFile(kib), &Drive::FileJob::finished);
    QVERIFY(got.wait(10000));
    const auto file = got.first().at(1).value<Drive::DriveFile>();
    QCOMPARE(file.size, 1024);
    QCOMPARE(file.md5Checksum.size(), 32);
    QVERIFY(file.canDownload);
    QVERIFY(file.modifiedTime.isValid());
    QVERIFY(file.mimeType.size() > 0);

    int status = 0;
    const QByteArray whole = fetch(c->mediaRequest(file), &status);
    QCOMPARE(status, 200);
    QCOMPARE(whole.size(), 1024);
    QVERIFY(c->mediaRequest(file).rawHeader("Range").isEmpty());
    QCOMPARE(c->mediaRequest(file).attribute(QNetworkRequest::Http2AllowedAttribute).toBool(), false);
    const QNetworkRequest ranged = c->mediaRequest(file, 100, 199);
    QCOMPARE(ranged.rawHeader("Range"), QByteArray("bytes=100-199"));
    QCOMPARE(fetch(ranged, &status), whole.mid(100, 100));
    QCOMPARE(status, 206);
    QCOMPARE(fetch(c->mediaRequest(file, 1000), &status), whole.mid(1000));
    QCOMPARE(status, 206);

    // A 0-byte file never gets a Range header, whatever the caller asks.
    Drive::DriveFile empty = file;
    empty.size = 0;
    QVERIFY(c->mediaRequest(empty, 0, 10).rawHeader("Range").isEmpty());
    QVERIFY(c->mediaRequest(file, 0, -1, true).url().query().contains(u"acknowledgeAbuse=true"_s));

    // Export, and the exportLinks route for the Doc over the 10 MB export limit.
    const QString planId = item(DemoRoot + u"/Docs/Project plan"_s).value(u"id"_s).toString();
    QSignalSpy plan(c->getFile(planId), &Drive::FileJob::finished);
    QVERIFY(plan.wait(10000));
    const auto doc = plan.first().at(1).value<Drive::DriveFile>();
    QVERIFY(doc.isGoogleApp());
    QCOMPARE(doc.size, -1);
    const QString docx = u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s;
    QVERIFY(fetch(c->exportRequest(doc, docx), &status).size() > 0);
    QCOMPARE(status, 200);

    const QString hugeId = item(DemoRoot + u"/Docs/Huge report"_s).value(u"id"_s).toString();
    QSignalSpy huge(c->getFile(hugeId), &Drive::FileJob::finished);
    QVERIFY(huge.wait(10000));
    const auto hugeDoc = huge.first().at(1).value<Drive::DriveFile>();
    (void)fetch(c->exportRequest(hugeDoc, docx), &status);
    QCOMPARE(status, 403);
    QVERIFY2(!hugeDoc.exportLinks.isEmpty(), "no exportLinks in the metadata");
    const QNetworkRequest viaLink = c->exportLinkRequest(hugeDoc, docx);
    QVERIFY(!viaLink.url().isEmpty());
    QVERIFY(fetch(viaLink, &status).size() > 10 * 1000 * 1000);
    QCOMPARE(status, 200);
}

void TestDriveClient::throttlingStormSurvivedPacerSlows()
{
    // The server allows 8 requests/s; the client starts at 40/s with a burst of 10.
    QVERIFY(m_sandbox->setFaults(QJsonObject {
        { u"quota_qps"_s, 8 }, { u"quota_burst"_s, 4 }, { u"quota_status"_s, 429 }, { u"retry_after_s"_s, 1 } }));
    Net::Pacer pacer(40.0, 10);
    Drive::DriveClient *c = client(nullptr, &pacer);
    const QString kib = item(DemoRoot + u"/Binary/1KiB.bin"_s).value(u"id"_s).toString();
    int ok = 0;
    int failed = 0;
    for (int i = 0; i < 40; ++i)
        connect(c->getFile(kib), &Drive::FileJob::finished, this,
            [&](const Net::Error &e, const Drive::DriveFile &) { e.isError() ? ++failed : ++ok; });
    QTRY_COMPARE_WITH_TIMEOUT(ok + failed, 40, 45000);
    QCOMPARE(failed, 0);
    qInfo("throttling storm: %lld requests, %lld throttled, pacer %lld throttle events, effective rate %.2f/s",
        qint64(m_counters.requests), qint64(m_counters.throttled), pacer.throttleEvents(), pacer.effectiveRate());
    QVERIFY(m_counters.throttled > 0);
    QVERIFY(pacer.throttleEvents() > 0);
    QVERIFY2(pacer.effectiveRate() < 40.0, qPrintable(QString::number(pacer.effectiveRate())));
    const QJsonObject stats = m_sandbox->stats();
    QVERIFY(stats.value(u"throttled"_s).toInt() > 0);
    // The pacer kept the wall from being hammered: far fewer 429s than a client retrying blindly would get.
    QVERIFY2(m_counters.throttled < 40, qPrintable(QString::number(m_counters.throttled)));
}

void TestDriveClient::pacedBelowTheQuotaIsNotThrottled()
{
    // The server allows 20 requests/s (burst 20); a pacer set just under it, with a smaller burst, meets no wall.
    // (The server's bucket starts draining at the first arrival, the pacer's at its first grant: equal bursts
    // would let the client lead by that delay. Ids are looked up first so nothing else touches the quota.)
    const QString kib = item(DemoRoot + u"/Binary/1KiB.bin"_s).value(u"id"_s).toString();
    QVERIFY(m_sandbox->setFaults(
        QJsonObject {{u"quota_qps"_s, 20}, {u"quota_burst"_s, 20}, {u"quota_status"_s, 429}, {u"retry_after_s"_s, 1}}));
    Net::Pacer pacer(19.0, 10);
    Drive::DriveClient *c = client(nullptr, &pacer);
    int ok = 0;
    int failed = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 80; ++i)
        connect(c->getFile(kib), &Drive::FileJob::finished, this,
                [&](const Net::Error &e, const Drive::DriveFile &) { e.isError() ? ++failed : ++ok; });
    QTRY_COMPARE_WITH_TIMEOUT(ok + failed, 80, 30000);
    qInfo("paced at 19/s (burst 10) against a 20/s quota: 80 calls in %lld ms, %lld throttled", timer.elapsed(),
          qint64(m_counters.throttled));
    QCOMPARE(failed, 0);
    QCOMPARE(qint64(m_counters.throttled), 0);
    QCOMPARE(pacer.granted(), qint64(m_counters.requests));
}

void TestDriveClient::serverErrorBurstRetried()
{
    QVERIFY(m_sandbox->setFaults(QJsonObject { { u"error_rate"_s, 0.4 }, { u"error_status"_s, 503 } }));
    Drive::DriveClient *c = client();
    const QString kib = item(DemoRoot + u"/Binary/1KiB.bin"_s).value(u"id"_s).toString();
    int ok = 0;
    int failed = 0;
    for (int i = 0; i < 20; ++i)
        connect(c->getFile(kib), &Drive::FileJob::finished, this,
            [&](const Net::Error &e, const Drive::DriveFile &) { e.isError() ? ++failed : ++ok; });
    QTRY_COMPARE_WITH_TIMEOUT(ok + failed, 20, 30000);
    QCOMPARE(failed, 0);
    qInfo("5xx burst: %lld requests, %lld retries", qint64(m_counters.requests), qint64(m_counters.retries));
    QVERIFY2(m_counters.retries > 0, "the fault never hit: nothing was retried");
    const QJsonObject routes = m_sandbox->stats().value(u"by_route"_s).toObject();
    QVERIFY(routes.value(u"drive.files.get"_s).toObject().value(u"503"_s).toInt() > 0);
}

void TestDriveClient::expiredTokenRefreshedOnce()
{
    SwitchingTokenProvider tokens("expired-or-wrong-token", Token);
    Drive::DriveClient *c = client(&tokens);
    const QString kib = item(DemoRoot + u"/Binary/1KiB.bin"_s).value(u"id"_s).toString();
    QSignalSpy got(c->getFile(kib), &Drive::FileJob::finished);
    QVERIFY(got.wait(10000));
    QVERIFY2(!got.first().first().value<Net::Error>().isError(),
        qPrintable(got.first().first().value<Net::Error>().toString()));
    QCOMPARE(tokens.refreshes, 1);
    QCOMPARE(m_counters.authRefreshes, 1);
    const QJsonObject routes = m_sandbox->stats().value(u"by_route"_s).toObject();
    QCOMPARE(routes.value(u"drive.files.get"_s).toObject().value(u"401"_s).toInt(), 1);
}

void TestDriveClient::unrefreshableTokenFailsAsAuth()
{
    Net::StaticTokenProvider wrong("not-the-sandbox-token", u"wrong"_s);
    Drive::DriveClient *c = client(&wrong);
    QSignalSpy got(c->getFile(m_sandbox->readyInfo().value(u"demo_root_id"_s).toString()), &Drive::FileJob::finished);
    QVERIFY(got.wait(10000));
    const auto e = got.first().first().value<Net::Error>();
    QCOMPARE(e.errorClass, Net::ErrorClass::Auth);
    QCOMPARE(e.httpStatus, 401);
    QCOMPARE(got.size(), 1);
    QVERIFY(!e.message.contains(u"not-the-sandbox-token"_s));
}

void TestDriveClient::abortFinishesOnceAsCancelled()
{
    QVERIFY(m_sandbox->setFaults(QJsonObject { { u"latency_ms"_s, 2000 } }));
    Drive::DriveClient *c = client();
    Net::ApiCall *call = c->about();
    QSignalSpy done(call, &Net::ApiCall::finished);
    QTimer::singleShot(100, call, &Net::ApiCall::abort);
    QVERIFY(done.wait(5000));
    QCOMPARE(done.first().first().value<Net::Error>().errorClass, Net::ErrorClass::Cancelled);
    QTest::qWait(100);
    QCOMPARE(done.size(), 1);
}

void TestDriveClient::tlsTrustsOnlyTheGivenCa()
{
    SandboxProcess tls(QStringList { u"--tls"_s, u"--static-token"_s, QString::fromLatin1(Token) });
    QVERIFY2(tls.start(), qPrintable(tls.errorString()));
    const QString caFile = tls.readyInfo().value(u"ca_file"_s).toString();
    QVERIFY(!caFile.isEmpty());
    QCOMPARE(tls.baseUrl().scheme(), u"https"_s);
    const QString rootId = tls.readyInfo().value(u"demo_root_id"_s).toString();

    // Unknown CA: refused, and never downgraded to an unverified connection.
    {
        QNetworkAccessManager nam;
        Drive::DriveClient c(&nam, m_tokens.get(), nullptr, Net::Endpoints::sandbox(tls.baseUrl()));
        QSignalSpy got(c.getFile(rootId), &Drive::FileJob::finished);
        QVERIFY(got.wait(10000));
        const auto e = got.first().first().value<Net::Error>();
        QCOMPARE(e.errorClass, Net::ErrorClass::Permanent);
        QCOMPARE(e.reason, u"tlsError"_s);
    }
    QString error;
    QVERIFY2(Net::configureTls(caFile, &error), qPrintable(error));
    {
        QNetworkAccessManager nam;
        Drive::DriveClient c(&nam, m_tokens.get(), nullptr, Net::Endpoints::sandbox(tls.baseUrl()));
        QSignalSpy got(c.getFile(rootId), &Drive::FileJob::finished);
        QVERIFY(got.wait(10000));
        QVERIFY2(!got.first().first().value<Net::Error>().isError(),
            qPrintable(got.first().first().value<Net::Error>().toString()));
        QCOMPARE(got.first().at(1).value<Drive::DriveFile>().name, DemoRoot);
    }
}

QTEST_GUILESS_MAIN(TestDriveClient)
#include "tst_driveclient.moc"
