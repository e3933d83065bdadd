// An ordered, compiled list of rules: first match wins, default accept. Immutable once built, so
// the packet path can share it across queue threads without locks; a change builds a new set.
#pragma once

#include "CompiledFilter.h"
#include "PacketRecord.h"
#include "Rule.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nfqmon {

struct PacketContext {
    Hook hook = Hook::PreRouting;
    std::string_view inInterface; // empty when the packet has none
    std::string_view outInterface;
};

class RuleSet
{
public:
    // Disabled rules are kept (for their ids) but never match. nullptr and an error naming the
    // rule ("rule 3 (udp and prt 53): syntax error") when one does not compile.
    static std::shared_ptr<const RuleSet> compile(const std::vector<Rule> &rules, QString *error);

    // Index into rules() of the first rule that matches, or -1 (the default: accept).
    int match(const std::uint8_t *packet, std::uint32_t caplen, std::uint32_t wirelen,
              const PacketContext &context) const;

    const std::vector<Rule> &rules() const { return m_rules; }
    std::size_t size() const { return m_rules.size(); }

private:
    std::vector<Rule> m_rules;
    std::vector<std::optional<CompiledFilter>> m_filters; // nullopt for a disabled rule
    std::vector<std::string> m_interfaces; // each rule's interface as bytes, for match()
};

} // namespace nfqmon
