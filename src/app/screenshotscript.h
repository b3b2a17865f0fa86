// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

class MainWindow;

/// --screenshots DIR: drives the real window through the sandbox demo (first run, settings, sign in, add the
/// demo folder, run into a local folder) and saves PNGs of each stage, then quits. Used by
/// tests/gui/screenshots.sh under Xvfb; it only calls the window's public slots, like a user would.
class ScreenshotScript final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotScript)

public:
    ScreenshotScript(MainWindow *window, const QString &outputDir, const QString &destination, QObject *parent = nullptr);
    void start();

private:
    void step();
    void save(const QString &name);
    void finish(int code);

    MainWindow *m_window;
    QString m_dir;
    QString m_destination;
    QTimer m_timer;
    QElapsedTimer m_stageTime;
    int m_stage = 0;
};
