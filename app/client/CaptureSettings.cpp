#include "app/client/CaptureSettings.h"

#include "helper/protocol/CaptureLimits.h"
#include "helper/protocol/HelperContract.h"

#include <QSettings>

#include <algorithm>

namespace nfqmon {

namespace {
const QString Group = QStringLiteral("capture");
}

CaptureSettings CaptureSettings::load()
{
    QSettings settings;
    return load(settings);
}

CaptureSettings CaptureSettings::load(QSettings &settings)
{
    CaptureSettings c;
    settings.beginGroup(Group);
    c.interfaces = settings.value(QStringLiteral("interfaces"), c.interfaces).toStringList();
    if (c.interfaces.isEmpty())
        c.interfaces = CaptureSettings().interfaces;
    c.automaticRules = settings.value(QStringLiteral("automaticRules"), c.automaticRules).toBool();
    c.dumpAllPath = settings.value(QStringLiteral("dumpAllPath")).toString();
    c.dumpAcceptedPath = settings.value(QStringLiteral("dumpAcceptedPath")).toString();
    // Values from an edited file are brought into the ranges the helper takes.
    c.snapLength = std::clamp(settings.value(QStringLiteral("snapLength"), c.snapLength).toUInt(),
                              Limits::MinSnapLength, Limits::MaxUsefulSnapLength);
    c.queue = std::min(settings.value(QStringLiteral("queue"), c.queue).toUInt(),
                       Limits::LastQueueNumber);
    c.storeLimit = std::max<qint64>(
        settings.value(QStringLiteral("storeLimit"), c.storeLimit).toLongLong(), 1000);
    c.reverseLookup = settings.value(QStringLiteral("reverseLookup"), c.reverseLookup).toBool();
    c.inspectPackets =
        std::min<uint>(settings.value(QStringLiteral("inspectPackets"), c.inspectPackets).toUInt(),
                       Limits::MaxInspectPackets);
    settings.endGroup();
    return c;
}

void CaptureSettings::save() const
{
    QSettings settings;
    save(settings);
}

void CaptureSettings::save(QSettings &settings) const
{
    settings.beginGroup(Group);
    settings.setValue(QStringLiteral("interfaces"), interfaces);
    settings.setValue(QStringLiteral("automaticRules"), automaticRules);
    settings.setValue(QStringLiteral("dumpAllPath"), dumpAllPath);
    settings.setValue(QStringLiteral("dumpAcceptedPath"), dumpAcceptedPath);
    settings.setValue(QStringLiteral("snapLength"), snapLength);
    settings.setValue(QStringLiteral("queue"), queue);
    settings.setValue(QStringLiteral("storeLimit"), storeLimit);
    settings.setValue(QStringLiteral("reverseLookup"), reverseLookup);
    settings.setValue(QStringLiteral("inspectPackets"), inspectPackets);
    settings.endGroup();
}

QVariantMap CaptureSettings::toOptions() const
{
    QVariantMap options{{Contract::Option::Interfaces, interfaces},
                        {Contract::Option::AutomaticRules, automaticRules},
                        {Contract::Option::SnapLength, snapLength},
                        {Contract::Option::Queue, queue}};
    if (inspectPackets > 0)
        options.insert(Contract::Option::InspectPackets, inspectPackets);
    return options;
}

} // namespace nfqmon
