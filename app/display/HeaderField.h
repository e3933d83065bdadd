// One field of a decoded header, as the header tree shows it: "Time to live" = "64".
#pragma once

#include <QString>

namespace nfqmon {

struct HeaderField {
    QString name;
    QString value;
};

} // namespace nfqmon
