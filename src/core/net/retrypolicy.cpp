// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/retrypolicy.h"

#include "net/pacer.h"
#include "net/requestcounters.h"
#include "net/tokenprovider.h"

#include <QObject>

#include <memory>

using namespace Qt::StringLiterals;

namespace Net
{
namespace
{
/// The object name of the child a TokenProvider carries while refreshToken() waits for its answer.
constexpr auto RefreshInFlight = "di_refreshInFlight";
} // namespace

RetryPolicy::RetryPolicy(BackoffPolicy backoff)
    : m_backoff(backoff)
{
}

RetryPolicy::RetryPolicy(BackoffPolicy backoff, quint32 seed)
    : m_backoff(backoff, seed)
{
}

void RetryPolicy::setPacer(Pacer *pacer)
{
    m_pacer = pacer;
}

void RetryPolicy::setCounters(RequestCounters *counters)
{
    m_counters = counters;
}

void RetryPolicy::setCanRefreshToken(bool canRefresh)
{
    m_canRefresh = canRefresh;
}

Decision RetryPolicy::decide(const Error &error)
{
    switch (error.errorClass)
    {
    case ErrorClass::None:
    case ErrorClass::Cancelled:
        return { Reaction::Cancel };
    case ErrorClass::Throttled:
        if (m_counters)
            ++m_counters->throttled;
        if (m_pacer)
            m_pacer->onThrottled(error.retryAfter);
        [[fallthrough]];
    case ErrorClass::Transient:
        if (const auto delay = m_backoff.nextDelay(error))
        {
            ++m_retries;
            if (m_counters)
                ++m_counters->retries;
            return { Reaction::Retry, *delay };
        }
        return { Reaction::Fail };
    case ErrorClass::Auth:
        // One refresh: a refusal right after a fresh token means the account itself is refused.
        if (!m_canRefresh || m_refreshed)
            return { Reaction::Fail };
        m_refreshed = true;
        return { Reaction::RefreshToken };
    case ErrorClass::Quota:
        return { Reaction::Park };
    case ErrorClass::Permanent:
        return { Reaction::Fail };
    case ErrorClass::Local:
        return { Reaction::StopRun };
    }
    return { Reaction::Fail };
}

int RetryPolicy::retries() const
{
    return m_retries;
}

bool RetryPolicy::refreshedToken() const
{
    return m_refreshed;
}

const BackoffPolicy &RetryPolicy::backoffPolicy() const
{
    return m_backoff.policy();
}

void RetryPolicy::resetTries()
{
    m_backoff.reset();
}

void refreshToken(TokenProvider *tokens, const QByteArray &bearerUsed, QObject *context,
    std::function<void(bool ok, const QString &reason)> done, RequestCounters *counters)
{
    if (!context)
        return;
    if (!tokens)
    {
        QMetaObject::invokeMethod(
            context, [done = std::move(done)] { done(false, QObject::tr("No account to refresh the token of.")); },
            Qt::QueuedConnection);
        return;
    }
    const QByteArray current = tokens->accessToken();
    if (!current.isEmpty() && current != bearerUsed)
    {
        // Another request refreshed the token while this one was in flight: just try the new one.
        QMetaObject::invokeMethod(context, [done = std::move(done)] { done(true, {}); }, Qt::QueuedConnection);
        return;
    }
    // The waiter lives with `context`: its answer is dropped with it. Queued, so `done` never runs inside
    // refresh() even when a provider answers at once; `answered` keeps it to one answer.
    auto *waiter = new QObject(context);
    auto answered = std::make_shared<bool>(false);
    const auto answer = [waiter, answered, done = std::move(done)](bool ok, const QString &reason)
    {
        if (std::exchange(*answered, true))
            return;
        waiter->deleteLater();
        done(ok, reason);
    };
    QObject::connect(tokens, &TokenProvider::refreshed, waiter, [answer] { answer(true, {}); }, Qt::QueuedConnection);
    QObject::connect(tokens, &TokenProvider::refreshFailed, waiter,
        [answer](const QString &reason) { answer(false, reason); }, Qt::QueuedConnection);

    if (tokens->findChild<QObject *>(QLatin1StringView(RefreshInFlight), Qt::FindDirectChildrenOnly))
        return; // a refresh is under way: its answer is ours too
    auto *inFlight = new QObject(tokens);
    inFlight->setObjectName(QLatin1StringView(RefreshInFlight));
    const auto over = [inFlight]
    {
        inFlight->setObjectName({}); // at once: a refusal after this answer asks again
        inFlight->deleteLater();
    };
    QObject::connect(tokens, &TokenProvider::refreshed, inFlight, over);
    QObject::connect(tokens, &TokenProvider::refreshFailed, inFlight, over);
    if (counters)
        ++counters->authRefreshes;
    tokens->refresh();
}

} // namespace Net
