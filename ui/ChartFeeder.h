// Feeds the charts dock from the session: TrafficStatistics' seconds and top lists turned into
// the charts' plain values when the statistics change (at most once a second), when a file has
// been opened, and every few seconds while a capture runs, so that the rate chart moves on through
// quiet times. A time range brushed on the rate chart limits the packet table to it.
#pragma once

#include "app/client/CaptureState.h"

#include "app/client/CaptureHealth.h"

#include <QMap>
#include <QObject>

class QTimer;

namespace nfqmon {

class ChartsPanel;
class Session;

class ChartFeeder : public QObject
{
    Q_OBJECT
public:
    ChartFeeder(Session *session, ChartsPanel *charts);

    void update();

private:
    void onStateChanged(CaptureState state);
    void onHealth(const CaptureHealth &health);

    Session *m_session;
    ChartsPanel *m_charts;
    QTimer *m_clock; // moves the rate chart on while a capture runs, even when quiet
    // With an inspection depth: what the kernel decided, by second (the status's growth since
    // the one before, put in the second it arrived in), and the status's last totals.
    struct Decided {
        quint64 packets = 0;
        quint64 bytes = 0;
    };
    QMap<qint64, Decided> m_decided;
    qint64 m_decidedPackets = 0;
    qint64 m_decidedBytes = 0;
};

} // namespace nfqmon
