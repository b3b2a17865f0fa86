// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

#include <vector>

class QLineSeries;
class QScatterSeries;
class QValueAxis;

/**
 * Live throughput over time (1 s samples) with requests per second on a second axis and a marker where the
 * server throttled. Memory is flat over any run length: samples live in a fixed ring (30 min at 1 Hz) and
 * the series are refilled with replace(), never appended to.
 */
class ThroughputChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThroughputChart)

public:
    static constexpr int Capacity = 30 * 60; ///< samples kept: the longest window at 1 Hz
    static constexpr int MaxPoints = 300;    ///< points plotted per series, whatever the window

    explicit ThroughputChart(QWidget *parent = nullptr);

    /// `seconds` since the run started; bytes/s; requests/s; throttled responses in this interval.
    void addSample(double seconds, double bytesPerSecond, double requestsPerSecond, int throttled);
    void setWindowMinutes(int minutes);
    [[nodiscard]] int windowMinutes() const { return m_windowMinutes; }
    void clear();

    [[nodiscard]] int sampleCount() const { return m_count; }
    [[nodiscard]] int plottedPoints() const;
    [[nodiscard]] int markerCount() const;
    [[nodiscard]] double peakRate() const { return m_peak; }
    /// The newest plotted throughput point (seconds or minutes back, MiB/s).
    [[nodiscard]] QPointF lastPlotted() const;
    [[nodiscard]] QString rateAxisTitle() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Sample
    {
        double t = 0;
        double rate = 0;
        double rps = 0;
        int throttled = 0;
    };

    void refresh();
    void applyPalette();
    [[nodiscard]] const Sample &at(int i) const; ///< 0 = oldest

    std::vector<Sample> m_ring;
    int m_head = 0; ///< next write position
    int m_count = 0;
    int m_windowMinutes = 5;
    double m_peak = 0;
    QLineSeries *m_rate = nullptr;
    QLineSeries *m_rps = nullptr;
    QScatterSeries *m_throttled = nullptr;
    QValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QValueAxis *m_y2 = nullptr;
};
