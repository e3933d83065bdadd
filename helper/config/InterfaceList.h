// The machine's network interfaces as ListInterfaces returns them (Contract::InterfaceField):
// what a window on another machine offers to capture on. Read from the kernel (getifaddrs) at
// each call, in interface index order; bounded by what the kernel has.
#pragma once

#include <QList>
#include <QVariantMap>

namespace nfqmon::InterfaceList {

QList<QVariantMap> read();

} // namespace nfqmon::InterfaceList
