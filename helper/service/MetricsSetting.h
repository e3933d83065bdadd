// The service's metrics file path (SetMetricsFile), kept in the state directory beside the rules
// (`metrics.json`) so that it survives the helper's idle exit and the next activation. Written
// atomically like the rules (temporary file, fsync, rename).
#pragma once

#include <QString>

namespace nfqmon {

class MetricsSetting
{
public:
    explicit MetricsSetting(QString stateDir);

    // After RuleStore::load made the directory. A missing file means no metrics file; one that
    // cannot be read is a warning and metrics stay off.
    void load(QString *warning);
    bool save(const QString &path, QString *error); // empty: off
    const QString &path() const { return m_path; }
    QString filePath() const;

private:
    QString m_stateDir;
    QString m_path;
};

} // namespace nfqmon
