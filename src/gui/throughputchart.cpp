// SPDX-License-Identifier: GPL-3.0-or-later
#include "throughputchart.h"

#include <QChart>
#include <QEvent>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace
{
// Series colours are the one exception to "palette roles only": picked to read on light and dark bases.
const QColor RateColour(0x2f, 0x8f, 0xe0);
const QColor RequestsColour(0xe0, 0x8a, 0x1e);
const QColor ThrottleColour(0xd6, 0x33, 0x3a);

double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (value <= step * magnitude)
            return step * magnitude;
    return 10 * magnitude;
}
} // namespace

ThroughputChart::ThroughputChart(QWidget *parent)
    : QChartView(parent)
    , m_ring(Capacity)
{
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));

    m_rate = new QLineSeries(chart);
    m_rate->setName(tr("Throughput (MiB/s)"));
    m_rate->setPen(QPen(RateColour, 2));
    m_rps = new QLineSeries(chart);
    m_rps->setName(tr("Requests/s"));
    m_rps->setPen(QPen(RequestsColour, 1.5, Qt::DashLine));
    m_throttled = new QScatterSeries(chart);
    m_throttled->setName(tr("Throttled"));
    m_throttled->setColor(ThrottleColour);
    m_throttled->setBorderColor(ThrottleColour);
    m_throttled->setMarkerSize(8);
    m_throttled->setMarkerShape(QScatterSeries::MarkerShapeRectangle);

    chart->addSeries(m_rate);
    chart->addSeries(m_throttled);
    chart->addSeries(m_rps);

    m_x = new QValueAxis(chart);
    m_x->setTitleText(tr("Minutes"));
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_y = new QValueAxis(chart);
    m_y->setTitleText(tr("MiB/s")); // binary units, as every size and rate in the app and the CLI
    m_y->setLabelFormat(QStringLiteral("%.3g"));
    m_y2 = new QValueAxis(chart);
    m_y2->setTitleText(tr("Requests/s"));
    m_y2->setLabelFormat(QStringLiteral("%.3g"));
    m_x->setTickType(QValueAxis::TicksDynamic);
    m_x->setTickAnchor(0);
    m_y->setTickCount(5);
    m_y2->setTickCount(5);
    m_y2->setGridLineVisible(false);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    chart->addAxis(m_y2, Qt::AlignRight);
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(m_rate), static_cast<QAbstractSeries *>(m_throttled)})
    {
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    m_rps->attachAxis(m_x);
    m_rps->attachAxis(m_y2);

    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
    applyPalette();
    refresh();
}

void ThroughputChart::addSample(double seconds, double bytesPerSecond, double requestsPerSecond, int throttled)
{
    m_ring[size_t(m_head)] = Sample {seconds, bytesPerSecond, requestsPerSecond, throttled};
    m_head = (m_head + 1) % Capacity;
    m_count = std::min(m_count + 1, Capacity);
    m_peak = std::max(m_peak, bytesPerSecond);
    refresh();
}

void ThroughputChart::setWindowMinutes(int minutes)
{
    m_windowMinutes = std::clamp(minutes, 1, Capacity / 60);
    refresh();
}

void ThroughputChart::clear()
{
    m_head = 0;
    m_count = 0;
    m_peak = 0;
    refresh();
}

QPointF ThroughputChart::lastPlotted() const
{
    return m_rate->count() > 0 ? m_rate->at(m_rate->count() - 1) : QPointF();
}

QString ThroughputChart::rateAxisTitle() const
{
    return m_y->titleText();
}

int ThroughputChart::plottedPoints() const
{
    return int(m_rate->count());
}

int ThroughputChart::markerCount() const
{
    return int(m_throttled->count());
}

const ThroughputChart::Sample &ThroughputChart::at(int i) const
{
    return m_ring[size_t((m_head - m_count + i + Capacity) % Capacity)];
}

void ThroughputChart::refresh()
{
    const double window = m_windowMinutes * 60.0;
    const double now = m_count > 0 ? at(m_count - 1).t : 0;
    int first = m_count;
    while (first > 0 && at(first - 1).t > now - window)
        --first;
    const int n = m_count - first;
    const int bucket = std::max(1, (n + MaxPoints - 1) / MaxPoints);
    // The 1-minute window reads in seconds, the longer ones in minutes.
    const bool inSeconds = m_windowMinutes <= 1;
    const double unit = inSeconds ? 1.0 : 60.0;

    QList<QPointF> rate;
    QList<QPointF> rps;
    QList<QPointF> marks;
    rate.reserve(MaxPoints + 1);
    rps.reserve(MaxPoints + 1);
    double maxRate = 0;
    double maxRps = 0;
    for (int i = first; i < m_count; i += bucket)
    {
        const int end = std::min(m_count, i + bucket);
        double sumRate = 0;
        double sumRps = 0;
        int throttled = 0;
        for (int j = i; j < end; ++j)
        {
            sumRate += at(j).rate;
            sumRps += at(j).rps;
            throttled += at(j).throttled;
        }
        const double x = (at(end - 1).t - now) / unit;
        const double mbps = sumRate / (end - i) / (1024.0 * 1024.0);
        const double reqs = sumRps / (end - i);
        rate.append(QPointF(x, mbps));
        rps.append(QPointF(x, reqs));
        if (throttled > 0)
            marks.append(QPointF(x, mbps));
        maxRate = std::max(maxRate, mbps);
        maxRps = std::max(maxRps, reqs);
    }
    m_rate->replace(rate);
    m_rps->replace(rps);
    m_throttled->replace(marks);
    m_x->setRange(-window / unit, 0);
    // Ticks on whole steps back from "now": 10 s for 1 min, 1 min for 5 min, 5 min for 30 min.
    m_x->setTickInterval(inSeconds ? 10.0 : m_windowMinutes <= 5 ? 1.0 : 5.0);
    m_x->setTitleText(inSeconds ? tr("Seconds") : tr("Minutes"));
    // Four equal steps on both axes so the grid lines of the left axis also fit the right one.
    const double top = niceCeiling(maxRate * 1.1 / 4) * 4;
    const double topRps = niceCeiling(maxRps * 1.1 / 4) * 4;
    m_y->setRange(0, top);
    m_y2->setRange(0, topRps);
}

void ThroughputChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void ThroughputChart::applyPalette()
{
    // Follow the widget palette so the chart reads in dark mode too (no fixed theme colours).
    const QPalette pal = palette();
    QChart *c = chart();
    c->setBackgroundBrush(pal.base());
    c->setBackgroundPen(QPen(pal.mid().color()));
    c->setPlotAreaBackgroundVisible(false);
    c->legend()->setLabelColor(pal.text().color());
    for (QValueAxis *axis : {m_x, m_y, m_y2})
    {
        axis->setLabelsColor(pal.text().color());
        axis->setTitleBrush(pal.text());
        axis->setLinePenColor(pal.mid().color());
        axis->setGridLineColor(pal.midlight().color());
    }
    setBackgroundBrush(pal.window());
}
