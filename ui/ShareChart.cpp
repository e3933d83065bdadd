#include "ui/ShareChart.h"

#include <QLegendMarker>
#include <QPieSeries>
#include <QPieSlice>

#include <algorithm>

namespace nfqmon {

namespace {

// Distinct, calm colours that read on a light background, in a fixed order so that a protocol
// keeps its colour while the mix changes little.
const QColor Palette[] = {QColor(0x3a, 0x7c, 0xc4), QColor(0x4c, 0xae, 0x6a),
                          QColor(0xe0, 0x9a, 0x3a), QColor(0x8e, 0x6b, 0xc0),
                          QColor(0x3f, 0xae, 0xae), QColor(0xd0, 0x6a, 0x9a),
                          QColor(0x9a, 0x9a, 0x4a), QColor(0x9a, 0xa0, 0xa8)};

} // namespace

ShareChart::ShareChart(const QString &title, QWidget *parent)
    : QChartView(new QChart, parent), m_series(new QPieSeries(this))
{
    // The chart is given to the base class: QChartView(parent) would make a default chart
    // that setChart() releases without deleting.
    QChart *chart = this->chart();
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignRight);
    m_series->setPieSize(0.8);
    chart->addSeries(m_series);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(140);
    setAccessibleName(title);
}

void ShareChart::setEntries(const QList<ChartEntry> &entries)
{
    QList<ChartEntry> sorted = entries;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const ChartEntry &a, const ChartEntry &b) { return a.value > b.value; });
    QList<ChartEntry> shown;
    quint64 other = 0;
    quint64 total = 0;
    for (const ChartEntry &entry : sorted) {
        total += entry.value;
        if (shown.size() < MaximumSlices - 1 || sorted.size() == MaximumSlices)
            shown.append(entry);
        else
            other += entry.value;
    }
    if (other > 0)
        shown.append({tr("other"), other});
    if (shown.size() == m_shown.size() && std::equal(shown.begin(), shown.end(), m_shown.begin(),
                                                     [](const ChartEntry &a, const ChartEntry &b) {
                                                         return a.label == b.label &&
                                                                a.value == b.value;
                                                     }))
        return;
    m_shown = shown;
    m_series->clear();
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const double percent = total ? 100.0 * double(shown[i].value) / double(total) : 0;
        auto *slice = m_series->append(
            QStringLiteral("%1 %2%").arg(shown[i].label).arg(percent, 0, 'f', percent < 10 ? 1 : 0),
            qreal(shown[i].value));
        slice->setColor(Palette[qMin<qsizetype>(i, std::size(Palette) - 1)]);
        slice->setBorderColor(Qt::white);
    }
}

} // namespace nfqmon
