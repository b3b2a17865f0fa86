// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include <QHash>
#include <QIconEngine>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <functional>

using namespace Qt::StringLiterals;

namespace
{
using Painter = std::function<void(QPainter &)>; // paints into a 16×16 (or 128×128 for the app) box

class PaintedIconEngine final : public QIconEngine
{
public:
    PaintedIconEngine(Painter painter, qreal box)
        : m_painter(std::move(painter))
        , m_box(box)
    {
    }

    void paint(QPainter *p, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->translate(rect.topLeft());
        p->scale(rect.width() / m_box, rect.height() / m_box);
        if (mode == QIcon::Disabled)
            p->setOpacity(0.4);
        m_painter(*p);
        p->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

    QIconEngine *clone() const override { return new PaintedIconEngine(m_painter, m_box); }

private:
    Painter m_painter;
    qreal m_box;
};

void page(QPainter &p, const QColor &colour)
{
    QPainterPath path;
    path.moveTo(3, 1);
    path.lineTo(10, 1);
    path.lineTo(13, 4);
    path.lineTo(13, 15);
    path.lineTo(3, 15);
    path.closeSubpath();
    p.fillPath(path, colour);
    p.setPen(QPen(Qt::white, 1.2));
}

void triangleLogo(QPainter &p, qreal s)
{
    QPainterPath yellow;
    yellow.moveTo(5 * s, 2 * s);
    yellow.lineTo(11 * s, 2 * s);
    yellow.lineTo(15 * s, 9 * s);
    yellow.lineTo(9 * s, 9 * s);
    yellow.closeSubpath();
    QPainterPath green;
    green.moveTo(5 * s, 2 * s);
    green.lineTo(1 * s, 9 * s);
    green.lineTo(4 * s, 14 * s);
    green.lineTo(8 * s, 7 * s);
    green.closeSubpath();
    QPainterPath blue;
    blue.moveTo(4 * s, 14 * s);
    blue.lineTo(12 * s, 14 * s);
    blue.lineTo(15 * s, 9 * s);
    blue.lineTo(7 * s, 9 * s);
    blue.closeSubpath();
    p.fillPath(yellow, QColor(0xf4, 0xb4, 0x00));
    p.fillPath(green, QColor(0x34, 0xa8, 0x53));
    p.fillPath(blue, QColor(0x42, 0x85, 0xf4));
}

QIcon painted(const QString &name)
{
    if (name == u"drive-ingest")
        return QIcon(new PaintedIconEngine(
            [](QPainter &p) {
                QPainterPath bg;
                bg.addRoundedRect(QRectF(8, 8, 112, 112), 22, 22);
                p.fillPath(bg, QColor(0x1f, 0x6f, 0xb2));
                p.save();
                p.translate(14, 18);
                triangleLogo(p, 5.2);
                p.restore();
                QPainterPath arrow;
                arrow.moveTo(96, 70);
                arrow.lineTo(96, 94);
                arrow.lineTo(86, 94);
                arrow.lineTo(103, 114);
                arrow.lineTo(120, 94);
                arrow.lineTo(110, 94);
                arrow.lineTo(110, 70);
                arrow.closeSubpath();
                p.fillPath(arrow, Qt::white);
            },
            128));
    if (name == u"drive")
        return QIcon(new PaintedIconEngine([](QPainter &p) { triangleLogo(p, 1); }, 16));
    if (name == u"shared-drive")
        return QIcon(new PaintedIconEngine(
            [](QPainter &p) {
                QPainterPath box;
                box.addRoundedRect(QRectF(1, 3, 14, 11), 2, 2);
                p.fillPath(box, QColor(0x5f, 0x63, 0x68));
                p.setBrush(Qt::white);
                p.setPen(Qt::NoPen);
                p.drawEllipse(QPointF(6, 7.5), 1.8, 1.8);
                p.drawEllipse(QPointF(10.5, 7.5), 1.8, 1.8);
                p.drawRect(QRectF(3.5, 10.5, 10, 2));
            },
            16));
    if (name == u"document")
        return QIcon(new PaintedIconEngine(
            [](QPainter &p) {
                page(p, QColor(0x42, 0x85, 0xf4));
                p.drawLine(QPointF(5, 6), QPointF(11, 6));
                p.drawLine(QPointF(5, 8.5), QPointF(11, 8.5));
                p.drawLine(QPointF(5, 11), QPointF(9, 11));
            },
            16));
    if (name == u"spreadsheet")
        return QIcon(new PaintedIconEngine(
            [](QPainter &p) {
                page(p, QColor(0x0f, 0x9d, 0x58));
                p.drawRect(QRectF(5, 6, 6, 6));
                p.drawLine(QPointF(8, 6), QPointF(8, 12));
                p.drawLine(QPointF(5, 9), QPointF(11, 9));
            },
            16));
    if (name == u"presentation")
        return QIcon(new PaintedIconEngine(
            [](QPainter &p) {
                page(p, QColor(0xf4, 0xb4, 0x00));
                p.drawRect(QRectF(5, 6.5, 6, 5));
            },
            16));
    if (name == u"drawing")
        return QIcon(new PaintedIconEngine(
            [](QPainter &p) {
                page(p, QColor(0xdb, 0x44, 0x37));
                QPainterPath tri;
                tri.moveTo(5, 11.5);
                tri.lineTo(8, 6);
                tri.lineTo(11, 11.5);
                tri.closeSubpath();
                p.fillPath(tri, Qt::white);
            },
            16));
    return {};
}
} // namespace

namespace Icons
{
QIcon get(const QString &name)
{
    static QHash<QString, QIcon> cache;
    static const bool svg = QImageReader::supportedImageFormats().contains("svg");
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, svg ? QIcon(u":/icons/"_s + name + u".svg"_s) : painted(name));
    return *it;
}
} // namespace Icons
