// SIGINT, SIGTERM and SIGHUP as a Qt signal in the main thread (a self-pipe: the handler only
// writes the signal's number), so that nfqmon-capture stops its capture and closes its file
// cleanly when a person presses Ctrl+C, a service manager stops it or ssh hangs up. SIGPIPE is
// ignored: a reader that went away (Wireshark closed) is a failed write, seen as EPIPE.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace nfqmon {

class StopSignals : public QObject
{
    Q_OBJECT
public:
    // One at a time; installs the handlers.
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override; // restores the default handlers

signals:
    void received(int signalNumber);

private:
    void readPipe();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace nfqmon
