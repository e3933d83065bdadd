#include "ui/TopChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace nfqmon {

TopChart::TopChart(const QString &title, const QString &valueName, QWidget *parent)
    : QChartView(new QChart, parent), m_series(new QHorizontalBarSeries(this)),
      m_set(new QBarSet(valueName, this)), m_labels(new QBarCategoryAxis(this)),
      m_values(new QValueAxis(this))
{
    // The chart is given to the base class: QChartView(parent) would make a default chart
    // that setChart() releases without deleting.
    QChart *chart = this->chart();
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->hide();
    m_set->setColor(QColor(0x3a, 0x7c, 0xc4));
    m_set->setBorderColor(QColor(0x2a, 0x5c, 0x94));
    m_series->append(m_set);
    m_series->setBarWidth(0.7);
    m_series->setLabelsVisible(true);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(m_series);
    m_values->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_labels, Qt::AlignLeft);
    chart->addAxis(m_values, Qt::AlignBottom);
    m_series->attachAxis(m_labels);
    m_series->attachAxis(m_values);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(140);
    setAccessibleName(title);
}

void TopChart::setEntries(const QList<ChartEntry> &entries)
{
    QList<ChartEntry> sorted = entries;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const ChartEntry &a, const ChartEntry &b) { return a.value > b.value; });
    if (sorted.size() > MaximumBars)
        sorted.resize(MaximumBars);
    if (sorted.size() == m_shown.size() && std::equal(sorted.begin(), sorted.end(), m_shown.begin(),
                                                      [](const ChartEntry &a, const ChartEntry &b) {
                                                          return a.label == b.label &&
                                                                 a.value == b.value;
                                                      }))
        return;
    m_shown = sorted;
    // Bars are drawn bottom-up: the largest goes last, so it is at the top.
    QStringList labels;
    QList<qreal> values;
    quint64 highest = 0;
    for (auto it = sorted.crbegin(); it != sorted.crend(); ++it) {
        labels.append(it->label);
        values.append(qreal(it->value));
        highest = qMax(highest, it->value);
    }
    m_set->remove(0, m_set->count());
    m_labels->clear();
    m_labels->append(labels);
    m_set->append(values);
    m_values->setRange(0, qMax<qreal>(1, qreal(highest) * 1.15));
}

QStringList TopChart::labels() const
{
    QStringList labels;
    for (const ChartEntry &entry : m_shown)
        labels.append(entry.label);
    return labels;
}

} // namespace nfqmon
