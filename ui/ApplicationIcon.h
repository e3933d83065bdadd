// The Application column's icons: a desktop entry's Icon value made into a QIcon, for
// PacketTableModel::setIconMaker() (the model's library links no Qt GUI).
#pragma once

#include <QString>
#include <QVariant>

namespace nfqmon {

class ApplicationIcon
{
public:
    // A theme icon by name, or the file at an absolute path; a null QVariant when there is
    // neither, so the cell shows no icon rather than an empty one.
    static QVariant make(const QString &icon);
};

} // namespace nfqmon
