// SPDX-License-Identifier: GPL-3.0-or-later
// bench_listing (label bench; issue 12, acceptance 2, second half): the first crawl of a tree of 5,001 folders
// (DI_BENCH_FOLDERS changes it) at 100 ms sandbox latency, one folder per files.list request vs up to 50 folders
// per request (rclone's ListR grouping), both with 4 queries in flight, in one run on one sandbox. Prints both
// wall times, the requests each took and the ratio (the target is 10x or more); it never fails on a figure.
// A third line: the grouped crawl under the engine's default pacer (10 requests/s, burst 20), which the one-by-one
// crawl could not beat (its 5,001 requests alone take 500 s at that pace).
#include "drive/driveclient.h"
#include "drive/treewalker.h"
#include "net/endpoints.h"
#include "net/pacer.h"
#include "net/tokenprovider.h"
#include "sandboxprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

namespace
{
constexpr char Token[] = "bench-listing-token";
constexpr int LatencyMs = 100;

struct Crawl
{
    double seconds = 0;
    int folders = 0;
    qint64 files = 0;
    int requests = 0;
};
} // namespace

class BenchListing final : public QObject
{
    Q_OBJECT

private slots:
    void firstCrawl();

private:
    Crawl crawl(SandboxProcess &sandbox, const QString &rootId, int groupSize, Net::Pacer *pacer);
    QNetworkAccessManager m_nam;
    Net::StaticTokenProvider m_tokens { Token, u"sandbox"_s };
};

Crawl BenchListing::crawl(SandboxProcess &sandbox, const QString &rootId, int groupSize, Net::Pacer *pacer)
{
    QObject scope;
    auto *client = new Drive::DriveClient(&m_nam, &m_tokens, pacer, Net::Endpoints::sandbox(sandbox.baseUrl()), &scope);
    const auto listCalls = [&sandbox]
    {
        int n = 0;
        const QJsonObject byStatus
            = sandbox.stats().value(u"by_route"_s).toObject().value(u"drive.files.list"_s).toObject();
        for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
            n += it.value().toInt();
        return n;
    };
    const int before = listCalls();
    Crawl c;
    bool finished = false;
    Drive::TreeWalker walker(client);
    walker.setGroupSize(groupSize);
    connect(&walker, &Drive::TreeWalker::finished, &scope, [&finished] { finished = true; });
    QElapsedTimer timer;
    timer.start();
    walker.add({ Drive::DriveRef { rootId, {}, {} } });
    if (!QTest::qWaitFor([&finished] { return finished; }, 3'600'000))
        qWarning("the crawl did not finish in an hour");
    c.seconds = double(timer.nsecsElapsed()) / 1e9;
    c.folders = walker.foldersListed();
    c.files = walker.filesFound();
    c.requests = listCalls() - before;
    return c;
}

void BenchListing::firstCrawl()
{
    const int wanted
        = qEnvironmentVariableIsSet("DI_BENCH_FOLDERS") ? qEnvironmentVariableIntValue("DI_BENCH_FOLDERS") : 5001;
    // Root, `top` folders of `per` subfolders each (5,001 = 1 + 50 + 50 x 99); one small file in every folder
    // below the root.
    const int top = std::clamp(wanted / 100, 1, 50);
    const int per = std::max(0, (wanted - 1 - top) / top);
    QJsonArray level1;
    for (int i = 0; i < top; ++i)
    {
        QJsonArray children { QJsonObject { { u"name"_s, u"f.bin"_s }, { u"size"_s, 100 } } };
        for (int j = 0; j < per; ++j)
            children.append(QJsonObject { { u"name"_s, u"S%1"_s.arg(j) },
                { u"children"_s, QJsonArray { QJsonObject { { u"name"_s, u"g.bin"_s }, { u"size"_s, 100 } } } } });
        level1.append(QJsonObject { { u"name"_s, u"T%1"_s.arg(i) }, { u"children"_s, children } });
    }
    const QJsonObject manifest { { u"demo_root"_s, u"Crawl"_s },
        { u"my_drive"_s, QJsonArray { QJsonObject { { u"name"_s, u"Crawl"_s }, { u"children"_s, level1 } } } } };
    QTemporaryDir dir;
    QFile f(dir.filePath(u"manifest.json"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(manifest).toJson(QJsonDocument::Compact));
    f.close();
    SandboxProcess sandbox({ u"--static-token"_s, QString::fromLatin1(Token), u"--quiet"_s, u"--manifest"_s,
        f.fileName(), u"--latency-ms"_s, QString::number(LatencyMs) });
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    const QString rootId = sandbox.readyInfo().value(u"demo_root_id"_s).toString();

    const Crawl grouped = crawl(sandbox, rootId, Drive::DriveClient::MaxParentsPerQuery, nullptr);
    const Crawl single = crawl(sandbox, rootId, 1, nullptr);
    Net::Pacer pacer(10, 20);
    const Crawl paced = crawl(sandbox, rootId, Drive::DriveClient::MaxParentsPerQuery, &pacer);

    const auto line = [](const char *what, const Crawl &c)
    {
        qInfo().noquote() << u"%1: %2 folders, %3 files in %4 s, %5 files.list requests"_s.arg(QLatin1StringView(what))
                                 .arg(c.folders)
                                 .arg(c.files)
                                 .arg(c.seconds, 0, 'f', 2)
                                 .arg(c.requests);
    };
    qInfo().noquote() << u"first crawl at %1 ms latency, 4 queries in flight:"_s.arg(LatencyMs);
    line("one folder per request ", single);
    line("up to 50 per request    ", grouped);
    line("grouped, pacer 10/s b20 ", paced);
    qInfo().noquote() << u"speed-up: %1x (target >= 10x)"_s.arg(
        single.seconds / std::max(1e-9, grouped.seconds), 0, 'f', 1);
    // A figure is printed, not asserted; only a crawl that did not list the same tree is a failure.
    QCOMPARE(grouped.folders, single.folders);
    QCOMPARE(grouped.files, single.files);
}

QTEST_GUILESS_MAIN(BenchListing)
#include "bench_listing.moc"
