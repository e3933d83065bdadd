// An ordered, compiled list of rules: first match wins, default accept. Immutable once built, so
// the packet path can share it across queue threads without locks; a change builds a new set.
// The rules are filed by what they certainly require (RuleIndex), so that a packet is tried
// only against the few that can match it; libpcap's compiled filter decides every match.
#pragma once

#include "helper/protocol/CompiledFilter.h"
#include "helper/protocol/PacketRecord.h"
#include "helper/protocol/ProcessInfo.h"
#include "helper/protocol/Rule.h"
#include "helper/protocol/RuleIndex.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nfqmon {

struct PacketContext {
    Hook hook = Hook::PreRouting;
    std::string_view inInterface; // empty when the packet has none
    std::string_view outInterface;
    // The packet's decoded summary: with it, only the rules its addresses, ports and protocol
    // can match are tried (RuleIndex); without it, every rule.
    const PacketSummary *summary = nullptr;
    // The program behind the packet, when it is known; a rule that names a program or a user
    // matches only packets whose program is known and is that one.
    const ProcessInfo *process = nullptr;
    // The host names learned for the packet (its flow's server name, its remote address's
    // names), lower case, without a trailing dot; a rule that names a host matches only a packet
    // with one of them.
    std::span<const std::string_view> hostNames = {};
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

    // The same answer as match(), trying every rule in order (the reference for tests).
    int matchLinear(const std::uint8_t *packet, std::uint32_t caplen, std::uint32_t wirelen,
                    const PacketContext &context) const;

    const std::vector<Rule> &rules() const { return m_rules; }
    const RuleIndex &index() const { return m_index; }
    std::size_t size() const { return m_rules.size(); }
    // Whether an enabled rule names a program or a user: only then does match() need
    // PacketContext::process.
    bool needsProcess() const { return m_needsProcess; }
    // Whether an enabled rule names a host: only then does match() need PacketContext::hostNames.
    bool needsHostNames() const { return m_needsHostNames; }

private:
    bool matches(std::size_t i, const std::uint8_t *packet, std::uint32_t caplen,
                 std::uint32_t wirelen, const PacketContext &context,
                 std::string_view hookInterface) const;

    std::vector<Rule> m_rules;
    RuleIndex m_index;
    std::vector<std::optional<CompiledFilter>> m_filters; // nullopt for a disabled rule
    std::vector<std::string> m_interfaces; // each rule's interface as bytes, for match()
    std::vector<std::string> m_programs;   // each rule's program as bytes, for match()
    std::vector<std::string> m_units;      // each rule's unit glob as bytes, for match()
    // Each rule's host as lower-case bytes, without "*." for a domain (m_hostDomains says so).
    std::vector<std::string> m_hosts;
    std::vector<bool> m_hostDomains;
    bool m_needsProcess = false;
    bool m_needsHostNames = false;
};

} // namespace nfqmon
