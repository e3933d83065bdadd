// One program as the kernel described it when it used a socket: read in its own context, so it is
// known even when the process has exited by the time anyone looks. The helper learns it
// (helper/attribution) and sends it to the window in the packet stream (ProcessCodec).
#pragma once

#include <cstdint>
#include <string>

namespace nfqmon {

struct ProcessInfo {
    std::uint32_t id = 0;           // the helper's number for it, unique while the helper runs
    std::uint32_t pid = 0;          // in the helper's (the initial) PID namespace
    std::uint32_t thread = 0;       // the thread that first used a socket
    std::uint32_t namespacePid = 0; // as the process's own PID namespace sees it (a container)
    std::uint32_t uid = 0;
    std::uint32_t gid = 0;
    std::uint64_t startNs = 0; // boot-time clock: with pid, names the process for good
    std::uint64_t cgroupId = 0;
    std::string command;    // the kernel's short name (comm), 15 bytes at most
    std::string executable; // full path; empty when the kernel could not name it
    std::string arguments;  // the command line, arguments separated by NUL bytes
    std::string cgroup;     // its cgroup v2 path ("/system.slice/cron.service"); empty: unknown
};

} // namespace nfqmon
