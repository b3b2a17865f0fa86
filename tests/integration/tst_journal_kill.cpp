// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 11 acceptance 1 and 3: the real CLI killed with SIGKILL at several moments (byte counts) of a
// bandwidth-capped sandbox run, then run to the end. The tree is byte-exact, the sandbox served at most the total
// plus 16 MiB per file in flight at a kill, and no run fetched or opened (inotify) a file an earlier run finished.
// A file modified in Drive between a kill and the rerun drops its partial, lands its new bytes verified and says
// why. tst_journal_kill (label integration) runs a reduced size (a 64 MiB file and 10 of 4 MiB);
// tst_journal_kill_full (DI_JOURNAL_KILL_FULL, label bench) the acceptance's: a 1 GiB file and 20 of 10 MiB.
#include "filetree.h"
#include "tst_kill_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/inotify.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using KillTest::Fetched;
using KillTest::isDone;
using KillTest::MiB;

namespace
{
const QByteArray token = "journal-kill-static-token-90b2"_ba;
#ifdef DI_JOURNAL_KILL_FULL
constexpr qint64 bigSize = 1024 * MiB;
constexpr qint64 smallSize = 10 * MiB;
constexpr int smallCount = 20;
// 200 MB/s a connection: the 1 GiB file takes ~5.4 s; the kills at 1,000 MiB in all leave the last run ~220 MiB.
constexpr qint64 bandwidth = 200'000'000;
const QList<qint64> killMoments {200 * MiB, 260 * MiB, 140 * MiB, 230 * MiB, 170 * MiB};
constexpr qint64 changedKillMoment = 200 * MiB;
#else
constexpr qint64 bigSize = 64 * MiB;
constexpr qint64 smallSize = 4 * MiB;
constexpr int smallCount = 10;
// 12 MB/s a connection: the 64 MiB file takes ~5.6 s, a kill lands inside a file.
constexpr qint64 bandwidth = 12'000'000;
const QList<qint64> killMoments {20 * MiB, 26 * MiB, 16 * MiB, 22 * MiB, 18 * MiB};
constexpr qint64 changedKillMoment = 20 * MiB;
#endif
constexpr qint64 totalSize = bigSize + smallCount * smallSize;

/// Every file below `dir` (hidden ones too) relative to it, our receipts under _drive_ingest/ aside.
/// The names of the files opened in one folder (inotify IN_OPEN), gathered between two take()s: a run that
/// re-reads a file to hash it opens it; one that trusts the journal does not.
class OpenWatch
{
public:
    explicit OpenWatch(const QString &dir)
        : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
    {
        if (m_fd >= 0)
            m_watch = inotify_add_watch(m_fd, QFile::encodeName(dir).constData(), IN_OPEN);
    }
    ~OpenWatch()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    OpenWatch(const OpenWatch &) = delete;
    OpenWatch &operator=(const OpenWatch &) = delete;

    [[nodiscard]] bool isValid() const { return m_fd >= 0 && m_watch >= 0; }
    /// False once the kernel's queue overflowed (some opens were lost: nothing can be said).
    [[nodiscard]] bool complete() const { return !m_overflowed; }

    QSet<QString> take()
    {
        QSet<QString> names;
        alignas(inotify_event) char buffer[64 * 1024];
        for (ssize_t n = 0; (n = ::read(m_fd, buffer, sizeof buffer)) > 0;)
        {
            for (ssize_t at = 0; at < n;)
            {
                const auto *event = reinterpret_cast<const inotify_event *>(buffer + at);
                m_overflowed = m_overflowed || (event->mask & IN_Q_OVERFLOW) != 0;
                if (event->len > 0)
                    names.insert(QFile::decodeName(event->name));
                at += ssize_t(sizeof(inotify_event) + event->len);
            }
        }
        return names;
    }

private:
    int m_fd = -1;
    int m_watch = -1;
    bool m_overflowed = false;
};
} // namespace

class TestJournalKill final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_rootId;
    QHash<QString, QJsonObject> m_byName; ///< "big.bin" -> the sandbox's item
    QString m_state;
    int m_case = 0;

    QString journalPath() const { return m_state + u"/drive-ingest/journal.sqlite"_s; }

    void loadTree()
    {
        const QJsonObject tree = m_sandbox->get(u"/_sandbox/tree"_s).json();
        m_byName.clear();
        for (const QJsonValue &value : tree.value(u"items"_s).toArray())
            m_byName.insert(value.toObject().value(u"name"_s).toString(), value.toObject());
        m_rootId = tree.value(u"demo_root_id"_s).toString();
    }

    QStringList ingestArgs(const QString &dest, const QStringList &extra = {}) const
    {
        // Two files at a time, so the big one moves in every run; one stream a file: a ranged file goes on from its contiguous durable prefix only (issue 11's first step).
        return QStringList {u"ingest"_s, m_rootId, u"--to"_s, dest, u"--sandbox"_s, m_sandbox->baseUrl().toString(),
                            u"--streams"_s, u"1"_s, u"--parallel"_s, u"2"_s, u"--quiet"_s}
            + extra;
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DRIVE_INGEST_ACCESS_TOKEN"_s, QString::fromLatin1(token));
        env.insert(u"XDG_STATE_HOME"_s, m_state);
        return env;
    }

    qint64 bytesOut() { return KillTest::bytesOut(*m_sandbox); }
    qsizetype logSize() { return KillTest::requestLog(*m_sandbox).size(); }
    QHash<QString, Fetched> mediaRequests(qsizetype from) { return KillTest::mediaRequests(*m_sandbox, from); }
    QHash<QString, Journal::FileRow> journalRows() { return KillTest::journalRows(journalPath()); }

    /// Starts the CLI and SIGKILLs it once the sandbox served `bytes` more; false if it ended first.
    bool runAndKill(const QString &dest, qint64 bytes)
    {
        return KillTest::runAndKill(*m_sandbox, qEnvironmentVariable("DI_CLI"), ingestArgs(dest), environment(), bytes);
    }

    int runToTheEnd(const QString &dest, const QString &reportPath, QByteArray *err = nullptr)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(qEnvironmentVariable("DI_CLI"), ingestArgs(dest, {u"--report"_s, reportPath}));
        if (!process.waitForFinished(120000))
        {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        if (err)
            *err = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    /// Files done before a run (`before`: the journal then) were neither fetched (`fetched`: the run's media
    /// requests) nor opened (`opened`, since its last take()) by the run.
    void checkDoneLeftAlone(const QHash<QString, Journal::FileRow> &before, const QHash<QString, Fetched> &fetched,
                            OpenWatch &opened)
    {
        const QSet<QString> reopened = opened.take();
        QVERIFY(opened.complete());
        for (auto it = before.begin(); it != before.end(); ++it)
        {
            if (!isDone(*it))
                continue;
            QVERIFY2(!fetched.contains(it.key()), qPrintable(u"fetched again: "_s + it->relativePath));
            QVERIFY2(!reopened.contains(it->relativePath.section(u'/', -1)), qPrintable(u"read again: "_s + it->relativePath));
        }
    }

    void checkTreeExact(const QString &dest)
    {
        QStringList expected {u"Kill/big.bin"_s};
        for (int i = 0; i < smallCount; ++i)
            expected << u"Kill/"_s + KillTest::smallName(i);
        expected.sort();
        const QStringList found = TestTree::landedFiles(dest);
        QVERIFY2(found == expected, qPrintable(found.join(u", "_s))); // no partial left either
        for (const QString &path : std::as_const(expected))
            QCOMPARE(TestTree::md5Of(dest + u'/' + path), m_byName.value(path.section(u'/', -1)).value(u"md5"_s).toString());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        QVERIFY2(!qEnvironmentVariable("DI_CLI").isEmpty(), "DI_CLI is not set (run through ctest)");
        const QString manifestPath = m_work.filePath(u"manifest.json"_s);
        QVERIFY(KillTest::writeManifest(manifestPath, u"Kill"_s, bigSize, smallSize, smallCount));
        m_sandbox = std::make_unique<SandboxProcess>(
            QStringList {u"--static-token"_s, QString::fromLatin1(token), u"--quiet"_s, u"--manifest"_s, manifestPath});
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        loadTree();
        QVERIFY(!m_rootId.isEmpty());
        QVERIFY(m_byName.contains(u"big.bin"_s));
    }

    void init()
    {
        m_state = m_work.filePath(u"state-%1"_s.arg(++m_case));
        QVERIFY(QDir().mkpath(m_state));
    }

    void killedRunsGoOnWhereTheyStopped()
    {
        const QString dest = m_work.filePath(u"killed"_s);
        QVERIFY(m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, bandwidth}}));
        const qint64 servedBefore = bytesOut();
        // The files land in Kill/: watched from before the first run for opens of finished files.
        QVERIFY(QDir().mkpath(dest + u"/Kill"_s));
        OpenWatch opened(dest + u"/Kill"_s);
        QVERIFY(opened.isValid());
        int inFlightAtKills = 0;
        int kills = 0;
        for (const qint64 moment : killMoments)
        {
            const QHash<QString, Journal::FileRow> before = journalRows();
            const qsizetype logFrom = logSize();
            (void)opened.take();
            if (!runAndKill(dest, moment))
                break; // finished before this moment: nothing left to kill
            ++kills;
            // No run fetched or re-read a file an earlier run had finished.
            const QHash<QString, Fetched> fetched = mediaRequests(logFrom);
            checkDoneLeftAlone(before, fetched, opened);
            if (QTest::currentTestFailed())
                return;
            // In flight at the kill: fetched in this run and not known done (a row may not be committed yet).
            const QHash<QString, Journal::FileRow> after = journalRows();
            for (auto it = fetched.begin(); it != fetched.end(); ++it)
            {
                const Journal::FileRow was = before.value(it.key());
                const Journal::FileRow now = after.value(it.key());
                if (isDone(now))
                    continue;
                ++inFlightAtKills;
                // Served this run beyond what it made durable: what the next run fetches again.
                const qint64 wasDurable = isDone(was) ? 0 : was.resumeOffset;
                qInfo("kill %d: %s in flight: served %.1f MiB, durable %.1f -> %.1f MiB: %.1f MiB to fetch again", kills,
                      qPrintable(now.relativePath.isEmpty() ? it.key() : now.relativePath), double(it->bytes) / MiB,
                      double(wasDurable) / MiB, double(now.resumeOffset) / MiB,
                      double(it->bytes - (now.resumeOffset - wasDurable)) / MiB);
            }
        }
        QVERIFY2(kills >= 3, "the runs ended before the kills");
        QVERIFY(m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, 0}}));

        const QHash<QString, Journal::FileRow> before = journalRows();
        QVERIFY(std::any_of(before.begin(), before.end(), [](const Journal::FileRow &row) {
            return row.resumeOffset > 0 && !row.hashState.isEmpty();
        })); // something was continued, not only restarted
        const qsizetype logFrom = logSize();
        const QString reportPath = m_work.filePath(u"killed.json"_s);
        QByteArray err;
        (void)opened.take();
        QCOMPARE(runToTheEnd(dest, reportPath, &err), 0);
        checkDoneLeftAlone(before, mediaRequests(logFrom), opened);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(std::any_of(before.begin(), before.end(), isDone)); // the last run had finished files to leave alone
        checkTreeExact(dest);
        const qint64 served = bytesOut() - servedBefore;
        qInfo("%d kills, %d files in flight at them; served %lld bytes for %lld (%.1f MiB over)", kills,
              inFlightAtKills, served, totalSize, double(served - totalSize) / MiB);
        QVERIFY2(served <= totalSize + inFlightAtKills * 16 * MiB,
                 qPrintable(u"served %1 bytes for %2 with %3 files in flight at kills"_s.arg(served).arg(totalSize)
                                .arg(inFlightAtKills)));
    }

    void aFileChangedInDriveStartsOver()
    {
        const QString dest = m_work.filePath(u"changed"_s);
        QVERIFY(m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, bandwidth}}));
        const QString bigId = m_byName.value(u"big.bin"_s).value(u"id"_s).toString();
        // Killed once the big file has a durable prefix in the journal.
        bool continued = false;
        for (int attempt = 0; attempt < 4 && !continued; ++attempt)
        {
            QVERIFY(runAndKill(dest, changedKillMoment));
            continued = journalRows().value(bigId).resumeOffset > 0;
        }
        QVERIFY2(continued, "the big file never had a durable prefix at a kill");
        QVERIFY(m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, 0}}));

        // A new revision with other bytes (and another size) between the kill and the rerun.
        const SandboxProcess::Reply modified = m_sandbox->request(
            "POST", u"/_sandbox/mutate"_s,
            QJsonDocument(QJsonArray {QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, bigId}, {u"size"_s, bigSize - 12345}}})
                .toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"}});
        QCOMPARE(modified.status, 200);
        loadTree();
        QCOMPARE(qint64(m_byName.value(u"big.bin"_s).value(u"size"_s).toDouble()), bigSize - 12345);

        const qsizetype logFrom = logSize();
        const QString reportPath = m_work.filePath(u"changed.json"_s);
        QCOMPARE(runToTheEnd(dest, reportPath), 0);
        checkTreeExact(dest); // the new bytes, verified against Drive's new md5; the old partial gone
        // The new revision was fetched from its first byte.
        const QJsonArray log = m_sandbox->stats().value(u"log"_s).toArray();
        for (qsizetype i = logFrom; i < log.size(); ++i)
        {
            const QJsonObject entry = log.at(i).toObject();
            if (entry.value(u"path"_s).toString().endsWith(bigId))
                QCOMPARE(entry.value(u"range"_s).toString(), QString());
        }
        QFile reportFile(reportPath);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonArray files = QJsonDocument::fromJson(reportFile.readAll()).object().value(u"files"_s).toArray();
        bool said = false;
        for (const QJsonValue &value : files)
        {
            const QJsonObject record = value.toObject();
            if (record.value(u"driveId"_s).toString() != bigId)
                continue;
            QCOMPARE(record.value(u"status"_s).toString(), u"done"_s);
            said = record.value(u"reason"_s).toString().contains(u"changed in Drive since the interrupted run"_s);
            QVERIFY2(said, QJsonDocument(record).toJson().constData());
        }
        QVERIFY(said);
    }
};

QTEST_GUILESS_MAIN(TestJournalKill)
#include "tst_journal_kill.moc"
