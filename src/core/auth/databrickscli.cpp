// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/databrickscli.h"

#include "auth/tokenrenewal.h"
#include "util/logging.h"
#include "util/redactor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Auth
{
namespace
{
/// How long one `databricks auth token` may take (it may refresh through the network).
constexpr int cliTimeoutMs = 60'000;
} // namespace

DatabricksCliToken::DatabricksCliToken(const DatabricksCredentials &credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
{
    m_renew.setSingleShot(true);
    connect(&m_renew, &QTimer::timeout, this, &DatabricksCliToken::start);
}

DatabricksCliToken::~DatabricksCliToken()
{
    if (m_process)
    {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QString DatabricksCliToken::program()
{
    return QStandardPaths::findExecutable(u"databricks"_s);
}

QStringList DatabricksCliToken::arguments(const DatabricksCredentials &credentials)
{
    if (!credentials.profile.isEmpty())
        return {u"auth"_s, u"token"_s, u"--profile"_s, credentials.profile};
    return {u"auth"_s, u"token"_s, u"--host"_s, credentials.host};
}

std::optional<DatabricksCliToken::Token> DatabricksCliToken::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject object = document.object();
    const QString accessToken = object.value(u"access_token"_s).toString();
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || accessToken.isEmpty())
    {
        if (error)
            *error = tr("The Databricks CLI did not print a token (expected JSON with access_token).");
        return std::nullopt;
    }
    Token token;
    token.accessToken = accessToken.toUtf8();
    Util::registerSecret(token.accessToken);
    const QString expiry = object.value(u"expiry"_s).toString().trimmed();
    if (!expiry.isEmpty())
        token.expiry = QDateTime::fromString(expiry, Qt::ISODateWithMs);
    return token;
}

void DatabricksCliToken::start()
{
    if (m_process)
        return;
    m_renew.stop();
    const QString cli = program();
    if (cli.isEmpty())
    {
        QTimer::singleShot(0, this, [this] {
            emit failed(tr("auth_type databricks-cli needs the Databricks CLI, but there is no \"databricks\" program "
                           "on PATH. Install it (docs.databricks.com/dev-tools/cli/install) or choose another "
                           "auth_type."));
        });
        return;
    }
    auto *process = new QProcess(this);
    m_process = process;
    process->setProgram(cli);
    process->setArguments(arguments(m_credentials));
    auto *timeout = new QTimer(process);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, process, [process] { process->kill(); });
    connect(process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        done(exitCode, status != QProcess::NormalExit);
    });
    connect(process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError processError) {
        if (processError == QProcess::FailedToStart)
            done(-1, true);
    });
    qCDebug(lcAuth).noquote() << "running" << cli << arguments(m_credentials).join(u' ');
    process->start(QIODevice::ReadOnly);
    timeout->start(cliTimeoutMs);
}

void DatabricksCliToken::done(int exitCode, bool crashed)
{
    QProcess *process = m_process;
    if (!process)
        return;
    m_process = nullptr;
    process->deleteLater();
    const QByteArray out = process->readAllStandardOutput();
    const QString err = QString::fromLocal8Bit(process->readAllStandardError()).trimmed().left(500);
    const QString command = u"databricks "_s + arguments(m_credentials).join(u' ');
    const QString login = m_credentials.profile.isEmpty() ? u"databricks auth login --host "_s + m_credentials.host
                                                          : u"databricks auth login --profile "_s + m_credentials.profile;
    if (crashed || exitCode != 0)
    {
        const QString why = crashed ? tr("it did not finish (%1)").arg(process->errorString())
                                    : tr("exit code %1: %2").arg(exitCode).arg(Util::redact(err));
        emit failed(tr("`%1` gave no token (%2). Sign in with `%3`.").arg(command, why, login));
        return;
    }
    QString error;
    const std::optional<Token> token = parse(out, &error);
    if (!token)
    {
        emit failed(tr("`%1`: %2").arg(command, error));
        return;
    }
    if (token->expiry.isValid())
    {
        // Capped: QTimer takes an int of milliseconds, and a far expiry is no reason not to ask the CLI again.
        const auto lifetime = std::chrono::seconds(
            qBound(qint64(1), QDateTime::currentDateTimeUtc().secsTo(token->expiry), qint64(24 * 3600)));
        m_renew.start(TokenRenewal::renewDelay(lifetime));
    }
    emit finished(*token);
}

} // namespace Auth
