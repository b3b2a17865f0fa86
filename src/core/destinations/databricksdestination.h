// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/databricksclient.h"
#include "destinations/destination.h"

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
/**
 * What a Volume and a DBFS folder share: one DatabricksClient for the workspace, a root path, "<scheme><path>"
 * locations, and the same check (root of the right kind, made if missing, a refusal other than the token's
 * stops the run) and probe (a 404 is "nothing there"). The subclasses give the API calls and their texts.
 */
class DatabricksDestination : public Destination
{
    Q_OBJECT

public:
    ~DatabricksDestination() override;

    [[nodiscard]] QString root() const { return m_root; }
    [[nodiscard]] DatabricksClient *client() const { return m_client; }
    /// The absolute workspace path of a relative one (the root for "").
    [[nodiscard]] QString absolutePath(const QString &relativePath) const;
    /// "volume:" or "dbfs:": the prefix of describe(), locationOf() and a sink's committed location.
    [[nodiscard]] QString scheme() const { return m_scheme; }

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] QString locationOf(const QString &relativePath) const override;
    void check(std::function<void(const Net::Error &)> done) override;
    void probe(const QString &relativePath, std::function<void(std::optional<Existing>, const Net::Error &)> done) override;
    [[nodiscard]] int maxParallelSinks() const override { return 8; }

    /// Asks what sits at an absolute path; an HTTP 404 means nothing.
    virtual void stat(const QString &path, QObject *context, DatabricksClient::Done done) = 0;
    /// stat() read as an Existing: nullopt with no error when nothing is there. probe() and a sink's check of
    /// what landed both ask this.
    void statExisting(const QString &path, QObject *context,
                      std::function<void(std::optional<Existing>, const Net::Error &)> done);

protected:
    DatabricksDestination(QNetworkAccessManager *nam, Net::TokenProvider *tokens, const QUrl &host, const QString &root,
                          const QString &scheme, QObject *parent);

    /// Why the root cannot be this kind of folder; empty when it can.
    [[nodiscard]] virtual QString rootProblem() const = 0;
    /// Creates the root if missing (proves the token works and we may write).
    virtual void makeRoot(std::function<void(const Net::Error &)> done) = 0;
    /// "Cannot write to <describe()>: <detail>", translated in the subclass's context.
    [[nodiscard]] virtual QString cannotWriteText(const QString &detail) const = 0;
    /// What stat() found.
    [[nodiscard]] virtual Existing existingFrom(const DatabricksResponse &response) const = 0;

private:
    DatabricksClient *m_client;
    QString m_root;
    QString m_scheme;
};

/**
 * The lifecycle a Volume and a DBFS sink share: the keep-both name, bytes in order, the workspace's rejection
 * failing the file, and the done bookkeeping (one committed() or failed(), abort() silent, nothing left at
 * the path on failure or abort). A subclass moves the bytes: take(), finishUpload(), dropUpload().
 * A subclass's destructor calls abort() while its members still live.
 */
class DatabricksSink : public Sink
{
    Q_OBJECT

public:
    ~DatabricksSink() override;

    [[nodiscard]] bool supportsRandomAccess() const override { return false; }
    qint64 write(qint64 offset, const char *data, qint64 length) final;
    void abort() final;

protected:
    DatabricksSink(DatabricksDestination *destination, const QString &relativePath, qint64 expectedSize,
                   ConflictPolicy policy, QObject *parent);

    /// First step, queued after construction; the default settles the name.
    virtual void begin();
    /// m_path is final (a free name for keep-both): the upload may start.
    virtual void nameSettled() = 0;
    /// write() after the order check: takes up to `length` bytes (0 = full, -1 = failed).
    virtual qint64 take(const char *data, qint64 length) = 0;
    /// "A … upload takes bytes in order: got offset <offset>, expected <m_written>", in the subclass's context.
    [[nodiscard]] virtual QString outOfOrderText(qint64 offset) const = 0;
    /// Whether bytes may already sit at m_path (read by abort() before anything is torn down).
    [[nodiscard]] virtual bool mayBeStored() const = 0;
    /// Stops what is under way; removes m_path when `removeFinal` (or when the subclass knows it exists).
    virtual void dropUpload(bool removeFinal) = 0;

    /// Keep-both: the requested name if free, else the first free keepBothName(); else nameSettled().
    void settleName();
    /// The server accepted the upload. A 2xx is not trusted: committed() only once stat() finds m_written
    /// bytes at m_path (the workspace gives no hash to compare); otherwise the file fails and the path is
    /// cleared.
    void commit();
    /// Fails the file once. A retryable error draws one try from the file's budget (m_budget); a spent budget
    /// turns it into DatabricksClient::retriesExhausted(), which nothing restarts.
    void fail(const Net::Error &error, bool removeFinal = false);

    QPointer<DatabricksDestination> m_destination;
    QPointer<DatabricksClient> m_client;
    QString m_path; ///< absolute; settled after the keep-both check
    QString m_scheme;
    qint64 m_expectedSize;
    ConflictPolicy m_policy;
    qint64 m_written = 0;
    /// This file's tries across the client's retries and the engine's restarts (DatabricksClient::fileBudget()).
    std::shared_ptr<Net::RetryPolicy> m_budget;
    bool m_finishRequested = false;
    bool m_blocked = false;
    bool m_done = false;

private:
    void resolveKeepBoth(const QString &requested, int n);
    void checkLanded();

    QString m_budgetKey;
    bool m_checkingLanded = false;
};

} // namespace Dest
