// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <limits>

namespace Net
{
/**
 * An incremental parser of ONE HTTP/1.1 response (status line, headers, body), fed with whatever bytes
 * the socket delivered, split anywhere. Pure: no I/O, no Qt event loop.
 *
 *   NeedMore ──feed()*──▶ Done      (status, headers and the whole body are here)
 *       │          └────▶ Failed    (malformed, oversized or, after closed(), truncated: errorString())
 *       └── closed(): the peer closed the connection; a body delimited by the close ends here (Done),
 *                     anything else unfinished is Failed ("truncated").
 *
 * Bodies are delimited by Content-Length, chunked transfer coding, or the close. 1xx interim responses are
 * skipped; 204 and 304 carry no body. Limits keep a hostile peer from making it grow: header lines,
 * header count and the body are bounded (a longer body fails instead of being cut silently).
 * With a body receiver (a large download, StreamReply) the body is handed on as it is parsed instead of kept,
 * and its size is the receiver's business.
 */
class HttpResponseParser
{
public:
    enum class State
    {
        NeedMore,
        Done,
        Failed,
    };

    struct Limits
    {
        qsizetype maxLineLength = 8 * 1024; ///< status line, one header line, one chunk-size line
        int maxHeaders = 100;
        qsizetype maxHeaderBytes = 64 * 1024; ///< all header lines together
        qint64 maxBody = 1024 * 1024;        ///< the answers of an upload are small JSON
    };

    HttpResponseParser() = default;
    explicit HttpResponseParser(const Limits &limits);

    /// Consumes `length` bytes. Returns the state after them; bytes after a complete response are ignored
    /// (extraBytes() counts them).
    State feed(const char *data, qint64 length);
    State feed(const QByteArray &data) { return feed(data.constData(), data.size()); }
    /// The peer closed the connection.
    State closed();
    /// Streams the body: each run of body bytes goes to `receiver` as it is parsed (chunk framing removed),
    /// nothing is kept and maxBody does not apply. Set before the first feed().
    void setBodyReceiver(std::function<void(const char *data, qint64 length)> receiver)
    {
        m_receiver = std::move(receiver);
        m_limits.maxBody = std::numeric_limits<qint64>::max(); // nothing is kept (and m_body stays empty)
    }

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isDone() const { return m_state == State::Done; }
    [[nodiscard]] bool hasFailed() const { return m_state == State::Failed; }
    /// Whether the status line of the final (non-1xx) response has arrived.
    [[nodiscard]] bool hasStatus() const { return m_status >= 200; }
    /// Whether the final response's status line and headers are complete (its body may follow).
    [[nodiscard]] bool hasHead() const { return m_status >= 200 && m_phase != Phase::StatusLine && m_phase != Phase::Headers; }

    [[nodiscard]] int status() const { return m_status; }
    [[nodiscard]] QByteArray reasonPhrase() const { return m_reason; }
    [[nodiscard]] const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }
    /// The first header of that name (case-insensitive), empty when absent.
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    [[nodiscard]] const QByteArray &body() const { return m_body; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] qint64 extraBytes() const { return m_extra; }

private:
    enum class Phase
    {
        StatusLine,
        Headers,
        BodyLength,
        BodyUntilClose,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Complete,
    };

    State fail(const QString &why);
    bool takeLine(const char *data, qint64 length, qint64 *pos, QByteArray *line, bool *complete);
    bool parseStatusLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    bool headersComplete();
    bool appendBody(const char *data, qint64 length);

    Limits m_limits;
    State m_state = State::NeedMore;
    Phase m_phase = Phase::StatusLine;
    QByteArray m_line; ///< a line not yet ended by CRLF
    int m_status = 0;
    QByteArray m_reason;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    qsizetype m_headerBytes = 0;
    QByteArray m_body;
    std::function<void(const char *, qint64)> m_receiver;
    qint64 m_remaining = 0; ///< of the Content-Length body or of the current chunk
    qint64 m_extra = 0;
    QString m_error;
};

} // namespace Net
