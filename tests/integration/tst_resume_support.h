// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the destination tests of issue 11 (resume, the destinations' own small files) and 14 (direct writes):
// test bodies, a sink written and committed, and
// writeWhole/readWhole/listNames each waited for with its answer made comparable.

#include "destinations/destination.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

namespace ResumeTest
{
using namespace Qt::StringLiterals;

/// `size` bytes from a seeded generator: every position differs from its neighbours, so a misplaced byte shows.
inline QByteArray randomBody(qint64 size, quint32 seed)
{
    QByteArray body(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (char &c : body)
        c = char(rng.bounded(256));
    return body;
}

/// The error's reason, or "" on success.
inline QString writeWhole(Dest::Destination &d, const QString &path, const QByteArray &bytes)
{
    bool done = false;
    QString reason = u"<no answer>"_s;
    d.writeWhole(path, bytes, [&](const Net::Error &e) {
        reason = e.isError() ? e.reason : QString();
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 30000);
    return reason;
}

/// writeWhole() from a local file (Destination::writeWholeFrom): the error's reason, or "" on success.
inline QString writeWholeFrom(Dest::Destination &d, const QString &path, const QString &source)
{
    bool done = false;
    QString reason = u"<no answer>"_s;
    d.writeWholeFrom(path, source, [&](const Net::Error &e) {
        reason = e.isError() ? e.reason : QString();
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 30000);
    return reason;
}

/// Every file below `root` (hidden ones too), relative to it, sorted.
inline QStringList allFiles(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(QDir(root).relativeFilePath(it.next()));
    out.sort();
    return out;
}

/// Writes body[from, to) at its offsets in pieces of `piece` bytes (as a body streams), waiting for readyForMore()
/// when the sink takes less (a checkpoint's fdatasync running, every direct buffer being written).
inline bool writeRange(Dest::Sink *sink, const QByteArray &body, qint64 from, qint64 to, qint64 piece = 10 * 1024 + 7)
{
    QSignalSpy ready(sink, &Dest::Sink::readyForMore);
    for (qint64 at = from; at < to;)
    {
        const qint64 taken = sink->write(at, body.constData() + at, std::min(piece, to - at));
        if (taken < 0 || (taken == 0 && !ready.wait(5000)))
            return false;
        at += taken;
    }
    return true;
}

/// finish(), and true once the sink said committed().
inline bool commit(Dest::Sink *sink)
{
    QSignalSpy committed(sink, &Dest::Sink::committed);
    sink->finish();
    return committed.wait(5000);
}

/// The file's bytes, or "<missing>".
inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

/// The bytes, or "<error REASON>".
inline QByteArray readWhole(Dest::Destination &d, const QString &path, qint64 maxBytes)
{
    bool done = false;
    QByteArray out = "<no answer>";
    d.readWhole(path, maxBytes, [&](const QByteArray &bytes, const Net::Error &e) {
        out = e.isError() ? "<error " + e.reason.toLatin1() + '>' : bytes;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 30000);
    return out;
}

/// The names, or {"<error REASON>"}.
inline QStringList listNames(Dest::Destination &d, const QString &folder)
{
    bool done = false;
    QStringList out {u"<no answer>"_s};
    d.listNames(folder, [&](const QStringList &names, const Net::Error &e) {
        out = e.isError() ? QStringList {u"<error "_s + e.reason + u'>'} : names;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 30000);
    return out;
}
} // namespace ResumeTest
