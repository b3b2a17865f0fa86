// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/databricksdestination.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace Net
{
class TokenProvider;
}

namespace Dest
{
/**
 * A DBFS folder, written through the DBFS API 2.0 with no local copy: create → add-block (full 1 MiB raw
 * blocks, base64) → close, the next block going up while Drive keeps streaming (at most two blocks in memory
 * per file: one filling, one in flight). Files of at most one block go up in one `put`. A file that fails
 * is deleted, so no half file stays at its path; an expired handle fails the sink as Transient with
 * resumeOffset() 0, so the engine starts the file again from a clean start. Nor can a later run continue a
 * file (issue 11: the API has no way to reopen a closed or expired handle): checkpointInterval() is 0, a
 * suspended file is removed like an aborted one, and the next run starts it again.
 * The tool's own small files: writeWhole() is one `put` up to 1 MiB, else a temporary file moved over the
 * name (databrickswhole.cpp).
 */
class DbfsDestination final : public DatabricksDestination
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DbfsDestination)

public:
    /// `root` is an absolute DBFS path ("/ingest/drive").
    DbfsDestination(QNetworkAccessManager *nam, Net::TokenProvider *tokens, const QUrl &host, const QString &root,
                    QObject *parent = nullptr);
    ~DbfsDestination() override;

    static constexpr qint64 BlockSize = 1024 * 1024;

    [[nodiscard]] QString dbfsPath(const QString &relativePath) const { return absolutePath(relativePath); }

    [[nodiscard]] Sink *openSink(const Target &target, ConflictPolicy policy) override;
    /// GET /api/2.0/dbfs/get-status.
    void stat(const QString &path, QObject *context, DatabricksClient::Done done) override;

    void writeWhole(const QString &relativePath, const QByteArray &bytes,
                    std::function<void(const Net::Error &)> done) override;
    /// Streamed through a sink (SinkFeeder) under a temporary name, then moved over the name as writeWhole() does.
    void writeWholeFrom(const QString &relativePath, const QString &sourcePath,
                        std::function<void(const Net::Error &)> done) override;
    void readWhole(const QString &relativePath, qint64 maxBytes,
                   std::function<void(const QByteArray &, const Net::Error &)> done) override;
    void listNames(const QString &relativeFolder,
                   std::function<void(const QStringList &, const Net::Error &)> done) override;
    /// Issue 12: `POST /dbfs/move` (never replaces: "exists"), `POST /dbfs/delete` then the folders it emptied.
    void move(const QString &from, const QString &to, std::function<void(const Net::Error &)> done) override;
    void remove(const QString &relativePath, std::function<void(const Net::Error &)> done) override;

private:
    /// Moves the closed temporary file `temp` over `path` (databrickswhole.cpp); `done` gets the move's error.
    void replaceWith(const QString &temp, const QString &path, std::function<void(const Net::Error &)> done);
    [[nodiscard]] QString rootProblem() const override;
    void makeRoot(std::function<void(const Net::Error &)> done) override;
    [[nodiscard]] QString cannotWriteText(const QString &detail) const override;
    [[nodiscard]] Existing existingFrom(const DatabricksResponse &response) const override;
};

/// One file on its way into DBFS (see DbfsDestination).
class DbfsSink final : public DatabricksSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DbfsSink)

public:
    DbfsSink(DbfsDestination *destination, const QString &relativePath, qint64 expectedSize, ConflictPolicy policy,
             QObject *parent = nullptr);
    ~DbfsSink() override;

    void finish() override;
    [[nodiscard]] qint64 resumeOffset() const override { return 0; }

private:
    void nameSettled() override;
    qint64 take(const char *data, qint64 length) override;
    [[nodiscard]] QString outOfOrderText(qint64 offset) const override;
    [[nodiscard]] bool mayBeStored() const override;
    void dropUpload(bool removeFinal) override;
    void create();
    void pump();
    void sendBlock(const QByteArray &block);
    void close();
    void putWhole();
    void removeFile();
    [[nodiscard]] bool overwrite() const;

    QByteArray m_filling;
    qint64 m_handle = -1;
    bool m_nameSettled = false;
    bool m_creating = false;
    bool m_sending = false;
    bool m_closing = false;
};

} // namespace Dest
