#include "helper/protocol/RuleSet.h"

#include "helper/protocol/CgroupPlace.h"

#include <fnmatch.h>

#include <cstring>

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
        // Disabled rules never match: none of their packets need to find them.
        if (filter)
            set->m_index.add(std::uint32_t(set->m_filters.size()), RuleAnchor::of(rule.expression));
        set->m_filters.push_back(std::move(filter));
        set->m_interfaces.push_back(rule.interface.toStdString());
        set->m_programs.push_back(rule.program.toStdString());
        set->m_units.push_back(rule.unit.toStdString());
        const QString host = Rule::normalHost(rule.host);
        const bool domain = host.startsWith(QLatin1String("*."));
        set->m_hosts.push_back((domain ? host.mid(2) : host).toStdString());
        set->m_hostDomains.push_back(domain);
        set->m_needsProcess = set->m_needsProcess || (rule.enabled && rule.needsProcess());
        set->m_needsHostNames = set->m_needsHostNames || (rule.enabled && rule.needsHostNames());
    }
    return set;
}

namespace {

// fnmatch needs NUL-ended text: the unit is copied to the stack, the packet path allocates
// nothing. A unit name is at most 255 bytes (systemd's UNIT_NAME_MAX).
bool unitMatches(const std::string &glob, const std::string &cgroup)
{
    const std::string_view unit = CgroupPlace::unitOf(cgroup);
    char name[256];
    if (unit.empty() || unit.size() >= sizeof name)
        return false;
    std::memcpy(name, unit.data(), unit.size());
    name[unit.size()] = '\0';
    return fnmatch(glob.c_str(), name, 0) == 0;
}

// One of the packet's names is `host`, or, for a domain, is it or ends in "." and it.
bool hostMatches(std::string_view host, bool domain, std::span<const std::string_view> names)
{
    for (const std::string_view name : names) {
        if (name == host)
            return true;
        if (domain && name.size() > host.size() && name.ends_with(host) &&
            name[name.size() - host.size() - 1] == '.')
            return true;
    }
    return false;
}

} // namespace

bool RuleSet::matches(std::size_t i, const std::uint8_t *packet, std::uint32_t caplen,
                      std::uint32_t wirelen, const PacketContext &context,
                      std::string_view hookInterface) const
{
    const std::optional<CompiledFilter> &filter = m_filters[i];
    if (!filter)
        return false;
    switch (m_rules[i].direction) {
    case RuleDirection::In:
        if (context.hook != Hook::PreRouting)
            return false;
        break;
    case RuleDirection::Out:
        if (context.hook != Hook::Output)
            return false;
        break;
    case RuleDirection::Any:
        break;
    }
    const std::string &interface = m_interfaces[i];
    if (!interface.empty() && interface != hookInterface)
        return false;
    const Rule &rule = m_rules[i];
    if (rule.needsProcess()) {
        if (!context.process)
            return false;
        if (!m_programs[i].empty() && m_programs[i] != context.process->executable)
            return false;
        if (rule.user && *rule.user != context.process->uid)
            return false;
        if (!m_units[i].empty() && !unitMatches(m_units[i], context.process->cgroup))
            return false;
    }
    if (rule.needsHostNames() && !hostMatches(m_hosts[i], m_hostDomains[i], context.hostNames))
        return false;
    return filter->matches(packet, caplen, wirelen);
}

int RuleSet::match(const std::uint8_t *packet, std::uint32_t caplen, std::uint32_t wirelen,
                   const PacketContext &context) const
{
    // Per queue thread, so that a packet allocates nothing once the thread has warmed up.
    thread_local std::vector<std::uint32_t> candidates;
    if (!context.summary || !m_index.candidates(*context.summary, &candidates))
        return matchLinear(packet, caplen, wirelen, context);
    const std::string_view hookInterface =
        context.hook == Hook::Output ? context.outInterface : context.inInterface;
    // The anchored candidates and the rules without an anchor, merged in first-match order.
    const std::vector<std::uint32_t> &always = m_index.unanchoredPositions();
    std::size_t a = 0;
    std::size_t c = 0;
    while (a < always.size() || c < candidates.size()) {
        const std::uint32_t i =
            c == candidates.size() || (a < always.size() && always[a] < candidates[c])
                ? always[a++]
                : candidates[c++];
        if (matches(i, packet, caplen, wirelen, context, hookInterface))
            return static_cast<int>(i);
    }
    return -1;
}

int RuleSet::matchLinear(const std::uint8_t *packet, std::uint32_t caplen, std::uint32_t wirelen,
                         const PacketContext &context) const
{
    // Without a direction, the interface that counts is the one the packet crosses at its hook.
    const std::string_view hookInterface =
        context.hook == Hook::Output ? context.outInterface : context.inInterface;
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        if (matches(i, packet, caplen, wirelen, context, hookInterface))
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace nfqmon
