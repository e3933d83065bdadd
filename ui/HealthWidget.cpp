#include "ui/HealthWidget.h"

#include "app/client/CaptureController.h"
#include "app/client/CaptureStateText.h"
#include "app/store/PacketStore.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>

namespace nfqmon {

namespace {

const QColor Warn(0xc0, 0x6a, 0x00);

QString dot(const QColor &color)
{
    return QStringLiteral("<span style=\"color:%1\">●</span> ").arg(color.name());
}

} // namespace

HealthWidget::HealthWidget(QWidget *parent)
    : QWidget(parent), m_state(new QLabel(this)), m_rate(new QLabel(this)),
      m_dropped(new QLabel(this)), m_lost(new QLabel(this)), m_kernel(new QLabel(this)),
      m_unseen(new QLabel(this)), m_unattributed(new QLabel(this)), m_decided(new QLabel(this)),
      m_failOpen(new QLabel(this)), m_rolledOff(new QLabel(this))
{
    setObjectName(QStringLiteral("healthWidget"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(14);
    for (QLabel *label : {m_state, m_rate, m_dropped, m_lost, m_kernel, m_unseen, m_unattributed,
                          m_decided, m_failOpen, m_rolledOff})
        layout->addWidget(label);
    layout->addStretch(1);
    m_state->setTextFormat(Qt::RichText);
    m_rate->setToolTip(tr("Packets the helper received per second"));
    m_failOpen->setToolTip(tr("Fail-open: when the kernel's queue is full, packets pass "
                              "unseen instead of waiting or being lost"));
    refresh();
}

void HealthWidget::watch(const CaptureController *controller, const PacketStore *store)
{
    connect(controller, &CaptureController::healthChanged, this, &HealthWidget::setHealth);
    const auto rolledOff = [this, store] { setRolledOff(store->rolledOff()); };
    connect(store, &PacketStore::packetsAppended, this, rolledOff);
    connect(store, &PacketStore::cleared, this, rolledOff);
    setHealth(controller->health());
    setRolledOff(store->rolledOff());
}

void HealthWidget::setHealth(const CaptureHealth &health)
{
    m_health = health;
    refresh();
}

void HealthWidget::setRolledOff(qint64 packets)
{
    if (packets == m_rolledOffCount)
        return;
    m_rolledOffCount = packets;
    refresh();
}

void HealthWidget::setOfflineFile(const QString &path)
{
    m_offlineFile = path;
    refresh();
}

void HealthWidget::setCount(QLabel *label, const QString &text, bool warn, const QString &tip)
{
    // Refreshed every second during a capture: touch only what changed (a label's new text or
    // colour costs a layout and a repaint of the status bar).
    if (label->text() != text)
        label->setText(text);
    if (label->toolTip() != tip)
        label->setToolTip(tip);
    const QColor colour = warn ? Warn : this->palette().color(QPalette::WindowText);
    if (label->palette().color(QPalette::WindowText) != colour) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, colour);
        label->setPalette(palette);
    }
}

void HealthWidget::refresh()
{
    const QLocale locale;
    const CaptureHealth &h = m_health;
    QColor colour;
    switch (h.state) {
    case CaptureState::Idle:
        colour = m_offlineFile.isEmpty() ? QColor(0x90, 0x90, 0x90) : QColor(0x3a, 0x7c, 0xc4);
        break;
    case CaptureState::Running:
        colour = QColor(0x2e, 0x9b, 0x4f);
        break;
    case CaptureState::Starting:
    case CaptureState::Stopping:
        colour = QColor(0xe0, 0x9a, 0x3a);
        break;
    }
    const QString state =
        dot(colour) +
        (h.state == CaptureState::Idle && !m_offlineFile.isEmpty()
             ? tr("Browsing %1 (offline)").arg(QFileInfo(m_offlineFile).fileName().toHtmlEscaped())
             : captureStateText(h).toHtmlEscaped());
    if (m_state->text() != state)
        m_state->setText(state);
    const bool live = h.state == CaptureState::Running || h.state == CaptureState::Stopping;
    for (QLabel *label : {m_rate, m_dropped, m_lost, m_kernel, m_failOpen})
        label->setVisible(live || h.received > 0);
    // Shown once the helper has read its rules' counters (a second into the capture).
    m_unseen->setVisible((live || h.received > 0) && h.passedUnseen >= 0);
    setCount(m_rate, tr("%1 pkt/s").arg(locale.toString(qRound64(h.packetsPerSecond))), false,
             tr("Packets the helper received per second"));
    setCount(m_dropped, tr("dropped by rules %1").arg(locale.toString(h.droppedByRules)), false,
             tr("Packets your rules dropped since the capture started"));
    setCount(m_lost, tr("lost to display %1").arg(locale.toString(h.lostToDisplay)),
             h.lostToDisplay > 0,
             tr("Packets that passed the firewall but could not reach this window in time "
                "(the window was too slow); they are missing from the table"));
    setCount(m_kernel, tr("kernel %1").arg(locale.toString(h.kernelDropped)), h.kernelDropped > 0,
             tr("Packets the kernel's queue dropped or could not deliver to the helper (packets "
                "that fail-open let pass are not among them: see passed unseen)"));
    setCount(m_unseen, tr("passed unseen %1").arg(locale.toString(qMax<qint64>(0, h.passedUnseen))),
             h.passedUnseen > 0,
             tr("Packets that reached nfqmon's queue rules but never the helper: the kernel's "
                "queue was full and fail-open let them pass without a verdict, so rules did not "
                "apply to them and they are missing from the table and the dumps. The kernel's "
                "rule counters minus the packets it handed to the helper, read once a second"));
    // Only when it happened: otherwise it is noise beside counters a user checks every time.
    m_unattributed->setVisible(h.attributionLost > 0);
    setCount(m_unattributed,
             tr("program unknown %1").arg(locale.toString(qMax<qint64>(0, h.attributionLost))),
             true,
             tr("Reports of which program sent a flow that the kernel could not pass to the "
                "helper in time (its ring was full): the packets of those flows show no "
                "program, and rules by program, user or unit do not apply to them"));
    // With an inspection depth: the rest of each connection, which the kernel decided.
    m_decided->setVisible((live || h.received > 0) && h.decidedPassed >= 0);
    setCount(m_decided,
             tr("decided in the kernel %1")
                 .arg(locale.toString(qMax<qint64>(0, h.decidedPassed) +
                                      qMax<qint64>(0, h.decidedDropped))),
             false,
             tr("Packets after the first ones of each connection (the inspection depth in the "
                "capture settings): the kernel passed %1 and dropped %2 as the helper decided "
                "their connection, without queueing them; they are not in the table or the "
                "dumps")
                 .arg(locale.toString(qMax<qint64>(0, h.decidedPassed)),
                      locale.toString(qMax<qint64>(0, h.decidedDropped))));
    m_failOpen->setText(h.failOpen ? tr("fail-open on") : tr("fail-open off"));
    m_rolledOff->setVisible(m_rolledOffCount > 0);
    setCount(m_rolledOff, tr("rolled off %1").arg(locale.toString(m_rolledOffCount)), true,
             tr("The oldest packets left the table because of the packet limit in the capture "
                "settings"));
}

QString HealthWidget::text() const
{
    QStringList parts;
    for (QLabel *label : {m_state, m_rate, m_dropped, m_lost, m_kernel, m_unseen, m_unattributed,
                          m_decided, m_failOpen, m_rolledOff}) {
        if (!label->isHidden())
            parts.append(label->text());
    }
    QString line = parts.join(QStringLiteral(" · "));
    line.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    return line;
}

} // namespace nfqmon
