// Replaces a metrics file atomically, for node_exporter's textfile collector, which may read it
// at any moment: the text goes to a temporary file in the same directory (a name the collector
// skips, not ending in .prom), which is then renamed over the target. A reader sees the old file
// or the new one, never half of one. No fsync: a file lost in a crash is rewritten within
// seconds.
#pragma once

#include "helper/engine/MetricsDirectory.h"

#include <QByteArray>
#include <QString>

namespace nfqmon {

class MetricsFile
{
public:
    MetricsFile(QString path, MetricsDirectory::Trust trust);

    const QString &path() const { return m_path; }
    // Writes `text` (mode 0644: the collector does not run as root). False and a sentence naming
    // the file on failure; the old file, if any, stays.
    bool write(const QByteArray &text, QString *error) const;
    // Removes the file (metrics turned off or moved). False and a sentence on failure; a file
    // that is not there is no failure.
    bool remove(QString *error) const;

private:
    QString m_path;
    MetricsDirectory::Trust m_trust;
};

} // namespace nfqmon
