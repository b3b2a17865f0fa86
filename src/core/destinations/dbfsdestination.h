// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/destination.h"

#include <QByteArray>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace Net
{
class TokenProvider;
}

namespace Dest
{
class DatabricksClient;

/**
 * A DBFS folder, written through the DBFS API 2.0 with no local copy: create → add-block (full 1 MiB raw
 * blocks, base64) → close, the next block going up while Drive keeps streaming (at most two blocks in memory
 * per file: one filling, one in flight). Files of at most one block go up in one `put`. A file that fails
 * is deleted, so no half file stays at its path; an expired handle fails the sink as Transient with
 * resumeOffset() 0, so the engine starts the file again from a clean start.
 */
class DbfsDestination final : public Destination
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DbfsDestination)

public:
    /// `root` is an absolute DBFS path ("/ingest/drive").
    DbfsDestination(QNetworkAccessManager *nam, Net::TokenProvider *tokens, const QUrl &host, const QString &root,
                    QObject *parent = nullptr);
    ~DbfsDestination() override;

    static constexpr qint64 BlockSize = 1024 * 1024;

    [[nodiscard]] QString root() const { return m_root; }
    [[nodiscard]] DatabricksClient *client() const { return m_client; }
    [[nodiscard]] QString dbfsPath(const QString &relativePath) const;

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] QString locationOf(const QString &relativePath) const override;
    void check(std::function<void(const Net::Error &)> done) override;
    void probe(const QString &relativePath, std::function<void(std::optional<Existing>, const Net::Error &)> done) override;
    [[nodiscard]] Sink *openSink(const Target &target, ConflictPolicy policy) override;
    [[nodiscard]] int maxParallelSinks() const override { return 8; }

private:
    DatabricksClient *m_client;
    QString m_root;
};

/// One file on its way into DBFS (see DbfsDestination).
class DbfsSink final : public Sink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DbfsSink)

public:
    DbfsSink(DbfsDestination *destination, const QString &relativePath, qint64 expectedSize, ConflictPolicy policy,
             QObject *parent = nullptr);
    ~DbfsSink() override;

    [[nodiscard]] bool supportsRandomAccess() const override { return false; }
    qint64 write(qint64 offset, const char *data, qint64 length) override;
    void finish() override;
    void abort() override;
    [[nodiscard]] qint64 resumeOffset() const override { return 0; }

private:
    void resolveName(int n);
    void create();
    void pump();
    void sendBlock(const QByteArray &block);
    void close();
    void putWhole();
    void commit();
    void fail(const Net::Error &error);
    void removeFile();
    [[nodiscard]] bool overwrite() const;

    QPointer<DbfsDestination> m_destination;
    QPointer<DatabricksClient> m_client;
    QString m_relativePath;
    QString m_path;
    qint64 m_expectedSize;
    ConflictPolicy m_policy;
    QByteArray m_filling;
    qint64 m_written = 0;
    qint64 m_handle = -1;
    bool m_nameSettled = false;
    bool m_creating = false;
    bool m_sending = false;
    bool m_closing = false;
    bool m_finishRequested = false;
    bool m_blocked = false;
    bool m_done = false;
};

} // namespace Dest
