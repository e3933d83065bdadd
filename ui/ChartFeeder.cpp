#include "ui/ChartFeeder.h"

#include "app/client/CaptureController.h"
#include "app/session/Session.h"
#include "app/store/PacketTableModel.h"
#include "app/store/TrafficStatistics.h"
#include "ui/ChartsPanel.h"
#include "ui/RateChart.h"

#include <QDateTime>
#include <QTimer>

namespace nfqmon {

ChartFeeder::ChartFeeder(Session *session, ChartsPanel *charts)
    : QObject(charts), m_session(session), m_charts(charts), m_clock(new QTimer(this))
{
    connect(session->statistics(), &TrafficStatistics::updated, this, &ChartFeeder::update);
    connect(session, &Session::offlineFileChanged, this, &ChartFeeder::update);
    connect(session->controller(), &CaptureController::stateChanged, this,
            &ChartFeeder::onStateChanged);
    connect(session->controller(), &CaptureController::healthChanged, this, &ChartFeeder::onHealth);
    // New packets redraw the charts (at most once a second, TrafficStatistics::updated); this
    // clock only moves the rate chart on through quiet times, where a step of a few seconds
    // shows as much and costs a fifth.
    m_clock->setInterval(5000);
    connect(m_clock, &QTimer::timeout, this, &ChartFeeder::update);
    connect(charts->rateChart(), &RateChart::timeRangeSelected, session->model(),
            &PacketTableModel::setTimeRange);
    connect(charts->rateChart(), &RateChart::timeRangeCleared, session->model(),
            &PacketTableModel::clearTimeRange);
}

void ChartFeeder::onStateChanged(CaptureState state)
{
    if (state == CaptureState::Starting) {
        m_decided.clear(); // a new capture, from 0: its store starts empty too
        m_decidedPackets = m_decidedBytes = 0;
    }
    if (state == CaptureState::Running)
        m_clock->start();
    else
        m_clock->stop();
}

void ChartFeeder::onHealth(const CaptureHealth &health)
{
    const qint64 packets = health.decidedPassed < 0
                               ? -1
                               : health.decidedPassed + qMax<qint64>(0, health.decidedDropped);
    const qint64 bytes = qMax<qint64>(0, health.decidedBytes);
    if (packets < 0)
        return; // no depth, or not said yet
    if (packets > m_decidedPackets) {
        const qint64 second = QDateTime::currentMSecsSinceEpoch() / 1000 * 1'000'000'000;
        Decided &d = m_decided[second];
        d.packets += quint64(packets - m_decidedPackets);
        d.bytes += quint64(qMax<qint64>(0, bytes - m_decidedBytes));
        while (m_decided.size() > 3600) // bounded: an hour of seconds
            m_decided.erase(m_decided.begin());
    }
    m_decidedPackets = packets;
    m_decidedBytes = bytes;
}

void ChartFeeder::update()
{
    constexpr int MinimumSeconds = 60;
    const TrafficStatistics &statistics = *m_session->statistics();
    // Live: up to now, so the chart moves on when traffic pauses. A file: its own time.
    const bool live = m_session->isCapturing();
    const QList<TrafficStatistics::Second> seconds =
        statistics.seconds(live ? QDateTime::currentMSecsSinceEpoch() * 1'000'000 : 0);
    // From the first second with traffic (at least a minute): a new capture fills the width.
    qsizetype first = 0;
    while (first < seconds.size() && seconds[first].acceptedPackets == 0 &&
           seconds[first].droppedPackets == 0)
        ++first;
    first = qMax<qsizetype>(0, qMin(first, seconds.size() - MinimumSeconds));
    QList<RatePoint> rates;
    rates.reserve(seconds.size() - first);
    for (qsizetype i = first; i < seconds.size(); ++i) {
        const TrafficStatistics::Second &s = seconds[i];
        const Decided decided = m_decided.value(s.startNs);
        rates.append({s.startNs, s.acceptedPackets, s.droppedPackets, s.acceptedBytes,
                      s.droppedBytes, decided.packets, decided.bytes});
    }
    m_charts->setRates(rates);
    const auto entries = [](const QList<TrafficStatistics::Count> &counts) {
        QList<ChartEntry> list;
        list.reserve(counts.size());
        for (const TrafficStatistics::Count &count : counts)
            list.append({count.name, count.packets});
        return list;
    };
    m_charts->setProtocols(entries(statistics.protocols()));
    m_charts->setTalkers(entries(statistics.topTalkers()), statistics.topTalkersError(),
                         TrafficStatistics::TopCounters);
    m_charts->setPorts(entries(statistics.topPorts()), statistics.topPortsError(),
                       TrafficStatistics::TopCounters);
    m_charts->setApplications(entries(statistics.topApplications()),
                              statistics.topApplicationsError(), TrafficStatistics::TopCounters);
    m_charts->setHosts(entries(statistics.topHosts()), statistics.topHostsError(),
                       TrafficStatistics::TopCounters);
}

} // namespace nfqmon
