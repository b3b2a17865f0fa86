// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/connectionpool.h"

#include "util/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

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
    int sum = 0;
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

QNetworkReply *ConnectionPool::get(const QNetworkRequest &request)
{
    if (m_shared && mayUseHttp2(request))
        return m_shared->get(request);
    const int index = pick();
    QNetworkReply *reply = m_managers.at(index).nam->get(request);
    ++m_managers[index].inFlight;
    // finished() comes once (abort() emits it too); a reply deleted before it never emits it.
    auto counted = std::make_shared<bool>(true);
    const auto release = [this, index, counted] {
        if (!*counted)
            return;
        *counted = false;
        --m_managers[index].inFlight;
    };
    connect(reply, &QNetworkReply::finished, this, release);
    connect(reply, &QObject::destroyed, this, release);
    return reply;
}

} // namespace Net
