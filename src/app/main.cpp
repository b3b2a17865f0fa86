// SPDX-License-Identifier: GPL-3.0-or-later
// drive-ingest: the composition root. Builds settings, the engine host, the browsing network manager and
// the window, and passes them down; nothing here is global.
#include "appsettings.h"
#include "auth/accounts.h"
#include "auth/keychaintokenstore.h"
#include "drivebrowsersource.h"
#include "enginerunner.h"
#include "googlesignin.h"
#include "i18n.h"
#include "mainwindow.h"
#include "screenshotscript.h"
#include "transfer/enginehost.h"
#include "util/cryptoruntime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QPalette>
#include <QSettings>
#include <QStyleFactory>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

namespace
{
void applyProxy(const AppSettings &settings)
{
    switch (settings.proxyMode())
    {
    case AppSettings::ProxyMode::System:
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        break;
    case AppSettings::ProxyMode::None:
        QNetworkProxyFactory::setUseSystemConfiguration(false);
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        break;
    case AppSettings::ProxyMode::Manual:
        QNetworkProxyFactory::setUseSystemConfiguration(false);
        QNetworkProxy::setApplicationProxy(
            QNetworkProxy(QNetworkProxy::HttpProxy, settings.proxyHost(), quint16(settings.proxyPort())));
        break;
    }
}

/// A dark Fusion palette: for desktops without a dark theme, and to check that every widget reads in the dark.
void applyDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8c, 0x8c));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x3f, 0x44));
    p.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5e));
    p.setColor(QPalette::Dark, QColor(0x16, 0x17, 0x19));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xf0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7a, 0x7a));
    QApplication::setPalette(p);
}

/// Who the app is: read by --version, the settings path and the desktop integration.
void identify()
{
    QCoreApplication::setOrganizationName(u"DriveIngest"_s);
    QCoreApplication::setApplicationName(u"drive-ingest"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(DI_VERSION));
}

struct CommandLine
{
    QCommandLineParser parser;
    QCommandLineOption sandbox {u"sandbox"_s, QCoreApplication::translate("main", "Start signed in to the bundled sandbox.")};
    QCommandLineOption screenshots {u"screenshots"_s, QCoreApplication::translate("main", "Run the demo ingest and save screenshots into <dir>."),
                                    u"dir"_s};
    QCommandLineOption destination {u"destination"_s, QCoreApplication::translate("main", "Local folder the demo ingest writes to."), u"dir"_s};
    QCommandLineOption dark {u"dark"_s, QCoreApplication::translate("main", "Use a dark colour scheme.")};
    QCommandLineOption help;
    QCommandLineOption version;

    CommandLine()
        : help(parser.addHelpOption())
        , version(parser.addVersionOption())
    {
        parser.setApplicationDescription(QCoreApplication::translate("main", "Stream Google Drive files into Databricks or a local folder."));
        parser.addOptions({sandbox, screenshots, destination, dark});
    }
};

/// --help and --version print and quit: they must work without a display (a terminal, ssh, CI), so they are
/// answered before anything of the GUI exists. Qt's own options (-platform …) are the GUI's to take.
bool answersWithoutWindow(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    CommandLine line;
    line.parser.parse(arguments);
    return line.parser.isSet(line.help) || line.parser.isSet(line.version) || line.parser.isSet(u"help-all"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything touches OpenSSL: no OpenSSL cleanup at exit racing threads that are still exiting.
    Util::disableOpenSslExitCleanup();
    QTranslator qtTranslator;
    QTranslator appTranslator;
    if (answersWithoutWindow(argc, argv))
    {
        QCoreApplication core(argc, argv);
        identify();
        I18n::installTranslators(qtTranslator, appTranslator);
        CommandLine line;
        line.parser.process(core); // prints the help or the version and exits 0
        return 0;
    }
    QApplication app(argc, argv);
    identify();
    QApplication::setDesktopFileName(u"org.driveingest.DriveIngest"_s);
    I18n::installTranslators(qtTranslator, appTranslator);

    CommandLine line;
    const QCommandLineParser &parser = line.parser;
    line.parser.process(app);
    if (parser.isSet(line.dark))
        applyDarkPalette();

    // Settings live in the normal per-user place; nothing secret is ever written there.
    QSettings qsettings;
    AppSettings settings(&qsettings);
    applyProxy(settings);

    Transfer::EngineHost host;
    EngineRunner runner(&host);

    QNetworkAccessManager browseNam; // the browser's listing and the sign-in, on the GUI thread (async)
    MainWindow::Services services;
    services.settings = &settings;
    services.runner = &runner;
    // Kept sign-ins and Databricks workspaces: names in the account list shared with the CLI, secrets in the
    // OS keychain only.
    Auth::KeychainTokenStore tokenStore;
    Auth::Accounts accounts;
    services.nam = &browseNam;
    services.tokenStore = &tokenStore;
    services.accounts = &accounts;
    GoogleSignIn::Options signIn;
    signIn.nam = &browseNam;
    signIn.settings = &settings;
    signIn.store = &tokenStore;
    signIn.accounts = &accounts;
    services.googleSignIn = GoogleSignIn::make(signIn);
    services.browserFactory = [&browseNam](const AccountSession &session, QObject *parent) -> BrowserSource * {
        return new DriveBrowserSource(&browseNam, session, parent);
    };

    MainWindow window(services);
    std::unique_ptr<ScreenshotScript> script;
    if (parser.isSet(line.screenshots))
    {
        script = std::make_unique<ScreenshotScript>(&window, parser.value(line.screenshots), parser.value(line.destination));
        script->start();
    }
    else if (parser.isSet(line.sandbox))
    {
        window.trySandbox();
    }
    else
    {
        window.restoreAccount();
    }
    window.show();
    return QApplication::exec();
}
