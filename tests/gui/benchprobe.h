// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the GUI benchmarks measure: the event loop's lateness (a precise timer's late ticks), resident memory
// (now and the process's peak) and percentiles; and the real window they measure, signed in to a sandbox.
// Header-only, for bench_guiresponsiveness and bench_guiscale.

#include "appsettings.h"
#include "browsermodel.h"
#include "drivebrowsersource.h"
#include "enginerunner.h"
#include "mainwindow.h"
#include "sandboxlauncher.h"
#include "transfer/enginehost.h"

#include <QNetworkAccessManager>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <vector>

#include <time.h>
#include <unistd.h>

namespace BenchProbe
{
/// Runs the event loop (as the app's exec() would: idle when nothing happens) until `condition` holds, checked
/// every 25 ms; false after timeoutMs. A processEvents() spin would keep a core busy and starve the engine.
inline bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    if (condition())
        return true;
    QElapsedTimer t;
    t.start();
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (condition() || t.elapsed() > timeoutMs)
            loop.quit();
    });
    check.start(25);
    loop.exec();
    return condition();
}

/// The browser's child of `parent` named `name`, fetched as the user would; invalid after 20 s.
inline QModelIndex child(BrowserModel *model, const QModelIndex &parent, const QString &name)
{
    QModelIndex found;
    waitFor(
        [&] {
            if (model->canFetchMore(parent))
                model->fetchMore(parent);
            found = model->findChild(parent, name);
            return found.isValid();
        },
        20000);
    return found;
}

/// The app's window over the real engine (its own thread), with the app's Drive browser; signIn() starts the
/// sandbox as "Try it with the sandbox" does.
class BenchWindow
{
public:
    explicit BenchWindow(AppSettings *settings)
        : runner(&host)
        , window(services(settings, &runner, &nam))
    {
        window.show();
    }
    /// Starts the sandbox (with extra arguments, e.g. a manifest) and waits for the session.
    bool signIn(const QStringList &sandboxArguments, int timeoutMs)
    {
        window.sandboxLauncher()->setExtraArguments(sandboxArguments);
        window.trySandbox();
        return waitFor([this] { return window.session().isValid(); }, timeoutMs);
    }
    /// The browser's item at `path` below the first root ("Folder", "Sub", "file"); invalid when missing.
    QModelIndex item(const QStringList &path)
    {
        BrowserModel *browser = window.browserModel();
        QModelIndex at = browser->index(0, 0);
        for (const QString &name : path)
            if (at.isValid())
                at = child(browser, at, name);
        return at;
    }

    Transfer::EngineHost host;
    EngineRunner runner;
    QNetworkAccessManager nam;
    MainWindow window;

private:
    static MainWindow::Services services(AppSettings *settings, EngineRunner *runner, QNetworkAccessManager *nam)
    {
        MainWindow::Services services;
        services.settings = settings;
        services.runner = runner;
        services.browserFactory = [nam](const AccountSession &session, QObject *parent) -> BrowserSource * {
            return new DriveBrowserSource(nam, session, parent);
        };
        return services;
    }
};

/// Resident memory now (statm), MiB.
inline double residentMiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : 0;
}

/// The process's peak resident memory so far (VmHWM, the kernel's high-water mark), MiB.
inline double peakResidentMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

/// CPU time the calling thread has used, seconds: what the GUI thread itself spends, apart from waiting for a core.
inline double threadCpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

/// Writes the figures to $DI_BENCH_JSON, or to `defaultName` in the working directory.
inline void writeJson(const QJsonObject &json, const QString &defaultName)
{
    QString path = qEnvironmentVariable("DI_BENCH_JSON");
    if (path.isEmpty())
        path = defaultName;
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QJsonDocument(json).toJson());
}

/// A precise timer of `tickMs`; how late each tick comes is the event-loop latency the user would feel.
class LatencyProbe
{
public:
    explicit LatencyProbe(int tickMs = 10)
        : m_tick(tickMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(tickMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last != 0)
                m_lateness.push_back(std::max(0.0, double(now - m_last) / 1e6 - m_tick));
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    [[nodiscard]] int tickMs() const { return m_tick; }
    [[nodiscard]] size_t ticks() const { return m_lateness.size(); }
    [[nodiscard]] double percentileMs(double p) const { return percentile(m_lateness, p); }
    [[nodiscard]] double maxMs() const
    {
        return m_lateness.empty() ? 0 : *std::max_element(m_lateness.begin(), m_lateness.end());
    }

private:
    int m_tick;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_lateness;
};
} // namespace BenchProbe
