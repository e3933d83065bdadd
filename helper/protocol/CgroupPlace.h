// Where a process runs, read from its cgroup v2 path: the systemd unit or scope, and the Flatpak
// application, Snap or container that names itself in it. Text-free, so the helper (rules, the
// JSON log) and the window read a path the same way.
#pragma once

#include <string>
#include <string_view>

namespace nfqmon {

struct CgroupPlace {
    std::string unit;      // the innermost ".service" or ".scope": "cron.service"; empty: none
    std::string flatpak;   // the application id of an "app-flatpak-ID-N.scope"
    std::string snap;      // the snap's name of a "snap.NAME.APP….scope|service"
    std::string container; // the id (64 hex digits) of a docker, podman, containerd or CRI-O one

    static CgroupPlace of(std::string_view path);
    // Only the unit, without allocating (the packet path's rules by unit): a view into path.
    static std::string_view unitOf(std::string_view path);
};

} // namespace nfqmon
