// Writes pcapng files (the format Wireshark saves by default): a Section Header Block; one
// Interface Description Block (link type RAW 101, if_tsresol 9 for nanoseconds); an Enhanced
// Packet Block per packet, with its direction (epb_flags) and a comment (opt_comment); and Name
// Resolution Blocks with the names addName() gave, written before the next packet, so that a
// name is in the file before the first packet that uses it. Wireshark shows them as the
// resolved names.
//
// One interface, not one per interface: libpcap up to at least 1.10.4 (Debian 12 has 1.10.3)
// fails on every Interface Description Block after the first when the link type is RAW (it
// compares the first one's DLT, 12, with the next one's LINKTYPE, 101: "an interface has a type
// 101 different from the type of the first interface"), and tcpdump with it. So the one
// interface is named (if_name) when setInterfaces() gave exactly one, and a packet on any other
// interface names its own at the end of its comment: "accepted, on eth1".
#pragma once

#include "helper/protocol/PacketFileWriter.h"

#include <string>
#include <vector>

namespace nfqmon {

class PcapngWriter : public PacketFileWriter
{
public:
    static constexpr std::uint32_t SectionHeaderType = 0x0a0d0d0a;
    static constexpr std::uint32_t InterfaceDescriptionType = 0x00000001;
    static constexpr std::uint32_t NameResolutionType = 0x00000004;
    static constexpr std::uint32_t EnhancedPacketType = 0x00000006;
    static constexpr std::uint32_t ByteOrderMagic = 0x1a2b3c4d;
    static constexpr int LinkTypeRaw = 101;
    // The interface's if_description when packets come from several: Wireshark shows it as the
    // interface's name.
    static constexpr std::string_view SeveralInterfaces =
        "several interfaces (each packet's comment names its own)";
    // Names held back are written in one block once they reach this size.
    static constexpr std::size_t NameBlockBytes = 32 * 1024;

    PcapngWriter() = default;
    ~PcapngWriter() override; // flushes and closes

    Format format() const override { return Format::Pcapng; }
    using PacketFileWriter::write;
    bool write(const PacketFileRecord &packet) override;
    void setInterfaces(std::vector<std::string> names) override;
    bool keepsNames() const override { return true; }
    void addName(std::span<const std::uint8_t> address, std::string_view name) override;

protected:
    bool writeHeader() override;
    void writeHeldBack() override;

private:
    bool writeInterface();
    // A block without packet data: the header, its body and the trailing length.
    bool writeBlock(std::uint32_t type, std::span<const std::uint8_t> body);
    void writeNames();

    std::vector<std::string> m_interfaces; // as setInterfaces() gave them, without repeats
    std::string m_comment;                 // a packet's comment with the name of its interface
    std::string m_pendingNames;            // nrb records not written yet
    std::string m_scratch;                 // a block's fixed part and options, reused
};

} // namespace nfqmon
