// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/destination.h"
#include "drive/drivefile.h"
#include "net/error.h"
#include "transfer/bodycheck.h"
#include "transfer/snapshot.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

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
class Backoff;
class BandwidthLimiter;
class Pacer;
struct RequestCounters;
}
namespace Util
{
class StreamHasher;
}

namespace Transfer
{
class RangedFetch;

/// What every file of a run shares; owned by the Engine, outlives every FileTransfer.
struct TransferContext
{
    QNetworkAccessManager *nam = nullptr;
    QList<QNetworkAccessManager *> partNams; ///< one per ranged stream index: own connection pools
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
};

/**
 * One file's trip (DESIGN.md "One file's trip"): probe for a conflict, open the sink, GET the body
 * (paced, streamed on readyRead into the sink with the reply's read buffer as the memory bound), hash
 * while streaming, verify size and hash, commit. Retries by the one error table: Transient → backoff and
 * resume with `Range: bytes=<received>-` (exports restart from 0); Throttled → pacer slows + Retry-After;
 * Auth → one token refresh; Quota → parked; Permanent → failed; hash mismatch → again from 0, then failed;
 * Local → failed with the Local class (the Engine stops the run). Emits finished() exactly once.
 */
class FileTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileTransfer)

public:
    FileTransfer(const TransferContext &context, const TransferJob &job, const RunOptions &options,
                 QObject *parent = nullptr);
    ~FileTransfer() override;

    void start();
    /// Stops reading and drops the request; the sink and the bytes so far are kept for resume().
    void pause();
    void resume();
    /// Drops everything; the sink leaves nothing behind. finished(Cancelled) follows (queued).
    void cancel();

    [[nodiscard]] qint64 bytesDone() const;
    [[nodiscard]] qint64 bytesTotal() const { return m_job.file.size >= 0 && m_job.exportMimeType.isEmpty() ? m_job.file.size : -1; }
    [[nodiscard]] int retries() const;
    [[nodiscard]] Net::Error lastError() const { return m_lastError; }
    [[nodiscard]] FileState state() const { return m_state; }

signals:
    void stateChanged(Transfer::FileState state);
    void finished(Transfer::FileState state, const Net::Error &error, const QString &hash, const QString &finalLocation);
    /// The token was refused and could not be refreshed.
    void authFailed(const QString &reason);

private:
    void setState(FileState state);
    void openSinkAndFetch(Dest::ConflictPolicy policy);
    void restartFromZero();
    /// After a refused token: asks the provider for a new one once per file and calls `then` with it.
    /// False when this file already had its refresh (or has no provider): the refusal stands.
    bool refreshTokenOnce(std::function<void()> then);
    void requestBody();
    void sendRequest();
    [[nodiscard]] BodyExpectation bodyExpectation() const;
    /// The body broke a rule of bodycheck.h: drop the reply, the error class decides (Permanent: failed).
    void failBody(const Net::Error &error);
    void onMetaData();
    void onReadyRead();
    void drain();
    /// Up to `wanted` bytes the run's bandwidth cap lets this transfer read now (0: wait for budgetAvailable).
    [[nodiscard]] qint64 readAllowance(qint64 wanted);
    void onReplyFinished();
    void onStall();
    void maybeVerify();
    void handleError(const Net::Error &error);
    void retryAfter(std::chrono::milliseconds delay);
    void finishWith(FileState state, const Net::Error &error);
    void dropReply();
    [[nodiscard]] QNetworkRequest buildRequest() const;
    [[nodiscard]] bool useSha256() const;
    [[nodiscard]] bool useRanges() const;
    void onRangedFinished(const Net::Error &error);

    TransferContext m_ctx;
    TransferJob m_job;
    RunOptions m_options;
    FileState m_state = FileState::Queued;

    Dest::Sink *m_sink = nullptr;
    RangedFetch *m_ranged = nullptr; ///< large files: parts over separate connections
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<Util::StreamHasher> m_hasher;
    std::unique_ptr<Net::Backoff> m_backoff;
    QTimer m_stallTimer;
    QTimer m_retryTimer;

    QByteArray m_buffer;      ///< one block read from the reply, being written to the sink
    qint64 m_pendingPos = 0;  ///< first byte of m_buffer not yet taken by the sink
    qint64 m_pendingLen = 0;  ///< bytes in m_buffer
    qint64 m_received = 0;    ///< bytes read from Drive and hashed (the next Range start)
    qint64 m_written = 0;     ///< bytes taken by the sink
    qint64 m_requestedFrom = 0;

    BodyExpectation m_expected; ///< what the request in flight may bring back
    QByteArray m_errorBody;
    int m_httpStatus = 0;
    bool m_statusChecked = false;
    bool m_replyDone = false;
    bool m_sinkBlocked = false;
    bool m_bandwidthWait = false; ///< the cap held a read back: drain again on budgetAvailable
    bool m_stalled = false;
    bool m_pausing = false;
    bool m_paused = false;
    bool m_finished = false;
    bool m_refreshedToken = false;
    bool m_useExportLink = false;
    bool m_waitingForCommit = false;
    bool m_noRanges = false; ///< the server ignored Range once: single stream from then on
    int m_checksumTries = 0;
    int m_retries = 0;
    Net::Error m_lastError;
    QString m_hash;
};

} // namespace Transfer
