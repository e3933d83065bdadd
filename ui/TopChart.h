// Horizontal bars for a top list (top talkers, top destination ports, top applications), largest
// first.
#pragma once

#include "ui/ChartData.h"

#include <QChartView>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalBarSeries;
class QValueAxis;

namespace nfqmon {

class TopChart : public QChartView
{
    Q_OBJECT
public:
    static constexpr int MaximumBars = 8;

    // valueName: what the bars count ("packets").
    TopChart(const QString &title, const QString &valueName, QWidget *parent = nullptr);

    void setEntries(const QList<ChartEntry> &entries); // any order; the largest are shown
    QStringList labels() const;                        // shown, top first

private:
    QHorizontalBarSeries *m_series;
    QBarSet *m_set;
    QBarCategoryAxis *m_labels;
    QValueAxis *m_values;
    QList<ChartEntry> m_shown;
};

} // namespace nfqmon
