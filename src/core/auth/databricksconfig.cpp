// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/databricksconfig.h"

#include "util/redactor.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Auth
{
namespace
{
const QString defaultSection = u"DEFAULT"_s;
const QString settingsSection = u"__settings__"_s;

// The attributes we read, with their environment variables (reference §1 table; Go SDK `config.go` tags).
const QString hostKey = u"host"_s;
const QString tokenKey = u"token"_s;
const QString clientIdKey = u"client_id"_s;
const QString clientSecretKey = u"client_secret"_s;
const QString authTypeKey = u"auth_type"_s;
const QString profileKey = u"profile"_s;

struct Attribute
{
    QString key;
    QString variable;
};
const QList<Attribute> &attributes()
{
    static const QList<Attribute> list {
        {hostKey, u"DATABRICKS_HOST"_s},
        {tokenKey, u"DATABRICKS_TOKEN"_s},
        {clientIdKey, u"DATABRICKS_CLIENT_ID"_s},
        {clientSecretKey, u"DATABRICKS_CLIENT_SECRET"_s},
        {authTypeKey, u"DATABRICKS_AUTH_TYPE"_s},
    };
    return list;
}

/// The sections of an INI text, in file order; keys before any section belong to DEFAULT (go-ini).
struct Ini
{
    QStringList order;
    QHash<QString, QHash<QString, QString>> sections;
};

QString iniValue(QString value)
{
    // go-ini with SpaceBeforeInlineComment: only " #" (else " ;") starts a comment inside a value.
    qsizetype comment = value.indexOf(u" #"_s);
    if (comment < 0)
        comment = value.indexOf(u" ;"_s);
    if (comment >= 0)
        value = value.left(comment).trimmed();
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front())
        value = value.mid(1, value.size() - 2);
    return value;
}

Ini parseIni(const QString &text)
{
    Ini ini;
    QString current = defaultSection;
    for (const QString &raw : text.split(u'\n'))
    {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'['))
        {
            const qsizetype close = line.lastIndexOf(u']');
            if (close > 0)
            {
                current = line.mid(1, close - 1).trimmed();
                if (!ini.sections.contains(current))
                {
                    ini.order.append(current);
                    ini.sections.insert(current, {});
                }
            }
            continue;
        }
        qsizetype delimiter = line.indexOf(u'=');
        const qsizetype colon = line.indexOf(u':');
        if (delimiter < 0 || (colon >= 0 && colon < delimiter))
            delimiter = colon;
        if (delimiter <= 0)
            continue;
        if (!ini.sections.contains(current))
        {
            ini.order.append(current);
            ini.sections.insert(current, {});
        }
        ini.sections[current].insert(line.left(delimiter).trimmed(), iniValue(line.mid(delimiter + 1).trimmed()));
    }
    return ini;
}

QString impliedAuthType(const QHash<QString, QString> &values)
{
    const QString authType = values.value(authTypeKey).trimmed();
    if (!authType.isEmpty())
        return authType;
    if (!values.value(tokenKey).isEmpty())
        return u"pat"_s;
    if (!values.value(clientIdKey).isEmpty() || !values.value(clientSecretKey).isEmpty())
        return u"oauth-m2m"_s;
    return {};
}
} // namespace

std::optional<DatabricksConfig> DatabricksConfig::resolve(const Input &input, QString *error)
{
    DatabricksConfig config;
    QHash<QString, QString> values;
    const auto set = [&](const QString &key, const QString &value, const QString &source) {
        if (value.isEmpty() || !values.value(key).isEmpty())
            return;
        values.insert(key, value);
        config.sources.insert(key, source);
    };
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };

    // 1. Explicit options, 2. the environment (an empty variable is unset, as in the SDKs).
    set(hostKey, input.host.trimmed(), u"--databricks-host"_s);
    QString profile = input.profile.trimmed();
    QString profileSource = profile.isEmpty() ? QString() : u"--profile"_s;
    for (const Attribute &attribute : attributes())
        set(attribute.key, input.environment.value(attribute.variable).trimmed(), attribute.variable);
    if (profile.isEmpty())
    {
        profile = input.environment.value(u"DATABRICKS_CONFIG_PROFILE"_s).trimmed();
        if (!profile.isEmpty())
            profileSource = u"DATABRICKS_CONFIG_PROFILE"_s;
    }
    const bool requested = !profile.isEmpty();
    const bool anyAuth = !values.value(tokenKey).isEmpty() || !values.value(clientIdKey).isEmpty()
        || !values.value(clientSecretKey).isEmpty();

    // 3. The file, unless the environment (or an option) already says where and who, and no profile was asked.
    if (requested || (!anyAuth && values.value(hostKey).isEmpty()))
    {
        if (!input.fileText)
        {
            if (requested)
                return fail(tr("%1 names the Databricks profile \"%2\", but there is no config file at %3.")
                                .arg(profileSource, profile, QDir::toNativeSeparators(input.filePath)));
        }
        else
        {
            const Ini ini = parseIni(*input.fileText);
            bool named = requested;
            if (!requested && input.implicitProfile)
            {
                profile = ini.sections.value(settingsSection).value(u"default_profile"_s).trimmed();
                profileSource = tr("default_profile in [__settings__] of %1").arg(QDir::toNativeSeparators(input.filePath));
                named = !profile.isEmpty();
                if (profile.isEmpty())
                    profile = defaultSection;
            }
            if (profile == settingsSection)
                return fail(tr("%1: [__settings__] holds settings, not a Databricks profile.").arg(profileSource));
            const QHash<QString, QString> section = ini.sections.value(profile);
            if (section.isEmpty() && named)
            {
                QStringList known;
                for (const Profile &p : profiles(*input.fileText))
                    known.append(p.name);
                return fail(known.isEmpty()
                                ? tr("%1 names the Databricks profile \"%2\", but %3 has no profiles.")
                                      .arg(profileSource, profile, QDir::toNativeSeparators(input.filePath))
                                : tr("%1 names the Databricks profile \"%2\", but %3 has no such profile (it has: %4).")
                                      .arg(profileSource, profile, QDir::toNativeSeparators(input.filePath),
                                           known.join(u", "_s)));
            }
            if (!section.isEmpty() && (requested || input.implicitProfile))
            {
                const QString source = tr("profile \"%1\" in %2").arg(profile, QDir::toNativeSeparators(input.filePath));
                for (const Attribute &attribute : attributes())
                    set(attribute.key, section.value(attribute.key).trimmed(), source);
                config.profile = profile;
                config.sources.insert(profileKey, named ? profileSource : source);
            }
        }
    }

    // Secrets read from the file or the environment: in memory only, and never in a log line.
    Util::registerSecret(values.value(tokenKey).toUtf8());
    Util::registerSecret(values.value(clientSecretKey).toUtf8());

    const auto from = [&config](const QString &key) { return config.sources.value(key); };
    const QString hostText = values.value(hostKey);
    if (!hostText.isEmpty())
    {
        config.credentials.host = DatabricksCredentials::normaliseHost(hostText);
        if (config.credentials.host.isEmpty())
            return fail(tr("The Databricks host \"%1\" (from %2) is not a workspace URL (https://<workspace host>).")
                            .arg(hostText, from(hostKey)));
    }
    config.credentials.profile = config.profile;

    // 5. Two kinds of credentials and nothing to choose between them (Go SDK attributes.Validate).
    const bool pat = !values.value(tokenKey).isEmpty();
    const bool m2m = !values.value(clientIdKey).isEmpty() || !values.value(clientSecretKey).isEmpty();
    const QString authType = values.value(authTypeKey).trimmed().toLower();
    if (pat && m2m && authType.isEmpty())
    {
        const QString m2mFrom = from(values.value(clientIdKey).isEmpty() ? clientSecretKey : clientIdKey);
        return fail(tr("More than one Databricks authorization method is configured: a token (from %1) and a "
                       "client id and secret (from %2). Set auth_type (pat or oauth-m2m) to choose one, or remove "
                       "one of them.")
                        .arg(from(tokenKey), m2mFrom));
    }

    // 6. The kind.
    using Kind = DatabricksCredentials::Kind;
    const auto needM2M = [&]() -> bool {
        if (values.value(clientIdKey).isEmpty() || values.value(clientSecretKey).isEmpty())
        {
            if (error)
                *error = values.value(clientIdKey).isEmpty()
                    ? tr("A Databricks client secret (from %1) needs its client id (client_id or DATABRICKS_CLIENT_ID).")
                          .arg(from(clientSecretKey))
                    : tr("The Databricks client id %1 (from %2) needs its client secret (client_secret or "
                         "DATABRICKS_CLIENT_SECRET).")
                          .arg(values.value(clientIdKey), from(clientIdKey));
            return false;
        }
        config.credentials.kind = Kind::OAuthM2M;
        config.credentials.clientId = values.value(clientIdKey);
        config.credentials.secret = values.value(clientSecretKey).toUtf8();
        config.hasCredential = true;
        return true;
    };
    if (authType.isEmpty())
    {
        if (pat)
        {
            config.credentials.kind = Kind::PersonalAccessToken;
            config.credentials.secret = values.value(tokenKey).toUtf8();
            config.hasCredential = true;
        }
        else if (m2m && !needM2M())
        {
            return std::nullopt;
        }
        return config;
    }
    config.sources.insert(authTypeKey, from(authTypeKey));
    if (authType == u"pat"_s)
    {
        if (!pat)
            return fail(tr("auth_type pat (from %1) needs a token (token or DATABRICKS_TOKEN).").arg(from(authTypeKey)));
        config.credentials.kind = Kind::PersonalAccessToken;
        config.credentials.secret = values.value(tokenKey).toUtf8();
        config.hasCredential = true;
    }
    else if (authType == u"oauth-m2m"_s)
    {
        if (!needM2M())
            return std::nullopt;
    }
    else if (authType == u"databricks-cli"_s)
    {
        config.credentials.kind = Kind::DatabricksCli; // nothing secret: the CLI hands out the token
        config.hasCredential = true;
    }
    else if (authType == u"oauth-u2m"_s)
    {
        config.credentials.kind = Kind::OAuthU2M; // the refresh token is in the keychain (databricks-login --browser)
        config.keptSignIn = true;
    }
    else
    {
        return fail(tr("auth_type \"%1\" (from %2) is not one Drive Ingest supports: use pat, oauth-m2m, "
                       "databricks-cli or oauth-u2m.")
                        .arg(values.value(authTypeKey), from(authTypeKey)));
    }
    return config;
}

QString DatabricksConfig::configPath(const QHash<QString, QString> &environment)
{
    QString home = environment.value(u"HOME"_s);
    if (home.isEmpty())
        home = QDir::homePath();
    const QString chosen = environment.value(u"DATABRICKS_CONFIG_FILE"_s).trimmed();
    if (chosen.isEmpty())
        return QDir(home).filePath(u".databrickscfg"_s);
    if (chosen == u"~"_s)
        return home;
    if (chosen.startsWith(u"~/"_s))
        return QDir(home).filePath(chosen.mid(2));
    return chosen;
}

QList<DatabricksConfig::Profile> DatabricksConfig::profiles(const QString &fileText)
{
    QList<Profile> list;
    const Ini ini = parseIni(fileText);
    for (const QString &name : ini.order)
    {
        const QHash<QString, QString> &values = ini.sections[name];
        if (name == settingsSection || values.isEmpty())
            continue;
        list.append({name, DatabricksCredentials::normaliseHost(values.value(hostKey)), impliedAuthType(values)});
    }
    return list;
}

QHash<QString, QString> DatabricksConfig::processEnvironment()
{
    QHash<QString, QString> environment;
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString &key : system.keys())
        if (key.startsWith(u"DATABRICKS_"_s) || key == u"HOME"_s)
            environment.insert(key, system.value(key));
    return environment;
}

std::optional<QString> DatabricksConfig::readFile(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.readAll());
}

QString DatabricksConfig::describeSources() const
{
    QStringList parts;
    for (const QString &key : {hostKey, tokenKey, clientIdKey, clientSecretKey, authTypeKey})
        if (sources.contains(key) && !sources.value(key).isEmpty())
            parts.append(tr("%1 from %2").arg(key, sources.value(key)));
    return parts.join(u"; "_s);
}

} // namespace Auth
