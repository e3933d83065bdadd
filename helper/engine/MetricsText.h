// The Prometheus text exposition format (version 0.0.4, which node_exporter's textfile collector
// reads) of a MetricsSnapshot. Bounded series: per verdict and per rule, never per address.
#pragma once

#include "helper/engine/MetricsSnapshot.h"

#include <QByteArray>
#include <QString>

namespace nfqmon::MetricsText {

QByteArray format(const MetricsSnapshot &snapshot);
// A label value between double quotes: backslash, double quote and line feed escaped.
QString escapeLabelValue(const QString &value);

} // namespace nfqmon::MetricsText
