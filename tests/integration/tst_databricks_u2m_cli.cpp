// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13 acceptance 3 (command line): `drive-ingest-cli databricks-login --host URL --browser` against the
// sandbox's workspace, the test playing the browser (it reads the printed address, asks the sandbox's
// /oidc/v1/authorize and follows the redirect to the CLI's loopback listener). The sign-in is kept in the OS
// keychain ("oauth-u2m") and a later `ingest … --to volume:/Volumes/… --databricks-host URL` lands a tree with it,
// renewing the short-lived access token on the way. A wrong state does not end the sign-in; an answer made for
// another PKCE verifier is refused. Needs a Secret Service like tst_auth_cli (CI: setup.sh run_isolated).
#include "auth/databrickscredentials.h"
#include "auth/keychaintokenstore.h"
#include "sandboxprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace
{
const char manifest[] = R"json({
  "demo_root": "U2M Demo",
  "my_drive": [
    {"name": "U2M Demo", "children": [
      {"name": "big.bin", "size": 6291456},
      {"name": "notes.txt", "size": 4000, "mimeType": "text/plain"},
      {"name": "Sub", "children": [{"name": "a.bin", "size": 1048576}]}
    ]}
  ]
})json";
const QByteArray driveToken = "u2m-test-static-token-91c2"_ba;
const QString volume = u"/Volumes/main/default/landing/u2m"_s;

struct CliResult
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

/// The sign-in address the CLI printed, and the values the test plays with.
struct Consent
{
    QUrl url;
    QString state;
    QUrl redirect;
};
} // namespace

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

class TestDatabricksU2MCli final : public QObject
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

    CliResult finish(QProcess &process, QByteArray printed = {})
    {
        if (!process.waitForFinished(90000))
        {
            process.kill();
            process.waitForFinished();
            qWarning("the CLI did not finish in time");
        }
        CliResult result;
        result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = printed + process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        m_everything += result.out + result.err;
        return result;
    }

    CliResult runCli(const QStringList &args)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(qEnvironmentVariable("DI_CLI"), args);
        process.waitForStarted();
        process.closeWriteChannel();
        return finish(process);
    }

    /// Starts `databricks-login --browser --no-browser` and waits for the address it prints.
    std::optional<Consent> startSignIn(QProcess &process, QByteArray *printed)
    {
        process.setProcessEnvironment(environment());
        process.start(qEnvironmentVariable("DI_CLI"), { u"databricks-login"_s, u"--host"_s, host(), u"--browser"_s,
                                                          u"--no-browser"_s, u"--timeout"_s, u"60"_s });
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 20000 && process.state() != QProcess::NotRunning)
        {
            process.waitForReadyRead(200);
            *printed += process.readAllStandardOutput();
            for (const QByteArray &line : printed->split('\n'))
            {
                if (!line.startsWith("http"))
                    continue;
                Consent consent;
                consent.url = QUrl::fromEncoded(line.trimmed());
                const QUrlQuery query(consent.url);
                consent.state = query.queryItemValue(u"state"_s, QUrl::FullyDecoded);
                consent.redirect = QUrl(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
                return consent;
            }
        }
        return std::nullopt;
    }

    /// One GET without following redirects; the reply's status and Location.
    std::pair<int, QUrl> get(const QUrl &url)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        done.wait(10000);
        return { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QUrl::fromEncoded(reply->rawHeader("Location"_ba)) };
    }

    std::optional<Auth::TokenStore::Result> keychainRead(const QString &key)
    {
        std::optional<Auth::TokenStore::Result> result;
        m_store->read(key, this, [&result](const Auth::TokenStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
            return std::nullopt;
        return result;
    }

    QString host() const { return m_sandbox->baseUrl().toString(QUrl::StripTrailingSlash); }
    int tokenCount(const QString &name) { return m_sandbox->stats().value(u"tokens"_s).toObject().value(name).toInt(); }

    QTemporaryDir m_work;
    QString m_service = u"drive-ingest-test-%1"_s.arg(QRandomGenerator::global()->generate64(), 0, 16);
    std::unique_ptr<Auth::KeychainTokenStore> m_store;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QNetworkAccessManager m_nam;
    QByteArray m_everything; ///< every byte the CLI printed
    QString m_keychainProblem;

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
            m_keychainProblem = u"no usable OS keychain (%1); run under setup.sh run_isolated"_s.arg(probe->errorString);
        const QString manifestPath = m_work.filePath(u"manifest.json"_s);
        QFile file(manifestPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(manifest);
        file.close();
        QFile tokenFile(m_work.filePath(u"drive-token"_s));
        QVERIFY(tokenFile.open(QIODevice::WriteOnly));
        tokenFile.write(driveToken);
        tokenFile.close();
        // Access tokens live 2 s: the ingest below outlives several of them.
        m_sandbox = std::make_unique<SandboxProcess>(QStringList { u"--manifest"_s, manifestPath, u"--static-token"_s,
            QString::fromLatin1(driveToken), u"--token-lifetime"_s, u"2"_s, u"--quiet"_s });
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    }

    void answerForAnotherVerifierIsRefused()
    {
        REQUIRE_KEYCHAIN();
        QProcess process;
        QByteArray printed;
        const std::optional<Consent> consent = startSignIn(process, &printed);
        QVERIFY2(consent, printed.constData());
        // A code the sandbox issued for another PKCE challenge (one the CLI's verifier does not match), sent to
        // the CLI's listener with the right state: the workspace refuses the CLI's exchange.
        QUrlQuery other(consent->url);
        other.removeAllQueryItems(u"code_challenge"_s);
        other.addQueryItem(u"code_challenge"_s,
            QString::fromLatin1(QCryptographicHash::hash("another-verifier-another-verifier-another-verifier",
                QCryptographicHash::Sha256)
                                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
        QUrl forged = consent->url;
        forged.setQuery(other);
        const int failuresBefore = m_sandbox->stats()
                                       .value(u"tokens"_s)
                                       .toObject()
                                       .value(u"failures"_s)
                                       .toObject()
                                       .value(u"workspace_invalid_code_verifier"_s)
                                       .toInt();
        const auto [status, location] = get(forged);
        QCOMPARE(status, 302);
        QCOMPARE(get(location).first, 200); // the listener took the code (state matched)
        const CliResult run = finish(process, printed);
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains("PKCE"), run.err.constData());
        QCOMPARE(m_sandbox->stats()
                     .value(u"tokens"_s)
                     .toObject()
                     .value(u"failures"_s)
                     .toObject()
                     .value(u"workspace_invalid_code_verifier"_s)
                     .toInt(),
            failuresBefore + 1);
        QCOMPARE(keychainRead(Auth::DatabricksCredentials::storeKey(host()))->status,
            Auth::TokenStore::Result::Status::NotFound);
    }

    void browserSignInIsKept()
    {
        REQUIRE_KEYCHAIN();
        QProcess process;
        QByteArray printed;
        const std::optional<Consent> consent = startSignIn(process, &printed);
        QVERIFY2(consent, printed.constData());
        // What the SDKs send (databricks-wave2.md §1): the workspace's authorize endpoint, the public client,
        // offline_access + all-apis, S256, a localhost redirect with no path.
        QCOMPARE(consent->url.path(), u"/oidc/v1/authorize"_s);
        const QUrlQuery query(consent->url);
        QCOMPARE(query.queryItemValue(u"client_id"_s), u"databricks-cli"_s);
        QCOMPARE(query.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"offline_access all-apis"_s);
        QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
        QCOMPARE(consent->redirect.host(), u"localhost"_s);
        QVERIFY(consent->redirect.path().isEmpty());
        QVERIFY(consent->state.size() >= 16);

        // A redirect with the wrong state is answered and ignored: the sign-in goes on.
        QUrl wrongState = consent->redirect;
        wrongState.setQuery(u"code=stolen&state=not-the-state"_s);
        QCOMPARE(get(wrongState).first, 400);
        // The genuine answer.
        const auto [status, location] = get(consent->url);
        QCOMPARE(status, 302);
        QCOMPARE(location.adjusted(QUrl::RemoveQuery), consent->redirect);
        QCOMPARE(get(location).first, 200);
        const CliResult run = finish(process, printed);
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY2(run.err.contains("warning"), run.err.constData()); // the wrong state was reported
        QVERIFY2(run.out.contains("sandbox-user@example.com"), run.out.constData());

        // Kept in the keychain only, as kind "oauth-u2m" with the app's client id.
        const auto stored = keychainRead(Auth::DatabricksCredentials::storeKey(host()));
        QVERIFY(stored && stored->ok());
        const auto credentials = Auth::DatabricksCredentials::fromSecretBlob(host(), stored->data);
        QVERIFY(credentials);
        QCOMPARE(credentials->kind, Auth::DatabricksCredentials::Kind::OAuthU2M);
        QCOMPARE(credentials->clientId, u"databricks-cli"_s);
        QVERIFY(!credentials->secret.isEmpty());
        QVERIFY(!m_everything.contains(credentials->secret));
        QFile settings(m_work.filePath(u"config/drive-ingest/drive-ingest.conf"_s));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains(credentials->secret));
        const CliResult accounts = runCli({ u"accounts"_s });
        QVERIFY2(accounts.out.contains("browser sign-in"), accounts.out.constData());
    }

    void ingestUsesTheSignInAndRenewsIt()
    {
        REQUIRE_KEYCHAIN();
        const auto stored = keychainRead(Auth::DatabricksCredentials::storeKey(host()));
        if (!stored || !stored->ok())
            QSKIP("needs browserSignInIsKept");
        const QByteArray refreshToken = Auth::DatabricksCredentials::fromSecretBlob(host(), stored->data)->secret;
        const int refreshedBefore = tokenCount(u"refreshed"_s);
        // ~2 MB/s from Drive: the run lasts ~3.5 s while each workspace access token lives 2 s.
        QVERIFY(m_sandbox->setFaults(QJsonObject { { u"bandwidth_bps"_s, 2'000'000 } }));
        const QString report = m_work.filePath(u"report.json"_s);
        const CliResult run = runCli({ u"ingest"_s, m_sandbox->readyInfo().value(u"demo_root_id"_s).toString(),
            u"--sandbox"_s, host(), u"--access-token-file"_s, m_work.filePath(u"drive-token"_s), u"--to"_s,
            u"volume:"_s + volume, u"--databricks-host"_s, host(), u"--report"_s, report, u"--quiet"_s });
        QVERIFY(m_sandbox->setFaults(QJsonObject { { u"bandwidth_bps"_s, 0 } }));
        QVERIFY2(run.code == 0, run.err.constData());
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray files = QJsonDocument::fromJson(file.readAll()).object().value(u"files"_s).toArray();
        QCOMPARE(files.size(), 3);
        const QJsonObject uploads = m_sandbox->stats().value(u"uploads"_s).toObject();
        for (const QJsonValue &value : files)
        {
            const QString where = value.toObject().value(u"destinationPath"_s).toString();
            QVERIFY2(where.startsWith(u"volume:"_s + volume + u"/U2M Demo/"_s), qPrintable(where));
            QVERIFY2(uploads.contains(where.mid(int(qstrlen("volume:")))), qPrintable(where));
        }
        // The workspace side ran on the browser sign-in: its refresh token was traded for a first access token
        // and again before that one expired.
        QVERIFY2(tokenCount(u"refreshed"_s) >= refreshedBefore + 2,
            qPrintable(u"%1 refresh grants"_s.arg(tokenCount(u"refreshed"_s) - refreshedBefore)));
        QVERIFY(!m_everything.contains(refreshToken));

        // A sign-in the workspace no longer knows (the sandbox forgot its tokens) stops the run: sign in again.
        QVERIFY(m_sandbox->reset());
        const CliResult dead = runCli({ u"ingest"_s, m_sandbox->readyInfo().value(u"demo_root_id"_s).toString(),
            u"--sandbox"_s, host(), u"--access-token-file"_s, m_work.filePath(u"drive-token"_s), u"--to"_s,
            u"volume:"_s + volume + u"/again"_s, u"--databricks-host"_s, host(), u"--quiet"_s });
        QCOMPARE(dead.code, 3);
        QVERIFY2(dead.err.toLower().contains("sign in"), dead.err.constData());
        QVERIFY(!m_everything.contains(refreshToken));
    }

    void cleanupTestCase()
    {
        if (m_store)
            m_store->remove(Auth::DatabricksCredentials::storeKey(host()), nullptr, {});
    }
};

QTEST_GUILESS_MAIN(TestDatabricksU2MCli)
#include "tst_databricks_u2m_cli.moc"
