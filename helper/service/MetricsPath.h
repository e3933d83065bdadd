// The check of a metrics file path a D-Bus caller sends (SetMetricsFile). The root helper will
// create and replace a file there every few seconds, so it trusts nothing in it: an absolute,
// clean path of at most MaxLength characters, a file name `[A-Za-z0-9_.-]+.prom` (what
// node_exporter's textfile collector reads), in an existing directory reached without symbolic
// links, owned by root and writable by root only. MetricsFile checks the directory again at
// every write.
#pragma once

#include <QString>

namespace nfqmon::MetricsPath {

constexpr qsizetype MaxLength = 1024;

// True for an acceptable path; false and a sentence naming the problem.
bool check(const QString &path, QString *error);

} // namespace nfqmon::MetricsPath
