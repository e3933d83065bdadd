#include "helper/service/ServiceRunner.h"

#include "helper/engine/HeadlessRunner.h"
#include "helper/engine/TerminationSignals.h"
#include "helper/protocol/HelperContract.h"

#include <QDBusConnection>
#include <QTimer>

namespace nfqmon {

namespace {
constexpr int BusCheckIntervalMs = 500;
}

ServiceRunner::ServiceRunner(HelperService::Settings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings))
{}

ServiceRunner::~ServiceRunner() = default;

int ServiceRunner::start()
{
    auto *stopRequests = new TerminationSignals(this);
    m_service = std::make_unique<HelperService>(QDBusConnection::systemBus(), m_settings);
    connect(stopRequests, &TerminationSignals::received, this, [this] {
        m_service->shutdown();
        emit finished(0);
    });
    connect(m_service.get(), &HelperService::idle, this, [this] {
        printLine(tr("nfqmon-helper: idle for %1 s, exiting (D-Bus activation starts it again)")
                      .arg(m_settings.idleTimeoutSeconds));
        emit finished(0);
    });
    QString error;
    QString warning;
    const bool started = m_service->start(&error, &warning);
    if (!warning.isEmpty())
        printError(warning);
    if (!started) {
        printError(error);
        return 1;
    }
    // Qt neither exits nor signals when the bus goes away; a root helper must not capture on
    // with nobody able to stop it.
    auto *busCheck = new QTimer(this);
    connect(busCheck, &QTimer::timeout, this, [this] {
        if (QDBusConnection::systemBus().isConnected())
            return;
        printError(tr("lost the connection to the system bus; stopping"));
        m_service->shutdown();
        emit finished(1);
    });
    busCheck->start(BusCheckIntervalMs);
    printLine(tr("nfqmon-helper: serving %1 on the system bus").arg(Contract::ServiceName));
    return 0;
}

} // namespace nfqmon
