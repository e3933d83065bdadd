// The capture settings a person chooses (the settings dialog, the interface list), remembered
// between runs in QSettings under "capture/".
#pragma once

#include "helper/protocol/CaptureLimits.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

class QSettings;

namespace nfqmon {

struct CaptureSettings {
    QStringList interfaces{QStringLiteral("any")};
    bool automaticRules = true;                  // false: the user's own HAKA-PRE/HAKA-OUT chains
    QString dumpAllPath;                         // every packet received; empty = off
    QString dumpAcceptedPath;                    // the packets the rules let through; empty = off
    uint snapLength = Limits::DefaultSnapLength; // bytes kept of each packet
    uint queue = 0;                              // NFQUEUE number
    qint64 storeLimit = 1'000'000;               // packets the window keeps; older ones roll off
    // The window's own reverse DNS lookups for remote addresses the helper named nothing
    // (ReverseLookup); never the helper's, and not a capture option.
    bool reverseLookup = false;
    // Packets inspected of each connection before the kernel decides the rest (StartCapture
    // inspectPackets); 0: every packet.
    uint inspectPackets = 0;

    static CaptureSettings load(); // the application's QSettings
    static CaptureSettings load(QSettings &settings);
    void save() const;
    void save(QSettings &settings) const;

    // StartCapture's options without the dump descriptors (CaptureController opens the files).
    QVariantMap toOptions() const;

    bool operator==(const CaptureSettings &) const = default;
};

} // namespace nfqmon
