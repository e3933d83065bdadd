// Packets or bytes per second over the last minutes, accepted (green) under dropped (red).
// Dragging across the chart selects a time range ("brushing"), which the window uses to filter
// the table; a click without dragging, or Escape, clears it.
#pragma once

#include "ui/ChartData.h"

#include <QChartView>

#include <optional>

class QAreaSeries;
class QDateTimeAxis;
class QGraphicsRectItem;
class QLineSeries;
class QValueAxis;

namespace nfqmon {

class RateChart : public QChartView
{
    Q_OBJECT
public:
    enum class Unit { Packets, Bytes };

    explicit RateChart(QWidget *parent = nullptr);

    void setPoints(const QList<RatePoint> &points);
    void setUnit(Unit unit);
    Unit unit() const { return m_unit; }

    // The selected range, if any (ns since the epoch, end exclusive).
    std::optional<std::pair<qint64, qint64>> selection() const { return m_selection; }
    // Selects as a drag would (tests, keyboard); emits timeRangeSelected.
    void selectRange(qint64 fromNs, qint64 toNs);
    void clearSelection(); // emits timeRangeCleared when there was one

signals:
    void timeRangeSelected(qint64 fromNs, qint64 toNs);
    void timeRangeCleared();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void redraw();
    void placeSelection();
    qint64 timeAt(qreal x) const;

public:
    // The kernel's share is drawn (and in the legend) only when a second has any.
    bool showsDecided() const;

private:
    QList<RatePoint> m_points;
    Unit m_unit = Unit::Packets;
    QLineSeries *m_zero;
    QLineSeries *m_accepted;
    QLineSeries *m_total;
    QLineSeries *m_withDecided; // the total and what the kernel decided after the depth
    QAreaSeries *m_acceptedArea;
    QAreaSeries *m_droppedArea;
    QAreaSeries *m_decidedArea; // shown only when there is any
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QGraphicsRectItem *m_selectionItem = nullptr;
    std::optional<std::pair<qint64, qint64>> m_selection;
    std::optional<qreal> m_dragFrom; // scene x where a drag started
    qreal m_dragTo = 0;
};

} // namespace nfqmon
