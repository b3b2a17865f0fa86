// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxlauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace
{
constexpr int ReadyTimeoutMs = 20000;
}

SandboxLauncher::SandboxLauncher(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, &SandboxLauncher::poll);
}

SandboxLauncher::~SandboxLauncher()
{
    stop();
}

QString SandboxLauncher::findProgram()
{
    const QString dir = QCoreApplication::applicationDirPath();
    const QStringList candidates {
        dir + u"/drive-ingest-sandbox"_s,
        qEnvironmentVariable("DI_SANDBOX"),
        dir + u"/../sandbox/drive-ingest-sandbox"_s, // build tree: src/app → src/sandbox
    };
    for (const QString &c : candidates)
        if (!c.isEmpty() && QFileInfo(c).isExecutable())
            return QDir::cleanPath(c);
    return {};
}

void SandboxLauncher::start()
{
    if (isRunning())
        return;
    const QString program = findProgram();
    if (program.isEmpty())
    {
        emit failed(tr("The sandbox (drive-ingest-sandbox) was not found next to the application."));
        return;
    }
    m_token = QByteArray::number(QRandomGenerator::system()->generate64(), 16)
        + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    const QString readyFile = m_dir.filePath(u"ready.json"_s);
    QFile::remove(readyFile);
    // A throwaway random token valid only against this loopback emulator (not a Google credential). It goes
    // through a 0600 file in our private temp dir, not argv: any local user can read a process's argv.
    const QString tokenFile = m_dir.filePath(u"token"_s);
    QFile::remove(tokenFile);
    QFile token(tokenFile);
    if (!m_dir.isValid()
        || !token.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || token.write(m_token) != m_token.size() || !token.flush())
    {
        token.close();
        QFile::remove(tokenFile);
        emit failed(tr("Cannot write the sandbox token file in %1.").arg(m_dir.path()));
        return;
    }
    token.close();
    QStringList arguments {u"--port"_s, u"0"_s, u"--ready-file"_s, readyFile, u"--data-dir"_s, m_dir.filePath(u"data"_s),
                           u"--quiet"_s, u"--static-token-file"_s, tokenFile};
    arguments << m_extraArguments;
    m_process.start(program, arguments);
    m_since.start();
    m_poll.start();
}

void SandboxLauncher::stop()
{
    m_poll.stop();
    QFile::remove(m_dir.filePath(u"token"_s));
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000))
    {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void SandboxLauncher::poll()
{
    QFile f(m_dir.filePath(u"ready.json"_s));
    if (f.open(QIODevice::ReadOnly))
    {
        const QJsonObject info = QJsonDocument::fromJson(f.readAll()).object();
        const QUrl base(info.value(u"base_url"_s).toString());
        if (base.isValid() && !base.isEmpty())
        {
            m_poll.stop();
            // The sandbox read it at start: no copy of the token stays on disk.
            QFile::remove(m_dir.filePath(u"token"_s));
            AccountSession session;
            session.accountName = tr("Sandbox (%1)").arg(base.authority());
            session.endpoints = Net::Endpoints::sandbox(base);
            session.staticToken = m_token;
            session.isSandbox = true;
            m_serviceAccountKeyFile = info.value(u"service_account_key_file"_s).toString();
            emit ready(session);
            return;
        }
    }
    if (m_process.state() == QProcess::NotRunning || m_since.elapsed() > ReadyTimeoutMs)
    {
        m_poll.stop();
        stop();
        emit failed(tr("The sandbox did not start: %1").arg(m_process.errorString()));
    }
}
