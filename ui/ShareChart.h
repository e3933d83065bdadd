// A pie of shares (the protocol mix): the largest entries as slices, the rest as "other".
#pragma once

#include "ui/ChartData.h"

#include <QChartView>

class QPieSeries;

namespace nfqmon {

class ShareChart : public QChartView
{
    Q_OBJECT
public:
    static constexpr int MaximumSlices = 7;

    explicit ShareChart(const QString &title, QWidget *parent = nullptr);

    void setEntries(const QList<ChartEntry> &entries); // any order

private:
    QPieSeries *m_series;
    QList<ChartEntry> m_shown;
};

} // namespace nfqmon
