// Loads nfqmon's translation for the user's locale (the window's .qm files, embedded in
// nfqmon-capture under :/i18n as in the window) and Qt's own, as the window does
// (ui/Translations.cpp), without linking the window's widgets.
#pragma once

namespace nfqmon {
void installCaptureTranslations(); // once, after the QCoreApplication exists
}
