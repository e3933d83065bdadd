#include "app/session/ReverseLookup.h"

#include <QHostInfo>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace nfqmon {

ReverseLookup::ReverseLookup(QObject *parent, qsizetype capacity)
    : QObject(parent), m_capacity(std::max<qsizetype>(capacity, 1))
{}

ReverseLookup::~ReverseLookup()
{
    abortAll();
}

void ReverseLookup::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!enabled)
        abortAll();
}

void ReverseLookup::abortAll()
{
    for (const int id : std::as_const(m_running))
        QHostInfo::abortHostLookup(id);
    m_running.clear();
    m_waiting.clear();
    m_waitingSet.clear();
}

bool ReverseLookup::isAnswered(const QHostAddress &address) const
{
    return m_answers.contains(address);
}

QString ReverseLookup::nameOf(const QHostAddress &address)
{
    // Addresses no one has a name record for are not asked about.
    if (!m_enabled || address.isNull() || address.isMulticast() || address.isBroadcast() ||
        address == QHostAddress(QHostAddress::AnyIPv4) ||
        address == QHostAddress(QHostAddress::AnyIPv6))
        return {};
    const auto answer = m_answers.constFind(address);
    if (answer != m_answers.constEnd())
        return *answer;
    if (m_running.contains(address) || m_waitingSet.contains(address))
        return {};
    if (qsizetype(m_waiting.size()) >= m_capacity)
        return {}; // asked again when shown again
    m_waiting.push_back(address);
    m_waitingSet.insert(address, true);
    startWaiting();
    return {};
}

void ReverseLookup::startWaiting()
{
    while (m_running.size() < MaximumInFlight && !m_waiting.empty()) {
        const QHostAddress address = m_waiting.front();
        m_waiting.pop_front();
        m_waitingSet.remove(address);
        // lookupHost() of an address asks for its PTR record, on Qt's own threads.
        const QString text = address.toString();
        auto id = std::make_shared<int>(-1);
        *id = QHostInfo::lookupHost(text, this, [this, address, id](const QHostInfo &info) {
            const bool named = info.error() == QHostInfo::NoError && !info.hostName().isEmpty() &&
                               QHostAddress(info.hostName()).isNull();
            onAnswer(address, *id, named ? info.hostName() : QString());
        });
        m_running.insert(address, *id);
    }
}

void ReverseLookup::onAnswer(const QHostAddress &address, int id, const QString &name)
{
    const auto running = m_running.constFind(address);
    if (running == m_running.constEnd() || *running != id)
        return; // dropped meanwhile (turned off)
    m_running.erase(running);
    remember(address, name);
    startWaiting();
    if (!name.isEmpty() && !m_signalPending) {
        m_signalPending = true;
        QTimer::singleShot(0, this, [this] {
            m_signalPending = false;
            emit namesFound();
        });
    }
}

void ReverseLookup::remember(const QHostAddress &address, const QString &name)
{
    while (m_answers.size() >= m_capacity && !m_answerOrder.empty()) {
        m_answers.remove(m_answerOrder.front());
        m_answerOrder.pop_front();
    }
    m_answers.insert(address, name);
    m_answerOrder.push_back(address);
}

} // namespace nfqmon
