// The charts dock: the rate chart (packets or bytes per second, with brushing) above tabs for the
// protocol mix, the top talkers, the top destination ports, the top applications and the top
// hosts. Fed plain
// values about once a second by the window. The top charts' tooltips say how exact their counts
// are.
#pragma once

#include "ui/ChartData.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTabWidget;

namespace nfqmon {

class RateChart;
class ShareChart;
class TopChart;

class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget *parent = nullptr);

    void setRates(const QList<RatePoint> &points);
    void setProtocols(const QList<ChartEntry> &entries);
    // `error`: the most a count may be too high (0: exact), out of `counters` counters
    // (TrafficStatistics::topTalkersError(), TopCounters).
    void setTalkers(const QList<ChartEntry> &entries, quint64 error, int counters);
    void setPorts(const QList<ChartEntry> &entries, quint64 error, int counters);
    // Labelled as the packet table's Application column (TrafficStatistics::topApplications()).
    void setApplications(const QList<ChartEntry> &entries, quint64 error, int counters);
    // Labelled as the packet table's Host column (TrafficStatistics::topHosts()).
    void setHosts(const QList<ChartEntry> &entries, quint64 error, int counters);

    RateChart *rateChart() const { return m_rates; }
    TopChart *talkersChart() const { return m_talkers; }
    TopChart *portsChart() const { return m_ports; }
    TopChart *applicationsChart() const { return m_applications; }
    TopChart *hostsChart() const { return m_hosts; }

private:
    // The tabs' charts are drawn only while shown (a hidden one costs a relayout a second for
    // nothing): each keeps its latest entries until its tab comes up.
    void applyShownTab();

    QComboBox *m_unit;
    QLabel *m_range;
    RateChart *m_rates;
    QTabWidget *m_tabs;
    ShareChart *m_protocols;
    TopChart *m_talkers;
    TopChart *m_ports;
    TopChart *m_applications;
    TopChart *m_hosts;
    std::optional<QList<ChartEntry>> m_pendingProtocols;
    std::optional<QList<ChartEntry>> m_pendingTalkers;
    std::optional<QList<ChartEntry>> m_pendingPorts;
    std::optional<QList<ChartEntry>> m_pendingApplications;
    std::optional<QList<ChartEntry>> m_pendingHosts;
};

} // namespace nfqmon
