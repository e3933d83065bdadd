// What the metrics file says at one moment: a capture's counters and whether it runs. Filled on
// the helper's event loop from CaptureEngine::statistics(), never on the packet path.
#pragma once

#include "helper/engine/EngineStatistics.h"

#include <QString>

#include <optional>

namespace nfqmon {

struct MetricsSnapshot {
    EngineStatistics statistics; // the running capture's, else the last one's (zeros: none yet)
    bool captureUp = false;
    std::optional<qint64> captureStartMs; // since the epoch; none before the first capture
    QString mode;                         // "headless" or "service"
    QString configSha256;                 // hex; of the config file, or of the saved rules
};

} // namespace nfqmon
