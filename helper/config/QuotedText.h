#pragma once

#include <QString>

namespace nfqmon {

// Text from config files and D-Bus callers, quoted for an error message: escaped so that the
// message stays one readable line whatever the text holds, and cut after maxShown characters.
QString quotedText(const QString &text, qsizetype maxShown = 40);

} // namespace nfqmon
