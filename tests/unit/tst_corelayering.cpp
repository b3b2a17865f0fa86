// SPDX-License-Identifier: GPL-3.0-or-later
// The engine never depends on QtGui/QtWidgets (DESIGN.md "Layers"): this test reads src/core and fails on any
// include or link of the GUI modules.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace
{
// `#include <QtGui/QImage>`, `#include <QtWidgets>`, `#include <QApplication>`, `#include "QWidget"`, …
const QRegularExpression &forbiddenInclude()
{
    static const QRegularExpression pattern(
        u"^\\s*#\\s*include\\s*[<\"]\\s*(QtGui|QtWidgets|QtCharts|QApplication|QGuiApplication|QDesktopServices|"
        "QMessageBox|QWidget|QMainWindow|QDialog|QClipboard|QIcon|QPixmap|QImage)\\b[^>\"]*[>\"]"_s,
        QRegularExpression::MultilineOption);
    return pattern;
}

// `Qt6::Gui`, `Qt::Widgets`, `Qt6::Charts` in a target_link_libraries of the engine.
const QRegularExpression &forbiddenLink()
{
    static const QRegularExpression pattern(u"\\bQt6?::(Gui|Widgets|Charts|OpenGL)\\b"_s);
    return pattern;
}

// Drops // and /* */ comments so a comment naming a GUI header is no violation.
QString stripComments(const QString &source)
{
    static const QRegularExpression comments(u"//[^\\n]*|/\\*.*?\\*/"_s, QRegularExpression::DotMatchesEverythingOption);
    return QString(source).replace(comments, QString());
}

QString stripCMakeComments(const QString &source)
{
    static const QRegularExpression comments(u"#[^\\n]*"_s);
    return QString(source).replace(comments, QString());
}

/// "file:line: offending text" for every violation under `root`.
QStringList violations(const QString &root, int *filesScanned)
{
    QStringList found;
    *filesScanned = 0;
    QDirIterator it(root, {u"*.h"_s, u"*.hpp"_s, u"*.cpp"_s, u"*.cc"_s, u"CMakeLists.txt"_s, u"*.cmake"_s},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
    {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
        {
            found.append(path + u": cannot read"_s);
            continue;
        }
        ++*filesScanned;
        const QString raw = QString::fromUtf8(file.readAll());
        const bool cmake = path.endsWith(u"CMakeLists.txt"_s) || path.endsWith(u".cmake"_s);
        const QString text = cmake ? stripCMakeComments(raw) : stripComments(raw);
        QRegularExpressionMatchIterator matches = (cmake ? forbiddenLink() : forbiddenInclude()).globalMatch(text);
        while (matches.hasNext())
        {
            const QRegularExpressionMatch match = matches.next();
            const int line = static_cast<int>(text.left(match.capturedStart()).count(u'\n')) + 1;
            found.append(u"%1:%2: %3"_s.arg(QDir(root).relativeFilePath(path)).arg(line).arg(match.captured().trimmed()));
        }
    }
    return found;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}


// DESIGN.md: util <- net <- {drive, auth, destinations} <- transfer. Checked as what a folder may not include.
QStringList layeringViolations(const QString &core)
{
    const QHash<QString, QStringList> forbidden = {
        {u"util"_s, {u"net"_s, u"drive"_s, u"auth"_s, u"destinations"_s, u"transfer"_s}},
        {u"net"_s, {u"drive"_s, u"auth"_s, u"destinations"_s, u"transfer"_s}},
        {u"drive"_s, {u"destinations"_s, u"transfer"_s}},
        {u"auth"_s, {u"drive"_s, u"destinations"_s, u"transfer"_s}},
        {u"destinations"_s, {u"drive"_s, u"transfer"_s}},
    };
    static const QRegularExpression include(u"^\\s*#\\s*include\\s*\"([a-z]+)/[^\"]+\""_s,
                                            QRegularExpression::MultilineOption);
    QStringList found;
    for (auto it = forbidden.cbegin(); it != forbidden.cend(); ++it)
    {
        QDirIterator files(QDir(core).filePath(it.key()), {u"*.h"_s, u"*.cpp"_s}, QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext())
        {
            const QString path = files.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
            {
                continue;
            }
            const QString text = stripComments(QString::fromUtf8(file.readAll()));
            QRegularExpressionMatchIterator matches = include.globalMatch(text);
            while (matches.hasNext())
            {
                const QRegularExpressionMatch match = matches.next();
                if (it.value().contains(match.captured(1)))
                {
                    found.append(QDir(core).relativeFilePath(path) + u": "_s + match.captured().trimmed());
                }
            }
        }
    }
    return found;
}
} // namespace

class TestCoreLayering final : public QObject
{
    Q_OBJECT

private slots:
    void detectorCatchesViolations();
    void coreHasNoGuiDependency();
    void subsystemsPointDown();
};

void TestCoreLayering::detectorCatchesViolations()
{
    // The detector itself, on a fake tree: it must find each kind of violation and ignore comments.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(u"a/ok.cpp"_s), "#include <QString>\n// #include <QWidget> in a comment\n/* #include <QtGui> */\n");
    writeFile(dir.filePath(u"a/gui.cpp"_s), "#include <QString>\n#include <QtGui/QImage>\n");
    writeFile(dir.filePath(u"b/widget.h"_s), "#pragma once\n#  include \"QWidget\"\n#include <QtWidgets>\n");
    writeFile(dir.filePath(u"b/app.cpp"_s), "#include <QApplication>\n#include <QDesktopServices>\n#include <QMessageBox>\n");
    writeFile(dir.filePath(u"CMakeLists.txt"_s), "# Qt6::Widgets mentioned in a comment\ntarget_link_libraries(x PUBLIC Qt6::Core Qt6::Gui)\n");
    int scanned = 0;
    const QStringList found = violations(dir.path(), &scanned);
    QCOMPARE(scanned, 5);
    QCOMPARE(found.size(), 7);
    QVERIFY(found.filter(u"a/gui.cpp:2"_s).size() == 1);
    QVERIFY(found.filter(u"b/widget.h:2"_s).size() == 1);
    QVERIFY(found.filter(u"CMakeLists.txt:2: Qt6::Gui"_s).size() == 1);
    QVERIFY(found.filter(u"ok.cpp"_s).isEmpty());
}

void TestCoreLayering::coreHasNoGuiDependency()
{
    const QString sourceDir = qEnvironmentVariable("DI_SOURCE_DIR");
    if (sourceDir.isEmpty())
    {
        QSKIP("DI_SOURCE_DIR is not set (run through ctest)");
    }
    const QString core = QDir(sourceDir).filePath(u"src/core"_s);
    QVERIFY2(QDir(core).exists(), qPrintable(core));
    int scanned = 0;
    const QStringList found = violations(core, &scanned);
    QVERIFY2(scanned > 10, qPrintable(u"only %1 files scanned under %2"_s.arg(scanned).arg(core)));
    QVERIFY2(found.isEmpty(), qPrintable(u"src/core must not use QtGui/QtWidgets:\n"_s + found.join(u'\n')));
}

void TestCoreLayering::subsystemsPointDown()
{
    const QString sourceDir = qEnvironmentVariable("DI_SOURCE_DIR");
    if (sourceDir.isEmpty())
    {
        QSKIP("DI_SOURCE_DIR is not set (run through ctest)");
    }
    // The detector, on a fake tree first.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(u"util/a.cpp"_s), "#include \"util/a.h\"\n#include \"net/error.h\"\n");
    writeFile(dir.filePath(u"net/b.cpp"_s), "#include \"util/a.h\"\n// #include \"transfer/x.h\"\n");
    writeFile(dir.filePath(u"destinations/c.cpp"_s), "#include \"transfer/engine.h\"\n");
    QCOMPARE(layeringViolations(dir.path()).size(), 2);

    const QStringList found = layeringViolations(QDir(sourceDir).filePath(u"src/core"_s));
    QVERIFY2(found.isEmpty(), qPrintable(u"src/core includes against the layering:\n"_s + found.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestCoreLayering)
#include "tst_corelayering.moc"
