#include "app/session/Session.h"

#include "app/client/CaptureController.h"
#include "app/client/HelperClient.h"
#include "app/client/HelperError.h"
#include "app/client/InterfaceListModel.h"
#include "app/client/RemoteLink.h"
#include "app/client/RuleInfo.h"
#include "app/client/RuleListModel.h"
#include "app/display/HostText.h"
#include "app/session/PacketExport.h"
#include "app/store/ConnectionListModel.h"
#include "app/store/DesktopEntryIndex.h"
#include "app/store/PacketCellText.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "app/store/PcapImporter.h"
#include "app/store/TrafficStatistics.h"
#include "helper/protocol/HelperContract.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSysInfo>
#include <QTimer>

namespace nfqmon {

namespace {

// The packet's remote end, as the Host column names it; a null address without a network header.
QHostAddress remoteAddress(const StoredPacket &p)
{
    const auto &bytes = p.hook == Hook::Output ? p.summary.destination : p.summary.source;
    switch (p.summary.network) {
    case NetworkProtocol::IPv4:
        return QHostAddress(quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 |
                            quint32(bytes[2]) << 8 | bytes[3]);
    case NetworkProtocol::IPv6:
        return QHostAddress(bytes.data());
    case NetworkProtocol::Unknown:
        break;
    }
    return {};
}

} // namespace

Session::Session(const QDBusConnection &bus, QObject *parent)
    : Session(new HelperClient(bus), parent)
{}

Session::Session(RemoteLink *link, QObject *parent) : Session(new HelperClient(link), parent)
{
    link->setParent(this);
    // Its interfaces are the other machine's: asked for once connected, and at each refresh.
    connect(m_interfaces, &InterfaceListModel::refreshRequested, this, &Session::fetchInterfaces);
    connect(m_client, &HelperClient::busRestored, this, &Session::fetchInterfaces);
    m_interfaces->setInterfaces({});
}

Session::Session(HelperClient *client, QObject *parent)
    : QObject(parent), m_client(client), m_controller(new CaptureController(m_client, this)),
      m_interfaces(new InterfaceListModel(this)), m_rules(new RuleListModel(m_client, this)),
      m_store(new PacketStore(this)), m_model(new PacketTableModel(m_store, this)),
      m_statistics(new TrafficStatistics(m_store, this)), m_reverse(new ReverseLookup(this)),
      m_connections(new ConnectionListModel(m_store, this)), m_connectionPoll(new QTimer(this)),
      m_export(new PacketExport(this))
{
    m_client->setParent(this);
    const CaptureSettings settings = CaptureSettings::load();
    m_interfaces->setChecked(settings.interfaces);
    m_reverse->setEnabled(settings.reverseLookup);
    m_store->setMachineName(0, machineName());
    m_model->setHostNamer([this](const StoredPacket &p) { return reverseName(p); });
    connect(m_reverse, &ReverseLookup::namesFound, m_model, &PacketTableModel::refreshHostColumn);
    // Read on a worker while the window comes up; programs are named by them (ProcessTable).
    m_store->setDesktopEntries(DesktopEntryIndex::loadInBackground());
    connect(m_controller, &CaptureController::batchArrived, m_store, &PacketStore::append);
    m_connectionPoll->setInterval(1000);
    connect(m_connectionPoll, &QTimer::timeout, this, &Session::pollConnections);
    // As when the session opens: the rules may have changed while the bus was away.
    connect(m_client, &HelperClient::busRestored, m_client, &HelperClient::refreshRules);
}

Session::~Session() = default;

QString Session::machine() const
{
    const RemoteLink *link = m_client->remoteLink();
    return link ? link->destination().text() : QString();
}

void Session::setConnectionsWatched(bool watched)
{
    if (!watched) {
        m_connectionPoll->stop();
        return;
    }
    pollConnections();
    m_connectionPoll->start();
}

void Session::pollConnections()
{
    // Only a capture with a depth has connections in the kernel; one question at a time.
    const CaptureHealth &health = m_controller->health();
    if (m_connectionsAsked || !isCapturing() || health.decidedPassed < 0)
        return;
    m_connectionsAsked = true;
    QPointer<Session> self(this);
    m_client->fetchConnections([self](const QList<QVariantMap> &listed, const HelperError &error) {
        if (!self)
            return;
        self->m_connectionsAsked = false;
        if (!error.isError())
            self->m_connections->setKernelCounts(ConnectionListModel::kernelCountsFrom(listed));
    });
}

QString Session::machineName() const
{
    const QString remote = machine();
    return remote.isEmpty() ? QSysInfo::machineHostName() : remote;
}

QString Session::reverseName(const StoredPacket &packet) const
{
    return packet.summary.missing == Missing::NetworkHeader
               ? QString()
               : m_reverse->nameOf(remoteAddress(packet));
}

void Session::fetchInterfaces()
{
    QPointer<Session> self(this);
    m_client->fetchInterfaces([self](const QList<QVariantMap> &maps, const HelperError &error) {
        if (!self || error.isError())
            return; // the link's own messages say why
        QList<InterfaceListModel::Interface> interfaces;
        for (const QVariantMap &map : maps)
            interfaces.append({map.value(Contract::InterfaceField::Name).toString(),
                               map.value(Contract::InterfaceField::Up).toBool(),
                               map.value(Contract::InterfaceField::Addresses).toStringList()});
        self->m_interfaces->setInterfaces(interfaces);
    });
}

bool Session::open(QString *error)
{
    const bool opened = m_store->open(error);
    if (m_client->isBusConnected())
        m_client->refreshRules(); // asynchronous: the window is there before any answer
    return opened;
}

CaptureSettings Session::captureSettings() const
{
    CaptureSettings settings = CaptureSettings::load();
    settings.interfaces = m_interfaces->checked();
    if (m_client->remoteLink()) {
        // Dump files are descriptors, which cannot cross SSH (nfqmon-capture -w on the host).
        settings.dumpAllPath.clear();
        settings.dumpAcceptedPath.clear();
    }
    return settings;
}

void Session::saveCaptureSettings(CaptureSettings settings) const
{
    if (m_client->remoteLink()) {
        const CaptureSettings local = CaptureSettings::load();
        settings.dumpAllPath = local.dumpAllPath;
        settings.dumpAcceptedPath = local.dumpAcceptedPath;
        settings.interfaces = local.interfaces;
    }
    settings.save();
}

void Session::setReverseLookup(bool enabled)
{
    if (enabled == m_reverse->isEnabled())
        return;
    m_reverse->setEnabled(enabled);
    m_model->refreshHostColumn();
}

QString Session::hostDetails(const StoredPacket &packet) const
{
    if (packet.host != 0)
        return HostText::details(m_store->hostName(packet.host), m_store->hostSource(packet.host));
    if (packet.summary.missing == Missing::NetworkHeader)
        return {};
    return HostText::reverseDetails(reverseName(packet));
}

bool Session::startCapture()
{
    if (m_controller->state() != CaptureState::Idle)
        return false;
    const CaptureSettings settings = captureSettings();
    if (!m_client->remoteLink())
        settings.save(); // this machine's choices; another machine's interfaces are not
    m_store->clear();
    m_store->setLimit(settings.storeLimit);
    setOfflineFile({});
    m_controller->start(settings);
    return true;
}

void Session::stopCapture()
{
    m_controller->stop();
}

bool Session::isCapturing() const
{
    return m_controller->state() == CaptureState::Running;
}

bool Session::openFile(const QString &path, QString *error, qint64 *skipped)
{
    if (m_controller->state() != CaptureState::Idle) {
        *error = tr("Stop the capture before opening a file.");
        return false;
    }
    m_store->clear();
    m_store->setLimit(CaptureSettings::load().storeLimit);
    qint64 left = 0;
    const bool ok = PcapImporter::load(path, m_store, error, &left);
    if (skipped)
        *skipped = left;
    setOfflineFile(path);
    return ok;
}

void Session::setOfflineFile(const QString &path)
{
    m_offlineFile = path;
    emit offlineFileChanged(path);
}

QString Session::exportPathSuggestion() const
{
    if (m_offlineFile.isEmpty())
        return {};
    const QFileInfo file(m_offlineFile);
    return file.dir().filePath(file.completeBaseName() + tr("-export") + QStringLiteral(".pcap"));
}

bool Session::setDisplayFilter(const QString &expression, QString *error)
{
    return m_model->setDisplayFilter(expression, error);
}

bool Session::exportPackets(ExportScope scope, const QString &path,
                            const QList<qint64> &selectedRows, QString *error)
{
    // The store's rows now are the snapshot's rows: both are taken here, in one go.
    const PacketSnapshot snapshot = m_store->snapshot();
    bool started = false;
    switch (scope) {
    case ExportScope::All:
        started = m_export->start(snapshot, std::nullopt, path);
        break;
    case ExportScope::Displayed: {
        QList<qint64> rows;
        rows.reserve(m_model->rowCount());
        for (int row = 0; row < m_model->rowCount(); ++row)
            rows.append(m_model->storeRow(row));
        started = m_export->start(snapshot, rows, path);
        break;
    }
    case ExportScope::Selected:
        started = m_export->start(snapshot, selectedRows, path);
        break;
    case ExportScope::Conversation: {
        QList<StoredPacket> packets;
        for (qint64 row : selectedRows)
            packets.append(m_store->at(row));
        started = m_export->startConversations(snapshot, packets, path);
        break;
    }
    }
    if (!started)
        *error = tr("An export is still running.");
    return started;
}

QList<RuleSuggestion::Item> Session::dropSuggestions(const QList<qint64> &storeRows) const
{
    // The suggestions hold for every chosen packet; a few hundred say all there is to say.
    constexpr qsizetype MaximumPackets = 256;
    QList<StoredPacket> packets;
    for (qsizetype i = 0; i < storeRows.size() && i < MaximumPackets; ++i)
        packets.append(m_store->at(storeRows[i]));
    return RuleSuggestion::forPackets(packets);
}

QList<const ProcessInfo *> Session::processesAt(const QList<qint64> &storeRows) const
{
    constexpr qsizetype MaximumPackets = 256; // as dropSuggestions()
    QList<const ProcessInfo *> processes;
    for (qsizetype i = 0; i < storeRows.size() && i < MaximumPackets; ++i) {
        const StoredPacket packet = m_store->at(storeRows[i]);
        processes.append(packet.origin == Origin::Process ? m_store->process(packet.processId)
                                                          : nullptr);
    }
    return processes;
}

QList<OwnerDrop> Session::ownerDrops(const QList<qint64> &storeRows) const
{
    const QList<const ProcessInfo *> processes = processesAt(storeRows);
    const QString name =
        processes.isEmpty() || !processes.constFirst() ? QString() : rowsApplication(storeRows);
    return OwnerDrop::forProcesses(processes, name);
}

QList<OwnerFilter> Session::ownerFilters(const QList<qint64> &storeRows) const
{
    const QString name = rowsApplication(storeRows); // as `app` matches: the column's name
    return OwnerFilter::forProcesses(processesAt(storeRows), &name);
}

QString Session::rowsApplication(const QList<qint64> &storeRows) const
{
    constexpr qsizetype MaximumPackets = 256; // as dropSuggestions()
    QString shared;
    for (qsizetype i = 0; i < storeRows.size() && i < MaximumPackets; ++i) {
        const StoredPacket packet = m_store->at(storeRows[i]);
        const QString name = PacketCellText::application(
            packet.origin,
            packet.origin == Origin::Process ? m_store->application(packet.processId) : nullptr);
        if (name.isEmpty() || (!shared.isEmpty() && name != shared))
            return {};
        shared = name;
    }
    return shared;
}

QString Session::addedFrom(const RuleInfo &rule) const
{
    const auto it = m_origins.constFind(rule.id);
    return it != m_origins.constEnd() && it->expression == rule.expression ? it->application
                                                                           : QString();
}

QString Session::programName(const RuleInfo &rule) const
{
    return rule.program.isEmpty() ? QString() : m_store->programName(rule.program);
}

QStringList Session::hostNamesAt(const QList<qint64> &storeRows) const
{
    constexpr qsizetype MaximumPackets = 256; // as dropSuggestions()
    QStringList names;
    for (qsizetype i = 0; i < storeRows.size() && i < MaximumPackets; ++i)
        names.append(m_store->hostName(m_store->at(storeRows[i]).host));
    return names;
}

QList<HostDrop> Session::hostDrops(const QList<qint64> &storeRows) const
{
    return HostDrop::forNames(hostNamesAt(storeRows), RegistrableDomain::system());
}

QList<HostFilter> Session::hostFilters(const QList<qint64> &storeRows) const
{
    return HostFilter::forNames(hostNamesAt(storeRows), RegistrableDomain::system());
}

void Session::dropFrom(const OwnerDrop &drop)
{
    addDrop(drop.rule, drop.description);
}

void Session::dropTo(const HostDrop &drop)
{
    if (drop.enabled)
        addDrop(drop.rule, drop.description);
}

void Session::addDrop(const RuleInfo &rule, const QString &description)
{
    QPointer<Session> self(this);
    m_client->addRule(rule.toFields(), [self, description](uint id, const HelperError &error) {
        if (!self)
            return;
        if (error.isError())
            emit self->errorOccurred(tr("The rule was not added. %1").arg(error.sentence()));
        else
            emit self->dropRuleAdded(id, description);
    });
}

RuleInfo Session::dropRule(const QString &expression)
{
    RuleInfo rule;
    rule.expression = expression;
    rule.action = RuleAction::Drop;
    return rule;
}

void Session::previewRule(const RuleInfo &rule)
{
    // The helper's matcher decides (RulePreview): the same rule, the same packets.
    if (rule.expression.isEmpty() || !m_model->setPreview(rule.toRule(), nullptr))
        m_model->clearPreview();
}

void Session::dropLike(const QString &expression, const QString &application)
{
    QPointer<Session> self(this);
    m_client->addRule(dropRule(expression).toFields(), [self, expression, application](
                                                           uint id, const HelperError &error) {
        if (!self)
            return;
        if (error.isError()) {
            emit self->errorOccurred(tr("The rule was not added. %1").arg(error.sentence()));
            return;
        }
        if (!application.isEmpty()) {
            constexpr qsizetype MaximumRemembered = 1024; // rules by hand
            if (self->m_origins.size() >= MaximumRemembered)
                self->m_origins.clear();
            self->m_origins.insert(id, {expression, application});
        }
        emit self->dropRuleAdded(id, expression);
    });
}

void Session::addRule(const RuleInfo &rule)
{
    QPointer<Session> self(this);
    m_client->addRule(rule.toFields(), [self](uint, const HelperError &error) {
        if (self && error.isError())
            emit self->errorOccurred(tr("The rule was not added. %1").arg(error.sentence()));
    });
}

void Session::removeRule(uint id)
{
    QPointer<Session> self(this);
    m_client->removeRule(id, [self](const HelperError &error) {
        if (self && error.isError())
            emit self->errorOccurred(error.sentence());
    });
}

void Session::putRuleBack(const RuleInfo &rule, int position)
{
    QPointer<Session> self(this);
    m_client->addRule(rule.toFields(), [self, position](uint id, const HelperError &error) {
        if (!self)
            return;
        if (error.isError()) {
            emit self->errorOccurred(tr("The rule was not put back. %1").arg(error.sentence()));
            return;
        }
        self->m_client->moveRule(id, uint(position), [self](const HelperError &moveError) {
            if (self && moveError.isError())
                emit self->errorOccurred(moveError.sentence());
        });
    });
}

} // namespace nfqmon
