// GetStatus's a{sv} (also sent by StateChanged) as one typed value. The helper builds the map only
// through toVariantMap() and the window reads it only through fromVariantMap(), so the keys of
// Contract::Status are spelled in one place on each side of the bus.
#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace nfqmon {

struct CaptureStatus {
    // A dump file the capture writes.
    struct Dump {
        quint64 packets = 0;
        QString error; // the last write error; empty while the dump works

        bool operator==(const Dump &) const = default;
    };

    bool running = false;
    QString message; // why the state last changed (a stop reason, a dump that failed)
    uint streams = 0;

    // The rest only while running.
    QStringList interfaces; // names, or {"any"}
    bool automaticRules = false;
    uint queue = 0;  // the first queue
    uint queues = 0; // how many
    uint snapLength = 0;
    quint64 received = 0;
    quint64 accepted = 0;
    quint64 dropped = 0; // by rules
    quint64 lost = 0;    // not streamed
    quint64 kernelDropped = 0;
    bool failOpen = false;
    QStringList families; // "IPv4", "IPv6": the families captured
    QString notice;       // a family left out and how to add it
    QString startedBy;    // the bus name of the program that started the capture
    uint startedByUid = 0;
    bool keepRunning = false;
    // Unknown until the rules' counters have been read once.
    std::optional<quint64> passedUnseen;
    // Only while programs are attributed: reports from the kernel that never reached the helper.
    std::optional<quint64> attributionLost;
    // Only with an inspection depth (inspect_packets = N): N, and what the kernel passed and
    // dropped after it by the verdicts stored for the flows.
    struct Decided {
        uint inspectPackets = 0;
        quint64 passed = 0;
        quint64 passedBytes = 0;
        quint64 dropped = 0;
        quint64 droppedBytes = 0;

        bool operator==(const Decided &) const = default;
    };
    std::optional<Decided> decided;
    std::optional<Dump> dumpInput;  // every packet
    std::optional<Dump> dumpOutput; // accepted packets

    // Not running, with why (empty: nothing to say).
    static CaptureStatus idle(const QString &message = {});

    // Idle: only the state, the message and the streams, as the contract says.
    QVariantMap toVariantMap() const;
    // Whatever the map holds: a missing key, or a value that does not convert to the key's type,
    // reads as the field's default (a state other than "running" reads as idle, an unreadable
    // passedUnseen as unknown).
    static CaptureStatus fromVariantMap(const QVariantMap &map);

    bool operator==(const CaptureStatus &) const = default;
};

} // namespace nfqmon
