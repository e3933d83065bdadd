#include "ui/ApplicationIcon.h"

#include <QFileInfo>
#include <QIcon>

namespace nfqmon {

QVariant ApplicationIcon::make(const QString &icon)
{
    if (icon.startsWith(u'/')) {
        if (!QFileInfo(icon).isFile())
            return {};
        const QIcon file(icon);
        return file.isNull() ? QVariant() : QVariant::fromValue(file);
    }
    const QIcon themed = QIcon::fromTheme(icon);
    return themed.isNull() ? QVariant() : QVariant::fromValue(themed);
}

} // namespace nfqmon
