#include "ui/RateChart.h"

#include <QAreaSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QGraphicsRectItem>
#include <QLineSeries>
#include <QMouseEvent>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace nfqmon {

namespace {

constexpr qint64 NsPerMs = 1'000'000;
constexpr qint64 NsPerSecond = 1'000'000'000;
constexpr qreal MinimumDrag = 4; // pixels: less is a click

} // namespace

RateChart::RateChart(QWidget *parent)
    : QChartView(new QChart, parent), m_zero(new QLineSeries(this)),
      m_accepted(new QLineSeries(this)), m_total(new QLineSeries(this)),
      m_withDecided(new QLineSeries(this)), m_acceptedArea(new QAreaSeries(m_accepted, m_zero)),
      m_droppedArea(new QAreaSeries(m_total, m_accepted)),
      m_decidedArea(new QAreaSeries(m_withDecided, m_total)), m_timeAxis(new QDateTimeAxis(this)),
      m_valueAxis(new QValueAxis(this))
{
    // The chart is given to the base class: QChartView(parent) would make a default chart
    // that setChart() releases without deleting.
    QChart *chart = this->chart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_acceptedArea->setName(tr("accepted"));
    m_acceptedArea->setColor(QColor(0x4c, 0xae, 0x6a, 0xb0));
    m_acceptedArea->setBorderColor(QColor(0x2e, 0x8b, 0x4a));
    m_droppedArea->setName(tr("dropped"));
    m_droppedArea->setColor(QColor(0xe0, 0x5a, 0x4e, 0xc0));
    m_droppedArea->setBorderColor(QColor(0xb0, 0x2a, 0x20));
    m_decidedArea->setName(tr("decided in the kernel"));
    m_decidedArea->setColor(QColor(0x8a, 0x9b, 0xb0, 0x90));
    m_decidedArea->setBorderColor(QColor(0x5a, 0x6b, 0x80));
    chart->addSeries(m_acceptedArea);
    chart->addSeries(m_droppedArea);
    chart->addSeries(m_decidedArea);
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTickCount(5);
    m_valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_valueAxis->setMin(0);
    // Qt Charts sizes the axes for the labels of the first range and elides later, longer ones
    // ("…" instead of "40"); these labels are short, so they are never cut.
    m_valueAxis->setTruncateLabels(false);
    m_timeAxis->setTruncateLabels(false);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);
    for (QAreaSeries *series : {m_acceptedArea, m_droppedArea, m_decidedArea}) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
    }
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand);
    setMinimumHeight(150);
    setToolTip(tr("Drag across the chart to show only the packets of that time in the table; "
                  "click to show all again."));
    setAccessibleName(tr("Traffic rate"));

    m_selectionItem = new QGraphicsRectItem(chart);
    m_selectionItem->setBrush(QColor(0x30, 0x70, 0xc0, 0x40));
    m_selectionItem->setPen(QPen(QColor(0x30, 0x70, 0xc0), 1));
    m_selectionItem->setZValue(10);
    m_selectionItem->hide();
    connect(chart, &QChart::plotAreaChanged, this, [this] { placeSelection(); });
    setUnit(Unit::Packets);
}

void RateChart::setPoints(const QList<RatePoint> &points)
{
    m_points = points;
    redraw();
}

void RateChart::setUnit(Unit unit)
{
    m_unit = unit;
    redraw();
}

void RateChart::redraw()
{
    const bool packets = m_unit == Unit::Packets;
    quint64 highestRaw = 0;
    for (const RatePoint &p : m_points) {
        highestRaw =
            qMax(highestRaw, packets ? p.acceptedPackets + p.droppedPackets + p.decidedPackets
                                     : p.acceptedBytes + p.droppedBytes + p.decidedBytes);
    }
    // Bytes are shown in the unit that keeps the labels short.
    qreal scale = 1;
    QString title = packets ? tr("Packets per second") : tr("Bytes per second");
    if (!packets && highestRaw >= 10'000'000) {
        scale = 1e6;
        title = tr("Megabytes per second");
    } else if (!packets && highestRaw >= 10'000) {
        scale = 1e3;
        title = tr("Kilobytes per second");
    }
    chart()->setTitle(title);

    QList<QPointF> zero, accepted, total, withDecided;
    zero.reserve(m_points.size() * 2);
    accepted.reserve(m_points.size() * 2);
    total.reserve(m_points.size() * 2);
    withDecided.reserve(m_points.size() * 2);
    for (const RatePoint &p : m_points) {
        const qreal a = qreal(packets ? p.acceptedPackets : p.acceptedBytes) / scale;
        const qreal d = qreal(packets ? p.droppedPackets : p.droppedBytes) / scale;
        const qreal k = qreal(packets ? p.decidedPackets : p.decidedBytes) / scale;
        // Steps: each second is flat over its width, as a histogram.
        const qreal from = qreal(p.startNs / NsPerMs);
        const qreal to = qreal((p.startNs + NsPerSecond) / NsPerMs);
        for (qreal x : {from, to}) {
            zero.append({x, 0});
            accepted.append({x, a});
            total.append({x, a + d});
            withDecided.append({x, a + d + k});
        }
    }
    m_zero->replace(zero);
    m_accepted->replace(accepted);
    m_total->replace(total);
    m_withDecided->replace(withDecided);
    m_decidedArea->setVisible(showsDecided());
    if (m_points.isEmpty()) {
        const QDateTime now = QDateTime::currentDateTime();
        m_timeAxis->setRange(now.addSecs(-60), now);
    } else {
        m_timeAxis->setRange(
            QDateTime::fromMSecsSinceEpoch(m_points.first().startNs / NsPerMs),
            QDateTime::fromMSecsSinceEpoch((m_points.last().startNs + NsPerSecond) / NsPerMs));
    }
    // Four round steps (1, 2, 2.5 or 5 times a power of ten) above the highest second.
    const qreal needed = qMax<qreal>(1, qreal(highestRaw) / scale * 1.05 / 4);
    const qreal magnitude = std::pow(10, std::floor(std::log10(needed)));
    qreal step = magnitude;
    for (qreal factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (magnitude * factor >= needed) {
            step = magnitude * factor;
            break;
        }
    }
    m_valueAxis->setLabelFormat(step < 1 || std::fmod(step, 1) != 0 ? QStringLiteral("%.1f")
                                                                    : QStringLiteral("%.0f"));
    m_valueAxis->setTickType(QValueAxis::TicksDynamic);
    m_valueAxis->setTickAnchor(0);
    m_valueAxis->setTickInterval(step);
    m_valueAxis->setRange(0, step * 4);
    placeSelection();
}

bool RateChart::showsDecided() const
{
    return std::any_of(m_points.cbegin(), m_points.cend(),
                       [](const RatePoint &p) { return p.decidedPackets > 0; });
}

qint64 RateChart::timeAt(qreal x) const
{
    const QPointF value =
        chart()->mapToValue(QPointF(x, chart()->plotArea().center().y()), m_acceptedArea);
    return qint64(std::llround(value.x())) * NsPerMs;
}

void RateChart::selectRange(qint64 fromNs, qint64 toNs)
{
    if (toNs < fromNs)
        std::swap(fromNs, toNs);
    m_selection = std::pair(fromNs, toNs);
    placeSelection();
    emit timeRangeSelected(fromNs, toNs);
}

void RateChart::clearSelection()
{
    m_dragFrom.reset();
    const bool had = m_selection.has_value();
    m_selection.reset();
    placeSelection();
    if (had)
        emit timeRangeCleared();
}

void RateChart::placeSelection()
{
    const QRectF plot = chart()->plotArea();
    qreal left = 0, right = 0;
    if (m_dragFrom) {
        left = *m_dragFrom;
        right = m_dragTo;
    } else if (m_selection) {
        left = chart()
                   ->mapToPosition(QPointF(qreal(m_selection->first / NsPerMs), 0), m_acceptedArea)
                   .x();
        right =
            chart()
                ->mapToPosition(QPointF(qreal(m_selection->second / NsPerMs), 0), m_acceptedArea)
                .x();
    } else {
        m_selectionItem->hide();
        return;
    }
    if (left > right)
        std::swap(left, right);
    left = qBound(plot.left(), left, plot.right());
    right = qBound(plot.left(), right, plot.right());
    m_selectionItem->setRect(QRectF(left, plot.top(), qMax<qreal>(right - left, 1), plot.height()));
    m_selectionItem->show();
}

void RateChart::mousePressEvent(QMouseEvent *event)
{
    const QPointF scene = mapToScene(event->position().toPoint());
    if (event->button() != Qt::LeftButton || !chart()->plotArea().contains(scene)) {
        QChartView::mousePressEvent(event);
        return;
    }
    m_dragFrom = scene.x();
    m_dragTo = scene.x();
    event->accept();
}

void RateChart::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragFrom) {
        QChartView::mouseMoveEvent(event);
        return;
    }
    m_dragTo = mapToScene(event->position().toPoint()).x();
    placeSelection();
    event->accept();
}

void RateChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragFrom || event->button() != Qt::LeftButton) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    const qreal from = *m_dragFrom;
    const qreal to = mapToScene(event->position().toPoint()).x();
    m_dragFrom.reset();
    if (std::abs(to - from) < MinimumDrag) {
        clearSelection();
    } else {
        const QRectF plot = chart()->plotArea();
        selectRange(timeAt(qBound(plot.left(), qMin(from, to), plot.right())),
                    timeAt(qBound(plot.left(), qMax(from, to), plot.right())));
    }
    event->accept();
}

void RateChart::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_selection) {
        clearSelection();
        event->accept();
        return;
    }
    QChartView::keyPressEvent(event);
}

void RateChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeSelection();
}

} // namespace nfqmon
