// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive/sharelink.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Drive::DriveRef;
using Kind = Drive::DriveRef::Kind;

Q_DECLARE_METATYPE(Drive::DriveRef::Kind)

namespace
{
const QString Id = u"1AbCdEfGhIjKlMnOpQrStUvWxYz012345"_s;   // 33, the new form
const QString Legacy = u"0B1234567890abcdefghijklmnop"_s;       // 28, legacy 0B…
const QString DocId = u"1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ_-AbCdEf"_s; // 44, old Docs
const QString SharedDrive = u"0AAbCdEfGhIjKlMnUk9"_s;             // 19, shared-drive root
} // namespace

class TestShareLink final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void block();
    void blockProse();
};

void TestShareLink::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("id");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("resourceKey");

    const auto ok = [](const char *name, const QString &text, const QString &id, Kind kind, const QString &key = {}) {
        QTest::newRow(name) << text << true << id << kind << key;
    };
    const auto bad = [](const char *name, const QString &text) {
        QTest::newRow(name) << text << false << QString() << Kind::Unknown << QString();
    };

    // drive.google.com files
    ok("file view", u"https://drive.google.com/file/d/"_s + Id + u"/view?usp=sharing"_s, Id, Kind::File);
    ok("file view drive_link", u"https://drive.google.com/file/d/"_s + Id + u"/view?usp=drive_link"_s, Id, Kind::File);
    ok("file edit", u"https://drive.google.com/file/d/"_s + Id + u"/edit"_s, Id, Kind::File);
    ok("file preview", u"https://drive.google.com/file/d/"_s + Id + u"/preview"_s, Id, Kind::File);
    ok("file no suffix", u"https://drive.google.com/file/d/"_s + Id, Id, Kind::File);
    ok("file u/0", u"https://drive.google.com/file/u/0/d/"_s + Id + u"/view"_s, Id, Kind::File);
    ok("file u/3", u"https://drive.google.com/file/u/3/d/"_s + Id + u"/view"_s, Id, Kind::File);
    ok("file legacy id", u"https://drive.google.com/file/d/"_s + Legacy + u"/view"_s, Legacy, Kind::File);
    ok("file resourcekey", u"https://drive.google.com/file/d/"_s + Id + u"/view?usp=sharing&resourcekey=0-AbC_dEf"_s,
       Id, Kind::File, u"0-AbC_dEf"_s);
    ok("open id", u"https://drive.google.com/open?id="_s + Id, Id, Kind::File);
    ok("open id resourcekey", u"https://drive.google.com/open?id="_s + Id + u"&resourcekey=0-xyz"_s, Id, Kind::File,
       u"0-xyz"_s);
    ok("uc export", u"https://drive.google.com/uc?id="_s + Id + u"&export=download"_s, Id, Kind::File);
    ok("uc export first", u"https://drive.google.com/uc?export=download&id="_s + Id, Id, Kind::File);
    ok("usercontent", u"https://drive.usercontent.google.com/download?id="_s + Id + u"&export=download&authuser=0"_s, Id,
       Kind::File);
    ok("no scheme", u"drive.google.com/file/d/"_s + Id + u"/view"_s, Id, Kind::File);
    ok("http", u"http://drive.google.com/file/d/"_s + Id + u"/view"_s, Id, Kind::File);
    ok("upper host", u"https://DRIVE.Google.com/file/d/"_s + Id + u"/view"_s, Id, Kind::File);
    ok("surrounding space", u"  https://drive.google.com/file/d/"_s + Id + u"/view \n"_s, Id, Kind::File);

    // folders
    ok("folder", u"https://drive.google.com/drive/folders/"_s + Id, Id, Kind::Folder);
    ok("folder usp", u"https://drive.google.com/drive/folders/"_s + Id + u"?usp=sharing"_s, Id, Kind::Folder);
    ok("folder u/0", u"https://drive.google.com/drive/u/0/folders/"_s + Id, Id, Kind::Folder);
    ok("folder u/2", u"https://drive.google.com/drive/u/2/folders/"_s + Id, Id, Kind::Folder);
    ok("folder mobile", u"https://drive.google.com/drive/mobile/folders/"_s + Id, Id, Kind::Folder);
    ok("folder resourcekey", u"https://drive.google.com/drive/folders/"_s + Id + u"?resourcekey=0-K3y"_s, Id,
       Kind::Folder, u"0-K3y"_s);
    ok("shared drive root", u"https://drive.google.com/drive/folders/"_s + SharedDrive, SharedDrive, Kind::Folder);
    ok("folderview", u"https://drive.google.com/folderview?id="_s + Id, Id, Kind::Folder);
    ok("embeddedfolderview", u"https://drive.google.com/embeddedfolderview?id="_s + Id + u"#grid"_s, Id, Kind::Folder);

    // docs.google.com
    ok("document edit", u"https://docs.google.com/document/d/"_s + DocId + u"/edit"_s, DocId, Kind::Document);
    ok("document view", u"https://docs.google.com/document/d/"_s + DocId + u"/view"_s, DocId, Kind::Document);
    ok("document htmlview", u"https://docs.google.com/document/d/"_s + DocId + u"/htmlview"_s, DocId, Kind::Document);
    ok("document u/0", u"https://docs.google.com/document/u/0/d/"_s + DocId + u"/edit"_s, DocId, Kind::Document);
    ok("document usp", u"https://docs.google.com/document/d/"_s + DocId + u"/edit?usp=sharing"_s, DocId,
       Kind::Document);
    ok("document workspace domain", u"https://docs.google.com/a/example.com/document/d/"_s + DocId + u"/edit"_s,
       DocId, Kind::Document);
    ok("spreadsheet gid", u"https://docs.google.com/spreadsheets/d/"_s + DocId + u"/edit#gid=0"_s, DocId,
       Kind::Spreadsheet);
    ok("spreadsheet gid query", u"https://docs.google.com/spreadsheets/d/"_s + DocId + u"/edit?gid=123#gid=123"_s, DocId,
       Kind::Spreadsheet);
    ok("presentation", u"https://docs.google.com/presentation/d/"_s + DocId + u"/edit#slide=id.p"_s, DocId,
       Kind::Presentation);
    ok("drawing", u"https://docs.google.com/drawings/d/"_s + DocId + u"/edit"_s, DocId, Kind::Drawing);
    ok("form", u"https://docs.google.com/forms/d/"_s + DocId + u"/edit"_s, DocId, Kind::Form);
    ok("docs file", u"https://docs.google.com/file/d/"_s + Id + u"/edit"_s, Id, Kind::File);
    ok("docs uc", u"https://docs.google.com/uc?export=download&id="_s + Id, Id, Kind::File);
    ok("docs open", u"https://docs.google.com/open?id="_s + DocId, DocId, Kind::Unknown);
    ok("docs resourcekey", u"https://docs.google.com/document/d/"_s + DocId + u"/edit?resourcekey=0-rk"_s, DocId,
       Kind::Document, u"0-rk"_s);

    // script.google.com
    ok("script d", u"https://script.google.com/d/"_s + DocId + u"/edit"_s, DocId, Kind::Script);
    ok("script home projects", u"https://script.google.com/home/projects/"_s + DocId + u"/edit"_s, DocId, Kind::Script);
    ok("script u/0", u"https://script.google.com/u/0/home/projects/"_s + DocId + u"/edit"_s, DocId, Kind::Script);

    // bare ids
    ok("bare id", Id, Id, Kind::Unknown);
    ok("bare legacy", Legacy, Legacy, Kind::Unknown);
    ok("bare shared drive", SharedDrive, SharedDrive, Kind::Unknown);
    ok("bare ten", u"abcdEFGH_-"_s, u"abcdEFGH_-"_s, Kind::Unknown);

    // the whole of My Drive (issue 15 item 2; this used to be refused as "drive root")
    ok("root alias", u"root"_s, u"root"_s, Kind::Folder);
    ok("root alias spaces", u" root\n"_s, u"root"_s, Kind::Folder);
    ok("my-drive", u"https://drive.google.com/drive/my-drive"_s, u"root"_s, Kind::Folder);
    ok("my-drive u/0", u"https://drive.google.com/drive/u/0/my-drive"_s, u"root"_s, Kind::Folder);
    ok("my-drive u/1 no scheme", u"drive.google.com/drive/u/1/my-drive"_s, u"root"_s, Kind::Folder);
    ok("my-drive usp", u"https://drive.google.com/drive/my-drive?usp=sharing"_s, u"root"_s, Kind::Folder);

    // rejected
    bad("published doc", u"https://docs.google.com/document/d/e/2PACX-1vQabcdefghijklmnop/pub"_s);
    bad("published sheet", u"https://docs.google.com/spreadsheets/d/e/2PACX-1vQabcdefghijklmnop/pubhtml"_s);
    bad("published form", u"https://docs.google.com/forms/d/e/1FAIpQLSabcdefghijklmnop/viewform"_s);
    bad("empty", QString());
    bad("spaces", u"   "_s);
    bad("short id", u"abc123"_s);
    bad("nine chars", u"abcdEFGH_"_s);
    bad("id with dot", u"abcdefghij.klm"_s);
    bad("other host", u"https://example.com/file/d/"_s + Id + u"/view"_s);
    bad("lookalike host", u"https://drive.google.com.evil.example/file/d/"_s + Id + u"/view"_s);
    bad("my-drive below", u"https://drive.google.com/drive/my-drive/"_s + Id);
    bad("shared with me page", u"https://drive.google.com/drive/shared-with-me"_s);
    bad("Root capitalised", u"Root"_s);
    bad("drive home", u"https://drive.google.com/"_s);
    bad("open without id", u"https://drive.google.com/open"_s);
    bad("open short id", u"https://drive.google.com/open?id=abc"_s);
    bad("file no id", u"https://drive.google.com/file/d/"_s);
    bad("docs unknown form", u"https://docs.google.com/unknown/d/"_s + DocId + u"/edit"_s);
    bad("script macro", u"https://script.google.com/macros/s/"_s + DocId + u"/exec"_s);
    bad("ftp", u"ftp://drive.google.com/file/d/"_s + Id + u"/view"_s);
    bad("javascript", u"javascript:alert(1)"_s);
    bad("prose", u"hello world"_s);
}

void TestShareLink::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, id);
    QFETCH(Kind, kind);
    QFETCH(QString, resourceKey);

    const std::optional<DriveRef> ref = Drive::parseDriveRef(text);
    QCOMPARE(ref.has_value(), valid);
    if (!valid)
    {
        return;
    }
    QCOMPARE(ref->id, id);
    QCOMPARE(ref->kind, kind);
    QCOMPARE(ref->resourceKey, resourceKey);
    QVERIFY(ref->isValid());
}

void TestShareLink::block()
{
    const QString text = u"# text/uri-list from a browser drop\r\n"_s
        u"https://drive.google.com/file/d/"_s + Id + u"/view?usp=sharing\r\n"_s
        u"https://drive.google.com/drive/folders/"_s + Legacy + u"\r\n"_s
        u"   # indented comment "_s + DocId + u"\n"_s
        u"https://docs.google.com/document/d/"_s + DocId + u"/edit, "_s + SharedDrive + u"\n"_s
        u"\n"_s
        u"https://drive.google.com/open?id="_s + Id + u"&resourcekey=0-late\n"_s // duplicate, brings a key
        u"https://docs.google.com/document/d/e/2PACX-1vQabcdefghijklmnop/pub\n"_s // rejected
        u"<https://drive.google.com/file/d/1zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/view>.\n"_s
        u"not-a-link.example.com/page\n"_s;
    const QList<DriveRef> refs = Drive::parseDriveRefs(text);
    QCOMPARE(refs.size(), 5);
    QCOMPARE(refs.at(0).id, Id);
    QCOMPARE(refs.at(0).kind, Kind::File);
    QCOMPARE(refs.at(0).resourceKey, u"0-late"_s);
    QCOMPARE(refs.at(1).id, Legacy);
    QCOMPARE(refs.at(1).kind, Kind::Folder);
    QCOMPARE(refs.at(2).id, DocId);
    QCOMPARE(refs.at(2).kind, Kind::Document);
    QCOMPARE(refs.at(3).id, SharedDrive);
    QCOMPARE(refs.at(3).kind, Kind::Unknown);
    QCOMPARE(refs.at(4).id, u"1zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"_s);

    // A bare id first, then a link to it: the link's kind fills in.
    const QList<DriveRef> upgraded = Drive::parseDriveRefs(Id + u" https://drive.google.com/drive/folders/"_s + Id);
    QCOMPARE(upgraded.size(), 1);
    QCOMPARE(upgraded.first().kind, Kind::Folder);

    QVERIFY(Drive::parseDriveRefs(QString()).isEmpty());
    QVERIFY(Drive::parseDriveRefs(u"# only a comment\n\n"_s).isEmpty());
}

void TestShareLink::blockProse()
{
    const QString mail = u"Hi, here is the folder (https://drive.google.com/drive/folders/"_s + Id
        + u"?usp=sharing) with the documentation and internationalization notes. Thanks!"_s;
    const QList<DriveRef> refs = Drive::parseDriveRefs(mail);
    QCOMPARE(refs.size(), 1);
    QCOMPARE(refs.first().id, Id);
    QCOMPARE(refs.first().kind, Kind::Folder);
}

QTEST_GUILESS_MAIN(TestShareLink)
#include "tst_sharelink.moc"
