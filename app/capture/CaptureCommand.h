// What nfqmon-capture does once its command line is checked (README, "nfqmon-capture"):
//
// Capture: opens the output (as the user: a file it may write, or standard output), asks the
// helper for StartCapture (polkit decides, as for the window), opens the stream and writes its
// packets as pcapng (StreamPcapngWriter), flushed per batch. A count, a duration, SIGINT/SIGTERM/
// SIGHUP or a reader that went away (Wireshark closed: EPIPE) stop it: StopCapture, the file
// closed, a summary on standard error, exit 0. A capture that another client already runs is
// refused with a sentence that points to --attach.
// Attach: the same, on the stream of the capture already running (the file takes its interfaces
// and snap length from the helper's status); it is never stopped.
// Relay: the running capture's stream, copied to standard output unchanged (StreamRelay).
//
// A refused or failed start is one sentence on standard error and exit status 1; a file this
// program created for a capture that never started is removed again.
#pragma once

#include "app/capture/CaptureCommandLine.h"
#include "app/capture/StreamPcapngWriter.h"
#include "helper/protocol/CaptureStatus.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace nfqmon {

class HelperClient;
class StreamReader;
struct HelperError;

class CaptureCommand : public QObject
{
    Q_OBJECT
public:
    CaptureCommand(const CaptureCliOptions &options, HelperClient *client,
                   QObject *parent = nullptr);
    ~CaptureCommand() override;

    // Starts; finished() follows exactly once, never before this returns.
    void start();
    // A stop signal or the like: stop the capture and finish (exit status 0).
    void stop();

    // The line printed at the end: "12 packets captured, 10 accepted, 2 dropped, 0 lost".
    static QString summary(const StreamPcapngWriter::Counts &counts, std::uint64_t lost);

signals:
    void finished(int exitStatus);

private:
    enum class State { Idle, Starting, Running, Stopping, Done };
    enum class StopHow { KeepReading, CloseStream };

    bool openOutput(QString *error);
    void onStarted(const HelperError &error);
    void onStreamOpened(int fd, const HelperError &error);
    void startWriting(int fd); // the stream's descriptor: the writer and the reader start
    void relay(int fd);
    void onBatch(const StreamBatch &batch);
    void onStreamFinished();
    void stopWith(StopHow how);
    void stopCapture();
    void checkOutput();
    bool outputClosed() const;
    void fail(const QString &sentence);
    void done(int exitStatus);

    CaptureCliOptions m_options;
    HelperClient *m_client;
    State m_state = State::Idle;
    bool m_stopRequested = false; // stop() while polkit was still asking
    bool m_started = false;       // this program started the running capture
    int m_outputFd = -1;          // until the writer takes it
    bool m_createdOutput = false; // the file did not exist before
    bool m_outputGone = false;
    StreamPcapngWriter m_writer;
    bool m_writerOpen = false;
    StreamReader *m_reader = nullptr;
    std::uint64_t m_lost = 0;
    std::optional<CaptureStatus> m_finalStatus; // the helper's figures just before the stop
    QTimer m_duration;
    QTimer m_outputCheck;
    QTimer m_drainLimit; // after StopCapture: how long to wait for the stream's end
};

} // namespace nfqmon
