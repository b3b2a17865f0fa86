// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/destination.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace Dest
{
/**
 * A local or network folder. The Drive tree is recreated under root(); every file is written to a temporary
 * file beside its final name, `.drive-ingest-<Drive id>-<hash>.partial` (Dest::TemporaryPrefix: a name no
 * Drive name can map to, so a temporary file never lands on a Drive file nor a Drive file on it; the id names
 * whose file it is), and renamed over the final name only in finish(), after the engine verified size and
 * hash. A failed or aborted file leaves nothing behind; one that cannot be removed is named in the failure.
 *
 * Symbolic links: root() itself is the user's choice and is followed; nothing below it is. Every folder is
 * entered with O_NOFOLLOW one component at a time (Util::openDirectoryBelow), the temporary file is created
 * with O_EXCL | O_NOFOLLOW, and the rename replaces a link at the final name instead of writing through it.
 * A link in the way fails that one file ("symlinkInPath"); the tool never writes outside root().
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
    [[nodiscard]] QStringList leftovers() const override { return *m_leftovers; }

    /// The absolute path for a relative one, or empty when it would leave root() (never expected: the
    /// PathMapper already made it safe; this is the last line of defence).
    [[nodiscard]] QString absolutePath(const QString &relativePath) const;

private:
    QString m_root;
    std::shared_ptr<QStringList> m_leftovers = std::make_shared<QStringList>(); ///< shared with its sinks
};

/// One file being written into a LocalDestination. Writes go straight to `<final>.partial` with pwrite(),
/// at any offset, so ranged parts land in place.
class LocalSink final : public Sink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalSink)

public:
    /// `relativePath` is below `root` (a Target's); for KeepBoth the name is settled at finish() time.
    LocalSink(const QString &root, const Target &target, ConflictPolicy policy, QObject *parent = nullptr);
    ~LocalSink() override;

    [[nodiscard]] bool supportsRandomAccess() const override { return true; }
    qint64 write(qint64 offset, const char *data, qint64 length) override;
    qint64 readBack(qint64 offset, char *data, qint64 length) override;
    void finish() override;
    void abort() override;

    [[nodiscard]] QString partialPath() const { return m_partialPath; }
    /// Where a temporary file that cannot be removed is recorded (LocalDestination::leftovers()).
    void setLeftoverList(std::shared_ptr<QStringList> list) { m_leftovers = std::move(list); }
    /// The temporary file's name for a Drive id landing at `finalName` (same id and name, same temporary file).
    [[nodiscard]] static QString temporaryName(const QString &driveId, const QString &finalName);

private:
    bool openPartial(const QString &root, const Target &target);
    void fail(Net::Error error);
    /// Removes the temporary file; on failure, the sentence that says it was left behind (else empty).
    QString removePartial();
    [[nodiscard]] Net::Error localError(int err, const QString &what) const;

    QString m_finalPath;
    QString m_partialPath;
    QByteArray m_tempName; ///< encoded, inside m_dirFd
    qint64 m_expectedSize = -1;
    ConflictPolicy m_policy = ConflictPolicy::Overwrite;
    std::shared_ptr<QStringList> m_leftovers;
    int m_dirFd = -1; ///< the final name's folder, opened without following links
    int m_fd = -1;
    bool m_done = false; ///< finished, failed or aborted: no more writes, no more signals
};

} // namespace Dest
