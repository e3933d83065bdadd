#!/usr/bin/env bash
# Sets up everything and runs every test: packages, build, the whole suite, then the suite again
# built with AddressSanitizer and UndefinedBehaviorSanitizer, the fuzz targets (clang, libFuzzer)
# for a few seconds each, and the tests of the engine's threads under ThreadSanitizer. Run as root (the integration tests
# create network namespaces and iptables rules inside them; the machine's own are never touched).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "packaging/test.sh: run as root (sudo packaging/test.sh): the tests need network namespaces" >&2
  exit 1
fi
packaging/install-deps.sh --tests
jobs=$(nproc)

echo "== build (RelWithDebInfo) (at ${SECONDS} s)"
cmake --preset default >/dev/null
cmake --build --preset default -j "$jobs"
echo "== tests (at ${SECONDS} s)"
ctest --preset default -j "$jobs"

echo "== build (address + undefined sanitizers) (at ${SECONDS} s)"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -j "$jobs"
echo "== tests under sanitizers (at ${SECONDS} s)"
# The benchmarks' smoke runs and the soak only once, above: their figures mean nothing here.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --preset sanitize -j "$jobs" -LE bench

echo "== fuzz targets (clang, libFuzzer; longer: tests/fuzz/run.sh) (at ${SECONDS} s)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"
ctest --preset fuzz -j "$jobs"

echo "== engine threads under ThreadSanitizer (at ${SECONDS} s)"
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$jobs"
ctest --preset tsan
echo "== all passed in ${SECONDS} s"
