// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/drivefile.h"
#include "net/error.h"
#include "transfer/filetransfer.h"
#include "transfer/snapshot.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace Dest
{
class Sink;
}
namespace Net
{
class RetryPolicy;
}
namespace Util
{
class StreamHasher;
}

namespace Transfer
{
class BodyStream;
class HashCheckpoints;

/**
 * One large file fetched as N ranged GETs at once, each on its own HTTP/1.1 connection (Drive's
 * throughput is per connection), each written in place into a random-access sink as it arrives. The N
 * streams take the file's chunks (at least 1 MiB, about 4 per stream) in order.
 * The hash follows the contiguous written prefix by reading those bytes back (page cache), so the file
 * is verified the moment its last part lands, with no extra pass at the end.
 * Each part is one BodyStream at a time (bodystream.h). A part that breaks resumes on its own from its last
 * good byte (Transient/Throttled, with backoff); any other error ends the fetch with that error.
 * finished() comes once.
 */
class RangedFetch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangedFetch)

public:
    RangedFetch(const TransferContext &context, const Drive::DriveFile &file, Dest::Sink *sink,
                Util::StreamHasher *hasher, const RunOptions &options, QObject *parent = nullptr);
    ~RangedFetch() override;

    void start();
    /// The hasher is fed through these (issue 11): the hash state at each of the sink's checkpoints.
    void setCheckpoints(HashCheckpoints *checkpoints) { m_checkpoints = checkpoints; }
    /// Drops the requests in flight; written bytes stay; resume() asks for the rest of each part.
    void pause();
    void resume();
    void abort();

    [[nodiscard]] qint64 received() const;
    [[nodiscard]] qint64 hashed() const { return m_hashed; }
    [[nodiscard]] int retries() const { return m_retries; }
    [[nodiscard]] int parts() const { return int(m_parts.size()); }

signals:
    /// No error: every byte is written and hashed. Otherwise the error that ended the fetch.
    void finished(const Net::Error &error);

private:
    struct Part
    {
        int index = 0;
        qint64 start = 0;
        qint64 end = 0;     ///< inclusive
        qint64 written = 0; ///< bytes written from start
        BodyStream *stream = nullptr; ///< the GET in flight for the rest of the part
        std::unique_ptr<Net::RetryPolicy> retry; ///< this part's tries (Transient, Throttled)
        QTimer retryTimer;
        bool started = false;
        bool done = false;
        [[nodiscard]] qint64 length() const { return end - start + 1; }
    };

    void fill();
    void request(Part &part);
    void onPartFinished(Part &part, const Net::Error &error);
    void dropStream(Part &part);
    void fail(const Net::Error &error);
    void advanceHash();
    void checkDone();

    TransferContext m_ctx;
    Drive::DriveFile m_file;
    Dest::Sink *m_sink;
    Util::StreamHasher *m_hasher;
    HashCheckpoints *m_checkpoints = nullptr;
    RunOptions m_options;
    std::vector<std::unique_ptr<Part>> m_parts;
    QByteArray m_hashBuffer;
    qint64 m_hashed = 0;
    int m_streams = 1;
    bool m_hashScheduled = false;
    bool m_paused = false;
    bool m_finished = false;
    int m_retries = 0;
};

} // namespace Transfer
