#include "helper/protocol/ProcessCodec.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace nfqmon {

namespace {

struct Head {
    std::uint32_t id, pid, thread, namespacePid, uid, gid;
    std::uint64_t startNs, cgroupId;
    std::uint16_t commandLength, executableLength, argumentsLength, cgroupLength;
};
static_assert(std::is_trivially_copyable_v<Head> && sizeof(Head) == 48);

} // namespace

std::vector<std::uint8_t> ProcessCodec::encode(const ProcessInfo &info)
{
    Head head{info.id,
              info.pid,
              info.thread,
              info.namespacePid,
              info.uid,
              info.gid,
              info.startNs,
              info.cgroupId,
              0,
              0,
              0,
              0};
    const std::string_view command(info.command.data(), std::min(info.command.size(), MaxCommand));
    const std::string_view executable(info.executable.data(),
                                      std::min(info.executable.size(), MaxExecutable));
    const std::string_view arguments(info.arguments.data(),
                                     std::min(info.arguments.size(), MaxArguments));
    const std::string_view cgroup(info.cgroup.data(), std::min(info.cgroup.size(), MaxCgroup));
    head.commandLength = std::uint16_t(command.size());
    head.executableLength = std::uint16_t(executable.size());
    head.argumentsLength = std::uint16_t(arguments.size());
    head.cgroupLength = std::uint16_t(cgroup.size());
    std::vector<std::uint8_t> bytes(sizeof head);
    std::memcpy(bytes.data(), &head, sizeof head);
    for (std::string_view text : {command, executable, arguments, cgroup})
        bytes.insert(bytes.end(), text.begin(), text.end());
    return bytes;
}

std::optional<ProcessInfo> ProcessCodec::decode(std::span<const std::uint8_t> bytes)
{
    Head head;
    if (bytes.size() < sizeof head)
        return std::nullopt;
    std::memcpy(&head, bytes.data(), sizeof head);
    if (head.commandLength > MaxCommand || head.executableLength > MaxExecutable ||
        head.argumentsLength > MaxArguments || head.cgroupLength > MaxCgroup ||
        bytes.size() != sizeof head + head.commandLength + head.executableLength +
                            head.argumentsLength + head.cgroupLength ||
        head.id == 0)
        return std::nullopt;
    ProcessInfo info;
    info.id = head.id;
    info.pid = head.pid;
    info.thread = head.thread;
    info.namespacePid = head.namespacePid;
    info.uid = head.uid;
    info.gid = head.gid;
    info.startNs = head.startNs;
    info.cgroupId = head.cgroupId;
    const char *text = reinterpret_cast<const char *>(bytes.data()) + sizeof head;
    info.command.assign(text, head.commandLength);
    text += head.commandLength;
    info.executable.assign(text, head.executableLength);
    text += head.executableLength;
    info.arguments.assign(text, head.argumentsLength);
    text += head.argumentsLength;
    info.cgroup.assign(text, head.cgroupLength);
    return info;
}

} // namespace nfqmon
