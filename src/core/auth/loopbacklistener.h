// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>
#include <chrono>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace Auth
{
/**
 * The one-shot HTTP listener that receives the OAuth redirect (RFC 8252 §7.3).
 *
 *   listen() ──▶ listening on 127.0.0.1:PORT (never on other interfaces)
 *      │  GET /?code=…&state=…  (state must match)  ──▶ "you can close this window" page,
 *      │                                                server closed, codeReceived()
 *      │  GET /?error=access_denied&state=…           ──▶ page, server closed, failed()
 *      │  wrong/missing state, other paths, non-GET    ──▶ 400/404 page, requestRejected(), keeps waiting
 *      └─ timeout                                      ──▶ server closed, failed()
 *
 * A wrong `state` does not end the sign-in: a stray or forged request must not be able to cancel the real
 * one, so it is answered and reported, and the listener keeps waiting for the genuine redirect.
 */
class LoopbackListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackListener)

public:
    enum class Failure
    {
        None,
        AccessDenied, ///< the user (or the server) refused consent: error=access_denied
        ServerError, ///< any other `error=` on the redirect
        TimedOut,
    };
    Q_ENUM(Failure)

    explicit LoopbackListener(QObject *parent = nullptr);
    ~LoopbackListener() override;

    /// The `state` the redirect must carry. Set before listen().
    void setExpectedState(const QByteArray &state);
    /// How long to wait for the redirect; default 5 minutes. 0 = forever.
    void setTimeout(std::chrono::milliseconds timeout);
    /// The path the redirect arrives on; default "/".
    void setCallbackPath(const QString &path);

    /// Binds 127.0.0.1 on `port` (0 = a random free port). False with errorString() when that fails,
    /// e.g. "port 8080 is already in use".
    [[nodiscard]] bool listen(quint16 port = 0);
    void close();

    [[nodiscard]] bool isListening() const;
    /// The port listened on (still known after the one-shot close).
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QHostAddress serverAddress() const;
    /// http://127.0.0.1:PORT/ (the literal address, not "localhost": RFC 8252 §8.3).
    [[nodiscard]] QUrl redirectUri() const;
    [[nodiscard]] QString errorString() const;

signals:
    void codeReceived(const QByteArray &code);
    void failed(Auth::LoopbackListener::Failure failure, const QString &message);
    /// A request that was answered and ignored (wrong state, unknown path…). Human text.
    void requestRejected(const QString &reason);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handleRequest(QTcpSocket *socket, const QByteArray &method, const QByteArray &target);
    void respond(QTcpSocket *socket, int status, const QString &title, const QString &text);
    void finish();

    QTcpServer *m_server = nullptr;
    QTimer *m_timer = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QByteArray m_expectedState;
    QString m_callbackPath = QStringLiteral("/");
    QString m_error;
    quint16 m_port = 0;
    bool m_done = false;
};

} // namespace Auth
