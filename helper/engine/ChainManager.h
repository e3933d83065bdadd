// Installs and removes nfqmon's chains for IPv4 and IPv6 with iptables-restore --noflush and
// ip6tables-restore --noflush, touching nothing else in any table.
#pragma once

#include "helper/engine/ChainPlan.h"
#include "helper/engine/ChainScript.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace nfqmon {

// What a GUI needs to guide a user who manages jumps by hand.
struct ChainReport {
    bool preExists = false; // in both families
    bool outExists = false; // in both families
    QStringList jumps; // user rules jumping to the chains, both families, as iptables-save prints
    // The same per family, so a GUI can say which one lacks a chain.
    struct Family {
        bool preExists = false;
        bool outExists = false;
        QStringList jumps;
    };
    Family ipv4;
    Family ipv6;
    QString error; // why a table could not be read; empty when both were read
};

class ChainManager
{
public:
    explicit ChainManager(ChainPlan plan); // ownerPid 0 is replaced by getpid()
    ~ChainManager();                       // removes what install() put in place
    ChainManager(const ChainManager &) = delete;
    ChainManager &operator=(const ChainManager &) = delete;

    // 1. removes rules left by an nfqmon helper that is no longer running (owner pid dead);
    // 2. refuses when a running helper owns the chains, naming its pid;
    // 3. managed: refuses if a user's own rules jump to the chains (they belong to the user);
    //    unmanaged: uses each family that has both chains, as the Haka documentation's
    //    IPv4-only set-up; refuses only when neither has both, with
    //    ChainScript::createCommands() in *error; notice() then names a family left out;
    // 4. applies install() for IPv4, then IPv6; if IPv6 fails, IPv4 is rolled back.
    // False and a sentence on failure; then nothing is left installed.
    bool install(QString *error);

    // Idempotent. False and a sentence if a restore command failed.
    bool remove(QString *error);

    // Stops packets from reaching the queue rules, counters kept (ChainScript::freeze()): the
    // last reading of queuedPackets() is then final. False and a sentence on failure.
    bool freeze(QString *error);

    // The packets nfqmon's NFQUEUE rules have counted since install() (iptables-save -c), over
    // the families in use. Runs the save tools: call it off the packet path and the bus loop.
    // Safe from another thread while no other method runs.
    std::optional<std::uint64_t> queuedPackets(QString *error) const;

    bool isInstalled() const { return m_installed; }
    const ChainPlan &plan() const { return m_plan; }
    // After install(): why a family is not captured and how to add it; empty when both are.
    QString notice() const { return m_notice; }
    // After install(): "IPv4", "IPv6", the families whose traffic reaches the queue.
    QStringList families() const;

    static ChainReport report();

private:
    ChainPlan m_plan;
    bool m_installed = false;
    bool m_used[2] = {true, true}; // IPv4, IPv6: the families install() wrote to
    QString m_notice;
};

} // namespace nfqmon
