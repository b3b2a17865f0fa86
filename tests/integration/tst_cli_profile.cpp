// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13 acceptance 2 with the real drive-ingest-cli: the Databricks workspace and its credentials from a
// ~/.databrickscfg profile (--profile NAME, the file named by DATABRICKS_CONFIG_FILE), or from DATABRICKS_HOST +
// DATABRICKS_TOKEN, with no --databricks-host and no databricks-login. Drive is sandbox A (--sandbox), the
// workspace is sandbox B, which alone knows the profile's token: the demo tree must land in B, nothing in A.
// Also: a wrong token in the profile stops the run (so the profile's token is what is sent), a missing profile
// is a usage error naming the known ones, and auth_type databricks-cli takes its token from a fake `databricks`
// program the test puts first on PATH. HOME is a temporary folder: the real ~/.databrickscfg is never read.
#include "sandboxprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray googleToken = "profile-test-google-token-71c2"_ba;
const QByteArray workspaceToken = "dapi-profile-token-3e9d"_ba;

// A small demo tree (nested folders, a Google Doc to export) and B's extra PAT.
const char manifest[] = R"json({
  "demo_root": "Profile Demo",
  "oauth": {"databricks_tokens": ["dapi-profile-token-3e9d"]},
  "my_drive": [
    {"name": "Profile Demo", "children": [
      {"name": "readme.txt", "size": 512, "mimeType": "text/plain"},
      {"name": "data.bin", "size": 300000},
      {"name": "Plan", "mimeType": "application/vnd.google-apps.document", "export_size": 4000},
      {"name": "Nested", "children": [
        {"name": "deep.csv", "size": 2048, "mimeType": "text/csv"},
        {"name": "Deeper", "children": [{"name": "leaf.bin", "size": 777}]}
      ]}
    ]}
  ]
})json";

struct CliResult
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonArray files; ///< the report's records
};
} // namespace

class TestCliProfile final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    std::unique_ptr<SandboxProcess> m_drive;     ///< A: Drive (and a workspace nobody names)
    std::unique_ptr<SandboxProcess> m_workspace; ///< B: the workspace the profile / environment names
    QString m_demoRoot;
    int m_runs = 0;

    QString path(const QString &name) const { return m_work.filePath(name); }

    /// The CLI's environment: no DATABRICKS_* of the machine, a temporary HOME, config and keychain service.
    QProcessEnvironment environment(const QHash<QString, QString> &extra) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : env.keys())
            if (key.startsWith(u"DATABRICKS_"_s))
                env.remove(key);
        env.insert(u"HOME"_s, path(u"home"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, path(u"config"_s));
        env.insert(u"DRIVE_INGEST_KEYCHAIN_SERVICE"_s, u"drive-ingest-tst-cli-profile"_s);
        env.insert(u"DRIVE_INGEST_ACCESS_TOKEN"_s, QString::fromLatin1(googleToken));
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    void writeConfig(const QString &text)
    {
        QFile file(path(u"cfg/databrickscfg"_s));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
    }

    /// `ingest <demo root> --to volume:<root> --sandbox A --report … <extra>`.
    CliResult ingest(const QString &root, const QStringList &extra, const QHash<QString, QString> &env)
    {
        const QString report = path(u"report-%1.json"_s.arg(++m_runs));
        QProcess process;
        process.setProcessEnvironment(environment(env));
        process.start(qEnvironmentVariable("DI_CLI"),
                      QStringList {u"ingest"_s, m_demoRoot, u"--to"_s, u"volume:"_s + root, u"--sandbox"_s,
                                   m_drive->baseUrl().toString(), u"--report"_s, report, u"--quiet"_s}
                          + extra);
        if (!process.waitForFinished(90000))
        {
            process.kill();
            process.waitForFinished();
            qWarning("the CLI did not finish in time");
        }
        CliResult result;
        result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        QFile file(report);
        if (file.open(QIODevice::ReadOnly))
        {
            const QByteArray bytes = file.readAll();
            result.files = QJsonDocument::fromJson(bytes).object().value(u"files"_s).toArray();
            if (bytes.contains(workspaceToken))
                result.code = -2;
        }
        // The workspace's token never shows.
        if (result.out.contains(workspaceToken) || result.err.contains(workspaceToken))
            result.code = -2;
        return result;
    }

    static QStringList uploadsUnder(SandboxProcess &sandbox, const QString &root)
    {
        QStringList found;
        const QJsonObject uploads = sandbox.stats().value(u"uploads"_s).toObject();
        for (auto it = uploads.begin(); it != uploads.end(); ++it)
            if (it.key().startsWith(root + u'/') && !it.key().startsWith(root + u"/_drive_ingest/"_s))
                found.append(it.key()); // the run's receipts (issue 11) are not demo files
        found.sort();
        return found;
    }

    /// The demo tree is in B under `root` (every file of the report, all five of them), and not in A.
    void checkLanded(const CliResult &run, const QString &root)
    {
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(run.files.size(), 5);
        const QStringList landed = uploadsUnder(*m_workspace, root);
        QCOMPARE(landed.size(), 5);
        for (const QJsonValue &value : run.files)
        {
            const QString where = value.toObject().value(u"destinationPath"_s).toString();
            QVERIFY2(landed.contains(where.mid(QStringLiteral("volume:").size())), qPrintable(where));
        }
        for (const QString &name : {u"/readme.txt"_s, u"/data.bin"_s, u"/Plan.docx"_s, u"/Nested/deep.csv"_s,
                                    u"/Nested/Deeper/leaf.bin"_s})
            QVERIFY2(landed.contains(root + u"/Profile Demo"_s + name), qPrintable(landed.join(u", "_s)));
        QVERIFY(uploadsUnder(*m_drive, root).isEmpty());
    }

    /// A fake `databricks` in bin/: logs its arguments, prints a token for profile "cli", fails for any other.
    QString fakeDatabricksCli()
    {
        const QString bin = path(u"bin"_s);
        QDir().mkpath(bin);
        QFile script(bin + u"/databricks"_s);
        if (!script.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        script.write("#!/bin/sh\n"
                     "echo \"$@\" >> \"" + path(u"databricks-calls.log"_s).toUtf8() + "\"\n"
                     "if [ \"$1 $2 $3 $4\" = \"auth token --profile cli\" ]; then\n"
                     "  echo '{\"access_token\":\"" + workspaceToken + "\",\"token_type\":\"Bearer\","
                     "\"expiry\":\"2099-01-01T00:00:00Z\"}'\n"
                     "  exit 0\n"
                     "fi\n"
                     "echo 'Error: databricks OAuth is not configured for this host' >&2\n"
                     "exit 1\n");
        script.close();
        script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        return bin;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        QVERIFY2(!qEnvironmentVariable("DI_CLI").isEmpty(), "DI_CLI is not set (run through ctest)");
        QVERIFY(QDir().mkpath(path(u"home"_s)) && QDir().mkpath(path(u"config"_s)) && QDir().mkpath(path(u"cfg"_s)));
        QFile file(path(u"manifest.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(manifest);
        file.close();
        const QStringList args {u"--manifest"_s, file.fileName(), u"--static-token"_s, QString::fromLatin1(googleToken),
                                u"--quiet"_s};
        m_drive = std::make_unique<SandboxProcess>(args);
        QVERIFY2(m_drive->start(), qPrintable(m_drive->errorString()));
        m_workspace = std::make_unique<SandboxProcess>(
            QStringList {u"--manifest"_s, file.fileName(), u"--static-token"_s, u"b-static-token-not-used"_s, u"--quiet"_s});
        QVERIFY2(m_workspace->start(), qPrintable(m_workspace->errorString()));
        m_demoRoot = m_drive->readyInfo().value(u"demo_root_id"_s).toString();
        QVERIFY(!m_demoRoot.isEmpty());
    }

    void profileLandsTheDemoTree()
    {
        // DEFAULT names a workspace that does not exist: only the named profile may be used.
        writeConfig(u"[DEFAULT]\nhost = https://never.invalid\ntoken = dapi-never\n\n"
                    "[ws]\nhost = %1\ntoken = %2   # kept in the file by the user\n"_s
                        .arg(m_workspace->baseUrl().toString(), QString::fromLatin1(workspaceToken)));
        const QString root = u"/Volumes/main/default/landing/from-profile"_s;
        const CliResult run = ingest(root, {u"--profile"_s, u"ws"_s},
                                     {{u"DATABRICKS_CONFIG_FILE"_s, path(u"cfg/databrickscfg"_s)}});
        checkLanded(run, root);
    }

    void environmentLandsTheDemoTree()
    {
        // The file's DEFAULT would send the run elsewhere: with a host and a token in the environment and no
        // profile named, the file is not read.
        writeConfig(u"[DEFAULT]\nhost = https://never.invalid\ntoken = dapi-never\n"_s);
        const QString root = u"/Volumes/main/default/landing/from-environment"_s;
        const CliResult run = ingest(root, {},
                                     {{u"DATABRICKS_CONFIG_FILE"_s, path(u"cfg/databrickscfg"_s)},
                                      {u"DATABRICKS_HOST"_s, m_workspace->baseUrl().toString()},
                                      {u"DATABRICKS_TOKEN"_s, QString::fromLatin1(workspaceToken)}});
        checkLanded(run, root);
    }

    void homeConfigIsTheDefault()
    {
        // Without DATABRICKS_CONFIG_FILE the file is $HOME/.databrickscfg.
        QFile file(path(u"home/.databrickscfg"_s));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(u"[home]\nhost = %1\ntoken = %2\n"_s.arg(m_workspace->baseUrl().toString(), QString::fromLatin1(workspaceToken)).toUtf8());
        file.close();
        const QString root = u"/Volumes/main/default/landing/from-home"_s;
        const CliResult run = ingest(root, {u"--profile"_s, u"home"_s}, {});
        QFile::remove(file.fileName());
        checkLanded(run, root);
    }

    void profileTokenIsWhatIsSent()
    {
        writeConfig(u"[wrong]\nhost = %1\ntoken = dapi-not-known-anywhere\n"_s.arg(m_workspace->baseUrl().toString()));
        const QString root = u"/Volumes/main/default/landing/wrong-token"_s;
        const CliResult run = ingest(root, {u"--profile"_s, u"wrong"_s},
                                     {{u"DATABRICKS_CONFIG_FILE"_s, path(u"cfg/databrickscfg"_s)}});
        QCOMPARE(run.code, 3); // ExitAuth
        QVERIFY(uploadsUnder(*m_workspace, root).isEmpty());
    }

    void missingProfileIsAUsageError()
    {
        writeConfig(u"[ws]\nhost = %1\ntoken = %2\n\n[other]\nhost = https://other.invalid\n"_s.arg(
            m_workspace->baseUrl().toString(), QString::fromLatin1(workspaceToken)));
        const QString root = u"/Volumes/main/default/landing/missing"_s;
        const CliResult run = ingest(root, {u"--profile"_s, u"nope"_s},
                                     {{u"DATABRICKS_CONFIG_FILE"_s, path(u"cfg/databrickscfg"_s)}});
        QCOMPARE(run.code, 2); // ExitUsage
        QVERIFY2(run.err.contains("\"nope\"") && run.err.contains("ws, other")
                     && run.err.contains(path(u"cfg/databrickscfg"_s).toUtf8()),
                 run.err.constData());
        QVERIFY(uploadsUnder(*m_workspace, root).isEmpty());

        // Two kinds of credentials without auth_type: an error before anything is sent.
        writeConfig(u"[both]\nhost = %1\ntoken = %2\nclient_id = sp\nclient_secret = s\n"_s.arg(
            m_workspace->baseUrl().toString(), QString::fromLatin1(workspaceToken)));
        const CliResult both = ingest(root, {u"--profile"_s, u"both"_s},
                                      {{u"DATABRICKS_CONFIG_FILE"_s, path(u"cfg/databrickscfg"_s)}});
        QCOMPARE(both.code, 2);
        QVERIFY2(both.err.contains("auth_type"), both.err.constData());
    }

    void databricksCliAuthType()
    {
        const QString bin = fakeDatabricksCli();
        QVERIFY(!bin.isEmpty());
        writeConfig(u"[cli]\nhost = %1\nauth_type = databricks-cli\n\n[cli-out]\nhost = %1\nauth_type = databricks-cli\n"_s.arg(
            m_workspace->baseUrl().toString()));
        const QHash<QString, QString> env {{u"DATABRICKS_CONFIG_FILE"_s, path(u"cfg/databrickscfg"_s)},
                                           {u"PATH"_s, bin + u':' + qEnvironmentVariable("PATH")}};
        const QString root = u"/Volumes/main/default/landing/from-cli"_s;
        checkLanded(ingest(root, {u"--profile"_s, u"cli"_s}, env), root);
        QFile log(path(u"databricks-calls.log"_s));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray calls = log.readAll();
        // Once to check before Drive is listed, then by the run's token provider (the token it sends).
        const QList<QByteArray> lines = calls.trimmed().split('\n');
        QVERIFY2(lines.size() >= 2, calls.constData());
        for (const QByteArray &line : lines)
            QCOMPARE(line, "auth token --profile cli"_ba);

        // The CLI says "not logged in": the run stops with an auth error that says so.
        const QString refused = u"/Volumes/main/default/landing/cli-refused"_s;
        const CliResult out = ingest(refused, {u"--profile"_s, u"cli-out"_s}, env);
        QCOMPARE(out.code, 3);
        QVERIFY2(out.err.contains("databricks OAuth is not configured for this host")
                     && out.err.contains("databricks auth login --profile cli-out"),
                 out.err.constData());
        QVERIFY(uploadsUnder(*m_workspace, refused).isEmpty());

        // No `databricks` on PATH: a clear usage error, before any traffic.
        const CliResult missing = ingest(refused, {u"--profile"_s, u"cli"_s},
                                         {{u"DATABRICKS_CONFIG_FILE"_s, path(u"cfg/databrickscfg"_s)},
                                          {u"PATH"_s, path(u"empty-bin"_s)}});
        QCOMPARE(missing.code, 2);
        QVERIFY2(missing.err.contains("no \"databricks\" program on PATH"), missing.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliProfile)
#include "tst_cli_profile.moc"
