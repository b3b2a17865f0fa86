// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QtGlobal>

#include <array>
#include <optional>
#include <vector>

/// Rate and history arithmetic for the stats snapshot and the dashboard. Pure: the caller passes the time
/// (a QElapsedTimer or a test clock), so nothing here sleeps or reads a clock.
namespace Transfer
{
/// Current rate over a moving window (DESIGN.md: ~5 s) of (time, cumulative bytes) samples.
/// Samples closer than 100 ms are merged, so memory stays bounded however often progress is reported.
class RateWindow final
{
public:
    explicit RateWindow(qint64 windowMs = 5000);

    /// `totalBytes` is cumulative. A sample older than the last, or a total that went down (a restarted
    /// body), starts the window over.
    void addSample(qint64 ms, qint64 totalBytes);
    /// Bytes per second between the oldest sample still in the window and the newest; 0 until two samples
    /// at least 100 ms apart exist. Call addSample() on a steady tick so a stall shows as a falling rate.
    [[nodiscard]] double bytesPerSecond() const;
    /// Seconds to move `remaining` bytes at the current rate, rounded up; nullopt when the rate is ~0 or
    /// `remaining` is unknown (negative).
    [[nodiscard]] std::optional<qint64> etaSeconds(qint64 remaining) const;
    void clear();
    [[nodiscard]] qint64 windowMs() const { return m_windowMs; }

private:
    struct Sample
    {
        qint64 ms;
        qint64 bytes;
    };
    qint64 m_windowMs;
    QList<Sample> m_samples;
};

/// Dashboard history: one point per second appended, kept in fixed-size rings for the 1, 5 and 30 minute
/// views. 1 and 5 minutes keep every second (60 and 300 points); 30 minutes averages 6 s buckets (300 points).
/// Memory is fixed at construction.
class ThroughputHistory final
{
public:
    enum class Window
    {
        OneMinute,
        FiveMinutes,
        ThirtyMinutes,
    };

    struct Point
    {
        qint64 ms = 0;          ///< time of the (last) sample in the point
        double rate = 0;        ///< bytes per second (mean over the bucket)
        int requests = 0;       ///< requests started (sum over the bucket)
        bool throttled = false; ///< any throttled response in the bucket
        int samples = 0;        ///< appends (seconds) the point stands for: 1, or up to 6 in the 30-minute view
        friend bool operator==(const Point &, const Point &) = default;
    };

    ThroughputHistory();

    void append(qint64 ms, double rate, int requests, bool throttled);
    /// Points of the window, oldest first, no older than the window's length before the newest sample
    /// (gaps, e.g. while paused, show as missing points). The 30-minute view ends with the bucket still
    /// being filled.
    [[nodiscard]] QList<Point> window(Window w) const;
    [[nodiscard]] static qint64 windowLengthMs(Window w);
    /// Highest rate among the points of a window (for the chart's scale).
    [[nodiscard]] double peakRate(Window w) const;
    void clear();

private:
    class Ring
    {
    public:
        Ring(int capacity, int samplesPerPoint);
        void append(const Point &sample);
        [[nodiscard]] QList<Point> points(qint64 sinceMs) const;
        void clear();

    private:
        void push();

        std::vector<Point> m_points;
        int m_samplesPerPoint;
        int m_next = 0;
        int m_size = 0;
        Point m_pending;
        int m_pendingCount = 0;
        double m_pendingRateSum = 0;
        qint64 m_pendingStartMs = 0;
    };

    std::array<Ring, 3> m_rings;
    qint64 m_lastMs = 0;
    bool m_empty = true;
};

} // namespace Transfer

Q_DECLARE_METATYPE(Transfer::ThroughputHistory::Point)
