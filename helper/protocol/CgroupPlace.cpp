#include "helper/protocol/CgroupPlace.h"

#include <algorithm>

namespace nfqmon {

namespace {

bool isContainerId(std::string_view text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// "docker-ID.scope", "libpod-ID.scope", "cri-containerd-ID.scope", "crio-ID.scope" (the
// systemd cgroup driver), or a bare "ID" folder (the cgroupfs driver: "/docker/ID").
std::string_view containerIdOf(std::string_view component)
{
    if (component.ends_with(".scope"))
        component.remove_suffix(6);
    if (const auto dash = component.rfind('-'); dash != std::string_view::npos)
        component.remove_prefix(dash + 1);
    return isContainerId(component) ? component : std::string_view();
}

// Calls visit with each '/'-separated component of path, from the root down.
template <typename Visit> void forEachComponent(std::string_view path, Visit visit)
{
    while (!path.empty()) {
        const auto slash = path.find('/');
        visit(path.substr(0, slash));
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    }
}

} // namespace

std::string_view CgroupPlace::unitOf(std::string_view path)
{
    std::string_view unit;
    forEachComponent(path, [&](std::string_view component) {
        if (component.ends_with(".service") || component.ends_with(".scope"))
            unit = component;
    });
    return unit;
}

CgroupPlace CgroupPlace::of(std::string_view path)
{
    CgroupPlace place;
    place.unit = unitOf(path);
    forEachComponent(path, [&](std::string_view component) {
        if (const std::string_view id = containerIdOf(component); !id.empty())
            place.container = id;
    });
    std::string_view unit = place.unit;
    constexpr std::string_view FlatpakPrefix = "app-flatpak-";
    constexpr std::string_view SnapPrefix = "snap.";
    if (unit.starts_with(FlatpakPrefix) && unit.ends_with(".scope")) {
        unit.remove_prefix(FlatpakPrefix.size());
        unit.remove_suffix(6);
        const auto dash = unit.rfind('-'); // "-N", the instance
        place.flatpak = unit.substr(0, dash);
    } else if (unit.starts_with(SnapPrefix)) {
        unit.remove_prefix(SnapPrefix.size());
        place.snap = unit.substr(0, unit.find('.'));
    }
    return place;
}

} // namespace nfqmon
