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
