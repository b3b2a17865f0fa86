// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/pathmapper.h"
#include "drive/driveref.h"
#include "drive/drivefile.h"
#include "net/endpoints.h"
#include "transfer/filetransfer.h"
#include "transfer/snapshot.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <map>
#include <memory>

class QNetworkAccessManager;

namespace Net
{
class TokenProvider;
}
namespace Dest
{
class Destination;
}
namespace Drive
{
class DriveClient;
class TreeWalker;
}
namespace Net
{
class BandwidthLimiter;
class Pacer;
struct RequestCounters;
}

namespace Transfer
{
/**
 * Owns one run on the worker thread: lists the sources, queues every file, keeps RunOptions::parallel
 * FileTransfers in flight, and reports a Snapshot every second and a Report at the end.
 *
 * Per-file states (snapshot.h FileState):
 *
 *                 add sources
 *                      │
 *                      ▼
 *   [listing] ──found──▶ [queued] ◀─────────── retryFile() ──────────────┐
 *   (a folder being      │   ▲                                           │
 *    expanded)           │   └──── resumeFile() ─── [paused] ◀──┐        │
 *                        │ a slot is free                       │        │
 *                        ▼                            pauseFile()        │
 *                 [transferring] ───────────────────────────────┘        │
 *                  │  │  │  │  ▲   Transient/Throttled: backoff, Range    │
 *                  │  │  │  │  └── resume (same state, retries += 1)     │
 *                  │  │  │  │                                            │
 *                  │  │  │  └── probe: same bytes already there ──▶ [skipped]
 *                  │  │  └───── Quota (downloadQuotaExceeded) ───▶ [parked] ──┤
 *                  │  └──────── Permanent / Auth / Local / tries out ─▶ [failed] ─┘
 *                  │ body complete
 *                  ▼
 *             [verifying] ── size+hash differ (< maxChecksumTries) ──▶ [transferring] from 0
 *                  │     └── differ again ──────────────────────────▶ [failed] "checksum mismatch"
 *                  │ match: Sink::finish() renames into place
 *                  ▼
 *               [done]
 *
 *   any unfinished state ── cancel()/cancelFile() ──▶ [cancelled]   (the sink leaves nothing behind)
 *
 * Run-level: pause() holds every active file ([paused]) and starts nothing new; a Local error (disk full)
 * cancels everything and emits runFailed(); an Auth error that a refresh cannot fix stops the account's
 * transfers and emits authRequired(). The run finishes when listing is over and no file is queued,
 * active or paused.
 */
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    struct Services
    {
        QNetworkAccessManager *nam = nullptr;
        Net::TokenProvider *token = nullptr;
        Dest::Destination *destination = nullptr;
        Net::Endpoints endpoints;
    };

    Engine(const Services &services, const RunOptions &options, QObject *parent = nullptr);
    ~Engine() override;

    void start(const QList<Drive::DriveRef> &sources);
    void addSources(const QList<Drive::DriveRef> &sources);
    void pause();
    void resume();
    void cancel();
    void pauseFile(quint64 key);
    void resumeFile(quint64 key);
    void cancelFile(quint64 key);
    void retryFile(quint64 key);
    void setParallel(int files);
    void setBandwidthLimit(qint64 bytesPerSecond);

    [[nodiscard]] Snapshot currentSnapshot(bool allFiles = false);
    [[nodiscard]] bool isFinished() const { return m_finished; }

signals:
    void snapshot(const Transfer::Snapshot &snapshot);
    void finished(const Transfer::Report &report);
    void authRequired(const QString &account, const QString &reason);
    void runFailed(const Net::Error &error);

private:
    struct Record
    {
        FileStatus status;
        TransferJob job;
        FileTransfer *transfer = nullptr;
        std::deque<std::pair<qint64, qint64>> samples; ///< (ms, bytes) over the last ~5 s
        QElapsedTimer clock;
        bool dirty = true;
        /// Counts in m_active. A file paused on its own gives its slot back, so the queue moves on.
        bool holdsSlot = false;
    };

    void startListing(const QList<Drive::DriveRef> &sources);
    void onFolderListed(const QStringList &segments, const QStringList &folderIds, const QList<Drive::DriveFile> &children);
    void onFileFound(const QStringList &segments, const QStringList &folderIds, const Drive::DriveFile &file);
    void onItemFailed(const QString &driveId, const QString &what, const Net::Error &error);
    void addFile(const Drive::DriveFile &file, const QString &relativePath, const QString &drivePath);
    /// A source's name at the destination's root, unique among the sources (empty: this id is there already).
    QString claimRootName(const QString &id, const QString &name, bool isFolder);
    quint64 addRecord(FileStatus status);
    void schedule();
    void startTransfer(Record &record);
    void releaseSlot(Record &record);
    void resumeTransfer(Record &record);
    void onTransferFinished(quint64 key, FileState state, const Net::Error &error, const QString &hash,
                            const QString &finalLocation);
    void stopRun(const Net::Error &error);
    void maybeFinish();
    void finishRun();
    void tick();
    [[nodiscard]] QString exportMimeFor(const Drive::DriveFile &file) const;
    [[nodiscard]] static bool isTerminal(FileState state);

    Services m_services;
    RunOptions m_options;
    TransferContext m_context;
    Net::Pacer *m_pacer = nullptr;
    Drive::DriveClient *m_drive = nullptr;
    QList<Drive::TreeWalker *> m_walkers;
    std::map<quint64, Record> m_records;
    std::deque<quint64> m_queue;
    QHash<QString, QString> m_folderPaths; ///< Drive folder id -> relative path on the destination
    Dest::SiblingNames m_rootNames;        ///< the sources are siblings at the destination's root
    QSet<QString> m_rootIds;               ///< the ids given a root name
    quint64 m_nextKey = 1;
    int m_active = 0;
    bool m_started = false;
    bool m_checked = false;
    bool m_paused = false;
    bool m_stopping = false;
    bool m_finished = false;
    QList<Drive::DriveRef> m_pendingSources; ///< added before the destination check finished

    std::unique_ptr<Net::RequestCounters> m_counters;
    quint64 m_sinkStalls = 0;
    quint64 m_lastRequests = 0;
    quint64 m_lastThrottled = 0;
    quint64 m_lastSinkStalls = 0;
    Net::BandwidthLimiter *m_limiter = nullptr; ///< one per run: every body read of every file asks it
    qint64 m_lastLimiterWaits = 0;
    qint64 m_lastTickMs = 0;
    std::deque<std::pair<qint64, qint64>> m_samples; ///< run bytes over ~5 s

    QTimer m_ticker;
    QElapsedTimer m_elapsed;
    QDateTime m_startedAt;
    Net::Error m_runError;
};

} // namespace Transfer
