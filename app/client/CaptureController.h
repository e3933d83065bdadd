// Starts and stops a capture through the helper and brings its packets to the window.
//
// start() opens the dump files itself (they are the user's files; the helper only gets the
// descriptors), asks for StartCapture (polkit may prompt: the state is Starting meanwhile, and
// the event loop runs on), opens the stream and reads it on a thread of its own. Batches arrive
// through batchArrived() in this object's thread, in order; connect it to
// PacketStore::append. Every problem is one sentence through errorOccurred(), and the state
// returns to Idle: a refusal, a file that cannot be opened, a missing helper, the helper dying
// mid-capture. One exception: when the system bus goes away, the capture ends (the helper
// removes its chains) and the state returns to Idle without a sentence: HelperClient::busLost
// tells it, also when no capture ran.
//
// On another machine (HelperClient::remoteLink()), the capture is started to outlive its caller
// (keepRunning): a dropped link does not stop it, and once the link is back the controller
// picks it up again (a new stream), or starts it again with the same settings when the remote
// helper no longer runs it. Stop, or closing the window, ends it.
#pragma once

#include "app/client/CaptureHealth.h"
#include "app/client/CaptureSettings.h"
#include "app/client/CaptureState.h"
#include "helper/protocol/CaptureStatus.h"
#include "helper/protocol/StreamBatch.h"

#include <QElapsedTimer>
#include <QObject>
#include <QVariantMap>

#include <memory>

namespace nfqmon {

class HelperClient;
class StreamThread;
struct HelperError;

class CaptureController : public QObject
{
    Q_OBJECT
public:
    using State = CaptureState;

    explicit CaptureController(HelperClient *client, QObject *parent = nullptr);
    ~CaptureController() override;

    void start(const CaptureSettings &settings); // from Idle only
    void stop();                                 // from Starting or Running

    State state() const { return m_state; }
    CaptureHealth health() const { return m_health; }

signals:
    void stateChanged(nfqmon::CaptureState state);
    void errorOccurred(const QString &message);
    void batchArrived(const nfqmon::StreamBatch &batch);
    void healthChanged(const nfqmon::CaptureHealth &health);
    // Once a capture: what the helper left out (a family without chains) and how to add it.
    void noticeReceived(const QString &notice);

private:
    bool openDumps(const CaptureSettings &settings, QVariantMap *options);
    void onStarted(const HelperError &error);
    void onStreamOpened(int fd, const HelperError &error);
    void onBatch(const StreamBatch &batch);
    void onStreamFinished(const QString &error);
    void onStatus(const CaptureStatus &status);
    void onHelperVanished();
    void onBusLost();
    void onBusRestored();
    void fail(const QString &message); // back to Idle, with the sentence
    void setState(State state);

    HelperClient *m_client;
    State m_state = State::Idle;
    bool m_stopWhenStarted = false; // stop() while polkit was still asking
    std::unique_ptr<StreamThread> m_stream;
    CaptureHealth m_health;
    QElapsedTimer m_sinceStatus;
    quint64 m_receivedAtStatus = 0;
    QString m_notice;           // the helper's notice already passed on for this capture
    CaptureSettings m_settings; // the last start's
    bool m_resume = false;      // the link to another machine dropped while capturing
};

} // namespace nfqmon
