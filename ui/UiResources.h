// The icons compiled into this static library (resources/nfqmon.qrc) must be registered
// explicitly: nothing else references them, so the linker would leave them out.
#pragma once

namespace nfqmon {
void initUiResources(); // idempotent
}
