// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appsettings.h"
#include "enginerunner.h"
#include "mainwindow.h"
#include "sandboxprocess.h"
#include "transfer/enginehost.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>

#include <memory>

/// What the GUI tests that run the real engine against the real sandbox share: the sandbox started on a
/// manifest, the CLI run beside the app, and the app itself as a person starts it (settings in an INI file, the
/// engine on its own thread, signed in to the sandbox with its static token).
namespace SandboxApp
{
/// The sandbox serving `manifest` (written into `work`), with `extraArguments` after it. Not started.
inline std::unique_ptr<SandboxProcess> sandboxWithManifest(const QTemporaryDir &work, const QByteArray &manifest,
                                                           const QByteArray &token, const QStringList &extraArguments = {})
{
    QFile file(work.filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::WriteOnly) || file.write(manifest) != manifest.size())
        return nullptr;
    file.close();
    return std::make_unique<SandboxProcess>(QStringList {QStringLiteral("--static-token"), QString::fromLatin1(token),
                                                         QStringLiteral("--quiet"), QStringLiteral("--manifest"),
                                                         file.fileName()}
                                            + extraArguments);
}

/// Starts drive-ingest-cli (DI_CLI) with `arguments`, the sandbox's token in its environment.
inline void startCli(QProcess &cli, const QStringList &arguments, const QByteArray &token)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DRIVE_INGEST_ACCESS_TOKEN"), QString::fromLatin1(token));
    cli.setProcessEnvironment(env);
    cli.start(qEnvironmentVariable("DI_CLI"), arguments);
}

/// The main window with the real engine, shown and signed in to `sandbox`.
class Window
{
public:
    Window(const QString &settingsFile, const QUrl &sandbox, const QByteArray &token)
        : m_qsettings(settingsFile, QSettings::IniFormat)
        , m_settings(&m_qsettings)
        , m_runner(&m_host)
        , m_window(services())
    {
        m_window.show();
        AccountSession session;
        session.accountName = QStringLiteral("sandbox");
        session.endpoints = Net::Endpoints::sandbox(sandbox);
        session.staticToken = token;
        session.isSandbox = true;
        m_window.setSession(session);
    }

    [[nodiscard]] MainWindow &window() { return m_window; }
    [[nodiscard]] EngineRunner &runner() { return m_runner; }

private:
    MainWindow::Services services()
    {
        MainWindow::Services services;
        services.settings = &m_settings;
        services.runner = &m_runner;
        return services;
    }

    QSettings m_qsettings;
    AppSettings m_settings;
    Transfer::EngineHost m_host;
    EngineRunner m_runner;
    MainWindow m_window;
};
} // namespace SandboxApp
