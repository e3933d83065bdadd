// nfqmon-capture's command line (README, "nfqmon-capture"): what to capture, for how long and
// where to write it, checked before anything is started. Every problem is one sentence.
#pragma once

#include "helper/protocol/CaptureLimits.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace nfqmon {

struct CaptureCliOptions {
    enum class Mode {
        Capture, // start a capture, write its packets, stop it
        Attach,  // write the packets of the capture already running; never start or stop it
        Relay,   // copy the running capture's raw stream to standard output
    };
    static inline const QString StandardOutput = QStringLiteral("-");

    Mode mode = Mode::Capture;
    QStringList interfaces{QStringLiteral("any")};
    bool automaticRules = true;
    std::uint64_t count = 0;         // packets to write, 0: no limit
    std::uint64_t durationMs = 0;    // 0: no limit
    QString output = StandardOutput; // a file name, or "-"
    bool quiet = false;
    std::uint32_t queue = 0;
    std::optional<std::uint32_t> queues; // none: the helper's default
    std::uint32_t snapLength = Limits::DefaultSnapLength;
    std::uint32_t inspectPackets = 0; // 0: every packet; N: the first N of each connection

    bool writesToStandardOutput() const { return output == StandardOutput; }
    bool operator==(const CaptureCliOptions &) const = default;
};

class CaptureCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(nfqmon::CaptureCommandLine)

public:
    enum class Outcome { Run, Help, Version, Error };
    struct Result {
        Outcome outcome = Outcome::Error;
        CaptureCliOptions options;
        QString text; // Help: the help text; Error: the sentence
    };

    // arguments[0] is the program's name, as QCoreApplication::arguments() gives it.
    static Result parse(const QStringList &arguments);

    // The first chosen interface this host does not have, as a sentence; empty when all exist
    // (or "any").
    static QString checkInterfacesExist(const QStringList &interfaces);
};

} // namespace nfqmon
