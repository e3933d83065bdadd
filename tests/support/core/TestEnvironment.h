// Facts about where a test runs, so privileged tests skip only where they truly cannot run.
#pragma once

#include <QString>

namespace nfqmon::test {

// True when CI=true is set: privileged tests must then run, never skip.
bool runningInCi();

// Empty when the test can create network namespaces and iptables rules (root, CAP_NET_ADMIN,
// the kernel's nfnetlink_queue); otherwise why not.
QString privilegeProblem();

} // namespace nfqmon::test

// In a test function: skip with the reason outside CI, fail with it in CI.
#define NFQMON_REQUIRE_PRIVILEGES()                                                                \
    do {                                                                                           \
        const QString problem_ = nfqmon::test::privilegeProblem();                                 \
        if (!problem_.isEmpty()) {                                                                 \
            if (nfqmon::test::runningInCi())                                                       \
                QFAIL(qPrintable(QStringLiteral("CI must run this test, but ") + problem_));       \
            QSKIP(qPrintable(problem_));                                                           \
        }                                                                                          \
    } while (false)
