// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/filesystem.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class TestFilesystem final : public QObject
{
    Q_OBJECT

private slots:
    void existingAncestor();
    void sameFilesystem();
    void differentFilesystems();
    void available();
    void openBelowCreatesAndNeverFollowsLinks();
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

void TestFilesystem::openBelowCreatesAndNeverFollowsLinks()
{
    QTemporaryDir dir;
    QTemporaryDir outside;
    QVERIFY(dir.isValid() && outside.isValid());
    const int root = ::open(QFile::encodeName(dir.path()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    QVERIFY(root >= 0);
    auto closeRoot = qScopeGuard([root] { ::close(root); });

    // Missing folders are made one by one; the fd is the deepest one.
    Util::OpenedDirectory made = Util::openDirectoryBelow(root, u"a/b/c"_s, true);
    QVERIFY2(made.fd >= 0, qPrintable(QString::number(made.error)));
    QVERIFY(::mkdirat(made.fd, "here", 0755) == 0);
    ::close(made.fd);
    QVERIFY(QFileInfo(dir.filePath(u"a/b/c/here"_s)).isDir());
    // Without `create`, a missing one fails with ENOENT and names where.
    const Util::OpenedDirectory missing = Util::openDirectoryBelow(root, u"a/x/y"_s, false);
    QCOMPARE(missing.fd, -1);
    QCOMPARE(missing.error, ENOENT);
    QCOMPARE(missing.failedAt, u"a/x"_s);
    QVERIFY(!QFileInfo::exists(dir.filePath(u"a/x"_s)));

    // A link to a folder outside, at any depth, is not walked into (nor created through).
    QVERIFY(QFile::link(outside.path(), dir.filePath(u"a/link"_s)));
    const Util::OpenedDirectory linked = Util::openDirectoryBelow(root, u"a/link/sub"_s, true);
    QCOMPARE(linked.fd, -1);
    QCOMPARE(linked.error, ELOOP);
    QCOMPARE(linked.failedAt, u"a/link"_s);
    QVERIFY(QDir(outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    // A file in the way, `..` and `.` are refused.
    QFile file(dir.filePath(u"a/file"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QCOMPARE(Util::openDirectoryBelow(root, u"a/file/sub"_s, true).error, ENOTDIR);
    QCOMPARE(Util::openDirectoryBelow(root, u"a/../.."_s, false).error, EINVAL);
    // Empty: the base itself (a new descriptor).
    const Util::OpenedDirectory self = Util::openDirectoryBelow(root, QString(), false);
    QVERIFY(self.fd >= 0 && self.fd != root);
    ::close(self.fd);

    // Deeper than PATH_MAX allows as one path: still reachable component by component.
    const QString segment(200, u'd');
    QStringList deep;
    for (int i = 0; i < 25; ++i)
        deep << segment;
    const Util::OpenedDirectory far = Util::openDirectoryBelow(root, deep.join(u'/'), true);
    QVERIFY2(far.fd >= 0, qPrintable(QString::number(far.error)));
    ::close(far.fd);
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
