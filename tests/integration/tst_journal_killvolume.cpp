// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 11 acceptance 2: the engine ingesting into a sandbox Volume, a file above the multipart threshold among
// files below it, SIGKILLed at several moments (byte counts served by a bandwidth-capped Drive), then run to the
// end. At most one part is redone per file in flight per kill: each run uploads only the parts after the last
// part the journal holds, plus at most the one it was sending; a single-PUT file starts again (it cannot
// continue), a file done in an earlier run is neither fetched nor uploaded again; the upload session of the big
// file is continued, not started again; everything lands with Drive's md5.
// The CLI has no option for the multipart threshold: the test binary runs the engine itself in a child process
// (`--engine-child`, the CLI's EngineHost + VolumeDestination + journal), so that kill -9 hits a real process.
// tst_journal_killvolume (label integration): a 96 MiB file in 8 MiB parts and 10 files of 4 MiB;
// tst_journal_killvolume_full (DI_JOURNAL_KILL_FULL, label bench): 1 GiB in 64 MiB parts and 20 files of 10 MiB.
#include "tst_dest_support.h"
#include "tst_kill_support.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using KillTest::Fetched;
using KillTest::isDone;
using KillTest::MiB;

namespace
{
const QString Root = u"/Volumes/main/default/landing/kill"_s;
#ifdef DI_JOURNAL_KILL_FULL
constexpr qint64 bigSize = 1024 * MiB;
constexpr qint64 partSize = 64 * MiB; ///< also the multipart threshold: files above it go up in parts
constexpr qint64 smallSize = 10 * MiB;
constexpr int smallCount = 20;
constexpr qint64 bandwidth = 200'000'000;
const QList<qint64> killMoments {200 * MiB, 260 * MiB, 140 * MiB, 230 * MiB, 170 * MiB};
#else
constexpr qint64 bigSize = 96 * MiB;
constexpr qint64 partSize = 8 * MiB;
constexpr qint64 smallSize = 4 * MiB;
constexpr int smallCount = 10;
constexpr qint64 bandwidth = 24'000'000;
const QList<qint64> killMoments {20 * MiB, 26 * MiB, 16 * MiB, 22 * MiB, 18 * MiB};
#endif
constexpr qint64 totalSize = bigSize + smallCount * smallSize;
constexpr int bigParts = int((bigSize + partSize - 1) / partSize);

// --engine-child BASE_URL JOURNAL ROOT_ID: one ingest of the folder into Root, as the CLI runs it (two files at
// a time, one stream a file); exit code 0 when every file landed.
int runChild(const QStringList &args)
{
    const QUrl base(args.value(0));
    Transfer::RunOptions options;
    options.parallel = 2;
    options.streams = 1;
    options.journalPath = args.value(1);
    Transfer::EngineHost host;
    Transfer::EngineHost::Setup setup;
    setup.endpoints = Net::Endpoints::sandbox(base);
    setup.options = options;
    setup.googleToken = [](QNetworkAccessManager *, QObject *parent) -> Net::TokenProvider * {
        return new Net::StaticTokenProvider(EngineTest::Token, u"sandbox"_s, parent);
    };
    setup.destination = [base](QNetworkAccessManager *nam, QObject *parent) -> Dest::Destination * {
        auto *tokens = new Net::StaticTokenProvider(EngineTest::Token, u"databricks"_s, parent);
        auto *volume = new Dest::VolumeDestination(nam, tokens, base, Root, parent);
        volume->setSinglePutLimit(partSize);
        volume->setPartSize(partSize);
        return volume;
    };
    int exitCode = 1;
    QObject::connect(&host, &Transfer::EngineHost::finished, &host, [&](const Transfer::Report &report) {
        const Transfer::Snapshot &t = report.totals;
        std::fprintf(stderr, "child: %d done, %d skipped, %d failed, %lld bytes\n", t.filesDone, t.filesSkipped,
                     t.filesFailed, t.bytesDone);
        exitCode = t.filesFailed + t.filesParked + t.filesCancelled == 0 ? 0 : 1;
        QCoreApplication::quit();
    });
    QObject::connect(&host, &Transfer::EngineHost::runFailed, &host, [](const Net::Error &e) {
        std::fprintf(stderr, "child: run failed: %s\n", qPrintable(e.toString()));
    });
    host.startRun(setup, {EngineTest::ref(args.value(2))});
    QCoreApplication::exec();
    return exitCode;
}
} // namespace

class TestJournalKillVolume final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_rootId;
    QHash<QString, QJsonObject> m_byName; ///< "big.bin" -> the sandbox's item

    QString journalPath() const { return m_work.filePath(u"journal.sqlite"_s); }
    QStringList childArgs() const
    {
        return {u"--engine-child"_s, m_sandbox->baseUrl().toString(), journalPath(), m_rootId};
    }

    /// Requests of `route` answered 200 from log entry `from` on, by the path they named.
    QHash<QString, int> answeredOk(const QString &route, qsizetype from)
    {
        QHash<QString, int> byPath;
        const QJsonArray log = KillTest::requestLog(*m_sandbox);
        for (qsizetype i = from; i < log.size(); ++i)
        {
            const QJsonObject entry = log.at(i).toObject();
            if (entry.value(u"route"_s).toString() == route && entry.value(u"status"_s).toInt() == 200)
                ++byPath[entry.value(u"path"_s).toString()];
        }
        return byPath;
    }
    int partsUploaded(qsizetype from)
    {
        int n = 0;
        for (const int count : answeredOk(u"dbx.multipart.part"_s, from))
            n += count;
        return n;
    }
    /// Single PUTs that landed, by file name.
    QHash<QString, int> putsOk(qsizetype from)
    {
        QHash<QString, int> byName;
        const QHash<QString, int> byPath = answeredOk(u"dbx.files.put"_s, from);
        for (auto it = byPath.begin(); it != byPath.end(); ++it)
            byName[it.key().section(u'/', -1)] += it.value();
        return byName;
    }

    /// Files done before a run (`before`: the journal then) were neither fetched nor uploaded again by the run
    /// (log entry `from` on).
    void checkDoneLeftAlone(const QHash<QString, Journal::FileRow> &before, qsizetype from)
    {
        const QHash<QString, Fetched> fetched = KillTest::mediaRequests(*m_sandbox, from);
        const QHash<QString, int> puts = putsOk(from);
        for (auto it = before.begin(); it != before.end(); ++it)
        {
            if (!isDone(*it))
                continue;
            QVERIFY2(!fetched.contains(it.key()), qPrintable(u"fetched again: "_s + it->relativePath));
            QVERIFY2(!puts.contains(it->relativePath.section(u'/', -1)), qPrintable(u"put again: "_s + it->relativePath));
        }
    }

    /// The part-aligned prefix of big.bin the journal holds uploaded.
    int durableParts(const Journal::FileRow &big) { return isDone(big) ? bigParts : int(big.resumeOffset / partSize); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        const QString manifest = m_work.filePath(u"manifest.json"_s);
        QVERIFY(KillTest::writeManifest(manifest, u"KillVolume"_s, bigSize, smallSize, smallCount));
        m_sandbox = std::make_unique<SandboxProcess>(QStringList {
            u"--static-token"_s, QString::fromLatin1(EngineTest::Token), u"--quiet"_s, u"--manifest"_s, manifest});
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        const QJsonObject tree = m_sandbox->get(u"/_sandbox/tree"_s).json();
        for (const QJsonValue &value : tree.value(u"items"_s).toArray())
            m_byName.insert(value.toObject().value(u"name"_s).toString(), value.toObject());
        m_rootId = tree.value(u"demo_root_id"_s).toString();
        QVERIFY(!m_rootId.isEmpty());
        QCOMPARE(qint64(m_byName.value(u"big.bin"_s).value(u"size"_s).toDouble()), bigSize);
    }

    void killedRunsRedoAtMostOnePartAKill()
    {
        const QString program = QCoreApplication::applicationFilePath();
        const QString bigId = m_byName.value(u"big.bin"_s).value(u"id"_s).toString();
        QVERIFY(m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, bandwidth}}));
        const qint64 servedBefore = KillTest::bytesOut(*m_sandbox);
        const qsizetype logStart = KillTest::requestLog(*m_sandbox).size();
        int kills = 0;
        int bigInFlight = 0;   ///< kills that hit big.bin under way
        int smallInFlight = 0; ///< kills x single-PUT files under way
        int killsBeforeFirstPart = 0; ///< kills that found big.bin under way with no part recorded yet
        for (const qint64 moment : killMoments)
        {
            const QHash<QString, Journal::FileRow> before = KillTest::journalRows(journalPath());
            const qsizetype logFrom = KillTest::requestLog(*m_sandbox).size();
            if (!KillTest::runAndKill(*m_sandbox, program, childArgs(), QProcessEnvironment::systemEnvironment(), moment))
                break; // finished before this moment
            ++kills;
            const QHash<QString, Journal::FileRow> after = KillTest::journalRows(journalPath());
            const QHash<QString, Fetched> fetched = KillTest::mediaRequests(*m_sandbox, logFrom);
            checkDoneLeftAlone(before, logFrom);
            if (QTest::currentTestFailed())
                return;
            // This run's parts: those after the prefix the journal held, up to the one it was sending at the kill.
            const int parts = partsUploaded(logFrom);
            const int progress = durableParts(after.value(bigId)) - durableParts(before.value(bigId));
            qInfo("kill %d: big.bin %d parts durable before, %d after; %d parts uploaded", kills,
                  durableParts(before.value(bigId)), durableParts(after.value(bigId)), parts);
            QVERIFY2(parts <= progress + 1, qPrintable(u"kill %1: %2 parts uploaded for %3 recorded"_s.arg(kills)
                                                           .arg(parts).arg(progress)));
            // With a part recorded, the run went on in that session: it started none.
            if (durableParts(before.value(bigId)) > 0)
                QVERIFY2(answeredOk(u"dbx.multipart.initiate"_s, logFrom).isEmpty(),
                         qPrintable(u"kill %1: a new upload session after %2 parts"_s.arg(kills)
                                        .arg(durableParts(before.value(bigId)))));
            const bool bigUnderWay = fetched.contains(bigId) && !isDone(after.value(bigId));
            bigInFlight += bigUnderWay ? 1 : 0;
            killsBeforeFirstPart += bigUnderWay && durableParts(after.value(bigId)) == 0 ? 1 : 0;
            for (auto it = fetched.begin(); it != fetched.end(); ++it)
                smallInFlight += it.key() != bigId && !isDone(after.value(it.key())) ? 1 : 0;
        }
        QVERIFY2(kills >= 3, "the runs ended before the kills");
        QVERIFY(m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, 0}}));

        const QHash<QString, Journal::FileRow> before = KillTest::journalRows(journalPath());
        QVERIFY2(before.value(bigId).resumeOffset > 0, "big.bin had no part recorded at the last kill");
        const qsizetype logFrom = KillTest::requestLog(*m_sandbox).size();
        QProcess last;
        last.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        last.start(program, childArgs());
        QVERIFY(last.waitForFinished(300000));
        QCOMPARE(last.exitCode(), 0);

        checkDoneLeftAlone(before, logFrom);
        if (QTest::currentTestFailed())
            return;
        // The last run sent exactly the parts after the recorded prefix.
        QCOMPARE(partsUploaded(logFrom), bigParts - durableParts(before.value(bigId)));

        // Over all runs: each part once, plus at most one a kill that found big.bin under way; one upload session,
        // continued after every kill that came after its first part; a single-PUT file once, plus once a kill that
        // found it under way.
        const int parts = partsUploaded(logStart);
        qInfo("%d kills (big.bin under way at %d); %d parts uploaded for %d; %d single-PUT files under way at kills",
              kills, bigInFlight, parts, bigParts, smallInFlight);
        QVERIFY2(parts <= bigParts + bigInFlight, qPrintable(u"%1 parts for %2"_s.arg(parts).arg(bigParts)));
        const QHash<QString, int> sessions = answeredOk(u"dbx.multipart.initiate"_s, logStart);
        QCOMPARE(sessions.size(), 1);
        QVERIFY2(sessions.begin().value() <= 1 + killsBeforeFirstPart,
                 qPrintable(u"%1 upload sessions started"_s.arg(sessions.begin().value())));
        int puts = 0;
        for (const int count : putsOk(logStart))
            puts += count;
        QVERIFY2(puts <= smallCount + smallInFlight, qPrintable(u"%1 single PUTs for %2 files"_s.arg(puts).arg(smallCount)));

        // Everything landed, with Drive's bytes.
        const QJsonObject landed = DestTest::uploads(*m_sandbox);
        QStringList names {u"big.bin"_s};
        for (int i = 0; i < smallCount; ++i)
            names << KillTest::smallName(i);
        for (const QString &name : std::as_const(names))
        {
            const QJsonObject upload = landed.value(Root + u"/KillVolume/"_s + name).toObject();
            QCOMPARE(qint64(upload.value(u"size"_s).toDouble()), qint64(m_byName.value(name).value(u"size"_s).toDouble()));
            QCOMPARE(upload.value(u"md5"_s).toString(), m_byName.value(name).value(u"md5"_s).toString());
        }
        const qint64 served = KillTest::bytesOut(*m_sandbox) - servedBefore;
        qInfo("Drive served %lld bytes for %lld (%.1f MiB over)", served, totalSize, double(served - totalSize) / MiB);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "--engine-child") == 0)
        return runChild(app.arguments().mid(2));
    TestJournalKillVolume test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_journal_killvolume.moc"
