// ListConnections' answer: each connection the kernel decides after the inspection depth as an
// a{sv} of Contract::ConnectionField.
#pragma once

#include "helper/bypass/FlowBypass.h"

#include <QList>
#include <QVariantMap>

#include <vector>

namespace nfqmon::ConnectionList {

QList<QVariantMap> describe(const std::vector<FlowBypass::Decision> &decisions);

} // namespace nfqmon::ConnectionList
