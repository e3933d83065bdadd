#include "helper/config/CaptureOptions.h"

#include "helper/config/InterfaceName.h"

namespace nfqmon {

namespace {

bool fail(QString *error, const QString &problem)
{
    if (error)
        *error = problem;
    return false;
}

} // namespace

bool CaptureOptions::validate(Check check, QString *error) const
{
    // The one place where the bus is held tighter than root's config file and the engine.
    const bool overDBus = check == Check::DBus;
    const std::uint32_t maxQueues = overDBus ? Limits::MaxQueuesOverDBus : Limits::MaxQueues;
    const std::uint32_t maxSnapLength =
        overDBus ? Limits::MaxUsefulSnapLength : Limits::MaxSnapLength;

    if (queueCount < Limits::MinQueues || queueCount > maxQueues)
        return fail(error, QStringLiteral("the number of queues must be between %1 and %2, not %3")
                               .arg(Limits::MinQueues)
                               .arg(maxQueues)
                               .arg(queueCount));
    const std::uint32_t lastQueue = std::uint32_t(queueNumber) + queueCount - 1;
    if (lastQueue > Limits::LastQueueNumber)
        return fail(error, QStringLiteral("queues %1 to %2 go past the last queue number, %3")
                               .arg(queueNumber)
                               .arg(lastQueue)
                               .arg(Limits::LastQueueNumber));
    if (snapLength < Limits::MinSnapLength || snapLength > maxSnapLength)
        return fail(error, QStringLiteral("the snap length must be between %1 and %2 bytes, not %3")
                               .arg(Limits::MinSnapLength)
                               .arg(maxSnapLength)
                               .arg(snapLength));
    if (queueMaxLength < Limits::MinQueueMaxLength || queueMaxLength > Limits::MaxQueueMaxLength)
        return fail(error,
                    QStringLiteral("the queue length must be between %1 and %2 packets, not %3")
                        .arg(Limits::MinQueueMaxLength)
                        .arg(Limits::MaxQueueMaxLength)
                        .arg(queueMaxLength));
    if (inspectPackets > Limits::MaxInspectPackets)
        return fail(error, QStringLiteral("the packets inspected of each connection must be "
                                          "\"all\" or between 1 and %1, not %2")
                               .arg(Limits::MaxInspectPackets)
                               .arg(inspectPackets));
    if (statusIntervalSeconds < 0 ||
        std::uint32_t(statusIntervalSeconds) > Limits::MaxStatusIntervalSeconds)
        return fail(error,
                    QStringLiteral("the status interval must be between 0 and %1 seconds, not %2")
                        .arg(Limits::MaxStatusIntervalSeconds)
                        .arg(statusIntervalSeconds));
    if (anyInterface)
        return true;
    if (interfaces.isEmpty())
        return fail(error,
                    QStringLiteral("no interface to capture on: name interfaces or \"any\""));
    for (const QString &name : interfaces) {
        if (!InterfaceName::isValid(name, error))
            return false;
    }
    if (check == Check::ConfigFile)
        return true;
    const QStringList unknown = InterfaceName::missing(interfaces);
    if (!unknown.isEmpty())
        return fail(error,
                    QStringLiteral("unknown interface(s): %1 (see `ip link` for the interfaces "
                                   "that exist)")
                        .arg(unknown.join(QStringLiteral(", "))));
    return true;
}

} // namespace nfqmon
