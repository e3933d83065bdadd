// Opens the directory a metrics file goes into, for openat()/renameat() there. Strict (a path a
// D-Bus caller chose): every component is opened without following a symbolic link, and the
// directory itself must be owned by root and writable by nobody else, checked on the opened
// descriptor, so a component swapped for a link between two writes is refused, not followed.
#pragma once

#include <QString>

namespace nfqmon::MetricsDirectory {

enum class Trust {
    Root,   // headless: the path comes from root's own config file and is opened as given
    Strict, // service mode: the path came from a caller; checked as said above
};

// A descriptor (O_DIRECTORY, close-on-exec) or -1 and a sentence naming the path.
int open(const QString &directory, Trust trust, QString *error);

} // namespace nfqmon::MetricsDirectory
