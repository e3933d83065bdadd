// Loads the application's translation for the user's locale (embedded under :/i18n) and Qt's
// own; the English "translation" supplies the plural forms of messages such as "%n packet(s)".
#pragma once

namespace nfqmon {
void installTranslations(); // once, after the QApplication exists
}
