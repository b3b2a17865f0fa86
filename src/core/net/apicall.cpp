// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/apicall.h"

#include "net/tokenprovider.h"
#include "net/network.h"
#include "net/pacer.h"
#include "net/requestcounters.h"
#include "util/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Net
{
namespace
{
constexpr char TooLargeProperty[] = "di_bodyTooLarge";
}

ApiCall::ApiCall(QNetworkAccessManager *nam, Net::TokenProvider *tokens, Pacer *pacer, Service service,
    const QByteArray &verb, RequestFactory factory, const QByteArray &body, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_tokens(tokens)
    , m_pacer(pacer)
    , m_service(service)
    , m_verb(verb)
    , m_factory(std::move(factory))
    , m_body(body)
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &ApiCall::attempt);
}

ApiCall::~ApiCall()
{
    if (m_reply)
    {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::setBackoffPolicy(const BackoffPolicy &policy)
{
    m_policy = RetryPolicy(policy);
}

void ApiCall::setCounters(RequestCounters *counters)
{
    m_counters = counters;
}

void ApiCall::setTransferTimeout(int ms)
{
    m_transferTimeoutMs = ms;
}

void ApiCall::setMaxBodySize(qint64 bytes)
{
    m_maxBodySize = bytes;
}

int ApiCall::attempts() const
{
    return m_attempts;
}

QString ApiCall::describe() const
{
    return QString::fromLatin1(m_verb) + u' ' + m_path;
}

void ApiCall::start()
{
    if (m_started)
        return;
    m_started = true;
    m_policy.setPacer(m_pacer);
    m_policy.setCounters(m_counters);
    m_policy.setCanRefreshToken(m_tokens != nullptr);
    QMetaObject::invokeMethod(this, &ApiCall::attempt, Qt::QueuedConnection);
}

void ApiCall::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    m_retryTimer->stop();
    if (m_reply)
    {
        m_reply->abort(); // finishes through onReplyFinished as Cancelled
        return;
    }
    Error e;
    e.errorClass = ErrorClass::Cancelled;
    e.reason = u"cancelled"_s;
    e.message = u"The request was cancelled."_s;
    finish(e, {});
}

void ApiCall::attempt()
{
    if (m_finished || m_aborted)
        return;
    if (m_pacer)
        m_pacer->acquire(this, [this] { send(); });
    else
        send();
}

void ApiCall::send()
{
    if (m_finished || m_aborted)
        return;
    m_bearerUsed = m_tokens ? m_tokens->accessToken() : QByteArray();
    QNetworkRequest request = m_factory(m_bearerUsed);
    if (m_transferTimeoutMs > 0)
        request.setTransferTimeout(m_transferTimeoutMs);
    m_path = request.url().path();
    m_server = request.url().host();
    if (request.url().port() > 0)
        m_server += u':' + QString::number(request.url().port());
    ++m_attempts;
    qCDebug(lcNet).noquote() << describe() << "attempt" << m_attempts;
    if (m_counters)
        ++m_counters->requests;
    QNetworkReply *reply = m_body.isEmpty() && (m_verb == "GET" || m_verb == "HEAD" || m_verb == "DELETE")
        ? m_nam->sendCustomRequest(request, m_verb)
        : m_nam->sendCustomRequest(request, m_verb, m_body);
    m_reply = reply;
    guardRedirects(reply);
    connect(reply, &QNetworkReply::downloadProgress, this,
        [this, reply](qint64 received, qint64)
        {
            if (m_maxBodySize > 0 && received > m_maxBodySize)
            {
                reply->setProperty(TooLargeProperty, true);
                reply->abort();
            }
        });
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
}

void ApiCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    Error error = classifyReply(reply, m_service, body);

    if (reply->property(TooLargeProperty).toBool())
    {
        error = {};
        error.errorClass = ErrorClass::Permanent;
        error.reason = u"responseTooLarge"_s;
        error.message = u"The server's answer was larger than %1 bytes."_s.arg(m_maxBodySize);
    }
    else if (error.errorClass == ErrorClass::Cancelled && !m_aborted)
    {
        // Nobody cancelled: Qt's transfer timeout aborted the reply.
        error.errorClass = ErrorClass::Transient;
        error.reason = u"timeout"_s;
        error.message = u"No data arrived for %1 s."_s.arg(m_transferTimeoutMs / 1000);
    }

    if (!error.isError())
    {
        if (m_pacer)
            m_pacer->onSuccess();
        finish(error, body);
        return;
    }
    handleFailure(error, body);
}

void ApiCall::handleFailure(const Error &failure, const QByteArray &body)
{
    Error error = failure;
    if (m_aborted)
        error.errorClass = ErrorClass::Cancelled;
    const Decision decision = m_policy.decide(error);
    switch (decision.reaction)
    {
    case Reaction::Retry:
        qCDebug(lcNet).noquote() << describe() << "retry" << m_policy.retries() << "in" << decision.delay.count()
                                 << "ms after" << error.toString();
        if (m_counters)
            m_counters->waiting.note(this, RetryNote { m_server, error, m_attempts, m_policy.backoffPolicy().maxTries,
                                               monotonicMs() + decision.delay.count() });
        emit retrying(error, decision.delay.count());
        m_retryTimer->start(int(decision.delay.count()));
        return;
    case Reaction::RefreshToken:
        refreshToken(m_tokens, m_bearerUsed, this,
            [this, error, body](bool ok, const QString &reason)
            {
                if (ok)
                {
                    attempt();
                    return;
                }
                Error failed = error;
                if (!reason.isEmpty())
                    failed.message = reason;
                finish(failed, body);
            },
            m_counters);
        return;
    case Reaction::Park:
    case Reaction::Fail:
    case Reaction::StopRun:
    case Reaction::Cancel:
        break;
    }
    finish(error, body);
}

void ApiCall::finish(const Error &error, const QByteArray &body)
{
    if (m_finished)
        return;
    m_finished = true;
    m_retryTimer->stop();
    if (m_counters)
        m_counters->waiting.clear(this);
    if (error.isError())
    {
        if (m_counters)
            ++m_counters->failures;
        qCDebug(lcNet).noquote() << describe() << "failed:" << error.toString();
    }
    emit finished(error, body);
    deleteLater();
}

} // namespace Net
