// SPDX-License-Identifier: GPL-3.0-or-later
// Engine::currentSnapshot() only reads (issue 10 item 4): asking for a picture of the run between two ticks
// must not swallow a change the next tick reports to the faces. The real Engine against a scripted Drive (a
// QTcpServer in this process) that answers files.get and holds every body request open, so one file stays in
// flight and the other queued for as long as the test needs.
#include "destinations/localdestination.h"
#include "net/tokenprovider.h"
#include "transfer/engine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Transfer::FileState;

namespace
{
/// files.get answers for the ids it knows; alt=media requests are held open (never answered).
class HoldingDrive final : public QObject
{
public:
    HoldingDrive()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QIODevice::readyRead, socket, [this, socket] { answer(socket); });
        });
    }
    [[nodiscard]] QUrl base() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    int bodiesAsked = 0;

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray head = socket->property("head").toByteArray() + socket->readAll();
        if (!head.contains("\r\n\r\n"))
        {
            socket->setProperty("head", head);
            return;
        }
        socket->setProperty("head", QByteArray());
        const QUrl target = QUrl::fromEncoded(head.split(' ').value(1));
        if (target.query().contains(u"alt=media"_s))
        {
            ++bodiesAsked; // held: the file stays in flight
            return;
        }
        const QString id = target.path().section(u'/', -1);
        QJsonObject file;
        file.insert(u"id"_s, id);
        file.insert(u"name"_s, QString(id + u".bin"_s));
        file.insert(u"mimeType"_s, u"application/octet-stream"_s);
        file.insert(u"size"_s, u"1000"_s);
        file.insert(u"md5Checksum"_s, u"00000000000000000000000000000000"_s);
        const QByteArray body = QJsonDocument(file).toJson(QJsonDocument::Compact);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    QTcpServer m_server;
};

QList<quint64> keysOf(const Transfer::Snapshot &s)
{
    QList<quint64> keys;
    for (const Transfer::FileStatus &f : s.files)
        keys.append(f.key);
    return keys;
}
} // namespace

class TestEngineSnapshot final : public QObject
{
    Q_OBJECT

private slots:
    void currentSnapshotChangesNothing();
};

void TestEngineSnapshot::currentSnapshotChangesNothing()
{
    HoldingDrive drive;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QNetworkAccessManager nam;
    Net::StaticTokenProvider token("scripted-token-0123456789", u"scripted"_s);
    Dest::LocalDestination destination(dir.path());
    Transfer::RunOptions options;
    options.parallel = 1;
    options.requestsPerSecond = 200;
    options.burst = 200;
    Transfer::Engine engine({&nam, &token, &destination, Net::Endpoints::sandbox(drive.base())}, options);

    QMap<quint64, Transfer::FileStatus> seen;
    Transfer::Snapshot last;
    connect(&engine, &Transfer::Engine::snapshot, this, [&](const Transfer::Snapshot &s) {
        last = s;
        for (const Transfer::FileStatus &f : s.files)
            seen.insert(f.key, f);
    });
    engine.start({{u"a"_s, {}, Drive::DriveRef::Kind::File}, {u"b"_s, {}, Drive::DriveRef::Kind::File}});
    // One file in flight (its body held), the other queued behind it.
    QTRY_VERIFY_WITH_TIMEOUT(drive.bodiesAsked == 1 && last.filesTotal == 2 && seen.size() == 2, 10000);
    quint64 queued = 0;
    for (const Transfer::FileStatus &f : std::as_const(seen))
    {
        if (f.state == FileState::Queued)
            queued = f.key;
    }
    QVERIFY(queued != 0);

    // A change between two ticks: the queued file is paused.
    engine.pauseFile(queued);
    const Transfer::Snapshot first = engine.currentSnapshot();
    const Transfer::Snapshot second = engine.currentSnapshot();
    QVERIFY(keysOf(first).contains(queued));
    QCOMPARE(keysOf(second), keysOf(first));
    QCOMPARE(second.filesActive, first.filesActive);
    QCOMPARE(second.bytesDone, first.bytesDone);
    QCOMPARE(second.rate, first.rate);
    QCOMPARE(second.requestsPerSecond, first.requestsPerSecond);
    QCOMPARE(second.limitedBy, first.limitedBy);

    // The next tick still tells the faces about it.
    QSignalSpy ticks(&engine, &Transfer::Engine::snapshot);
    QVERIFY(ticks.wait(5000));
    const auto next = ticks.constLast().constFirst().value<Transfer::Snapshot>();
    QVERIFY(keysOf(next).contains(queued));
    for (const Transfer::FileStatus &f : next.files)
    {
        if (f.key == queued)
            QCOMPARE(f.state, FileState::Paused);
    }
    engine.cancel();
    QVERIFY(engine.isFinished());
}

QTEST_GUILESS_MAIN(TestEngineSnapshot)
#include "tst_engine_snapshot.moc"
