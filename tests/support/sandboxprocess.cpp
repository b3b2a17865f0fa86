// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxprocess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

SandboxProcess::SandboxProcess(const QStringList &extraArguments)
    : m_extraArguments(extraArguments)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

SandboxProcess::~SandboxProcess()
{
    stop();
}

bool SandboxProcess::start(int timeoutMs)
{
    const QString program = qEnvironmentVariable("DI_SANDBOX");
    if (program.isEmpty())
    {
        m_error = QStringLiteral("DI_SANDBOX is not set (run the test through ctest)");
        return false;
    }
    const QString readyFile = m_dir.filePath(QStringLiteral("ready.json"));
    QStringList args {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--ready-file"), readyFile,
                      QStringLiteral("--data-dir"), dataDir()};
    args << m_extraArguments;
    m_process.start(program, args);
    if (!m_process.waitForStarted(timeoutMs))
    {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired())
    {
        QFile f(readyFile);
        if (f.open(QIODevice::ReadOnly))
        {
            const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
            if (doc.isObject() && doc.object().contains(QStringLiteral("base_url")))
            {
                m_ready = doc.object();
                m_baseUrl = QUrl(m_ready.value(QStringLiteral("base_url")).toString());
                return true;
            }
        }
        if (m_process.state() == QProcess::NotRunning)
        {
            m_error = QStringLiteral("sandbox exited early: %1").arg(QString::fromLocal8Bit(m_process.readAll()));
            return false;
        }
        m_process.waitForReadyRead(20);
    }
    m_error = QStringLiteral("sandbox did not write its ready file in time");
    return false;
}

void SandboxProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
    {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QUrl SandboxProcess::url(const QString &pathAndQuery) const
{
    return QUrl(m_baseUrl.toString() + pathAndQuery);
}

QString SandboxProcess::serviceAccountKeyFile() const
{
    return m_ready.value(QStringLiteral("service_account_key_file")).toString();
}

QByteArray SandboxProcess::serverOutput()
{
    return m_process.readAll();
}

QByteArray SandboxProcess::Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QJsonObject SandboxProcess::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

SandboxProcess::Reply SandboxProcess::request(const QByteArray &verb, const QString &pathAndQuery,
                                              const QByteArray &body,
                                              const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req {url(pathAndQuery)};
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

SandboxProcess::Reply SandboxProcess::get(const QString &pathAndQuery,
                                          const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return request("GET", pathAndQuery, {}, headers);
}

QString SandboxProcess::idOf(const QString &path)
{
    for (const QJsonValue &item : get(QStringLiteral("/_sandbox/tree")).json().value(QStringLiteral("items")).toArray())
    {
        if (item.toObject().value(QStringLiteral("path")).toString() == path)
            return item.toObject().value(QStringLiteral("id")).toString();
    }
    return {};
}

QJsonObject SandboxProcess::stats()
{
    return get(QStringLiteral("/_sandbox/stats")).json();
}

bool SandboxProcess::reset()
{
    return request("POST", QStringLiteral("/_sandbox/reset")).status == 200;
}

bool SandboxProcess::setFaults(const QJsonObject &faults)
{
    return request("POST", QStringLiteral("/_sandbox/faults"), QJsonDocument(faults).toJson(QJsonDocument::Compact),
                   {{"Content-Type", "application/json"}})
               .status
        == 200;
}
