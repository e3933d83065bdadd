// Feeds the charts dock from the session: TrafficStatistics' seconds and top lists turned into
// the charts' plain values when the statistics change (at most once a second), when a file has
// been opened, and every few seconds while a capture runs, so that the rate chart moves on through
// quiet times. A time range brushed on the rate chart limits the packet table to it.
#pragma once

#include "app/client/CaptureState.h"

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

    Session *m_session;
    ChartsPanel *m_charts;
    QTimer *m_clock; // moves the rate chart on while a capture runs, even when quiet
};

} // namespace nfqmon
