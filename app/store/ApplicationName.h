// A program's name as the packet table's Application column writes it ("curl", "(kernel)"), with
// its hash: made once per process description (ProcessTable) or label, so that counting packets
// by application (TrafficStatistics) builds and hashes no string per packet. Equal names are one
// application, whichever processes carry them.
#pragma once

#include <QHashFunctions>
#include <QString>

#include <cstddef>

namespace nfqmon {

struct ApplicationName {
    QString text;
    std::size_t hash = 0;

    ApplicationName() = default;
    explicit ApplicationName(const QString &name)
        : text(name), hash(qHash(name, QHashSeed::globalSeed()))
    {}
    bool operator==(const ApplicationName &other) const
    {
        return hash == other.hash && text == other.text;
    }
};

} // namespace nfqmon
