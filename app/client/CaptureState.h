// Where a capture of ours stands, as the window shows it.
#pragma once

namespace nfqmon {

enum class CaptureState {
    Idle,     // nothing of ours runs (another program's capture may)
    Starting, // StartCapture sent: polkit may be asking for a password
    Running,  // capturing, the stream open
    Stopping, // StopCapture sent
};

} // namespace nfqmon
