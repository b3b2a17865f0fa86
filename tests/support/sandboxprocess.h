// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

/// A real drive-ingest-sandbox process on a free loopback port, for one test class.
/// Path from $DI_SANDBOX (set by ctest). Stopped (and its data dir removed) on destruction.
class SandboxProcess
{
public:
    explicit SandboxProcess(const QStringList &extraArguments = {});
    ~SandboxProcess();
    Q_DISABLE_COPY_MOVE(SandboxProcess)

    /// Starts the process and waits for its ready file. False (with errorString()) on failure.
    [[nodiscard]] bool start(int timeoutMs = 20000);
    void stop();

    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    [[nodiscard]] QUrl url(const QString &pathAndQuery) const; ///< baseUrl + "/drive/v3/files?…"
    [[nodiscard]] QJsonObject readyInfo() const { return m_ready; }
    [[nodiscard]] QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    /// The demo service account's key file (Google's format, mode 0600, in the data dir; a new key every start).
    [[nodiscard]] QString serviceAccountKeyFile() const;
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QByteArray serverOutput(); ///< what the sandbox printed so far (stdout+stderr)

    struct Reply
    {
        int status = 0; ///< 0: no HTTP response
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
        QJsonObject json() const;
    };
    /// Blocking helpers for tests (a local event loop). `headers` are raw request headers.
    Reply request(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply get(const QString &pathAndQuery, const QList<QPair<QByteArray, QByteArray>> &headers = {});

    QJsonObject stats();                      ///< GET /_sandbox/stats
    /// The id of the item at `path` ("Folder/file.bin") in GET /_sandbox/tree; empty when there is none.
    QString idOf(const QString &path);
    bool reset();                             ///< POST /_sandbox/reset
    bool setFaults(const QJsonObject &faults); ///< POST /_sandbox/faults

private:
    QStringList m_extraArguments;
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_baseUrl;
    QJsonObject m_ready;
    QString m_error;
    QNetworkAccessManager m_nam;
};
