#include "RuleSet.h"

namespace nfqmon {

std::shared_ptr<const RuleSet> RuleSet::compile(const std::vector<Rule> &rules, QString *error)
{
    auto set = std::make_shared<RuleSet>();
    set->m_rules = rules;
    set->m_filters.reserve(rules.size());
    set->m_interfaces.reserve(rules.size());
    for (const Rule &rule : rules) {
        // Disabled rules are compiled too: a rule the user may switch on later must be valid now,
        // not fail when the set is rebuilt.
        QString message;
        std::optional<CompiledFilter> filter = CompiledFilter::compile(rule.expression, &message);
        if (!filter) {
            if (error)
                *error =
                    QStringLiteral("rule %1 (%2): %3").arg(rule.id).arg(rule.expression, message);
            return nullptr;
        }
        if (!rule.enabled)
            filter.reset();
        set->m_filters.push_back(std::move(filter));
        set->m_interfaces.push_back(rule.interface.toStdString());
    }
    return set;
}

int RuleSet::match(const std::uint8_t *packet, std::uint32_t caplen, std::uint32_t wirelen,
                   const PacketContext &context) const
{
    // Without a direction, the interface that counts is the one the packet crosses at its hook.
    const std::string_view hookInterface =
        context.hook == Hook::Output ? context.outInterface : context.inInterface;

    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        const std::optional<CompiledFilter> &filter = m_filters[i];
        if (!filter)
            continue;
        switch (m_rules[i].direction) {
        case RuleDirection::In:
            if (context.hook != Hook::PreRouting)
                continue;
            break;
        case RuleDirection::Out:
            if (context.hook != Hook::Output)
                continue;
            break;
        case RuleDirection::Any:
            break;
        }
        const std::string &interface = m_interfaces[i];
        if (!interface.empty() && interface != hookInterface)
            continue;
        if (!filter->matches(packet, caplen, wirelen))
            continue;
        return static_cast<int>(i);
    }
    return -1;
}

} // namespace nfqmon
