// CPU time a process has used so far, all its threads, user and system: for benchmarks.
#pragma once

#include <QtGlobal>

namespace nfqmon::test {

// Seconds of utime + stime from /proc/PID/stat (clock-tick resolution); -1 when it is gone.
double processCpuSeconds(qint64 pid);

} // namespace nfqmon::test
