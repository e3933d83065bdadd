#include "ui/SessionMessages.h"

#include "app/client/CaptureController.h"
#include "app/client/HelperClient.h"
#include "app/client/HelperError.h"
#include "app/client/RuleInfo.h"
#include "app/session/PacketExport.h"
#include "app/session/Session.h"
#include "app/store/PacketStore.h"
#include "ui/MessageBar.h"

#include <QAction>

#include <utility>

namespace nfqmon {

SessionMessages::SessionMessages(Session *session, MessageBar *bar, QAction *startAgain)
    : QObject(bar), m_session(session), m_bar(bar), m_startAgain(startAgain)
{
    CaptureController *controller = session->controller();
    HelperClient *client = session->client();
    connect(controller, &CaptureController::stateChanged, this, &SessionMessages::onStateChanged);
    connect(controller, &CaptureController::errorOccurred, this, &SessionMessages::onCaptureError);
    connect(controller, &CaptureController::noticeReceived, this, &SessionMessages::showWarning);
    connect(client, &HelperClient::busLost, this, &SessionMessages::busLost);
    connect(client, &HelperClient::busRestored, this, &SessionMessages::onBusRestored);
    connect(client, &HelperClient::linkFailed, this, [this](QString sshSays) {
        while (sshSays.endsWith(QLatin1Char('.')))
            sshSays.chop(1);
        m_bar->showMessage(MessageBar::Kind::Error,
                           tr("Cannot connect to %1: %2 (ssh %1; trying again).")
                               .arg(m_session->machine(), sshSays));
    });
    connect(client, &HelperClient::refreshFailed, this, [this](const HelperError &error) {
        // Only worth a message when nothing else explains it (e.g. the helper is missing).
        if (m_bar->text().isEmpty())
            showWarning(error.sentence());
    });
    connect(session->store(), &PacketStore::errorOccurred, this, &SessionMessages::showWarning);
    connect(session->packetExport(), &PacketExport::finished, this,
            [this](bool ok, const QString &message) {
                ok ? showInformation(message) : showError(message);
            });
    connect(session, &Session::errorOccurred, this, &SessionMessages::showError);
    connect(session, &Session::dropRuleAdded, this, &SessionMessages::onDropRuleAdded);
}

void SessionMessages::showError(const QString &message)
{
    m_bar->showMessage(MessageBar::Kind::Error, message);
}

void SessionMessages::showInformation(const QString &message)
{
    m_bar->showMessage(MessageBar::Kind::Information, message);
}

void SessionMessages::showWarning(const QString &message)
{
    m_bar->showMessage(MessageBar::Kind::Warning, message);
}

void SessionMessages::onStateChanged(CaptureState state)
{
    // fail() in the controller goes to Idle first, then reports: remember where it came from.
    m_endedWhileRunning = m_previousState == CaptureState::Running && state == CaptureState::Idle;
    m_previousState = state;
}

void SessionMessages::onCaptureError(const QString &message)
{
    // The capture ended by itself (the helper died, another program stopped it...): offer to
    // start again. A refusal or a bad setting is answered by the user first.
    QList<QAction *> actions;
    if (m_endedWhileRunning)
        actions.append(m_startAgain);
    m_bar->showMessage(MessageBar::Kind::Error, message, actions);
}

void SessionMessages::busLost(bool captureEnded)
{
    // The controller is idle already (it ended the capture without a word): say why here.
    m_captureLostWithBus = m_captureLostWithBus || captureEnded;
    const QString machine = m_session->machine();
    if (!machine.isEmpty()) {
        // Another machine's capture outlives the link (keepRunning), failing open there.
        m_bar->showMessage(
            MessageBar::Kind::Error,
            captureEnded
                ? tr("The link to %1 dropped. The capture goes on there, and its network keeps "
                     "flowing; this window connects again (ssh %1) and picks it up.")
                      .arg(machine)
                : tr("No link to %1 (ssh %1 failed or dropped): connecting again.").arg(machine));
        return;
    }
    m_bar->showMessage(
        MessageBar::Kind::Error,
        captureEnded ? tr("The system bus stopped, and the capture with it: the helper removed "
                          "its chains, so packets pass without the rules. The window connects "
                          "again as soon as the bus is back.")
                     : tr("The system bus stopped (or is not running): the window cannot reach "
                          "the helper. It connects again as soon as the bus is back."));
}

void SessionMessages::onBusRestored()
{
    onStateChanged(m_session->controller()->state());
    const QString machine = m_session->machine();
    if (!machine.isEmpty()) {
        m_captureLostWithBus = false; // the controller picks the capture up again
        m_bar->showMessage(MessageBar::Kind::Information, tr("Connected to %1.").arg(machine));
        return;
    }
    QList<QAction *> actions;
    if (std::exchange(m_captureLostWithBus, false))
        actions.append(m_startAgain);
    m_bar->showMessage(MessageBar::Kind::Information,
                       actions.isEmpty()
                           ? tr("Connected to the system bus again.")
                           : tr("Connected to the system bus again. The capture stopped "
                                "with the bus; start it again to go on."),
                       actions);
}

void SessionMessages::onDropRuleAdded(uint id, const QString &expression)
{
    auto *undo = new QAction(tr("Undo"), m_bar);
    connect(undo, &QAction::triggered, m_session,
            [session = m_session, id] { session->removeRule(id); });
    connect(m_bar, &MessageBar::dismissed, undo, &QObject::deleteLater, Qt::SingleShotConnection);
    m_bar->showMessage(
        MessageBar::Kind::Information,
        tr("Rule %1 drops packets matching “%2” from now on.").arg(id).arg(expression), {undo});
}

void SessionMessages::ruleRemoved(const RuleInfo &rule, int position)
{
    auto *undo = new QAction(tr("Undo"), m_bar);
    connect(undo, &QAction::triggered, m_session,
            [session = m_session, rule, position] { session->putRuleBack(rule, position); });
    connect(m_bar, &MessageBar::dismissed, undo, &QObject::deleteLater, Qt::SingleShotConnection);
    m_bar->showMessage(MessageBar::Kind::Information,
                       rule.action == RuleAction::Accept
                           ? tr("Deleted the rule accepting “%1”.").arg(rule.expression)
                           : tr("Deleted the rule dropping “%1”.").arg(rule.expression),
                       {undo});
}

} // namespace nfqmon
