// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 4 acceptance 1-3 end to end with the real drive-ingest-cli against the sandbox: login (the test plays
// the browser), accounts, ingest --account with the access token expiring mid-download, logout (revoked at the
// sandbox, gone from the keychain), a revoked sign-in stopping a run with "sign in again", databricks-login
// from standard input, a listener port already taken — and no token value in settings, output or reports.
// The CLI keeps secrets in the OS keychain only, so this test needs a Secret Service like tst_auth_keychain
// (CI: setup.sh run_isolated); it uses its own keychain service name and a temporary XDG_CONFIG_HOME.
#include "auth/accounts.h"
#include "auth/keychaintokenstore.h"
#include "sandboxprocess.h"
#include "testkeys.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace
{
const char manifest[] = R"json({
  "demo_root": "Auth Demo",
  "my_drive": [
    {"name": "Auth Demo", "children": [
      {"name": "big.bin", "size": 25165824},
      {"name": "small.txt", "size": 5000, "mimeType": "text/plain"},
      {"name": "a.bin", "size": 3145728},
      {"name": "b.bin", "size": 3145728}
    ]}
  ]
})json";

struct CliResult
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};
} // namespace

/// Slots that sign in need the keychain: skip without one, except under CI where that is a broken setup.
#define REQUIRE_KEYCHAIN()                                                                                             \
    do                                                                                                                 \
    {                                                                                                                  \
        if (!m_keychainProblem.isEmpty())                                                                              \
        {                                                                                                              \
            if (qEnvironmentVariable("CI") == u"true"_s)                                                               \
                QFAIL(qPrintable(m_keychainProblem));                                                                  \
            QSKIP(qPrintable(m_keychainProblem));                                                                      \
        }                                                                                                              \
    } while (false)

class TestAuthCli final : public QObject
{
    Q_OBJECT

private:
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DRIVE_INGEST_ACCESS_TOKEN"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_work.filePath(u"config"_s));
        env.insert(u"DRIVE_INGEST_KEYCHAIN_SERVICE"_s, m_service);
        return env;
    }

    CliResult finish(QProcess &process, int timeoutMs = 60000)
    {
        if (!process.waitForFinished(timeoutMs))
        {
            process.kill();
            process.waitForFinished();
            qWarning("the CLI did not finish in time");
        }
        CliResult result;
        result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        m_everything += result.out + result.err;
        return result;
    }

    CliResult runCli(const QStringList &args, const QByteArray &input = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(qEnvironmentVariable("DI_CLI"), args);
        process.waitForStarted();
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        return finish(process);
    }

    /// `login … --no-browser`: waits for the printed address, plays the browser, waits for the exit.
    CliResult login(const QStringList &extra)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(qEnvironmentVariable("DI_CLI"),
            QStringList { u"login"_s, u"--no-browser"_s, u"--sandbox"_s, m_sandbox->baseUrl().toString() } + extra);
        QByteArray printed;
        QUrl url;
        QElapsedTimer waited;
        waited.start();
        while (url.isEmpty() && waited.elapsed() < 20000 && process.state() != QProcess::NotRunning)
        {
            process.waitForReadyRead(200);
            printed += process.readAllStandardOutput();
            for (const QByteArray &line : printed.split('\n'))
            {
                if (line.startsWith("http"))
                    url = QUrl::fromEncoded(line.trimmed());
            }
        }
        m_everything += printed;
        if (!url.isEmpty())
        {
            QNetworkRequest consent(url);
            consent.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            std::unique_ptr<QNetworkReply> reply(m_nam.get(consent));
            QSignalSpy done(reply.get(), &QNetworkReply::finished);
            done.wait(10000);
            std::unique_ptr<QNetworkReply> redirect(
                m_nam.get(QNetworkRequest(QUrl::fromEncoded(reply->rawHeader("Location"_ba)))));
            QSignalSpy redirected(redirect.get(), &QNetworkReply::finished);
            redirected.wait(10000);
        }
        CliResult result = finish(process);
        result.out.prepend(printed);
        return result;
    }

    std::optional<Auth::TokenStore::Result> keychainRead(const QString &key)
    {
        std::optional<Auth::TokenStore::Result> result;
        m_store->read(key, this, [&result](const Auth::TokenStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
            return std::nullopt;
        return result;
    }

    QJsonObject tokenStats() { return m_sandbox->stats().value(u"tokens"_s).toObject(); }

    QString idOf(const QString &name) const
    {
        for (const QJsonValue &value : m_tree.value(u"items"_s).toArray())
        {
            if (value.toObject().value(u"name"_s).toString() == name)
                return value.toObject().value(u"id"_s).toString();
        }
        return {};
    }

    QTemporaryDir m_work;
    QString m_service = u"drive-ingest-test-%1"_s.arg(QRandomGenerator::global()->generate64(), 0, 16);
    std::unique_ptr<Auth::KeychainTokenStore> m_store;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QJsonObject m_tree;
    QNetworkAccessManager m_nam;
    QByteArray m_everything; ///< every byte the CLI printed
    QList<QByteArray> m_secrets;
    QString m_keychainProblem; ///< empty when the OS keychain works

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DI_CLI") || qEnvironmentVariableIsEmpty("DI_SANDBOX"))
            QSKIP("the CLI or the sandbox is not built");
        QVERIFY(m_work.isValid());
        m_store = std::make_unique<Auth::KeychainTokenStore>(m_service);
        std::optional<Auth::TokenStore::Result> probe;
        m_store->write(u"probe"_s, "probe-value"_ba, this, [&probe](const Auth::TokenStore::Result &r) { probe = r; });
        QVERIFY(QTest::qWaitFor([&probe] { return probe.has_value(); }, 20000));
        if (probe->ok())
            m_store->remove(u"probe"_s, nullptr, {});
        else
            m_keychainProblem
                = u"no usable OS keychain (%1); the CLI keeps sign-ins only there. Run under "
                  "dbus-run-session with an unlocked gnome-keyring (setup.sh run_isolated)."_s.arg(probe->errorString);

        const QString manifestPath = m_work.filePath(u"manifest.json"_s);
        QFile file(manifestPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(manifest);
        file.close();
        // Access tokens live 2 s: every run below outlives several of them.
        m_sandbox = std::make_unique<SandboxProcess>(
            QStringList { u"--manifest"_s, manifestPath, u"--token-lifetime"_s, u"2"_s });
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        const SandboxProcess::Reply tree = m_sandbox->get(u"/_sandbox/tree"_s);
        QCOMPARE(tree.status, 200);
        m_tree = tree.json();
        QVERIFY(!idOf(u"big.bin"_s).isEmpty());
        m_secrets << "sandbox-secret"_ba
                  << "sandbox-sp-secret"_ba
                  << "dapi-sandbox-token"_ba;
    }

    void loginPortAlreadyTaken()
    {
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost));
        const CliResult run = runCli({ u"login"_s, u"--no-browser"_s, u"--sandbox"_s, m_sandbox->baseUrl().toString(),
            u"--port"_s, QString::number(occupant.serverPort()) });
        QCOMPARE(run.code, 2);
        QVERIFY2(
            run.err.contains(QByteArray("port " + QByteArray::number(occupant.serverPort()) + " is already in use")),
            run.err.constData());
    }

    void loginSavesToKeychainOnly()
    {
        REQUIRE_KEYCHAIN();
        const CliResult run = login({ u"--account"_s, u"alice"_s });
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY(run.out.contains("Signed in as \"alice\""));
        const auto stored = keychainRead(u"google/alice"_s);
        QVERIFY(stored && stored->ok());
        const auto secret = Auth::GoogleSecret::fromBlob(stored->data);
        QVERIFY(secret);
        m_secrets << secret->refreshToken;
        QFile settings(m_work.filePath(u"config/drive-ingest/drive-ingest.conf"_s));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray content = settings.readAll();
        QVERIFY(content.contains("alice"));
        QVERIFY(!content.contains(secret->refreshToken));

        const CliResult accounts = runCli({ u"accounts"_s });
        QCOMPARE(accounts.code, 0);
        QVERIFY(accounts.out.contains("google") && accounts.out.contains("alice"));
    }

    void ingestWithAccountSurvivesTokenExpiry()
    {
        REQUIRE_KEYCHAIN();
        // (No sandbox reset here: it would forget the sign-in.)
        const int refreshedBefore = tokenStats().value(u"refreshed"_s).toInt();
        // ~6 MB/s: the 24 MiB file takes ~4 s, while each access token lives 2 s.
        QVERIFY(m_sandbox->setFaults(QJsonObject { { u"bandwidth_bps"_s, 6'000'000 } }));
        const QString dest = m_work.filePath(u"dest1"_s);
        QVERIFY(QDir().mkpath(dest));
        const QString report = m_work.filePath(u"report1.json"_s);
        QElapsedTimer clock;
        clock.start();
        const CliResult run
            = runCli({ u"ingest"_s, idOf(u"big.bin"_s), idOf(u"small.txt"_s), u"--to"_s, dest, u"--sandbox"_s,
                m_sandbox->baseUrl().toString(), u"--account"_s, u"alice"_s, u"--report"_s, report, u"--quiet"_s });
        QVERIFY(m_sandbox->setFaults(QJsonObject { { u"bandwidth_bps"_s, 0 } }));
        QVERIFY2(run.code == 0, QByteArray(run.out + run.err).constData());
        QCOMPARE(QFileInfo(dest + u"/big.bin"_s).size(), 25165824);
        QCOMPARE(QFileInfo(dest + u"/small.txt"_s).size(), 5000);
        const QJsonObject stats = tokenStats();
        qInfo("ingest took %lld ms with 2 s access tokens; token refreshes during the run: %d", clock.elapsed(),
            stats.value(u"refreshed"_s).toInt() - refreshedBefore);
        // The first token (at start) plus at least one renewal while big.bin was streaming.
        QVERIFY2(stats.value(u"refreshed"_s).toInt() - refreshedBefore >= 2, QJsonDocument(stats).toJson().constData());
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_everything += file.readAll();
    }

    void logoutRevokesAndDeletes()
    {
        REQUIRE_KEYCHAIN();
        const int revokedBefore = tokenStats().value(u"revoked"_s).toInt();
        const CliResult run
            = runCli({ u"logout"_s, u"--account"_s, u"alice"_s, u"--sandbox"_s, m_sandbox->baseUrl().toString() });
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(tokenStats().value(u"revoked"_s).toInt(), revokedBefore + 1);
        const auto gone = keychainRead(u"google/alice"_s);
        QVERIFY(gone);
        QCOMPARE(gone->status, Auth::TokenStore::Result::Status::NotFound);
        QVERIFY(!runCli({ u"accounts"_s }).out.contains("alice"));
    }

    void revokedSignInStopsTheRun()
    {
        REQUIRE_KEYCHAIN();
        QVERIFY2(login({ u"--account"_s, u"bob"_s }).code == 0, "login bob");
        const auto stored = keychainRead(u"google/bob"_s);
        QVERIFY(stored && stored->ok());
        const QByteArray refresh = Auth::GoogleSecret::fromBlob(stored->data)->refreshToken;
        m_secrets << refresh;
        // Revoked behind our back (the user removed the app's access in their Google account).
        const auto revoked = m_sandbox->request("POST"_ba, u"/revoke"_s, "token="_ba + refresh.toPercentEncoding(),
            { { "Content-Type"_ba, "application/x-www-form-urlencoded"_ba } });
        QCOMPARE(revoked.status, 200);
        const QString dest = m_work.filePath(u"dest2"_s);
        QVERIFY(QDir().mkpath(dest));
        const CliResult run = runCli({ u"ingest"_s, idOf(u"small.txt"_s), u"--to"_s, dest, u"--sandbox"_s,
            m_sandbox->baseUrl().toString(), u"--account"_s, u"bob"_s, u"--quiet"_s });
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.toLower().contains("sign in again"), run.err.constData());
        QVERIFY(QDir(dest).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
        // Sign-out still clears the dead entry even though the server no longer knows the token.
        QCOMPARE(
            runCli({ u"logout"_s, u"--account"_s, u"bob"_s, u"--sandbox"_s, m_sandbox->baseUrl().toString() }).code, 0);
        QCOMPARE(keychainRead(u"google/bob"_s)->status, Auth::TokenStore::Result::Status::NotFound);
    }

    void revokedMidRunKeepsFinishedFiles()
    {
        REQUIRE_KEYCHAIN();
        QVERIFY2(login({ u"--account"_s, u"carol"_s }).code == 0, "login carol");
        const auto stored = keychainRead(u"google/carol"_s);
        QVERIFY(stored && stored->ok());
        const QByteArray refresh = Auth::GoogleSecret::fromBlob(stored->data)->refreshToken;
        m_secrets << refresh;
        // One file at a time, slowly: ~0.5 s for each 3 MiB file, ~4 s for big.bin.
        QVERIFY(m_sandbox->setFaults(QJsonObject { { u"bandwidth_bps"_s, 6'000'000 } }));
        const QString dest = m_work.filePath(u"dest3"_s);
        QVERIFY(QDir().mkpath(dest));
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(qEnvironmentVariable("DI_CLI"),
            { u"ingest"_s, idOf(u"a.bin"_s), idOf(u"b.bin"_s), idOf(u"big.bin"_s), u"--to"_s, dest, u"--parallel"_s,
                u"1"_s, u"--sandbox"_s, m_sandbox->baseUrl().toString(), u"--account"_s, u"carol"_s, u"--quiet"_s });
        // As soon as one file is complete, the user revokes the app's access.
        const auto finishedFiles = [&dest]
        {
            QStringList done;
            for (const QString &name : QDir(dest).entryList(QDir::Files))
            {
                if (!name.endsWith(u".partial"_s))
                    done << name;
            }
            return done;
        };
        QVERIFY(QTest::qWaitFor(
            [&] { return !finishedFiles().isEmpty() || process.state() == QProcess::NotRunning; }, 30000));
        const QStringList before = finishedFiles();
        const auto revoked = m_sandbox->request("POST"_ba, u"/revoke"_s, "token="_ba + refresh.toPercentEncoding(),
            { { "Content-Type"_ba, "application/x-www-form-urlencoded"_ba } });
        QCOMPARE(revoked.status, 200);
        const CliResult run = finish(process);
        QVERIFY(m_sandbox->setFaults(QJsonObject { { u"bandwidth_bps"_s, 0 } }));
        qInfo("revoked after %s finished", qPrintable(before.join(u", "_s)));
        QVERIFY2(before.size() < 3, "all files finished before the revoke: nothing left to stop");
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.toLower().contains("sign in again"), run.err.constData());
        // Files finished before the revoke are still there, whole; nothing half-written is left.
        for (const QString &name : before)
            QCOMPARE(QFileInfo(dest + u'/' + name).size(), name == u"big.bin"_s ? 25165824 : 3145728);
        for (const QString &name : QDir(dest).entryList(QDir::Files | QDir::Hidden))
            QVERIFY2(!name.endsWith(u".partial"_s), qPrintable(name));
        QCOMPARE(
            runCli({ u"logout"_s, u"--account"_s, u"carol"_s, u"--sandbox"_s, m_sandbox->baseUrl().toString() }).code,
            0);
    }

    void databricksLoginFromStandardInput()
    {
        REQUIRE_KEYCHAIN();
        const QString host = m_sandbox->baseUrl().toString();
        const CliResult saved = runCli({ u"databricks-login"_s, u"--host"_s, host }, "dapi-sandbox-token\n"_ba);
        QCOMPARE(saved.code, 0);
        QVERIFY2(saved.out.contains("sandbox-user@example.com"), saved.out.constData()); // who the workspace says we are
        const QString key = u"databricks/"_s + host.chopped(host.endsWith(u'/') ? 1 : 0);
        auto stored = keychainRead(key);
        QVERIFY2(stored && stored->ok(), qPrintable(key));
        QVERIFY(stored->data.contains("dapi-sandbox-token"));
        // A service principal: the pair is checked against /oidc/v1/token before it is saved.
        const CliResult wrong = runCli(
            { u"databricks-login"_s, u"--host"_s, host, u"--client-id"_s, u"sandbox-sp"_s }, "not-the-secret\n"_ba);
        QCOMPARE(wrong.code, 3);
        QCOMPARE(runCli({ u"databricks-login"_s, u"--host"_s, host, u"--client-id"_s, u"sandbox-sp"_s },
                     "sandbox-sp-secret\n"_ba)
                     .code,
            0);
        const CliResult accounts = runCli({ u"accounts"_s });
        QVERIFY2(accounts.out.contains("databricks") && accounts.out.contains("sandbox-sp"), accounts.out.constData());
        // No secret on the command line: a positional argument is refused.
        QCOMPARE(runCli({ u"databricks-login"_s, u"--host"_s, host, u"dapi-on-the-command-line"_s }).code, 2);
        QCOMPARE(runCli({ u"logout"_s, u"--account"_s, host }).code, 0);
        QCOMPARE(keychainRead(key)->status, Auth::TokenStore::Result::Status::NotFound);
    }

    void databricksLoginChecksBeforeSaving()
    {
        // Issue 15 item 18: nothing is kept before the workspace accepted it (no keychain needed to refuse).
        const QString host = m_sandbox->baseUrl().toString(QUrl::StripTrailingSlash);
        const QString key = u"databricks/"_s + host;
        // Not a URL: a usage error, before anything is asked.
        const CliResult bare = runCli({ u"databricks-login"_s, u"--host"_s, u"notaurl"_s }, "dapi-sandbox-token\n"_ba);
        QCOMPARE(bare.code, 2);
        QVERIFY2(bare.err.contains("URL"), bare.err.constData());
        QCOMPARE(runCli({ u"databricks-login"_s, u"--host"_s, u"ftp://example.com"_s }, "dapi-sandbox-token\n"_ba).code, 2);
        QCOMPARE(runCli({ u"databricks-login"_s, u"--host"_s, u"http://example.com"_s }, "dapi-sandbox-token\n"_ba).code, 2);
        // A token the workspace refuses: exit 3, said so, nothing saved.
        const int meBefore = m_sandbox->stats()
                                 .value(u"by_route"_s)
                                 .toObject()
                                 .value(u"dbx.scim.me"_s)
                                 .toObject()
                                 .value(u"403"_s)
                                 .toInt();
        const CliResult refused
            = runCli({ u"databricks-login"_s, u"--host"_s, host }, "dapi-not-known-here\n"_ba);
        QCOMPARE(refused.code, 3);
        QVERIFY2(refused.err.contains("refused") && refused.err.contains("Nothing was saved"), refused.err.constData());
        QVERIFY(!refused.err.contains("dapi-not-known-here"));
        QCOMPARE(m_sandbox->stats()
                     .value(u"by_route"_s)
                     .toObject()
                     .value(u"dbx.scim.me"_s)
                     .toObject()
                     .value(u"403"_s)
                     .toInt(),
            meBefore + 1);
        // Nothing answers there: not saved either.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString deadHost = u"http://127.0.0.1:%1"_s.arg(closed.serverPort());
        closed.close();
        const CliResult dead = runCli({ u"databricks-login"_s, u"--host"_s, deadHost }, "dapi-sandbox-token\n"_ba);
        QCOMPARE(dead.code, 4);
        QVERIFY2(dead.err.contains("Nothing was saved"), dead.err.constData());
        if (m_keychainProblem.isEmpty())
        {
            QCOMPARE(keychainRead(key)->status, Auth::TokenStore::Result::Status::NotFound);
            QCOMPARE(keychainRead(u"databricks/"_s + deadHost)->status, Auth::TokenStore::Result::Status::NotFound);
        }
        QVERIFY(!runCli({ u"accounts"_s }).out.contains(host.toUtf8()));
    }

    void serviceAccountRun()
    {
        // The sandbox made this key at start (0600, in its data dir) and trusts only its public half.
        const QString key = m_sandbox->serviceAccountKeyFile();
        QVERIFY(!key.isEmpty());
        const QString dest = m_work.filePath(u"dest-sa"_s);
        QVERIFY(QDir().mkpath(dest));
        const int grantsBefore = tokenStats().value(u"jwt_grants"_s).toInt();
        const CliResult run = runCli({ u"ingest"_s, idOf(u"small.txt"_s), u"--to"_s, dest, u"--sandbox"_s,
            m_sandbox->baseUrl().toString(), u"--service-account"_s, key, u"--quiet"_s });
        QVERIFY2(run.code == 0, QByteArray(run.out + run.err).constData());
        QCOMPARE(QFileInfo(dest + u"/small.txt"_s).size(), 5000);
        QVERIFY(tokenStats().value(u"jwt_grants"_s).toInt() > grantsBefore);

        // A malformed key file: refused up front with a clear reason, exit 3, nothing transferred.
        const QString broken = m_work.filePath(u"broken-key.json"_s);
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"type": "service_account", "client_email": "x@y", "private_key": "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"})");
        file.close();
        const CliResult bad = runCli({ u"ingest"_s, idOf(u"small.txt"_s), u"--to"_s, m_work.filePath(u"dest-bad"_s),
            u"--sandbox"_s, m_sandbox->baseUrl().toString(), u"--service-account"_s, broken });
        QCOMPARE(bad.code, 3);
        QVERIFY2(bad.err.contains("not a readable PEM key"), bad.err.constData());

        // The same account with a key the sandbox does not trust: refused at the token endpoint, exit 3.
        QFile demo(key);
        QVERIFY(demo.open(QIODevice::ReadOnly));
        const QString wrongKey = m_work.filePath(u"wrong-key.json"_s);
        QFile wrong(wrongKey);
        QVERIFY(wrong.open(QIODevice::WriteOnly));
        wrong.write(TestKeys::withPrivateKey(demo.readAll(), TestKeys::rsaPrivateKeyPem()));
        wrong.close();
        const int signatureFailures
            = tokenStats().value(u"failures"_s).toObject().value(u"jwt_signature"_s).toInt();
        const CliResult refused = runCli({ u"ingest"_s, idOf(u"small.txt"_s), u"--to"_s,
            m_work.filePath(u"dest-wrong"_s), u"--sandbox"_s, m_sandbox->baseUrl().toString(), u"--service-account"_s,
            wrongKey, u"--quiet"_s });
        QCOMPARE(refused.code, 3);
        QVERIFY2(refused.err.contains("signature"), refused.err.constData());
        QVERIFY(!QFileInfo::exists(m_work.filePath(u"dest-wrong/small.txt"_s)));
        QVERIFY(tokenStats().value(u"failures"_s).toObject().value(u"jwt_signature"_s).toInt() > signatureFailures);
    }

    void noOpenSslCleanupAtExit()
    {
        // OpenSSL's atexit cleanup freed the engine thread's thread-stop handler list while that thread's own
        // OpenSSL thread-exit destructor could still be freeing it (QThread::wait() returns before a detached
        // thread's TSD destructors ran): the one-off "double free or corruption (fasttop)" of serviceAccountRun.
        // tests/support/openssl-exit-race.py replays it; here an LD_PRELOAD probe records whether the CLI runs
        // OPENSSL_cleanup at all.
        const QString probe = QFileInfo(qEnvironmentVariable("DI_CLI")).absoluteDir().absoluteFilePath(
            u"../../tests/support/di_opensslcleanupprobe.so"_s);
        QVERIFY2(QFileInfo::exists(probe), qPrintable(probe));
        const QString marker = m_work.filePath(u"openssl-cleanup-marker"_s);
        const auto runProbed = [&](const QString &program, const QStringList &args)
        {
            QFile::remove(marker);
            QProcess process;
            QProcessEnvironment env = environment();
            env.insert(u"LD_PRELOAD"_s, QFileInfo(probe).canonicalFilePath());
            env.insert(u"DI_OPENSSL_CLEANUP_MARKER"_s, marker);
            process.setProcessEnvironment(env);
            process.start(program, args);
            process.waitForStarted();
            process.closeWriteChannel();
            return finish(process);
        };
        // The probe works: the openssl tool cleans up at exit.
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (!openssl.isEmpty())
        {
            QCOMPARE(runProbed(openssl, { u"rand"_s, u"-hex"_s, u"8"_s }).code, 0);
            QVERIFY2(QFile::exists(marker), "the LD_PRELOAD probe did not see openssl's own exit cleanup");
        }
        const QString dest = m_work.filePath(u"dest-sa-exit"_s);
        const CliResult run = runProbed(qEnvironmentVariable("DI_CLI"),
            { u"ingest"_s, idOf(u"small.txt"_s), u"--to"_s, dest, u"--sandbox"_s, m_sandbox->baseUrl().toString(),
                u"--service-account"_s, m_sandbox->serviceAccountKeyFile(), u"--quiet"_s });
        QVERIFY2(run.code == 0, QByteArray(run.out + run.err).constData());
        QCOMPARE(QFileInfo(dest + u"/small.txt"_s).size(), 5000);
        QVERIFY2(!QFile::exists(marker), "drive-ingest-cli ran OPENSSL_cleanup() at exit");
    }

    void loginChecksTheKeychainFirst()
    {
        // Issue 15 finding 17: no reachable keyring (no D-Bus session here): say what to start before the
        // browser is ever sent to sign in, instead of "Signed in" there and a failed save here.
        QProcessEnvironment env = environment();
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/drive-ingest-test-bus"_s);
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(qEnvironmentVariable("DI_CLI"),
            { u"login"_s, u"--no-browser"_s, u"--sandbox"_s, m_sandbox->baseUrl().toString(), u"--timeout"_s, u"20"_s });
        const CliResult run = finish(process, 30000);
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains("gnome-keyring") && run.err.contains("KWallet"), run.err.constData());
        QVERIFY2(!run.out.contains("http"), run.out.constData()); // no address to open was ever printed
    }

    void unknownAccountIsRefused()
    {
        const CliResult run = runCli({ u"ingest"_s, idOf(u"small.txt"_s), u"--to"_s, m_work.filePath(u"dest-x"_s),
            u"--sandbox"_s, m_sandbox->baseUrl().toString(), u"--account"_s, u"nobody"_s });
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains("login --account nobody"), run.err.constData());
    }

    void noTokenValueAnywhere()
    {
        QFile settings(m_work.filePath(u"config/drive-ingest/drive-ingest.conf"_s));
        const QByteArray haystack
            = m_everything + (settings.open(QIODevice::ReadOnly) ? settings.readAll() : QByteArray());
        QVERIFY(haystack.size() > 100);
        for (const QByteArray &secret : std::as_const(m_secrets))
            QVERIFY2(!haystack.contains(secret), secret.left(4).constData());
        // Every access token the sandbox issues starts with "ya29."; refresh tokens with "1//".
        QVERIFY(!haystack.contains("ya29."));
        QVERIFY(!haystack.contains("1//"));
    }
};

QTEST_GUILESS_MAIN(TestAuthCli)
#include "tst_auth_cli.moc"
