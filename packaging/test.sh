#!/usr/bin/env bash
# Sets up everything and runs every test: packages, build, the whole suite, then the suite again
# built with AddressSanitizer and UndefinedBehaviorSanitizer. Run as root (the integration tests
# create network namespaces and iptables rules inside them; the machine's own are never touched).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "packaging/test.sh: run as root (sudo packaging/test.sh): the tests need network namespaces" >&2
  exit 1
fi
packaging/install-deps.sh --tests
jobs=$(nproc)

echo "== build (RelWithDebInfo)"
cmake --preset default >/dev/null
cmake --build --preset default -j "$jobs"
echo "== tests"
ctest --preset default -j "$jobs"

echo "== build (address + undefined sanitizers)"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -j "$jobs"
echo "== tests under sanitizers"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --preset sanitize -j "$jobs"
