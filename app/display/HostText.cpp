#include "app/display/HostText.h"

namespace nfqmon {

QString HostText::sourceName(HostSource source)
{
    switch (source) {
    case HostSource::Dns:
        return tr("DNS answer");
    case HostSource::Tls:
        return tr("TLS server name");
    case HostSource::Http:
        return tr("HTTP Host header");
    case HostSource::Quic:
        return tr("QUIC server name");
    case HostSource::None:
        break;
    }
    return {};
}

QString HostText::origin(HostSource source)
{
    switch (source) {
    case HostSource::Dns:
        return tr("from a DNS answer");
    case HostSource::Tls:
        return tr("from the TLS server name");
    case HostSource::Http:
        return tr("from the HTTP Host header");
    case HostSource::Quic:
        return tr("from the QUIC server name");
    case HostSource::None:
        break;
    }
    return {};
}

QString HostText::details(const QString &name, HostSource source)
{
    if (name.isEmpty())
        return {};
    const QString from = sourceName(source);
    return from.isEmpty() ? name : tr("%1 (%2)").arg(name, from);
}

QString HostText::reverseOrigin()
{
    return tr("from a reverse DNS lookup of the address by this window; rules do not use it");
}

QString HostText::reverseDetails(const QString &name)
{
    return name.isEmpty() ? QString() : tr("%1 (reverse lookup)").arg(name);
}

} // namespace nfqmon
