#include "ui/CaptureSettingsDialog.h"

#include "app/client/ChainStatus.h"
#include "app/client/HelperClient.h"
#include "helper/protocol/CaptureLimits.h"
#include "helper/protocol/HelperContract.h"
#include "ui/DumpFileField.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace nfqmon {

CaptureSettingsDialog::CaptureSettingsDialog(HelperClient *client, QWidget *parent)
    : QDialog(parent), m_client(client),
      m_automatic(new QCheckBox(tr("&Create the iptables rules automatically"), this)),
      m_chainTitle(new QLabel(this)), m_chains(new QPlainTextEdit(this)),
      m_checkChains(new QPushButton(tr("C&heck again"), this)),
      m_dumpAll(new DumpFileField(tr("Save &all received packets to:"), this)),
      m_dumpAccepted(new DumpFileField(tr("Save acce&pted packets to:"), this)),
      m_snapLength(new QSpinBox(this)), m_queue(new QSpinBox(this)),
      m_storeLimit(new QSpinBox(this)),
      m_reverseLookup(new QCheckBox(tr("&Look up names of unnamed addresses (reverse DNS)"), this)),
      m_limitInspection(new QCheckBox(tr("&Inspect only the first"), this)),
      m_inspectPackets(new QSpinBox(this)), m_dumpDepthNote(new QLabel(this))
{
    setWindowTitle(tr("Capture settings"));
    setObjectName(QStringLiteral("captureSettingsDialog"));
    m_automatic->setObjectName(QStringLiteral("automaticRules"));
    m_automatic->setToolTip(
        tr("On: nfqmon creates the chains HAKA-PRE and HAKA-OUT and sends the chosen interfaces' "
           "traffic to them, and removes all of it when the capture stops. Off: you create the "
           "chains and decide which traffic goes there; nfqmon only fills them."));
    m_chains->setObjectName(QStringLiteral("chainStatus"));
    m_chains->setReadOnly(true);
    m_chains->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Room for the status and the four commands that create the chains, without scrolling.
    const QFontMetrics fixed(m_chains->font());
    m_chains->setMinimumSize(fixed.horizontalAdvance(QLatin1Char('x')) * 72,
                             fixed.lineSpacing() * 20);
    m_chains->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_chainTitle->setText(tr("Your chains in table raw, as the helper sees them:"));

    auto *rules = new QGroupBox(tr("Firewall rules"), this);
    auto *rulesLayout = new QVBoxLayout(rules);
    rulesLayout->addWidget(m_automatic);
    auto *chainHeader = new QHBoxLayout;
    chainHeader->addWidget(m_chainTitle, 1);
    chainHeader->addWidget(m_checkChains);
    rulesLayout->addLayout(chainHeader);
    rulesLayout->addWidget(m_chains);

    auto *files = new QGroupBox(tr("Files"), this);
    auto *filesLayout = new QVBoxLayout(files);
    filesLayout->addWidget(m_dumpAll);
    filesLayout->addWidget(m_dumpAccepted);
    m_filesNote = new QLabel(tr("pcap files with nanosecond times; the packets your rules "
                                "drop are saved only to the first. Existing files are "
                                "replaced."),
                             this);
    m_filesNote->setObjectName(QStringLiteral("filesNote"));
    m_filesNote->setWordWrap(true);
    m_filesNote->setEnabled(false);
    filesLayout->addWidget(m_filesNote);
    m_dumpDepthNote->setObjectName(QStringLiteral("dumpDepthNote"));
    m_dumpDepthNote->setWordWrap(true);
    m_dumpDepthNote->setText(tr("Only the inspected packets are saved: the first packets of each "
                                "connection (see Inspect only the first, below)."));
    filesLayout->addWidget(m_dumpDepthNote);

    m_snapLength->setObjectName(QStringLiteral("snapLength"));
    m_snapLength->setRange(int(Limits::MinSnapLength), int(Limits::MaxUsefulSnapLength));
    m_snapLength->setSuffix(tr(" bytes"));
    m_snapLength->setToolTip(tr("How much of each packet is kept for the window and the files"));
    m_queue->setRange(0, int(Limits::LastQueueNumber));
    m_queue->setToolTip(tr("The NFQUEUE number; change it when another program uses queue 0"));
    m_storeLimit->setRange(1000, 100'000'000);
    m_storeLimit->setSingleStep(100'000);
    m_storeLimit->setGroupSeparatorShown(true);
    m_storeLimit->setSuffix(tr(" packets"));
    m_storeLimit->setToolTip(tr("The window keeps at most this many packets; the oldest roll off "
                                "(the status bar counts them)"));
    auto *capture = new QGroupBox(tr("Capture"), this);
    auto *form = new QFormLayout(capture);
    form->addRow(tr("&Snap length:"), m_snapLength);
    form->addRow(tr("&Queue number:"), m_queue);
    form->addRow(tr("&Keep at most:"), m_storeLimit);
    m_reverseLookup->setObjectName(QStringLiteral("reverseLookup"));
    m_reverseLookup->setToolTip(
        tr("Off by default. The window, never the helper, asks the system's resolver in the "
           "background for the names of remote addresses the helper learned no name for. Such a "
           "name is shown as a reverse lookup in the Host column and the details, and is never "
           "used by rules or the display filter."));
    form->addRow(m_reverseLookup);
    m_limitInspection->setObjectName(QStringLiteral("limitInspection"));
    m_inspectPackets->setObjectName(QStringLiteral("inspectPackets"));
    m_inspectPackets->setRange(1, int(Limits::MaxInspectPackets));
    m_inspectPackets->setValue(8);
    m_inspectPackets->setSuffix(tr(" packets of each connection"));
    const QString depthTip =
        tr("Off: the helper sees every packet. On: it sees the first packets of each TCP or UDP "
           "connection (both directions), and the kernel passes or drops the rest as the last of "
           "them was decided, counting them, at almost no cost. A rule changed later applies to "
           "each connection's next packet. The table and the dumps then hold only the inspected "
           "packets; the status bar counts the rest.");
    m_limitInspection->setToolTip(depthTip);
    m_inspectPackets->setToolTip(depthTip);
    auto *depth = new QHBoxLayout;
    depth->addWidget(m_limitInspection);
    depth->addWidget(m_inspectPackets, 1);
    form->addRow(depth);
    connect(m_limitInspection, &QCheckBox::toggled, this, [this](bool on) {
        m_inspectPackets->setEnabled(on);
        m_dumpDepthNote->setVisible(on);
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(rules);
    layout->addWidget(files);
    layout->addWidget(capture);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_automatic, &QCheckBox::toggled, this, &CaptureSettingsDialog::updateChains);
    connect(m_checkChains, &QPushButton::clicked, this, &CaptureSettingsDialog::fetchChains);
    setSettings(m_settings);
    resize(sizeHint().width() * 5 / 4, sizeHint().height());
}

void CaptureSettingsDialog::setSettings(const CaptureSettings &settings)
{
    m_settings = settings;
    m_automatic->setChecked(settings.automaticRules);
    m_dumpAll->setPath(settings.dumpAllPath);
    m_dumpAccepted->setPath(settings.dumpAcceptedPath);
    m_snapLength->setValue(int(settings.snapLength));
    m_queue->setValue(int(settings.queue));
    m_storeLimit->setValue(int(qMin<qint64>(settings.storeLimit, m_storeLimit->maximum())));
    m_reverseLookup->setChecked(settings.reverseLookup);
    m_limitInspection->setChecked(settings.inspectPackets > 0);
    if (settings.inspectPackets > 0)
        m_inspectPackets->setValue(int(settings.inspectPackets));
    m_inspectPackets->setEnabled(settings.inspectPackets > 0);
    m_dumpDepthNote->setVisible(settings.inspectPackets > 0);
    updateChains();
}

void CaptureSettingsDialog::setDumpFilesUnavailable(const QString &why)
{
    m_dumpAll->setPath({});
    m_dumpAccepted->setPath({});
    m_dumpAll->setEnabled(false);
    m_dumpAccepted->setEnabled(false);
    m_filesNote->setText(why);
    m_filesNote->setEnabled(true);
}

CaptureSettings CaptureSettingsDialog::settings() const
{
    CaptureSettings settings = m_settings;
    settings.automaticRules = m_automatic->isChecked();
    settings.dumpAllPath = m_dumpAll->path();
    settings.dumpAcceptedPath = m_dumpAccepted->path();
    settings.snapLength = uint(m_snapLength->value());
    settings.queue = uint(m_queue->value());
    settings.storeLimit = m_storeLimit->value();
    settings.reverseLookup = m_reverseLookup->isChecked();
    settings.inspectPackets = m_limitInspection->isChecked() ? uint(m_inspectPackets->value()) : 0;
    return settings;
}

void CaptureSettingsDialog::fitContents()
{
    // Grow to fit what is shown rather than squeeze it: the chains' box comes and goes, and the
    // wrapped note under the files makes the height depend on the width, which the minimum
    // size of a dialog does not follow.
    layout()->activate();
    const int width = qMax(this->width(), sizeHint().width());
    resize(width, std::max({height(), sizeHint().height(), layout()->totalHeightForWidth(width)}));
}

void CaptureSettingsDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitContents();
}

QString CaptureSettingsDialog::chainText() const
{
    return m_chains->toPlainText();
}

void CaptureSettingsDialog::updateChains()
{
    const bool manual = !m_automatic->isChecked();
    m_chainTitle->setVisible(manual);
    m_chains->setVisible(manual);
    m_checkChains->setVisible(manual);
    fitContents();
    if (manual && m_chains->toPlainText().isEmpty())
        fetchChains();
}

void CaptureSettingsDialog::fetchChains()
{
    if (!m_client) {
        m_chains->setPlainText(tr("The helper cannot be asked.") + QLatin1Char('\n') +
                               ChainStatus::createCommands());
        return;
    }
    m_chains->setPlainText(tr("Asking the helper…"));
    m_checkChains->setEnabled(false);
    QPointer<CaptureSettingsDialog> self(this);
    m_client->fetchChains([self](const QVariantMap &chains, const HelperError &error) {
        if (!self)
            return;
        self->m_checkChains->setEnabled(true);
        if (error.name == Contract::Error::NotAuthorized) {
            // Not a fault: reading the firewall needs org.nfqmon.read, which this user lacks
            // here (or the password prompt was cancelled). The commands still help.
            self->m_chains->setPlainText(
                tr("You are not allowed to read the firewall's rules, so nfqmon cannot check "
                   "the chains (%1). Check again to enter an administrator's password.")
                    .arg(error.message) +
                QStringLiteral("\n\n") + tr("To create the chains (as root):") + QLatin1Char('\n') +
                ChainStatus::createCommands());
            return;
        }
        if (error.isError()) {
            self->m_chains->setPlainText(
                tr("The helper could not be asked: %1").arg(error.sentence()) +
                QStringLiteral("\n\n") + tr("To create the chains (as root):") + QLatin1Char('\n') +
                ChainStatus::createCommands());
            return;
        }
        self->m_chains->setPlainText(ChainStatus::fromReply(chains).text());
    });
}

} // namespace nfqmon
