// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/filesystem.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestFilesystem final : public QObject
{
    Q_OBJECT

private slots:
    void existingAncestor();
    void sameFilesystem();
    void differentFilesystems();
    void available();
    void fileCreationProblem();
};

void TestFilesystem::existingAncestor()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = QFileInfo(dir.path()).canonicalFilePath();
    QCOMPARE(Util::existingAncestor(dir.path()), root);
    QCOMPARE(Util::existingAncestor(dir.filePath(u"not/yet/there/file.bin"_s)), root);
    QFile file(dir.filePath(u"f.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QCOMPARE(Util::existingAncestor(file.fileName()), root); // a file: its directory
    QCOMPARE(Util::existingAncestor(QString()), QString());
}

void TestFilesystem::sameFilesystem()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(u"a/b"_s));
    QVERIFY(Util::isOnSameFilesystem(dir.filePath(u"a/b"_s), dir.filePath(u"x.partial"_s)));
    QVERIFY(Util::isOnSameFilesystem(dir.filePath(u"a/b/new/deeper"_s), dir.path()));
    QVERIFY(!Util::isOnSameFilesystem(QString(), dir.path()));
}

void TestFilesystem::differentFilesystems()
{
    // /proc is its own file system on every Linux machine.
    if (!QFileInfo::exists(u"/proc/self"_s))
    {
        QSKIP("no /proc here");
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(!Util::isOnSameFilesystem(u"/proc/self"_s, dir.path()));
}

void TestFilesystem::available()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qint64 free = Util::availableBytes(dir.filePath(u"not/created/yet"_s));
    QVERIFY(free >= 0);
    // Other processes write meanwhile: compare with the file system's size, not with a second reading.
    QVERIFY(free <= QStorageInfo(dir.path()).bytesTotal());
    QCOMPARE(Util::availableBytes(QString()), qint64(-1));
}

void TestFilesystem::fileCreationProblem()
{
    // Issue 15 finding 9: an unwritable --report is found before the run, not after it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(Util::fileCreationProblem(dir.filePath(u"r.json"_s)).isEmpty());
    QVERIFY(Util::fileCreationProblem(dir.filePath(u"new/sub/r.json"_s)).isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath(u"new"_s))); // checked, not created
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList {});
    QFile file(dir.filePath(u"f.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(Util::fileCreationProblem(file.fileName() + u"/sub/r.json"_s).contains(u"not a folder"_s));
    QVERIFY(!Util::fileCreationProblem(u"/proc/r.json"_s).isEmpty()); // not writable, even for root
}

QTEST_GUILESS_MAIN(TestFilesystem)
#include "tst_filesystem.moc"
