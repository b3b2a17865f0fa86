// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/loopbacklistener.h"

#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using Auth::LoopbackListener;

class TestAuthListener final : public QObject
{
    Q_OBJECT

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
    };

    Answer get(quint16 port, const QByteArray &target)
    {
        QNetworkRequest request(QUrl::fromEncoded("http://127.0.0.1:"_ba + QByteArray::number(port) + target));
        std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(5000);
        return { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), reply->error() };
    }

    bool connects(const QHostAddress &address, quint16 port)
    {
        QTcpSocket socket;
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        QSignalSpy failed(&socket, &QTcpSocket::errorOccurred);
        socket.connectToHost(address, port);
        (void)QTest::qWaitFor([&] { return connected.size() + failed.size() > 0; }, 5000);
        return connected.size() > 0;
    }

    QNetworkAccessManager m_nam;

private slots:
    void bindsLoopbackOnly()
    {
        LoopbackListener listener;
        listener.setExpectedState("s"_ba);
        QVERIFY2(listener.listen(), qPrintable(listener.errorString()));
        QCOMPARE(listener.serverAddress(), QHostAddress(QHostAddress::LocalHost));
        QVERIFY(listener.port() != 0);
        QCOMPARE(listener.redirectUri(), QUrl(u"http://127.0.0.1:%1/"_s.arg(listener.port())));
        QVERIFY(connects(QHostAddress::LocalHost, listener.port()));
        // Every other address of this machine must refuse the connection.
        int tried = 0;
        for (const QHostAddress &address : QNetworkInterface::allAddresses())
        {
            if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            ++tried;
            QVERIFY2(!connects(address, listener.port()), qPrintable(address.toString()));
        }
        if (tried == 0)
            qInfo("no non-loopback IPv4 address on this machine; bound-address check only");
    }

    void acceptsValidRedirectOnceAndCloses()
    {
        LoopbackListener listener;
        listener.setExpectedState("state-123"_ba);
        QVERIFY(listener.listen());
        const quint16 port = listener.port();
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        // Google-like code with '/' and '+': must arrive decoded exactly once.
        const Answer answer = get(port, "/?state=state-123&code=4%2F0AbC%2Bd-e_f&scope=x"_ba);
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.body.contains("close this window"));
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.at(0).at(0).toByteArray(), "4/0AbC+d-e_f"_ba);
        QVERIFY(!listener.isListening());
        QCOMPARE(listener.port(), port); // the redirect URI stays valid for the code exchange
        QVERIFY(!connects(QHostAddress::LocalHost, port));
    }

    void rejectsWrongStateAndKeepsWaiting()
    {
        LoopbackListener listener;
        listener.setExpectedState("right-state"_ba);
        QVERIFY(listener.listen());
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        QSignalSpy rejected(&listener, &LoopbackListener::requestRejected);
        QSignalSpy failed(&listener, &LoopbackListener::failed);
        QCOMPARE(get(listener.port(), "/?state=wrong-state&code=abc"_ba).status, 400);
        QCOMPARE(get(listener.port(), "/?code=abc"_ba).status, 400);
        QCOMPARE(get(listener.port(), "/?state=right-state"_ba).status, 400); // neither code nor error
        QCOMPARE(get(listener.port(), "/favicon.ico"_ba).status, 404);
        QCOMPARE(codes.size(), 0);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(rejected.size(), 3);
        QVERIFY(rejected.at(0).at(0).toString().contains(u"state"_s));
        QVERIFY(listener.isListening());
        QCOMPARE(get(listener.port(), "/?state=right-state&code=good"_ba).status, 200);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.at(0).at(0).toByteArray(), "good"_ba);
    }

    void callbackPath()
    {
        LoopbackListener listener;
        listener.setExpectedState("s1"_ba);
        listener.setCallbackPath(u"/callback"_s);
        QVERIFY(listener.listen());
        QVERIFY(listener.redirectUri().toString().endsWith(u"/callback"_s));
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        QCOMPARE(get(listener.port(), "/?state=s1&code=c"_ba).status, 404);
        QCOMPARE(get(listener.port(), "/callback?state=s1&code=c"_ba).status, 200);
        QCOMPARE(codes.size(), 1);
    }

    void accessDenied()
    {
        LoopbackListener listener;
        listener.setExpectedState("st"_ba);
        QVERIFY(listener.listen());
        QSignalSpy failed(&listener, &LoopbackListener::failed);
        QCOMPARE(get(listener.port(), "/?error=access_denied&state=st"_ba).status, 200);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<LoopbackListener::Failure>(), LoopbackListener::Failure::AccessDenied);
        QVERIFY(failed.at(0).at(1).toString().contains(u"denied"_s));
        QVERIFY(!listener.isListening());
    }

    void portAlreadyInUse()
    {
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost));
        LoopbackListener listener;
        QVERIFY(!listener.listen(occupant.serverPort()));
        QVERIFY2(listener.errorString().contains(u"port %1 is already in use"_s.arg(occupant.serverPort())),
            qPrintable(listener.errorString()));
        QVERIFY(!listener.isListening());
    }

    void fixedPort()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        LoopbackListener listener;
        QVERIFY2(listener.listen(port), qPrintable(listener.errorString()));
        QCOMPARE(listener.port(), port);
    }

    void timesOut()
    {
        LoopbackListener listener;
        listener.setExpectedState("st"_ba);
        listener.setTimeout(std::chrono::milliseconds(200));
        QVERIFY(listener.listen());
        QSignalSpy failed(&listener, &LoopbackListener::failed);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<LoopbackListener::Failure>(), LoopbackListener::Failure::TimedOut);
        QVERIFY(!listener.isListening());
    }

    void rejectsNonGet()
    {
        LoopbackListener listener;
        listener.setExpectedState("st"_ba);
        QVERIFY(listener.listen());
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/?state=st&code=c"_s.arg(listener.port())));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "text/plain"_ba);
        std::unique_ptr<QNetworkReply> reply(m_nam.post(request, "x"_ba));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
        QVERIFY(listener.isListening());
    }
};

QTEST_GUILESS_MAIN(TestAuthListener)
#include "tst_auth_listener.moc"
