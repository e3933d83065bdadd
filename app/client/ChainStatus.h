// GetChains made readable for the capture settings dialog, for when automatic rules are off:
// whether HAKA-PRE and HAKA-OUT exist in table raw (IPv4 and IPv6), which of the user's rules
// jump to them, and the commands that create them.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace nfqmon {

struct ChainStatus {
    Q_DECLARE_TR_FUNCTIONS(ChainStatus)

public:
    struct Family {
        bool preExists = false;
        bool outExists = false;
        QStringList jumps; // the user's rules that jump to HAKA-PRE / HAKA-OUT
    };
    Family ipv4;
    Family ipv6;
    QString error; // the helper could not read a table

    // From HelperClient::fetchChains (nested maps may still be D-Bus arguments).
    static ChainStatus fromReply(const QVariantMap &chains);

    bool chainsExist() const; // all four chains
    bool hasJumps() const;    // traffic reaches them
    // Whether a capture can start: a family has both chains (the helper captures the families
    // that do, and says which it leaves out).
    bool canCapture() const;
    // Several lines: a verdict sentence (which family will not be captured, and why), then each
    // family's chains and jumps, then (when a chain is missing) the commands that create them,
    // for the missing family only when the other is complete.
    QString text() const;

    // The same commands as the helper's ChainScript::createCommands() (a unit test compares
    // them; the engine is not linked into the application).
    static QString createCommands();
    // The same for one family: tool is "iptables" or "ip6tables".
    static QString createCommands(const QString &tool);
};

} // namespace nfqmon
