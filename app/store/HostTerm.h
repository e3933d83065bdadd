// One term of the display filter about a packet's host name ("hostname a.example.org", "not
// hostname *.example.org"), as DisplayFilterParser reads it: normalised as the helper normalises
// the names it learns (lower case, no trailing dot), so matching converts nothing.
#pragma once

#include <QString>

namespace nfqmon {

struct HostTerm {
    bool negated = false;
    bool domain = false; // "*.example.org": example.org and every name under it
    QString name;        // without "*.": "example.org"
};

} // namespace nfqmon
