// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Cli
{
/**
 * Turns SIGINT/SIGTERM into a Qt signal through a self-pipe (the handler only write()s one byte).
 * The first signal emits interrupted() so the run can be cancelled cleanly; a second one, while the
 * first is being handled, exits the process at once with 130 from the handler itself.
 * One instance per process; the previous handlers are restored on destruction.
 */
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    [[nodiscard]] bool isActive() const { return m_notifier != nullptr; }

signals:
    void interrupted(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Cli
