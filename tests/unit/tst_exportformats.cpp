// SPDX-License-Identifier: GPL-3.0-or-later
// Transfer::exportFormatsFor / exportMimeFor / exportExtension: the one export table (google-drive-api.md §4b)
// that the CLI's --export check, the engine's file names and the sandbox agree on (issue 15 finding 9).
#include "transfer/exportformats.h"
#include "transfer/snapshot.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestExportFormats final : public QObject
{
    Q_OBJECT

private slots:
    void formatsPerKind()
    {
        const QString sheets = u"application/vnd.google-apps.spreadsheet"_s;
        // Sheets to ODS is the x- type Drive takes (the plain one is answered 400).
        QCOMPARE(Transfer::exportMimeFor(sheets, u"ods"_s), u"application/x-vnd.oasis.opendocument.spreadsheet"_s);
        QCOMPARE(Transfer::exportMimeFor(sheets, u"ODS"_s), u"application/x-vnd.oasis.opendocument.spreadsheet"_s);
        QVERIFY(Transfer::exportMimeFor(sheets, u"application/vnd.oasis.opendocument.spreadsheet"_s).isEmpty());
        QCOMPARE(Transfer::exportMimeFor(sheets, u"text/csv"_s), u"text/csv"_s);
        QVERIFY(Transfer::exportMimeFor(sheets, u"odt"_s).isEmpty());
        QVERIFY(Transfer::exportMimeFor(sheets, u"docx"_s).isEmpty());
        QCOMPARE(Transfer::exportMimeFor(u"application/vnd.google-apps.drawing"_s, u"jpeg"_s), u"image/jpeg"_s);
        QVERIFY(Transfer::exportMimeFor(u"application/vnd.google-apps.drawing"_s, u"docx"_s).isEmpty());
        QCOMPARE(Transfer::exportMimeFor(u"application/vnd.google-apps.document"_s, u"md"_s), u"text/markdown"_s);
        QCOMPARE(Transfer::exportMimeFor(u"application/vnd.google-apps.script"_s, u"json"_s),
                 u"application/vnd.google-apps.script+json"_s);
        // Forms, Sites, My Maps: Drive exports them to nothing.
        QVERIFY(Transfer::exportFormatsFor(u"application/vnd.google-apps.form"_s).isEmpty());
        QVERIFY(Transfer::exportFormatsFor(u"application/pdf"_s).isEmpty());
        QCOMPARE(Transfer::exportFormatsFor(u"application/vnd.google-apps.document"_s).size(), 9);
        QCOMPARE(Transfer::exportFormatsFor(sheets).size(), 6);
        QCOMPARE(Transfer::exportFormatsFor(u"application/vnd.google-apps.presentation"_s).size(), 7);
        QCOMPARE(Transfer::exportFormatsFor(u"application/vnd.google-apps.drawing"_s).size(), 4);
    }

    void defaultsAreOffered()
    {
        const QMap<QString, QString> defaults = Transfer::RunOptions::defaultExportFormats();
        for (auto it = defaults.cbegin(); it != defaults.cend(); ++it)
            QVERIFY2(Transfer::exportMimeFor(it.key(), it.value()) == it.value(), qPrintable(it.key()));
    }

    void defaultsComeFromTheTable()
    {
        // One table: the defaults a run uses are rows of it (docx, xlsx, pptx, svg), and RunOptions takes them.
        const QMap<QString, QString> defaults = Transfer::defaultExportFormats();
        QCOMPARE(defaults.size(), 4);
        QCOMPARE(Transfer::exportExtension(defaults.value(u"application/vnd.google-apps.document"_s)), u"docx"_s);
        QCOMPARE(Transfer::exportExtension(defaults.value(u"application/vnd.google-apps.spreadsheet"_s)), u"xlsx"_s);
        QCOMPARE(Transfer::exportExtension(defaults.value(u"application/vnd.google-apps.presentation"_s)), u"pptx"_s);
        QCOMPARE(defaults.value(u"application/vnd.google-apps.drawing"_s), u"image/svg+xml"_s);
        QVERIFY(!defaults.contains(u"application/vnd.google-apps.script"_s));
        QCOMPARE(Transfer::RunOptions::defaultExportFormats(), defaults);
    }

    void kindWords()
    {
        // What --export takes for a kind, from the same table.
        const QString docs = u"application/vnd.google-apps.document"_s;
        for (const QString &word : {u"docs"_s, u"doc"_s, u"document"_s, u"documents"_s, u"Docs"_s})
            QCOMPARE(Transfer::googleKindFor(word), docs);
        for (const QString &word : {u"sheets"_s, u"sheet"_s, u"spreadsheet"_s, u"spreadsheets"_s})
            QCOMPARE(Transfer::googleKindFor(word), u"application/vnd.google-apps.spreadsheet"_s);
        for (const QString &word : {u"slides"_s, u"slide"_s, u"presentation"_s, u"presentations"_s})
            QCOMPARE(Transfer::googleKindFor(word), u"application/vnd.google-apps.presentation"_s);
        QCOMPARE(Transfer::googleKindFor(u"drawings"_s), u"application/vnd.google-apps.drawing"_s);
        QCOMPARE(Transfer::googleKindFor(u"drawing"_s), u"application/vnd.google-apps.drawing"_s);
        QCOMPARE(Transfer::googleKindFor(u"scripts"_s), u"application/vnd.google-apps.script"_s);
        QCOMPARE(Transfer::googleKindFor(docs), docs);
        // A Google type Drive exports to nothing is still a kind (the CLI then says Drive cannot export it).
        QCOMPARE(Transfer::googleKindFor(u"application/vnd.google-apps.form"_s), u"application/vnd.google-apps.form"_s);
        QVERIFY(Transfer::googleKindFor(u"pdf"_s).isEmpty());
        QVERIFY(Transfer::googleKindFor(u"forms"_s).isEmpty());
    }

    void extensions()
    {
        // Every format of the table names its file by its own extension.
        for (const QString &kind : {u"application/vnd.google-apps.document"_s, u"application/vnd.google-apps.spreadsheet"_s,
                                    u"application/vnd.google-apps.presentation"_s, u"application/vnd.google-apps.drawing"_s,
                                    u"application/vnd.google-apps.script"_s})
        {
            for (const Transfer::ExportFormat &f : Transfer::exportFormatsFor(kind))
                QCOMPARE(Transfer::exportExtension(f.mimeType), f.extension);
        }
        QCOMPARE(Transfer::exportExtension(u"APPLICATION/PDF"_s), u"pdf"_s);
        QVERIFY(Transfer::exportExtension(u"application/x-unknown"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExportFormats)
#include "tst_exportformats.moc"
