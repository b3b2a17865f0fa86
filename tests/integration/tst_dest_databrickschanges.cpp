// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12, Destination::move() and remove() on DBFS and a Volume against the sandbox (its data folder is where
// the files really are): DBFS moves never replace ("exists"), create the target's folders, and removals drop the
// folders they empty (never the root); a Volume removes (a missing file is success, a folder still holding
// something stays) and has no move ("notSupported": the engine fetches again); "..", absolute paths and empty
// segments (a tampered journal row) are refused with "unsafePath" before any request.
#include "tst_dest_support.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>

#include <optional>

using namespace Qt::StringLiterals;
using namespace DestTest;

class TestDestDatabricksChanges final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    QNetworkAccessManager m_nam;

    template <typename Call>
    static Net::Error wait(Call call)
    {
        std::optional<Net::Error> answer;
        call([&answer](const Net::Error &error) { answer = error; });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 20000))
            return {Net::ErrorClass::Permanent, 0, u"noAnswer"_s, {}};
        return *answer;
    }
    static Net::Error write(Dest::Destination &d, const QString &path)
    {
        return wait([&](auto done) { d.writeWhole(path, "bytes of " + path.toUtf8(), done); });
    }
    static Net::Error move(Dest::Destination &d, const QString &from, const QString &to)
    {
        return wait([&](auto done) { d.move(from, to, done); });
    }
    static Net::Error remove(Dest::Destination &d, const QString &path)
    {
        return wait([&](auto done) { d.remove(path, done); });
    }
    qint64 requestCount() { return m_sandbox->stats().value(u"log"_s).toArray().size(); }

    /// `moveReason`: what a move answers (a Volume has none: "notSupported", touching nothing either way).
    void refusesUnsafePaths(Dest::Destination &d, const QString &moveReason = u"unsafePath"_s)
    {
        const qint64 before = requestCount();
        for (const QString &bad : {u"../outside.bin"_s, u"A/../../x.bin"_s, u"/etc/hostname"_s, u"A//x.bin"_s,
                                   u"./x.bin"_s, u""_s})
        {
            QCOMPARE(move(d, bad, u"x.bin"_s).reason, moveReason);
            QCOMPARE(move(d, u"x.bin"_s, bad).reason, moveReason);
            QCOMPARE(remove(d, bad).reason, u"unsafePath"_s);
        }
        QCOMPARE(requestCount(), before); // refused before asking anyone
    }

private slots:
    void initTestCase()
    {
        m_sandbox = makeSandbox();
        if (!m_sandbox->start())
            QSKIP(qPrintable(u"sandbox not available: "_s + m_sandbox->errorString()));
    }

    void dbfsMovesAndRemoves()
    {
        auto *tokens = new Net::StaticTokenProvider(EngineTest::Token, u"databricks"_s, this);
        Dest::DbfsDestination d(&m_nam, tokens, m_sandbox->baseUrl(), u"/changes"_s);
        const QString disk = m_sandbox->dataDir() + u"/databricks/dbfs/changes/"_s;
        for (const QString &path : {u"A/B/one.bin"_s, u"top.bin"_s, u"Keep/two.bin"_s, u"Keep/Sub/three.bin"_s})
            QVERIFY2(!write(d, path).isError(), qPrintable(path));
        QVERIFY(QFileInfo(disk + u"A/B/one.bin"_s).isFile());

        QVERIFY(!move(d, u"A/B/one.bin"_s, u"X/Y/one.bin"_s).isError()); // folders on the way created
        QVERIFY(QFileInfo(disk + u"X/Y/one.bin"_s).isFile());
        QVERIFY(!QFileInfo::exists(disk + u"A/B/one.bin"_s));
        QVERIFY(!move(d, u"Keep/Sub"_s, u"Moved/Sub2"_s).isError()); // a folder with what is below
        QVERIFY(QFileInfo(disk + u"Moved/Sub2/three.bin"_s).isFile());
        QCOMPARE(move(d, u"top.bin"_s, u"X/Y/one.bin"_s).reason, u"exists"_s); // never replaces
        QVERIFY(QFileInfo(disk + u"top.bin"_s).isFile());

        QVERIFY(!remove(d, u"X/Y/one.bin"_s).isError());
        QVERIFY(!QFileInfo::exists(disk + u"X"_s)); // X/Y and X emptied: gone
        QVERIFY(!remove(d, u"Keep/two.bin"_s).isError());
        QVERIFY(!QFileInfo::exists(disk + u"Keep"_s));
        QVERIFY(!remove(d, u"top.bin"_s).isError());
        QVERIFY(!remove(d, u"top.bin"_s).isError()); // already gone: success
        QVERIFY(QFileInfo(disk + u"Moved/Sub2/three.bin"_s).isFile());
        QVERIFY(QFileInfo(disk).isDir()); // the root stays
        refusesUnsafePaths(d);
    }

    void volumeRemovesAndCannotMove()
    {
        auto *tokens = new Net::StaticTokenProvider(EngineTest::Token, u"databricks"_s, this);
        Dest::VolumeDestination d(&m_nam, tokens, m_sandbox->baseUrl(), u"/Volumes/main/default/landing/changes"_s);
        const QString disk = m_sandbox->dataDir() + u"/databricks/volumes/main/default/landing/changes/"_s;
        for (const QString &path : {u"A/B/C/one.bin"_s, u"A/two.bin"_s, u"top.bin"_s})
            QVERIFY2(!write(d, path).isError(), qPrintable(path));
        QVERIFY(QFileInfo(disk + u"A/B/C/one.bin"_s).isFile());

        const Net::Error refused = move(d, u"top.bin"_s, u"moved.bin"_s);
        QCOMPARE(refused.reason, u"notSupported"_s);
        QVERIFY2(refused.message.contains(u"cannot move a file it holds"_s), qPrintable(refused.message));
        QVERIFY(QFileInfo(disk + u"top.bin"_s).isFile());

        QVERIFY(!remove(d, u"A/B/C/one.bin"_s).isError());
        QVERIFY(!QFileInfo::exists(disk + u"A/B"_s)); // emptied: gone
        QVERIFY(QFileInfo(disk + u"A/two.bin"_s).isFile()); // A holds two.bin: the climb stopped there
        QVERIFY(!remove(d, u"A/B/C/one.bin"_s).isError()); // already gone (404): success
        QVERIFY(!remove(d, u"A/two.bin"_s).isError());
        QVERIFY(!QFileInfo::exists(disk + u"A"_s));
        QVERIFY(!remove(d, u"top.bin"_s).isError());
        QVERIFY(QFileInfo(disk).isDir()); // the root stays
        refusesUnsafePaths(d, u"notSupported"_s);
    }
};

QTEST_GUILESS_MAIN(TestDestDatabricksChanges)
#include "tst_dest_databrickschanges.moc"
