// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QMainWindow;
class QSystemTrayIcon;

/// Tells the user about a finished or stopped run: a tray message where the desktop has a tray, else the
/// window's status line. Clicking the tray icon brings the window back.
class Notifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    explicit Notifier(QMainWindow *window);

    void notify(const QString &title, const QString &message);

private:
    QMainWindow *m_window;
    QSystemTrayIcon *m_tray = nullptr;
};
