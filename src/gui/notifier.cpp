// SPDX-License-Identifier: GPL-3.0-or-later
#include "notifier.h"

#include <QCoreApplication>
#include <QMainWindow>
#include <QStatusBar>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

Notifier::Notifier(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(window->windowIcon(), this);
    // The window's words: its translation context, where the translations are.
    m_tray->setToolTip(QCoreApplication::translate("MainWindow", "Drive Ingest"));
    m_tray->show();
    connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
}

void Notifier::notify(const QString &title, const QString &message)
{
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, message, QSystemTrayIcon::Information, 10000);
    else
        m_window->statusBar()->showMessage(title + u": "_s + message, 10000);
}
