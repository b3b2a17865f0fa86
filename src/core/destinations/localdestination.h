// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/destination.h"

#include <QString>

namespace Dest
{
/**
 * A local or network folder. The Drive tree is recreated under root(); every file is written as
 * `<final name>.partial` beside its final name and renamed over it only in finish(), after the engine
 * verified size and hash. A failed or aborted file leaves nothing behind.
 */
class LocalDestination final : public Destination
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalDestination)

public:
    explicit LocalDestination(const QString &rootDir, QObject *parent = nullptr);

    [[nodiscard]] QString root() const { return m_root; }

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] QString locationOf(const QString &relativePath) const override;
    void check(std::function<void(const Net::Error &)> done) override;
    void probe(const QString &relativePath, std::function<void(std::optional<Existing>, const Net::Error &)> done) override;
    [[nodiscard]] Sink *openSink(const Target &target, ConflictPolicy policy) override;

    /// The absolute path for a relative one, or empty when it would leave root() (never expected: the
    /// PathMapper already made it safe; this is the last line of defence).
    [[nodiscard]] QString absolutePath(const QString &relativePath) const;

private:
    QString m_root;
};

/// One file being written into a LocalDestination. Writes go straight to `<final>.partial` with pwrite(),
/// at any offset, so ranged parts land in place.
class LocalSink final : public Sink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalSink)

public:
    /// `finalPath` is absolute; for KeepBoth the name is settled at finish() time.
    LocalSink(const QString &finalPath, qint64 expectedSize, ConflictPolicy policy, QObject *parent = nullptr);
    ~LocalSink() override;

    [[nodiscard]] bool supportsRandomAccess() const override { return true; }
    qint64 write(qint64 offset, const char *data, qint64 length) override;
    qint64 readBack(qint64 offset, char *data, qint64 length) override;
    void finish() override;
    void abort() override;

    [[nodiscard]] QString partialPath() const { return m_partialPath; }

private:
    bool openPartial();
    void fail(const Net::Error &error);
    [[nodiscard]] Net::Error localError(int err, const QString &what) const;

    QString m_finalPath;
    QString m_partialPath;
    qint64 m_expectedSize = -1;
    ConflictPolicy m_policy = ConflictPolicy::Overwrite;
    int m_fd = -1;
    bool m_done = false; ///< finished, failed or aborted: no more writes, no more signals
};

} // namespace Dest
