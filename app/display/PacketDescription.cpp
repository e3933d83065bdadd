#include "app/display/PacketDescription.h"

#include "app/display/FieldFormat.h"
#include "app/display/HeaderNames.h"
#include "app/display/NetworkFields.h"
#include "app/display/ProblemText.h"
#include "app/display/TransportFields.h"
#include "helper/protocol/PacketDecoder.h"

namespace nfqmon {

PacketDescription PacketDescription::of(std::span<const std::uint8_t> packet,
                                        NetworkProtocol delivered)
{
    const PacketWalk walk = PacketDecoder::walk(packet, delivered);
    PacketDescription description;
    description.summary = walk.summary;
    description.problem = ProblemText::of(walk.issue, walk.summary.network);
    description.layers.reserve(walk.headers.size());
    for (const HeaderSpan &header : walk.headers) {
        const auto bytes = packet.subspan(header.offset, header.length);
        HeaderLayer layer;
        layer.name = HeaderNames::layer(header.kind);
        layer.offset = static_cast<int>(header.offset);
        layer.length = static_cast<int>(header.length);
        switch (header.kind) {
        case HeaderKind::IPv4:
        case HeaderKind::IPv6:
        case HeaderKind::HopByHop:
        case HeaderKind::Routing:
        case HeaderKind::Fragment:
        case HeaderKind::DestinationOptions:
        case HeaderKind::Authentication:
        case HeaderKind::Esp:
            layer.fields = NetworkFields::of(header.kind, bytes);
            break;
        case HeaderKind::Tcp:
        case HeaderKind::Udp:
        case HeaderKind::UdpLite:
        case HeaderKind::Sctp:
        case HeaderKind::Dccp:
        case HeaderKind::Icmp:
        case HeaderKind::Icmpv6:
            layer.fields = TransportFields::of(header.kind, bytes);
            break;
        case HeaderKind::Data:
        case HeaderKind::Trailer:
            layer.fields.append({tr("Length"), FieldFormat::bytes(bytes.size())});
            break;
        }
        description.layers.append(std::move(layer));
    }
    return description;
}

} // namespace nfqmon
