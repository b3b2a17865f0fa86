// SPDX-License-Identifier: GPL-3.0-or-later
// Transfer::ConflictDecision: what a run (or a dry run) does with a file whose final path is taken, cell by
// cell of the table in conflictdecision.h (issue 15 findings 7 and 8: "skip" never touches what is there).
#include "transfer/conflictdecision.h"
#include "transfer/snapshot.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Dest::ConflictPolicy;
using Transfer::ConflictDecision;
using Action = Transfer::ConflictDecision::Action;

namespace
{
Drive::DriveFile driveFile(qint64 size, const QString &md5, const QString &sha256 = {})
{
    Drive::DriveFile f;
    f.id = u"1abc"_s;
    f.name = u"a.bin"_s;
    f.size = size;
    f.md5Checksum = md5;
    f.sha256Checksum = sha256;
    return f;
}

Dest::Existing existing(qint64 size, const QString &md5 = {}, const QString &sha256 = {})
{
    return {size, md5, sha256};
}

const QString md5A = u"0cc175b9c0f1b6a831c399e269772661"_s;
const QString md5B = u"92eb5ffee6ae2fec3ad71c777531578f"_s;
} // namespace

class TestConflictDecision final : public QObject
{
    Q_OBJECT

private slots:
    void table_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<int>("there"); // 0 nothing, 1 same, 2 different
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("dryRunCode");
        const auto row = [](const char *name, ConflictPolicy policy, int there, Action action, const QString &code) {
            QTest::newRow(name) << int(policy) << there << int(action) << code;
        };
        row("skip nothing", ConflictPolicy::Skip, 0, Action::Copy, u"dryRunNew"_s);
        row("skip same", ConflictPolicy::Skip, 1, Action::Skip, u"dryRunSame"_s);
        row("skip different", ConflictPolicy::Skip, 2, Action::Skip, u"dryRunKeep"_s);
        row("update nothing", ConflictPolicy::Update, 0, Action::Copy, u"dryRunNew"_s);
        row("update same", ConflictPolicy::Update, 1, Action::Skip, u"dryRunSame"_s);
        row("update different", ConflictPolicy::Update, 2, Action::Replace, u"dryRunReplace"_s);
        row("overwrite nothing", ConflictPolicy::Overwrite, 0, Action::Copy, u"dryRunNew"_s);
        row("overwrite same", ConflictPolicy::Overwrite, 1, Action::Replace, u"dryRunReplace"_s);
        row("overwrite different", ConflictPolicy::Overwrite, 2, Action::Replace, u"dryRunReplace"_s);
        row("keep-both nothing", ConflictPolicy::KeepBoth, 0, Action::Copy, u"dryRunNew"_s);
        row("keep-both same", ConflictPolicy::KeepBoth, 1, Action::KeepBoth, u"dryRunKeepBoth"_s);
        row("keep-both different", ConflictPolicy::KeepBoth, 2, Action::KeepBoth, u"dryRunKeepBoth"_s);
    }

    void table()
    {
        QFETCH(int, policy);
        QFETCH(int, there);
        QFETCH(int, action);
        QFETCH(QString, dryRunCode);
        const Drive::DriveFile file = driveFile(1, md5A);
        std::optional<Dest::Existing> at;
        if (there == 1)
            at = existing(1, md5A);
        else if (there == 2)
            at = existing(1, md5B);
        const ConflictDecision d = ConflictDecision::decide(ConflictPolicy(policy), file, false, at);
        QCOMPARE(int(d.action), action);
        QCOMPARE(d.exists, there != 0);
        QCOMPARE(d.same, there == 1);
        const Net::Error note = d.dryRunNote();
        QVERIFY(!note.isError()); // a plan is not an error
        QCOMPARE(note.reason, dryRunCode);
        QVERIFY(note.message.startsWith(u"dry run: "_s));
        // A real run's skip says why, with the code reports carry: decided here, where the skip is decided.
        const Net::Error skip = d.skipNote();
        QVERIFY(!skip.isError());
        const QString skipCode = d.same ? u"alreadyThere"_s : u"existsDiffers"_s;
        QCOMPARE(skip.reason, d.action == Action::Skip ? skipCode : QString());
    }

    void probeOnlyWhenTheAnswerMatters()
    {
        QVERIFY(ConflictDecision::needsProbe(ConflictPolicy::Skip, false));
        QVERIFY(ConflictDecision::needsProbe(ConflictPolicy::Update, false));
        QVERIFY(!ConflictDecision::needsProbe(ConflictPolicy::Overwrite, false));
        QVERIFY(!ConflictDecision::needsProbe(ConflictPolicy::KeepBoth, false));
        QVERIFY(ConflictDecision::needsProbe(ConflictPolicy::Overwrite, true)); // a dry run always asks
        QVERIFY(ConflictDecision::needsProbe(ConflictPolicy::KeepBoth, true));
        QCOMPARE(ConflictDecision::sinkPolicy(ConflictPolicy::Skip), ConflictPolicy::Overwrite);
        QCOMPARE(ConflictDecision::sinkPolicy(ConflictPolicy::Update), ConflictPolicy::Overwrite);
        QCOMPARE(ConflictDecision::sinkPolicy(ConflictPolicy::KeepBoth), ConflictPolicy::KeepBoth);
    }

    void sameContent()
    {
        // Size first; then SHA-256 where both sides have it, else MD5; a destination without hashes: size.
        QVERIFY(ConflictDecision::sameContent(driveFile(1, md5A), false, existing(1, md5A)));
        QVERIFY(!ConflictDecision::sameContent(driveFile(1, md5A), false, existing(2, md5A)));
        QVERIFY(!ConflictDecision::sameContent(driveFile(1, md5A), false, existing(1, md5B)));
        QVERIFY(ConflictDecision::sameContent(driveFile(1, md5A.toUpper()), false, existing(1, md5A)));
        QVERIFY(ConflictDecision::sameContent(driveFile(1, md5A, u"aa"_s), false, existing(1, md5B, u"AA"_s)));
        QVERIFY(!ConflictDecision::sameContent(driveFile(1, md5A, u"aa"_s), false, existing(1, md5A, u"bb"_s)));
        QVERIFY(ConflictDecision::sameContent(driveFile(7, md5A), false, existing(7))); // Databricks: size
        QVERIFY(!ConflictDecision::sameContent(driveFile(7, md5A), false, existing(8)));
        QVERIFY(!ConflictDecision::sameContent(driveFile(1, {}, u"aa"_s), false, existing(1, md5A))); // nothing to compare
        QVERIFY(ConflictDecision::sameContent(driveFile(1, {}), false, existing(1, md5A)));
        // An export has no size or hash before it is made: what is there is taken as the document.
        QVERIFY(ConflictDecision::sameContent(driveFile(-1, {}), true, existing(12345, md5B)));
    }

    void policyNames()
    {
        for (const ConflictPolicy policy : {ConflictPolicy::Skip, ConflictPolicy::Update, ConflictPolicy::Overwrite, ConflictPolicy::KeepBoth})
            QCOMPARE(ConflictDecision::policyFromName(ConflictDecision::policyName(policy)), policy);
        QCOMPARE(ConflictDecision::policyName(ConflictPolicy::KeepBoth), u"keep-both"_s);
        QCOMPARE(ConflictDecision::policyFromName(u"UPDATE"_s), ConflictPolicy::Update);
        QVERIFY(!ConflictDecision::policyFromName(u"maybe"_s));
        QVERIFY(!ConflictDecision::policyFromName(QString()));
        // The safe one is the default of every run.
        QCOMPARE(Transfer::RunOptions().conflict, ConflictPolicy::Skip);
    }
};

QTEST_GUILESS_MAIN(TestConflictDecision)
#include "tst_conflictdecision.moc"
