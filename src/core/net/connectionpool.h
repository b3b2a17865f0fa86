// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace Net
{
/**
 * Where a run sends its body GETs (media, exportLinks, ranged parts), so that N bodies in flight are N TCP
 * connections (issue 14). One QNetworkAccessManager opens at most 6 HTTP/1.1 connections per host and queues
 * the rest (toolchain.md §6; Qt 6.4 has no QHttp1Configuration to raise it), so the pool opens as many managers
 * as the bodies in flight need, 6 bodies each:
 *
 *   get(request) ── may go over HTTP/2 (https, Http2AllowedAttribute) ──▶ the run's shared manager: h2 puts every
 *        │                                                                request on its one connection anyway
 *        └─ HTTP/1.1 ─▶ the first manager with fewer than 6 bodies in flight (its idle keep-alive connections
 *                       are reused), else a new manager; at maxConnections, the least busy one (Qt queues)
 *
 * A body counts against its manager from get() until its reply finished (abort() included) or is destroyed.
 *
 * A body of at least streamThreshold() bytes over HTTP/1.1 goes on a Net::StreamReply instead: a connection of
 * its own read on this thread, without Qt's HTTP thread and its two hand-offs per socket read (issue 14). Smaller
 * bodies stay on the managers, whose keep-alive connections save a connect (and a TLS handshake) per file.
 * A caching proxy, which a socket cannot speak, keeps every body on the managers.
 *
 * Why one manager per 6 bodies and not one per body slot: every manager runs its own HTTP thread and connection
 * cache, and 16 files × 4 ranged streams would be 64 threads on a 2-core machine; 6 is Qt's own bound per host.
 * Managers are never closed during the run (a few threads, their idle connections reused by later files).
 *
 * Shared by construction: TLS (the default configuration with Net::configureTls's extra CAs), the bearer and
 * redirect rules (per request: Net::makeRequest, Net::guardRedirects). Copied from the shared manager: its
 * proxy, redirect policy, transfer timeout and HSTS setting. Lives on the engine's thread; managers are children.
 */
class ConnectionPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionPool)

public:
    static constexpr int BodiesPerManager = 6; ///< Qt's HTTP/1.1 connections per host and manager
    static constexpr qint64 DefaultStreamThreshold = 8LL << 20;

    /// `shared`: the run's manager (API calls, HTTP/2). `maxConnections` > 0 caps the HTTP/1.1 bodies in flight
    /// before Qt queues them (rounded up to a multiple of 6: whole managers); 0: no cap.
    explicit ConnectionPool(QNetworkAccessManager *shared, int maxConnections = 0, QObject *parent = nullptr);

    /// Sends a GET the way the rules above pick; `expectedBytes`: the body's size when known (-1: unknown).
    [[nodiscard]] QNetworkReply *get(const QNetworkRequest &request, qint64 expectedBytes = -1);

    /// Bodies of at least this many bytes go on a StreamReply (tests lower it; -1: never).
    void setStreamThreshold(qint64 bytes) { m_streamThreshold = bytes; }
    [[nodiscard]] qint64 streamThreshold() const { return m_streamThreshold; }

    [[nodiscard]] int managerCount() const { return int(m_managers.size()); } ///< managers opened so far
    [[nodiscard]] int inFlight() const;                                       ///< HTTP/1.1 bodies being counted
    [[nodiscard]] int streamsInFlight() const { return m_streams; }          ///< of them on a StreamReply
    [[nodiscard]] static bool mayUseHttp2(const QNetworkRequest &request);

private:
    struct Manager
    {
        QNetworkAccessManager *nam = nullptr;
        int inFlight = 0;
    };
    [[nodiscard]] int pick();
    [[nodiscard]] QNetworkAccessManager *newManager();
    /// The body on a StreamReply, or nullptr when it goes through a manager.
    [[nodiscard]] QNetworkReply *streamed(const QNetworkRequest &request, qint64 expectedBytes);
    /// Counts `reply` in (adjust(+1)) until it finished or is destroyed (adjust(-1)).
    void count(QNetworkReply *reply, const std::function<void(int)> &adjust);

    QNetworkAccessManager *m_shared;
    int m_maxManagers = 0; ///< 0: no cap
    QList<Manager> m_managers;
    qint64 m_streamThreshold = DefaultStreamThreshold;
    int m_streams = 0;
};

} // namespace Net
