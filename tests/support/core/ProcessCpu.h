// What a process has used so far: CPU time (all its threads, user and system) and resident
// memory, for benchmarks and the soak and leak tests.
#pragma once

#include <QtGlobal>

namespace nfqmon::test {

// Seconds of utime + stime from /proc/PID/stat (clock-tick resolution); -1 when it is gone.
double processCpuSeconds(qint64 pid);
// Seconds of utime alone: the process's own code, without the kernel's work for it.
double processUserCpuSeconds(qint64 pid);
// Seconds of cutime + cstime: the CPU of the children it has reaped (programs it ran); -1 when
// it is gone.
double processChildrenCpuSeconds(qint64 pid);
// Context switches (voluntary and not) of all its threads so far; -1 when it is gone. Each is a
// wakeup or a preemption: what a thread that sleeps and wakes per event costs beside its work.
qint64 processContextSwitches(qint64 pid);
// VmRSS from /proc/PID/status, in KiB; -1 when it is gone.
qint64 processResidentKiB(qint64 pid);

} // namespace nfqmon::test
