// The names of ICMP and ICMPv6 types and codes: "echo request", "destination unreachable (port
// unreachable)".
#pragma once

#include <QCoreApplication>
#include <QString>

namespace nfqmon {

class IcmpText
{
    Q_DECLARE_TR_FUNCTIONS(IcmpText)

public:
    // The type's name, or empty when it has none here.
    static QString typeName(bool v6, unsigned type);
    // The code's name (of unreachable and time exceeded), or empty.
    static QString codeName(bool v6, unsigned type, unsigned code);
    // "echo request", "destination unreachable (port unreachable)", "type 42 code 1".
    static QString text(bool v6, unsigned type, unsigned code);
};

} // namespace nfqmon
