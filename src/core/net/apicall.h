// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/error.h"
#include "net/errorclassifier.h"
#include "net/retrypolicy.h"

#include <QByteArray>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Net
{
class TokenProvider;
}

namespace Net
{
class Pacer;
struct RequestCounters;

/// ONE logical JSON request with the whole retry policy of DESIGN.md "Errors and retries" (Net::RetryPolicy
/// decides, Net::refreshToken() refreshes):
///
///   start() ─▶ [pacer token] ─▶ send ─▶ read body ─▶ classify
///        ▲                                          │
///        │  Transient: backoff                      ├─ None ─────────────▶ finished(ok, body)
///        ├───────────────────────────────────────── ├─ Transient/Throttled (tries left)
///        │  Throttled: pacer.onThrottled + backoff  │
///        └── token refreshed ◀── refreshToken() ◀── ├─ Auth (first time): refresh the token once
///                                                   └─ anything else ─────▶ finished(error, body)
///
/// finished() is emitted exactly once, on the thread the call lives on; then the call deletes itself.
/// Bodies are read whole: use this for metadata and control calls, never for file content.
class ApiCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCall)

public:
    /// Builds the request for one attempt; gets the current bearer (empty without a token provider) and must
    /// hand it to makeRequest(). Called again for every retry, so a refreshed token is picked up.
    using RequestFactory = std::function<QNetworkRequest(const QByteArray &bearer)>;

    ApiCall(QNetworkAccessManager *nam, Net::TokenProvider *tokens, Pacer *pacer, Service service,
        const QByteArray &verb, RequestFactory factory, const QByteArray &body = {}, QObject *parent = nullptr);
    ~ApiCall() override;

    void setBackoffPolicy(const BackoffPolicy &policy);
    void setCounters(RequestCounters *counters);
    /// No bytes for this long ends an attempt as a Transient "timeout" (default 60 s; 0 = none).
    void setTransferTimeout(int ms);
    /// Bodies above this size fail the call (default 64 MiB): a JSON answer is never that big.
    void setMaxBodySize(qint64 bytes);

    /// Schedules the first attempt (never finishes synchronously).
    void start();
    /// Ends the call as Cancelled (finished() is still emitted once).
    void abort();

    [[nodiscard]] int attempts() const; ///< HTTP attempts made so far
    [[nodiscard]] QString describe() const; ///< "GET /drive/v3/files/…" for logs (no query, no token)

signals:
    void finished(const Net::Error &error, const QByteArray &body);
    /// A retry is scheduled after `delay`; for logs and live stats.
    void retrying(const Net::Error &error, qint64 delayMs);

private:
    void attempt();
    void send();
    void onReplyFinished();
    void handleFailure(const Error &error, const QByteArray &body);
    void finish(const Error &error, const QByteArray &body);

    QNetworkAccessManager *m_nam;
    QPointer<Net::TokenProvider> m_tokens;
    QPointer<Pacer> m_pacer;
    Service m_service;
    QByteArray m_verb;
    RequestFactory m_factory;
    QByteArray m_body;
    RetryPolicy m_policy;
    RequestCounters *m_counters = nullptr;
    int m_transferTimeoutMs = 60'000;
    qint64 m_maxBodySize = 64 * 1024 * 1024;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer;
    QByteArray m_bearerUsed;
    QString m_path;
    QString m_server; ///< "host[:port]" of the last attempt, for retry notes
    int m_attempts = 0;
    bool m_started = false;
    bool m_aborted = false;
    bool m_finished = false;
};

} // namespace Net
