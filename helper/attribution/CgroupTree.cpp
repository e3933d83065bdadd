#include "helper/attribution/CgroupTree.h"

#include <fstream>
#include <sstream>

namespace nfqmon {

std::string CgroupTree::root()
{
    // /proc/self/mountinfo: "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS... - TYPE SOURCE ...";
    // the whole tree is the mount whose ROOT is "/" (a systemd host mounts it at /sys/fs/cgroup,
    // a hybrid one at /sys/fs/cgroup/unified).
    std::ifstream mounts("/proc/self/mountinfo");
    std::string line;
    while (std::getline(mounts, line)) {
        const auto dash = line.find(" - ");
        if (dash == std::string::npos || line.compare(dash + 3, 8, "cgroup2 ") != 0)
            continue;
        std::istringstream fields(line.substr(0, dash));
        std::string id, parent, device, root, point;
        fields >> id >> parent >> device >> root >> point;
        if (root == "/")
            return point;
    }
    return {};
}

} // namespace nfqmon
