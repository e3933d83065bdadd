// What the iptables side of a capture looks like; the input of ChainScript and ChainManager.
#pragma once

#include "helper/protocol/SshConnection.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace nfqmon {

struct ChainPlan {
    bool manageJumps = true; // enable_iptables = yes: create the chains and the jumps into them
    QStringList interfaces;  // valid names (InterfaceName::isValid); empty = any interface
    std::uint16_t queueNumber = 0;
    std::uint16_t queueCount = 1; // > 1: --queue-balance queueNumber:queueNumber+count-1
    qint64 ownerPid = 0;          // written into every rule's comment so stale rules are found
    // The caller's own SSH connection, which passes unseen both ways (its family's table only).
    std::optional<SshConnection> ownConnection;
    // With an inspection depth: the pinned bypass programs (FlowBypass), matched before the
    // queue rules so that the kernel passes or drops a decided flow's further packets itself.
    // Empty: every packet is queued.
    QString bypassPass;
    QString bypassDrop;
};

} // namespace nfqmon
