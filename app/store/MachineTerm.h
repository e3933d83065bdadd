// One term of the display filter about the machine a packet was captured on ("machine gw", "not
// machine admin@gw"), as DisplayFilterParser reads it; it matters in the table of every machine
// (AllMachines), where packets of several machines meet.
#pragma once

#include <QString>

namespace nfqmon {

struct MachineTerm {
    bool negated = false;
    QString name; // as written, unquoted
};

} // namespace nfqmon
