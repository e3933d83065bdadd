#include "helper/protocol/SeededHash.h"

#include <sys/random.h>
#include <time.h>

namespace nfqmon {

std::uint64_t processHashSeed()
{
    std::uint64_t value = 0;
    if (getrandom(&value, sizeof value, GRND_NONBLOCK) != ssize_t(sizeof value)) {
        timespec now{}; // no entropy yet this early in boot: still not the sender's choice
        clock_gettime(CLOCK_MONOTONIC, &now);
        value = std::uint64_t(now.tv_nsec) * 0x9e3779b97f4a7c15ull ^ std::uint64_t(now.tv_sec);
    }
    return value;
}

} // namespace nfqmon
