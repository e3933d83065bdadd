// Where this process sees the cgroup v2 tree: the socket hooks attach to its root, and a cgroup
// id (the inode number of its folder) is found under it.
#pragma once

#include <string>

namespace nfqmon {

class CgroupTree
{
public:
    // The mount point of the cgroup v2 file system, "" when none is mounted.
    static std::string root();
};

} // namespace nfqmon
