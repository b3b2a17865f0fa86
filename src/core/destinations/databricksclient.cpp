// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/databricksclient.h"

#include "net/tokenprovider.h"
#include "net/errorclassifier.h"
#include "net/network.h"
#include "util/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Dest
{
QByteArray DatabricksResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
    {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

struct DatabricksClient::Pending
{
    QByteArray verb;
    QUrl url;
    QByteArray body;
    QByteArray contentType;
    QPointer<QObject> context;
    bool hasContext = false;
    Done done;
    Net::RetryPolicy policy; ///< this call's one refresh, and its tries unless a file's budget is given
    std::shared_ptr<Net::RetryPolicy> budget; ///< a file's (fileBudget()): the tries are drawn from it
    bool bearer = true;
    QByteArray bearerUsed;
    QList<QPair<QByteArray, QByteArray>> headers;
};

DatabricksClient::DatabricksClient(QNetworkAccessManager *nam, Net::TokenProvider *tokens, const QUrl &host,
                                   QObject *parent)
    : QObject(parent)
    // Our own connection pool: Drive bodies held back by backpressure must never take the connections a
    // Databricks upload needs to drain them (QNAM allows 6 per host, and the sandbox serves both on one).
    , m_nam(new QNetworkAccessManager(this))
    , m_tokens(tokens)
    , m_host(host.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash))
{
    Q_UNUSED(nam) // kept in the signature so a caller could share its pool again
}

DatabricksClient::~DatabricksClient() = default;

QString DatabricksClient::hostText() const
{
    return m_host.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

QByteArray DatabricksClient::encodePath(const QString &path)
{
    QByteArray out;
    const QStringList segments = path.split(u'/');
    for (qsizetype i = 0; i < segments.size(); ++i)
    {
        if (i > 0)
            out += '/';
        // Only unreserved bytes stay raw: '+' must travel as %2B or the server reads a space
        // (databricks-api.md §3), '?' and '#' would cut the path.
        out += QUrl::toPercentEncoding(segments.at(i));
    }
    return out;
}

QUrl DatabricksClient::url(const QByteArray &encodedApiPath, const QByteArray &encodedQuery) const
{
    QByteArray text = m_host.toEncoded(QUrl::StripTrailingSlash) + encodedApiPath;
    if (!encodedQuery.isEmpty())
        text += '?' + encodedQuery;
    return QUrl::fromEncoded(text, QUrl::StrictMode);
}

QByteArray DatabricksClient::bearer() const
{
    return m_tokens ? m_tokens->accessToken() : QByteArray();
}

QNetworkRequest DatabricksClient::makeRequest(const QUrl &url) const
{
    return Net::makeRequest(url, bearer());
}

Net::Error DatabricksClient::rejectedError() const
{
    Net::Error e;
    e.errorClass = Net::ErrorClass::Auth;
    e.httpStatus = 403;
    e.reason = u"invalidToken"_s;
    e.message = tr("Databricks rejected the token for %1: sign in to the workspace again (app: Accounts → Databricks workspaces; command line: drive-ingest-cli databricks-login)").arg(hostText());
    return e;
}

std::shared_ptr<Net::RetryPolicy> DatabricksClient::fileBudget(const QString &key)
{
    std::shared_ptr<Net::RetryPolicy> &budget = m_fileBudgets[key];
    if (!budget)
        budget = std::make_shared<Net::RetryPolicy>(m_backoffPolicy);
    return budget;
}

void DatabricksClient::releaseFileBudget(const QString &key)
{
    m_fileBudgets.remove(key);
}

Net::Error DatabricksClient::retriesExhausted(const Net::Error &last, int tries)
{
    Net::Error e = last;
    e.errorClass = Net::ErrorClass::Permanent;
    e.reason = u"retriesExhausted"_s;
    e.message = tr("Gave up after %n tries: %1", nullptr, tries).arg(last.message.isEmpty() ? last.reason : last.message);
    return e;
}

std::shared_ptr<DatabricksClient::Pending> DatabricksClient::pending(const QByteArray &verb, const QUrl &url,
                                                                     const QByteArray &body, QObject *context, Done done,
                                                                     std::shared_ptr<Net::RetryPolicy> budget) const
{
    auto p = std::make_shared<Pending>();
    p->verb = verb;
    p->url = url;
    p->body = body;
    p->context = context;
    p->hasContext = context != nullptr;
    p->done = std::move(done);
    p->policy = Net::RetryPolicy(m_backoffPolicy);
    p->budget = std::move(budget);
    return p;
}

void DatabricksClient::enqueue(const std::shared_ptr<Pending> &p)
{
    m_queue.append(p);
    // Never answer synchronously: callers may still be setting up.
    QMetaObject::invokeMethod(this, &DatabricksClient::dispatch, Qt::QueuedConnection);
}

void DatabricksClient::sendAgain(const std::shared_ptr<Pending> &p)
{
    m_queue.prepend(p);
    dispatch();
}

void DatabricksClient::call(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                            const QByteArray &contentType, QObject *context, Done done,
                            std::shared_ptr<Net::RetryPolicy> budget)
{
    const std::shared_ptr<Pending> p = pending(verb, url, body, context, std::move(done), std::move(budget));
    p->contentType = contentType;
    enqueue(p);
}

void DatabricksClient::presigned(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers, QObject *context, Done done,
                                 std::shared_ptr<Net::RetryPolicy> budget)
{
    const std::shared_ptr<Pending> p = pending(verb, url, body, context, std::move(done), std::move(budget));
    p->bearer = false; // a signed URL: the Databricks token must not travel to the storage provider
    p->headers = headers;
    enqueue(p);
}

void DatabricksClient::dbfs(const QByteArray &verb, const QByteArray &endpoint, const QByteArray &jsonOrQuery,
                            QObject *context, Done done, std::shared_ptr<Net::RetryPolicy> budget)
{
    if (verb == "GET")
        call(verb, url("/api/2.0/dbfs/"_ba + endpoint, jsonOrQuery), {}, {}, context, std::move(done), std::move(budget));
    else
        call(verb, url("/api/2.0/dbfs/"_ba + endpoint), jsonOrQuery, "application/json"_ba, context, std::move(done),
             std::move(budget));
}

void DatabricksClient::dispatch()
{
    while (!m_queue.isEmpty() && (m_rejected || m_inFlight < m_maxInFlight))
    {
        const std::shared_ptr<Pending> p = m_queue.takeFirst();
        if (p->hasContext && !p->context)
            continue;
        if (m_rejected)
        {
            complete(p, rejectedError(), {});
            continue;
        }
        send(p);
    }
}

void DatabricksClient::send(const std::shared_ptr<Pending> &p)
{
    ++m_inFlight;
    ++m_callsMade;
    m_peakInFlight = qMax(m_peakInFlight, m_inFlight);
    p->bearerUsed = p->bearer && m_tokens ? m_tokens->accessToken() : QByteArray();
    QNetworkRequest request = Net::makeRequest(p->url, p->bearerUsed);
    request.setTransferTimeout(60'000);
    for (const auto &[name, value] : p->headers)
        request.setRawHeader(name, value);
    if (!p->contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, p->contentType);
    const bool noBody = p->body.isEmpty() && (p->verb == "GET" || p->verb == "DELETE");
    // head(), not a custom "HEAD": Qt would otherwise wait for Content-Length bytes of body that never come.
    QNetworkReply *reply = p->verb == "HEAD" ? m_nam->head(request)
        : noBody                             ? m_nam->sendCustomRequest(request, p->verb)
                                             : m_nam->sendCustomRequest(request, p->verb, p->body);
    Net::guardRedirects(reply);
    connect(reply, &QNetworkReply::finished, this, [this, p, reply] { onFinished(p, reply); });
}

void DatabricksClient::onFinished(const std::shared_ptr<Pending> &p, QNetworkReply *reply)
{
    --m_inFlight;
    reply->deleteLater();
    DatabricksResponse response;
    response.body = reply->isOpen() ? reply->readAll() : QByteArray();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = reply->rawHeaderPairs();
    Net::Error error = Net::classifyReply(reply, Net::Service::Databricks, response.body);
    if (error.errorClass == Net::ErrorClass::Cancelled)
    {
        // Nobody aborts control calls: this is Qt's transfer timeout.
        error.errorClass = Net::ErrorClass::Transient;
        error.reason = u"timeout"_s;
    }
    QMetaObject::invokeMethod(this, &DatabricksClient::dispatch, Qt::QueuedConnection);

    if (!error.isError())
    {
        complete(p, error, response);
        return;
    }
    if (!p->bearer && error.errorClass == Net::ErrorClass::Auth)
    {
        // A presigned URL's 401/403 (expired signature) says nothing about our token.
        error.errorClass = Net::ErrorClass::Permanent;
        error.reason = u"presignedRefused"_s;
    }
    // A file's calls draw their tries from its budget; the one refresh is the call's own.
    Net::RetryPolicy &policy = p->budget && Net::Backoff::isRetryable(error) ? *p->budget : p->policy;
    const Net::Decision decision = policy.decide(error);
    switch (decision.reaction)
    {
    case Net::Reaction::Retry:
        qCInfo(lcDest) << p->verb << p->url.path() << Net::errorClassName(error.errorClass) << error.reason
                       << "retry in" << decision.delay.count() << "ms";
        QTimer::singleShot(decision.delay, this, [this, p] { sendAgain(p); });
        return;
    case Net::Reaction::RefreshToken:
        refreshOnce(p->bearerUsed, [this, p](bool ok) {
            if (ok)
                sendAgain(p);
            else
                complete(p, rejectedError(), {});
        });
        return;
    case Net::Reaction::Park:
    case Net::Reaction::Fail:
    case Net::Reaction::StopRun:
    case Net::Reaction::Cancel:
        break;
    }
    if (error.errorClass == Net::ErrorClass::Auth)
    {
        reject(error.message);
        complete(p, rejectedError(), response);
        return;
    }
    if (p->budget && Net::Backoff::isRetryable(error))
        error = retriesExhausted(error, p->budget->backoffPolicy().maxTries);
    complete(p, error, response);
}

void DatabricksClient::complete(const std::shared_ptr<Pending> &p, const Net::Error &error,
                                const DatabricksResponse &response)
{
    if (p->hasContext && !p->context)
        return;
    if (p->done)
        p->done(error, response);
}

void DatabricksClient::handleAuthFailure(const QByteArray &bearerUsed, QObject *context,
                                         std::function<void(bool retry)> done)
{
    refreshOnce(bearerUsed, [guard = QPointer<QObject>(context), done = std::move(done)](bool ok) {
        if (guard)
            done(ok);
    });
}

void DatabricksClient::refreshOnce(const QByteArray &bearerUsed, std::function<void(bool ok)> done)
{
    if (m_rejected)
    {
        done(false);
        return;
    }
    if (!m_tokens)
    {
        reject(u"no token provider"_s);
        done(false);
        return;
    }
    // Sent with a token that another call's refresh has replaced meanwhile: Net::refreshToken() just lets it
    // try the new one. Otherwise this is the workspace's one refresh, or the refreshed token was refused too.
    if (m_tokens->accessToken() == bearerUsed)
    {
        if (m_refreshed && m_refreshing == 0)
        {
            reject(u"the refreshed token was refused too"_s);
            done(false);
            return;
        }
        m_refreshed = true;
    }
    ++m_refreshing;
    Net::refreshToken(m_tokens, bearerUsed, this, [this, done = std::move(done)](bool ok, const QString &reason) {
        --m_refreshing;
        if (!ok)
            reject(reason);
        done(ok && !m_rejected);
    });
}

void DatabricksClient::reject(const QString &detail)
{
    if (m_rejected)
        return;
    m_rejected = true;
    qCWarning(lcDest) << "token refused for" << hostText() << ":" << detail;
    emit rejected(rejectedError());
    dispatch();
}

void DatabricksClient::ensureDirectory(const QString &volumePath, QObject *context,
                                       std::function<void(const Net::Error &)> done, std::shared_ptr<Net::RetryPolicy> budget)
{
    auto it = m_dirs.find(volumePath);
    if (it != m_dirs.end() && it->done)
    {
        QMetaObject::invokeMethod(context, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    const bool first = it == m_dirs.end();
    DirState &state = m_dirs[volumePath];
    state.waiters.append({QPointer<QObject>(context), std::move(done)});
    if (!first)
        return;
    call("PUT"_ba, url("/api/2.0/fs/directories"_ba + encodePath(volumePath)), {}, {}, this,
         [this, volumePath](const Net::Error &error, const DatabricksResponse &) {
             DirState &s = m_dirs[volumePath];
             const auto waiters = std::exchange(s.waiters, {});
             if (error.isError())
                 m_dirs.remove(volumePath); // the next file may try again
             else
                 s.done = true;
             for (const auto &[ctx, fn] : waiters)
             {
                 if (ctx)
                     fn(error);
             }
         },
         std::move(budget));
}

} // namespace Dest
