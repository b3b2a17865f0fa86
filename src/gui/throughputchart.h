// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/ratewindow.h"

#include <QChartView>

class QLineSeries;
class QScatterSeries;
class QValueAxis;

/**
 * Live throughput over time (1 s samples) with requests per second on a second axis and a marker where the
 * server throttled. Memory is flat over any run length: samples live in the core's Transfer::ThroughputHistory
 * (fixed rings for the 1, 5 and 30 minute views, at most 300 points each) and the series are refilled with
 * replace(), never appended to.
 */
class ThroughputChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThroughputChart)

public:
    static constexpr int Capacity = 30 * 60; ///< samples kept: the longest window at 1 Hz
    static constexpr int MaxPoints = 300;    ///< points plotted per series at most: the history keeps 300 a view

    explicit ThroughputChart(QWidget *parent = nullptr);

    /// `seconds` since the run started; bytes/s; requests and throttled responses in this (1 s) interval.
    void addSample(double seconds, double bytesPerSecond, int requests, int throttled);
    void setWindowMinutes(int minutes);
    [[nodiscard]] int windowMinutes() const { return m_windowMinutes; }
    void clear();

    /// Seconds of samples held (the 30-minute view's points stand for up to Capacity of them).
    [[nodiscard]] int sampleCount() const;
    [[nodiscard]] int plottedPoints() const;
    [[nodiscard]] int markerCount() const;
    /// The highest rate in the window shown.
    [[nodiscard]] double peakRate() const;
    /// The newest plotted throughput point (seconds or minutes back, MiB/s).
    [[nodiscard]] QPointF lastPlotted() const;
    [[nodiscard]] QString rateAxisTitle() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void applyPalette();
    [[nodiscard]] Transfer::ThroughputHistory::Window window() const;

    Transfer::ThroughputHistory m_history;
    int m_windowMinutes = 5;
    QLineSeries *m_rate = nullptr;
    QLineSeries *m_rps = nullptr;
    QScatterSeries *m_throttled = nullptr;
    QValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QValueAxis *m_y2 = nullptr;
};
