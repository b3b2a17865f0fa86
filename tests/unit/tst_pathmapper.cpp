// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/pathmapper.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using Dest::PathMapper;

namespace
{
QDateTime at(int seconds)
{
    return QDateTime::fromSecsSinceEpoch(1700000000 + seconds, Qt::UTC);
}

bool isSingleSafeSegment(const QString &name, QString *why)
{
    const auto fail = [why](const QString &reason) {
        *why = reason;
        return false;
    };
    if (name.isEmpty())
    {
        return fail(u"empty"_s);
    }
    if (name == u"."_s || name == u".."_s)
    {
        return fail(u"dot segment"_s);
    }
    if (name.toUtf8().size() > PathMapper::MaxNameBytes)
    {
        return fail(u"longer than 255 bytes: %1"_s.arg(name.toUtf8().size()));
    }
    for (const QChar c : name)
    {
        if (c.unicode() < 0x20 || c == u'/' || c == u'\\' || QStringView(u":*?\"<>|").contains(c))
        {
            return fail(u"forbidden character U+%1"_s.arg(c.unicode(), 4, 16, QLatin1Char('0')));
        }
    }
    if (name.endsWith(u'.') || name.endsWith(u' '))
    {
        return fail(u"trailing dot or space"_s);
    }
    for (qsizetype i = 0; i < name.size(); ++i)
    {
        if (name.at(i).isHighSurrogate() && i + 1 < name.size() && name.at(i + 1).isLowSurrogate())
        {
            ++i;
        }
        else if (name.at(i).isSurrogate())
        {
            return fail(u"lone surrogate at %1"_s.arg(i));
        }
    }
    if (name.normalized(QString::NormalizationForm_C) != name)
    {
        return fail(u"not NFC"_s);
    }
    if (Dest::isTemporaryName(name))
    {
        return fail(u"a temporary file's name"_s);
    }
    return true;
}
} // namespace

class TestPathMapper final : public QObject
{
    Q_OBJECT

private slots:
    void safeName_data();
    void safeName();
    void longNames();
    void nfcAndNfd();
    void duplicates();
    void duplicatesCaseInsensitive();
    void duplicatesStableUnderReordering();
    void duplicateSuffixCollidesWithRealName();
    void fileAndFolderSameName();
    void joinRelative();
    void keepBothName_data();
    void keepBothName();
    void randomNamesStayInside();
    void temporaryPrefixReserved();
    void idsDifferingOnlyInCaseStayLinear();
    void siblingNamesOneAtATime();
};

void TestPathMapper::safeName_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"report.pdf"_s << u"report.pdf"_s;
    QTest::newRow("spaces inside") << u"my file (1).txt"_s << u"my file (1).txt"_s;
    QTest::newRow("slash") << u"a/b"_s << u"a\uFF0Fb"_s;
    QTest::newRow("etc passwd") << u"/etc/passwd"_s << u"\uFF0Fetc\uFF0Fpasswd"_s;
    QTest::newRow("parent traversal") << u"../../x"_s << u"..\uFF0F..\uFF0Fx"_s;
    QTest::newRow("dot") << u"."_s << u"_"_s;
    QTest::newRow("dotdot") << u".."_s << u"__"_s;
    QTest::newRow("dots") << u"..."_s << u"_"_s;
    QTest::newRow("empty") << QString() << u"_"_s;
    QTest::newRow("spaces only") << u"   "_s << u"_"_s;
    QTest::newRow("trailing dot") << u"name."_s << u"name"_s;
    QTest::newRow("trailing dot space") << u"name . . "_s << u"name"_s;
    QTest::newRow("hidden file") << u".bashrc"_s << u".bashrc"_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"a\uFF3Cb"_s;
    QTest::newRow("windows chars") << u"a:b*c?d\"e<f>g|h"_s << u"a\uFF1Ab\uFF0Ac\uFF1Fd\uFF02e\uFF1Cf\uFF1Eg\uFF5Ch"_s;
    QTest::newRow("nul") << QStringView(u"a\0b", 3).toString() << u"a\u2400b"_s;
    QTest::newRow("newline tab") << u"a\nb\tc"_s << u"a\u240Ab\u2409c"_s;
    QTest::newRow("del") << u"a\u007Fb"_s << u"a\u2421b"_s;
    QTest::newRow("c1") << u"a\u0085b"_s << u"a\uFFFDb"_s;
    QTest::newRow("bidi override") << u"invoice\u202Efdp.exe"_s << u"invoice\uFFFDfdp.exe"_s;
    QTest::newRow("bidi isolate") << u"a\u2067b\u2069"_s << u"a\uFFFDb\uFFFD"_s;
    QTest::newRow("hebrew") << u"\u05E9\u05DC\u05D5\u05DD.txt"_s << u"\u05E9\u05DC\u05D5\u05DD.txt"_s;
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + u"x"_s << u"\uFFFDx"_s;
    QTest::newRow("emoji") << u"\U0001F600 party \U0001F389.png"_s << u"\U0001F600 party \U0001F389.png"_s;
    QTest::newRow("CON") << u"CON"_s << u"CON_"_s;
    QTest::newRow("con.txt") << u"con.txt"_s << u"con_.txt"_s;
    QTest::newRow("nul.tar.gz") << u"Nul.tar.gz"_s << u"Nul_.tar.gz"_s;
    QTest::newRow("COM1") << u"COM1"_s << u"COM1_"_s;
    QTest::newRow("lpt9.log") << u"lpt9.log"_s << u"lpt9_.log"_s;
    QTest::newRow("CON space") << u"CON .txt"_s << u"CON_ .txt"_s;
    QTest::newRow("CONSOLE is fine") << u"CONSOLE"_s << u"CONSOLE"_s;
    QTest::newRow("COM10 is fine") << u"COM10"_s << u"COM10"_s;
    QTest::newRow("nfd to nfc") << u"Cafe\u0301.txt"_s << u"Caf\u00E9.txt"_s;
    // The temporary files' prefix (Dest::TemporaryPrefix) is never given out, in any case.
    QTest::newRow("a temporary file's own name") << u".drive-ingest-1abc-0123abcd.partial"_s
                                                 << u"_drive-ingest-1abc-0123abcd.partial"_s;
    QTest::newRow("upper case") << u".DRIVE-INGEST-x"_s << u"_DRIVE-INGEST-x"_s;
    QTest::newRow("dotless i (NTFS upper-cases it to I)") << u".dr\u0131ve-ingest-x"_s << u"_dr\u0131ve-ingest-x"_s;
    QTest::newRow("long s (upper-cases to S)") << u".drive-inge\u017Ft-x"_s << u"_drive-inge\u017Ft-x"_s;
    QTest::newRow("the prefix alone") << u".drive-ingest-"_s << u"_drive-ingest-"_s;
    QTest::newRow("not at the start") << u"a.drive-ingest-x"_s << u"a.drive-ingest-x"_s;
    QTest::newRow("another hidden name") << u".drive-ingest"_s << u".drive-ingest"_s;
    QTest::newRow("a .partial of a Drive file") << u"a.txt.partial"_s << u"a.txt.partial"_s;
}

void TestPathMapper::safeName()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString out = Dest::safeName(input);
    QCOMPARE(out, expected);
    QCOMPARE(Dest::safeName(out), out); // idempotent
    QString why;
    QVERIFY2(isSingleSafeSegment(out, &why), qPrintable(why));
}

void TestPathMapper::longNames()
{
    // 300 multi-byte characters (2 bytes each) plus an extension: cut to 255 bytes, extension kept.
    const QString longName = QString(300, QChar(0x00E9)) + u".docx"_s;
    const QString out = Dest::safeName(longName);
    QVERIFY(out.toUtf8().size() <= 255);
    QVERIFY(out.toUtf8().size() >= 250);
    QVERIFY(out.endsWith(u".docx"_s));

    // 3-byte and 4-byte characters never split.
    const QString cjk = QString(200, QChar(0x6F22)) + u".txt"_s;
    QVERIFY(Dest::safeName(cjk).toUtf8().size() <= 255);
    QVERIFY(Dest::safeName(cjk).endsWith(u".txt"_s));
    QString emoji;
    for (int i = 0; i < 100; ++i)
    {
        emoji += u"\U0001F600"_s;
    }
    const QString emojiOut = Dest::safeName(emoji);
    QVERIFY(emojiOut.toUtf8().size() <= 255);
    QCOMPARE(emojiOut.toUtf8().size() % 4, 0);
    QCOMPARE(QString::fromUtf8(emojiOut.toUtf8()), emojiOut);

    // Combining marks stay with their base character.
    QString marks;
    for (int i = 0; i < 200; ++i)
    {
        marks += u"e\u0301\u0302"_s; // no precomposed form for both marks: stays 3 code points (5 bytes)
    }
    const QString marksOut = Dest::safeName(marks);
    QVERIFY(marksOut.toUtf8().size() <= 255);
    QVERIFY(marksOut.endsWith(u"\u0302"_s));

    // A huge "extension" is not kept whole.
    const QString hugeExt = u"a."_s + QString(300, u'x');
    QVERIFY(Dest::safeName(hugeExt).toUtf8().size() <= 255);
    QCOMPARE(Dest::safeName(Dest::safeName(longName)), Dest::safeName(longName));
}

void TestPathMapper::nfcAndNfd()
{
    const QList<PathMapper::Entry> siblings = {
        {u"idNFD"_s, u"Cafe\u0301.txt"_s, at(5), false},
        {u"idNFC"_s, u"Caf\u00E9.txt"_s, at(1), false},
    };
    const QHash<QString, QString> names = PathMapper::assignNames(siblings);
    QCOMPARE(names.value(u"idNFC"_s), u"Caf\u00E9.txt"_s);
    QCOMPARE(names.value(u"idNFD"_s), u"Caf\u00E9 [idNFD].txt"_s);
}

void TestPathMapper::duplicates()
{
    const QList<PathMapper::Entry> siblings = {
        {u"idB"_s, u"report.pdf"_s, at(20), false},
        {u"idA"_s, u"report.pdf"_s, at(10), false},
        {u"idC"_s, u"report.pdf"_s, at(20), false}, // same time as idB: the id decides
        {u"idX"_s, u"other.pdf"_s, at(1), false},
        {u"idN"_s, u"noext"_s, at(2), false},
        {u"idM"_s, u"noext"_s, at(3), false},
    };
    const QHash<QString, QString> names = PathMapper::assignNames(siblings);
    QCOMPARE(names.size(), 6);
    QCOMPARE(names.value(u"idA"_s), u"report.pdf"_s);
    QCOMPARE(names.value(u"idB"_s), u"report [idB].pdf"_s);
    QCOMPARE(names.value(u"idC"_s), u"report [idC].pdf"_s);
    QCOMPARE(names.value(u"idX"_s), u"other.pdf"_s);
    QCOMPARE(names.value(u"idN"_s), u"noext"_s);
    QCOMPARE(names.value(u"idM"_s), u"noext [idM]"_s);

    // Unknown creation time sorts after known ones.
    const QHash<QString, QString> unknown = PathMapper::assignNames({
        {u"id1"_s, u"x"_s, QDateTime(), false},
        {u"id2"_s, u"x"_s, at(100), false},
    });
    QCOMPARE(unknown.value(u"id2"_s), u"x"_s);
    QCOMPARE(unknown.value(u"id1"_s), u"x [id1]"_s);

    // Long duplicate names still fit in 255 bytes with the id.
    const QString longName = QString(250, u'a') + u".txt"_s;
    const QHash<QString, QString> longNames = PathMapper::assignNames({
        {u"1first"_s, longName, at(1), false},
        {u"2second"_s, longName, at(2), false},
    });
    QVERIFY(longNames.value(u"2second"_s).toUtf8().size() <= 255);
    QVERIFY(longNames.value(u"2second"_s).endsWith(u" [2second].txt"_s));
    QVERIFY(longNames.value(u"1first"_s) != longNames.value(u"2second"_s));
}

void TestPathMapper::duplicatesCaseInsensitive()
{
    const QHash<QString, QString> names = PathMapper::assignNames({
        {u"idLower"_s, u"readme.md"_s, at(2), false},
        {u"idUpper"_s, u"README.md"_s, at(1), false},
        {u"idSlash"_s, u"a/b"_s, at(1), false},
        {u"idFull"_s, u"a\uFF0Fb"_s, at(2), false}, // already the replacement: collides with "a/b"
    });
    QCOMPARE(names.value(u"idUpper"_s), u"README.md"_s);
    QCOMPARE(names.value(u"idLower"_s), u"readme [idLower].md"_s);
    QCOMPARE(names.value(u"idSlash"_s), u"a\uFF0Fb"_s);
    QCOMPARE(names.value(u"idFull"_s), u"a\uFF0Fb [idFull]"_s);
}

void TestPathMapper::duplicatesStableUnderReordering()
{
    QList<PathMapper::Entry> siblings;
    for (int i = 0; i < 40; ++i)
    {
        siblings.append({u"id%1"_s.arg(i, 3, 10, QLatin1Char('0')), i % 3 == 0 ? u"Same.TXT"_s : u"same.txt"_s,
                         at(i % 5), false});
    }
    const QHash<QString, QString> reference = PathMapper::assignNames(siblings);
    QCOMPARE(reference.size(), 40);
    QCOMPARE(QSet<QString>(reference.cbegin(), reference.cend()).size(), 40);
    QRandomGenerator rng(7);
    for (int round = 0; round < 20; ++round)
    {
        std::shuffle(siblings.begin(), siblings.end(), rng);
        QCOMPARE(PathMapper::assignNames(siblings), reference);
    }
}

void TestPathMapper::duplicateSuffixCollidesWithRealName()
{
    // A real file already carries the name the duplicate would get: the duplicate gets a counter on top.
    const QHash<QString, QString> names = PathMapper::assignNames({
        {u"idA"_s, u"a.txt"_s, at(1), false},
        {u"idB"_s, u"a.txt"_s, at(2), false},
        {u"idZ"_s, u"a [idB].txt"_s, at(3), false},
    });
    QCOMPARE(names.value(u"idA"_s), u"a.txt"_s);
    QCOMPARE(names.value(u"idZ"_s), u"a [idB].txt"_s);
    QCOMPARE(names.value(u"idB"_s), u"a [idB] (2).txt"_s);
}

void TestPathMapper::fileAndFolderSameName()
{
    const QHash<QString, QString> names = PathMapper::assignNames({
        {u"folderId"_s, u"data.v2"_s, at(1), true},
        {u"fileId"_s, u"data.v2"_s, at(2), false},
        {u"folder2"_s, u"data.v2"_s, at(3), true},
    });
    QCOMPARE(names.value(u"folderId"_s), u"data.v2"_s);
    QCOMPARE(names.value(u"fileId"_s), u"data [fileId].v2"_s);
    QCOMPARE(names.value(u"folder2"_s), u"data.v2 [folder2]"_s); // folders have no extension
}

void TestPathMapper::joinRelative()
{
    QCOMPARE(PathMapper::joinRelative({u"a"_s, u"b"_s, u"c.txt"_s}), u"a/b/c.txt"_s);
    QCOMPARE(PathMapper::joinRelative({u".."_s, u"etc"_s, u"passwd"_s}), u"__/etc/passwd"_s);
    QCOMPARE(PathMapper::joinRelative({u"/abs"_s, u"x"_s}), u"\uFF0Fabs/x"_s);
    QCOMPARE(PathMapper::joinRelative({QString(), u"x"_s}), u"_/x"_s);
    QCOMPARE(PathMapper::joinRelative({}), QString());
    QVERIFY(!PathMapper::joinRelative({u"C:"_s}).contains(u':'));

    QStringList deep;
    for (int i = 0; i < 16; ++i)
    {
        deep.append(QString(250, u'd'));
    }
    QVERIFY(PathMapper::joinRelative(deep).toUtf8().size() <= 4096);
    QVERIFY(!PathMapper::joinRelative(deep).isEmpty());
    deep.append(QString(250, u'd'));
    QCOMPARE(PathMapper::joinRelative(deep), QString()); // 17 × 251 - 1 bytes: too long

    QCOMPARE(PathMapper::appendRelative(QString(), u"a/b"_s), u"a\uFF0Fb"_s);
    QCOMPARE(PathMapper::appendRelative(u"x/y"_s, u".."_s), u"x/y/__"_s);
    QCOMPARE(PathMapper::appendRelative(u"x/y"_s, u"c [id].txt"_s), u"x/y/c [id].txt"_s);
    deep.removeLast();
    const QString parent = PathMapper::joinRelative(deep);
    QCOMPARE(PathMapper::appendRelative(parent, QString(250, u'e')), QString());
}

void TestPathMapper::keepBothName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("n");
    QTest::addColumn<bool>("isFolder");
    QTest::addColumn<QString>("expected");
    QTest::newRow("file") << u"a.txt"_s << 1 << false << u"a (1).txt"_s;
    QTest::newRow("no ext") << u"a"_s << 2 << false << u"a (2)"_s;
    QTest::newRow("double ext") << u"a.tar.gz"_s << 3 << false << u"a.tar (3).gz"_s;
    QTest::newRow("hidden") << u".bashrc"_s << 1 << false << u".bashrc (1)"_s;
    QTest::newRow("folder") << u"v1.2"_s << 1 << true << u"v1.2 (1)"_s;
    QTest::newRow("dot in prose") << u"Notes. Final version"_s << 1 << false << u"Notes. Final version (1)"_s;
}

void TestPathMapper::keepBothName()
{
    QFETCH(QString, name);
    QFETCH(int, n);
    QFETCH(bool, isFolder);
    QFETCH(QString, expected);
    QCOMPARE(PathMapper::keepBothName(name, n, isFolder), expected);
    QVERIFY(PathMapper::keepBothName(QString(255, u'k') + u".txt"_s, 12).toUtf8().size() <= 255);
}

void TestPathMapper::randomNamesStayInside()
{
    // Property: whatever Drive sends, the result is one safe segment that, created on disk, lands directly
    // inside the target directory.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = QFileInfo(dir.path()).canonicalFilePath();
    static const char16_t alphabet[] = u"aZ09 ._-/\\:*?\"<>|~$%&'()[]{}#!@^`+=,;\u00E9\u0301\u00DF\u6F22\u200B\u202E\uFEFF";
    const qsizetype alphabetSize = std::size(alphabet) - 1;
    QRandomGenerator rng(20261124);
    QSet<QString> created;
    for (int i = 0; i < 2000; ++i)
    {
        QString name;
        const int length = static_cast<int>(rng.bounded(1, i % 10 == 0 ? 400 : 24));
        for (int k = 0; k < length; ++k)
        {
            const quint32 pick = rng.bounded(100);
            if (pick < 70)
            {
                name += QChar(alphabet[rng.bounded(static_cast<quint32>(alphabetSize))]);
            }
            else if (pick < 80)
            {
                name += QChar(static_cast<char16_t>(rng.bounded(0, 0x20))); // control characters, NUL included
            }
            else if (pick < 85)
            {
                name += QChar(static_cast<char16_t>(rng.bounded(0xD800, 0xE000))); // surrogates, often lone
            }
            else if (pick < 90)
            {
                name += u"\U0001F600"_s;
            }
            else
            {
                name += QChar(static_cast<char16_t>(rng.bounded(0x20, 0xFFFE)));
            }
        }
        if (i % 50 == 0)
        {
            name = u".."_s;
        }
        const QString safe = Dest::safeName(name);
        QString why;
        QVERIFY2(isSingleSafeSegment(safe, &why),
                 qPrintable(u"%1 for input #%2: %3 -> %4"_s.arg(why)
                                .arg(i)
                                .arg(QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(name.utf16()),
                                                                    name.size() * 2)
                                                             .toHex(' ')),
                                     QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(safe.utf16()),
                                                                    safe.size() * 2)
                                                             .toHex(' ')))));
        QCOMPARE(Dest::safeName(safe), safe);

        const QString path = QDir(root).filePath(safe);
        QFile file(path);
        if (!created.contains(safe.toCaseFolded()))
        {
            QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
            file.close();
            created.insert(safe.toCaseFolded());
        }
        const QFileInfo info(path);
        QVERIFY(info.exists());
        QCOMPARE(info.canonicalPath(), root);
    }
}

void TestPathMapper::temporaryPrefixReserved()
{
    // safeName_data() has the names themselves; nor can a duplicate's or a keep-both name become one.
    for (const QString &driveName : {u".drive-ingest-1abc-0123abcd.partial"_s, u".DRIVE-INGEST-x"_s,
                                     u".dr\u0131ve-ingest-x"_s, u".drive-ingest-"_s})
    {
        const QString safe = Dest::safeName(driveName);
        QVERIFY2(!Dest::isTemporaryName(safe), qPrintable(safe));
        QVERIFY(Dest::isTemporaryName(driveName));
        const QHash<QString, QString> names = PathMapper::assignNames({{u"id1"_s, driveName, at(1), false},
                                                                       {u"id2"_s, driveName, at(2), true}});
        QCOMPARE(names.size(), 2);
        for (const QString &name : names)
            QVERIFY2(!Dest::isTemporaryName(name), qPrintable(name));
        QVERIFY(!Dest::isTemporaryName(PathMapper::keepBothName(safe, 3)));
    }
}

void TestPathMapper::idsDifferingOnlyInCaseStayLinear()
{
    // 10,000 files named alike whose ids differ only in case: every ` [<id>]` name collides case-insensitively
    // with the others, so each needs a counter. Counted, not timed: a scan from (2) for each costs ~n²/2 tries.
    constexpr int Count = 10000;
    const QString letters = u"abcdefghijklmn"_s;
    QList<PathMapper::Entry> siblings;
    for (int i = 0; i < Count; ++i)
    {
        QString id = letters;
        for (int bit = 0; bit < letters.size(); ++bit)
        {
            if (i & (1 << bit))
                id[bit] = id.at(bit).toUpper();
        }
        siblings.append({id, u"same.txt"_s, at(1), false});
    }
    qsizetype probes = 0;
    const QHash<QString, QString> names = PathMapper::assignNames(siblings, &probes);
    QCOMPARE(names.size(), Count);
    QSet<QString> folded;
    for (const QString &name : names)
        folded.insert(name.toCaseFolded());
    QCOMPARE(folded.size(), Count);
    const auto smallest = std::min_element(siblings.cbegin(), siblings.cend(),
                                           [](const auto &a, const auto &b) { return a.id < b.id; });
    QCOMPARE(names.value(smallest->id), u"same.txt"_s); // equal times: the smallest id keeps the name
    QVERIFY2(probes <= 3 * Count, qPrintable(u"%1 names tried for %2 files"_s.arg(probes).arg(Count)));
    // The same names whatever the order.
    std::reverse(siblings.begin(), siblings.end());
    QCOMPARE(PathMapper::assignNames(siblings), names);
}

void TestPathMapper::siblingNamesOneAtATime()
{
    // The engine names the sources at the destination's root as they arrive: the same rule, first come first.
    Dest::SiblingNames root;
    QCOMPARE(root.claim({u"idB"_s, u"Data"_s, {}, true}), u"Data"_s);
    QCOMPARE(root.claim({u"idA"_s, u"data"_s, {}, true}), u"data [idA]"_s);
    QCOMPARE(root.claim({u"idC"_s, u"y.txt"_s, {}, false}), u"y.txt"_s);
    QCOMPARE(root.claim({u"idD"_s, u"y.txt"_s, {}, false}), u"y [idD].txt"_s);
    QCOMPARE(root.claim({u"idd"_s, u"Y.txt"_s, {}, false}), u"Y [idd] (2).txt"_s);
    QCOMPARE(root.claim({u"idE"_s, u".drive-ingest-idC-00000000.partial"_s, {}, false}),
             u"_drive-ingest-idC-00000000.partial"_s);
    QCOMPARE(root.claimPlain({u"idF"_s, u"DATA"_s, {}, true}), QString());
}

QTEST_GUILESS_MAIN(TestPathMapper)
#include "tst_pathmapper.moc"
