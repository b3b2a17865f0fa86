// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12, LocalDestination::move() and remove() on a real folder: moves and removals below the root work
// (folders created on the way, emptied ones dropped, never the root, never replacing), and nothing outside the
// root is ever moved or deleted: a symbolic link planted as a folder on the `from` path, as a folder on the `to`
// path, or as the file itself fails that one operation with "unsafePath"; so do "..", absolute paths and empty
// segments (a tampered journal row). A sentinel folder outside the root is checked after each.
#include "destinations/localdestination.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace
{
/// Every entry below `dir` (files, folders and links, not followed) with a digest of each file's bytes.
QStringList snapshot(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
    {
        const QString path = it.next();
        const QFileInfo info(path);
        QString line = QDir(dir).relativeFilePath(path);
        if (info.isSymLink())
            line += u" -> "_s + info.symLinkTarget();
        else if (info.isFile())
        {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                line += u' '
                    + QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Md5).toHex());
        }
        out.append(line);
    }
    out.sort();
    return out;
}

void put(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}
} // namespace

class TestDestLocalChanges final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    QString m_root;
    QString m_outside; ///< the sentinel: must never change
    QStringList m_sentinel;
    std::unique_ptr<Dest::LocalDestination> m_dest;

    Net::Error move(const QString &from, const QString &to)
    {
        std::optional<Net::Error> answer;
        m_dest->move(from, to, [&answer](const Net::Error &error) { answer = error; });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000))
            return {Net::ErrorClass::Permanent, 0, u"noAnswer"_s, {}};
        return *answer;
    }
    Net::Error remove(const QString &path)
    {
        std::optional<Net::Error> answer;
        m_dest->remove(path, [&answer](const Net::Error &error) { answer = error; });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000))
            return {Net::ErrorClass::Permanent, 0, u"noAnswer"_s, {}};
        return *answer;
    }
    QString at(const QString &relative) const { return m_root + u'/' + relative; }

private slots:
    void init()
    {
        QVERIFY(m_work.isValid());
        const QString base = m_work.filePath(QString::fromLatin1(QTest::currentTestFunction()));
        m_root = base + u"/root"_s;
        m_outside = base + u"/outside"_s;
        put(m_outside + u"/keep.bin"_s, "sentinel bytes");
        put(m_outside + u"/Deep/inner.bin"_s, "inner sentinel");
        put(at(u"A/one.bin"_s), "one");
        put(at(u"A/B/two.bin"_s), "two");
        put(at(u"A/B/C/three.bin"_s), "three");
        put(at(u"top.bin"_s), "top");
        m_sentinel = snapshot(m_outside);
        QCOMPARE(m_sentinel.size(), 3);
        m_dest = std::make_unique<Dest::LocalDestination>(m_root);
    }
    void cleanup()
    {
        QCOMPARE(snapshot(m_outside), m_sentinel); // nothing outside the root ever changes
        m_dest.reset();
    }

    void movesAFileCreatingItsFolders()
    {
        QVERIFY2(!move(u"A/one.bin"_s, u"X/Y/one-renamed.bin"_s).isError(), "move");
        QVERIFY(!QFileInfo::exists(at(u"A/one.bin"_s)));
        QCOMPARE(snapshot(at(u"X"_s)).join(u'|'), u"Y|Y/one-renamed.bin f97c5d29941bfb1b2fdab0874906ab82"_s);
    }

    void movesAFolderWithEverythingBelow()
    {
        QVERIFY(!move(u"A/B"_s, u"Moved/B2"_s).isError());
        QVERIFY(!QFileInfo::exists(at(u"A/B"_s)));
        QVERIFY(QFileInfo(at(u"Moved/B2/C/three.bin"_s)).isFile());
        QVERIFY(QFileInfo(at(u"Moved/B2/two.bin"_s)).isFile());
    }

    void neverReplaces()
    {
        const QStringList before = snapshot(m_root);
        const Net::Error error = move(u"top.bin"_s, u"A/one.bin"_s);
        QCOMPARE(error.reason, u"exists"_s);
        QCOMPARE(snapshot(m_root), before);
        QCOMPARE(move(u"A/B"_s, u"A"_s).reason, u"exists"_s);
        QCOMPARE(move(u"A"_s, u"A/B/C/A"_s).reason, u"changeFailed"_s); // into itself
        QCOMPARE(move(u"missing.bin"_s, u"else.bin"_s).reason, u"notFound"_s);
        QCOMPARE(snapshot(m_root), before);
    }

    void linkAsFolderOnTheFromPath()
    {
        // A/B replaced by a link to the sentinel: moving "A/B/inner.bin" would move the sentinel's file.
        QVERIFY(QDir(at(u"A/B"_s)).removeRecursively());
        QVERIFY(QFile::link(m_outside + u"/Deep"_s, at(u"A/B"_s)));
        QCOMPARE(move(u"A/B/inner.bin"_s, u"stolen.bin"_s).reason, u"unsafePath"_s);
        QVERIFY(!QFileInfo::exists(at(u"stolen.bin"_s)));
        QCOMPARE(remove(u"A/B/inner.bin"_s).reason, u"unsafePath"_s);
    }

    void linkAsFolderOnTheToPath()
    {
        // "Old" is a link to the sentinel: moving a file "into Old/" would land it outside the root.
        QVERIFY(QFile::link(m_outside, at(u"Old"_s)));
        QCOMPARE(move(u"top.bin"_s, u"Old/top.bin"_s).reason, u"unsafePath"_s);
        QVERIFY(QFileInfo(at(u"top.bin"_s)).isFile()); // left where it was
        QCOMPARE(move(u"A/B"_s, u"Old/Deep/B"_s).reason, u"unsafePath"_s);
        QVERIFY(QFileInfo(at(u"A/B/two.bin"_s)).isFile());
    }

    void linkAsTheFileItself()
    {
        // The landed file replaced by a link to the sentinel's file: neither moved nor deleted (nor its target).
        QVERIFY(QFile::remove(at(u"A/one.bin"_s)));
        QVERIFY(QFile::link(m_outside + u"/keep.bin"_s, at(u"A/one.bin"_s)));
        QCOMPARE(move(u"A/one.bin"_s, u"A/one-b.bin"_s).reason, u"unsafePath"_s);
        QCOMPARE(remove(u"A/one.bin"_s).reason, u"unsafePath"_s);
        QVERIFY(QFileInfo(at(u"A/one.bin"_s)).isSymLink());
        QVERIFY(!QFileInfo::exists(at(u"A/one-b.bin"_s)));
    }

    void journalPathsAreCheckedAgain()
    {
        const QStringList before = snapshot(m_root);
        const QString escape = u"../outside/keep.bin"_s;
        for (const QString &bad : {escape, u"A/../../outside/keep.bin"_s, u"/etc/hostname"_s, u"A//one.bin"_s,
                                   u"A/./one.bin"_s, u""_s})
        {
            QCOMPARE(move(bad, u"x.bin"_s).reason, u"unsafePath"_s);
            QCOMPARE(move(u"top.bin"_s, bad).reason, u"unsafePath"_s);
            QCOMPARE(remove(bad).reason, u"unsafePath"_s);
        }
        QCOMPARE(snapshot(m_root), before);
    }

    void removeDropsEmptiedFoldersNeverTheRoot()
    {
        QVERIFY(!remove(u"A/B/C/three.bin"_s).isError());
        QVERIFY(!QFileInfo::exists(at(u"A/B/C"_s))); // emptied: gone
        QVERIFY(QFileInfo(at(u"A/B/two.bin"_s)).isFile()); // A/B still holds two.bin: the climb stops there
        QVERIFY(!remove(u"A/B/two.bin"_s).isError());
        QVERIFY(!remove(u"A/one.bin"_s).isError());
        QVERIFY(!QFileInfo::exists(at(u"A"_s)));
        QVERIFY(!remove(u"top.bin"_s).isError());
        QVERIFY(QFileInfo(m_root).isDir()); // the root stays, empty
        QVERIFY(QDir(m_root).isEmpty());
        QVERIFY(!remove(u"top.bin"_s).isError()); // already gone: success
        QVERIFY(!remove(u"Nowhere/x.bin"_s).isError());
    }
};

QTEST_GUILESS_MAIN(TestDestLocalChanges)
#include "tst_dest_localchanges.moc"
