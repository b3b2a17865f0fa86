// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/loopbacklistener.h"

#include "auth/pkce.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Auth
{
namespace
{
// A browser's request line plus headers fits easily; anything bigger is not a redirect.
constexpr qsizetype maxRequestBytes = 16 * 1024;

QString statusText(int status)
{
    switch (status)
    {
    case 200:
        return u"OK"_s;
    case 400:
        return u"Bad Request"_s;
    case 404:
        return u"Not Found"_s;
    case 405:
        return u"Method Not Allowed"_s;
    default:
        return u"Error"_s;
    }
}
} // namespace

LoopbackListener::LoopbackListener(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(std::chrono::minutes(5));
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackListener::onNewConnection);
    connect(m_timer, &QTimer::timeout, this,
        [this]
        {
            if (m_done)
                return;
            finish();
            emit failed(Failure::TimedOut, tr("No answer from the browser: the sign-in timed out. Start it again."));
        });
}

LoopbackListener::~LoopbackListener() = default;

void LoopbackListener::setExpectedState(const QByteArray &state)
{
    m_expectedState = state;
}

void LoopbackListener::setTimeout(std::chrono::milliseconds timeout)
{
    m_timer->setInterval(timeout);
}

void LoopbackListener::setCallbackPath(const QString &path)
{
    m_callbackPath = path.startsWith(u'/') ? path : u'/' + path;
}

bool LoopbackListener::listen(quint16 port)
{
    m_done = false;
    m_error.clear();
    // LocalHost only: a listener on all interfaces would let anyone on the network race the browser.
    if (!m_server->listen(QHostAddress::LocalHost, port))
    {
        if (m_server->serverError() == QAbstractSocket::AddressInUseError)
            m_error = tr("port %1 is already in use: choose another port or let the app pick a free one.").arg(port);
        else
            m_error = tr("cannot listen on 127.0.0.1 port %1: %2").arg(port).arg(m_server->errorString());
        return false;
    }
    // Remembered: the redirect URI must stay the same for the code exchange after the server closed.
    m_port = m_server->serverPort();
    if (m_timer->interval() > 0)
        m_timer->start();
    return true;
}

void LoopbackListener::close()
{
    m_timer->stop();
    m_server->close();
}

bool LoopbackListener::isListening() const
{
    return m_server->isListening();
}

quint16 LoopbackListener::port() const
{
    return m_port;
}

QHostAddress LoopbackListener::serverAddress() const
{
    return m_server->serverAddress();
}

QUrl LoopbackListener::redirectUri() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    url.setPath(m_callbackPath);
    return url;
}

QString LoopbackListener::errorString() const
{
    return m_error;
}

void LoopbackListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection())
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
        // Bound to 127.0.0.1 already; this only guards against a misconfigured stack.
        if (!socket->peerAddress().isLoopback())
        {
            socket->abort();
            continue;
        }
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void LoopbackListener::onReadyRead(QTcpSocket *socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end())
        return;
    it->append(socket->readAll());
    if (it->size() > maxRequestBytes)
    {
        m_buffers.erase(it);
        respond(socket, 400, tr("Request too large"), tr("This address only accepts a sign-in redirect."));
        return;
    }
    const qsizetype end = it->indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QByteArray head = it->left(end);
    m_buffers.erase(it);
    const QByteArray requestLine = head.left(head.indexOf("\r\n") < 0 ? head.size() : head.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/"))
    {
        respond(socket, 400, tr("Bad request"), tr("This address only accepts a sign-in redirect."));
        return;
    }
    handleRequest(socket, parts.at(0), parts.at(1));
}

void LoopbackListener::handleRequest(QTcpSocket *socket, const QByteArray &method, const QByteArray &target)
{
    if (m_done)
    {
        respond(socket, 400, tr("Sign-in already finished"), tr("You can close this window."));
        return;
    }
    if (method != "GET")
    {
        respond(socket, 405, tr("Not allowed"), tr("This address only accepts a sign-in redirect."));
        emit requestRejected(tr("ignored a %1 request on the sign-in listener").arg(QString::fromLatin1(method)));
        return;
    }
    // The target is "/path?query" as sent on the wire; parse it without decoding twice: the code may
    // contain '/' or '+', which must reach the token endpoint exactly as the server issued them.
    const QUrl url = QUrl::fromEncoded(QByteArray("http://127.0.0.1") + target, QUrl::StrictMode);
    if (!url.isValid() || url.path() != m_callbackPath)
    {
        respond(socket, 404, tr("Not found"), tr("This address only accepts a sign-in redirect."));
        return;
    }
    const QUrlQuery query(url);
    const QByteArray state = query.queryItemValue(u"state"_s, QUrl::FullyDecoded).toUtf8();
    const QString error = query.queryItemValue(u"error"_s, QUrl::FullyDecoded);
    const QByteArray code = query.queryItemValue(u"code"_s, QUrl::FullyDecoded).toUtf8();
    if (code.isEmpty() && error.isEmpty())
    {
        respond(socket, 400, tr("Not a sign-in answer"), tr("The request carried neither a code nor an error."));
        emit requestRejected(tr("ignored a request without code or error on the sign-in listener"));
        return;
    }
    if (m_expectedState.isEmpty() || !Pkce::equalConstantTime(state, m_expectedState))
    {
        respond(socket, 400, tr("Sign-in rejected"),
            tr("This answer does not belong to the sign-in in progress (wrong state). It was ignored."));
        emit requestRejected(tr("rejected a redirect with a wrong state parameter (possible forged request)"));
        return;
    }
    if (!error.isEmpty())
    {
        const bool denied = error == u"access_denied"_s;
        respond(socket, 200, tr("Sign-in cancelled"),
            denied ? tr("Access was not granted. You can close this window.")
                   : tr("The sign-in failed (%1). You can close this window.").arg(error.toHtmlEscaped()));
        finish();
        if (denied)
            emit failed(Failure::AccessDenied,
                tr("Access was denied in the browser: the sign-in was cancelled or Drive access was not "
                   "granted. Sign in again and allow access to Google Drive."));
        else
            emit failed(Failure::ServerError, tr("Google answered the sign-in with the error \"%1\".").arg(error));
        return;
    }
    respond(socket, 200, tr("Signed in"), tr("Drive Ingest received the sign-in. You can close this window."));
    finish();
    emit codeReceived(code);
}

void LoopbackListener::respond(QTcpSocket *socket, int status, const QString &title, const QString &text)
{
    const QByteArray body = u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                            "<body style=\"font-family:sans-serif;margin:3em\"><h1>%1</h1><p>%2</p></body></html>"_s
                                .arg(title.toHtmlEscaped(), text)
                                .toUtf8();
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status).toLatin1() + "\r\n";
    response += "Content-Type: text/html; charset=utf-8\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    response += body;
    socket->write(response);
    socket->disconnectFromHost();
}

void LoopbackListener::finish()
{
    m_done = true;
    m_timer->stop();
    // One-shot: nothing else can connect once the genuine redirect arrived (open sockets finish writing).
    m_server->close();
}

} // namespace Auth
