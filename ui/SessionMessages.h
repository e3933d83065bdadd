// What the message bar says about the session, with the action a person may want next: a capture
// that failed or ended by itself ("Start again" when it had been running), the system bus lost
// and back, the helper's notices, a packet file or an export that failed or succeeded, and rules
// added or deleted ("Undo"). Every sentence of these is here; the session and its parts only
// tell what happened.
#pragma once

#include "app/client/CaptureState.h"

#include <QObject>

class QAction;

namespace nfqmon {

class MessageBar;
class Session;
struct RuleInfo;

class SessionMessages : public QObject
{
    Q_OBJECT
public:
    // startAgain: the action offered when a capture ended without being asked to.
    SessionMessages(Session *session, MessageBar *bar, QAction *startAgain);

    void showError(const QString &message);
    void showInformation(const QString &message);
    // A rule the rules dock deleted; position: where it was, for "Undo".
    void ruleRemoved(const nfqmon::RuleInfo &rule, int position);
    // Says that the system bus is gone (captureEnded: and the capture with it).
    void busLost(bool captureEnded);

private:
    void onStateChanged(CaptureState state);
    void onCaptureError(const QString &message);
    void onBusRestored();
    void onDropRuleAdded(uint id, const QString &expression);
    void showWarning(const QString &message);

    Session *m_session;
    MessageBar *m_bar;
    QAction *m_startAgain;
    CaptureState m_previousState = CaptureState::Idle;
    bool m_endedWhileRunning = false;
    bool m_captureLostWithBus = false; // offer to start again once the bus is back
};

} // namespace nfqmon
