// Which polkit action each exported method needs. HelperService looks the running call up here
// before it does anything, and refuses to start when an exported method is missing from the
// table, so a method without a check cannot be added by accident.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

struct QMetaObject;

namespace nfqmon {

enum class Action {
    None,    // status, nfqmon's rules, interfaces: allowed without a password, bounded work
    Read,    // org.nfqmon.read: read the firewall (the raw table's jumps to nfqmon's chains)
    Capture, // org.nfqmon.capture: start/stop, watch packets, write dumps
    Rules,   // org.nfqmon.rules: change drop rules
    // org.nfqmon.configure: the helper's own settings (the metrics file root writes)
    Configure,
};

namespace MethodPolicy {

// nullopt for a method the table does not know: such a call is refused.
std::optional<Action> actionFor(const QString &method);
QString polkitActionId(Action action); // Contract::PolkitAction; empty for None
// Contract::PolkitGroup whose members may do `action` without a prompt; empty if none may.
QString polkitGroup(Action action);
// Exported (scriptable) methods of `object` that have no entry; empty when all are covered.
QStringList uncovered(const QMetaObject &object);

} // namespace MethodPolicy
} // namespace nfqmon
