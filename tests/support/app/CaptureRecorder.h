// For tests of the application's CaptureController: records what it hands out and starts a
// capture, waiting for Running or the error.
#pragma once

#include "app/client/CaptureController.h"
#include "helper/protocol/PacketRecord.h"

#include <QList>
#include <QString>

namespace nfqmon::test {

class CaptureRecorder
{
public:
    explicit CaptureRecorder(CaptureController &controller);

    QList<PacketRecord> records; // of every batch, in order
    quint64 lostTotal = 0;       // as the last batch reported

    QList<PacketRecord> udpTo(int port) const;

    static QString stateName(CaptureState state);
    // Empty once the controller runs; otherwise its error (or the state it was stuck in).
    static QString start(CaptureController &controller, const CaptureSettings &settings,
                         int timeoutMs = 15000);
};

} // namespace nfqmon::test
