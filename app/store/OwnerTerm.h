// One term of the display filter about a packet's owner ("app curl", "not user 1000"), as
// DisplayFilterParser reads it: what it names, ready to compare with a ProcessInfo without
// converting anything per process.
#pragma once

#include <QString>
#include <QtGlobal>

#include <string>

namespace nfqmon {

struct OwnerTerm {
    enum class Kind { Application, Executable, User, Pid, Unit };

    Kind kind = Kind::Application;
    bool negated = false;
    QString value;       // as written, unquoted: the name, path, user or glob
    std::string utf8;    // Executable, Unit: value in the ProcessInfo's encoding
    quint32 number = 0;  // User: the uid (a name resolved); Pid: the process id
    bool kernel = false; // Application: value is the name the kernel's own packets show
};

} // namespace nfqmon
