// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/tokenrenewal.h"

#include <QNetworkReply>

#include <algorithm>

namespace Auth
{
TokenRenewal::TokenRenewal(Sender send, QObject *parent)
    : QObject(parent)
    , m_send(std::move(send))
{
    m_renewTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_renewTimer, &QTimer::timeout, this, &TokenRenewal::renewDue);
    connect(&m_retryTimer, &QTimer::timeout, this, &TokenRenewal::send);
}

TokenRenewal::~TokenRenewal()
{
    if (m_reply)
    {
        // The abort must not call back into the provider (whose child this is) while it is being destroyed.
        if (parent())
        {
            m_reply->disconnect(parent());
        }
        m_reply->abort();
        m_reply->deleteLater();
    }
}

bool TokenRenewal::request()
{
    if (isBusy())
    {
        return false;
    }
    m_attempt = 0;
    send();
    return true;
}

void TokenRenewal::send()
{
    ++m_attempt;
    m_inFlight = true;
    QNetworkReply *reply = m_send ? m_send() : nullptr;
    if (!m_inFlight)
    {
        return; // answered before send() returned: succeeded() or retryLater() ran already
    }
    m_reply = reply;
    m_inFlight = reply != nullptr;
}

void TokenRenewal::succeeded(std::chrono::seconds lifetime)
{
    m_inFlight = false;
    m_reply = nullptr;
    m_retryTimer.stop();
    m_renewTimer.start(renewDelay(lifetime));
}

bool TokenRenewal::retryLater(bool transient)
{
    m_inFlight = false;
    m_reply = nullptr;
    if (!transient || m_attempt >= maxAttempts)
    {
        return false;
    }
    m_retryTimer.start(m_firstRetryDelay * (1 << (m_attempt - 1)));
    return true;
}

void TokenRenewal::stop()
{
    m_renewTimer.stop();
    m_retryTimer.stop();
}

bool TokenRenewal::isBusy() const
{
    // A reply that was destroyed without an answer (its QNAM went away) no longer holds the next request back.
    return (m_inFlight && !m_reply.isNull()) || m_retryTimer.isActive();
}

void TokenRenewal::setFirstRetryDelay(std::chrono::milliseconds delay)
{
    m_firstRetryDelay = std::max(delay, std::chrono::milliseconds(1));
}

std::chrono::milliseconds TokenRenewal::refreshLead(std::chrono::seconds lifetime)
{
    using namespace std::chrono;
    return std::min<milliseconds>(minutes(5), duration_cast<milliseconds>(lifetime) / 4);
}

std::chrono::milliseconds TokenRenewal::renewDelay(std::chrono::seconds lifetime)
{
    using namespace std::chrono;
    const seconds known = lifetime > seconds(0) ? lifetime : hours(1);
    return std::max<milliseconds>(duration_cast<milliseconds>(known) - refreshLead(known), milliseconds(500));
}

} // namespace Auth
