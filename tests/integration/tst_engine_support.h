// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the tst_engine_* integration tests: run the real engine (EngineHost, worker thread, own QNAM)
// against a SandboxProcess into a temp folder and wait for its Report.

#include "net/tokenprovider.h"
#include "destinations/localdestination.h"
#include "filetree.h"
#include "sandboxprocess.h"
#include "transfer/enginehost.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace EngineTest
{
using namespace Qt::StringLiterals;

inline const QByteArray Token = "sandbox-static-token-0123456789";

/// Hands out a wrong token until refresh() is called, then the good one (the refresh path, without OAuth).
class ExpiringTokenProvider final : public Net::TokenProvider
{
    Q_OBJECT

public:
    ExpiringTokenProvider(QByteArray good, QObject *parent)
        : Net::TokenProvider(parent)
        , m_good(std::move(good))
    {
    }
    QByteArray accessToken() const override { return m_refreshed ? m_good : QByteArray("expired-token-abcdefgh"); }
    void refresh() override
    {
        ++refreshCount;
        QMetaObject::invokeMethod(this, [this] {
            m_refreshed = true;
            emit refreshed();
        }, Qt::QueuedConnection);
    }
    QString accountName() const override { return u"expiring@example.com"_s; }
    int refreshCount = 0;

private:
    QByteArray m_good;
    bool m_refreshed = false;
};

struct RunResult
{
    bool finished = false;
    Transfer::Report report;
    QList<Net::Error> runFailures;
    QList<QString> authRequired;
    QList<Transfer::Snapshot> snapshots;
};

enum class TokenKind
{
    Static,
    Expiring,
};

inline Transfer::RunOptions fastOptions()
{
    Transfer::RunOptions options;
    options.requestsPerSecond = 200;
    options.burst = 200;
    options.maxTries = 6;
    return options;
}

/// Runs one ingest against the Drive at `driveBase` (the sandbox, or a scripted server) to `destinationDir`
/// and waits for the report (or `timeoutMs`). `during` runs once the first snapshot arrived (to pause, cancel…).
inline RunResult runIngest(const QUrl &driveBase, const QList<Drive::DriveRef> &sources, const QString &destinationDir,
                           const Transfer::RunOptions &options, TokenKind token = TokenKind::Static,
                           int timeoutMs = 50000,
                           const std::function<void(Transfer::EngineHost &, const Transfer::Snapshot &)> &during = {})
{
    RunResult result;
    Transfer::EngineHost host;
    Transfer::EngineHost::Setup setup;
    setup.endpoints = Net::Endpoints::sandbox(driveBase);
    setup.options = options;
    setup.googleToken = [token](QNetworkAccessManager *, QObject *parent) -> Net::TokenProvider * {
        if (token == TokenKind::Expiring)
            return new ExpiringTokenProvider(Token, parent);
        return new Net::StaticTokenProvider(Token, u"sandbox"_s, parent);
    };
    setup.destination = [destinationDir](QNetworkAccessManager *, QObject *parent) -> Dest::Destination * {
        return new Dest::LocalDestination(destinationDir, parent);
    };
    QObject::connect(&host, &Transfer::EngineHost::snapshot, &host, [&](const Transfer::Snapshot &s) {
        result.snapshots.append(s);
        if (during && result.snapshots.size() == 1)
            during(host, s);
    });
    QObject::connect(&host, &Transfer::EngineHost::finished, &host, [&](const Transfer::Report &r) {
        result.report = r;
        result.finished = true;
    });
    QObject::connect(&host, &Transfer::EngineHost::runFailed, &host,
                     [&](const Net::Error &e) { result.runFailures.append(e); });
    QObject::connect(&host, &Transfer::EngineHost::authRequired, &host,
                     [&](const QString &account, const QString &) { result.authRequired.append(account); });
    host.startRun(setup, sources);
    // Callers check result.finished (QTRY_VERIFY cannot return a value).
    const bool done = QTest::qWaitFor([&] { return result.finished; }, timeoutMs);
    Q_UNUSED(done)
    return result;
}

inline RunResult runIngest(SandboxProcess &sandbox, const QList<Drive::DriveRef> &sources, const QString &destinationDir,
                           const Transfer::RunOptions &options, TokenKind token = TokenKind::Static,
                           int timeoutMs = 50000,
                           const std::function<void(Transfer::EngineHost &, const Transfer::Snapshot &)> &during = {})
{
    return runIngest(sandbox.baseUrl(), sources, destinationDir, options, token, timeoutMs, during);
}

/// A sandbox serving `tree` (the children of one My Drive folder named `root`, its demo root) from a manifest
/// written into `folder`, with a static token and `threads` server threads, started; null when it did not start.
inline std::unique_ptr<SandboxProcess> sandboxWithFolder(const QString &folder, const QString &root,
                                                         const QJsonArray &tree, int threads)
{
    const QJsonObject manifest {{u"demo_root"_s, root},
                                {u"my_drive"_s, QJsonArray {QJsonObject {{u"name"_s, root}, {u"children"_s, tree}}}}};
    QFile f(folder + u"/manifest.json"_s);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(manifest).toJson()) <= 0)
        return {};
    f.close();
    auto sandbox = std::make_unique<SandboxProcess>(QStringList {u"--manifest"_s, f.fileName(), u"--static-token"_s,
                                                                 QString::fromLatin1(Token), u"--threads"_s,
                                                                 QString::number(threads)});
    if (sandbox->start())
        return sandbox;
    qWarning() << "sandbox did not start:" << sandbox->errorString();
    return {};
}

inline Drive::DriveRef ref(const QString &id)
{
    Drive::DriveRef r;
    r.id = id;
    return r;
}

/// Every item of the sandbox tree (GET /_sandbox/tree).
inline QList<QJsonObject> treeItems(SandboxProcess &sandbox)
{
    QList<QJsonObject> items;
    const QJsonArray array = sandbox.get(u"/_sandbox/tree"_s).json().value(u"items"_s).toArray();
    for (const QJsonValue &v : array)
        items.append(v.toObject());
    return items;
}

/// The first non-trashed binary file whose size is in [minSize, maxSize].
inline QJsonObject findBinary(SandboxProcess &sandbox, qint64 minSize, qint64 maxSize, const QStringList &avoidIds = {})
{
    for (const QJsonObject &item : treeItems(sandbox))
    {
        const QString mime = item.value(u"mimeType"_s).toString();
        const qint64 size = item.value(u"size"_s).toVariant().toLongLong();
        if (mime.startsWith(u"application/vnd.google-apps."_s) || item.value(u"trashed"_s).toBool())
            continue;
        if (!item.value(u"driveId"_s).toString().isEmpty() || !item.value(u"faults"_s).toObject().isEmpty())
            continue;
        if (avoidIds.contains(item.value(u"id"_s).toString()))
            continue;
        if (size >= minSize && size <= maxSize)
            return item;
    }
    return {};
}

using TestTree::filesUnder;
using TestTree::md5Of;

inline QStringList partialsUnder(const QString &root)
{
    QStringList partials;
    for (const QString &f : filesUnder(root))
    {
        if (f.endsWith(u".partial"_s))
            partials << f;
    }
    return partials;
}

/// Media requests the sandbox logged for `fileId`, as (status, range) pairs.
inline QList<QPair<int, QString>> mediaRequests(SandboxProcess &sandbox, const QString &fileId)
{
    QList<QPair<int, QString>> out;
    const QJsonArray log = sandbox.stats().value(u"log"_s).toArray();
    for (const QJsonValue &v : log)
    {
        const QJsonObject e = v.toObject();
        if (e.value(u"route"_s).toString() == u"drive.files.media"_s && e.value(u"path"_s).toString().contains(fileId))
            out.append({e.value(u"status"_s).toInt(), e.value(u"range"_s).toString()});
    }
    return out;
}

inline const Transfer::FileStatus *recordFor(const Transfer::Report &report, const QString &driveId)
{
    for (const Transfer::FileStatus &f : report.files)
    {
        if (f.driveId == driveId)
            return &f;
    }
    return nullptr;
}

} // namespace EngineTest
