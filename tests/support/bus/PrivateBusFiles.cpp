#include "tests/support/bus/PrivateBusFiles.h"

#include "tests/support/bus/BusDataFile.h"
#include "tests/support/bus/PrivateBusDirectory.h"
#include "tests/support/bus/PrivateSystemBus.h"
#include "tests/support/bus/TestUsers.h"

#include <QDir>
#include <QFile>

#include <optional>

namespace nfqmon::test {

namespace {

const QString MachinePolicyDirectory = QStringLiteral("/usr/share/dbus-1/system.d");
const QString MachinePolkitActions = QStringLiteral("/usr/share/polkit-1/actions");

} // namespace

QList<PrivateBusFiles::Mount> PrivateBusFiles::mounts()
{
    return {{QStringLiteral("passwd"), QStringLiteral("/etc/passwd")},
            {QStringLiteral("group"), QStringLiteral("/etc/group")},
            {QStringLiteral("shadow"), QStringLiteral("/etc/shadow")},
            {QStringLiteral("run-dbus"), QStringLiteral("/run/dbus")},
            {QStringLiteral("polkit-actions"), MachinePolkitActions},
            {QLatin1String(PolkitRules), QStringLiteral("/etc/polkit-1/rules.d")},
            {QStringLiteral("polkit-vendor-rules"), QStringLiteral("/usr/share/polkit-1/rules.d")}};
}

bool PrivateBusFiles::write(const PrivateBusDirectory &directory, QString *error)
{
    const auto machine = [](const char *path) {
        return PrivateBusDirectory::readFile(QLatin1String(path));
    };
    if (!directory.writeFile(QStringLiteral("passwd"), TestUsers::passwd(machine("/etc/passwd")),
                             error) ||
        !directory.writeFile(QStringLiteral("group"), TestUsers::group(machine("/etc/group")),
                             error) ||
        !directory.writeFile(QStringLiteral("shadow"), TestUsers::shadow(machine("/etc/shadow")),
                             error) ||
        !QFile::setPermissions(directory.filePath(QStringLiteral("shadow")),
                               QFile::ReadOwner | QFile::WriteOwner))
        return false;
    // Where programs that ignore DBUS_SYSTEM_BUS_ADDRESS look for the system bus.
    if (!directory.makeDirectory(QStringLiteral("run-dbus"), error) ||
        !QFile::link(directory.filePath(QLatin1String(Socket)),
                     directory.filePath(QStringLiteral("run-dbus/system_bus_socket")))) {
        if (error->isEmpty())
            *error = QStringLiteral("cannot link the bus socket into ") +
                     directory.filePath(QStringLiteral("run-dbus"));
        return false;
    }

    const QString actions = QStringLiteral("polkit-actions");
    if (!directory.makeDirectory(actions, error) ||
        !directory.makeDirectory(QLatin1String(PolkitRules), error) ||
        !directory.makeDirectory(QStringLiteral("polkit-vendor-rules"), error))
        return false;
    const QDir machineActions(MachinePolkitActions);
    for (const QString &name :
         machineActions.entryList({QStringLiteral("*.policy")}, QDir::Files)) {
        if (!directory.copyInto(machineActions.filePath(name), actions, error))
            return false;
    }
    const std::optional<QByteArray> rules = BusDataFile::read(
        QStringLiteral("50-nfqmon-tests.rules"),
        {{QStringLiteral("allowedUser"), QLatin1String(PrivateSystemBus::AllowedUser)},
         {QStringLiteral("refusedUser"), QLatin1String(PrivateSystemBus::RefusedUser)},
         {QStringLiteral("adminGroup"), QLatin1String(TestUsers::AdminGroup)}},
        error);
    // The package's own opt-in group rule, where the package installs it.
    if (!directory.copyInto(QStringLiteral(NFQMON_SOURCE_DIR "/packaging/polkit/org.nfqmon.policy"),
                            actions, error) ||
        !directory.copyInto(
            QStringLiteral(NFQMON_SOURCE_DIR "/packaging/polkit/49-nfqmon-groups.rules"),
            QStringLiteral("polkit-vendor-rules"), error) ||
        !rules ||
        !directory.writeFile(QLatin1String(PolkitRules) + QStringLiteral("/50-nfqmon-tests.rules"),
                             *rules, error))
        return false;

    const QString policies = QStringLiteral("bus/system.d");
    const QString services = QLatin1String(Services);
    if (!directory.makeDirectory(policies, error) || !directory.makeDirectory(services, error) ||
        !directory.copyInto(MachinePolicyDirectory +
                                QStringLiteral("/org.freedesktop.PolicyKit1.conf"),
                            policies, error) ||
        !directory.copyInto(
            QStringLiteral(NFQMON_SOURCE_DIR "/packaging/dbus/org.nfqmon.Helper.conf"), policies,
            error))
        return false;
    const std::optional<QByteArray> configuration = BusDataFile::read(
        QStringLiteral("system.conf"),
        {{QStringLiteral("socket"), directory.filePath(QLatin1String(Socket)).toHtmlEscaped()},
         {QStringLiteral("serviceDirectory"), directory.filePath(services).toHtmlEscaped()},
         {QStringLiteral("policyDirectory"), directory.filePath(policies).toHtmlEscaped()}},
        error);
    return configuration &&
           directory.writeFile(QLatin1String(Configuration), *configuration, error);
}

} // namespace nfqmon::test
