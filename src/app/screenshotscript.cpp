// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshotscript.h"

#include "appsettings.h"
#include "browsermodel.h"
#include "dashboard.h"
#include "destinationpicker.h"
#include "mainwindow.h"
#include "queuemodel.h"
#include "sandboxlauncher.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QDir>
#include <QTabWidget>
#include <QTextStream>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace
{
constexpr int StageTimeoutMs = 60000;
const QString DemoFolder = u"Drive Ingest Demo"_s;

void say(const QString &text)
{
    QTextStream(stderr) << "screenshots: " << text << '\n';
}
} // namespace

ScreenshotScript::ScreenshotScript(MainWindow *window, const QString &outputDir, const QString &destination, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_dir(outputDir)
    , m_destination(destination.isEmpty() ? QDir::temp().filePath(u"drive-ingest-demo"_s) : destination)
{
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &ScreenshotScript::step);
}

void ScreenshotScript::start()
{
    QDir().mkpath(m_dir);
    // A per-connection cap in the sandbox keeps the demo run going long enough to be seen mid-way on loopback.
    m_window->sandboxLauncher()->setExtraArguments({u"--bandwidth"_s, u"25000000"_s});
    m_stageTime.start();
    m_timer.start();
}

void ScreenshotScript::save(const QString &name)
{
    QWidget *w = QApplication::activeModalWidget() ? QApplication::activeModalWidget() : m_window;
    const QString path = QDir(m_dir).filePath(name + u".png"_s);
    if (!w->grab().save(path))
        say(u"cannot write "_s + path);
    else
        say(u"saved "_s + path);
}

void ScreenshotScript::finish(int code)
{
    m_timer.stop();
    if (m_window->isRunning())
        m_window->cancelAll();
    m_window->signOut();
    QApplication::exit(code);
}

void ScreenshotScript::step()
{
    if (m_stageTime.elapsed() > StageTimeoutMs)
    {
        say(u"stage %1 timed out"_s.arg(m_stage));
        save(u"timeout-stage-%1"_s.arg(m_stage));
        finish(1);
        return;
    }
    auto next = [this] {
        ++m_stage;
        m_stageTime.restart();
    };
    BrowserModel *browser = m_window->browserModel();
    switch (m_stage)
    {
    case 0: // first-run page, once the window is on screen
        if (!m_window->isVisible() || m_stageTime.elapsed() < 500)
            return;
        save(u"first-run"_s);
        next();
        break;
    case 1:
    {
        SettingsDialog dialog(m_window->settings(), m_window);
        dialog.show();
        dialog.adjustSize();
        QApplication::processEvents();
        const QString path = QDir(m_dir).filePath(u"settings.png"_s);
        say(dialog.grab().save(path) ? u"saved "_s + path : u"cannot write "_s + path);
        dialog.reject();
        m_window->trySandbox();
        next();
        break;
    }
    case 2: // signed in, My Drive listed
        if (!m_window->session().isValid())
            return;
        if (browser->canFetchMore(browser->index(0, 0)))
            browser->fetchMore(browser->index(0, 0));
        if (!browser->findChild(browser->index(0, 0), DemoFolder).isValid())
            return;
        m_window->browserView()->expand(m_window->browserView()->model()->index(0, 0));
        next();
        break;
    case 3: // open the demo folder, queue it, choose the destination, start
    {
        const QModelIndex demo = browser->findChild(browser->index(0, 0), DemoFolder);
        if (browser->canFetchMore(demo))
            browser->fetchMore(demo);
        if (browser->rowCount(demo) == 0 && m_stageTime.elapsed() < 5000)
            return;
        m_window->addSources(browser->sourceItems({demo}));
        m_window->destinationPicker()->setChoice({AppSettings::DestinationKind::LocalFolder, m_destination});
        m_window->startRun();
        next();
        break;
    }
    case 4: // mid-run: some bytes moved, chart has a few samples
    {
        if (m_window->dashboard()->chart() == nullptr)
            return;
        const bool enough = m_window->queueModel()->rowCount() > 3 && m_stageTime.elapsed() > 6000;
        if (!enough && m_window->isRunning())
            return;
        m_window->tabs()->setCurrentIndex(0);
        QApplication::processEvents();
        save(u"main-window"_s);
        m_window->tabs()->setCurrentIndex(1);
        m_window->dashboard()->setWindowMinutes(1); // a short demo run fills the 1-minute window
        QApplication::processEvents();
        save(u"dashboard"_s);
        m_window->tabs()->setCurrentIndex(0);
        next();
        break;
    }
    case 5: // the end: report
        if (m_window->isRunning())
            return;
        m_window->tabs()->setCurrentIndex(1);
        QApplication::processEvents();
        save(u"report"_s);
        finish(0);
        break;
    default:
        break;
    }
}
