// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/destination.h"
#include "drive/drivefile.h"
#include "net/error.h"
#include "net/retrypolicy.h"
#include "transfer/bodycheck.h"
#include "transfer/hashline.h"
#include "transfer/snapshot.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Net
{
class TokenProvider;
}
namespace Drive
{
class DriveClient;
}
namespace Net
{
class BandwidthLimiter;
class ConnectionPool;
class Pacer;
struct RequestCounters;
}
namespace Util
{
class StreamHasher;
}

namespace Transfer
{
class BodyStream;
class RangedFetch;

/// What every file of a run shares; owned by the Engine, outlives every FileTransfer.
struct TransferContext
{
    QNetworkAccessManager *nam = nullptr;
    Net::ConnectionPool *bodies = nullptr; ///< every body GET: a connection of its own (nullptr: on `nam`)
    Net::TokenProvider *token = nullptr;
    Net::Pacer *pacer = nullptr;
    Drive::DriveClient *drive = nullptr;
    Dest::Destination *destination = nullptr;
    Net::RequestCounters *counters = nullptr; ///< shared with the DriveClient's metadata calls
    quint64 *sinkStalls = nullptr;            ///< times a sink pushed back (limiting factor "disk"/destination)
    Net::BandwidthLimiter *limiter = nullptr; ///< the run's one byte budget; every body read asks it first
};

/// One file to move: what Drive says about it and where it goes.
struct TransferJob
{
    Drive::DriveFile file;
    QString relativePath;   ///< from PathMapper; export extension already appended
    QString exportMimeType; ///< non-empty: a Google file exported to this type
    /// Where an earlier run left this file (issue 11, from the journal): the sink's durable bytes, its state
    /// and the hash state there. offset 0: from the start.
    struct Continuation
    {
        qint64 offset = 0;
        QByteArray sinkState;
        QByteArray hashState;
    } resume;
    /// A policy of its own instead of the run's (issue 12: a file Drive changed since the job landed it is
    /// replaced, once verified, whatever the run's policy).
    std::optional<Dest::ConflictPolicy> conflict;
};

/**
 * One file's trip (DESIGN.md "One file's trip") as an explicit state machine over Phase:
 *
 *   start()
 *     │ the conflict policy needs to know what is there
 *     ├──────────────────────▶ Probing ── same file / dry run ──────────────────────────▶ Finished (Skipped)
 *     │                          │ nothing there, or something to replace
 *     ▼                          ▼
 *   open the sink ─────────▶ Fetching ── one BodyStream from `received` (small file, resumed tail, export)
 *     ▲   ▲                   │  │  │    or a RangedFetch (large file: N BodyStreams over own connections)
 *     │   │   retry timer     │  │  │
 *     │   └──── RetryWait ◀───┘  │  └── body complete ─▶ verify size + hash ── ok ─▶ Committing ─▶ Finished (Done)
 *     │   Transient/Throttled    │                              │ mismatch (tries left)       │ sink failed
 *     │   (backoff: Range resume │ Auth (first time)            ▼                             ▼
 *     │   or export from 0)      └──▶ Refreshing ─▶ Fetching   restart from 0              Failed / RetryWait
 *     └──────────── restart from 0: server ignored Range, checksum mismatch, export link, restartable sink
 *
 *   Quota ─▶ Finished (Parked); Permanent, Local, retries spent ─▶ Finished (Failed) (Local: the Engine stops
 *   the run); cancel() ─▶ Finished (Cancelled). pause() from Probing, Fetching, RetryWait or Refreshing ─▶
 *   Paused (the sink and the bytes so far stay); resume() goes on where pause() stopped.
 *
 * The body is paced, streamed on readyRead into the sink with the reply's read buffer as the memory bound and
 * hashed while streaming (bodystream.h). Emits finished() exactly once.
 */
class FileTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileTransfer)

public:
    enum class Phase
    {
        Idle,       ///< constructed, start() not called yet
        Probing,    ///< asking the destination what is at the path
        Fetching,   ///< a BodyStream or a RangedFetch is moving the body into the sink
        RetryWait,  ///< a failed attempt waits for its backoff
        Refreshing, ///< the token was refused: waiting for the one refresh of this file
        Paused,     ///< stopped by pause(); m_pausedIn says where resume() goes on
        Committing, ///< size and hash verified: the sink publishes the file
        Finished,   ///< finished() is on its way; nothing more happens
    };
    Q_ENUM(Phase)

    FileTransfer(const TransferContext &context, const TransferJob &job, const RunOptions &options,
                 QObject *parent = nullptr);
    ~FileTransfer() override;

    void start();
    /// Stops reading and drops the request; the sink and the bytes so far are kept for resume().
    void pause();
    void resume();
    /// Drops everything; the sink leaves nothing behind. finished(Cancelled) follows (queued).
    void cancel();
    /// The run was interrupted (Ctrl-C, Stop): like cancel() but the sink keeps what is durable
    /// (Sink::suspend()) for a later run; no finished() follows.
    void suspend();

    [[nodiscard]] qint64 bytesDone() const;
    [[nodiscard]] qint64 bytesTotal() const { return m_job.file.size >= 0 && m_job.exportMimeType.isEmpty() ? m_job.file.size : -1; }
    [[nodiscard]] int retries() const;
    [[nodiscard]] Net::Error lastError() const { return m_lastError; }
    [[nodiscard]] FileState state() const { return m_state; }
    [[nodiscard]] Phase phase() const { return m_phase; }

signals:
    void stateChanged(Transfer::FileState state);
    /// Every move of the state machine above (tests and logs; the Engine follows stateChanged()).
    void phaseChanged(Transfer::FileTransfer::Phase phase);
    void finished(Transfer::FileState state, const Net::Error &error, const QString &hash, const QString &finalLocation);
    /// The token was refused and could not be refreshed.
    void authFailed(const QString &reason);
    /// The sink made [0, offset) durable: a later run continues from there with these states.
    void durable(qint64 offset, const QByteArray &sinkState, const QByteArray &hashState);

private:
    void setState(FileState state);
    void setPhase(Phase phase);
    void onProbed(Dest::ConflictPolicy policy, const std::optional<Dest::Existing> &existing);
    void openSinkAndFetch(Dest::ConflictPolicy policy);
    void connectSink();
    void restartFromZero();
    /// The body again after a retry or a refresh: a Range resume of the single stream, else from 0.
    void fetchAgain();
    void startStream();
    void onStreamFinished(const Net::Error &error);
    void onRangedFinished(const Net::Error &error);
    void onSinkFailed(const Net::Error &error);
    void verify();
    /// A failed body attempt: a restart from 0 for a Range ignored or an export over its limit, else what the
    /// file's Net::RetryPolicy decides (retry after its pause, refresh the token once, park, fail).
    void react(const Net::Error &error);
    void retryAfter(std::chrono::milliseconds delay);
    /// After a refused token (the file's one refresh, Net::RetryPolicy): Refreshing, then the body again.
    void refreshToken();
    void finishWith(FileState state, const Net::Error &error);
    /// Finished: no fetch, the sink stopped by `stopSink` (abort(), or suspend() to keep what is durable).
    void stopAll(void (Dest::Sink::*stopSink)());
    void dropFetch();
    [[nodiscard]] QNetworkRequest buildRequest(qint64 from) const;
    [[nodiscard]] BodyExpectation bodyExpectation(qint64 from) const;
    [[nodiscard]] bool useSha256() const;
    /// durable() has a listener: the sink's checkpoints and the hash states at them are worth making.
    [[nodiscard]] bool keepsCheckpoints() const;
    [[nodiscard]] bool useRanges() const;

    TransferContext m_ctx;
    TransferJob m_job;
    RunOptions m_options;
    FileState m_state = FileState::Queued;
    Phase m_phase = Phase::Idle;
    Phase m_pausedIn = Phase::Idle; ///< the phase pause() interrupted

    Dest::Sink *m_sink = nullptr;
    BodyStream *m_stream = nullptr;  ///< the single stream's GET in flight
    RangedFetch *m_ranged = nullptr; ///< large files: parts over separate connections
    std::unique_ptr<HashLine> m_hashLine; ///< with the state at the sink's checkpoints
    Net::RetryPolicy m_retry;     ///< the body's: retry, refresh once, park, fail (slows the Drive pacer)
    Net::RetryPolicy m_sinkRetry; ///< restarts after a stream sink broke (the destination's errors)
    QTimer m_retryTimer;

    qint64 m_received = 0; ///< single stream: bytes the sink took and the hasher saw (the next Range start)
    QByteArray m_bearerUsed; ///< the single stream's last bearer (empty: none sent, or a ranged fetch)
    bool m_useExportLink = false; ///< over the export endpoint's limit: the exportLinks URL from now on
    bool m_noRanges = false;      ///< the server ignored Range once: single stream from then on
    int m_checksumTries = 0;
    int m_retries = 0;
    Net::Error m_lastError;
    QString m_hash;
};

} // namespace Transfer
