// SPDX-License-Identifier: GPL-3.0-or-later
// drive-ingest-sandbox content modes (--root, --manifest), --tls, and malformed input.
#include "sandboxtestutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace SandboxTest;

class TestSandboxModes final : public QObject
{
    Q_OBJECT

private slots:
    void localRoot();
    void manifest();
    void exampleManifest();
    void badManifest();
    void badFlags();
    void tls();
    void malformedRequests();
    void staticTokenFile();
    void portInUse();
    void printsTheDemoIdAndAFirstRun();

private:
    static QStringList args(const QStringList &more = {})
    {
        return QStringList { u"--static-token"_s, QString::fromLatin1(kToken), u"--quiet"_s } + more;
    }
};

void TestSandboxModes::localRoot()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(u"sub/deeper"_s));
    const QByteArray hello = "hello, drive\n";
    QByteArray blob(100000, '\0');
    for (int i = 0; i < blob.size(); ++i)
        blob[i] = char((i * 7919) % 251);
    auto write = [&](const QString &rel, const QByteArray &data)
    {
        QFile f(dir.filePath(rel));
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    };
    QVERIFY(write(u"a.txt"_s, hello));
    QVERIFY(write(u"sub/b.bin"_s, blob));
    QVERIFY(write(u"sub/deeper/empty"_s, {}));
    // A symlink leading out of the root is not served.
    QVERIFY(QFile::link(u"/etc"_s, dir.filePath(u"escape"_s)));

    QString bId;
    for (int round = 0; round < 2; ++round)
    {
        SandboxProcess sandbox { args({ u"--root"_s, dir.path() }) };
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
        const Tree tree = loadTree(sandbox, true);
        QCOMPARE(tree.demoRootId, tree.rootId);
        QVERIFY(!tree.byPath.contains(u"escape"_s));
        QCOMPARE(tree.items.size(), 6); // root, a.txt, sub, sub/b.bin, sub/deeper, sub/deeper/empty
        const QJsonObject b = tree.byPath.value(u"sub/b.bin"_s);
        if (round == 0)
            bId = b.value(u"id"_s).toString();
        else
            QCOMPARE(b.value(u"id"_s).toString(), bId); // stable across restarts
        QCOMPARE(b.value(u"md5"_s).toString(),
            QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Md5).toHex()));

        const SandboxProcess::Reply list
            = sandbox.get(u"/drive/v3/files?q=%1&fields=files(name,size)"_s.arg(enc(u"'root' in parents"_s)), auth());
        QCOMPARE(list.status, 200);
        QStringList names;
        for (const QJsonValue &f : list.json().value(u"files"_s).toArray())
            names << f.toObject().value(u"name"_s).toString();
        names.sort();
        QCOMPARE(names, (QStringList { u"a.txt"_s, u"sub"_s }));
        QCOMPARE(sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(tree.id(u"a.txt"_s)), auth()).body, hello);
        const SandboxProcess::Reply part
            = sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(bId), auth({ { "Range", "bytes=1000-1999" } }));
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, blob.mid(1000, 1000));
        QCOMPARE(
            sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(tree.id(u"sub/deeper/empty"_s)), auth()).body.size(), 0);
        QCOMPARE(sandbox.get(u"/drive/v3/files/root?fields=id,name"_s, auth()).json().value(u"name"_s).toString(),
            u"My Drive"_s);
    }
}

void TestSandboxModes::manifest()
{
    QTemporaryDir dir;
    const QByteArray json = R"({
      "my_drive": [
        {"name": "Top", "children": [
          {"name": "x.bin", "size": 5000, "faults": {"error_times": 1, "error_status": 500}},
          {"name": "y.bin", "size": 5000, "seed": 99},
          {"name": "doc", "mimeType": "application/vnd.google-apps.presentation", "export_size": 1000},
          {"name": "to-x", "target": "Top/x.bin"}
        ]}
      ],
      "shared_drives": [{"name": "SD", "children": [{"name": "z.bin", "size": 10}]}]
    })";
    QFile f(dir.filePath(u"m.json"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(json);
    f.close();
    SandboxProcess sandbox { args({ u"--manifest"_s, f.fileName() }) };
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    const Tree tree = loadTree(sandbox);
    QCOMPARE(tree.demoRootId, tree.id(u"Top"_s)); // first top-level folder by default
    QCOMPARE(tree.items.size(), 8); // root, Top, 4 children, SD, z.bin
    const QString x = tree.id(u"Top/x.bin"_s);
    QCOMPARE(tree.byPath.value(u"Top/to-x"_s).value(u"shortcutTargetId"_s).toString(), x);
    QCOMPARE(sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(x), auth()).status, 500);
    QCOMPARE(sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(x), auth()).body.size(), 5000);
    const QByteArray xBytes = sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(x), auth()).body;
    const QByteArray yBytes = sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(tree.id(u"Top/y.bin"_s)), auth()).body;
    QCOMPARE(yBytes.size(), 5000);
    QVERIFY(xBytes != yBytes);
    QCOMPARE(tree.byPath.value(u"SD/z.bin"_s).value(u"driveId"_s).toString(),
        tree.byPath.value(u"SD"_s).value(u"id"_s).toString());
}

void TestSandboxModes::exampleManifest()
{
    const QString file = qEnvironmentVariable("DI_SOURCE_DIR") + u"/src/sandbox/manifests/example.json"_s;
    QVERIFY(QFile::exists(file));
    SandboxProcess sandbox { args({ u"--manifest"_s, file }) };
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    const Tree tree = loadTree(sandbox);
    QCOMPARE(tree.demoRootId, tree.id(u"Example"_s));
    QVERIFY(tree.byPath.contains(u"Example/reports/big.bin"_s));
    QVERIFY(tree.byPath.contains(u"Finance/ledger.csv"_s));
    const SandboxProcess::Reply dangling
        = sandbox.get(u"/drive/v3/files/%1"_s.arg(
                          tree.byPath.value(u"Example/broken link"_s).value(u"shortcutTargetId"_s).toString()),
            auth());
    QCOMPARE(dangling.status, 404);
}

void TestSandboxModes::badManifest()
{
    QTemporaryDir dir;
    const QList<QByteArray> bad { "{not json", "[]", R"({"my_drive": [{"size": 1}]})",
        R"({"my_drive": [{"name": "a", "target": "nowhere"}]})", R"({"my_drive": [{"name": "a", "size": -5}]})" };
    for (const QByteArray &json : bad)
    {
        QFile f(dir.filePath(u"bad.json"_s));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(json);
        f.close();
        SandboxProcess sandbox { args({ u"--manifest"_s, f.fileName() }) };
        QVERIFY2(!sandbox.start(5000), json.constData());
        QVERIFY(sandbox.errorString().contains(u"exited early"_s));
    }
}

void TestSandboxModes::badFlags()
{
    for (const QStringList &flags :
        { QStringList { u"--port"_s, u"notaport"_s }, QStringList { u"--quota-status"_s, u"500"_s },
            QStringList { u"--no-such-flag"_s }, QStringList { u"--root"_s, u"/no/such/dir"_s } })
    {
        SandboxProcess sandbox { args(flags) };
        QVERIFY2(!sandbox.start(5000), qPrintable(flags.join(u' ')));
    }
}

void TestSandboxModes::tls()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    SandboxProcess sandbox { args({ u"--tls"_s }) };
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    QCOMPARE(sandbox.baseUrl().scheme(), u"https"_s);
    const QString caFile = sandbox.readyInfo().value(u"ca_file"_s).toString();
    QVERIFY(QFile::exists(caFile));
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(caFile);
    QCOMPARE(ca.size(), 1);

    auto fetch = [&](bool trustCa, QNetworkReply::NetworkError *error)
    {
        QNetworkAccessManager nam; // its own connection cache: a trusted connection is not reused

        QNetworkRequest req { sandbox.url(u"/drive/v3/files?pageSize=3"_s) };
        req.setRawHeader("Authorization", QByteArray("Bearer ") + kToken);
        if (trustCa)
        {
            QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
            conf.addCaCertificates(ca);
            req.setSslConfiguration(conf);
        }
        QNetworkReply *reply = nam.get(req);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        *error = reply->error();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    };
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    const QByteArray body = fetch(true, &error);
    QCOMPARE(error, QNetworkReply::NoError);
    QCOMPARE(QJsonDocument::fromJson(body).object().value(u"files"_s).toArray().size(), 3);
    fetch(false, &error);
    QCOMPARE(error, QNetworkReply::SslHandshakeFailedError); // not trusted without the CA
}

void TestSandboxModes::malformedRequests()
{
    SandboxProcess sandbox { args() };
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    // 64 KB header: refused with 400, the process goes on.
    SandboxProcess::Reply r
        = sandbox.get(u"/drive/v3/about?fields=user"_s, auth({ { "X-Huge", QByteArray(65536, 'h') } }));
    QCOMPARE(r.status, 400);
    // Over-long URL: 414.
    r = sandbox.get(u"/drive/v3/files?q="_s + QString(20000, u'a'), auth());
    QCOMPARE(r.status, 414);
    // Unknown ids, ids that try to walk paths, unknown routes.
    for (const QString &id : { u"1NoSuchId"_s, u"..%2F..%2Fetc%2Fpasswd"_s, u"%00"_s, u"root%2F..%2F.."_s })
    {
        r = sandbox.get(u"/drive/v3/files/%1?alt=media"_s.arg(id), auth());
        QCOMPARE(r.status, 404);
        QCOMPARE(reason(r), u"notFound"_s);
    }
    r = sandbox.get(u"/drive/v3/nothing/here"_s, auth());
    QCOMPARE(r.status, 404);
    QVERIFY(r.json().contains(u"error"_s));
    r = sandbox.get(u"/no/such/service"_s);
    QCOMPARE(r.status, 404);
    QVERIFY(r.json().contains(u"error"_s));
    // Bad parameter values.
    r = sandbox.get(u"/drive/v3/files?supportsAllDrives=perhaps"_s, auth());
    QCOMPARE(r.status, 400);
    r = sandbox.get(u"/drive/v3/files/root?alt=xml"_s, auth());
    QCOMPARE(r.status, 400);
    r = sandbox.request(
        "POST", u"/_sandbox/faults"_s, QByteArray(70000, '['), { { "Content-Type", "application/json" } });
    QCOMPARE(r.status, 400);
    // Binary junk straight on the socket.
    {
        QTcpSocket socket;
        socket.connectToHost(sandbox.baseUrl().host(), quint16(sandbox.baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 16));
        socket.waitForReadyRead(3000);
        socket.close();
    }
    // Still alive and answering.
    r = sandbox.get(u"/drive/v3/about?fields=user"_s, auth());
    QCOMPARE(r.status, 200);
}

void TestSandboxModes::staticTokenFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile f(dir.filePath(u"token"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(kToken) + "\n"); // as `echo` writes it: the newline is not part of the token
    f.close();
    {
        SandboxProcess sandbox { { u"--static-token-file"_s, f.fileName(), u"--quiet"_s } };
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
        QCOMPARE(sandbox.get(u"/drive/v3/about?fields=user"_s, auth()).status, 200);
        QCOMPARE(sandbox.get(u"/drive/v3/about?fields=user"_s, { { "Authorization", "Bearer other" } }).status, 401);
        QCOMPARE(sandbox.get(u"/drive/v3/about?fields=user"_s).status, 401);
    }
    // A missing or empty file, or both options at once, stop it at start.
    QFile empty(dir.filePath(u"empty"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    for (const QStringList &flags : { QStringList { u"--static-token-file"_s, dir.filePath(u"missing"_s) },
             QStringList { u"--static-token-file"_s, empty.fileName() },
             QStringList { u"--static-token"_s, u"t"_s, u"--static-token-file"_s, f.fileName() } })
    {
        SandboxProcess sandbox { flags + QStringList { u"--quiet"_s } };
        QVERIFY2(!sandbox.start(5000), qPrintable(flags.join(u' ')));
    }
}

// Issue 15 item 4: httplib's SO_REUSEPORT let a second sandbox bind the same port and take half the
// connections. A port in use is an error now, and the first sandbox keeps answering every request.
void TestSandboxModes::portInUse()
{
    SandboxProcess first { args() };
    QVERIFY2(first.start(), qPrintable(first.errorString()));
    const QString port = QString::number(first.baseUrl().port());
    SandboxProcess second { args({ u"--port"_s, port }) };
    QVERIFY2(!second.start(5000), "a second sandbox started on a port in use");
    QVERIFY2(second.errorString().contains(u"in use"_s), qPrintable(second.errorString()));
    // The first one is untouched.
    QCOMPARE(first.get(u"/drive/v3/files/root?fields=id"_s, auth()).status, 200);
}

// Issue 15 item 1: the demo tree's id and a first command are printed when the sandbox starts.
void TestSandboxModes::printsTheDemoIdAndAFirstRun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile tokenFile(dir.filePath(u"token"_s));
    QVERIFY(tokenFile.open(QIODevice::WriteOnly));
    tokenFile.write(kToken);
    tokenFile.close();
    SandboxProcess sandbox { { u"--static-token-file"_s, tokenFile.fileName() } };
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    const QString demoId = sandbox.readyInfo().value(u"demo_root_id"_s).toString();
    QVERIFY(!demoId.isEmpty());
    QByteArray printed;
    QTRY_VERIFY_WITH_TIMEOUT((printed += sandbox.serverOutput()).contains("exit code 1"), 10000);
    const QString text = QString::fromUtf8(printed);
    QVERIFY2(text.startsWith(sandbox.baseUrl().toString() + u'\n'), qPrintable(text)); // scripts read line one
    QVERIFY2(text.contains(u"demo tree id: "_s + demoId), qPrintable(text));
    QVERIFY2(text.contains(u"first run: drive-ingest-cli ingest "_s + demoId + u" --to drive-ingest-demo --sandbox "_s
                 + sandbox.baseUrl().toString() + u" --access-token-file "_s + tokenFile.fileName()),
        qPrintable(text));
    QVERIFY(!text.contains(QString::fromLatin1(kToken))); // the token itself is never echoed
}

QTEST_GUILESS_MAIN(TestSandboxModes)
#include "tst_sandbox_modes.moc"
