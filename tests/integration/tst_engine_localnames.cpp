// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 16, the local destination's names, end to end (the real engine, the sandbox, real files):
//  1. a Drive file named like a temporary file (`a.txt` and `a.txt.partial` in one folder) lands intact, in
//     order and in parallel;
//  2. sources named alike (two folders `Data`, two top-level `y.txt`) land on two paths, each with its bytes;
//  8. links in the destination (a folder link, a link planted at a temporary name) are not followed: nothing
//     outside the destination changes, the one file behind the link fails, the run goes on;
// 11. a file 193 folders deep (past PATH_MAX as one absolute path) lands; one past the 4096-byte relative cap
//     and one declaring 1 TiB fail alone; the run goes on.
// Also seen: a folder made read-only mid-run stops the run, and every unfinished file it keeps is named.
#include "destinations/localdestination.h"
#include "destinations/pathmapper.h"
#include "tst_engine_support.h"

#include <QJsonDocument>
#include <QProcess>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTimer>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace EngineTest;

namespace
{
constexpr int DeepLevels = 193;
constexpr qint64 TiB = qint64(1) << 40;

QString levelName(int i)
{
    return u"level-%1-abcdefghij"_s.arg(i, 3, 10, QLatin1Char('0')); // 20 characters
}

QJsonObject file(const QString &name, qint64 size)
{
    QJsonObject node;
    node.insert(u"name"_s, name);
    node.insert(u"size"_s, size);
    return node;
}

QJsonObject withId(QJsonObject node, const QString &id)
{
    node.insert(u"id"_s, id);
    return node;
}

QJsonObject folder(const QString &name, const QList<QJsonObject> &children)
{
    QJsonArray array;
    for (const QJsonObject &child : children)
        array.append(child);
    QJsonObject node;
    node.insert(u"name"_s, name);
    node.insert(u"children"_s, array);
    return node;
}

QByteArray manifest()
{
    // 193 levels of 20-character names: "Deep/" + 193 × 21 bytes = 4058 bytes before the file's name.
    QJsonObject deepest = folder(levelName(DeepLevels - 1),
                                 {file(u"leaf.bin"_s, 777), file(QString(40, u'n') + u".bin"_s, 55)});
    for (int i = DeepLevels - 2; i >= 0; --i)
        deepest = folder(levelName(i), {deepest});
    QJsonObject huge = file(u"huge.bin"_s, TiB);
    huge.insert(u"faults"_s, QJsonObject {{u"wrong_md5"_s, true}}); // the sandbox never hashes 1 TiB
    const QList<QJsonObject> myDrive {
        // Listed in this order: in order, `a.txt.partial` lands before `a.txt` starts.
        folder(u"Pair"_s, {file(u"a.txt.partial"_s, 200000), file(u"a.txt"_s, 300000)}),
        // Fixed ids: the sandbox derives ids from paths, and both files are `Data/x.bin`.
        folder(u"Data"_s, {withId(file(u"x.bin"_s, 1000), u"1xbinInTheFirstDataFolder00000001"_s)}),
        folder(u"Data"_s, {withId(file(u"x.bin"_s, 2000), u"1xbinInTheSecondDataFolder0000002"_s)}),
        folder(u"Tops"_s, {file(u"y.txt"_s, 111), folder(u"Sub"_s, {file(u"y.txt"_s, 222)})}),
        folder(u"Linked"_s, {file(u"in.bin"_s, 10)}),
        folder(u"Deep"_s, {deepest}),
        folder(u"Huge"_s, {huge, file(u"fits.bin"_s, 1000)}),
        folder(u"RO"_s, {file(u"r0.bin"_s, 200000), file(u"r1.bin"_s, 200000), file(u"r2.bin"_s, 200000),
                         file(u"r3.bin"_s, 200000)}),
    };
    QJsonArray array;
    for (const QJsonObject &node : myDrive)
        array.append(node);
    QJsonObject root;
    root.insert(u"my_drive"_s, array);
    return QJsonDocument(root).toJson();
}
} // namespace

class TestEngineLocalNames final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    QTemporaryFile m_manifest;
    QList<QJsonObject> m_items;

    QList<QJsonObject> itemsAt(const QString &path) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &item : m_items)
        {
            if (item.value(u"path"_s).toString() == path)
                found.append(item);
        }
        return found;
    }
    QString idAt(const QString &path) const { return itemsAt(path).value(0).value(u"id"_s).toString(); }

    /// Every file of `report` in state Done, at a path of its own, with its own Drive bytes.
    void verifyLanded(const Transfer::Report &report, const QStringList &ids)
    {
        QSet<QString> paths;
        for (const QString &id : ids)
        {
            const Transfer::FileStatus *f = recordFor(report, id);
            QVERIFY2(f, qPrintable(id));
            QVERIFY2(f->state == Transfer::FileState::Done, qPrintable(f->drivePath + u": "_s + f->lastError.message));
            paths.insert(f->destinationPath);
            // What is on disk is what the report claims (the bug: another file's bytes, the expected hash).
            const bool md5 = f->hash.startsWith(u"md5:"_s);
            QVERIFY2(md5 || f->hash.startsWith(u"sha256:"_s), qPrintable(f->hash));
            QFile landed(f->destinationPath);
            QVERIFY(landed.open(QIODevice::ReadOnly));
            QCryptographicHash hash(md5 ? QCryptographicHash::Md5 : QCryptographicHash::Sha256);
            hash.addData(&landed);
            QCOMPARE(u"%1:%2"_s.arg(md5 ? u"md5"_s : u"sha256"_s, QString::fromLatin1(hash.result().toHex())), f->hash);
        }
        QCOMPARE(paths.size(), ids.size());
    }

private slots:
    void initTestCase()
    {
        m_manifest.setFileTemplate(QDir::tempPath() + u"/tst_engine_localnames-XXXXXX.json"_s);
        QVERIFY(m_manifest.open());
        m_manifest.write(manifest());
        m_manifest.flush();
        m_sandbox = std::make_unique<SandboxProcess>(QStringList {u"--static-token"_s, QString::fromLatin1(Token),
                                                                  u"--quiet"_s, u"--manifest"_s,
                                                                  m_manifest.fileName()});
        if (!m_sandbox->start())
            QSKIP(qPrintable(u"sandbox not available: "_s + m_sandbox->errorString()));
        // Without hashes: the sandbox would hash the 1 TiB file (the engine checks md5s against Drive's).
        const QJsonArray items = m_sandbox->get(u"/_sandbox/tree?hashes=false"_s).json().value(u"items"_s).toArray();
        for (const QJsonValue &v : items)
            m_items.append(v.toObject());
        QCOMPARE(itemsAt(u"Data"_s).size(), 2);
    }

    void init()
    {
        QVERIFY(m_sandbox->reset());
    }

    void driveNameLikeATemporaryFile_data()
    {
        QTest::addColumn<int>("parallel");
        QTest::newRow("in order") << 1;
        QTest::newRow("in parallel") << 4;
    }

    void driveNameLikeATemporaryFile()
    {
        QFETCH(int, parallel);
        // In parallel, `a.txt` pauses halfway so that `a.txt.partial` lands while it is being written.
        QVERIFY(m_sandbox->setFaults({{u"files"_s, QJsonObject {{idAt(u"Pair/a.txt"_s),
                                                                 QJsonObject {{u"stall_after_bytes"_s, 150000},
                                                                              {u"stall_ms"_s, 1500}}}}}}));
        QTemporaryDir dir;
        Transfer::RunOptions options = fastOptions();
        options.parallel = parallel;
        const RunResult result = runIngest(*m_sandbox, {ref(idAt(u"Pair"_s))}, dir.path(), options);
        QVERIFY(result.finished);
        verifyLanded(result.report, {idAt(u"Pair/a.txt"_s), idAt(u"Pair/a.txt.partial"_s)});
        QCOMPARE(QDir(dir.filePath(u"Pair"_s)).entryList(QDir::Files | QDir::Hidden, QDir::Name),
                 (QStringList {u"a.txt"_s, u"a.txt.partial"_s}));
    }

    void sourcesNamedAlike()
    {
        const QList<QJsonObject> data = itemsAt(u"Data"_s);
        QTemporaryDir dir;
        const QList<Drive::DriveRef> sources {ref(data.at(0).value(u"id"_s).toString()),
                                              ref(data.at(1).value(u"id"_s).toString()), ref(idAt(u"Tops/y.txt"_s)),
                                              ref(idAt(u"Tops/Sub/y.txt"_s))};
        const RunResult result = runIngest(*m_sandbox, sources, dir.path(), fastOptions());
        QVERIFY(result.finished);
        QStringList ids = {idAt(u"Tops/y.txt"_s), idAt(u"Tops/Sub/y.txt"_s)};
        for (const QJsonObject &item : itemsAt(u"Data/x.bin"_s))
            ids << item.value(u"id"_s).toString();
        QCOMPARE(ids.size(), 4);
        verifyLanded(result.report, ids);
        QCOMPARE(result.report.totals.filesDone, 4);
        QCOMPARE(filesUnder(dir.path()).size(), 4);
    }

    void linksInTheDestinationAreNotFollowed()
    {
        QTemporaryDir dir;
        QTemporaryDir outside;
        const QString victim = outside.filePath(u"victim.txt"_s);
        {
            QFile f(victim);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("precious");
        }
        // A folder link where the Drive folder `Linked` lands, and a link at `a.txt`'s temporary name.
        QVERIFY(QFile::link(outside.path(), dir.filePath(u"Linked"_s)));
        QVERIFY(QDir(dir.path()).mkdir(u"Pair"_s));
        const QString planted = u"Pair/"_s + Dest::LocalSink::temporaryName(idAt(u"Pair/a.txt"_s), u"a.txt"_s);
        QVERIFY(QFile::link(victim, dir.filePath(planted)));
        const RunResult result = runIngest(*m_sandbox, {ref(idAt(u"Linked"_s)), ref(idAt(u"Pair"_s))}, dir.path(),
                                           fastOptions());
        QVERIFY(result.finished);
        QVERIFY(result.runFailures.isEmpty()); // one file behind a link does not stop the run
        verifyLanded(result.report, {idAt(u"Pair/a.txt"_s), idAt(u"Pair/a.txt.partial"_s)});
        const Transfer::FileStatus *linked = recordFor(result.report, idAt(u"Linked/in.bin"_s));
        QVERIFY(linked);
        QCOMPARE(linked->state, Transfer::FileState::Failed);
        QCOMPARE(linked->lastError.reason, u"symlinkInPath"_s);
        // Nothing was written outside the destination.
        QCOMPARE(QFile(victim).size(), qint64(8));
        QCOMPARE(md5Of(victim), QString::fromLatin1(QCryptographicHash::hash("precious", QCryptographicHash::Md5).toHex()));
        QCOMPARE(QDir(outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList {u"victim.txt"_s});
        QVERIFY(QFileInfo(dir.filePath(u"Linked"_s)).isSymLink());
        QVERIFY(!QFileInfo::exists(dir.filePath(planted)) || QFileInfo(dir.filePath(planted)).isSymLink());
    }

    void oneFileDoesNotStopTheRun()
    {
        QTemporaryDir base;
        // A long root puts the deep file's absolute path past PATH_MAX (4096), its relative path not.
        const QString root = base.filePath(QString(64, u'r'));
        QVERIFY(QDir().mkpath(root));
        // QDir cannot remove paths that long; rm walks them one folder at a time.
        auto removeDeep = qScopeGuard([&] { QProcess::execute(u"rm"_s, {u"-rf"_s, root}); });
        if (QStorageInfo(root).bytesAvailable() >= TiB)
            QSKIP("this file system has 1 TiB free");
        const RunResult result = runIngest(*m_sandbox, {ref(idAt(u"Deep"_s)), ref(idAt(u"Huge"_s))}, root,
                                           fastOptions(), TokenKind::Static, 120000);
        QVERIFY(result.finished);
        QVERIFY2(result.runFailures.isEmpty(), qPrintable(result.runFailures.value(0).message));
        QStringList levels;
        for (int i = 0; i < DeepLevels; ++i)
            levels << levelName(i);
        const QString deepFolder = u"Deep/"_s + levels.join(u'/');
        const Transfer::FileStatus *leaf = recordFor(result.report, idAt(deepFolder + u"/leaf.bin"_s));
        QVERIFY(leaf);
        QVERIFY2(leaf->state == Transfer::FileState::Done, qPrintable(leaf->lastError.message));
        QVERIFY(leaf->destinationPath.toUtf8().size() > 4096);
        const QString tooLongPath = deepFolder + u'/' + QString(40, u'n') + u".bin"_s;
        const Transfer::FileStatus *tooLong = recordFor(result.report, idAt(tooLongPath));
        QVERIFY(tooLong);
        QCOMPARE(tooLong->state, Transfer::FileState::Failed);
        QCOMPARE(tooLong->lastError.reason, u"pathTooLong"_s);
        const Transfer::FileStatus *huge = recordFor(result.report, idAt(u"Huge/huge.bin"_s));
        QVERIFY(huge);
        QCOMPARE(huge->state, Transfer::FileState::Failed);
        QCOMPARE(huge->lastError.reason, u"notEnoughSpace"_s);
        verifyLanded(result.report, {idAt(u"Huge/fits.bin"_s)});
        QCOMPARE(result.report.totals.filesDone, 2);
        QCOMPARE(result.report.totals.filesFailed, 2);
    }

    void folderMadeReadOnlyMidRun()
    {
        // r0 pauses 1.5 s, the others 8 s: r0 fails first (its rename refused), the run stops, the others are
        // cancelled while their unfinished files sit in a folder that no longer lets them go.
        QJsonObject files;
        for (int i = 0; i < 4; ++i)
        {
            files.insert(idAt(u"RO/r%1.bin"_s.arg(i)),
                         QJsonObject {{u"stall_after_bytes"_s, 100000}, {u"stall_ms"_s, i == 0 ? 1500 : 8000}});
        }
        QVERIFY(m_sandbox->setFaults({{u"files"_s, files}}));
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"RO"_s);
        const auto temporaries = [&folder] {
            QStringList names = QDir(folder).entryList(QDir::Files | QDir::Hidden);
            names.removeIf([](const QString &name) { return !Dest::isTemporaryName(name); });
            return names;
        };
        // root ignores mode bits: the immutable flag stands in for a read-only folder there.
        const bool asRoot = ::geteuid() == 0;
        const auto setReadOnly = [&](bool on) {
            if (asRoot)
                return QProcess::execute(u"chattr"_s, {on ? u"+i"_s : u"-i"_s, folder}) == 0;
            return QFile::setPermissions(folder, on ? QFile::ReadOwner | QFile::ExeOwner
                                                    : QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        };
        bool locked = false;
        bool tried = false;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            if (!tried && temporaries().size() == 4)
            {
                tried = true;
                locked = setReadOnly(true);
            }
        });
        poll.start();
        Transfer::RunOptions options = fastOptions();
        options.parallel = 4;
        const RunResult result = runIngest(*m_sandbox, {ref(idAt(u"RO"_s))}, dir.path(), options);
        poll.stop();
        const QStringList left = temporaries();
        if (locked)
            QVERIFY(setReadOnly(false));
        if (!locked)
            QSKIP("cannot make a folder read-only here");
        QVERIFY(result.finished);
        QCOMPARE(result.runFailures.size(), 1);
        QCOMPARE(result.runFailures.at(0).reason, u"permissionDenied"_s);
        QCOMPARE(left.size(), 4);
        for (const QString &name : left)
        {
            const QString path = folder + u'/' + name;
            bool named = false;
            for (const Transfer::FileStatus &f : result.report.files)
                named = named || f.lastError.message.contains(path);
            QVERIFY2(named, qPrintable(path + u" is not named in the report"_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestEngineLocalNames)
#include "tst_engine_localnames.moc"
