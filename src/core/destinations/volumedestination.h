// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/databricksdestination.h"

#include <QByteArray>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Net
{
class HttpPut;
class TokenProvider;
}

namespace Dest
{
class VolumeUploadPipe;

/**
 * A Unity Catalog Volume folder, written through the Files API 2.0 with no local copy:
 * every file is ONE streaming `PUT /api/2.0/fs/files<path>` with Content-Length = Drive's size, fed from
 * the Drive reply. By default that PUT is written by Net::HttpPut on its own socket: the Drive bytes go
 * into the socket's buffer as they come (at most pipeCapacity() queued, a few MiB per file). The older
 * path, QNetworkAccessManager reading a bounded ring buffer (VolumeUploadPipe), stays for a proxy a plain
 * socket cannot use (a caching proxy) and for comparison (setStreamTransport()). Small files and
 * exports (size unknown) are buffered in memory and PUT at finish(), where a failed PUT can be retried
 * from memory. Parent directories are created once per directory per run.
 *
 * Resume (issue 11): a multipart file announces durable() after each part with the session and the parts'
 * ETags as its state; suspend() leaves the session open, and a sink opened with that state continues at the
 * next part (volumemultipart.cpp). A single PUT cannot continue: those files start again (checkpointInterval()
 * 0). The tool's own small files: writeWhole() is one PUT overwrite=true (databrickswhole.cpp).
 */
class VolumeDestination final : public DatabricksDestination
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VolumeDestination)

public:
    /// `root` is "/Volumes/<catalog>/<schema>/<volume>[/sub/path]".
    VolumeDestination(QNetworkAccessManager *nam, Net::TokenProvider *tokens, const QUrl &host, const QString &root,
                      QObject *parent = nullptr);
    ~VolumeDestination() override;

    /// The absolute /Volumes/… path of a relative one.
    [[nodiscard]] QString volumePath(const QString &relativePath) const { return absolutePath(relativePath); }

    [[nodiscard]] Sink *openSink(const Target &target, ConflictPolicy policy) override;
    /// HEAD /api/2.0/fs/files<path>.
    void stat(const QString &path, QObject *context, DatabricksClient::Done done) override;

    enum class StreamTransport
    {
        Socket, ///< Net::HttpPut: our own HTTP/1.1 PUT on a QTcpSocket/QSslSocket (default)
        Qnam,   ///< QNetworkAccessManager::put() of a VolumeUploadPipe
    };
    void setStreamTransport(StreamTransport transport) { m_streamTransport = transport; }
    [[nodiscard]] StreamTransport streamTransport() const { return m_streamTransport; }

    /// Bytes queued per streaming file: in the socket (Socket) or the ring buffer (Qnam). Default 4 MiB.
    void setPipeCapacity(qint64 bytes) { m_pipeCapacity = bytes; }
    [[nodiscard]] qint64 pipeCapacity() const { return m_pipeCapacity; }
    /// Files up to this size are buffered in memory and PUT at finish() (default 1 MiB).
    void setBufferedLimit(qint64 bytes) { m_bufferedLimit = bytes; }
    [[nodiscard]] qint64 bufferedLimit() const { return m_bufferedLimit; }
    /// The single-PUT limit (5 GiB): larger files go through the multipart flow (databricks-api.md §4).
    void setSinglePutLimit(qint64 bytes) { m_singlePutLimit = bytes; }
    [[nodiscard]] qint64 singlePutLimit() const { return m_singlePutLimit; }
    /// Multipart part size (default 64 MiB). One part is buffered at a time: memory = one part per file.
    void setPartSize(qint64 bytes) { m_partSize = qMax<qint64>(1, bytes); }
    [[nodiscard]] qint64 partSize() const { return m_partSize; }

    /// "/Volumes/c/s/v/x" is a volume path with at least catalog, schema and volume.
    [[nodiscard]] static bool isVolumePath(const QString &path);

    void writeWhole(const QString &relativePath, const QByteArray &bytes,
                    std::function<void(const Net::Error &)> done) override;
    /// Streamed through a sink (SinkFeeder): the receipts of a large run are never read whole.
    void writeWholeFrom(const QString &relativePath, const QString &sourcePath,
                        std::function<void(const Net::Error &)> done) override;
    void readWhole(const QString &relativePath, qint64 maxBytes,
                   std::function<void(const QByteArray &, const Net::Error &)> done) override;
    void listNames(const QString &relativeFolder,
                   std::function<void(const QStringList &, const Net::Error &)> done) override;
    /// Issue 12: remove() is `DELETE /fs/files` then `DELETE /fs/directories` for the folders it emptied; the Files
    /// API has no move, so move() stays notSupported (the engine fetches the file again at its new path).
    void remove(const QString &relativePath, std::function<void(const Net::Error &)> done) override;

    /// A session the workspace no longer knows: a later sink given it starts over at once.
    void forgetSession(const QByteArray &session) { m_lostSessions.insert(session); }
    [[nodiscard]] bool sessionLost(const QByteArray &session) const { return m_lostSessions.contains(session); }

private:
    [[nodiscard]] QString rootProblem() const override;
    void makeRoot(std::function<void(const Net::Error &)> done) override;
    [[nodiscard]] QString cannotWriteText(const QString &detail) const override;
    [[nodiscard]] Existing existingFrom(const DatabricksResponse &response) const override;

    qint64 m_pipeCapacity = 4 * 1024 * 1024;
    qint64 m_bufferedLimit = 1024 * 1024;
    qint64 m_singlePutLimit = 5LL * 1024 * 1024 * 1024;
    qint64 m_partSize = 64LL * 1024 * 1024;
    StreamTransport m_streamTransport = StreamTransport::Socket;
    QSet<QByteArray> m_lostSessions;
};

/// One file on its way into a Volume (see VolumeDestination). Sequential: offsets arrive in order.
class VolumeSink final : public DatabricksSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VolumeSink)

public:
    /// `resume`: Target::resume; continued when it is this file's multipart state (see startOffset()).
    VolumeSink(VolumeDestination *destination, const QString &relativePath, qint64 expectedSize,
               ConflictPolicy policy, const Target::Partial &resume = {}, QObject *parent = nullptr);
    ~VolumeSink() override;

    void finish() override;
    /// resume.offset when its state names this path, size and part size and a session not known lost; else 0.
    /// The session itself is checked with the workspace before the first part: a session it no longer knows
    /// fails the sink (Transient, "resumeSessionLost") after durable(0, {}), and the next sink starts over.
    [[nodiscard]] qint64 startOffset() const override { return m_startOffset; }
    /// The part size for a multipart file; 0 for a single PUT (it cannot continue).
    [[nodiscard]] qint64 checkpointInterval() const override;
    /// Multipart: stops, leaving the session open for a later sink (while durable() has a listener). Else abort().
    void suspend() override;

    /// The absolute /Volumes/… path being written (settled after the keep-both check).
    [[nodiscard]] QString finalPath() const { return m_path; }

private:
    void begin() override;
    void nameSettled() override;
    qint64 take(const char *data, qint64 length) override;
    [[nodiscard]] QString outOfOrderText(qint64 offset) const override;
    [[nodiscard]] bool mayBeStored() const override;
    void dropUpload(bool removeFinal) override;
    [[nodiscard]] VolumeDestination *volume() const;
    [[nodiscard]] bool streaming() const;
    [[nodiscard]] bool multipart() const;
    void start();
    // Multipart (volumemultipart.cpp)
    qint64 takePart(const char *data, qint64 length);
    void initiateMultipart();
    void pumpMultipart();
    void uploadPart(int partNumber, const QByteArray &data, bool freshUrl);
    void completeMultipart();
    void abortMultipart();
    bool continueFrom(const Target::Partial &resume);
    void checkSession();
    void sessionGone(int httpStatus);
    [[nodiscard]] QByteArray resumeState() const;
    void startStreamingPut();
    void onStreamFinished();
    void startSocketPut();
    void onSocketPutFinished();
    qint64 writeSocket(const char *data, qint64 length);
    void sendLastByte();
    void putBuffered();
    void removeFinalPath();
    void failOnRefusedToken(int httpStatus);
    [[nodiscard]] QUrl filesUrl(bool withOverwrite) const;

    QByteArray m_buffer; ///< buffered mode: the whole file
    VolumeUploadPipe *m_pipe = nullptr;
    QPointer<QNetworkReply> m_reply;
    QPointer<Net::HttpPut> m_put;
    bool m_useSocket = false; ///< the streaming PUT goes through m_put, not m_pipe + QNAM
    bool m_holdingLastByte = false;
    char m_lastByte = 0; ///< held back until finish(): the server completes the upload only with it
    QByteArray m_bearerUsed; ///< of the streaming PUT, to tell a stale token from a refused one
    bool m_ready = false; ///< directory made and name settled
    bool m_uploaded = false; ///< the server answered 2xx: the bytes are at the final path
    // Multipart (files above the single-PUT limit)
    QByteArray m_session;
    QByteArray m_part;
    int m_partNumber = 0;
    bool m_partInFlight = false;
    QList<QPair<int, QByteArray>> m_etags;
    // Resume (volumemultipart.cpp)
    qint64 m_startOffset = 0;
    QString m_requestedPath; ///< m_path as asked (before a keep-both name): what a state must name
    QByteArray m_resumeSession; ///< the session being continued, until the workspace confirmed it
    QString m_resumePath; ///< the final path that session writes (a keep-both name included)
};

} // namespace Dest
