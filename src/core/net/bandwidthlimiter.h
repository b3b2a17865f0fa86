// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <functional>

class QTimer;

namespace Net
{
/// One byte budget per second for the whole run, shared by every transfer (the torrent example's
/// RateController, nextcloud's bandwidth manager without the back-pointer). A transfer asks for an allowance
/// before reading its reply; when the answer is 0 it stops reading (Qt's read buffer then fills and TCP slows
/// the sender) until budgetAvailable(). A limit of 0 means unlimited.
class BandwidthLimiter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BandwidthLimiter)

public:
    using Clock = std::function<qint64()>;

    explicit BandwidthLimiter(qint64 bytesPerSecond = 0, QObject *parent = nullptr);

    void setLimit(qint64 bytesPerSecond);
    [[nodiscard]] qint64 limit() const;
    [[nodiscard]] bool isUnlimited() const;

    /// Up to `wanted` bytes that may be read now; taken from the budget. 0 when it is spent: wait for
    /// budgetAvailable().
    [[nodiscard]] qint64 allowance(qint64 wanted);
    /// Returns bytes granted but not read (the reply had less than asked for).
    void giveBack(qint64 bytes);
    /// How many times a transfer was told to wait: the cap is what limits the run.
    [[nodiscard]] qint64 waits() const;

    /// Tests: a fake millisecond clock.
    void setClock(Clock clock);

signals:
    /// Budget is there again (or the limit was lifted): transfers that were told to wait may read.
    void budgetAvailable();

private:
    void refill();
    [[nodiscard]] qint64 capacity() const;
    void onTimer();

    Clock m_clock;
    qint64 m_limit = 0;
    double m_budget = 0;
    qint64 m_lastMs = 0;
    qint64 m_waits = 0;
    bool m_someoneWaits = false;
    QTimer *m_timer;
};

} // namespace Net
