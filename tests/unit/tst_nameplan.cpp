// SPDX-License-Identifier: GPL-3.0-or-later
// Where listed Drive files land (transfer/nameplan.h): the engine's name planning, driven directly
// (issue 10 item 4: the export extension was added in two places of engine.cpp).
#include "transfer/nameplan.h"

#include "transfer/snapshot.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Transfer::NamePlan;

namespace
{
const QString Doc = u"application/vnd.google-apps.document"_s;
const QString Folder = u"application/vnd.google-apps.folder"_s;
const QString Form = u"application/vnd.google-apps.form"_s;

Drive::DriveFile item(const QString &id, const QString &name, const QString &mime = u"text/plain"_s)
{
    Drive::DriveFile f;
    f.id = id;
    f.name = name;
    f.mimeType = mime;
    f.size = mime.startsWith(u"application/vnd.google-apps."_s) ? -1 : 10;
    return f;
}

NamePlan plan()
{
    return NamePlan(Transfer::RunOptions::defaultExportFormats());
}
} // namespace

class TestNamePlan final : public QObject
{
    Q_OBJECT

private slots:
    void exportCarriesItsExtensionInAFolderAndAtTheRoot();
    void sourcesNamedAlikeGetTheirIdAtTheRoot();
    void aSourceGivenTwiceIsPlacedOnce();
    void aShortcutBesideItsTargetIsOneFile();
    void subFoldersLandUnderTheirParent();
    void siblingsSettledOverTheirLandingNames();
};

void TestNamePlan::exportCarriesItsExtensionInAFolderAndAtTheRoot()
{
    NamePlan names = plan();
    QCOMPARE(names.exportMimeFor(item(u"d"_s, u"Notes"_s, Doc)),
             u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s);
    QCOMPARE(names.landingName(item(u"d"_s, u"Notes"_s, Doc)), u"Notes.docx"_s);
    QCOMPARE(names.landingName(item(u"b"_s, u"data.bin"_s)), u"data.bin"_s);
    // A kind with no export format keeps its name (the engine skips it as not exportable).
    QCOMPARE(names.exportMimeFor(item(u"f"_s, u"Survey"_s, Form)), QString());
    QCOMPARE(names.landingName(item(u"f"_s, u"Survey"_s, Form)), u"Survey"_s);

    const QList<NamePlan::Placed> inFolder
        = names.placeChildren({u"Top"_s}, {u"top"_s}, {item(u"d"_s, u"Notes"_s, Doc), item(u"b"_s, u"data.bin"_s)});
    QCOMPARE(inFolder.size(), 2);
    QCOMPARE(inFolder.at(0).relativePath, u"Top/Notes.docx"_s);
    QCOMPARE(inFolder.at(0).drivePath, u"Top/Notes"_s);
    QCOMPARE(inFolder.at(1).relativePath, u"Top/data.bin"_s);

    const std::optional<NamePlan::Placed> root = names.placeRootFile(item(u"d2"_s, u"Plan"_s, Doc));
    QVERIFY(root);
    QCOMPARE(root->relativePath, u"Plan.docx"_s);
    QCOMPARE(root->drivePath, u"Plan"_s);
}

void TestNamePlan::sourcesNamedAlikeGetTheirIdAtTheRoot()
{
    NamePlan names = plan();
    const auto first = names.placeRootFile(item(u"id1"_s, u"report.pdf"_s));
    const auto second = names.placeRootFile(item(u"id2"_s, u"report.pdf"_s));
    QVERIFY(first && second);
    QCOMPARE(first->relativePath, u"report.pdf"_s); // the first to arrive keeps the plain name
    QVERIFY(second->relativePath != first->relativePath);
    QVERIFY(second->relativePath.contains(u"id2"_s));
    // A folder source named like them is their sibling too.
    const QList<NamePlan::Placed> children = names.placeChildren({u"report.pdf"_s}, {u"id3"_s}, {item(u"c"_s, u"x"_s)});
    QCOMPARE(children.size(), 1);
    QVERIFY(children.at(0).relativePath.startsWith(u"report.pdf [id3]/"_s));
}

void TestNamePlan::aSourceGivenTwiceIsPlacedOnce()
{
    NamePlan names = plan();
    QVERIFY(names.placeRootFile(item(u"id1"_s, u"a.txt"_s)));
    QVERIFY(!names.placeRootFile(item(u"id1"_s, u"a.txt"_s)));
    // A folder keeps the one place it was given: listed again, its files land there, not beside it.
    const QList<NamePlan::Placed> first = names.placeChildren({u"F"_s}, {u"fid"_s}, {item(u"c"_s, u"x"_s)});
    const QList<NamePlan::Placed> again = names.placeChildren({u"F"_s}, {u"fid"_s}, {item(u"c"_s, u"x"_s)});
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.at(0).relativePath, u"F/x"_s);
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.at(0).relativePath, u"F/x"_s);
}

void TestNamePlan::aShortcutBesideItsTargetIsOneFile()
{
    // TreeWalker gives a resolved shortcut the target's id: listed twice in one folder, placed once.
    NamePlan names = plan();
    const QList<NamePlan::Placed> placed
        = names.placeChildren({u"F"_s}, {u"fid"_s}, {item(u"t"_s, u"target.txt"_s), item(u"t"_s, u"shortcut.txt"_s)});
    QCOMPARE(placed.size(), 1);
    QCOMPARE(placed.at(0).relativePath, u"F/target.txt"_s);
}

void TestNamePlan::subFoldersLandUnderTheirParent()
{
    NamePlan names = plan();
    const QList<NamePlan::Placed> top = names.placeChildren({u"Top"_s}, {u"top"_s}, {item(u"sub"_s, u"Sub"_s, Folder)});
    QVERIFY(top.isEmpty()); // a folder is not a file to queue
    const QList<NamePlan::Placed> sub
        = names.placeChildren({u"Top"_s, u"Sub"_s}, {u"top"_s, u"sub"_s}, {item(u"f"_s, u"a:b.txt"_s)});
    QCOMPARE(sub.size(), 1);
    QVERIFY(sub.at(0).relativePath.startsWith(u"Top/Sub/"_s));
    QCOMPARE(sub.at(0).drivePath, u"Top/Sub/a:b.txt"_s);
}

void TestNamePlan::siblingsSettledOverTheirLandingNames()
{
    // A Doc exported as "Notes.docx" and an uploaded "Notes.docx" would land on one path: one gets its id.
    NamePlan names = plan();
    const QList<NamePlan::Placed> placed = names.placeChildren(
        {u"F"_s}, {u"fid"_s}, {item(u"doc"_s, u"Notes"_s, Doc), item(u"up"_s, u"Notes.docx"_s)});
    QCOMPARE(placed.size(), 2);
    QVERIFY(placed.at(0).relativePath != placed.at(1).relativePath);
}

QTEST_GUILESS_MAIN(TestNamePlan)
#include "tst_nameplan.moc"
