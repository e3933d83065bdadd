// The samples of a Prometheus text (a metrics file, or what an exporter served): one value per
// series, keyed by the series as written, `name{label="value",...}` (or the bare name). Values
// are doubles, as Prometheus's own exposition writes them (1.2345e+06).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace nfqmon::test::MetricsScrape {

QHash<QString, double> samples(const QByteArray &text, const QString &prefix = QString());

} // namespace nfqmon::test::MetricsScrape
