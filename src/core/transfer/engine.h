// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/driveref.h"
#include "drive/drivefile.h"
#include "net/endpoints.h"
#include "transfer/changeplan.h"
#include "transfer/filerecord.h"
#include "transfer/filetransfer.h"
#include "transfer/nameplan.h"
#include "transfer/ratewindow.h"
#include "transfer/runjournal.h"
#include "transfer/runstats.h"
#include "transfer/snapshot.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>
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

class QTemporaryFile;

namespace Transfer
{
/**
 * Owns one run on the worker thread: lists the sources, queues every file, keeps RunOptions::parallel
 * FileTransfers in flight, and reports a Snapshot every second and a Report at the end. Every file's state
 * lives in its FileRecord (filerecord.h), which its FileTransfer reports to; where files land is NamePlan's,
 * the rate and the limiting factor RunStats'.
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

    /// The run as it stood at the last tick (a file's progress and the rate move once a second), with the
    /// files changed since the previous tick and every active one (`allFiles`: every file). Changes nothing.
    [[nodiscard]] Snapshot currentSnapshot(bool allFiles = false) const;
    [[nodiscard]] bool isFinished() const { return m_finished; }

signals:
    void snapshot(const Transfer::Snapshot &snapshot);
    void finished(const Transfer::Report &report);
    void authRequired(const QString &account, const QString &reason);
    void runFailed(const Net::Error &error);
    /// Something the user should read that does not stop the run (a damaged journal moved aside).
    void notice(const QString &text);

private:
    /// A file in flight: its transfer and what only lives while it moves.
    struct Active
    {
        FileTransfer *transfer = nullptr;
        RateWindow rate;
        QElapsedTimer clock;
        /// Counts in m_active. A file paused on its own gives its slot back, so the queue moves on.
        bool holdsSlot = false;
    };

    void startListing(const QList<Drive::DriveRef> &sources);
    void onFolderListed(const QStringList &segments, const QStringList &folderIds, const QList<Drive::DriveFile> &children);
    void onFileFound(const QStringList &segments, const QStringList &folderIds, const Drive::DriveFile &file);
    void onItemFailed(const QString &driveId, const QString &what, const Net::Error &error);
    void addFile(const NamePlan::Placed &placed);
    void schedule();
    /// Holds the walkers' next queries while RunOptions::queueWindow files wait (lets go at half): memory holds a
    /// window of the queue, not the whole tree (issue 11).
    void paceListing();
    void startTransfer(FileRecord &record);
    /// Stops following a transfer (it is deleted later) and gives its slot back; its record stays as it is.
    void dropTransfer(quint64 key);
    void releaseSlot(Active &active);
    void resumeTransfer(Active &active);
    void onTransferFinished(quint64 key, FileState state, const Net::Error &error, const QString &hash,
                            const QString &finalLocation);
    void stopRun(const Net::Error &error);
    void maybeFinish();
    void finishRun();
    /// Reads every transfer's progress into its record and moves the run's statistics on.
    void sampleProgress();
    /// The records a tick reports and journals: changed since the last tick, or in flight; in the order found.
    [[nodiscard]] QList<quint64> touchedKeys() const;
    void tick();
    // The journal and the receipts (enginejournal.cpp, issue 11).
    /// Opens the journal when RunOptions::journalPath is set; false when it failed (the run stopped).
    bool openJournal(const QList<Drive::DriveRef> &sources);
    /// A file the journal knows: done in an earlier run (skipped at once, true) or continued from its
    /// durable bytes (Target::resume), or dropped because Drive changed it since.
    bool applyJournal(FileRecord &record);
    /// Queues every changed or active record's row.
    void journalChanges();
    /// A file this run touched, a line in the receipts file (beside the journal, opened at the first): written when
    /// the record is spilled or, for those kept to the end, by closeJournal().
    void writeReceipt(const FileRecord &record, const FileStatus &status);
    /// The run's receipts at `_drive_ingest/runs/<run id>.jsonl`, the journal's run ended; then `done`. `kept`: the
    /// statuses of the records never spilled (m_records, in the same order).
    void closeJournal(const Report &report, const QList<FileStatus> &kept, std::function<void()> done);
    // Incremental runs from the changes feed (enginechanges.cpp, issue 12).
    /// A TreeWalker wired to this engine (its folders recorded in the journal); listing starts with add().
    Drive::TreeWalker *newWalker();
    /// After the destination check: the changes since the last completed run when the journal has tokens,
    /// else (first run, rejected token) the tokens first, then a full listing.
    void startSources(const QList<Drive::DriveRef> &sources);
    void crawl(const QList<Drive::DriveRef> &sources);
    void applyChanges(const QList<Drive::Change> &changes);
    /// A file of the job that Drive no longer shows in scope: reported removed; its copy deleted with --mirror.
    void removeLanded(const Journal::FileRow &row);
    /// A move or removal the destination refused (issue 12): a failed record for that file only, in the report.
    void noteChangeFailed(const Journal::FileRow &row, const Net::Error &error);
    /// --mirror: queues the destination's removal of a landed copy; the row becomes "deleted" or "removed" (notDeleted's %1: why).
    void deleteCopy(const Journal::FileRow &row, const QString &deleted, const QString &notDeleted);
    /// A dry run's word on a file the rerun would move or remove (a skipped record with `text`).
    void noteDryRun(const Journal::FileRow &row, const QString &text);
    /// The transfer's sink made [0, offset) durable: the record (and so the journal) keeps where to go on.
    void recordDurable(quint64 key, qint64 offset, const QByteArray &sinkState, const QByteArray &hashState);

    Services m_services;
    RunOptions m_options;
    TransferContext m_context;
    Net::Pacer *m_pacer = nullptr;
    Drive::DriveClient *m_drive = nullptr;
    QList<Drive::TreeWalker *> m_walkers;
    FileRecords m_records;
    FileList m_settled; ///< the records spilled (FileRecords::spillSettled()): the report's files, kept on disk
    std::map<quint64, Active> m_transfers; ///< by FileStatus::key
    std::deque<quint64> m_queue;
    NamePlan m_names;
    int m_active = 0;
    bool m_started = false;
    bool m_checked = false;
    bool m_paused = false;
    bool m_stopping = false;
    bool m_finished = false;
    bool m_listingHeld = false; ///< paceListing()
    QList<Drive::DriveRef> m_pendingSources; ///< added before the destination check finished

    std::unique_ptr<Net::RequestCounters> m_counters;
    quint64 m_sinkStalls = 0;
    Net::BandwidthLimiter *m_limiter = nullptr; ///< one per run: every body read of every file asks it
    RunStats m_stats;

    QTimer m_ticker;
    QElapsedTimer m_elapsed;
    QDateTime m_startedAt;
    std::unique_ptr<RunJournal> m_journal; ///< null: --no-journal, a dry run
    std::shared_ptr<QTemporaryFile> m_receipts; ///< writeReceipt()'s file; null until the first receipt
    qint64 m_receiptBytes = 0;
    bool m_receiptsFailed = false; ///< a line could not be written: said at the end
    std::unique_ptr<IncrementalRun> m_incremental; ///< null: no journal
    std::optional<Net::Error> m_stopError; ///< what stopRun() stopped the run for
};

} // namespace Transfer
