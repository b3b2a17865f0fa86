// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFlags>
#include <QtGlobal>

#include <memory>

namespace Util
{
/// Incremental md5/sha256 over OpenSSL's MD5/SHA256 block functions (the assembly `openssl speed` measures; EVP
/// was used until its state had to be saved: DESIGN.md "Threads and hashing", bench_hash compares), fed while a
/// body streams.
/// Not thread-safe; one instance per stream. Cheap to move, not copyable.
class StreamHasher final
{
public:
    enum Algorithm
    {
        Md5 = 1,
        Sha256 = 2,
    };
    Q_DECLARE_FLAGS(Algorithms, Algorithm)

    explicit StreamHasher(Algorithms algorithms = Algorithms(Md5));
    ~StreamHasher();
    StreamHasher(StreamHasher &&other) noexcept;
    StreamHasher &operator=(StreamHasher &&other) noexcept;
    StreamHasher(const StreamHasher &) = delete;
    StreamHasher &operator=(const StreamHasher &) = delete;

    [[nodiscard]] Algorithms algorithms() const;
    /// Feeds bytes to every selected algorithm. Ignored (with a warning) after a digest was taken.
    void addData(const char *data, qint64 length);
    void addData(const QByteArray &data);
    /// Lower-case hex digest; finalizes on the first call and returns the same value after.
    /// Empty when the algorithm was not selected.
    [[nodiscard]] QByteArray md5Hex();
    [[nodiscard]] QByteArray sha256Hex();
    [[nodiscard]] qint64 bytesHashed() const;
    /// The running state of every selected algorithm as bytes (issue 11: a file continued by another process
    /// after a crash hashes on from where it stopped). restoreState() takes what saveState() gave on this
    /// machine kind; false (and the hasher unchanged) for anything else.
    [[nodiscard]] QByteArray saveState() const;
    bool restoreState(const QByteArray &state);
    /// Starts over with the same algorithms (e.g. a download restarted from byte 0).
    void reset();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Util

Q_DECLARE_OPERATORS_FOR_FLAGS(Util::StreamHasher::Algorithms)
