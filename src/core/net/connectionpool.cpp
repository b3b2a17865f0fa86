// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/connectionpool.h"

#include "net/httpput.h"
#include "net/streamreply.h"
#include "util/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace Net
{
ConnectionPool::ConnectionPool(QNetworkAccessManager *shared, int maxConnections, QObject *parent)
    : QObject(parent)
    , m_shared(shared)
    , m_maxManagers(maxConnections > 0 ? (maxConnections + BodiesPerManager - 1) / BodiesPerManager : 0)
{
}

bool ConnectionPool::mayUseHttp2(const QNetworkRequest &request)
{
    return request.url().scheme() == u"https"_s
        && request.attribute(QNetworkRequest::Http2AllowedAttribute, true).toBool();
}

int ConnectionPool::inFlight() const
{
    int sum = m_streams;
    for (const Manager &manager : m_managers)
        sum += manager.inFlight;
    return sum;
}

QNetworkAccessManager *ConnectionPool::newManager()
{
    auto *nam = new QNetworkAccessManager(this);
    if (m_shared)
    {
        // What a caller may have set on the run's manager; TLS and the per-request rules need no copy.
        nam->setProxy(m_shared->proxy());
        nam->setRedirectPolicy(m_shared->redirectPolicy());
        nam->setTransferTimeout(m_shared->transferTimeout());
        nam->setStrictTransportSecurityEnabled(m_shared->isStrictTransportSecurityEnabled());
    }
    return nam;
}

int ConnectionPool::pick()
{
    for (int i = 0; i < m_managers.size(); ++i)
    {
        if (m_managers.at(i).inFlight < BodiesPerManager)
            return i;
    }
    if (m_maxManagers == 0 || m_managers.size() < m_maxManagers)
    {
        m_managers.append({newManager(), 0});
        qCDebug(lcNet) << "body connection pool: manager" << m_managers.size() << "for more than"
                       << (m_managers.size() - 1) * BodiesPerManager << "bodies in flight";
        return int(m_managers.size()) - 1;
    }
    // At the cap: Qt queues the request behind that manager's connections.
    int least = 0;
    for (int i = 1; i < m_managers.size(); ++i)
    {
        if (m_managers.at(i).inFlight < m_managers.at(least).inFlight)
            least = i;
    }
    return least;
}

QNetworkReply *ConnectionPool::streamed(const QNetworkRequest &request, qint64 expectedBytes)
{
    if (m_streamThreshold < 0 || expectedBytes < m_streamThreshold)
        return nullptr;
    const QString scheme = request.url().scheme();
    if (scheme != u"http"_s && scheme != u"https"_s)
        return nullptr; // Qt says what is wrong with it
    if (m_maxManagers > 0 && inFlight() >= m_maxManagers * BodiesPerManager)
        return nullptr; // at the cap: Qt queues it
    // The proxy the managers would use: the one set on the run's manager, else the application's.
    std::optional<QNetworkProxy> proxy;
    const QNetworkProxy set = m_shared ? m_shared->proxy() : QNetworkProxy(QNetworkProxy::DefaultProxy);
    if (set.type() == QNetworkProxy::DefaultProxy)
        proxy = HttpPut::tunnelProxyFor(request.url());
    else if (set.type() == QNetworkProxy::NoProxy || set.type() == QNetworkProxy::Socks5Proxy || set.type() == QNetworkProxy::HttpProxy)
        proxy = set;
    if (!proxy)
        return nullptr;
    return new StreamReply(request, *proxy, this);
}

void ConnectionPool::count(QNetworkReply *reply, const std::function<void(int)> &adjust)
{
    adjust(+1);
    // finished() comes once (abort() emits it too); a reply deleted before it never emits it.
    auto counted = std::make_shared<bool>(true);
    const auto release = [adjust, counted] {
        if (!*counted)
            return;
        *counted = false;
        adjust(-1);
    };
    connect(reply, &QNetworkReply::finished, this, release);
    connect(reply, &QObject::destroyed, this, release);
}

QNetworkReply *ConnectionPool::get(const QNetworkRequest &request, qint64 expectedBytes)
{
    if (m_shared && mayUseHttp2(request))
        return m_shared->get(request);
    if (QNetworkReply *reply = streamed(request, expectedBytes))
    {
        count(reply, [this](int delta) { m_streams += delta; });
        return reply;
    }
    const int index = pick();
    QNetworkReply *reply = m_managers.at(index).nam->get(request);
    count(reply, [this, index](int delta) { m_managers[index].inFlight += delta; });
    return reply;
}

} // namespace Net
