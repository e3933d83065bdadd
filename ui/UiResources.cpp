#include "ui/UiResources.h"

#include <QtGlobal>

static void initNfqmonQrc() // Q_INIT_RESOURCE must not be used inside a namespace
{
    Q_INIT_RESOURCE(nfqmon);
}

namespace nfqmon {

void initUiResources()
{
    static const bool done = (initNfqmonQrc(), true);
    Q_UNUSED(done);
}

} // namespace nfqmon
