// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

class QNetworkReply;

namespace Auth
{
/**
 * When a refreshing token provider asks for a token (Google refresh tokens, service-account JWTs, Databricks
 * OAuth M2M): one token request in flight at a time, with concurrent asks coalesced into it; a transient
 * failure retried with exponential backoff (1 s, 2 s, 4 s; four attempts in all); and the next request due
 * ahead of the token's expiry (renewDue()). The provider says how to send a request and reports its outcome;
 * this class decides when. Lives on the provider's thread, as its child.
 */
class TokenRenewal final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenRenewal)

public:
    /// Sends one token request and returns its reply; nullptr when nothing could be sent (the provider then
    /// reports the failure itself).
    using Sender = std::function<QNetworkReply *()>;

    /// Attempts per request series (the first one and its retries).
    static constexpr int maxAttempts = 4;

    explicit TokenRenewal(Sender send, QObject *parent = nullptr);
    ~TokenRenewal() override; ///< aborts a request in flight; its answer is never delivered

    /// Starts a request series, unless a request is in flight or a retry is pending (then the caller is answered
    /// by that one). True when a request was sent now.
    bool request();
    /// The request in flight brought a token living `lifetime` (0 or less: unknown, taken as an hour). The
    /// series ends and renewDue() is scheduled ahead of expiry.
    void succeeded(std::chrono::seconds lifetime);
    /// The request in flight failed. A transient failure with attempts left is retried later (true); otherwise
    /// the series ends (false) and the provider reports the failure.
    bool retryLater(bool transient);
    /// No more renewals (the credential is dead); a pending retry is dropped too.
    void stop();

    /// A request in flight or a retry pending.
    [[nodiscard]] bool isBusy() const;
    /// Attempts in the current (or last) series.
    [[nodiscard]] int attempts() const { return m_attempt; }
    [[nodiscard]] bool isRenewalScheduled() const { return m_renewTimer.isActive(); }
    /// Tests: the first retry waits `delay`, each further one twice as long (default 1 s).
    void setFirstRetryDelay(std::chrono::milliseconds delay);

    /// How long before expiry a token is renewed: 5 minutes for Google's one-hour tokens, a quarter of the
    /// lifetime for short-lived ones (the sandbox's).
    [[nodiscard]] static std::chrono::milliseconds refreshLead(std::chrono::seconds lifetime);
    /// When the next request is due after a token living `lifetime` arrived (never sooner than 500 ms).
    [[nodiscard]] static std::chrono::milliseconds renewDelay(std::chrono::seconds lifetime);

signals:
    /// The token is about to expire: the provider asks for a new one (usually through its refresh()).
    void renewDue();

private:
    void send();

    Sender m_send;
    QTimer m_renewTimer;
    QTimer m_retryTimer;
    QPointer<QNetworkReply> m_reply;
    std::chrono::milliseconds m_firstRetryDelay {1000};
    int m_attempt = 0;
    bool m_inFlight = false;
};

} // namespace Auth
