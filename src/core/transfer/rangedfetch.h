// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/drivefile.h"
#include "net/error.h"
#include "transfer/filetransfer.h"
#include "transfer/snapshot.h"
#include "transfer/streamplanner.h"

#include <QByteArray>
#include <QElapsedTimer>
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
namespace Transfer
{
class BodyStream;
class HashLine;

/**
 * One large file fetched as ranged GETs, each on its own HTTP/1.1 connection (Drive's throughput is per
 * connection), each written in place into a random-access sink as it arrives. How many at once is the
 * StreamPlanner's (streamplanner.h): `--streams N` forces N; by default one, more while they raise the rate and
 * the CPU has room for them (this thread's CPU time and the process's are sampled with the bytes).
 * The streams take the file's chunks in order, each cut when it is asked for: the part not yet asked for
 * divided by twice the streams (16 while the planner may still add), at least 16 MiB (each GET is a request
 * against Drive's quota) unless that leaves streams without one, so chunks shrink toward the end. Chunks asked
 * for at once (a step up) grow across the wave by what a stream moves while the hash gets through one chunk,
 * so they end in file order and the hash keeps up. Once every byte is asked for, a stream with nothing
 * left splits the part with the most bytes to come (split()): that part's GET stops at the cut
 * (BodyStream::shorten()) and the second half is a new part, so the streams finish together. A stream asks for
 * its next chunk one first-byte time before its chunk ends (on another connection), so the request's latency
 * overlaps the last bytes.
 * The hash follows the contiguous written prefix: bytes that land at its end (the stream covering it) are
 * hashed as they arrive; bytes that landed past it (a later chunk's stream ahead of an earlier one) are read
 * back from the sink (page cache) once the prefix reaches them. A file that keeps one stream is never read
 * back; chunks in order keep the prefix close behind the network, so the file is verified soon after its last
 * part lands.
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
                HashLine *hash, const RunOptions &options, QObject *parent = nullptr);
    ~RangedFetch() override;

    void start();
    /// Drops the requests in flight; written bytes stay; resume() asks for the rest of each part.
    void pause();
    void resume();
    void abort();

    [[nodiscard]] qint64 received() const;
    [[nodiscard]] qint64 hashed() const { return m_hashed; }
    [[nodiscard]] int retries() const { return m_retries; }
    [[nodiscard]] int parts() const { return int(m_parts.size()); }
    /// How many streams the planner wants now (logs, tests).
    [[nodiscard]] int streams() const { return m_planner.streams(); }

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
        qint64 askedMs = -1; ///< when the GET in flight was asked for, until its first byte
        bool tailing = false; ///< its last bytes are on their way: the next chunk was asked for already
        bool done = false;
        [[nodiscard]] qint64 length() const { return end - start + 1; }
    };

    void fill();
    /// The size of the next chunk, the `inWave`-th of `wave` asked for at once when `waveLeft` bytes were left.
    [[nodiscard]] qint64 nextChunk(int inWave, int wave, qint64 waveLeft) const;
    /// A new part at [start, end], at `at` in m_parts (which stays in file order); not requested yet.
    Part *addPart(qint64 start, qint64 end, std::size_t at);
    /// Cuts the part with the most bytes to come in two; the new second part, or nullptr when none is worth it.
    Part *split();
    /// Where the part's bytes read so far end (file offset).
    [[nodiscard]] static qint64 readTo(const Part &part);
    void onWrote(Part &part, qint64 bytes);
    void plan();
    void request(Part &part);
    void onPartFinished(Part &part, const Net::Error &error);
    void dropStream(Part &part);
    void fail(const Net::Error &error);
    /// The next bytes of the file, at m_hashed, to the hash.
    void hash(const QByteArray &buffer, qint64 pos, qint64 length);
    /// Reads back and hashes what landed past the frontier and is now contiguous with it.
    void advanceHash();
    void checkDone();

    TransferContext m_ctx;
    Drive::DriveFile m_file;
    Dest::Sink *m_sink;
    HashLine *m_hash;
    RunOptions m_options;
    std::vector<std::unique_ptr<Part>> m_parts;
    qint64 m_hashed = 0;
    qint64 m_asked = 0; ///< bytes [0, m_asked) are in parts; the rest is not asked for yet
    StreamPlanner m_planner;
    QTimer m_planTimer; ///< samples the file's bytes for the planner
    QElapsedTimer m_clock;
    qint64 m_firstByteMs = -1; ///< the latest request's time to its first byte
    qint64 m_aheadBytes = 0;   ///< a stream's bytes in one first-byte time: ask for the next chunk this early
    bool m_hashScheduled = false;
    bool m_paused = false;
    bool m_finished = false;
    int m_retries = 0;
    int m_nextIndex = 0; ///< the next part's index (logs)
};

} // namespace Transfer
