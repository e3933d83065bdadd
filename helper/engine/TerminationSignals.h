// SIGINT, SIGTERM and SIGHUP turned into a Qt signal through a self-pipe, so that a stop request
// is handled on the event loop (chains removed, dumps flushed) and never inside a handler.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace nfqmon {

class TerminationSignals : public QObject
{
    Q_OBJECT
public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override; // restores the default handlers

signals:
    void received();

private:
    void drain();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace nfqmon
