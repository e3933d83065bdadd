// What a PrivateSystemBus writes into its directory (PrivateBusDirectory) and mounts over the
// machine's files:
//
//   passwd, group, shadow    the machine's, with the test users (TestUsers)
//   run-dbus/                a link to the bus's socket, over /run/dbus
//   polkit-actions/          the machine's actions and packaging/polkit/org.nfqmon.policy
//   polkit-rules/            the fixture's rules (bus/data/50-nfqmon-tests.rules) and a test's own
//   polkit-vendor-rules/     empty, over /usr/share/polkit-1/rules.d
//   bus/system.conf          the bus configuration (bus/data/system.conf)
//   bus/system.d/            polkit's and packaging/dbus's policy files
//   bus/services/            the helper's activation file (written by PrivateSystemBus)
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace nfqmon::test {

class PrivateBusDirectory;

class PrivateBusFiles
{
public:
    static constexpr char Socket[] = "bus/system_bus_socket";
    static constexpr char Configuration[] = "bus/system.conf";
    static constexpr char Services[] = "bus/services";
    static constexpr char PolkitRules[] = "polkit-rules";

    using Mount = QPair<QString, QString>; // a name in the directory, the machine's path
    static QList<Mount> mounts();

    // Everything above but the activation file.
    static bool write(const PrivateBusDirectory &directory, QString *error);
};

} // namespace nfqmon::test
