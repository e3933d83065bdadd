#include "helper/service/MethodPolicy.h"

#include "helper/protocol/HelperContract.h"

#include <QMetaMethod>
#include <QMetaObject>

namespace nfqmon::MethodPolicy {

namespace {

struct Entry {
    const char *method;
    Action action;
};

// One method a line, as the policy file lists them.
// clang-format off
constexpr Entry Table[] = {
    {"StartCapture", Action::Capture},
    {"StopCapture", Action::Capture},
    {"OpenStream", Action::Capture},
    {"GetStatus", Action::None},
    {"ListRules", Action::None},
    {"GetChains", Action::Read},
    {"AddRule", Action::Rules},
    {"ChangeRule", Action::Rules},
    {"SetRuleEnabled", Action::Rules},
    {"MoveRule", Action::Rules},
    {"RemoveRule", Action::Rules},
    {"ListInterfaces", Action::None},
    {"ListConnections", Action::Capture},
    {"SetMetricsFile", Action::Configure},
};
// clang-format on

} // namespace

std::optional<Action> actionFor(const QString &method)
{
    for (const Entry &entry : Table)
        if (method == QLatin1String(entry.method))
            return entry.action;
    return std::nullopt;
}

QString polkitActionId(Action action)
{
    switch (action) {
    case Action::Read:
        return Contract::PolkitAction::Read;
    case Action::Capture:
        return Contract::PolkitAction::Capture;
    case Action::Rules:
        return Contract::PolkitAction::Rules;
    case Action::Configure:
        return Contract::PolkitAction::Configure;
    case Action::None:
        break;
    }
    return {};
}

QString polkitGroup(Action action)
{
    switch (action) {
    case Action::Read:
    case Action::Capture:
        return Contract::PolkitGroup::Capture;
    case Action::Rules:
        return Contract::PolkitGroup::Rules;
    case Action::Configure: // an administrator's choice, never a group's
    case Action::None:
        break;
    }
    return {};
}

QStringList uncovered(const QMetaObject &object)
{
    QStringList missing;
    for (int i = object.methodOffset(); i < object.methodCount(); ++i) {
        const QMetaMethod method = object.method(i);
        const bool exported = method.methodType() == QMetaMethod::Slot &&
                              (method.attributes() & QMetaMethod::Scriptable);
        const QString name = QString::fromLatin1(method.name());
        if (exported && !actionFor(name))
            missing.append(name);
    }
    return missing;
}

} // namespace nfqmon::MethodPolicy
