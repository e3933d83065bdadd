// Which packets an export writes: all the store holds, the ones the display filter shows, the
// selected ones, or every packet of the selected packets' conversations (both directions).
#pragma once

namespace nfqmon {

enum class ExportScope { All, Displayed, Selected, Conversation };

} // namespace nfqmon
