// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14 "HTTP/2 in tests", acceptance 5: real Google answers API calls over HTTP/2, the sandbox speaks
// HTTP/1.1 only. Here an HTTP/2 TLS front (Debian's nginx, started and stopped by the test, serving the
// sandbox's own CA-issued certificate) stands before the sandbox, and the real CLI ingests the demo tree
// through it: the run lands what it lands without the front, listings and files.export go over HTTP/2,
// large bodies (media, exportLinks: DriveClient) over HTTP/1.1, and nothing reaches the sandbox around the front.
// The front names the client's protocol in X-Front-Protocol; the sandbox counts it ("front_protocols").
#include "sandboxprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray token = "http2-front-static-token-7c41d2"_ba;

/// The sandbox's built-in demo tree, as sources for one run: every item directly under the demo root but the
/// trashed ones, "Large" (1 GiB), Binary/100MiB.bin and the shortcut to the root (which holds both): a
/// default-run test stays short. "Huge report" (over the 10 MB export limit) comes through its exportLinks URL.
QStringList demoSources(const QJsonObject &tree)
{
    const QString root = u"Drive Ingest Demo/"_s;
    const QStringList descend { u"Binary"_s, u"Shortcuts"_s };
    const QStringList skip { u"Large"_s, u"Binary/100MiB.bin"_s, u"Shortcuts/Shortcut to the demo root"_s };
    QStringList ids;
    for (const QJsonValue &value : tree.value(u"items"_s).toArray())
    {
        const QJsonObject item = value.toObject();
        const QString path = item.value(u"path"_s).toString();
        if (!path.startsWith(root) || item.value(u"trashed"_s).toBool())
            continue;
        const QString rel = path.mid(root.size());
        const QString top = rel.section(u'/', 0, 0);
        const bool wanted = descend.contains(top) ? rel.count(u'/') == 1 : !rel.contains(u'/');
        if (wanted && !skip.contains(rel) && !descend.contains(rel))
            ids << item.value(u"id"_s).toString();
    }
    return ids;
}

/// A free loopback port right now (nginx binds it a moment later; start() retries on a clash).
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

/// nginx as an HTTP/2 TLS reverse proxy on 127.0.0.1 before an HTTPS sandbox, in its own temp prefix, as the
/// current user. Stopped on destruction; it dies with the test process too (PR_SET_PDEATHSIG).
class NginxFront
{
public:
    NginxFront() = default;
    ~NginxFront() { stop(); }
    Q_DISABLE_COPY_MOVE(NginxFront)

    static QString program()
    {
        for (const QString &dir : { u"/usr/sbin"_s, u"/usr/local/sbin"_s, u"/sbin"_s })
        {
            if (QFileInfo(dir + u"/nginx"_s).isExecutable())
                return dir + u"/nginx"_s;
        }
        return QStandardPaths::findExecutable(u"nginx"_s);
    }

    bool start(const SandboxProcess &sandbox)
    {
        const QString dataDir = sandbox.dataDir();
        for (int attempt = 0; attempt < 5; ++attempt)
        {
            m_port = freePort();
            if (m_port == 0 || !writeConfig(sandbox, dataDir + u"/sandbox-cert.pem"_s, dataDir + u"/sandbox-key.pem"_s))
                return false;
            if (launch())
                return true;
            if (!m_log.contains("Address already in use"))
                return false;
        }
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate(); // SIGTERM: nginx's fast shutdown, workers included
        if (!m_process.waitForFinished(5000))
        {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    [[nodiscard]] QUrl url() const { return QUrl(u"https://127.0.0.1:%1"_s.arg(m_port)); }
    [[nodiscard]] QString log() const { return QString::fromLocal8Bit(m_log); }

private:
    bool writeConfig(const SandboxProcess &sandbox, const QString &cert, const QString &key)
    {
        const QString prefix = m_dir.path();
        const QUrl backend = sandbox.baseUrl();
        // As root nginx would hand its workers to "nobody", who cannot read the sandbox's 0700 data dir.
        const QString user = ::geteuid() == 0 ? u"user root;\n"_s : QString();
        const QString conf = user
            + uR"(worker_processes 1;
events { worker_connections 1024; }
http {
    access_log %1/access.log;
    client_body_temp_path %1/client_body;
    proxy_temp_path %1/proxy;
    fastcgi_temp_path %1/fastcgi;
    uwsgi_temp_path %1/uwsgi;
    scgi_temp_path %1/scgi;
    upstream sandbox { server 127.0.0.1:%2; keepalive 32; }
    server {
        listen 127.0.0.1:%3 ssl http2;
        ssl_certificate %4;
        ssl_certificate_key %5;
        client_max_body_size 0;
        location / {
            proxy_pass https://sandbox;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Front-Protocol $server_protocol;
            proxy_ssl_trusted_certificate %6;
            proxy_ssl_verify on;
            proxy_ssl_name localhost;
            proxy_ssl_session_reuse on;
            proxy_buffering off;
            proxy_request_buffering off;
            proxy_connect_timeout 60s;
            proxy_read_timeout 3600s;
            proxy_send_timeout 3600s;
            # The sandbox names its own address in absolute links (exportLinks): the front puts its own
            # there, as any reverse proxy does for its backend's links. So the JSON comes uncompressed from
            # the backend and the front compresses it for the client.
            proxy_set_header Accept-Encoding "";
            sub_filter '%7' '%8';
            sub_filter_once off;
            sub_filter_types application/json;
            gzip on;
            gzip_proxied any;
            gzip_types application/json;
        }
    }
}
)"_s.arg(prefix)
                  .arg(backend.port())
                  .arg(m_port)
                  .arg(cert, key, sandbox.readyInfo().value(u"ca_file"_s).toString(),
                      backend.toString(QUrl::StripTrailingSlash), url().toString(QUrl::StripTrailingSlash));
        QFile file(m_dir.filePath(u"nginx.conf"_s));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && file.write(conf.toUtf8()) == conf.toUtf8().size();
    }

    bool launch()
    {
        const QString prefix = m_dir.path();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process.start(program(),
            { u"-p"_s, prefix + u'/', u"-c"_s, prefix + u"/nginx.conf"_s, u"-e"_s, prefix + u"/error.log"_s, u"-g"_s,
                u"daemon off; pid %1/nginx.pid; error_log %1/error.log;"_s.arg(prefix) });
        if (!m_process.waitForStarted(10000))
        {
            m_log = m_process.errorString().toLocal8Bit();
            return false;
        }
        QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running)
        {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(200))
                return true;
            m_process.waitForFinished(50);
        }
        m_process.waitForFinished(1000);
        QFile errors(prefix + u"/error.log"_s);
        m_log = m_process.readAll() + (errors.open(QIODevice::ReadOnly) ? errors.readAll() : QByteArray());
        stop();
        return false;
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_log;
};

struct Landed
{
    int code = -1;
    QByteArray err;
    QMap<QString, QString> statusById; ///< driveId + drivePath -> status of every report record
    QMap<QString, QString> md5ByPath; ///< relative path -> md5 of every file that landed
};

QMap<QString, QString> md5Below(const QString &dir)
{
    QMap<QString, QString> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
    {
        const QString path = it.next();
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Md5);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
        const QString relative = QDir(dir).relativeFilePath(path);
        // The run's receipts (issue 11) are named by run and hold its times: only that there is one compares.
        if (relative.startsWith(u"_drive_ingest/runs/"_s) && relative.endsWith(u".jsonl"_s))
            files.insert(u"_drive_ingest/runs/(receipts)"_s, u"present"_s);
        else
            files.insert(relative, QString::fromLatin1(hash.result().toHex()));
    }
    return files;
}
} // namespace

class TestHttp2Front final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;

    Landed ingest(const QUrl &server, const QString &caFile, const QStringList &sources, const QString &name)
    {
        Landed landed;
        const QString dest = m_work.filePath(name);
        const QString reportPath = m_work.filePath(name + u"-report.json"_s);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DRIVE_INGEST_ACCESS_TOKEN"_s, QString::fromLatin1(token));
        process.setProcessEnvironment(env);
        process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); }); // a crashed test leaves no run
        process.start(qEnvironmentVariable("DI_CLI"),
            QStringList { u"ingest"_s } + sources
                + QStringList { u"--to"_s, dest, u"--sandbox"_s, server.toString(), u"--ca-file"_s, caFile,
                    u"--report"_s, reportPath, u"--quiet"_s });
        if (!process.waitForFinished(120000))
        {
            process.kill();
            process.waitForFinished();
        }
        landed.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        landed.err = process.readAllStandardError();
        QFile report(reportPath);
        if (report.open(QIODevice::ReadOnly))
        {
            const QJsonArray files = QJsonDocument::fromJson(report.readAll()).object().value(u"files"_s).toArray();
            for (const QJsonValue &value : files)
            {
                const QJsonObject r = value.toObject();
                landed.statusById.insert(r.value(u"driveId"_s).toString() + u' ' + r.value(u"drivePath"_s).toString(),
                    r.value(u"status"_s).toString());
            }
        }
        landed.md5ByPath = md5Below(dest);
        return landed;
    }

private slots:
    void demoTreeThroughHttp2Front()
    {
        if (NginxFront::program().isEmpty())
        {
            if (qEnvironmentVariable("CI") == u"true"_s)
                QFAIL("nginx is not installed: the HTTP/2 front test needs Debian's nginx (setup.sh installs it)");
            QSKIP("nginx is not installed (apt-get install nginx, or ./setup.sh test)");
        }
        QVERIFY(m_work.isValid());
        SandboxProcess sandbox({ u"--tls"_s, u"--static-token"_s, QString::fromLatin1(token), u"--quiet"_s });
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
        const QString caFile = sandbox.readyInfo().value(u"ca_file"_s).toString();
        QVERIFY(QFileInfo::exists(caFile));
        // This process talks to the sandbox over HTTPS too (stats, reset): trust its CA.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromPath(caFile));
        QSslConfiguration::setDefaultConfiguration(tls);
        const SandboxProcess::Reply tree = sandbox.get(u"/_sandbox/tree"_s);
        QCOMPARE(tree.status, 200);
        const QStringList sources = demoSources(tree.json());
        QVERIFY2(sources.size() >= 15, qPrintable(sources.join(u' ')));

        // Without the front: the reference run.
        QVERIFY(sandbox.reset());
        const Landed direct = ingest(sandbox.baseUrl(), caFile, sources, u"direct"_s);
        QVERIFY2(direct.code == 0 || direct.code == 1, direct.err.constData());
        QVERIFY(direct.statusById.size() >= 25);
        QVERIFY(direct.md5ByPath.size() >= 20);
        QVERIFY(direct.statusById.values().count(u"done"_s) >= 20);
        const QJsonObject directStats = sandbox.stats();
        QVERIFY2(directStats.value(u"front_protocols"_s).toObject().isEmpty(), "no front yet, nothing counted");

        NginxFront front; // its destructor stops nginx on every way out of this function
        QVERIFY2(front.start(sandbox), qPrintable(u"nginx did not start: "_s + front.log()));

        QVERIFY(sandbox.reset());
        const Landed fronted = ingest(front.url(), caFile, sources, u"fronted"_s);
        const QJsonObject stats = sandbox.stats();
        front.stop();

        // The run lands the tree as it does without the front: same records, same files, same bytes.
        QVERIFY2(fronted.code == direct.code,
            qPrintable(u"exit %1 (without the front %2): "_s.arg(fronted.code).arg(direct.code)
                + QString::fromLocal8Bit(fronted.err.right(2000))));
        QCOMPARE(fronted.statusById, direct.statusById);
        QCOMPARE(fronted.md5ByPath, direct.md5ByPath);

        // Every request the sandbox saw came through the front.
        const QJsonObject protocols = stats.value(u"front_protocols"_s).toObject();
        qint64 frontedTotal = 0;
        QMap<QString, QMap<QString, qint64>> byRoute;
        for (auto route = protocols.begin(); route != protocols.end(); ++route)
        {
            const QJsonObject counts = route.value().toObject();
            for (auto p = counts.begin(); p != counts.end(); ++p)
            {
                byRoute[route.key()][p.key()] = p.value().toInteger();
                frontedTotal += p.value().toInteger();
            }
        }
        qInfo().noquote() << fronted.statusById.size() << "records," << fronted.statusById.values().count(u"done"_s)
                          << "done," << fronted.md5ByPath.size()
                          << "files; front_protocols:" << QJsonDocument(protocols).toJson(QJsonDocument::Compact);
        QVERIFY(frontedTotal > 0);
        QCOMPARE(frontedTotal, stats.value(u"requests_total"_s).toInteger());

        // Listings, metadata and exports (10 MiB at most) over HTTP/2; large bodies over HTTP/1.1, one TCP stream
        // each, as designed.
        const QStringList listings { u"drive.files.list"_s, u"drive.files.get"_s, u"drive.files.export"_s };
        const QStringList bodies { u"drive.files.media"_s, u"drive.exportlink"_s };
        for (const QString &route : listings + bodies)
            QVERIFY2(byRoute.contains(route), qPrintable(route + u" never reached the sandbox"_s));
        for (auto route = byRoute.cbegin(); route != byRoute.cend(); ++route)
        {
            const QString expected = bodies.contains(route.key()) ? u"HTTP/1.1"_s : u"HTTP/2.0"_s;
            QVERIFY2(route.value().keys() == QStringList { expected },
                qPrintable(route.key() + u": "_s + route.value().keys().join(u", "_s)));
        }
        QVERIFY(byRoute.value(u"drive.files.list"_s).value(u"HTTP/2.0"_s) >= 5);
        QVERIFY(byRoute.value(u"drive.files.media"_s).value(u"HTTP/1.1"_s) >= 15);
    }
};

QTEST_GUILESS_MAIN(TestHttp2Front)
#include "tst_http2front.moc"
