#include "tests/support/app/CaptureRecorder.h"

#include <QTest>

namespace nfqmon::test {

CaptureRecorder::CaptureRecorder(CaptureController &controller)
{
    QObject::connect(&controller, &CaptureController::batchArrived,
                     [this](const StreamBatch &batch) {
                         for (qsizetype i = 0; i < batch.size(); ++i)
                             records.append(batch.record(i));
                         lostTotal = batch.lostTotal;
                     });
}

QList<PacketRecord> CaptureRecorder::udpTo(int port) const
{
    QList<PacketRecord> matching;
    for (const PacketRecord &r : records) {
        if (r.summary.transport == 17 && r.summary.destinationPort == port)
            matching.append(r);
    }
    return matching;
}

QString CaptureRecorder::stateName(CaptureState state)
{
    switch (state) {
    case CaptureState::Idle:
        return QStringLiteral("Idle");
    case CaptureState::Starting:
        return QStringLiteral("Starting");
    case CaptureState::Running:
        return QStringLiteral("Running");
    case CaptureState::Stopping:
        return QStringLiteral("Stopping");
    }
    return {};
}

QString CaptureRecorder::start(CaptureController &controller, const CaptureSettings &settings,
                               int timeoutMs)
{
    QString error;
    const QMetaObject::Connection connection =
        QObject::connect(&controller, &CaptureController::errorOccurred,
                         [&error](const QString &message) { error = message; });
    controller.start(settings);
    const bool settled = QTest::qWaitFor(
        [&] { return controller.state() == CaptureState::Running || !error.isEmpty(); }, timeoutMs);
    QObject::disconnect(connection);
    if (!settled)
        return QStringLiteral("still %1 after %2 ms")
            .arg(stateName(controller.state()))
            .arg(timeoutMs);
    return error;
}

} // namespace nfqmon::test
