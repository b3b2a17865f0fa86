// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 5, acceptance 1 for DBFS: the demo tree (without the 1 GiB file) lands under a DBFS folder through
// the real engine: files above one block through create → add-block (1 MiB) → close, small ones in one put,
// every file with Drive's md5 and nothing at a final path that is not complete; keep-both lands beside.
#include "tst_dest_support.h"

using namespace Qt::StringLiterals;
using namespace DestTest;

namespace
{
const QString DbfsRoot = u"/ingest/demo"_s;
}

class TestDestDbfs final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;

private slots:
    void initTestCase()
    {
        m_sandbox = makeSandbox();
        if (!m_sandbox->start())
            QSKIP(qPrintable(u"sandbox not available: "_s + m_sandbox->errorString()));
    }

    void demoTreeLands()
    {
        // Without "Large" (1 GiB) and "Shortcuts" (its "Shortcut to the demo root" would bring Large back).
        const QList<Drive::DriveRef> sources = demoChildren(*m_sandbox, {u"Large"_s, u"Shortcuts"_s});
        Transfer::RunOptions options = EngineTest::fastOptions();
        options.conflict = Dest::ConflictPolicy::Overwrite;
        const RunResult run = runInto(*m_sandbox, Kind::Dbfs, DbfsRoot, sources, options, 110000);
        QVERIFY(run.finished);
        QVERIFY(run.runFailures.isEmpty());
        int done = 0;
        const QString problem = checkLanded(*m_sandbox, run.report, u"dbfs:"_s + DbfsRoot + u'/', &done);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(done >= 30, qPrintable(QString::number(done) + u" done\n"_s + describeFailures(run.report)));
        for (const Transfer::FileStatus &f : run.report.files)
        {
            if (f.state == Transfer::FileState::Skipped)
                continue; // forms, shortcut loops: nothing to write
            if (f.state == Transfer::FileState::Done)
            {
                QVERIFY2(f.destinationPath.startsWith(u"dbfs:"_s + DbfsRoot + u'/'), qPrintable(f.destinationPath));
                continue;
            }
            const bool expected = f.drivePath.contains(u"Faulty/"_s) || f.drivePath.contains(u"Feedback form"_s)
                || f.drivePath.contains(u"Dangling"_s) || f.drivePath.contains(u"Huge report"_s);
            QVERIFY2(expected, qPrintable(describeFailures(run.report)));
        }
        // 100 MiB + 10 MiB + the odd and 1 MiB files went up in blocks; small ones in one put.
        const QJsonObject up = uploads(*m_sandbox);
        QCOMPARE(up.value(u"dbfs:"_s + DbfsRoot + u"/Binary/100MiB.bin"_s).toObject().value(u"size"_s).toDouble(), 104857600.0);
        const QJsonObject stats = m_sandbox->stats();
        const QJsonObject routes = stats.value(u"by_route"_s).toObject();
        qInfo() << "DBFS routes:" << QJsonDocument(routes).toJson(QJsonDocument::Compact).left(2000);
        const auto calls = [&routes](const QString &route) {
            int n = 0;
            const QJsonObject byStatus = routes.value(route).toObject();
            for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
                n += it.value().toInt();
            return n;
        };
        // 100 + 10 MiB + odd-1000003 (1 block)… went up as 1 MiB blocks, the small files in one put each.
        QVERIFY2(calls(u"dbx.dbfs.add-block"_s) >= 110, qPrintable(QString::number(calls(u"dbx.dbfs.add-block"_s))));
        QVERIFY(calls(u"dbx.dbfs.put"_s) >= 20);
        QVERIFY(calls(u"dbx.dbfs.create"_s) >= 3);
    }

    void keepBothLandsBeside()
    {
        QString deepId;
        for (const QJsonObject &item : EngineTest::treeItems(*m_sandbox))
        {
            if (item.value(u"name"_s).toString() == u"Deep"_s)
                deepId = item.value(u"id"_s).toString();
        }
        QVERIFY(!deepId.isEmpty());
        Transfer::RunOptions options = EngineTest::fastOptions();
        options.conflict = Dest::ConflictPolicy::KeepBoth;
        const RunResult run = runInto(*m_sandbox, Kind::Dbfs, DbfsRoot, {EngineTest::ref(deepId)}, options);
        QVERIFY(run.finished);
        const QJsonObject up = uploads(*m_sandbox);
        QCOMPARE(run.report.files.size(), 4);
        for (const Transfer::FileStatus &f : run.report.files)
        {
            QCOMPARE(f.state, Transfer::FileState::Done);
            QVERIFY2(f.destinationPath.contains(u" (1)"_s), qPrintable(f.destinationPath));
            QVERIFY(up.contains(f.destinationPath));
        }
        QVERIFY(up.contains(u"dbfs:"_s + DbfsRoot + u"/Deep/level1/l1.bin"_s));
    }
};

QTEST_GUILESS_MAIN(TestDestDbfs)
#include "tst_dest_dbfs.moc"
