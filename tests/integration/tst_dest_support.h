// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the tst_dest_* integration tests: the real engine (EngineHost) into a Databricks destination
// of a SandboxProcess, and the sandbox's view of what landed ("uploads" in /_sandbox/stats).

#include "destinations/databricksclient.h"
#include "destinations/dbfsdestination.h"
#include "destinations/volumedestination.h"
#include "tst_engine_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace DestTest
{
using namespace Qt::StringLiterals;
using EngineTest::RunResult;

enum class Kind
{
    Volume,
    Dbfs,
};

/// Runs one ingest of `sources` into `root` (a /Volumes/… or DBFS path) and waits for the report.
/// result.authRequired holds "account: reason" lines here.
/// `databricksHost` (default: the sandbox itself) lets Drive and Databricks be two different sandboxes.
inline RunResult runInto(SandboxProcess &sandbox, Kind kind, const QString &root, const QList<Drive::DriveRef> &sources,
                         const Transfer::RunOptions &options, int timeoutMs = 50000,
                         const QByteArray &databricksToken = EngineTest::Token,
                         const std::function<void(Dest::Destination *)> &configure = {},
                         const QUrl &databricksHost = {})
{
    RunResult result;
    Transfer::EngineHost host;
    Transfer::EngineHost::Setup setup;
    setup.endpoints = Net::Endpoints::sandbox(sandbox.baseUrl());
    setup.options = options;
    setup.googleToken = [](QNetworkAccessManager *, QObject *parent) -> Net::TokenProvider * {
        return new Net::StaticTokenProvider(EngineTest::Token, u"sandbox"_s, parent);
    };
    const QUrl dbxHost = databricksHost.isEmpty() ? sandbox.baseUrl() : databricksHost;
    setup.destination = [kind, root, dbxHost, databricksToken, configure](QNetworkAccessManager *nam,
                                                                          QObject *parent) -> Dest::Destination * {
        auto *tokens = new Net::StaticTokenProvider(databricksToken, u"databricks"_s, parent);
        Dest::Destination *destination = nullptr;
        if (kind == Kind::Volume)
            destination = new Dest::VolumeDestination(nam, tokens, dbxHost, root, parent);
        else
            destination = new Dest::DbfsDestination(nam, tokens, dbxHost, root, parent);
        if (configure)
            configure(destination);
        return destination;
    };
    QObject::connect(&host, &Transfer::EngineHost::snapshot, &host,
                     [&](const Transfer::Snapshot &s) { result.snapshots.append(s); });
    QObject::connect(&host, &Transfer::EngineHost::finished, &host, [&](const Transfer::Report &r) {
        result.report = r;
        result.finished = true;
    });
    QObject::connect(&host, &Transfer::EngineHost::runFailed, &host,
                     [&](const Net::Error &e) { result.runFailures.append(e); });
    QObject::connect(&host, &Transfer::EngineHost::authRequired, &host,
                     [&](const QString &account, const QString &reason) { result.authRequired.append(account + u": "_s + reason); });
    host.startRun(setup, sources);
    const bool done = QTest::qWaitFor([&] { return result.finished; }, timeoutMs);
    Q_UNUSED(done)
    return result;
}

/// A sandbox that takes EngineTest::Token for Drive and Databricks alike (not started).
inline std::unique_ptr<SandboxProcess> makeSandbox()
{
    return std::make_unique<SandboxProcess>(
        QStringList {u"--static-token"_s, QString::fromLatin1(EngineTest::Token), u"--quiet"_s});
}

/// Ids of the sandbox's My Drive items (not trashed, not in a shared drive) by name.
inline QHash<QString, QString> idsByName(SandboxProcess &sandbox)
{
    QHash<QString, QString> ids;
    for (const QJsonObject &item : EngineTest::treeItems(sandbox))
    {
        if (!item.value(u"trashed"_s).toBool() && item.value(u"driveId"_s).toString().isEmpty())
            ids.insert(item.value(u"name"_s).toString(), item.value(u"id"_s).toString());
    }
    return ids;
}

inline QList<Drive::DriveRef> refsByName(const QHash<QString, QString> &ids, const QStringList &names)
{
    QList<Drive::DriveRef> out;
    for (const QString &n : names)
        out.append(EngineTest::ref(ids.value(n)));
    return out;
}

/// POST /_sandbox/faults {"databricks": databricks, "files": files}.
inline bool setDatabricksFaults(SandboxProcess &sandbox, const QJsonObject &databricks, const QJsonObject &files = {})
{
    QJsonObject body {{u"databricks"_s, databricks}};
    if (!files.isEmpty())
        body.insert(u"files"_s, files);
    return sandbox.setFaults(body);
}

/// How many requests of `route` ("dbx.files.put"…) the sandbox answered with `status`.
inline int answered(SandboxProcess &sandbox, const QString &route, int status)
{
    return sandbox.stats().value(u"by_route"_s).toObject().value(route).toObject().value(QString::number(status)).toInt();
}

/// "uploads" of /_sandbox/stats: final path → {size, md5}. Volume keys are "/Volumes/…", DBFS keys "dbfs:/…".
inline QJsonObject uploads(SandboxProcess &sandbox)
{
    return sandbox.stats().value(u"uploads"_s).toObject();
}

/// The sandbox's key for a report's destinationPath ("volume:/Volumes/…" → "/Volumes/…"; DBFS keeps "dbfs:").
inline QString uploadKey(const QString &destinationPath)
{
    return destinationPath.startsWith(u"volume:"_s) ? destinationPath.mid(7) : destinationPath;
}

/// The children of the demo root, except the folders named in `skipNames` (the 1 GiB "Large").
inline QList<Drive::DriveRef> demoChildren(SandboxProcess &sandbox, const QStringList &skipNames)
{
    const QString rootId = sandbox.readyInfo().value(u"demo_root_id"_s).toString();
    QList<Drive::DriveRef> refs;
    for (const QJsonObject &item : EngineTest::treeItems(sandbox))
    {
        const QJsonArray parents = item.value(u"parents"_s).toArray();
        if (parents.isEmpty() || parents.first().toString() != rootId || item.value(u"trashed"_s).toBool())
            continue;
        if (skipNames.contains(item.value(u"name"_s).toString()))
            continue;
        refs.append(EngineTest::ref(item.value(u"id"_s).toString()));
    }
    return refs;
}

inline QHash<QString, QJsonObject> itemsById(SandboxProcess &sandbox)
{
    QHash<QString, QJsonObject> items;
    for (const QJsonObject &item : EngineTest::treeItems(sandbox))
        items.insert(item.value(u"id"_s).toString(), item);
    return items;
}

/// Every Done file is in the sandbox's uploads with Drive's md5 (binaries) and every upload under `prefix`
/// belongs to a Done file: nothing that is not complete sits at a final path. Returns "" or what is wrong.
inline QString checkLanded(SandboxProcess &sandbox, const Transfer::Report &report, const QString &prefix,
                           int *doneCount = nullptr)
{
    const QJsonObject up = uploads(sandbox);
    const QHash<QString, QJsonObject> items = itemsById(sandbox);
    QSet<QString> expected;
    int done = 0;
    for (const Transfer::FileStatus &f : report.files)
    {
        if (f.state != Transfer::FileState::Done)
            continue;
        ++done;
        const QString key = uploadKey(f.destinationPath);
        expected.insert(key);
        if (!up.contains(key))
            return u"not in uploads: "_s + key;
        if (!f.exportMimeType.isEmpty())
            continue;
        const QJsonObject item = items.value(f.driveId);
        const QString want = item.value(u"md5"_s).toString();
        const QString got = up.value(key).toObject().value(u"md5"_s).toString();
        if (want.isEmpty() || want != got)
            return u"md5 of "_s + key + u": Drive "_s + want + u", landed "_s + got;
    }
    for (auto it = up.begin(); it != up.end(); ++it)
    {
        if (it.key().startsWith(prefix) && !expected.contains(it.key()))
            return u"orphan at a final path: "_s + it.key();
    }
    if (doneCount)
        *doneCount = done;
    return {};
}

/// What became of one sink fed directly (no engine) by feedSink().
struct SinkOutcome
{
    bool committed = false;
    bool failed = false;
    Net::Error error;
    QString location;
    qint64 written = 0;
    QByteArray md5; ///< lowercase hex of the bytes written
};

/// Writes `size` bytes of a fixed pattern into `sink` as fast as it takes them (readyForMore resumes), then
/// `beforeFinish()` (when given; false = do not finish) and finish(); waits for committed/failed or `timeoutMs`.
inline SinkOutcome feedSink(Dest::Sink *sink, qint64 size, int timeoutMs = 30000,
                            const std::function<bool()> &beforeFinish = {})
{
    SinkOutcome out;
    QByteArray chunk(256 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < chunk.size(); ++i)
        chunk[i] = char((i * 131 + 7) & 0xff);
    QCryptographicHash md5(QCryptographicHash::Md5);
    bool writing = false;
    const auto pump = [&] {
        if (writing || out.failed)
            return;
        writing = true;
        while (out.written < size)
        {
            const qint64 at = out.written % chunk.size();
            const qint64 n = std::min<qint64>(chunk.size() - at, size - out.written);
            const qint64 taken = sink->write(out.written, chunk.constData() + at, n);
            if (taken <= 0)
                break;
            md5.addData(QByteArrayView(chunk.constData() + at, taken));
            out.written += taken;
        }
        writing = false;
    };
    QObject context; // the connections end with this function
    QObject::connect(sink, &Dest::Sink::readyForMore, &context, pump);
    QObject::connect(sink, &Dest::Sink::committed, &context, [&out](const QString &where) {
        out.committed = true;
        out.location = where;
    });
    QObject::connect(sink, &Dest::Sink::failed, &context, [&out](const Net::Error &e) {
        out.failed = true;
        out.error = e;
    });
    pump();
    const bool allWritten = QTest::qWaitFor([&] { return out.written >= size || out.failed; }, timeoutMs);
    out.md5 = md5.result().toHex();
    if (!allWritten || out.failed || (beforeFinish && !beforeFinish()))
        return out;
    sink->finish();
    const bool settled = QTest::qWaitFor([&] { return out.committed || out.failed; }, timeoutMs);
    Q_UNUSED(settled) // the caller checks committed/failed
    return out;
}

inline QString describeFailures(const Transfer::Report &report)
{
    QString out;
    for (const Transfer::FileStatus &f : report.files)
    {
        if (f.state != Transfer::FileState::Done && f.state != Transfer::FileState::Skipped)
            out += f.drivePath + u": "_s + Transfer::fileStateName(f.state) + u" "_s + f.lastError.message + u"\n"_s;
    }
    return out;
}

} // namespace DestTest
