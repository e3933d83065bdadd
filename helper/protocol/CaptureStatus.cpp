#include "helper/protocol/CaptureStatus.h"

#include "helper/protocol/HelperContract.h"

namespace nfqmon {

namespace Key = Contract::Status;

namespace {

// The value of `key` when it converts to T; nullopt when it is missing or does not convert.
template <typename T> std::optional<T> valueOf(const QVariantMap &map, const QString &key)
{
    const auto it = map.constFind(key);
    if (it == map.cend() || !it->isValid())
        return std::nullopt;
    QVariant copy = *it;
    if (!copy.convert(QMetaType::fromType<T>()))
        return std::nullopt;
    return copy.value<T>();
}

template <typename T> T read(const QVariantMap &map, const QString &key)
{
    return valueOf<T>(map, key).value_or(T{});
}

void insertDump(QVariantMap *map, const std::optional<CaptureStatus::Dump> &dump,
                const QString &packetsKey, const QString &errorKey)
{
    if (!dump)
        return;
    map->insert(packetsKey, qulonglong(dump->packets));
    map->insert(errorKey, dump->error);
}

std::optional<CaptureStatus::Dump> readDump(const QVariantMap &map, const QString &packetsKey,
                                            const QString &errorKey)
{
    if (!map.contains(packetsKey) && !map.contains(errorKey))
        return std::nullopt;
    return CaptureStatus::Dump{read<qulonglong>(map, packetsKey), read<QString>(map, errorKey)};
}

} // namespace

CaptureStatus CaptureStatus::idle(const QString &message)
{
    CaptureStatus status;
    status.message = message;
    return status;
}

QVariantMap CaptureStatus::toVariantMap() const
{
    QVariantMap map{{Key::State, running ? Key::Running : Key::Idle},
                    {Key::Message, message},
                    {Key::Streams, streams}};
    if (!running)
        return map;
    map.insert({{Key::Interfaces, interfaces},
                {Key::AutomaticRules, automaticRules},
                {Key::Queue, queue},
                {Key::Queues, queues},
                {Key::SnapLength, snapLength},
                {Key::Received, qulonglong(received)},
                {Key::Accepted, qulonglong(accepted)},
                {Key::Dropped, qulonglong(dropped)},
                {Key::Lost, qulonglong(lost)},
                {Key::KernelDropped, qulonglong(kernelDropped)},
                {Key::FailOpen, failOpen},
                {Key::Families, families},
                {Key::Notice, notice},
                {Key::StartedBy, startedBy},
                {Key::StartedByUid, startedByUid},
                {Key::KeepRunning, keepRunning}});
    if (passedUnseen)
        map.insert(Key::PassedUnseen, qulonglong(*passedUnseen));
    if (attributionLost)
        map.insert(Key::AttributionLost, qulonglong(*attributionLost));
    if (decided)
        map.insert({{Key::InspectPackets, decided->inspectPackets},
                    {Key::DecidedPassed, qulonglong(decided->passed)},
                    {Key::DecidedPassedBytes, qulonglong(decided->passedBytes)},
                    {Key::DecidedDropped, qulonglong(decided->dropped)},
                    {Key::DecidedDroppedBytes, qulonglong(decided->droppedBytes)}});
    insertDump(&map, dumpInput, Key::DumpInputPackets, Key::DumpInputError);
    insertDump(&map, dumpOutput, Key::DumpOutputPackets, Key::DumpOutputError);
    return map;
}

CaptureStatus CaptureStatus::fromVariantMap(const QVariantMap &map)
{
    CaptureStatus s;
    s.running = read<QString>(map, Key::State) == Key::Running;
    s.message = read<QString>(map, Key::Message);
    s.streams = read<uint>(map, Key::Streams);
    if (!s.running)
        return s;
    s.interfaces = read<QStringList>(map, Key::Interfaces);
    s.automaticRules = read<bool>(map, Key::AutomaticRules);
    s.queue = read<uint>(map, Key::Queue);
    s.queues = read<uint>(map, Key::Queues);
    s.snapLength = read<uint>(map, Key::SnapLength);
    s.received = read<qulonglong>(map, Key::Received);
    s.accepted = read<qulonglong>(map, Key::Accepted);
    s.dropped = read<qulonglong>(map, Key::Dropped);
    s.lost = read<qulonglong>(map, Key::Lost);
    s.kernelDropped = read<qulonglong>(map, Key::KernelDropped);
    s.failOpen = read<bool>(map, Key::FailOpen);
    s.families = read<QStringList>(map, Key::Families);
    s.notice = read<QString>(map, Key::Notice);
    s.startedBy = read<QString>(map, Key::StartedBy);
    s.startedByUid = read<uint>(map, Key::StartedByUid);
    s.keepRunning = read<bool>(map, Key::KeepRunning);
    s.passedUnseen = valueOf<qulonglong>(map, Key::PassedUnseen);
    s.attributionLost = valueOf<qulonglong>(map, Key::AttributionLost);
    if (const auto depth = valueOf<uint>(map, Key::InspectPackets); depth && *depth > 0)
        s.decided = Decided{*depth, read<qulonglong>(map, Key::DecidedPassed),
                            read<qulonglong>(map, Key::DecidedPassedBytes),
                            read<qulonglong>(map, Key::DecidedDropped),
                            read<qulonglong>(map, Key::DecidedDroppedBytes)};
    s.dumpInput = readDump(map, Key::DumpInputPackets, Key::DumpInputError);
    s.dumpOutput = readDump(map, Key::DumpOutputPackets, Key::DumpOutputError);
    return s;
}

} // namespace nfqmon
