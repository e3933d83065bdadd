// What the window says about a packet's host name and where it came from: the Host column's
// tooltip ("from a DNS answer") and the details' line ("a.example.org (DNS answer)"). A name the
// window looked up itself (reverse DNS) is said to be one, since rules never see it.
#pragma once

#include "helper/protocol/HostSource.h"

#include <QCoreApplication>
#include <QString>

namespace nfqmon {

class HostText
{
    Q_DECLARE_TR_FUNCTIONS(HostText)

public:
    // "DNS answer", "TLS server name", "HTTP Host header", "QUIC server name"; empty for None.
    static QString sourceName(HostSource source);
    // "from a DNS answer", …: how the helper learned the name; empty for None.
    static QString origin(HostSource source);
    // "a.example.org (DNS answer)"; empty when there is no name.
    static QString details(const QString &name, HostSource source);

    // A name the window's own reverse lookup found for an address the helper named nothing.
    static QString reverseOrigin();
    static QString reverseDetails(const QString &name); // "host.example (reverse lookup)"
};

} // namespace nfqmon
