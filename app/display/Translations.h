// Loads the application's translation for the user's locale (embedded under :/i18n by whatever
// executable links the .qm files: nfqmon and nfqmon-capture) and Qt's own; the English
// "translation" supplies the plural forms of messages such as "%n packet(s)". The window and
// nfqmon-capture call it; the root helper never does.
#pragma once

namespace nfqmon {
void installTranslations(); // once (later calls do nothing), after the application exists
}
