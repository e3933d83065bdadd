#include "tests/support/core/TestEnvironment.h"

#include <QtGlobal>

#include <unistd.h>

namespace nfqmon::test {

bool runningInCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

QString privilegeProblem()
{
    if (geteuid() != 0)
        return QStringLiteral("needs root to create network namespaces and iptables rules");
    return {};
}

} // namespace nfqmon::test
