// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/destination.h"
#include "net/backoff.h"
#include "net/pacestate.h"
#include "net/error.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>

namespace Transfer
{
/// Per-file states; the diagram is in transfer/engine.h.
enum class FileState
{
    Queued,
    Listing,
    Transferring,
    Verifying,
    Done,
    Skipped,
    Failed,
    Cancelled,
    Paused,
    Parked, ///< quota: not retried in this run, "retry later" with the reason
};

[[nodiscard]] QString fileStateName(FileState state); ///< stable machine name: "queued", "done", "parked"…
/// Done, skipped, failed, cancelled or parked: nothing more happens to the file in this run unless retried.
[[nodiscard]] bool isTerminal(FileState state);
/// The file name extension for an export mime type ("docx" for Word…); empty when unknown (exportformats.h).
[[nodiscard]] QString exportExtension(const QString &exportMimeType);

struct RunOptions
{
    int parallel = 4;                       ///< files in flight
    static constexpr int MaxStreams = 16;   ///< ranged streams per file at most (as aria2's -x16)
    int streams = 0;                        ///< ranged streams per large file; 0: as many as help (streamplanner.h)
    /// HTTP/1.1 body connections in flight at most (whole QNAMs of 6, net/connectionpool.h); 0: one per body in
    /// flight. 6 is what one QNAM gave every body before issue 14 (benchmarks compare).
    int maxBodyConnections = 0;
    qint64 rangedThreshold = 64LL << 20;    ///< files above this may be split into ranged parts
    double requestsPerSecond = 10.0;        ///< Drive pacer rate to start at
    /// The pace is raised toward this while Drive does not throttle (`--qps-max`; Google's documented per-user
    /// quota, 12,000 a minute); at or below requestsPerSecond the pace stays fixed.
    double maxRequestsPerSecond = 200.0;
    int burst = 20;                         ///< Drive pacer burst
    qint64 readBufferSize = 1LL << 20;      ///< per reply: bounds memory
    qint64 bandwidthLimit = 0;              ///< bytes/s for the whole run; 0 = none
    int maxTries = 8;                       ///< per request
    QMap<QString, QString> exportFormats;   ///< Google mime type -> export mime type
    Dest::ConflictPolicy conflict = Dest::ConflictPolicy::Skip;
    bool dryRun = false;
    /// Files queued that the listing may run ahead of the transfers: past it the listing holds its next queries
    /// (Engine::paceListing()), so that a run holds a window of its queue, not the tree's records. 0: no limit.
    qsizetype queueWindow = 10000;
    int stallTimeoutMs = 60000;             ///< no body bytes for this long: a Transient "stalled" error
    int maxChecksumTries = 3;               ///< a hash mismatch restarts the file from 0 this often, then fails
    /// One request's pauses between retries add up to this at most, then it gives up (CLI --retry-timeout).
    std::chrono::milliseconds retryTimeout = Net::DefaultRetryTimeout;

    /// The retry policy of every request of the run: DESIGN.md's table with maxTries and retryTimeout.
    [[nodiscard]] Net::BackoffPolicy backoffPolicy() const;

    /// An exportLinks body longer than this fails the file ("bodyTooLong"). exportLinks have no documented
    /// cap (the export endpoint's is 10 MB); 1 GiB is far above Google's documented sizes for Docs editors
    /// files (a converted Doc 50 MB, Slides 100 MB) and still stops a body that never ends.
    qint64 maxExportBytes = 1LL << 30;

    /// The journal (issue 11): the SQLite file the engine opens on its own thread at start(); empty = no journal
    /// (`--no-journal`: the run starts from nothing and remembers nothing). Journal::Store::defaultPath() by
    /// default in both faces.
    QString journalPath;
    QString jobName; ///< `--job NAME`; empty: the job is known by its sources and destination
    bool verifyDone = false; ///< `--verify`: files done in an earlier run are checked at the destination again
    bool mirror = false; ///< `--mirror` (issue 12): a rerun deletes the copies it landed of files gone from Drive

    [[nodiscard]] static QMap<QString, QString> defaultExportFormats(); ///< docx, xlsx, pptx, svg
};

struct FileStatus;
/// Why a file skipped with no error was left alone, saying only what was compared: "already at the
/// destination (same size and md5)", "(same size; the destination gives no hash to compare)" for Databricks,
/// "(an export: nothing to compare)". Every face says it this way.
[[nodiscard]] QString alreadyThereText(const FileStatus &file);

/// One file's record, in snapshots and in the final report.
struct FileStatus
{
    /// The faces' handle on the engine's record (pauseFile(key)…): stable for the run, in the order found. Not
    /// the Drive id: one Drive file can land twice (a shortcut in another folder) and a listing failure may
    /// have no id; the record itself is known by Drive id and landing path (FileRecords::find()).
    quint64 key = 0;
    QString driveId;
    QString drivePath;       ///< "Folder/Sub/name" as in Drive
    QString destinationPath; ///< Destination::locationOf(...)
    QString mimeType;
    QString exportMimeType; ///< empty unless exported
    FileState state = FileState::Queued;
    qint64 bytesDone = 0;
    qint64 bytesTotal = -1; ///< -1: unknown (exports)
    double rate = 0;        ///< bytes/s over the last ~5 s
    int retries = 0;
    Net::Error lastError;
    QString hash;           ///< "md5:…" or "sha256:…" of what landed
    double seconds = 0;
};

/**
 * The files of a report, in the order found (FileStatus::key). A report built whole (a test, the CLI's partial
 * report) is a list like any other. A run's report may be far larger than memory should hold: the engine
 * spill()s each settled file as the run goes, and the list writes them in chunks to a temporary file beside the
 * journal (unlinked at once: nothing is left behind, even by `kill -9`), reading them back a chunk at a time when
 * iterated. So the report of a million files costs a chunk of memory, not a million records.
 *
 * Iteration yields the spilled files and the appended ones merged by key (each part is in key order): the files
 * a run never spilled (a failure it may still retry) come back in their place. Copies share what was spilled,
 * which is never changed. Mutable access (operator[]) is for lists that spilled nothing.
 */
class FileList
{
public:
    /// Spilled files are written in chunks of this many.
    static constexpr qsizetype ChunkSize = 1024;

    FileList() = default;
    FileList(QList<FileStatus> files); // NOLINT(google-explicit-constructor): a report built whole is a list
    FileList(std::initializer_list<FileStatus> files);

    /// Spills to a temporary file in `folder` (the system's temporary folder when empty or not writable).
    void setSpillFolder(const QString &folder);
    /// A settled file the run will not change again, in key order after every file spilled before it: written out
    /// with its chunk. A file that cannot be written (a full disk) is kept in memory instead, said once in the log.
    void spill(FileStatus &&file);
    /// A file kept in memory, in key order among the files appended.
    void append(FileStatus file);
    FileList &operator<<(FileStatus file)
    {
        append(std::move(file));
        return *this;
    }

    [[nodiscard]] qsizetype size() const;
    [[nodiscard]] bool isEmpty() const { return size() == 0; }
    /// How many files were written out (a test's and a benchmark's view).
    [[nodiscard]] qsizetype spilledCount() const;
    /// The i-th file in iteration order (reads its chunk: for small lists and tests).
    [[nodiscard]] FileStatus at(qsizetype i) const;
    [[nodiscard]] FileStatus first() const { return at(0); }
    /// A list that spilled nothing, by index.
    FileStatus &operator[](qsizetype i);
    /// Every file, in memory (small lists).
    [[nodiscard]] QList<FileStatus> toList() const;

    class const_iterator
    {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = FileStatus;
        using difference_type = qsizetype;
        using pointer = const FileStatus *;
        using reference = const FileStatus &;

        const_iterator() = default;
        reference operator*() const { return *m_current; }
        pointer operator->() const { return m_current; }
        const_iterator &operator++();
        bool operator==(const const_iterator &other) const { return m_current == other.m_current; }
        bool operator!=(const const_iterator &other) const { return !(*this == other); }

    private:
        friend class FileList;
        explicit const_iterator(const FileList *list);
        void advance();
        const FileStatus *nextSpilled();

        const FileList *m_list = nullptr;
        qsizetype m_chunk = 0;        ///< next chunk of the file to read
        QList<FileStatus> m_buffer;   ///< the chunk read
        qsizetype m_inBuffer = 0;     ///< next in m_buffer
        qsizetype m_inPending = 0;    ///< next in the list's unwritten chunk
        qsizetype m_inMemory = 0;     ///< next appended
        const FileStatus *m_spilledHead = nullptr;
        bool m_spilledTaken = false;  ///< m_current is the spilled head
        const FileStatus *m_current = nullptr;
    };
    [[nodiscard]] const_iterator begin() const { return const_iterator(this); }
    [[nodiscard]] const_iterator end() const { return {}; }

private:
    struct Spill;
    void writeChunk();

    std::shared_ptr<Spill> m_spill;
    qsizetype m_chunks = 0;        ///< chunks of m_spill that are this list's
    qsizetype m_spilledFiles = 0;  ///< files in those chunks
    QList<FileStatus> m_pending;   ///< spilled, not written yet (less than a chunk, or kept on a write failure)
    QList<FileStatus> m_memory;    ///< appended
    QString m_folder;
    bool m_spillFailed = false;    ///< a chunk could not be written: the rest stays in memory
};

/// Why the run is not faster, from the strongest evidence down (Engine decides it every tick, RunStats::limitedBy).
enum class LimitedBy
{
    Nothing,      ///< no file in flight, or nothing to name
    DrivePacing,  ///< Drive requests wait for the pacer (or a server's Retry-After)
    Databricks,   ///< a Volume or DBFS sink pushed back
    Disk,         ///< a local sink pushed back
    BandwidthCap, ///< the run's own cap held reads back
    Network,      ///< files are in flight and nothing above holds them
};
/// What limits the run, in words for a sentence ("the network", "your bandwidth cap"), translated; empty for
/// Nothing. The one text: the app says "Limited by %1", the CLI "limited by %1".
[[nodiscard]] QString limitedByText(LimitedBy factor);

/// Something the run is waiting for while it may look stuck: a request's next try after a failure, or a
/// server's Retry-After holding every Drive request. Text for people: waitText() (transfer/waitstatus.h).
struct Wait
{
    enum class Kind
    {
        Retry,       ///< one request (and maybe others) waits for its next try
        ServerAsked, ///< the server asked every request to wait (Retry-After, capped at Net::MaxServerWait)
    };
    Kind kind = Kind::Retry;
    QString what;           ///< Retry: the server ("127.0.0.1:1"); ServerAsked: the service ("Drive")
    Net::Error error;       ///< Retry: the failure being retried
    int triesDone = 0;      ///< Retry: tries made so far, all failed
    int maxTries = 0;
    qint64 remainingMs = 0; ///< until the next try, or until requests resume
    qint64 askedMs = -1;    ///< ServerAsked: the Retry-After as the server sent it (may exceed the wait)
    int others = 0;         ///< Retry: more requests waiting to retry
};

/// Immutable picture of the run, emitted every second (and once at the end).
struct Snapshot
{
    qint64 elapsedMs = 0;
    int filesTotal = 0;
    int filesQueued = 0;
    int filesActive = 0;
    int filesDone = 0;
    int filesSkipped = 0;
    int filesFailed = 0;
    int filesParked = 0;
    int filesCancelled = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;      ///< sum of known sizes
    bool bytesTotalExact = true; ///< false while listing runs or exports of unknown size remain
    double rate = 0;            ///< bytes/s over ~5 s
    double averageRate = 0;     ///< bytes/s since start
    std::optional<qint64> etaSeconds;
    double requestsPerSecond = 0;
    quint64 requestsTotal = 0;
    quint64 throttledTotal = 0;
    int requestsInInterval = 0;  ///< requests started since the previous snapshot
    int throttledInInterval = 0; ///< throttled responses since the previous snapshot
    LimitedBy limitedBy = LimitedBy::Nothing;
    double paceRate = 0;                             ///< the Drive pacer's pace now (requests/s)
    Net::PaceState paceState = Net::PaceState::Fixed; ///< and why
    bool running = false;
    bool paused = false;
    bool finished = false;
    std::optional<Wait> waiting; ///< what the run waits for now, if anything
    /// Files whose record changed since the previous snapshot, plus every active one.
    QList<FileStatus> files;

    /// Counts one file into the totals: its state's count and its bytes (a skipped file moved none; one of
    /// unknown size that is not over makes bytesTotal inexact). Does not add it to `files`.
    void count(const FileStatus &file);
    /// count()'s counts and bytes for a file in `state` (sign 1), or taken back again (sign -1): running totals
    /// kept as files change (FileRecords). bytesTotalExact is the caller's.
    void tally(FileState state, qint64 fileBytesDone, qint64 fileBytesTotal, int sign);
};

/// The end of a run: every file's record and the totals.
struct Report
{
    Snapshot totals;
    FileList files;
    QString destination;
    QDateTime startedAt;
    QDateTime finishedAt;
};

} // namespace Transfer

Q_DECLARE_METATYPE(Transfer::FileStatus)
Q_DECLARE_METATYPE(Transfer::Snapshot)
Q_DECLARE_METATYPE(Transfer::Report)
