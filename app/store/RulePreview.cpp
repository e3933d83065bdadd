#include "app/store/RulePreview.h"

namespace nfqmon {

std::optional<RulePreview> RulePreview::compile(const Rule &rule, QString *error)
{
    Rule candidate = rule;
    candidate.enabled = true;
    std::shared_ptr<const RuleSet> set = RuleSet::compile({candidate}, nullptr);
    if (!set) {
        // libpcap's own message: RuleSet's names the rule, which the user is looking at.
        CompiledFilter::compile(candidate.expression, error);
        return std::nullopt;
    }
    return RulePreview(std::move(set));
}

bool RulePreview::matches(const StoredPacket &packet, const QByteArray &bytes,
                          const QString &inInterface, const QString &outInterface,
                          const ProcessInfo *process, const QString &hostName) const
{
    if (bytes.size() != qsizetype(packet.capturedLength))
        return false; // the bytes were lost
    if ((packet.flags & StoredFlag::NoVerdict) &&
        (rule().direction != RuleDirection::Any || !rule().interface.isEmpty()))
        return false;
    const QByteArray in = inInterface.toUtf8();
    const QByteArray out = outInterface.toUtf8();
    // The helper hands its matcher names in lower case: so does the preview.
    const QByteArray host = hostName.toLower().toLatin1();
    const std::string_view name(host.constData(), size_t(host.size()));
    const std::span<const std::string_view> names =
        host.isEmpty() ? std::span<const std::string_view>() : std::span(&name, 1);
    const PacketContext context{packet.hook,
                                std::string_view(in.constData(), size_t(in.size())),
                                std::string_view(out.constData(), size_t(out.size())),
                                &packet.summary,
                                process,
                                names};
    return m_set->match(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                        packet.capturedLength, packet.packetLength, context) >= 0;
}

} // namespace nfqmon
