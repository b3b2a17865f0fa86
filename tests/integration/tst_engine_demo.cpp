// SPDX-License-Identifier: GPL-3.0-or-later
// The whole sandbox demo tree into an empty folder (issue 3, acceptance 1): every binary lands with the
// right md5 (hashed on disk here), exports land with their extension, shortcuts are followed, same-named
// files both land, hostile names stay inside, the rest is reported with reasons; a second run with
// --on-conflict skip moves 0 bytes; keep-both lands a second copy beside the first.
#include "tst_engine_support.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace EngineTest;

class TestEngineDemo final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_rootId;
    QTemporaryDir m_parent; ///< the destination is m_parent/dest: nothing may appear beside it
    QString m_dest;
    RunResult m_first;

private slots:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxProcess>(QStringList {u"--static-token"_s, QString::fromLatin1(Token), u"--quiet"_s});
        if (!m_sandbox->start())
            QSKIP(qPrintable(u"sandbox not available: "_s + m_sandbox->errorString()));
        m_rootId = m_sandbox->readyInfo().value(u"demo_root_id"_s).toString();
        QVERIFY(!m_rootId.isEmpty());
        m_dest = m_parent.filePath(u"dest"_s);
    }

    void wholeTree()
    {
        Transfer::RunOptions options = fastOptions();
        options.conflict = Dest::ConflictPolicy::Skip;
        m_first = runIngest(*m_sandbox, {ref(m_rootId)}, m_dest, options, TokenKind::Static, 110000);
        QVERIFY(m_first.finished);
        QVERIFY(m_first.runFailures.isEmpty());
        const Transfer::Report &report = m_first.report;
        QVERIFY(report.files.size() > 5);

        // Every binary file of the tree (not trashed, not in a shared drive, reachable under the root) landed
        // with Drive's md5, hashed here from the disk.
        QHash<QString, QJsonObject> items;
        for (const QJsonObject &item : treeItems(*m_sandbox))
            items.insert(item.value(u"id"_s).toString(), item);
        int binariesDone = 0;
        int exportsDone = 0;
        QSet<QString> landed;
        for (const Transfer::FileStatus &f : report.files)
        {
            const QString why = f.drivePath + u": "_s + Transfer::fileStateName(f.state) + u" "_s + f.lastError.message;
            if (f.state == Transfer::FileState::Done)
            {
                QVERIFY2(f.destinationPath.startsWith(m_dest + u'/'), qPrintable(f.destinationPath));
                QVERIFY2(QFile::exists(f.destinationPath), qPrintable(why));
                QVERIFY2(!landed.contains(f.destinationPath), qPrintable(u"two files at "_s + f.destinationPath));
                landed.insert(f.destinationPath);
                if (f.exportMimeType.isEmpty())
                {
                    const QJsonObject item = items.value(f.driveId);
                    QVERIFY2(!item.isEmpty(), qPrintable(why));
                    QCOMPARE(md5Of(f.destinationPath), item.value(u"md5"_s).toString());
                    ++binariesDone;
                }
                else
                {
                    const QString ext = Transfer::exportExtension(f.exportMimeType);
                    QVERIFY2(f.destinationPath.endsWith(u'.' + ext), qPrintable(f.destinationPath));
                    QVERIFY(QFileInfo(f.destinationPath).size() > 0);
                    ++exportsDone;
                }
            }
            else
            {
                // Everything that did not land says why.
                QVERIFY2(!f.lastError.message.isEmpty() || f.state == Transfer::FileState::Skipped, qPrintable(why));
                QVERIFY2(f.state != Transfer::FileState::Cancelled && f.state != Transfer::FileState::Queued, qPrintable(why));
            }
        }
        // The Doc over the 10 MB export limit came through its exportLinks URL.
        const QJsonObject exportLink = m_sandbox->stats().value(u"by_route"_s).toObject().value(u"drive.exportlink"_s).toObject();
        QVERIFY2(exportLink.value(u"200"_s).toInt() >= 1, "no export through exportLinks");
        QVERIFY(binariesDone >= 5);
        QVERIFY(exportsDone >= 3);
        QCOMPARE(report.totals.filesDone, binariesDone + exportsDone);

        // Same-named files in one folder both landed, at different paths.
        QHash<QString, int> byDrivePath;
        for (const Transfer::FileStatus &f : report.files)
        {
            if (f.state == Transfer::FileState::Done)
                ++byDrivePath[f.drivePath];
        }
        bool sawDuplicate = false;
        for (auto it = byDrivePath.cbegin(); it != byDrivePath.cend(); ++it)
            sawDuplicate = sawDuplicate || it.value() > 1;
        QVERIFY2(sawDuplicate, "the demo tree's same-named files did not both land");

        // Nothing outside the destination, no leftovers inside it.
        QCOMPARE(QDir(m_parent.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList {u"dest"_s});
        QVERIFY(partialsUnder(m_dest).isEmpty());
        QCOMPARE(filesUnder(m_dest).size(), landed.size());
    }

    void secondRunSkipsEverything()
    {
        if (!m_first.finished)
            QSKIP("first run did not finish");
        QSet<QString> landed;
        for (const Transfer::FileStatus &f : m_first.report.files)
        {
            if (f.state == Transfer::FileState::Done)
                landed.insert(f.driveId);
        }
        QVERIFY(m_sandbox->reset());
        Transfer::RunOptions options = fastOptions();
        options.conflict = Dest::ConflictPolicy::Skip;
        const RunResult second = runIngest(*m_sandbox, {ref(m_rootId)}, m_dest, options, TokenKind::Static, 60000);
        QVERIFY(second.finished);
        // Every file that landed the first time is skipped now with 0 bytes moved; only the ones that
        // failed the first time (a lying checksum, an abusive file…) are tried again.
        int skipped = 0;
        for (const Transfer::FileStatus &f : second.report.files)
        {
            if (!landed.contains(f.driveId))
                continue;
            QCOMPARE(f.state, Transfer::FileState::Skipped);
            QCOMPARE(f.bytesDone, 0);
            ++skipped;
        }
        QCOMPARE(skipped, m_first.report.totals.filesDone); // a file and a shortcut to it share an id
        QCOMPARE(second.report.totals.filesDone, 0);
        // The sandbox served no body for any of them.
        const QJsonArray log = m_sandbox->stats().value(u"log"_s).toArray();
        for (const QJsonValue &v : log)
        {
            const QJsonObject e = v.toObject();
            const QString route = e.value(u"route"_s).toString();
            if (route != u"drive.files.media"_s && route != u"drive.files.export"_s && route != u"drive.exportlink"_s)
                continue;
            for (const QString &id : landed)
                QVERIFY2(!e.value(u"path"_s).toString().contains(id), qPrintable(e.value(u"path"_s).toString()));
        }
    }

    void keepBothLandsBeside()
    {
        if (!m_first.finished)
            QSKIP("first run did not finish");
        const QJsonObject small = findBinary(*m_sandbox, 1, 128 * 1024);
        const QString id = small.value(u"id"_s).toString();
        QTemporaryDir dir;
        Transfer::RunOptions options = fastOptions();
        options.conflict = Dest::ConflictPolicy::KeepBoth;
        const RunResult a = runIngest(*m_sandbox, {ref(id)}, dir.path(), options);
        const RunResult b = runIngest(*m_sandbox, {ref(id)}, dir.path(), options);
        QCOMPARE(a.report.totals.filesDone, 1);
        QCOMPARE(b.report.totals.filesDone, 1);
        QVERIFY(a.report.files.at(0).destinationPath != b.report.files.at(0).destinationPath);
        QCOMPARE(filesUnder(dir.path()).size(), 2);
        QCOMPARE(md5Of(b.report.files.at(0).destinationPath), small.value(u"md5"_s).toString());
    }
};

QTEST_GUILESS_MAIN(TestEngineDemo)
#include "tst_engine_demo.moc"
