#include "app/client/CaptureStateText.h"

#include <QCoreApplication>

namespace nfqmon {

QString captureStateText(const CaptureHealth &health)
{
    switch (health.state) {
    case CaptureState::Idle:
        return QCoreApplication::translate("CaptureState", "Not capturing");
    case CaptureState::Starting:
        return QCoreApplication::translate("CaptureState",
                                           "Starting (authorisation may be asked)…");
    case CaptureState::Running:
        if (health.interfaces.isEmpty())
            return QCoreApplication::translate("CaptureState", "Capturing");
        return QCoreApplication::translate("CaptureState", "Capturing %1")
            .arg(health.interfaces.join(QStringLiteral(", ")));
    case CaptureState::Stopping:
        return QCoreApplication::translate("CaptureState", "Stopping…");
    }
    return {};
}

} // namespace nfqmon
