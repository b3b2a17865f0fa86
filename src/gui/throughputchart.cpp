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

void ThroughputChart::addSample(double seconds, double bytesPerSecond, int requests, int throttled)
{
    m_history.append(qRound64(seconds * 1000.0), bytesPerSecond, requests, throttled > 0);
    refresh();
}

void ThroughputChart::setWindowMinutes(int minutes)
{
    // The history keeps three views: 1, 5 and 30 minutes.
    m_windowMinutes = minutes <= 1 ? 1 : minutes <= 5 ? 5 : Capacity / 60;
    refresh();
}

void ThroughputChart::clear()
{
    m_history.clear();
    refresh();
}

Transfer::ThroughputHistory::Window ThroughputChart::window() const
{
    using Window = Transfer::ThroughputHistory::Window;
    return m_windowMinutes <= 1 ? Window::OneMinute : m_windowMinutes <= 5 ? Window::FiveMinutes : Window::ThirtyMinutes;
}

int ThroughputChart::sampleCount() const
{
    int samples = 0;
    for (const Transfer::ThroughputHistory::Point &p : m_history.window(Transfer::ThroughputHistory::Window::ThirtyMinutes))
        samples += p.samples;
    return samples;
}

double ThroughputChart::peakRate() const
{
    return m_history.peakRate(window());
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

void ThroughputChart::refresh()
{
    const QList<Transfer::ThroughputHistory::Point> points = m_history.window(window());
    const double span = m_windowMinutes * 60.0;
    const qint64 now = points.isEmpty() ? 0 : points.constLast().ms;
    // The 1-minute window reads in seconds, the longer ones in minutes.
    const bool inSeconds = m_windowMinutes <= 1;
    const double unit = inSeconds ? 1.0 : 60.0;

    QList<QPointF> rate;
    QList<QPointF> rps;
    QList<QPointF> marks;
    rate.reserve(points.size());
    rps.reserve(points.size());
    double maxRate = 0;
    double maxRps = 0;
    for (const Transfer::ThroughputHistory::Point &p : points)
    {
        const double x = double(p.ms - now) / 1000.0 / unit;
        const double mbps = p.rate / (1024.0 * 1024.0);
        const double reqs = double(p.requests) / std::max(1, p.samples); // samples are 1 s apart
        rate.append(QPointF(x, mbps));
        rps.append(QPointF(x, reqs));
        if (p.throttled)
            marks.append(QPointF(x, mbps));
        maxRate = std::max(maxRate, mbps);
        maxRps = std::max(maxRps, reqs);
    }
    m_rate->replace(rate);
    m_rps->replace(rps);
    m_throttled->replace(marks);
    m_x->setRange(-span / unit, 0);
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
