// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/error.h"
#include "transfer/bodycheck.h"
#include "transfer/filetransfer.h"

#include <QByteArray>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkReply;

namespace Dest
{
class Sink;
}
namespace Transfer
{
class HashLine;
/**
 * ONE body GET: bytes [from, from + length) of one file, streamed into a sink at the same offsets. A small
 * file's body, a resumed tail, an export and each part of a ranged file are one BodyStream each; a retry is a
 * new BodyStream from where the last one's written() ended (the owner's Net::RetryPolicy decides).
 *
 *   start() ─▶ [pacer token] ─▶ build the request (fresh token) ─▶ URL allowed? ── no ──▶ Permanent "unsafeUrl"
 *                                                                       │ yes: GET, redirects guarded
 *                                                                       ▼
 *   head ── badHeaders, bodyTooLong, badContentRange (bodycheck.h) ─────────────────────▶ Permanent
 *        └─ 200 to a Range ─────────────────────────────────────────────────────────────▶ Permanent "rangeNotSupported"
 *                                                                       │ 2xx (206 to a Range)
 *                                                                       ▼
 *        ┌─▶ read ≤ bodyReadCap ≤ the bandwidth cap's allowance ─▶ sink.write(offset) ─▶ hasher ─▶ wrote(n)
 *        │     │ allowance 0: wait for budgetAvailable()    │ short write: wait for readyForMore()
 *        └─────┴────────────────────────────────────────────┘ a byte past the cap: Permanent "bodyTooLong"
 *                         no byte for stallTimeoutMs: Transient "stalled"
 *                                                                       │ reply ended, every byte read and taken
 *                                                                       ▼
 *   fewer than `length` bytes: Transient "truncated"; an error status: Net::classifyReply; else success
 *
 * finished() comes exactly once (None on success), also after stop() (Cancelled), never after the stream is
 * destroyed. The owner may deleteLater() the stream in its slot. A reply that ended while the cap still held its
 * last bytes back is settled once they are read. A sink that fails (write() < 0) silences the stream: the sink's
 * own failed() tells the owner.
 */
class BodyStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BodyStream)

public:
    struct Spec
    {
        /// The GET, built after the pacer's token so a refreshed bearer is used; carries the Range when `ranged`.
        std::function<QNetworkRequest()> makeRequest;
        QUrl origin;            ///< the Drive API base: only URLs Net::isServerUrlAllowed(origin, url) are opened
        qint64 from = 0;        ///< the first byte asked for; it goes to the sink at this offset
        qint64 length = -1;     ///< bytes the body must bring (fewer: "truncated"); -1 when unknown (exports)
        qint64 cap = -1;        ///< most bytes the body may bring (bodycheck.h); -1: none
        QString capText;        ///< what the cap is, for the message
        bool ranged = false;    ///< a Range was asked for: 206 is the answer, 200 means it was ignored
        qint64 readBufferSize = 1LL << 20;    ///< the reply's read buffer: the memory bound of this stream
        int stallTimeoutMs = 60000;
        HashLine *hash = nullptr; ///< fed every byte the sink takes, in order (nullptr: none)
        /// Shown every run of bytes the sink took, at its file offset: bytes [pos, pos + length) of `buffer`,
        /// before wrote() (a ranged part's bytes at the hash frontier go to the hash here, without a read-back).
        std::function<void(qint64 offset, const QByteArray &buffer, qint64 pos, qint64 length)> onTaken;
    };

    BodyStream(const TransferContext &context, Dest::Sink *sink, Spec spec, QObject *parent = nullptr);
    ~BodyStream() override;

    /// Waits for the pacer, then sends. Never finishes synchronously.
    void start();
    /// Ends the stream as Cancelled ("stopped"): first writes what the cap and the sink let through now.
    void stop();
    /// The body ends after `length` bytes from `from` (fewer than asked for: the rest went to another stream).
    /// Before the GET is sent its Range asks for that much (the owner's makeRequest builds it); after, the
    /// stream reads no further, and once the sink took them it finishes well and drops the connection. False,
    /// and nothing changes, when `length` is not shorter or the stream read past it already.
    bool shorten(qint64 length);
    /// What a ranged body's cap is, for a "bodyTooLong" message.
    [[nodiscard]] static QString rangeCapText(qint64 length);

    [[nodiscard]] qint64 written() const { return m_written; } ///< bytes the sink took, from `from` on
    [[nodiscard]] qint64 bytesRead() const { return m_read; }  ///< bytes read from the reply, from `from` on
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] const Spec &spec() const { return m_spec; }

signals:
    /// The sink took `bytes` more (written() grew by that much).
    void wrote(qint64 bytes);
    void finished(const Net::Error &error);

private:
    void send();
    void checkHead();
    void onReadyRead();
    void drain();
    [[nodiscard]] qint64 readAllowance(qint64 wanted);
    void onReplyFinished();
    void settle();
    void finish(const Net::Error &error);
    void dropReply();

    TransferContext m_ctx;
    QPointer<Dest::Sink> m_sink;
    Spec m_spec;
    BodyExpectation m_expected;
    QPointer<QNetworkReply> m_reply;
    QTimer m_stallTimer;
    QByteArray m_buffer;     ///< the last read from the reply (Qt's own block when it can), being written to the sink
    qint64 m_pendingPos = 0; ///< first byte of m_buffer the sink has not taken
    qint64 m_pendingLen = 0;
    qint64 m_read = 0;       ///< bytes read from the reply
    qint64 m_limit = -1;     ///< shorten() after the GET went out: read no further than this; -1: the answer's end
    qint64 m_written = 0;
    QByteArray m_errorBody;
    int m_status = 0;        ///< 0 until the head is checked
    bool m_statusOk = false; ///< the body is the file's bytes (not an error body)
    bool m_replyDone = false; ///< the reply ended well; bytes may still wait in it (cap) or in m_buffer (sink)
    bool m_stalled = false;
    bool m_bandwidthWait = false;
    bool m_sinkFailed = false;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace Transfer
