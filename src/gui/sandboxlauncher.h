// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runcontroller.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

/// "Try it with the sandbox": starts drive-ingest-sandbox on a free loopback port with a fresh static token
/// (handed over in a 0600 file in a private temp dir, never in argv), waits for its ready file and hands back
/// a session signed in to it. Stops the process when destroyed.
class SandboxLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxLauncher)

public:
    explicit SandboxLauncher(QObject *parent = nullptr);
    ~SandboxLauncher() override;

    /// Next to the app binary, then $DI_SANDBOX, then the build tree; empty when not found.
    [[nodiscard]] static QString findProgram();
    /// Extra sandbox options (e.g. "--bandwidth", "4000000") for tests and demos.
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    /// Tests: the sandbox's pid (0 when not running), to check what its argv shows.
    [[nodiscard]] qint64 processId() const { return m_process.processId(); }
    /// The demo service account's key the running sandbox wrote (it trusts that account); empty before ready.
    [[nodiscard]] QString serviceAccountKeyFile() const { return m_serviceAccountKeyFile; }

signals:
    void ready(const AccountSession &session);
    void failed(const QString &message);

private:
    void poll();

    QProcess m_process;
    QTemporaryDir m_dir;
    QTimer m_poll;
    QElapsedTimer m_since;
    QByteArray m_token;
    QStringList m_extraArguments;
    QString m_serviceAccountKeyFile;
};
