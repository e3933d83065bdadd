#include "helper/config/InterfaceList.h"

#include "helper/protocol/HelperContract.h"

#include <QMap>
#include <QStringList>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

namespace nfqmon::InterfaceList {

namespace {

struct Interface {
    QString name;
    bool up = false;
    QStringList addresses;
};

QString addressText(const sockaddr *address)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (address->sa_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in *>(address)->sin_addr, text,
                  sizeof text);
    else if (address->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 *>(address)->sin6_addr, text,
                  sizeof text);
    return QString::fromLatin1(text);
}

} // namespace

QList<QVariantMap> read()
{
    ifaddrs *list = nullptr;
    if (getifaddrs(&list) != 0)
        return {};
    QMap<unsigned, Interface> byIndex; // interface index order, as `ip link` lists them
    for (const ifaddrs *entry = list; entry; entry = entry->ifa_next) {
        if (!entry->ifa_name)
            continue;
        const unsigned index = if_nametoindex(entry->ifa_name);
        Interface &interface = byIndex[index];
        interface.name = QString::fromLocal8Bit(entry->ifa_name);
        interface.up = (entry->ifa_flags & IFF_UP) && (entry->ifa_flags & IFF_RUNNING);
        if (entry->ifa_addr &&
            (entry->ifa_addr->sa_family == AF_INET || entry->ifa_addr->sa_family == AF_INET6)) {
            const QString text = addressText(entry->ifa_addr);
            if (!text.isEmpty() && !interface.addresses.contains(text))
                interface.addresses.append(text);
        }
    }
    freeifaddrs(list);
    QList<QVariantMap> interfaces;
    for (const Interface &interface : std::as_const(byIndex)) {
        interfaces.append({{Contract::InterfaceField::Name, interface.name},
                           {Contract::InterfaceField::Up, interface.up},
                           {Contract::InterfaceField::Addresses, interface.addresses}});
    }
    return interfaces;
}

} // namespace nfqmon::InterfaceList
