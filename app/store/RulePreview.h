// What one candidate rule would catch among the window's packets, asked of the helper's own
// matcher: a RuleSet of that rule alone, given for each stored packet what the helper gives it
// for a packet record (bytes, hook, interfaces in and out, summary). So "incoming on eth0"
// previews only packets that came in on eth0, exactly the ones the helper would catch.
//
// Packets read from a file have no hook and no interfaces: a rule restricted to a direction or
// an interface catches none of them (nobody can tell), one without catches by its expression.
#pragma once

#include "app/store/StoredPacket.h"
#include "helper/protocol/Rule.h"
#include "helper/protocol/RuleSet.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace nfqmon {

class RulePreview
{
public:
    // nullopt and libpcap's message when the expression does not compile. The rule is
    // previewed as if enabled: the preview shows what it catches once it is on.
    static std::optional<RulePreview> compile(const Rule &rule, QString *error);

    // bytes: the packet's captured bytes; the names: of its input and output interface
    // (empty for none), as the store keeps them.
    // process: the packet's program as the store knows it (nullptr: not known), for rules
    // limited to a program, user or unit. hostName: the name the store keeps for the packet's
    // remote end (PacketStore::hostName(), empty: none), for rules limited to a host; a rule
    // naming a host catches no packet without one, as in the helper.
    bool matches(const StoredPacket &packet, const QByteArray &bytes, const QString &inInterface,
                 const QString &outInterface, const ProcessInfo *process,
                 const QString &hostName) const;

    const Rule &rule() const { return m_set->rules().front(); }

private:
    explicit RulePreview(std::shared_ptr<const RuleSet> set) : m_set(std::move(set)) {}

    std::shared_ptr<const RuleSet> m_set; // one rule
};

} // namespace nfqmon
