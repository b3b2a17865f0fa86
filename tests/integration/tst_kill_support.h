// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the kill tests of issue 11 (tst_journal_kill: the CLI into a folder; tst_journal_killvolume: the
// engine into a Volume): a tree of one big file and some small ones, a process SIGKILLed once the sandbox served
// so many bytes, what the sandbox's log says was fetched, and what the journal knows between runs.
#include "sandboxprocess.h"

#include "journal/store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

namespace KillTest
{
using namespace Qt::StringLiterals;

constexpr qint64 MiB = 1024 * 1024;

/// "sNN.bin": the name of small file `i`.
inline QString smallName(int i)
{
    return u"s%1.bin"_s.arg(i, 2, 10, QChar(u'0'));
}

/// Writes a sandbox manifest to `path`: a folder `root` in My Drive holding big.bin and `smallCount` sNN.bin.
inline bool writeManifest(const QString &path, const QString &root, qint64 bigSize, qint64 smallSize, int smallCount)
{
    QJsonArray children {QJsonObject {{u"name"_s, u"big.bin"_s}, {u"size"_s, bigSize}}};
    for (int i = 0; i < smallCount; ++i)
        children.append(QJsonObject {{u"name"_s, smallName(i)}, {u"size"_s, smallSize}});
    const QJsonObject manifest {{u"demo_root"_s, root},
                                {u"my_drive"_s, QJsonArray {QJsonObject {{u"name"_s, root}, {u"children"_s, children}}}}};
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(manifest).toJson()) > 0;
}

inline qint64 bytesOut(SandboxProcess &sandbox)
{
    return qint64(sandbox.stats().value(u"bytes_out"_s).toDouble());
}

/// The sandbox's request log (its last 5,000 entries).
inline QJsonArray requestLog(SandboxProcess &sandbox)
{
    return sandbox.stats().value(u"log"_s).toArray();
}

/// Drive media requests of one file in a stretch of the log: how many, and the body bytes served.
struct Fetched
{
    int requests = 0;
    qint64 bytes = 0;
};

/// The media requests of the sandbox's log from entry `from` on, by Drive file id.
inline QHash<QString, Fetched> mediaRequests(SandboxProcess &sandbox, qsizetype from)
{
    QHash<QString, Fetched> byId;
    const QJsonArray log = requestLog(sandbox);
    for (qsizetype i = from; i < log.size(); ++i)
    {
        const QJsonObject entry = log.at(i).toObject();
        if (entry.value(u"route"_s).toString() != "drive.files.media"_L1)
            continue;
        Fetched &fetched = byId[entry.value(u"path"_s).toString().section(u'/', -1)];
        ++fetched.requests;
        fetched.bytes += qint64(entry.value(u"bytes_out"_s).toDouble());
    }
    return byId;
}

/// The journal's files of its only job: Drive id -> row (read between runs, when no process holds it).
inline QHash<QString, Journal::FileRow> journalRows(const QString &journalPath)
{
    QHash<QString, Journal::FileRow> rows;
    if (!QFile::exists(journalPath))
        return rows; // before the first run
    Journal::Store store;
    if (const Journal::Result opened = store.open(journalPath); !opened.ok())
    {
        qWarning("%s", qPrintable(opened.message));
        return rows;
    }
    const QList<Journal::JobRow> jobs = store.jobs();
    if (jobs.size() != 1)
    {
        qWarning("%lld jobs in the journal", qint64(jobs.size()));
        return rows;
    }
    for (const Journal::FileRow &row : store.files(jobs.first().id))
        rows.insert(row.driveId, row);
    return rows;
}

inline bool isDone(const Journal::FileRow &row)
{
    return row.state == "done"_L1;
}

/// Starts `program` and SIGKILLs it once the sandbox served `bytes` more; false if it ended first. Returns once
/// the killed run's requests are all in the sandbox's log (it logs a request when the request ends).
inline bool runAndKill(SandboxProcess &sandbox, const QString &program, const QStringList &arguments,
                       const QProcessEnvironment &environment, qint64 bytes)
{
    const qint64 start = bytesOut(sandbox);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted())
        return false;
    QElapsedTimer waited;
    waited.start();
    while (process.state() == QProcess::Running && bytesOut(sandbox) - start < bytes && waited.elapsed() < 120000)
        QTest::qWait(20);
    if (process.state() != QProcess::Running)
        return false;
    ::kill(pid_t(process.processId()), SIGKILL);
    process.waitForFinished();
    for (int i = 0; i < 50 && sandbox.stats().value(u"connections"_s).toInt() > 1; ++i)
        QTest::qWait(100);
    return true;
}
} // namespace KillTest
