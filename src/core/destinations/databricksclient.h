// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/error.h"
#include "net/retrypolicy.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;

namespace Net
{
class TokenProvider;
}

namespace Dest
{
/// One answer of a Databricks control call (the body is small: JSON or empty).
struct DatabricksResponse
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
};

/**
 * The connection to ONE Databricks workspace, shared by every sink of a Volume or DBFS destination.
 *
 * Control calls (mkdir, HEAD, DBFS create/add-block/close, small PUTs) queue here: at most
 * maxInFlight() run at once, and Net::RetryPolicy decides what a failure does: 429/503 back off honouring
 * Retry-After, and an invalid token goes through Net::refreshToken() once for the whole workspace. When the refresh fails too, the
 * client is "rejected": every queued and later call fails at once with the Auth error
 * "Databricks rejected the token for <host>: sign in to the workspace again (…)", naming where in the app
 * and on the command line.
 * Streaming bodies (a Volume PUT fed by Drive) do not queue here; they take a request from
 * makeRequest() and report an invalid token through handleAuthFailure().
 */
class DatabricksClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabricksClient)

public:
    using Done = std::function<void(const Net::Error &error, const DatabricksResponse &response)>;

    /// Uses its own QNetworkAccessManager (a separate connection pool from `nam`, the engine's Drive one).
    DatabricksClient(QNetworkAccessManager *nam, Net::TokenProvider *tokens, const QUrl &host,
                     QObject *parent = nullptr);
    ~DatabricksClient() override;

    [[nodiscard]] QNetworkAccessManager *nam() const { return m_nam; }
    [[nodiscard]] QUrl host() const { return m_host; }
    /// "https://host" without a trailing slash, for messages.
    [[nodiscard]] QString hostText() const;

    /// Every '/'-separated segment percent-encoded as UTF-8 (space, '#', '?', '+', '%' and all
    /// non-unreserved bytes); the slashes stay. "/Volumes/c/s/v/a b+c" → "/Volumes/c/s/v/a%20b%2Bc".
    [[nodiscard]] static QByteArray encodePath(const QString &path);
    /// host + apiPath (already encoded, e.g. "/api/2.0/fs/files" + encodePath(p)) + "?" + query.
    [[nodiscard]] QUrl url(const QByteArray &encodedApiPath, const QByteArray &encodedQuery = {}) const;
    /// A request with the current bearer, our User-Agent and the redirect policy.
    [[nodiscard]] QNetworkRequest makeRequest(const QUrl &url) const;

    /// One file's retry budget (DESIGN.md: one backoff table, 8 tries): the tries of every call made for the
    /// file and the file's restarts (a new sink for the same path) draw from it, so a file that keeps failing
    /// is tried at most maxTries times in all, not client retries × file restarts. Same key, same budget,
    /// until releaseFileBudget().
    [[nodiscard]] std::shared_ptr<Net::RetryPolicy> fileBudget(const QString &key);
    void releaseFileBudget(const QString &key);
    /// The error a file fails with once its budget is spent: Permanent (nothing restarts it), reason
    /// "retriesExhausted", "Gave up after N tries: <last error>".
    [[nodiscard]] static Net::Error retriesExhausted(const Net::Error &last, int tries);

    /// Queues one control call. `done` runs on this thread unless `context` died first. With `budget` (a
    /// file's, see fileBudget()) its retries draw from it, and a spent budget ends in retriesExhausted().
    void call(const QByteArray &verb, const QUrl &url, const QByteArray &body, const QByteArray &contentType,
              QObject *context, Done done, std::shared_ptr<Net::RetryPolicy> budget = {});
    /// A call to a presigned cloud-storage URL (multipart parts, abort): no Databricks bearer, the headers the
    /// URL came with; queued, paced and retried like the control calls.
    void presigned(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                   const QList<QPair<QByteArray, QByteArray>> &headers, QObject *context, Done done,
                   std::shared_ptr<Net::RetryPolicy> budget = {});
    /// A JSON POST/GET to /api/2.0/dbfs/<endpoint>.
    void dbfs(const QByteArray &verb, const QByteArray &endpoint, const QByteArray &jsonOrQuery, QObject *context,
              Done done, std::shared_ptr<Net::RetryPolicy> budget = {});

    /// The bearer makeRequest() puts in a request now (empty without a token); never logged.
    [[nodiscard]] QByteArray bearer() const;

    /// A streaming request met an invalid token. Refreshes once per workspace; `done(true)` when the caller
    /// may try again with a new token, `done(false)` once the workspace is rejected.
    /// `bearerUsed` is the token the refused request carried (bearer() then): when the token changed since,
    /// the caller may simply try again.
    void handleAuthFailure(const QByteArray &bearerUsed, QObject *context, std::function<void(bool retry)> done);

    /// `PUT /api/2.0/fs/directories<path>` once per directory per run (later callers wait for the first, whose
    /// `budget` the call draws from).
    void ensureDirectory(const QString &volumePath, QObject *context, std::function<void(const Net::Error &)> done,
                         std::shared_ptr<Net::RetryPolicy> budget = {});

    [[nodiscard]] bool isRejected() const { return m_rejected; }
    [[nodiscard]] Net::Error rejectedError() const;

    void setBackoffPolicy(const Net::BackoffPolicy &policy) { m_backoffPolicy = policy; }
    [[nodiscard]] const Net::BackoffPolicy &backoffPolicy() const { return m_backoffPolicy; }
    void setMaxInFlight(int calls) { m_maxInFlight = qMax(1, calls); }
    [[nodiscard]] int maxInFlight() const { return m_maxInFlight; }
    [[nodiscard]] int peakInFlight() const { return m_peakInFlight; }
    [[nodiscard]] qint64 callsMade() const { return m_callsMade; }

signals:
    /// The token was refused and could not be refreshed: every transfer to this workspace stops.
    void rejected(const Net::Error &error);

private:
    struct Pending;
    [[nodiscard]] std::shared_ptr<Pending> pending(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                                                   QObject *context, Done done,
                                                   std::shared_ptr<Net::RetryPolicy> budget) const;
    void enqueue(const std::shared_ptr<Pending> &p);
    void sendAgain(const std::shared_ptr<Pending> &p);
    void dispatch();
    void send(const std::shared_ptr<Pending> &p);
    void onFinished(const std::shared_ptr<Pending> &p, QNetworkReply *reply);
    void complete(const std::shared_ptr<Pending> &p, const Net::Error &error, const DatabricksResponse &response);
    /// The workspace's one refresh (coalesced by Net::refreshToken()); a refusal of the refreshed token rejects.
    void refreshOnce(const QByteArray &bearerUsed, std::function<void(bool ok)> done);
    void reject(const QString &detail);

    QNetworkAccessManager *m_nam;
    QPointer<Net::TokenProvider> m_tokens;
    QUrl m_host;
    Net::BackoffPolicy m_backoffPolicy;
    QList<std::shared_ptr<Pending>> m_queue;
    int m_inFlight = 0;
    int m_peakInFlight = 0;
    int m_maxInFlight = 8;
    qint64 m_callsMade = 0;
    bool m_rejected = false;
    int m_refreshing = 0; ///< refreshOnce() callers waiting for the provider's answer
    bool m_refreshed = false; ///< the one refresh per workspace was used

    struct DirState
    {
        bool done = false;
        QList<QPair<QPointer<QObject>, std::function<void(const Net::Error &)>>> waiters;
    };
    QHash<QString, DirState> m_dirs;
    QHash<QString, std::shared_ptr<Net::RetryPolicy>> m_fileBudgets;
};

} // namespace Dest
