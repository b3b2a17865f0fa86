// SPDX-License-Identifier: GPL-3.0-or-later
// LocalDestination::writeWholeFrom (issue 11, acceptance 4): the run's receipts handed over as a file on disk and
// copied in chunks, with writeWhole()'s guarantees — the whole content, atomically, below the root only.

#include "destinations/localdestination.h"
#include "tst_resume_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using ResumeTest::allFiles;
using ResumeTest::readFile;
using ResumeTest::writeWholeFrom;

namespace
{
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}
} // namespace

class TestDestWholeFrom : public QObject
{
    Q_OBJECT

private slots:
    void copiesEveryChunk()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.path() + u"/root"_s));
        Dest::LocalDestination destination(dir.path() + u"/root"_s);
        // Over three of the 1 MiB chunks, and not a multiple: a lost, doubled or misplaced chunk shows.
        const QByteArray body = ResumeTest::randomBody((3 << 20) + 17, 11);
        QVERIFY(writeFile(dir.path() + u"/source.jsonl"_s, body));
        const QString name = u"_drive_ingest/runs/r1.jsonl"_s;
        QCOMPARE(writeWholeFrom(destination, name, dir.path() + u"/source.jsonl"_s), QString());
        QCOMPARE(readFile(dir.path() + u"/root/"_s + name), body);
        QCOMPARE(ResumeTest::readWhole(destination, name, body.size()), body);

        // Replaces the file as a whole, and leaves no temporary file behind.
        QVERIFY(writeFile(dir.path() + u"/source.jsonl"_s, "{\"short\":1}\n"_ba));
        QCOMPARE(writeWholeFrom(destination, name, dir.path() + u"/source.jsonl"_s), QString());
        QCOMPARE(readFile(dir.path() + u"/root/"_s + name), "{\"short\":1}\n"_ba);
        QCOMPARE(allFiles(dir.path() + u"/root"_s), QStringList {name});
        QCOMPARE(readFile(dir.path() + u"/source.jsonl"_s), "{\"short\":1}\n"_ba); // the source is left as it was
    }

    void missingSourceKeepsOldContent()
    {
        QTemporaryDir dir;
        Dest::LocalDestination destination(dir.path());
        const QString name = u"_drive_ingest/runs/r.jsonl"_s;
        QCOMPARE(ResumeTest::writeWhole(destination, name, "old content\n"_ba), QString());
        QVERIFY(!writeWholeFrom(destination, name, dir.path() + u"/no-such-source"_s).isEmpty());
        QCOMPARE(readFile(dir.path() + u"/"_s + name), "old content\n"_ba);
        QCOMPARE(allFiles(dir.path()), QStringList {name});
    }

    void staysBelowRoot()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.path() + u"/root"_s));
        QVERIFY(QDir().mkpath(dir.path() + u"/outside"_s));
        QVERIFY(writeFile(dir.path() + u"/source.jsonl"_s, "x\n"_ba));
        Dest::LocalDestination destination(dir.path() + u"/root"_s);
        QCOMPARE(writeWholeFrom(destination, u"../escape.jsonl"_s, dir.path() + u"/source.jsonl"_s),
                 u"invalidDestination"_s);
        QVERIFY(QFile::link(dir.path() + u"/outside"_s, dir.path() + u"/root/_drive_ingest"_s));
        QCOMPARE(writeWholeFrom(destination, u"_drive_ingest/runs/r.jsonl"_s, dir.path() + u"/source.jsonl"_s),
                 u"symlinkInPath"_s);
        QCOMPARE(allFiles(dir.path() + u"/outside"_s), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestDestWholeFrom)
#include "tst_dest_wholefrom.moc"
