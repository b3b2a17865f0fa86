// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13 acceptance 1: Databricks config resolution (Auth::DatabricksConfig) against a table of cases from
// reference/databricks-wave2.md §1 — precedence (options > environment > profile), DEFAULT not inherited,
// [__settings__] default_profile, the environment rule (no profile named + host/credential in the environment =
// the file is not read), a missing profile, conflicting credentials, auth_type — plus the file syntax (quotes,
// " #" comments), the config path and the Databricks CLI's token JSON (auth_type databricks-cli).
#include "auth/databrickscli.h"
#include "auth/databricksconfig.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Auth::DatabricksConfig;
using Kind = Auth::DatabricksCredentials::Kind;

namespace
{
const QString configFile = uR"ini(# Written by hand and by `databricks auth login`.
[DEFAULT]
host  = https://default.cloud.databricks.com
token = dapi-default

[dev]
host = https://DEV.cloud.databricks.com/?o=123#x
token = "dapi-dev"   # the inline comment needs a space before '#'

[m2m]
host = m2m.cloud.databricks.com
client_id = sp-id
client_secret = sp-secret

[cli]
host = https://cli.cloud.databricks.com
auth_type = databricks-cli

[both]
host = https://both.cloud.databricks.com
token = dapi-both
client_id = sp-both
client_secret = secret-both

[both-typed]
host = https://both.cloud.databricks.com
token = dapi-both
client_id = sp-both
client_secret = secret-both
auth_type = oauth-m2m

[u2m]
host = https://u2m.cloud.databricks.com
auth_type = oauth-u2m

[hostonly]
host = https://hostonly.cloud.databricks.com

[odd]
host: https://odd.cloud.databricks.com
token = abc#def ;trailing comment

[tokenonly]
token = dapi-tokenonly

[badtype]
host = https://bad.cloud.databricks.com
auth_type = magic

[badhost]
host = ftp://nowhere.example.com
token = dapi-x
)ini"_s;

const QString withSettings = u"[__settings__]\ndefault_profile = dev\n\n"_s + configFile;
const QString settingsMissing = u"[__settings__]\ndefault_profile = gone\n\n"_s + configFile;
const QString withoutDefault = u"[dev]\nhost = https://dev.cloud.databricks.com\ntoken = dapi-dev\n"_s;
const QString noFile = u"<no file>"_s;

QHash<QString, QString> env(const QString &text)
{
    QHash<QString, QString> environment;
    for (const QString &pair : text.split(u';', Qt::SkipEmptyParts))
        environment.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    return environment;
}

QString kindName(const DatabricksConfig &config)
{
    if (config.keptSignIn)
        return config.credentials.kind == Kind::OAuthU2M ? u"u2m"_s : u"?"_s;
    if (!config.hasCredential)
        return u"-"_s;
    switch (config.credentials.kind)
    {
    case Kind::PersonalAccessToken:
        return u"pat"_s;
    case Kind::OAuthM2M:
        return u"m2m"_s;
    case Kind::DatabricksCli:
        return u"cli"_s;
    case Kind::OAuthU2M:
        return u"u2m"_s;
    }
    return u"?"_s;
}
} // namespace

class TestDatabricksConfig final : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data()
    {
        QTest::addColumn<QString>("profile");     // --profile
        QTest::addColumn<QString>("host");        // --databricks-host
        QTest::addColumn<QString>("environment"); // "K=V;K=V"
        QTest::addColumn<QString>("file");        // the file's text, or noFile
        QTest::addColumn<bool>("implicit");       // DEFAULT / default_profile allowed
        // Expected: an error containing `error`, or host, kind ("pat", "m2m", "cli", "u2m", "-" = host only),
        // secret, client id, the profile read and where the host came from (a part of it).
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("wantHost");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("wantProfile");
        QTest::addColumn<QString>("hostFrom");

        const QString none;
        // Profile selection.
        QTest::newRow("DEFAULT when nothing is named") << none << none << none << configFile << true << none
            << u"https://default.cloud.databricks.com"_s << u"pat"_s << u"dapi-default"_s << none << u"DEFAULT"_s << u"profile \"DEFAULT\""_s;
        QTest::newRow("--profile, host normalised, quotes and comment stripped") << u"dev"_s << none << none << configFile << true << none
            << u"https://dev.cloud.databricks.com"_s << u"pat"_s << u"dapi-dev"_s << none << u"dev"_s << u"profile \"dev\""_s;
        QTest::newRow("DATABRICKS_CONFIG_PROFILE") << none << none << u"DATABRICKS_CONFIG_PROFILE=m2m"_s << configFile << true << none
            << u"https://m2m.cloud.databricks.com"_s << u"m2m"_s << u"sp-secret"_s << u"sp-id"_s << u"m2m"_s << u"profile \"m2m\""_s;
        QTest::newRow("--profile beats DATABRICKS_CONFIG_PROFILE") << u"dev"_s << none << u"DATABRICKS_CONFIG_PROFILE=m2m"_s << configFile << true << none
            << u"https://dev.cloud.databricks.com"_s << u"pat"_s << u"dapi-dev"_s << none << u"dev"_s << u"profile \"dev\""_s;
        QTest::newRow("__settings__ default_profile") << none << none << none << withSettings << true << none
            << u"https://dev.cloud.databricks.com"_s << u"pat"_s << u"dapi-dev"_s << none << u"dev"_s << u"profile \"dev\""_s;
        QTest::newRow("env profile beats default_profile") << none << none << u"DATABRICKS_CONFIG_PROFILE=m2m"_s << withSettings << true << none
            << u"https://m2m.cloud.databricks.com"_s << u"m2m"_s << u"sp-secret"_s << u"sp-id"_s << u"m2m"_s << u"profile \"m2m\""_s;
        QTest::newRow("DEFAULT is not inherited") << u"tokenonly"_s << none << none << configFile << true << none
            << none << u"pat"_s << u"dapi-tokenonly"_s << none << u"tokenonly"_s << none;
        QTest::newRow("host only: the keychain supplies the rest") << u"hostonly"_s << none << none << configFile << true << none
            << u"https://hostonly.cloud.databricks.com"_s << u"-"_s << none << none << u"hostonly"_s << u"profile \"hostonly\""_s;
        QTest::newRow("go-ini syntax: ':' delimiter, '#' without a space kept, ' ;' comment") << u"odd"_s << none << none << configFile << true << none
            << u"https://odd.cloud.databricks.com"_s << u"pat"_s << u"abc#def"_s << none << u"odd"_s << u"profile \"odd\""_s;

        // Precedence and the environment rule.
        QTest::newRow("env host + token: the file is not read") << none << none
            << u"DATABRICKS_HOST=https://env.cloud.databricks.com;DATABRICKS_TOKEN=dapi-env"_s << configFile << true << none
            << u"https://env.cloud.databricks.com"_s << u"pat"_s << u"dapi-env"_s << none << none << u"DATABRICKS_HOST"_s;
        QTest::newRow("env host alone: the file is not read") << none << none << u"DATABRICKS_HOST=env.cloud.databricks.com"_s << configFile << true << none
            << u"https://env.cloud.databricks.com"_s << u"-"_s << none << none << none << u"DATABRICKS_HOST"_s;
        QTest::newRow("env token alone: the file is not read") << none << none << u"DATABRICKS_TOKEN=dapi-env"_s << configFile << true << none
            << none << u"pat"_s << u"dapi-env"_s << none << none << none;
        QTest::newRow("an empty variable is unset") << none << none << u"DATABRICKS_HOST=;DATABRICKS_TOKEN="_s << configFile << true << none
            << u"https://default.cloud.databricks.com"_s << u"pat"_s << u"dapi-default"_s << none << u"DEFAULT"_s << u"profile \"DEFAULT\""_s;
        QTest::newRow("named profile: env fills first, the profile the rest") << none << none
            << u"DATABRICKS_CONFIG_PROFILE=dev;DATABRICKS_TOKEN=dapi-env"_s << configFile << true << none
            << u"https://dev.cloud.databricks.com"_s << u"pat"_s << u"dapi-env"_s << none << u"dev"_s << u"profile \"dev\""_s;
        QTest::newRow("--databricks-host beats env and profile") << u"dev"_s << u"https://explicit.cloud.databricks.com"_s
            << u"DATABRICKS_HOST=https://env.cloud.databricks.com"_s << configFile << true << none
            << u"https://explicit.cloud.databricks.com"_s << u"pat"_s << u"dapi-dev"_s << none << u"dev"_s << u"--databricks-host"_s;
        QTest::newRow("--databricks-host alone: the file is not read") << none << u"https://explicit.cloud.databricks.com"_s << none << configFile << true << none
            << u"https://explicit.cloud.databricks.com"_s << u"-"_s << none << none << none << u"--databricks-host"_s;
        QTest::newRow("no implicit profile (the sandbox): DEFAULT unused") << none << none << none << withSettings << false << none
            << none << u"-"_s << none << none << none << none;
        QTest::newRow("no implicit profile, --profile still read") << u"m2m"_s << none << none << configFile << false << none
            << u"https://m2m.cloud.databricks.com"_s << u"m2m"_s << u"sp-secret"_s << u"sp-id"_s << u"m2m"_s << u"profile \"m2m\""_s;
        QTest::newRow("no file, nothing named") << none << none << none << noFile << true << none
            << none << u"-"_s << none << none << none << none;
        QTest::newRow("no DEFAULT section, nothing named") << none << none << none << withoutDefault << true << none
            << none << u"-"_s << none << none << none << none;

        // Missing profiles.
        QTest::newRow("missing --profile lists the known ones") << u"nope"_s << none << none << configFile << true
            << u"--profile names the Databricks profile \"nope\", but"_s << none << none << none << none << none << none;
        QTest::newRow("missing DATABRICKS_CONFIG_PROFILE") << none << none << u"DATABRICKS_CONFIG_PROFILE=nope"_s << configFile << true
            << u"DATABRICKS_CONFIG_PROFILE names the Databricks profile \"nope\""_s << none << none << none << none << none << none;
        QTest::newRow("missing default_profile") << none << none << none << settingsMissing << true
            << u"default_profile in [__settings__]"_s << none << none << none << none << none << none;
        QTest::newRow("--profile without a file") << u"dev"_s << none << none << noFile << true
            << u"there is no config file"_s << none << none << none << none << none << none;
        QTest::newRow("__settings__ is not a profile") << u"__settings__"_s << none << none << withSettings << true
            << u"not a Databricks profile"_s << none << none << none << none << none << none;

        // Conflicts and auth_type.
        QTest::newRow("token and client id in one profile") << u"both"_s << none << none << configFile << true
            << u"More than one Databricks authorization method"_s << none << none << none << none << none << none;
        QTest::newRow("env token + profile's client id") << u"m2m"_s << none << u"DATABRICKS_TOKEN=dapi-env"_s << configFile << true
            << u"a token (from DATABRICKS_TOKEN) and a client id and secret (from profile \"m2m\""_s << none << none << none << none << none << none;
        QTest::newRow("auth_type oauth-m2m settles the conflict") << u"both-typed"_s << none << none << configFile << true << none
            << u"https://both.cloud.databricks.com"_s << u"m2m"_s << u"secret-both"_s << u"sp-both"_s << u"both-typed"_s << u"profile"_s;
        QTest::newRow("DATABRICKS_AUTH_TYPE=pat settles it too") << u"both"_s << none << u"DATABRICKS_AUTH_TYPE=pat"_s << configFile << true << none
            << u"https://both.cloud.databricks.com"_s << u"pat"_s << u"dapi-both"_s << none << u"both"_s << u"profile"_s;
        QTest::newRow("auth_type databricks-cli") << u"cli"_s << none << none << configFile << true << none
            << u"https://cli.cloud.databricks.com"_s << u"cli"_s << none << none << u"cli"_s << u"profile \"cli\""_s;
        QTest::newRow("auth_type oauth-u2m: the kept browser sign-in") << u"u2m"_s << none << none << configFile << true << none
            << u"https://u2m.cloud.databricks.com"_s << u"u2m"_s << none << none << u"u2m"_s << u"profile \"u2m\""_s;
        QTest::newRow("unknown auth_type") << u"badtype"_s << none << none << configFile << true
            << u"auth_type \"magic\""_s << none << none << none << none << none << none;
        QTest::newRow("auth_type pat without a token") << u"hostonly"_s << none << u"DATABRICKS_AUTH_TYPE=pat"_s << configFile << true
            << u"auth_type pat (from DATABRICKS_AUTH_TYPE) needs a token"_s << none << none << none << none << none << none;
        QTest::newRow("client id without its secret") << none << none
            << u"DATABRICKS_HOST=https://env.cloud.databricks.com;DATABRICKS_CLIENT_ID=sp"_s << configFile << true
            << u"needs its client secret"_s << none << none << none << none << none << none;
        QTest::newRow("a host that is no workspace URL") << u"badhost"_s << none << none << configFile << true
            << u"\"ftp://nowhere.example.com\" (from profile \"badhost\""_s << none << none << none << none << none << none;
    }

    void resolve()
    {
        QFETCH(QString, profile);
        QFETCH(QString, host);
        QFETCH(QString, environment);
        QFETCH(QString, file);
        QFETCH(bool, implicit);
        QFETCH(QString, error);
        QFETCH(QString, wantHost);
        QFETCH(QString, kind);
        QFETCH(QString, secret);
        QFETCH(QString, clientId);
        QFETCH(QString, wantProfile);
        QFETCH(QString, hostFrom);

        DatabricksConfig::Input input;
        input.profile = profile;
        input.host = host;
        input.environment = env(environment);
        if (file != noFile)
            input.fileText = file;
        input.filePath = u"/home/me/.databrickscfg"_s;
        input.implicitProfile = implicit;
        QString why;
        const std::optional<DatabricksConfig> config = DatabricksConfig::resolve(input, &why);
        if (!error.isEmpty())
        {
            QVERIFY2(!config, qPrintable(u"resolved, expected an error: "_s + error));
            QVERIFY2(why.contains(error), qPrintable(why));
            // Messages name where a value came from, never a secret.
            for (const QString &value : {u"dapi-"_s, u"secret-both"_s, u"sp-secret"_s})
                QVERIFY2(!why.contains(value), qPrintable(why));
            return;
        }
        QVERIFY2(config, qPrintable(why));
        QCOMPARE(config->credentials.host, wantHost);
        QCOMPARE(kindName(*config), kind);
        QCOMPARE(QString::fromUtf8(config->credentials.secret), secret);
        QCOMPARE(config->credentials.clientId, clientId);
        QCOMPARE(config->profile, wantProfile);
        QCOMPARE(config->credentials.profile, wantProfile);
        QVERIFY2(config->sources.value(u"host"_s).contains(hostFrom), qPrintable(config->sources.value(u"host"_s)));
        if (wantHost.isEmpty())
            QVERIFY(!config->sources.contains(u"host"_s));
    }

    void missingProfileNamesTheKnownOnes()
    {
        DatabricksConfig::Input input;
        input.profile = u"prod"_s;
        input.fileText = configFile;
        input.filePath = u"/tmp/cfg"_s;
        QString why;
        QVERIFY(!DatabricksConfig::resolve(input, &why));
        QVERIFY2(why.contains(u"/tmp/cfg"_s) && why.contains(u"dev, m2m, cli"_s), qPrintable(why));
    }

    void sourcesSayWhereEachValueCameFrom()
    {
        DatabricksConfig::Input input;
        input.profile = u"dev"_s;
        input.environment = env(u"DATABRICKS_TOKEN=dapi-env"_s);
        input.fileText = configFile;
        input.filePath = u"/tmp/cfg"_s;
        QString why;
        const auto config = DatabricksConfig::resolve(input, &why);
        QVERIFY2(config, qPrintable(why));
        QCOMPARE(config->sources.value(u"token"_s), u"DATABRICKS_TOKEN"_s);
        QCOMPARE(config->sources.value(u"host"_s), u"profile \"dev\" in /tmp/cfg"_s);
        QCOMPARE(config->sources.value(u"profile"_s), u"--profile"_s);
        const QString described = config->describeSources();
        QVERIFY2(described.contains(u"token from DATABRICKS_TOKEN"_s) && !described.contains(u"dapi"_s), qPrintable(described));
    }

    void configPath()
    {
        QCOMPARE(DatabricksConfig::configPath(env(u"HOME=/home/me"_s)), u"/home/me/.databrickscfg"_s);
        QCOMPARE(DatabricksConfig::configPath(env(u"HOME=/home/me;DATABRICKS_CONFIG_FILE=~/cfg/db.ini"_s)), u"/home/me/cfg/db.ini"_s);
        QCOMPARE(DatabricksConfig::configPath(env(u"HOME=/home/me;DATABRICKS_CONFIG_FILE=/etc/db.ini"_s)), u"/etc/db.ini"_s);
    }

    void profilesForPickers()
    {
        const QList<DatabricksConfig::Profile> profiles = DatabricksConfig::profiles(withSettings);
        QStringList names;
        for (const auto &p : profiles)
            names.append(p.name);
        QCOMPARE(names.first(), u"DEFAULT"_s);
        QVERIFY(!names.contains(u"__settings__"_s));
        QCOMPARE(profiles.size(), 12);
        QCOMPARE(profiles.at(1).host, u"https://dev.cloud.databricks.com"_s);
        QCOMPARE(profiles.at(1).authType, u"pat"_s);
        QCOMPARE(profiles.at(2).authType, u"oauth-m2m"_s);
        QCOMPARE(profiles.at(3).authType, u"databricks-cli"_s);
    }

    void cliTokenJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("expiryUtc"); // ISO, or "" for none/invalid
        QTest::newRow("RFC 3339 with nanoseconds and offset")
            << R"({"access_token":"tok-1","token_type":"Bearer","expiry":"2026-12-03T08:04:05.123456789+01:00"})"_ba
            << "tok-1"_ba << u"2026-12-03T07:04:05.123Z"_s;
        QTest::newRow("RFC 3339 UTC") << R"({"access_token":"tok-2","expiry":"2026-12-03T07:00:00Z"})"_ba << "tok-2"_ba
                                      << u"2026-12-03T07:00:00.000Z"_s;
        QTest::newRow("no expiry") << R"({"access_token":"tok-3","token_type":"Bearer"})"_ba << "tok-3"_ba << QString();
        QTest::newRow("no token") << R"({"token_type":"Bearer"})"_ba << QByteArray() << QString();
        QTest::newRow("not JSON") << "Error: databricks OAuth is not configured for this host"_ba << QByteArray() << QString();
    }

    void cliTokenJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, token);
        QFETCH(QString, expiryUtc);
        QString error;
        const auto parsed = Auth::DatabricksCliToken::parse(json, &error);
        if (token.isEmpty())
        {
            QVERIFY(!parsed);
            QVERIFY(error.contains(u"access_token"_s));
            return;
        }
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->accessToken, token);
        QCOMPARE(parsed->expiry.isValid() ? parsed->expiry.toUTC().toString(Qt::ISODateWithMs) : QString(), expiryUtc);
    }

    void cliArguments()
    {
        Auth::DatabricksCredentials credentials;
        credentials.kind = Kind::DatabricksCli;
        credentials.host = u"https://cli.cloud.databricks.com"_s;
        QCOMPARE(Auth::DatabricksCliToken::arguments(credentials),
                 (QStringList {u"auth"_s, u"token"_s, u"--host"_s, u"https://cli.cloud.databricks.com"_s}));
        credentials.profile = u"cli"_s;
        QCOMPARE(Auth::DatabricksCliToken::arguments(credentials), (QStringList {u"auth"_s, u"token"_s, u"--profile"_s, u"cli"_s}));
    }
};

QTEST_GUILESS_MAIN(TestDatabricksConfig)
#include "tst_databricksconfig.moc"
