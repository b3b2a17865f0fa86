// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15 (the first hour as a user) and issue 16 item 12, in-process: the exit-code table in README and
// --help, rate units, what --help says a SOURCE is, global log options, words in progress and summary,
// signal words, and control characters from servers escaped in everything the CLI prints.
#include "tst_cli_support.h"

#include "exitcode.h"
#include "ingestcommand.h"
#include "progressdisplay.h"
#include "runoutcome.h"

#include <QFile>
#include <QMap>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace CliTest;

class TestCliOutput final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        qunsetenv("DRIVE_INGEST_ACCESS_TOKEN");
    }

    // Issue 15 item 12: the README's table and `--help` say the same, row by row.
    void exitCodesMatchReadme()
    {
        QFile readme(qEnvironmentVariable("DI_SOURCE_DIR") + u"/README.md"_s);
        QVERIFY2(readme.open(QIODevice::ReadOnly), "DI_SOURCE_DIR is not set (run through ctest)");
        QMap<int, QString> table;
        for (const QString &line : QString::fromUtf8(readme.readAll()).split(u'\n'))
        {
            const QStringList cells = line.split(u'|');
            bool isCode = false;
            const int code = cells.value(1).trimmed().toInt(&isCode);
            if (cells.size() == 4 && isCode)
            {
                table.insert(code, cells.at(2).trimmed());
            }
        }
        QMap<int, QString> help;
        int current = -1;
        for (const QString &line : Cli::exitCodesText().split(u'\n'))
        {
            bool isCode = false;
            const int code = line.trimmed().section(u' ', 0, 0).toInt(&isCode);
            if (isCode && line.startsWith(u"  "_s) && !line.startsWith(u"     "_s))
            {
                current = code;
                help.insert(code, line.trimmed().section(u' ', 1).trimmed());
            }
            else if (current >= 0 && !line.trimmed().isEmpty())
            {
                help[current] += u' ' + line.trimmed();
            }
        }
        QCOMPARE(table.keys(), (QList<int> {0, 1, 2, 3, 4, 5, 130}));
        QCOMPARE(help, table);
    }

    // Issue 15 item 14: the units people write for a rate.
    void bandwidthUnits_data()
    {
        QTest::addColumn<QString>("rate");
        QTest::addColumn<qint64>("bytesPerSecond");
        QTest::newRow("10Mbit") << u"10Mbit"_s << qint64(1'250'000);
        QTest::newRow("10Mbps") << u"10Mbps"_s << qint64(1'250'000);
        QTest::newRow("20MB/s") << u"20MB/s"_s << qint64(20'000'000);
        QTest::newRow("20M") << u"20M"_s << qint64(20 << 20);
        QTest::newRow("65536") << u"65536"_s << qint64(65536);
    }

    void bandwidthUnits()
    {
        QFETCH(QString, rate);
        QFETCH(qint64, bytesPerSecond);
        QString outText;
        QString errText;
        QTextStream out(&outText);
        QTextStream err(&errText);
        Cli::IngestCommand command(Cli::Streams {&out, &err, nullptr});
        int code = -1;
        const auto plan = command.plan({u"ingest"_s, fileId, u"--to"_s, u"x"_s, u"--bandwidth"_s, rate}, &code);
        QVERIFY2(plan, qPrintable(errText));
        QCOMPARE(plan->options.bandwidthLimit, bytesPerSecond);
        QVERIFY(runCli({u"ingest"_s, u"--help"_s}).out.contains(u"10Mbit"_s));
    }

    // Issue 15 item 2: --help says what a SOURCE can be; `ls` is a command with its own help.
    void helpSaysWhatASourceIs()
    {
        const Run ingest = runCli({u"ingest"_s, u"--help"_s});
        for (const QString &word : {u"root"_s, u"my-drive"_s, u"share link"_s, u"folders/"_s})
        {
            QVERIFY2(ingest.out.contains(word), qPrintable(word));
        }
        const Run main = runCli({u"--help"_s});
        QVERIFY(main.out.contains(u"\n  ls "_s));
        const Run ls = runCli({u"ls"_s, u"--help"_s});
        QCOMPARE(ls.code, 0);
        for (const QString &word : {u"shared-drives"_s, u"shared-with-me"_s, u"-R, --recursive"_s, u"--sandbox"_s})
        {
            QVERIFY2(ls.out.contains(word), qPrintable(word));
        }
        QCOMPARE(runCli({u"ls"_s, u"not an id!"_s}).code, int(Cli::ExitUsage));
        QCOMPARE(runCli({u"ls"_s, fileId, fileId}).code, int(Cli::ExitUsage));
    }

    // Issue 15 item 11: -v/--verbose and --log-file are global options; -V is the version.
    void globalLogOptions()
    {
        QCOMPARE(runCli({u"ingest"_s, u"--help"_s, u"-v"_s}).code, 0);
        QCOMPARE(runCli({u"--verbose"_s, u"ingest"_s, u"--help"_s}).code, 0);
        QCOMPARE(runCli({u"--log-file=/tmp/x.log"_s, u"ls"_s, u"--help"_s}).code, 0);
        QCOMPARE(runCli({u"ingest"_s, u"--log-file"_s}).code, int(Cli::ExitUsage));
        const Run version = runCli({u"-V"_s});
        QCOMPARE(version.code, 0);
        QVERIFY(version.out.contains(QStringLiteral(DI_VERSION)));
        QVERIFY(runCli({u"--help"_s}).out.contains(u"--log-file"_s));
    }

    // Issue 15 item 13: no rate before there is one; "1 file", not "1 files".
    void wordsInProgressAndSummary()
    {
        Transfer::Snapshot s;
        s.filesTotal = 1;
        s.elapsedMs = 0;
        QVERIFY2(!Cli::ProgressDisplay::plainLine(s).contains(u"B/s"_s), qPrintable(Cli::ProgressDisplay::plainLine(s)));
        QVERIFY(Cli::ProgressDisplay::plainLine(s).contains(u"0/1 file,"_s));
        QString liveText;
        QTextStream liveOut(&liveText);
        Cli::ProgressDisplay display(liveOut, Cli::ProgressDisplay::Mode::Live, 100);
        QVERIFY(!display.liveLines(s).join(u'\n').contains(u"B/s"_s));
        s.bytesDone = 1000;
        s.rate = 1000;
        QVERIFY(Cli::ProgressDisplay::plainLine(s).contains(u"B/s"_s));
        s.rate = 0;
        s.elapsedMs = 5000; // later, a zero rate is news: nothing moves
        QVERIFY(Cli::ProgressDisplay::plainLine(s).contains(u"0 B/s"_s));

        Transfer::Report report;
        report.files = {file(1, u"a.bin"_s, Transfer::FileState::Done, 10)};
        const QString one = Cli::ProgressDisplay::summary(report);
        QVERIFY2(one.startsWith(u"1 file: "_s), qPrintable(one));
        report.files << file(2, u"b.bin"_s, Transfer::FileState::Done, 10);
        QVERIFY(Cli::ProgressDisplay::summary(report).startsWith(u"2 files: "_s));
    }

    // Issue 15 item 13: SIGTERM is not Ctrl-C; after a signal, say what a new run does (and only what is true).
    void signalWords()
    {
        Transfer::Report report;
        report.files = {file(1, u"a.bin"_s, Transfer::FileState::Done, 10), file(2, u"b.bin"_s, Transfer::FileState::Cancelled)};
        Cli::RunOutcome outcome;
        outcome.signalNumber = SIGTERM;
        const Transfer::RunOutcome info = outcome.classify(report);
        QCOMPARE(info.exitCode(), int(Cli::ExitInterrupted));
        QVERIFY(info.message.contains(u"SIGTERM"_s));
        QVERIFY(!Cli::RunOutcome::stoppingMessage(SIGTERM).contains(u"Ctrl-C"_s));
        QVERIFY(Cli::RunOutcome::stoppingMessage(SIGINT).contains(u"Ctrl-C"_s));
        const QString words = outcome.closingWords(report, info);
        QVERIFY2(words.contains(u"SIGTERM"_s) && !words.contains(u"Ctrl-C"_s), qPrintable(words));
        QVERIFY2(words.contains(u"same command again"_s) && words.contains(u"(1) are skipped"_s), qPrintable(words));
        outcome.conflict = Dest::ConflictPolicy::Overwrite;
        QVERIFY(!outcome.closingWords(report, info).contains(u"skipped"_s));

        // The demo tree's planted faults are named as such when the sandbox is the source.
        Cli::RunOutcome demo;
        demo.sandbox = true;
        report.files = {file(3, u"Faulty/wrong-md5.bin"_s, Transfer::FileState::Failed, 0, u"checksum mismatch"_s)};
        const Transfer::RunOutcome failed = demo.classify(report);
        QCOMPARE(failed.exitCode(), int(Cli::ExitFilesFailed));
        QVERIFY(demo.closingWords(report, failed).contains(u"on purpose"_s));
    }

    // Issue 16 item 12: names and messages from a server never reach the terminal as control characters.
    void controlCharactersAreEscaped()
    {
        const QString evil = u"evil\x1b]0;pwned\x07\x1b[2J\rname\u009b31m.bin"_s;
        const auto clean = [](const QString &text)
        {
            for (const QChar c : text)
            {
                if (c.unicode() < 0x20 && c != u'\n')
                    return false;
                if (c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0))
                    return false;
            }
            return true;
        };
        const QString shown = u"evil\\x1b]0;pwned\\x07\\x1b[2J\\rname\\u009b31m.bin"_s;
        Transfer::Report report;
        Transfer::FileStatus bad = file(1, evil, Transfer::FileState::Failed, 0, u"server said \x1b[31mno\x07"_s);
        report.files = {bad};
        const QString summary = Cli::ProgressDisplay::summary(report);
        QVERIFY2(clean(summary), qPrintable(summary));
        QVERIFY2(summary.contains(shown), qPrintable(summary));
        QVERIFY(summary.contains(u"server said \\x1b[31mno\\x07"_s));

        QString text;
        QTextStream out(&text);
        Cli::ProgressDisplay display(out, Cli::ProgressDisplay::Mode::Plain);
        Transfer::Snapshot s;
        s.files = {bad};
        display.update(s); // announces the failed file
        out.flush();
        QVERIFY2(clean(text) && text.contains(shown), qPrintable(text));

        Transfer::FileStatus active = file(2, evil, Transfer::FileState::Transferring);
        s.files = {active};
        QString liveText;
        QTextStream liveOut(&liveText);
        Cli::ProgressDisplay live(liveOut, Cli::ProgressDisplay::Mode::Live, 200);
        live.update(s);
        QVERIFY(clean(live.liveLines(s).join(u'\n')));

        const Run run = runCli({u"ingest"_s, evil, u"--to"_s, u"x"_s});
        QCOMPARE(run.code, int(Cli::ExitUsage));
        QVERIFY2(clean(run.err) && run.err.contains(shown), qPrintable(run.err));
        QVERIFY(clean(runCli({evil}).err));
    }
};

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_cli_output.moc"
