// The capture's state in a few words, as the status bar and the tray's tooltip say it:
// "Not capturing", "Capturing eth0, wlan0", ... Plain text.
#pragma once

#include "app/client/CaptureHealth.h"

#include <QString>

namespace nfqmon {

QString captureStateText(const CaptureHealth &health);

} // namespace nfqmon
