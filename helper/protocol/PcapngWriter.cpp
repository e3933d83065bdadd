#include "helper/protocol/PcapngWriter.h"

#include <algorithm>
#include <cstring>

namespace nfqmon {

namespace {

// Option codes (pcapng, draft-ietf-opsawg-pcapng).
constexpr std::uint16_t OptEndOfOptions = 0;
constexpr std::uint16_t OptComment = 1;
constexpr std::uint16_t ShbUserApplication = 4;
constexpr std::uint16_t IfName = 2;
constexpr std::uint16_t IfDescription = 3;
constexpr std::uint16_t IfTsResolution = 9;
constexpr std::uint16_t EpbFlags = 2;
// Name resolution record types.
constexpr std::uint16_t NrbRecordEnd = 0;
constexpr std::uint16_t NrbRecordIpv4 = 1;
constexpr std::uint16_t NrbRecordIpv6 = 2;

constexpr std::size_t padding(std::size_t length)
{
    return (4 - length % 4) % 4;
}

template <typename T> void append(std::string &out, T value)
{
    out.append(reinterpret_cast<const char *>(&value), sizeof value);
}

void appendPadded(std::string &out, std::string_view bytes)
{
    out.append(bytes);
    out.append(padding(bytes.size()), '\0');
}

void appendOption(std::string &out, std::uint16_t code, std::string_view value)
{
    append(out, code);
    append(out, std::uint16_t(value.size()));
    appendPadded(out, value);
}

std::span<const std::uint8_t> bytesOf(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

} // namespace

PcapngWriter::~PcapngWriter()
{
    close();
}

bool PcapngWriter::writeBlock(std::uint32_t type, std::span<const std::uint8_t> body)
{
    // Every body here is a multiple of 4 bytes already (options are padded).
    const auto total = std::uint32_t(12 + body.size());
    const std::uint32_t head[2] = {type, total};
    return writeRecord({{reinterpret_cast<const std::uint8_t *>(head), sizeof head},
                        body,
                        {reinterpret_cast<const std::uint8_t *>(&total), sizeof total}},
                       false);
}

void PcapngWriter::setInterfaces(std::vector<std::string> names)
{
    m_interfaces.clear();
    for (std::string &name : names) {
        if (!name.empty() &&
            std::find(m_interfaces.begin(), m_interfaces.end(), name) == m_interfaces.end())
            m_interfaces.push_back(std::move(name));
    }
}

bool PcapngWriter::writeHeader()
{
    m_pendingNames.clear();
    std::string &body = m_scratch;
    body.clear();
    append(body, ByteOrderMagic);
    append(body, std::uint16_t(1)); // version 1.0
    append(body, std::uint16_t(0));
    append(body, std::int64_t(-1)); // section length: not known
    appendOption(body, ShbUserApplication, "nfqmon");
    appendOption(body, OptEndOfOptions, {});
    return writeBlock(SectionHeaderType, bytesOf(body)) && writeInterface();
}

bool PcapngWriter::writeInterface()
{
    std::string &body = m_scratch;
    body.clear();
    append(body, std::uint16_t(LinkTypeRaw));
    append(body, std::uint16_t(0)); // reserved
    append(body, snapLength());
    if (m_interfaces.size() == 1)
        appendOption(body, IfName, m_interfaces.front());
    else if (m_interfaces.size() > 1)
        appendOption(body, IfDescription, SeveralInterfaces);
    appendOption(body, IfTsResolution, std::string_view("\x09", 1)); // 10^-9 s
    appendOption(body, OptEndOfOptions, {});
    return writeBlock(InterfaceDescriptionType, bytesOf(body));
}

void PcapngWriter::addName(std::span<const std::uint8_t> address, std::string_view name)
{
    if ((address.size() != 4 && address.size() != 16) || name.empty() || name.size() > 1024 ||
        name.find('\0') != std::string_view::npos)
        return;
    const std::size_t length = address.size() + name.size() + 1;
    append(m_pendingNames, address.size() == 4 ? NrbRecordIpv4 : NrbRecordIpv6);
    append(m_pendingNames, std::uint16_t(length));
    m_pendingNames.append(reinterpret_cast<const char *>(address.data()), address.size());
    m_pendingNames.append(name);
    m_pendingNames.append(1 + padding(length), '\0'); // the name's NUL, then the padding
    if (m_pendingNames.size() >= NameBlockBytes)
        writeNames();
}

void PcapngWriter::writeNames()
{
    if (m_pendingNames.empty() || !isOpen() || failed())
        return;
    append(m_pendingNames, NrbRecordEnd);
    append(m_pendingNames, std::uint16_t(0));
    writeBlock(NameResolutionType, bytesOf(m_pendingNames));
    m_pendingNames.clear();
}

void PcapngWriter::writeHeldBack()
{
    writeNames();
}

bool PcapngWriter::write(const PacketFileRecord &packet)
{
    if (!isOpen() || failed())
        return false;
    writeNames();
    std::string_view comment = packet.comment;
    if (!packet.interfaceName.empty() &&
        (m_interfaces.size() != 1 || packet.interfaceName != m_interfaces.front())) {
        // Not the interface the file names: the comment does.
        m_comment.assign(comment);
        m_comment.append(comment.empty() ? "on " : ", on ");
        m_comment.append(packet.interfaceName);
        comment = m_comment;
    }
    const std::uint32_t kept = keptLength(packet);
    const auto time = std::uint64_t(std::max<std::int64_t>(packet.timestampNs, 0));
    std::string &body = m_scratch;
    body.clear();
    append(body, std::uint32_t(0)); // the interface
    append(body, std::uint32_t(time >> 32));
    append(body, std::uint32_t(time));
    append(body, kept);
    append(body, std::max(packet.wireLength, packet.capturedLength));
    const std::size_t fixed = body.size();
    if (!comment.empty())
        appendOption(body, OptComment, comment.substr(0, 0xffff));
    if (packet.direction != PacketDirection::Unknown) {
        const auto flags = std::uint32_t(packet.direction); // bits 0-1: 1 inbound, 2 outbound
        appendOption(body, EpbFlags, {reinterpret_cast<const char *>(&flags), sizeof flags});
    }
    if (body.size() > fixed)
        appendOption(body, OptEndOfOptions, {});
    // The fixed part, the packet's bytes and padding, then the options.
    static constexpr std::uint8_t Zeros[4] = {};
    const std::size_t dataPadding = padding(kept);
    const auto total = std::uint32_t(12 + body.size() + kept + dataPadding);
    const std::uint32_t head[2] = {EnhancedPacketType, total};
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(body.data());
    return writeRecord({{reinterpret_cast<const std::uint8_t *>(head), sizeof head},
                        {bytes, fixed},
                        {packet.data, kept},
                        {Zeros, dataPadding},
                        {bytes + fixed, body.size() - fixed},
                        {reinterpret_cast<const std::uint8_t *>(&total), sizeof total}},
                       true);
}

} // namespace nfqmon
