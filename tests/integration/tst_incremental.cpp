// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12, acceptance 1, 3 and 4 with the real CLI, a real sandbox and a real journal file: a first run of a tree
// in My Drive and in a shared drive, 50 mutations covering every operation, then a rerun that reads only the
// changes feed (no files.list crawl, no Databricks HEAD per file), lands Drive's new state (removed files kept, or
// deleted with --mirror) in a local folder, a Volume and DBFS alike (a local folder and DBFS move a moved file, a
// Volume fetches it again), a rerun killed mid-way and run again ends the same, and a restarted sandbox (token
// rejected) relists without fetching unchanged files. Last, symbolic links planted in a local destination: the
// rerun's moves and --mirror deletions through them fail for those files only and touch nothing outside.
#include "filetree.h"
#include "sandboxprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray token = "incremental-static-token-5c1e"_ba;

QJsonObject file(const QString &name, qint64 size)
{
    return {{u"name"_s, name}, {u"size"_s, size}};
}
QJsonObject folder(const QString &name, const QJsonArray &children)
{
    return {{u"name"_s, name}, {u"children"_s, children}};
}
} // namespace

class TestIncremental final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_state;
    QHash<QString, QJsonObject> m_byPath; ///< sandbox path -> item
    QStringList m_sources;                ///< the two source folders' ids

    QString dest(const QString &name) const { return m_work.filePath(name); }

    /// One destination of the same job: what --to says, where the sandbox (or the disk) keeps its files, and
    /// whether it moves a moved file (a local folder, DBFS) or fetches it again (a Volume: no server-side move).
    struct Target
    {
        QString to;
        QString disk;
        bool movesInPlace = true;
    };
    Target target(const QString &kind, const QString &name) const
    {
        if (kind == u"volume"_s)
            return {u"volume:/Volumes/main/default/landing/"_s + name,
                    m_sandbox->dataDir() + u"/databricks/volumes/main/default/landing/"_s + name, false};
        if (kind == u"dbfs"_s)
            return {u"dbfs:/incr/"_s + name, m_sandbox->dataDir() + u"/databricks/dbfs/incr/"_s + name, true};
        return {dest(name), dest(name), true};
    }
    static QStringList kinds() { return {u"local"_s, u"volume"_s, u"dbfs"_s}; }

    void loadTree()
    {
        m_byPath.clear();
        const QJsonObject tree = m_sandbox->get(u"/_sandbox/tree"_s).json();
        for (const QJsonValue &value : tree.value(u"items"_s).toArray())
            m_byPath.insert(value.toObject().value(u"path"_s).toString(), value.toObject());
    }
    QString id(const QString &path) const { return m_byPath.value(path).value(u"id"_s).toString(); }

    /// Drive's state below the sources as the destination should hold it: relative path -> md5 ("" for exports).
    QMap<QString, QString> expected()
    {
        loadTree();
        QMap<QString, QString> files;
        for (auto it = m_byPath.begin(); it != m_byPath.end(); ++it)
        {
            QString path = it.key();
            if (path.startsWith(u"Team/"_s))
                path = path.mid(5);
            if (!path.startsWith(u"Incr/"_s) && !path.startsWith(u"TeamDocs/"_s))
                continue;
            const QString mime = it->value(u"mimeType"_s).toString();
            if (mime == u"application/vnd.google-apps.folder"_s || it->value(u"trashed"_s).toBool())
                continue;
            if (mime == u"application/vnd.google-apps.document"_s)
                files.insert(path + u".docx"_s, QString());
            else
                files.insert(path, it->value(u"md5"_s).toString());
        }
        return files;
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DRIVE_INGEST_ACCESS_TOKEN"_s, QString::fromLatin1(token));
        env.insert(u"XDG_STATE_HOME"_s, m_state);
        return env;
    }

    QStringList args(const QString &to, const QStringList &extra = {}) const
    {
        return QStringList {u"ingest"_s} + m_sources
            + QStringList {u"--to"_s, to, u"--sandbox"_s, m_sandbox->baseUrl().toString()} + extra;
    }

    int run(const QString &to, const QStringList &extra = {}, QByteArray *err = nullptr)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(qEnvironmentVariable("DI_CLI"), args(to, extra));
        if (!process.waitForFinished(120000))
        {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        const QByteArray errors = process.readAllStandardError();
        if (err)
            *err = errors;
        if (process.exitCode() != 0)
            qWarning("%s", errors.constData());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    QJsonArray logFrom(qsizetype from)
    {
        const QJsonArray log = m_sandbox->stats().value(u"log"_s).toArray();
        QJsonArray tail;
        for (qsizetype i = from; i < log.size(); ++i)
            tail.append(log.at(i));
        return tail;
    }
    qsizetype logSize() { return m_sandbox->stats().value(u"log"_s).toArray().size(); }

    void mutate(const QJsonArray &operations)
    {
        const SandboxProcess::Reply reply = m_sandbox->request("POST", u"/_sandbox/mutate"_s,
            QJsonDocument(operations).toJson(), {{"Content-Type", "application/json"}});
        QVERIFY2(reply.status == 200, reply.body.constData());
    }

    /// The destination holds `want` exactly (names, and bytes where Drive gives an md5).
    void checkEquals(const QString &to, const QMap<QString, QString> &want)
    {
        const QStringList found = TestTree::landedFiles(to);
        QCOMPARE(found.join(u'\n'), want.keys().join(u'\n'));
        for (auto it = want.begin(); it != want.end(); ++it)
        {
            if (!it->isEmpty())
                QVERIFY2(TestTree::md5Of(to + u'/' + it.key()) == *it, qPrintable(it.key()));
        }
    }

    QMap<QString, QString> m_before;   ///< the state of the first runs
    QMap<QString, QString> m_after;    ///< the state after the mutations
    QSet<QString> m_fetchable;         ///< ids a rerun may fetch: new or changed
    QStringList m_movedOnly;           ///< ids of files renamed or moved (bytes unchanged): moved, not fetched
    int m_newFolders = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        QVERIFY2(!qEnvironmentVariable("DI_CLI").isEmpty(), "DI_CLI is not set (run through ctest)");
        QJsonArray incr;
        for (int i = 0; i < 12; ++i)
            incr.append(file(u"f%1.bin"_s.arg(i, 2, 10, QChar(u'0')), 1000 + i));
        for (int i = 0; i < 15; ++i) // never mutated: a relist must not fetch them again
            incr.append(file(u"u%1.bin"_s.arg(i, 2, 10, QChar(u'0')), 500 + i));
        incr.append(folder(u"Sub"_s, {file(u"s1.bin"_s, 3000), file(u"s2.bin"_s, 3001)}));
        incr.append(folder(u"Old"_s, {file(u"o1.bin"_s, 4000), file(u"o2.bin"_s, 4001)}));
        incr.append(QJsonObject {{u"name"_s, u"Doc"_s}, {u"mimeType"_s, u"application/vnd.google-apps.document"_s},
                                 {u"export_size"_s, 5000}});
        QJsonArray team;
        for (int i = 0; i < 8; ++i)
            team.append(file(u"t%1.bin"_s.arg(i), 2000 + i));
        team.append(folder(u"TSub"_s, {file(u"ts.bin"_s, 2500)}));
        const QJsonObject manifest {
            {u"demo_root"_s, u"Incr"_s},
            {u"my_drive"_s, QJsonArray {folder(u"Incr"_s, incr),
                                        folder(u"Outside"_s, {file(u"out1.bin"_s, 6000),
                                                              folder(u"Ext"_s, {file(u"e1.bin"_s, 7000)})})}},
            {u"shared_drives"_s, QJsonArray {QJsonObject {{u"name"_s, u"Team"_s},
                                                          {u"children"_s, QJsonArray {folder(u"TeamDocs"_s, team),
                                                                                      folder(u"TeamOut"_s, {file(u"to.bin"_s, 2600)})}}}}}};
        QFile out(m_work.filePath(u"manifest.json"_s));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(manifest).toJson());
        out.close();
        m_sandbox = std::make_unique<SandboxProcess>(QStringList {u"--static-token"_s, QString::fromLatin1(token),
                                                                  u"--quiet"_s, u"--manifest"_s, out.fileName()});
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        loadTree();
        m_sources = QStringList {id(u"Incr"_s), id(u"Team/TeamDocs"_s)};
        QVERIFY(!m_sources.contains(QString()));
        m_state = m_work.filePath(u"state"_s);
        QVERIFY(QDir().mkpath(m_state));
    }

    void firstRuns()
    {
        m_before = expected();
        for (const QString &kind : kinds())
        {
            for (const QString &name : {u"plain"_s, u"mirror"_s, u"killed"_s})
            {
                if (name == u"killed"_s && kind != u"local"_s)
                    continue;
                const Target t = target(kind, name);
                QCOMPARE(run(t.to), 0);
                checkEquals(t.disk, m_before);
            }
        }
    }

    void mutateEveryOperation()
    {
        loadTree();
        const QString incr = id(u"Incr"_s), sub = id(u"Incr/Sub"_s), old = id(u"Incr/Old"_s);
        const QString outside = id(u"Outside"_s), ext = id(u"Outside/Ext"_s);
        const QString docs = id(u"Team/TeamDocs"_s), tsub = id(u"Team/TeamDocs/TSub"_s), tout = id(u"Team/TeamOut"_s);
        const auto f = [this](int i) { return id(u"Incr/f%1.bin"_s.arg(i, 2, 10, QChar(u'0'))); };
        const auto t = [this](int i) { return id(u"Team/TeamDocs/t%1.bin"_s.arg(i)); };
        QJsonArray ops {
            // My Drive: every operation
            QJsonObject {{u"op"_s, u"add"_s}, {u"parent"_s, incr}, {u"name"_s, u"new1.bin"_s}, {u"size"_s, 1500}},
            QJsonObject {{u"op"_s, u"add"_s}, {u"parent"_s, sub}, {u"name"_s, u"new2.bin"_s}, {u"size"_s, 1501}},
            QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, f(0)}, {u"size"_s, 2 * 1024 * 1024}},
            QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, f(1)}, {u"size"_s, 2 * 1024 * 1024 + 1}},
            QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, f(2)}},
            QJsonObject {{u"op"_s, u"rename"_s}, {u"id"_s, f(3)}, {u"name"_s, u"renamed3.bin"_s}},
            QJsonObject {{u"op"_s, u"move"_s}, {u"id"_s, f(4)}, {u"parent"_s, sub}},
            QJsonObject {{u"op"_s, u"move"_s}, {u"id"_s, f(5)}, {u"parent"_s, outside}},
            QJsonObject {{u"op"_s, u"trash"_s}, {u"id"_s, f(6)}},
            QJsonObject {{u"op"_s, u"trash"_s}, {u"id"_s, f(7)}},
            QJsonObject {{u"op"_s, u"untrash"_s}, {u"id"_s, f(7)}},
            QJsonObject {{u"op"_s, u"delete"_s}, {u"id"_s, f(8)}},
            QJsonObject {{u"op"_s, u"unshare"_s}, {u"id"_s, f(9)}},
            QJsonObject {{u"op"_s, u"rename"_s}, {u"id"_s, f(10)}, {u"name"_s, u"moved10.bin"_s}},
            QJsonObject {{u"op"_s, u"move"_s}, {u"id"_s, f(10)}, {u"parent"_s, sub}},
            QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, f(11)}, {u"size"_s, 999}},
            QJsonObject {{u"op"_s, u"rename"_s}, {u"id"_s, f(11)}, {u"name"_s, u"changed11.bin"_s}},
            QJsonObject {{u"op"_s, u"rename"_s}, {u"id"_s, sub}, {u"name"_s, u"Sub2"_s}},
            QJsonObject {{u"op"_s, u"move"_s}, {u"id"_s, old}, {u"parent"_s, outside}},
            QJsonObject {{u"op"_s, u"move"_s}, {u"id"_s, ext}, {u"parent"_s, incr}},
            QJsonObject {{u"op"_s, u"move"_s}, {u"id"_s, id(u"Outside/out1.bin"_s)}, {u"parent"_s, incr}},
            QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, id(u"Incr/Doc"_s)}},
            QJsonObject {{u"op"_s, u"add"_s}, {u"parent"_s, incr}, {u"name"_s, u"NewDir"_s}, {u"folder"_s, true}},
            QJsonObject {{u"op"_s, u"add"_s}, {u"parent"_s, incr}, {u"name"_s, u"Doc2"_s},
                         {u"mimeType"_s, u"application/vnd.google-apps.document"_s}, {u"export_size"_s, 3000}},
            QJsonObject {{u"op"_s, u"add"_s}, {u"parent"_s, outside}, {u"name"_s, u"ignored.bin"_s}, {u"size"_s, 100}},
            // the shared drive: every operation
            QJsonObject {{u"op"_s, u"add"_s}, {u"parent"_s, docs}, {u"name"_s, u"tnew.bin"_s}, {u"size"_s, 2700}},
            QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, t(0)}, {u"size"_s, 2800}},
            QJsonObject {{u"op"_s, u"rename"_s}, {u"id"_s, t(1)}, {u"name"_s, u"trenamed.bin"_s}},
            QJsonObject {{u"op"_s, u"move"_s}, {u"id"_s, t(2)}, {u"parent"_s, tsub}},
            QJsonObject {{u"op"_s, u"move"_s}, {u"id"_s, t(3)}, {u"parent"_s, tout}},
            QJsonObject {{u"op"_s, u"trash"_s}, {u"id"_s, t(4)}},
            QJsonObject {{u"op"_s, u"trash"_s}, {u"id"_s, t(5)}},
            QJsonObject {{u"op"_s, u"untrash"_s}, {u"id"_s, t(5)}},
            QJsonObject {{u"op"_s, u"delete"_s}, {u"id"_s, t(6)}},
            QJsonObject {{u"op"_s, u"unshare"_s}, {u"id"_s, t(7)}},
            QJsonObject {{u"op"_s, u"move"_s}, {u"id"_s, id(u"Team/TeamOut/to.bin"_s)}, {u"parent"_s, docs}},
            QJsonObject {{u"op"_s, u"rename"_s}, {u"id"_s, tsub}, {u"name"_s, u"TSub2"_s}},
        };
        mutate(ops);
        // New items get their ids from the sandbox: a second batch uses them.
        loadTree();
        const QString newDir = id(u"Incr/NewDir"_s);
        QVERIFY(!newDir.isEmpty());
        QJsonArray more {
            QJsonObject {{u"op"_s, u"add"_s}, {u"parent"_s, newDir}, {u"name"_s, u"n1.bin"_s}, {u"size"_s, 800}},
            QJsonObject {{u"op"_s, u"add"_s}, {u"parent"_s, newDir}, {u"name"_s, u"n2.bin"_s}, {u"size"_s, 801}},
            QJsonObject {{u"op"_s, u"add"_s}, {u"parent"_s, newDir}, {u"name"_s, u"Deep"_s}, {u"folder"_s, true}},
            QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, id(u"Incr/new1.bin"_s)}, {u"size"_s, 1600}},
            QJsonObject {{u"op"_s, u"rename"_s}, {u"id"_s, id(u"Incr/Sub2/new2.bin"_s)}, {u"name"_s, u"new2b.bin"_s}},
            QJsonObject {{u"op"_s, u"add"_s}, {u"parent"_s, id(u"Team/TeamDocs/TSub2"_s)}, {u"name"_s, u"tdeep.bin"_s},
                         {u"size"_s, 900}},
            QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, id(u"Team/TeamDocs/TSub2/ts.bin"_s)}, {u"size"_s, 2501}},
            QJsonObject {{u"op"_s, u"delete"_s}, {u"id"_s, id(u"Incr/Sub2/s2.bin"_s)}},
            QJsonObject {{u"op"_s, u"trash"_s}, {u"id"_s, id(u"Incr/Sub2/s1.bin"_s)}},
            QJsonObject {{u"op"_s, u"add"_s}, {u"parent"_s, id(u"Incr/Ext"_s)}, {u"name"_s, u"e2.bin"_s}, {u"size"_s, 700}},
            QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, id(u"Incr/out1.bin"_s)}, {u"size"_s, 6100}},
            QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, id(u"Team/TeamDocs/to.bin"_s)}},
            QJsonObject {{u"op"_s, u"rename"_s}, {u"id"_s, id(u"Team/TeamDocs/t5.bin"_s)}, {u"name"_s, u"t5b.bin"_s}},
        };
        mutate(more);
        QCOMPARE(ops.size() + more.size(), 50);
        m_after = expected();
        for (const QString &path : {u"Incr/renamed3.bin"_s, u"Incr/Sub2/f04.bin"_s, u"Incr/Sub2/moved10.bin"_s,
                                    u"Team/TeamDocs/trenamed.bin"_s, u"Team/TeamDocs/TSub2/t2.bin"_s,
                                    u"Team/TeamDocs/t5b.bin"_s})
        {
            QVERIFY2(!id(path).isEmpty(), qPrintable(path));
            m_movedOnly << id(path);
        }
        QVERIFY(m_after != m_before);
    }

    void rerunAppliesOnlyTheChanges_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("mirror");
        for (const QString &kind : kinds())
        {
            QTest::addRow("%s-kept", qPrintable(kind)) << kind << u"plain"_s << false;
            QTest::addRow("%s-mirror", qPrintable(kind)) << kind << u"mirror"_s << true;
        }
    }
    void rerunAppliesOnlyTheChanges()
    {
        QFETCH(QString, kind);
        QFETCH(QString, name);
        QFETCH(bool, mirror);
        const Target t = target(kind, name);
        if (!mirror && kind == u"local"_s)
        {
            // --dry-run first: it lists what the rerun would do from the changes feed, and changes nothing.
            const qsizetype dryFrom = logSize();
            QProcess dry;
            dry.setProcessEnvironment(environment());
            dry.start(qEnvironmentVariable("DI_CLI"), args(dest(name), {u"--dry-run"_s}));
            QVERIFY(dry.waitForFinished(120000));
            const QString plan = QString::fromUtf8(dry.readAllStandardOutput());
            QCOMPARE(dry.exitCode(), 0);
            QVERIFY2(plan.contains(u"would move to"_s) && plan.contains(u"its copy would be left"_s), qPrintable(plan));
            QVERIFY2(plan.contains(u"new1.bin"_s) && plan.contains(u"f00.bin"_s), qPrintable(plan));
            checkEquals(dest(name), m_before);
            for (const QJsonValue &value : logFrom(dryFrom))
            {
                const QString route = value.toObject().value(u"route"_s).toString();
                QVERIFY2(route != u"drive.files.media"_s && route != u"drive.files.export"_s, qPrintable(route));
            }
        }
        const qsizetype from = logSize();
        QByteArray err;
        QCOMPARE(run(t.to, mirror ? QStringList {u"--mirror"_s} : QStringList {}, &err), 0);
        // Drive's new state (with --mirror exactly; without, the copies of removed files stay, checked below).
        const QStringList found = TestTree::landedFiles(t.disk);
        for (const QString &path : m_after.keys())
            QVERIFY2(found.contains(path), qPrintable(path));
        if (mirror)
            checkEquals(t.disk, m_after);
        for (auto it = m_after.begin(); it != m_after.end(); ++it)
            if (!it->isEmpty())
                QVERIFY2(TestTree::md5Of(t.disk + u'/' + it.key()) == *it, qPrintable(it.key()));
        // Only the changes feed, listings of folders moved in, and media/export of new and changed files; on the
        // Databricks side no HEAD or get-status per file.
        QHash<QString, int> routes;
        QSet<QString> fetched;
        const QRegularExpression unchanged(u"/u\\d\\d\\.bin$"_s); // u00–u14 are never mutated
        for (const QJsonValue &value : logFrom(from))
        {
            const QString route = value.toObject().value(u"route"_s).toString();
            const QString path = value.toObject().value(u"path"_s).toString();
            ++routes[route];
            if (route == u"drive.files.media"_s)
                fetched.insert(path.section(u'/', -1));
            QVERIFY2(!route.startsWith(u"dbx."_s) || !unchanged.match(path).hasMatch(), qPrintable(path));
        }
        const QSet<QString> allowed {u"drive.changes.list"_s, u"drive.files.list"_s, u"drive.files.media"_s,
                                     u"drive.files.export"_s};
        int stats = 0;
        for (auto it = routes.begin(); it != routes.end(); ++it)
        {
            if (it.key().startsWith(u"dbx."_s))
            {
                if (it.key() == u"dbx.files.head"_s || it.key() == u"dbx.dbfs.get-status"_s)
                    stats += *it;
                continue;
            }
            QVERIFY2(allowed.contains(it.key()), qPrintable(it.key()));
        }
        QCOMPARE(routes.value(u"drive.changes.list"_s), 2); // the user's log and the shared drive's
        // NewDir (+ Deep) and Ext moved in: at most one listing each, nothing like a crawl (11 folders); a Volume
        // lists Sub2 and TSub2 again too (it cannot move a folder).
        const int listings = routes.value(u"drive.files.list"_s);
        QVERIFY2(listings <= (t.movesInPlace ? 3 : 5), qPrintable(QString::number(listings)));
        // new1, new2b, f0, f1, f2, f11, out1, e1, e2, n1, n2, tnew, t0, ts, tdeep, to (+2 exports); a Volume
        // fetches the six files that were only renamed or moved again.
        const int media = routes.value(u"drive.files.media"_s);
        QVERIFY2(media <= (t.movesInPlace ? 16 : 22), qPrintable(QString::number(media)));
        if (t.movesInPlace)
        {
            for (const QString &moved : std::as_const(m_movedOnly))
                QVERIFY2(!fetched.contains(moved), qPrintable(moved)); // moved, not fetched again
        }
        // No HEAD per file of the tree: the sinks of the files fetched ask about their own paths (at most two each),
        // no Databricks request names an unchanged file (checked above).
        const int fetchedFiles = media + routes.value(u"drive.files.export"_s);
        qInfo("Databricks HEAD/get-status: %d for %d files fetched", stats, fetchedFiles);
        QVERIFY2(stats <= 2 * fetchedFiles + 2, qPrintable(QString::number(stats)));
        QCOMPARE(routes.value(u"drive.files.export"_s), 2);
        QStringList seen;
        for (auto it = routes.begin(); it != routes.end(); ++it)
            seen << u"%1=%2"_s.arg(it.key()).arg(*it);
        qInfo("rerun requests: %s", qPrintable(seen.join(u", "_s)));
        const QRegularExpression summary(u"(\\d+) new, (\\d+) changed, (\\d+) removed since"_s);
        const QRegularExpressionMatch match = summary.match(QString::fromUtf8(err));
        QVERIFY2(match.hasMatch(), err.constData());
        qInfo("%s", qPrintable(match.captured(0)));
        // Each file counted once, the same whatever the destination (on a Volume a folder is listed again, not
        // moved): new — new1, new2b, Doc2, e1, e2, out1, n1, n2, tnew, tdeep, to; changed — f00, f01, f02, f03,
        // f04, f10, f11, Doc, t0, t1, t2, ts, t5; removed — f05, f06, f08, f09, s1, s2, Old's two, t3, t4, t6, t7.
        QCOMPARE(match.captured(1).toInt(), 11);
        QCOMPARE(match.captured(2).toInt(), 13);
        QCOMPARE(match.captured(3).toInt(), 12);
        if (!mirror)
        {
            // The copies of files gone from Drive are still there, nothing else beside Drive's state.
            for (const QString &path : {u"Incr/f06.bin"_s, u"Incr/f08.bin"_s, u"Incr/f09.bin"_s, u"Incr/f05.bin"_s,
                                        u"TeamDocs/t4.bin"_s, u"TeamDocs/t6.bin"_s, u"TeamDocs/t7.bin"_s})
                QVERIFY2(found.contains(path), qPrintable(path));
        }
        // A second rerun with nothing changed: one changes.list a corpus, nothing else from Drive, and on the
        // Databricks side no HEAD per file (the run's receipts only).
        const qsizetype again = logSize();
        QCOMPARE(run(t.to, mirror ? QStringList {u"--mirror"_s} : QStringList {}), 0);
        QStringList calls;
        for (const QJsonValue &value : logFrom(again))
            calls << value.toObject().value(u"route"_s).toString();
        QCOMPARE(calls.filter(u"drive."_s).size(), 2);
        qInfo("unchanged rerun, Databricks side: %s", qPrintable(calls.filter(u"dbx."_s).join(u", "_s)));
        QVERIFY2(calls.count(u"dbx.files.head"_s) + calls.count(u"dbx.dbfs.get-status"_s) <= 2,
                 qPrintable(calls.join(u", "_s)));
    }

    void killedRerunEndsTheSame()
    {
        // 1 MB/s a connection: the two 2 MiB files take seconds, a kill lands inside.
        QVERIFY(m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, 1'000'000}}));
        const qint64 start = qint64(m_sandbox->stats().value(u"bytes_out"_s).toDouble());
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(qEnvironmentVariable("DI_CLI"), args(dest(u"killed"_s), {u"--mirror"_s}));
        QVERIFY(process.waitForStarted());
        QElapsedTimer waited;
        waited.start();
        while (process.state() == QProcess::Running
               && qint64(m_sandbox->stats().value(u"bytes_out"_s).toDouble()) - start < 1'000'000
               && waited.elapsed() < 60000)
            QTest::qWait(20);
        QVERIFY2(process.state() == QProcess::Running, "the rerun ended before the kill");
        ::kill(pid_t(process.processId()), SIGKILL);
        process.waitForFinished();
        QVERIFY(m_sandbox->setFaults(QJsonObject {{u"bandwidth_bps"_s, 0}}));
        QCOMPARE(run(dest(u"killed"_s), {u"--mirror"_s}), 0);
        checkEquals(dest(u"killed"_s), m_after);
    }

    void rejectedTokenRelistsWithoutFetching()
    {
        // A job whose tokens are past the loaded tree's end: a restarted sandbox refuses them.
        QCOMPARE(run(dest(u"relist"_s)), 0);
        checkEquals(dest(u"relist"_s), m_after);
        loadTree();
        QHash<QString, QString> before; // id -> path and md5 before the restart
        for (auto it = m_byPath.begin(); it != m_byPath.end(); ++it)
            before.insert(it->value(u"id"_s).toString(), it.key() + u'|' + it->value(u"md5"_s).toString() + u'|'
                              + QString::number(it->value(u"trashed"_s).toBool()));
        m_sandbox->stop();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        const QMap<QString, QString> restored = expected();
        const qsizetype from = logSize();
        QByteArray err;
        QCOMPARE(run(dest(u"relist"_s), {}, &err), 0);
        QVERIFY2(err.contains("listing everything again"), err.constData());
        QHash<QString, int> routes;
        QSet<QString> fetched;
        for (const QJsonValue &value : logFrom(from))
        {
            const QJsonObject entry = value.toObject();
            ++routes[entry.value(u"route"_s).toString()];
            if (entry.value(u"route"_s).toString() == u"drive.files.media"_s)
                fetched.insert(entry.value(u"path"_s).toString().section(u'/', -1));
        }
        QVERIFY(routes.value(u"drive.files.list"_s) > 0); // a full listing
        // Unchanged: the same file at the same place with the same bytes (and not trashed) before and after.
        int unchanged = 0;
        for (auto it = m_byPath.begin(); it != m_byPath.end(); ++it)
        {
            const QString itemId = it->value(u"id"_s).toString();
            if (!it->value(u"md5"_s).toString().isEmpty()
                && before.value(itemId)
                    == it.key() + u'|' + it->value(u"md5"_s).toString() + u'|'
                        + QString::number(it->value(u"trashed"_s).toBool()))
            {
                ++unchanged;
                QVERIFY2(!fetched.contains(itemId), qPrintable(it.key()));
            }
        }
        qInfo("relist after a rejected token: %d unchanged files, %lld fetched, %d listings", unchanged,
              qint64(fetched.size()), routes.value(u"drive.files.list"_s));
        QVERIFY(unchanged > 10);
        for (auto it = restored.begin(); it != restored.end(); ++it)
            QVERIFY2(QFileInfo::exists(dest(u"relist"_s) + u'/' + it.key()), qPrintable(it.key()));
    }

    void linksInTheWayFailThoseFilesOnly()
    {
        // A job of its own into a local folder (Drive as the restarted sandbox has it), then links planted in it.
        const QString to = dest(u"hostile"_s);
        QCOMPARE(run(to), 0);
        const QString outside = m_work.filePath(u"sentinel"_s);
        for (const QString &name : {u"keep.bin"_s, u"Inner/s1.bin"_s, u"Inner/s2.bin"_s})
        {
            QVERIFY(QDir().mkpath(QFileInfo(outside + u'/' + name).path()));
            QFile file(outside + u'/' + name);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not ours: " + name.toUtf8());
        }
        QStringList sentinel;
        for (const QString &name : TestTree::landedFiles(outside))
            sentinel << name + u' ' + TestTree::md5Of(outside + u'/' + name);
        QCOMPARE(sentinel.size(), 3);
        // The file itself, a folder on a `from` path, a folder on a `to` path, a folder at a folder move's target.
        QVERIFY(QFile::remove(to + u"/Incr/f00.bin"_s));
        QVERIFY(QFile::link(outside + u"/keep.bin"_s, to + u"/Incr/f00.bin"_s));
        QVERIFY(QDir(to + u"/Incr/Sub"_s).removeRecursively());
        QVERIFY(QFile::link(outside + u"/Inner"_s, to + u"/Incr/Sub"_s));
        QVERIFY(QDir(to + u"/Incr/Old"_s).removeRecursively());
        QVERIFY(QFile::link(outside, to + u"/Incr/Old"_s));
        QVERIFY(QFile::link(outside, to + u"/TeamDocs/TSub2"_s));
        loadTree();
        mutate({
            QJsonObject {{u"op"_s, u"delete"_s}, {u"id"_s, id(u"Incr/f00.bin"_s)}},
            QJsonObject {{u"op"_s, u"rename"_s}, {u"id"_s, id(u"Incr/Sub/s1.bin"_s)}, {u"name"_s, u"s1b.bin"_s}},
            QJsonObject {{u"op"_s, u"delete"_s}, {u"id"_s, id(u"Incr/Sub/s2.bin"_s)}},
            QJsonObject {{u"op"_s, u"move"_s}, {u"id"_s, id(u"Incr/f01.bin"_s)}, {u"parent"_s, id(u"Incr/Old"_s)}},
            QJsonObject {{u"op"_s, u"rename"_s}, {u"id"_s, id(u"Team/TeamDocs/TSub"_s)}, {u"name"_s, u"TSub2"_s}},
            QJsonObject {{u"op"_s, u"modify"_s}, {u"id"_s, id(u"Incr/u00.bin"_s)}, {u"size"_s, 1234}}, // unrelated
            QJsonObject {{u"op"_s, u"rename"_s}, {u"id"_s, id(u"Incr/f02.bin"_s)}, {u"name"_s, u"f02b.bin"_s}},
        });
        const QString reportPath = m_work.filePath(u"hostile-report.json"_s);
        QByteArray err;
        const int code = run(to, {u"--mirror"_s, u"--report"_s, reportPath}, &err);
        QVERIFY2(code > 0, err.constData()); // the run ends, and says some files failed
        // Nothing outside the destination changed.
        QStringList after;
        for (const QString &name : TestTree::landedFiles(outside))
            after << name + u' ' + TestTree::md5Of(outside + u'/' + name);
        QCOMPARE(after, sentinel);
        QVERIFY(QFileInfo(to + u"/Incr/f00.bin"_s).isSymLink()); // not ours: neither deleted nor followed
        // The files in the way failed, each with its own reason; the rest of the rerun landed.
        QFile reportFile(reportPath);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QString report = QString::fromUtf8(reportFile.readAll());
        QVERIFY2(report.contains(u"unsafePath"_s), qPrintable(report.left(4000)));
        QVERIFY2(report.contains(u"f00.bin"_s) && report.contains(u"s2.bin"_s), qPrintable(report.left(4000)));
        loadTree();
        QCOMPARE(TestTree::md5Of(to + u"/Incr/u00.bin"_s), m_byPath.value(u"Incr/u00.bin"_s).value(u"md5"_s).toString());
        QVERIFY(QFileInfo(to + u"/Incr/f02b.bin"_s).isFile());
        QVERIFY(!QFileInfo::exists(to + u"/Incr/f02.bin"_s));
    }
};

QTEST_GUILESS_MAIN(TestIncremental)
#include "tst_incremental.moc"
